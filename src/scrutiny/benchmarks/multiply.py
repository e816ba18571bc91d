"""The rows of the bench database: a copy of the ingested template multiplied in one transaction.

Reports of 20-40 findings are spread over the 21 bodies, the settings and nations each covers and
several hundred establishments (the template's and invented ones), more of them each year; each
finding takes its kind, text, status and tags from an ingested finding of the same setting, with
variation (another paragraph number, the place named, now and then a rare detail). Rows start
from a row the template holds, so a column added by a later migration keeps ingest's value. The
FTS5 triggers stay in place: the search index is the one the application itself keeps.
"""

import hashlib
import math
import random
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

FIRST_DAY, LAST_DAY = date(2009, 4, 1), date(2026, 10, 31)
GROWTH = 3.0  # reports published a month at the end of the range, against the start
DRAFT_SHARE = 0.002  # reports still in review: on no public page, count or search
RARE_PER_MILLION = 40  # findings holding each rare word, at a million findings

# Reports a year, roughly, by body: the inspectorates and the monitoring boards write most.
BODY_WEIGHTS = {
    "hmip": 16, "imb": 14, "cqc": 12, "icva": 8, "hmips": 5, "care-inspectorate": 5, "mwcs": 4,
    "hmicfrs": 4, "ofsted": 4, "hiw": 3, "ciw": 3, "rqia": 3, "cjini": 2, "imb-ni": 2, "hmics": 2,
    "icvs": 2, "nipb-icv": 2, "lay-observers": 2, "childrens-commissioner-england": 1, "irtl": 1,
    "shrc": 1,
}
NATION_SHARE = {"england": 0.76, "wales": 0.07, "scotland": 0.12, "northern-ireland": 0.05}
# Places of each setting across the four nations (shared out by NATION_SHARE).
SETTING_PLACES = {
    "adult-prison": 100, "womens-prison": 14, "yoi": 12, "children-secure": 20, "police-custody": 45,
    "court-custody-escort": 12, "immigration-detention": 9, "military": 2, "customs-border": 6,
    "secure-hospital": 40, "mental-health-other": 60, "social-care": 70,
}
PLACE_PATTERNS = {
    "adult-prison": "HMP {}", "womens-prison": "HMP & YOI {}", "yoi": "HMYOI {}",
    "children-secure": "{} Secure Children's Home", "police-custody": "{} Police custody suite",
    "court-custody-escort": "{} Crown Court cells", "immigration-detention": "{} Immigration Removal Centre",
    "military": "{} Military Corrective Training Centre", "customs-border": "{} short-term holding facility",
    "secure-hospital": "{} Hospital", "mental-health-other": "{} Lodge mental health unit",
    "social-care": "{} Care Home",
}
PLACE_SYLLABLES = {
    "england": ("Ash Brack Thorn Elm Haw Wold Marl Stan Whit Kings Dun Ember Fox Gold Hart Lang Mor "
                "North Oak Sel Wren Bram Cold Fern Heath Kers Lyd Nether Ridge Sedge", "by ford ley ham field "
                "wood moor gate bridge brook stone well ton combe hurst mere"),
    "wales": ("Llan Aber Pen Cwm Caer Bryn Pont Tre Maes Glyn", "dovey garth wen fach teg nant ddu arth celyn melyn"),
    "scotland": ("Kil Inver Glen Auch Dun Strath Bal Kin Craig Ach", "more loch ross brae carron tay dee ness muir haven"),
    "northern-ireland": ("Bally Drum Carrick Knock Lis Rath Tulla Mona Augh Clough", "gar more naw beg keel vally dun roe glass lin"),
}
# Report types by kind of body; the rest inspect.
VISITING_BODIES = {"icva", "icvs", "nipb-icv", "lay-observers", "irtl"}
MONITORING_BODIES = {"imb", "imb-ni"}
INSPECTION_TYPES = (("unannounced-inspection", 45), ("full-inspection", 25), ("review-of-progress", 18), ("thematic", 6), ("annual-report", 6))
# Progress on earlier recommendations, as a review of progress judges it.
ASSESSED = (("achieved", 25), ("good_progress", 15), ("some_progress", 30), ("no_progress", 25), ("no_longer_relevant", 5))
# Each phrase brings one word that no ingested finding holds, for the rare-word search.
RARE_PHRASES = (
    ("defibrillator", "including access to a working defibrillator on every wing"),
    ("menopause", "including support for women going through the menopause"),
    ("braille", "including notices in braille and easy read"),
    ("dyslexia", "including screening for dyslexia on arrival"),
    ("tuberculosis", "including screening for tuberculosis on arrival"),
    ("allotment", "including time on the allotment"),
    ("beekeeping", "including the beekeeping course"),
    ("chiropody", "including regular chiropody appointments"),
)
RARE_WORDS = tuple(word for word, _ in RARE_PHRASES)
_PARAGRAPH = re.compile(r"\b(\d{1,2})\.(\d{1,3})\b")


