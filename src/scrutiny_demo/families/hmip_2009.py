"""HMIP prison inspection reports before the 2022 change: 30 to 35+ recommendations.

Up to 2014, each theme ends with its recommendations, housekeeping points and good practice,
and the healthy prison summary lists the main recommendations (HP47 …). From 2015, a closing
section gathers them, grouped by addressee, with a paragraph reference such as (1.23).
"""

import datetime

from scrutiny_demo.authoring import Author
from scrutiny_demo.commission import Commission, inspection_dates, span
from scrutiny_demo.document import Report
from scrutiny_demo.establishments import ENGLAND_AND_WALES_PRISONS
from scrutiny_demo.families.front_matter import (
    cover,
    evidence_chapter,
    fresh_page,
    glossary,
    inspection_team,
)
from scrutiny_demo.prose import Pen

SLUG = "hmip-prison-2009"
SHORT = "hmip"
PAGES = (55, 90, 120)

OLD_SECTIONS = [
    ("Arrival in custody", ["early-days"]),
    ("Environment and relationships", ["living-conditions", "staff-relationships"]),
    ("Duty of care", ["equality", "self-harm-suicide", "violence", "complaints"]),
    ("Health services", ["healthcare", "mental-health"]),
    ("Activities", ["education-work", "time-out-of-cell"]),
    ("Good order", ["security-searching", "use-of-force", "segregation", "substance-misuse"]),
    ("Services", ["food"]),
    ("Resettlement", ["release-resettlement", "family-contact"]),
]
NEW_SECTIONS = [
    ("Safety", ["early-days", "self-harm-suicide", "violence", "use-of-force", "segregation", "substance-misuse"]),
    ("Respect", ["staff-relationships", "living-conditions", "equality", "complaints", "food", "healthcare"]),
    ("Purposeful activity", ["time-out-of-cell", "education-work"]),
    ("Rehabilitation and release planning", ["release-resettlement", "family-contact"]),
]


def commission(rng) -> Commission:
    published, start, end = inspection_dates(rng, datetime.date(2009, 4, 1), datetime.date(2022, 4, 30))
    return Commission(
        family=SLUG, body="hmip", body_name="HM Inspectorate of Prisons",
        report_type=rng.choice(["unannounced-inspection", "unannounced-inspection", "full-inspection"]),
        establishment=rng.choice(ENGLAND_AND_WALES_PRISONS),
        published=published, fieldwork_start=start, fieldwork_end=end, legal_basis="criminal-justice",
    )


def write(c: Commission, rng, density: float) -> Report:
    kind = "an unannounced full follow-up" if c.report_type == "unannounced-inspection" else "an announced"
    title = f"Report on {kind} inspection of {c.place}"
    report = Report("", {"title": title}, "helvetica", title, f"{c.place} {span(c.fieldwork_start, c.fieldwork_end)}")
    author, pen = Author(report), Pen(rng, c.short_place, c.establishment.setting, c.establishment.nation)
    cover(author, c, title, ["by HM Chief Inspector of Prisons", span(c.fieldwork_start, c.fieldwork_end)])
    contents = author.contents_page()
    glossary(author, rng=rng)
    author.heading(1, "Introduction", new_page=True)
    for _ in range(max(3, round(4 * density))):
        author.para(pen.narrative(pen.spread(["leadership", "staffing"] + [t for _, ts in NEW_SECTIONS for t in ts])))
    author.heading(1, "Fact page", new_page=True)
    author.table(["", ""], [["Task of the establishment", "Category B local prison"],
                            ["Certified normal accommodation", str(rng.randint(300, 900))],
                            ["Last inspection", str(c.year - rng.randint(2, 4))]], [0.5, 0.5])
    if c.fieldwork_end.year <= 2014:
        write_section_end_lists(author, pen, c, density)
    else:
        write_summary_section(author, pen, c, density)
    inspection_team(author, rng)
    author.finish_contents(contents)
    return report


