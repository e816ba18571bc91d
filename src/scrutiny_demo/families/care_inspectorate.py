"""Care Inspectorate inspections of secure care in Scotland: grades, requirements and areas
for improvement under each key question."""

import datetime

from scrutiny_demo.authoring import Author
from scrutiny_demo.commission import Commission, inspection_dates, long_date
from scrutiny_demo.document import Report
from scrutiny_demo.establishments import SCOTTISH_SECURE_UNITS
from scrutiny_demo.families.front_matter import cover
from scrutiny_demo.prose import Pen

SLUG = "care-inspectorate-secure"
SHORT = "ci"
PAGES = (20, 26, 40)
GRADES = {1: "Unsatisfactory", 2: "Weak", 3: "Adequate", 4: "Good", 5: "Very Good", 6: "Excellent"}
QUESTIONS = [
    ("How well do we support children and young people's rights and wellbeing?",
     ["staff-relationships", "self-harm-suicide", "use-of-force", "segregation", "healthcare", "family-contact"]),
    ("How good is our leadership?", ["leadership", "records"]),
    ("How good is our staff team?", ["staffing"]),
    ("How good is our setting?", ["living-conditions", "food"]),
    ("How well is our care and support planned?", ["release-resettlement", "education-work", "mental-health"]),
]
STANDARDS = ["1.19", "1.23", "2.8", "3.14", "3.20", "4.11", "4.19", "5.17"]


def commission(rng) -> Commission:
    published, start, end = inspection_dates(rng, datetime.date(2009, 5, 1), datetime.date(2026, 3, 31),
                                             days=(2, 5), lag=(20, 70))
    return Commission(
        family=SLUG, body="care-inspectorate", body_name="Care Inspectorate",
        report_type="unannounced-inspection", establishment=rng.choice(SCOTTISH_SECURE_UNITS),
        published=published, fieldwork_start=start, fieldwork_end=end, legal_basis="secure-welfare",
    )



def write(c: Commission, rng, density: float) -> Report:
    title = f"{c.place} Secure Accommodation Service Inspection report"
    report = Report("", {"title": title}, "helvetica", f"Inspection report for {c.place}", c.place)
    report.body_size = 11
    author, pen = Author(report), Pen(rng, c.short_place, c.establishment.setting, c.establishment.nation)
    cover(author, c, c.place, ["Care Home Service (Secure Accommodation)",
                               f"Inspection completed on {long_date(c.fieldwork_end)}",
                               f"Service provided by: {c.establishment.operator}"])
    contents = author.contents_page("Contents")
    author.heading(1, "About the service", new_page=True)
    author.para(f"{c.place} is registered to provide a care home service, including secure "
                f"accommodation, for up to {rng.randint(6, 24)} young people.")
    author.para(pen.narrative("living-conditions", 2))
    author.heading(1, "About the inspection")
    author.para(f"This was an unannounced inspection which took place between {long_date(c.fieldwork_start)} "
                f"and {long_date(c.fieldwork_end)}.")
    author.heading(1, "Key messages")
    for theme in rng.sample(["staff-relationships", "healthcare", "education-work", "leadership"], 3):
        author.para((pen.narrative(theme, 1)), bullet=True)
    grades = {q: rng.choice([2, 3, 3, 4, 4, 5, 5, 6]) for q, _ in QUESTIONS}
    author.heading(1, "From this inspection we evaluated this service as:")
    author.table(["Key question", "Grade"],
                 [[q, f"{g} - {GRADES[g]}"] for q, g in grades.items()], [0.75, 0.25])
    author.para("Further details on the particular areas inspected are provided at the end of this report.")
    for question, themes in QUESTIONS:
        grade = grades[question]
        author.heading(1, question, new_page=True)
        author.para(f"{grade} - {GRADES[grade]}", emphasis="bold")
        for _ in range(max(2, round(rng.uniform(4, 8) * density))):
            author.para(pen.narrative(pen.spread(themes)))
        lists = []
        if grade <= 3 and rng.random() < 0.8:
            lists.append(("Requirements", "requirement", rng.randint(1, 2)))
        if grade <= 4 or rng.random() < 0.3:
            lists.append(("Areas for improvement", "area_for_improvement", rng.randint(1, 3)))
        for heading, kind, count in lists:
            author.heading(2, heading)
            for n in range(1, count + 1):
                theme = rng.choice(themes)
                if kind == "requirement":
                    deadline = c.fieldwork_end + datetime.timedelta(days=rng.choice([30, 60, 90]))
                    text = (pen.fix(theme, f"By {long_date(deadline)}, the provider", "must"))
                    follow = ("This is to comply with Regulation 4(1)(a) (Welfare of users) of The Social "
                              "Care and Social Work Improvement Scotland (Requirements for Care Services) "
                              "Regulations 2011 (SSI 2011/210).")
                else:
                    text = (pen.fix(theme, "The provider"))
                    follow = ("This is to ensure that care and support is consistent with the Health and "
                              f"Social Care Standards (HSCS) (HSCS {rng.choice(STANDARDS)}).")
                author.finding(kind, text, kind_level=2, number=str(n), printed_number=f"{n}.")
                author.para(follow)
    author.heading(1, "Detailed evaluations", new_page=True)
    author.table(["Key question", "Quality indicator", "Grade"],
                 [[q, f"{i}.{k}", f"{grades[q]} - {GRADES[grades[q]]}"] for i, (q, _) in enumerate(QUESTIONS, 1)
                  for k in (1, 2)], [0.6, 0.2, 0.2])
    author.finish_contents(contents)
    return report