class Table:
    """Rows for one table, each starting from a row the template holds (so a column added by a
    later migration gets the value ingest gave it) with the chosen columns replaced."""

    def __init__(self, con: sqlite3.Connection, name: str):
        self.name = name
        self.columns = [row[1] for row in con.execute(f'PRAGMA table_info("{name}")')]
        sample = con.execute(f'SELECT * FROM "{name}" ORDER BY id LIMIT 1').fetchone()
        self.defaults = dict(zip(self.columns, sample)) if sample else dict.fromkeys(self.columns)
        self.next_id = (con.execute(f'SELECT max(id) FROM "{name}"').fetchone()[0] or 0) + 1
        self.sql = (f'INSERT INTO "{name}" ({", ".join(chr(34) + c + chr(34) for c in self.columns)}) '
                    f'VALUES ({", ".join("?" * len(self.columns))})')
        self.pending: list[tuple] = []

    def add(self, **values) -> int:
        row_id = values.setdefault("id", self.next_id)
        self.next_id = max(self.next_id, row_id + 1)
        merged = {**self.defaults, **values}
        self.pending.append(tuple(merged[c] for c in self.columns))
        return row_id

    def flush(self, con: sqlite3.Connection) -> None:
        con.executemany(self.sql, self.pending)
        self.pending.clear()


@dataclass
class Source:
    """An ingested finding that new findings copy, with its tags."""

    kind: str
    text: str
    label: str
    section: str
    themes: list  # (theme_id, origin, confidence, evidence)
    populations: list


class Catalogue:
    def __init__(self, con: sqlite3.Connection):
        self.settings = dict(con.execute("SELECT slug, id FROM catalogue_setting"))
        self.setting_names = dict(con.execute("SELECT id, name FROM catalogue_setting"))
        self.nations = dict(con.execute("SELECT slug, id FROM catalogue_nation"))
        self.bodies = dict(con.execute("SELECT slug, id FROM catalogue_body"))
        self.body_settings = {slug: [] for slug in self.bodies}
        self.body_nations = {slug: [] for slug in self.bodies}
        # Django orders a many-to-many by id: the order the reference data lists them in.
        for slug, setting in con.execute(
            "SELECT b.slug, s.slug FROM catalogue_body_settings bs JOIN catalogue_body b ON b.id = bs.body_id "
            "JOIN catalogue_setting s ON s.id = bs.setting_id ORDER BY bs.id"):
            self.body_settings[slug].append(setting)
        for slug, nation in con.execute(
            "SELECT b.slug, n.slug FROM catalogue_body_nations bn JOIN catalogue_body b ON b.id = bn.body_id "
            "JOIN catalogue_nation n ON n.id = bn.nation_id ORDER BY bn.id"):
            self.body_nations[slug].append(nation)
        self.places: dict[tuple, list] = {}  # (setting id, nation id) -> [(establishment id, name)]
        for place_id, name, setting_id, nation_id in con.execute(
                "SELECT id, name, setting_id, nation_id FROM catalogue_establishment"):
            self.places.setdefault((setting_id, nation_id), []).append((place_id, name))


def read_sources(con: sqlite3.Connection) -> dict:
    """The template's findings by setting id (None: every finding)."""
    themes, populations = {}, {}
    for finding_id, *tag in con.execute("SELECT finding_id, theme_id, origin, confidence, evidence FROM findings_tag"):
        themes.setdefault(finding_id, []).append(tuple(tag))
    for finding_id, *tag in con.execute(
            "SELECT finding_id, population_id, origin, confidence, evidence FROM findings_populationtag"):
        populations.setdefault(finding_id, []).append(tuple(tag))
    by_setting: dict = {None: []}
    for finding_id, setting_id, kind, text, label, section in con.execute(
            "SELECT id, setting_id, kind, text, label_in_source, section FROM findings_finding ORDER BY id"):
        source = Source(kind, text, label, section, themes.get(finding_id, []), populations.get(finding_id, []))
        by_setting.setdefault(setting_id, []).append(source)
        by_setting[None].append(source)
    return by_setting


