"""What inspectors write about, theme by theme, in the words of the setting they inspect.

Each theme offers narrative sentences (evidence), problems (what a concern says), fixes (what
a recommendation asks, after "should"), strengths (good practice) and notes (points of note).
A setting (prison, police custody, mental health hospital, children's secure care) draws on
the setting-neutral pools in `common` and on its own; a nation adds its own words (halls and
Talk to Me in Scotland, landings and SPAR Evolution in Northern Ireland).

Placeholders: {pct} a percentage, {num} a count, {days} a number of days, {place} the
establishment's short name, {unit} a wing, suite, ward or house; and the setting's words
{people} {People} {person} {Person} {room} {rooms} {staff} {Staff} {site} {area} {areas}.
A theme may also offer claims: clauses that the pen sets in a frame ("We found that {claim}.").
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from scrutiny_demo.vocabulary import (
    common,
    common_claims,
    custody,
    custody_cell,
    custody_claims,
    governance,
    hospital,
    hospital_care,
    hospital_claims,
    prison_evidence,
    prison_extra,
    regions,
    respect,
    safety,
    secure_care,
    secure_care_claims,
    secure_care_life,
)

SETTINGS = {
    "adult-prison": "prison", "womens-prison": "prison", "yoi": "prison",
    "police-custody": "custody",
    "secure-hospital": "hospital", "mental-health-other": "hospital",
    "children-secure": "secure-care",
}

WORDS = {
    "prison": dict(people="prisoners", People="Prisoners", person="prisoner", Person="Prisoner",
                   room="cell", rooms="cells", staff="officers", Staff="Officers", site="the prison",
                   area="wing", areas="the wings"),
    "custody": dict(people="detainees", People="Detainees", person="detainee", Person="Detainee",
                    room="cell", rooms="cells", staff="custody staff", Staff="Custody staff",
                    site="the custody suites", area="suite", areas="the suites"),
    "hospital": dict(people="patients", People="Patients", person="patient", Person="Patient",
                     room="bedroom", rooms="bedrooms", staff="ward staff", Staff="Ward staff",
                     site="the hospital", area="ward", areas="the wards"),
    "secure-care": dict(people="young people", People="Young people", person="young person",
                        Person="Young person", room="bedroom", rooms="bedrooms", staff="staff",
                        Staff="Staff", site="the service", area="house", areas="the houses"),
}

UNITS = {
    "prison": ["A wing", "B wing", "C wing", "D wing", "E wing", "F wing", "the first night centre",
               "the health care unit", "the induction unit", "Houseblock 1", "Houseblock 2", "Ash unit",
               "Beech unit", "Cedar unit", "the vulnerable prisoners' unit"],
    "custody": ["the central custody suite", "the northern suite", "the city suite", "the eastern suite",
                "the 24-hour suite at the main police station", "the occasional-use suite",
                "the newest suite", "the busiest suite"],
    "hospital": ["the ward", "the female ward", "the male acute ward", "the psychiatric intensive care unit",
                 "the rehabilitation ward", "the low secure ward", "the admission ward"],
    "secure-care": ["the first house", "the second house", "the girls' house", "the admission house",
                    "the largest house", "the smaller house"],
}

SETTING_THEMES = {
    "prison": [safety.THEMES, respect.THEMES, governance.THEMES, prison_extra.THEMES,
               prison_evidence.THEMES],
    "custody": [custody.THEMES, custody_cell.THEMES, custody_claims.THEMES],
    "hospital": [hospital.THEMES, hospital_care.THEMES, hospital_claims.THEMES],
    "secure-care": [secure_care.THEMES, secure_care_life.THEMES, secure_care_claims.THEMES],
}


def setting_for(establishment_setting: str) -> str:
    return SETTINGS.get(establishment_setting, establishment_setting)


def merge(*sources) -> dict:
    themes: dict[str, dict] = {}
    for source in sources:
        for slug, entry in source.items():
            into = themes.setdefault(slug, {"title": "", "narrative": [], "problems": [], "fixes": [],
                                            "strengths": [], "notes": [], "survey": [],
                                            "claims": []})
            for key, value in entry.items():
                if key == "title":
                    into["title"] = value
                else:
                    into[key] = into[key] + [v for v in value if v not in into[key]]
    return themes


@dataclass
class Vocabulary:
    themes: dict
    words: dict
    units: list
    openers: list
    tails: list
    swaps: list
    frames: list

    def localise(self, text: str) -> str:
        for pattern, replacement in self.swaps:
            text = pattern.sub(replacement, text)
        return text


@lru_cache(maxsize=None)
def vocabulary(setting: str, nation: str = "england") -> Vocabulary:
    region = regions.REGIONS.get((setting, nation), {})
    blocked = region.get("blocked", [])
    sources = [common.THEMES, common_claims.THEMES] + SETTING_THEMES[setting] + [region.get("themes", {})]
    themes = merge(*sources)
    words = WORDS[setting]
    for entry in themes.values():
        for key in ("narrative", "problems", "fixes", "strengths", "notes", "claims"):
            kept = {}
            for t in entry[key]:
                # A setting pool may restate a neutral sentence in its own words: keep one.
                seen_as = re.sub(r"\{(\w+)\}", lambda m: words.get(m[1], m[0]), t)
                if not any(b in t for b in blocked):
                    kept.setdefault(seen_as, t)
            entry[key] = list(kept.values())
    swaps = [(re.compile(p), r) for p, r in region.get("swaps", [])]
    return Vocabulary(themes, words, region.get("units", UNITS[setting]),
                      common.OPENERS[setting] + common.OPENERS["any"],
                      common.TAILS, swaps, common.FRAMES.get(setting, []) + common.FRAMES["any"])