def write_section_end_lists(author, pen, c, density):
    rng = pen.rng
    author.heading(1, "Healthy prison summary", new_page=True)
    hp = 1
    for _ in range(max(6, round(10 * density))):
        author.para(pen.narrative(pen.spread(t for _, ts in OLD_SECTIONS for t in ts)), number=f"HP{hp}")
        hp += 1
    author.heading(2, "Main recommendations")
    for theme in rng.sample(["self-harm-suicide", "violence", "time-out-of-cell", "education-work",
                             "release-resettlement", "substance-misuse", "living-conditions"], rng.randint(3, 6)):
        author.finding("recommendation", pen.fix(theme, rng.choice(["The governor", "NOMS", "The prison"])),
                       kind_level=2, number=f"HP{hp}")
        hp += 1
    for s, (name, themes) in enumerate(OLD_SECTIONS, start=1):
        author.heading(1, name, number=f"Section {s}:", new_page=True)
        paragraph = 1
        for theme in themes:
            author.heading(2, pen.title(theme))
            for _ in range(max(1, round(rng.uniform(3, 7) * density))):
                author.para(pen.narrative(theme), number=f"{s}.{paragraph}")
                paragraph += 1
            lists = [("Recommendations", "recommendation", lambda t: pen.fix(t, rng.choice(["The governor", "Prisoners", "Staff"]))),
                     ("Housekeeping points", "action_point", lambda t: pen.fix(t, rng.choice(["The prison", "Managers"]))),
                     ("Good practice", "good_practice", pen.strength)]
            for heading, kind, make in lists:
                count = {"recommendation": rng.randint(1, 3), "action_point": rng.randint(0, 2),
                         "good_practice": int(rng.random() < 0.3)}[kind]
                if not count:
                    continue
                author.heading(3, heading)
                for _ in range(count):
                    author.finding(kind, make(theme), kind_level=3, number=f"{s}.{paragraph}")
                    paragraph += 1


def write_summary_section(author, pen, c, density):
    rng = pen.rng
    service = "NOMS" if c.fieldwork_end.year < 2017 else "HMPPS"
    author.heading(1, "Summary", new_page=True)
    for n in range(1, max(6, round(8 * density))):
        author.para(pen.narrative(pen.spread(t for _, ts in NEW_SECTIONS for t in ts)), number=f"S{n}")
    references = []
    for s, (name, themes) in enumerate(NEW_SECTIONS, start=1):
        last = evidence_chapter(author, pen, name, f"Section {s}.", themes, density * 1.2, str(s))
        references += [(theme, f"{s}.{rng.randint(1, max(1, last - 1))}") for theme in themes]
    s = len(NEW_SECTIONS) + 1
    author.heading(1, "Summary of recommendations and good practice", number=f"Section {s}.",
                   new_page=fresh_page(rng))
    author.para("The following is a listing of recommendations and examples of good practice "
                "included in this report. The reference numbers at the end of each refer to the "
                "paragraph location in the main report.")
    number = 1
    pool = references[:]
    rng.shuffle(pool)

    def item(kind, level, actor, addressee=None):
        nonlocal number
        theme, ref = pool[number % len(pool)]
        text = pen.strength(theme) if kind == "good_practice" else pen.fix(theme, actor)
        author.finding(kind, f"{text} ({ref})", kind_level=level, number=f"{s}.{number}",
                       addressee=addressee)
        number += 1

    author.heading(2, "Main recommendations")
    author.heading(3, "To the governor")
    for _ in range(rng.randint(3, 5)):
        item("recommendation", 2, "The governor", "the governor")
    author.heading(3, f"To {service}")
    for _ in range(rng.randint(1, 2)):
        item("recommendation", 2, service, service)
    author.heading(2, "Recommendations")
    author.heading(3, "To the governor")
    for _ in range(rng.randint(18, 26)):
        item("recommendation", 2, rng.choice(["The prison", "Managers", "The governor", "Staff"]), "the governor")
    author.heading(2, "Housekeeping points")
    for _ in range(rng.randint(3, 8)):
        item("action_point", 2, rng.choice(["The prison", "Managers"]))
    author.heading(2, "Examples of good practice")
    for _ in range(rng.randint(1, 4)):
        item("good_practice", 2, "")