def invent_places(con: sqlite3.Connection, catalogue: Catalogue, rng: random.Random) -> None:
    """Enough establishments for every setting a body inspects in each nation it covers."""
    establishments, aliases = Table(con, "catalogue_establishment"), Table(con, "catalogue_establishmentalias")
    taken_names = {name for (name,) in con.execute("SELECT name FROM catalogue_establishmentalias")}
    taken_slugs = {slug for (slug,) in con.execute("SELECT slug FROM catalogue_establishment")}
    covered = {(s, n) for body in catalogue.bodies for s in catalogue.body_settings[body]
               for n in catalogue.body_nations[body]}
    for setting, nation in sorted(covered):
        key = (catalogue.settings[setting], catalogue.nations[nation])
        wanted = max(2, round(SETTING_PLACES.get(setting, 10) * NATION_SHARE.get(nation, 0.05)))
        firsts, seconds = (part.split() for part in PLACE_SYLLABLES[nation])
        while len(catalogue.places.get(key, [])) < wanted:
            name = PLACE_PATTERNS[setting].format(rng.choice(firsts) + rng.choice(seconds))
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower().replace("&", "and")).strip("-")
            if name in taken_names or slug in taken_slugs:
                continue
            taken_names.add(name)
            taken_slugs.add(slug)
            place_id = establishments.add(slug=slug, name=name, setting_id=key[0], nation_id=key[1],
                                          operator="", opened=None, closed=None, needs_review=False)
            aliases.add(name=name, key=_alias_key(name), establishment_id=place_id)
            catalogue.places.setdefault(key, []).append((place_id, name))
    establishments.flush(con)
    aliases.flush(con)


def _alias_key(name: str) -> str:
    # What catalogue.models.establishment_key makes of these invented names, without Django.
    lowered = name.lower().replace("&", "and")
    for prefix in ("hmp and yoi ", "hmyoi ", "hmp "):
        if lowered.startswith(prefix):
            return lowered[len(prefix):]
    return lowered


def publication_day(rng: random.Random) -> date:
    """A day in the range, more likely the later it is (publication grew GROWTH-fold)."""
    k = math.log(GROWTH)
    share = math.log(1 + rng.random() * (GROWTH - 1)) / k
    return FIRST_DAY + timedelta(days=int(share * (LAST_DAY - FIRST_DAY).days))


def weighted(rng: random.Random, pairs) -> str:
    values, weights = zip(*pairs)
    return rng.choices(values, weights)[0]


def multiply(path: Path, findings: int, seed: int) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    # Nothing else reads the file while it is built: no journal, no waiting for the disk.
    con.execute("PRAGMA journal_mode=DELETE")
    con.executescript("PRAGMA synchronous=OFF; PRAGMA journal_mode=OFF; PRAGMA cache_size=-200000; PRAGMA temp_store=MEMORY")
    rng = random.Random(f"scrutiny-bench:{seed}")
    catalogue = Catalogue(con)
    sources = read_sources(con)
    existing = con.execute("SELECT count(*) FROM findings_finding").fetchone()[0]
    if findings < existing:
        raise ValueError(f"the template alone holds {existing:,} findings: ask for at least that many")
    con.execute("BEGIN")
    invent_places(con, catalogue, rng)
    writer = Multiplier(con, catalogue, sources, rng, to_write=findings - existing)
    writer.write()
    con.execute("COMMIT")
    con.execute("PRAGMA journal_mode=WAL")
    con.close()


