"""Independent Monitoring Board annual reports: evidence sections, then issues for ministers,
the Prison Service and the Governor, and progress since the last report."""

import datetime

from scrutiny_demo.authoring import Author
from scrutiny_demo.commission import Commission, long_date
from scrutiny_demo.document import Report
from scrutiny_demo.establishments import ENGLAND_AND_WALES_PRISONS
from scrutiny_demo.families.front_matter import cover, evidence_chapter
from scrutiny_demo.prose import Pen

SLUG = "imb-annual-report"
SHORT = "imb"
PAGES = (20, 35, 55)
EVIDENCE = [
    ("Safety", ["early-days", "self-harm-suicide", "violence", "use-of-force", "substance-misuse"]),
    ("Fair and humane treatment", ["living-conditions", "staff-relationships", "equality", "segregation", "complaints", "food"]),
    ("Health and wellbeing", ["healthcare", "mental-health", "time-out-of-cell"]),
    ("Progression and resettlement", ["education-work", "release-resettlement", "family-contact"]),
]
QUESTIONS = ["How safe is the prison?", "How fairly and humanely are prisoners treated?",
             "How well are prisoners' health and wellbeing needs met?",
             "How well are prisoners progressed towards successful resettlement?"]


def commission(rng) -> Commission:
    year_end = rng.randint(2009, 2025)
    start_month = rng.choice([1, 4, 6, 8, 11])
    start = datetime.date(year_end - 1, start_month, 1)
    end = datetime.date(year_end, start_month, 1) - datetime.timedelta(days=1)
    published = end + datetime.timedelta(days=rng.randint(60, 200))
    published = min(published, datetime.date(2026, 3, 31))
    return Commission(
        family=SLUG, body="imb", body_name="Independent Monitoring Board", report_type="annual-report",
        establishment=rng.choice(ENGLAND_AND_WALES_PRISONS),
        published=published, fieldwork_start=start, fieldwork_end=end, legal_basis="criminal-justice",
    )


def write(c: Commission, rng, density: float) -> Report:
    period = f"{long_date(c.fieldwork_start)} to {long_date(c.fieldwork_end)}"
    title = f"Annual Report of the Independent Monitoring Board at {c.place}"
    report = Report("", {"title": title}, "helvetica", title, f"IMB {c.short_place} annual report")
    report.body_size = 11
    author, pen = Author(report), Pen(rng, c.short_place, c.establishment.setting, c.establishment.nation)
    cover(author, c, title, [f"For reporting year {period}"])
    contents = author.contents_page()
    author.heading(1, "Statutory role of the IMB", number="1.", new_page=True)
    author.para("The Prison Act 1952 requires every prison to be monitored by an independent board "
                "appointed by the Secretary of State from members of the community in which the "
                "prison is situated.")
    author.para("Under the Optional Protocol to the Convention against Torture (OPCAT), the IMB is "
                "part of the United Kingdom's National Preventive Mechanism.")
    author.heading(1, "Description of the establishment", number="2.", new_page=True)
    for _ in range(max(2, round(3 * density))):
        author.para(pen.narrative("leadership"))
    author.heading(1, "Executive summary", number="3.")
    author.heading(2, "Background to the report", number="3.1")
    author.para(pen.narrative("leadership"))
    author.heading(2, "Main judgements", number="3.2")
    for question, (_, themes) in zip(QUESTIONS, EVIDENCE):
        author.para(question, emphasis="bold")
        author.para(pen.narrative(pen.spread(themes)))
    modern = c.published.year >= 2019
    author.heading(2, "Main areas for development" if modern else "Issues requiring a response", number="3.3")
    groups = [("the Minister", ["release-resettlement", "staffing", "mental-health", "living-conditions"]),
              ("the Prison Service", ["staffing", "living-conditions", "education-work", "security-searching"]),
              ("the Governor", [t for _, ts in EVIDENCE for t in ts])]
    for addressee, themes in groups:
        author.heading(3, f"To {addressee}" if modern else f"Issues for {addressee}")
        actor = {"the Minister": "The Minister", "the Prison Service": "The Prison Service",
                 "the Governor": "The Governor"}[addressee]
        for theme in rng.sample(themes, rng.randint(1, min(4, len(themes)))):
            text = pen.fix(theme, rng.choice([actor, f"Will {addressee}"]), "should") \
                if rng.random() < 0.8 else pen.problem(theme)
            if text.startswith("Will "):
                text = text.replace(" should ", " ", 1).rstrip(".") + "?"
            author.finding("recommendation", text, kind_level=2, bullet=True, addressee=addressee)
    author.heading(2, "Progress since the last report", number="3.4")
    author.table(["Issue raised", "Response given", "Progress"],
                 [[pen.narrative(t, 1), "The Prison Service acknowledged the issue.",
                   rng.choice(["Some progress", "No change", "Resolved", "Worse"])]
                  for t in rng.sample(["staffing", "living-conditions", "healthcare", "food"], 3)],
                 [0.45, 0.35, 0.2])
    for ch, (name, themes) in enumerate(EVIDENCE, start=4):
        evidence_chapter(author, pen, name, f"{ch}.", themes, density, str(ch))
    author.heading(1, "The work of the IMB", number="8.", new_page=True)
    author.para(pen.narrative("leadership", 2))
    author.table(["Board statistics", "Number"],
                 [["Recommended complement of Board members", str(rng.randint(10, 16))],
                  ["Number of Board members at the end of the period", str(rng.randint(5, 14))],
                  ["Total number of visits to the establishment", str(rng.randint(150, 420))]],
                 [0.7, 0.3])
    author.heading(2, "Applications to the IMB")
    author.table(["Code", "Subject", "Current year", "Previous year"],
                 [[code, subject, str(rng.randint(2, 90)), str(rng.randint(2, 90))]
                  for code, subject in [("A", "Accommodation"), ("B", "Discipline"), ("C", "Equality"),
                                        ("D", "Purposeful activity"), ("E", "Letters, visits, telephones"),
                                        ("F", "Food and kitchens"), ("G", "Health"), ("H", "Property")]],
                 [0.1, 0.5, 0.2, 0.2])
    author.finish_contents(contents)
    return report
