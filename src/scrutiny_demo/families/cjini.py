"""Criminal Justice Inspection Northern Ireland: strategic and operational recommendations,
and areas for improvement in the chapters."""

import datetime

from scrutiny_demo.authoring import Author
from scrutiny_demo.commission import Commission, inspection_dates, month_year
from scrutiny_demo.document import Report
from scrutiny_demo.establishments import NORTHERN_IRELAND_PLACES
from scrutiny_demo.families.front_matter import cover, glossary
from scrutiny_demo.prose import Pen

SLUG = "cjini-inspection"
SHORT = "cjini"
PAGES = (35, 65, 110)
CHAPTERS = [
    ("Safety", ["early-days", "self-harm-suicide", "violence", "use-of-force", "substance-misuse"]),
    ("Respect", ["living-conditions", "staff-relationships", "equality", "healthcare"]),
    ("Purposeful activity", ["education-work", "time-out-of-cell"]),
    ("Resettlement", ["release-resettlement", "family-contact"]),
]
CUSTODY_CHAPTERS = [
    ("Safety", ["early-days", "self-harm-suicide", "use-of-force", "security-searching"]),
    ("Respect", ["living-conditions", "equality", "healthcare", "mental-health"]),
    ("Rights and records", ["complaints", "records"]),
    ("Release", ["release-resettlement"]),
]


def commission(rng) -> Commission:
    published, start, end = inspection_dates(rng, datetime.date(2009, 3, 1), datetime.date(2026, 3, 31))
    place = rng.choice(NORTHERN_IRELAND_PLACES)
    return Commission(
        family=SLUG, body="cjini", body_name="Criminal Justice Inspection Northern Ireland",
        report_type=rng.choice(["unannounced-inspection", "full-inspection"]), establishment=place,
        published=published, fieldwork_start=start, fieldwork_end=end,
        legal_basis="pace" if place.setting == "police-custody" else "criminal-justice",
    )


def write(c: Commission, rng, density: float) -> Report:
    custody = c.establishment.setting == "police-custody"
    kind = "An unannounced" if c.report_type == "unannounced-inspection" else "An announced"
    title = f"{kind} inspection of {c.place}"
    report = Report("", {"title": title}, "times", title, f"CJINI: {c.place}")
    report.body_size = 11
    author, pen = Author(report), Pen(rng, c.short_place, c.establishment.setting, c.establishment.nation)
    service = "The Police Service of Northern Ireland" if custody else "The Northern Ireland Prison Service"
    cover(author, c, title, [month_year(c.published)])
    contents = author.contents_page()
    author.heading(1, "Chief Inspector's foreword", new_page=True)
    for _ in range(max(2, round(3 * density))):
        author.para(pen.narrative("leadership"))
    author.heading(1, "Executive summary", new_page=True)
    for _ in range(max(3, round(4 * density))):
        author.para(pen.narrative(pen.spread(t for _, ts in (CUSTODY_CHAPTERS if custody else CHAPTERS) for t in ts)))
    author.heading(1, "Recommendations")
    chapters = CUSTODY_CHAPTERS if custody else CHAPTERS
    all_themes = [t for _, ts in chapters for t in ts]
    for group, count, actors in [("Strategic recommendations", rng.randint(2, 4), [service]),
                                 ("Operational recommendations", rng.randint(5, 12),
                                  [service, "The Governor", "The South Eastern Health and Social Care Trust"])]:
        author.heading(2, group)
        for n in range(1, count + 1):
            theme = rng.choice(all_themes)
            text = f"{pen.fix(theme, rng.choice(actors)).rstrip('.')} (paragraph {rng.randint(1, 4)}.{rng.randint(2, 50)})."
            if rng.random() < 0.6:  # CJINI usually sets a timescale, which makes the item run on
                when = rng.choice(["three", "six", "six", "12"])
                text = f"Within {when} months of the publication of this report, {text[0].lower()}{text[1:]}"
            author.finding("recommendation", text, kind_level=2, number=str(n), printed_number=f"{n}.")
    for ch, (name, themes) in enumerate(chapters, start=1):
        author.heading(1, name, number=f"Chapter {ch}", new_page=True)
        paragraph = 1
        for theme in themes:
            author.heading(2, pen.title(theme))
            for _ in range(max(1, round(rng.uniform(2, 6) * density))):
                author.para(pen.narrative(theme), number=f"{ch}.{paragraph}")
                paragraph += 1
        if rng.random() < 0.75:
            author.heading(2, "Areas for improvement")
            for theme in rng.sample(themes, rng.randint(1, len(themes))):
                author.finding("area_for_improvement", pen.fix(theme, rng.choice([service, "Managers", "Staff"])),
                               kind_level=2, bullet=True)
    glossary(author, number="Appendix 1", rng=rng)
    author.finish_contents(contents)
    return report
