"""Joint HMIP and HMICFRS inspections of police custody: causes of concern, areas for improvement."""

import datetime

from scrutiny_demo.authoring import Author
from scrutiny_demo.commission import Commission, inspection_dates, span
from scrutiny_demo.document import Report
from scrutiny_demo.establishments import POLICE_FORCE_AREAS
from scrutiny_demo.families.front_matter import cover, glossary
from scrutiny_demo.prose import Pen

SLUG = "hmip-police-custody"
SHORT = "hmip-custody"
PAGES = (30, 50, 80)

CHAPTERS = [
    ("Leadership, accountability and partnerships", ["leadership", "staffing"]),
    ("Pre-custody: first point of contact", ["early-days", "equality"]),
    ("In the custody suite: booking in, individual needs and legal rights", ["early-days", "security-searching", "complaints"]),
    ("In the custody cell: safeguarding and health care", ["use-of-force", "self-harm-suicide", "healthcare", "mental-health", "living-conditions"]),
    ("Release and transfer from custody", ["release-resettlement", "records"]),
]
FORCE_ACTORS = ["The force", "The force and its health care provider", "The chief constable", "Custody managers"]


def commission(rng) -> Commission:
    published, start, end = inspection_dates(rng, datetime.date(2009, 6, 1), datetime.date(2026, 3, 31), days=(4, 11))
    return Commission(
        family=SLUG, body="hmip", body_name="HM Inspectorate of Prisons and HM Inspectorate of Constabulary",
        report_type="unannounced-inspection", establishment=rng.choice(POLICE_FORCE_AREAS),
        published=published, fieldwork_start=start, fieldwork_end=end, legal_basis="pace",
        co_bodies=["hmicfrs"],
    )


def write(c: Commission, rng, density: float) -> Report:
    area = c.place.replace(" Constabulary", "").replace(" Police", "")
    title = f"Report on an unannounced inspection visit to police custody suites in {area}"
    report = Report("", {"title": title}, "helvetica", title, f"{area} police custody suites")
    author, pen = Author(report), Pen(rng, area, c.establishment.setting, c.establishment.nation)
    cover(author, c, title, [c.place, span(c.fieldwork_start, c.fieldwork_end),
                             "Joint inspection by HMI Prisons and HMI Constabulary and Fire & Rescue Services"])
    contents = author.contents_page()
    author.heading(1, "Introduction", number="1.", new_page=True)
    for n in range(1, max(3, round(4 * density)) + 1):
        author.para(pen.narrative(rng.choice(["leadership", "early-days"])), number=f"1.{n}")
    causes = rng.sample(range(len(CHAPTERS)), rng.randint(1, 3))
    for ch, (name, themes) in enumerate(CHAPTERS, start=2):
        author.heading(1, name, number=f"{ch}.", new_page=True)
        paragraph = 1
        for theme in themes:
            author.heading(2, pen.title(theme).replace("prisoner", "detainee"))
            for _ in range(max(1, round(rng.uniform(2, 5) * density))):
                author.para(pen.narrative(theme), number=f"{ch}.{paragraph}")
                paragraph += 1
        if ch - 2 in causes:
            theme = rng.choice(themes)
            author.heading(2, "Cause of concern")
            author.finding("cause_of_concern", pen.problem(theme), kind_level=2, number=f"{ch}.{paragraph}")
            paragraph += 1
            author.heading(3, "Recommendation")
            author.finding("recommendation", pen.fix(theme, rng.choice(FORCE_ACTORS)), kind_level=2,
                           number=f"{ch}.{paragraph}")
            paragraph += 1
        author.heading(2, "Areas for improvement")
        for theme in rng.sample(themes * 2, rng.randint(1, min(4, len(themes) * 2))):
            author.finding("area_for_improvement", pen.fix(theme, rng.choice(FORCE_ACTORS)),
                           kind_level=2, number=f"{ch}.{paragraph}")
            paragraph += 1
    glossary(author, number="Appendix I", rng=rng)
    author.finish_contents(contents)
    return report