class Multiplier:
    BATCH = 2000  # reports held before their rows are written

    def __init__(self, con, catalogue: Catalogue, sources: dict, rng: random.Random, to_write: int):
        self.con, self.catalogue, self.sources, self.rng = con, catalogue, sources, rng
        self.to_write = to_write
        self.reports = Table(con, "reports_report")
        self.report_places = Table(con, "reports_report_establishments")
        self.findings = Table(con, "findings_finding")
        self.tags = Table(con, "findings_tag")
        self.population_tags = Table(con, "findings_populationtag")
        rare_each = max(3, round(RARE_PER_MILLION * to_write / 1_000_000)) if to_write >= 100 else 0
        slots = rng.sample(range(to_write), min(to_write, rare_each * len(RARE_PHRASES)))
        self.rare = {slot: RARE_PHRASES[n % len(RARE_PHRASES)][1] for n, slot in enumerate(slots)}
        self.body_weights = [(slug, BODY_WEIGHTS.get(slug, 1)) for slug in catalogue.bodies]

    def write(self) -> None:
        written, batch = 0, 0
        while written < self.to_write:
            size = min(self.rng.randint(20, 40), self.to_write - written)
            self.report(written, size)
            written += size
            batch += 1
            if batch % self.BATCH == 0:
                self.flush()
        self.flush()

    def flush(self) -> None:
        for table in (self.reports, self.report_places, self.findings, self.tags, self.population_tags):
            table.flush(self.con)

    def report(self, first: int, size: int) -> None:
        rng, catalogue = self.rng, self.catalogue
        body = weighted(rng, self.body_weights)
        settings = catalogue.body_settings[body]
        setting = weighted(rng, [(s, 0.5 ** n) for n, s in enumerate(settings)]) if settings else None
        nations = catalogue.body_nations[body]
        nation = weighted(rng, [(n, NATION_SHARE.get(n, 0.05)) for n in nations])
        setting_id, nation_id = catalogue.settings.get(setting), catalogue.nations[nation]
        report_type = self.report_type(body)
        place = None
        if report_type != "thematic" and catalogue.places.get((setting_id, nation_id)):
            place = rng.choice(catalogue.places[(setting_id, nation_id)])
        day = publication_day(rng)
        published = rng.random() >= DRAFT_SHARE
        report_id = self.reports.next_id
        reference = f"{body}-bench-{report_id}"
        self.reports.add(
            id=report_id, report_type=report_type, title=self.title(report_type, place, setting_id, day),
            published=day.isoformat(), fieldwork_start=None, fieldwork_end=None, legal_basis="", source_url="",
            file_name=f"{reference}.pdf", file_format="pdf", page_count=rng.randint(12, 120), language="en",
            content_hash=hashlib.sha256(reference.encode()).hexdigest(), extraction_profile=body,
            is_published=published, state="published" if published else "in_review",
            body_id=catalogue.bodies[body], nation_id=nation_id, setting_id=setting_id, version=1,
            reference=reference, ingested_at=f"{day.isoformat()} 09:00:00",
        )
        if place:
            self.report_places.add(report_id=report_id, establishment_id=place[0])
        pool = self.sources.get(setting_id) or self.sources[None]
        period = day.year if day.month >= 4 else day.year - 1
        for position in range(size):
            source = rng.choice(pool)
            status = weighted(rng, ASSESSED) if report_type == "review-of-progress" else "not_assessed"
            finding_id = self.findings.add(
                position=position, kind=source.kind, label_in_source=source.label, number=str(position + 1),
                text=self.vary(source.text, place, first + position), page=rng.randint(4, 90),
                section=source.section, addressee="", status=status, status_in_source="", provenance="extracted",
                year=day.year, reporting_year=period, is_published=published, body_id=catalogue.bodies[body],
                nation_id=nation_id, report_id=report_id, setting_id=setting_id, version=1,
                assesses_id=None, repeats_id=None,
            )
            for theme_id, origin, confidence, evidence in source.themes:
                self.tags.add(finding_id=finding_id, theme_id=theme_id, origin=origin,
                              confidence=confidence, evidence=evidence)
            for population_id, origin, confidence, evidence in source.populations:
                self.population_tags.add(finding_id=finding_id, population_id=population_id, origin=origin,
                                         confidence=confidence, evidence=evidence)

    def report_type(self, body: str) -> str:
        if body in VISITING_BODIES:
            return weighted(self.rng, (("custody-visit-summary", 80), ("annual-report", 20)))
        if body in MONITORING_BODIES:
            return weighted(self.rng, (("annual-report", 70), ("monitoring-visit", 30)))
        return weighted(self.rng, INSPECTION_TYPES)

    def title(self, report_type: str, place, setting_id, day: date) -> str:
        where = place[1] if place else self.catalogue.setting_names.get(setting_id, "places of detention")
        return {
            "unannounced-inspection": f"Report on an unannounced inspection of {where}",
            "full-inspection": f"Report on a full inspection of {where}",
            "review-of-progress": f"Independent review of progress at {where}",
            "thematic": f"Thematic review: {where}, {day.year}",
            "annual-report": f"Annual report: {where}, {day.year}",
            "monitoring-visit": f"Monitoring visit to {where}",
            "custody-visit-summary": f"Custody visiting summary: {where}, {day:%B %Y}",
        }[report_type]

    def vary(self, text: str, place, slot: int) -> str:
        """The source's words with another paragraph number, sometimes the place named, and the
        rare detail planned for this slot."""
        rng = self.rng
        text = _PARAGRAPH.sub(lambda m: f"{rng.randint(1, 12)}.{rng.randint(1, 120)}", text)
        if place and rng.random() < 0.15 and text[:1].isupper() and text[1:2].islower():
            text = f"At {place[1]}, {text[0].lower()}{text[1:]}"
        if slot in self.rare:
            text = f"{text.rstrip().rstrip('.')}, {self.rare[slot]}."
        return text
