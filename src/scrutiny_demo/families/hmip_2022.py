"""HMIP prison and YOI inspection reports since May 2022: key concerns with recommendations.

Up to 15 key concerns, 3 to 6 of them priorities, each followed by its recommendation;
notable positive practice listed separately; sections of numbered paragraphs.
"""

import datetime

from scrutiny_demo.authoring import Author
from scrutiny_demo.commission import Commission, inspection_dates, span
from scrutiny_demo.document import Report
from scrutiny_demo.establishments import ENGLAND_AND_WALES_PRISONS
from scrutiny_demo.families.front_matter import (
    appendix_text,
    cover,
    fresh_page,
    glossary,
    inspection_team,
)
from scrutiny_demo.prose import Pen

SLUG = "hmip-prison-2022"
SHORT = "hmip"
PAGES = (35, 70, 115)

SECTIONS = [
    ("Leadership", ["leadership", "staffing"]),
    ("Safety", ["early-days", "self-harm-suicide", "violence", "use-of-force", "segregation",
                "security-searching", "substance-misuse"]),
    ("Respect", ["staff-relationships", "living-conditions", "food", "equality", "complaints",
                 "healthcare", "mental-health"]),
    ("Purposeful activity", ["time-out-of-cell", "education-work"]),
    ("Rehabilitation and release planning", ["family-contact", "release-resettlement"]),
]
ACTORS = ["Leaders", "The governor", "Leaders and HMPPS", "The prison", "Prison and health leaders"]


def commission(rng) -> Commission:
    published, start, end = inspection_dates(
        rng, datetime.date(2022, 9, 1), datetime.date(2026, 3, 31), days=(8, 11)
    )
    return Commission(
        family=SLUG, body="hmip", body_name="HM Inspectorate of Prisons",
        report_type=rng.choice(["unannounced-inspection"] * 4 + ["full-inspection"]),
        establishment=rng.choice(ENGLAND_AND_WALES_PRISONS),
        published=published, fieldwork_start=start, fieldwork_end=end,
        legal_basis="criminal-justice",
    )


def write(c: Commission, rng, density: float) -> Report:
    kind = "an unannounced" if c.report_type == "unannounced-inspection" else "an announced"
    title = f"Report on {kind} inspection of {c.place}"
    report = Report("", {"title": title}, "helvetica", title, title)
    author, pen = Author(report), Pen(rng, c.short_place, c.establishment.setting, c.establishment.nation)

    cover(author, c, title, ["by HM Chief Inspector of Prisons", span(c.fieldwork_start, c.fieldwork_end)])
    contents = author.contents_page()
    author.heading(1, "Introduction", new_page=True)
    for _ in range(max(3, round(4 * density))):
        author.para(pen.narrative(pen.spread(t for _, ts in SECTIONS for t in ts)))
    author.heading(1, f"What needs to improve at {c.place}", new_page=True)
    author.para(
        "During this inspection we identified key concerns, some of which should be treated as "
        "priorities. Priority concerns are those that are most important to improving outcomes "
        "for prisoners. They require immediate attention by leaders and managers."
    )
    author.para("Leaders should make sure that all concerns identified here are addressed and "
                "that progress is tracked through a plan which sets out how they will be achieved.")
    author.heading(1, f"About {c.place}", new_page=True)
    author.para(f"Task of the prison/establishment: a {rng.choice(['category B local', 'category C training', 'reception'])} prison.")
    author.table(
        ["Prisoner population", "Number"],
        [["Certified normal accommodation", str(rng.randint(300, 900))],
         ["Operational capacity", str(rng.randint(400, 1200))],
         ["Population at the time of inspection", str(rng.randint(350, 1150))]],
        [0.7, 0.3],
    )
    for _ in range(max(1, round(2 * density))):
        author.para(pen.narrative("leadership"))

    author.heading(1, "Summary of key findings", number="Section 1", new_page=True)
    author.heading(2, "Outcomes for prisoners")
    author.para("We assess outcomes for prisoners against four healthy prison tests: safety, "
                "respect, purposeful activity, and rehabilitation and release planning.")
    scores = ["good", "reasonably good", "not sufficiently good", "poor"]
    author.table(
        ["Healthy prison test", "Outcome at this inspection", "Outcome at last inspection"],
        [[name, str(rng.randint(1, 4)), str(rng.randint(1, 4))] for name, _ in SECTIONS[1:]],
        [0.5, 0.25, 0.25],
    )
    author.para(f"Outcomes were {rng.choice(scores)} for safety and {rng.choice(scores)} for respect.")
    number = 1
    for _ in range(max(2, round(3 * density))):
        author.para(pen.narrative(pen.spread(t for _, ts in SECTIONS[1:] for t in ts)), number=f"1.{number}")
        number += 1
    author.heading(2, "Notable positive practice")
    practices = rng.randint(1, 4)
    author.para(f"We define notable positive practice as evidence of our expectations being met "
                f"through innovative work, which could be replicated by other organisations. "
                f"Inspectors found {practices} examples of notable positive practice during this inspection.",
                number=f"1.{number}")
    for theme in rng.sample([t for _, ts in SECTIONS for t in ts], practices):
        reference = f"{rng.randint(3, 7)}.{rng.randint(2, 60)}"
        author.finding("good_practice", f"{pen.strength(theme)} (See paragraph {reference}.)",
                       kind_level=2, bullet=True)

    author.heading(1, "Key concerns and recommendations", number="Section 2", new_page=fresh_page(rng))
    author.para("Key concerns identify the areas where there are significant weaknesses in the "
                "treatment of and conditions for prisoners. To be addressed they will require a "
                "change in practice and/or new or redirected resources.")
    total = rng.randint(7, 15)
    priorities = rng.randint(3, 6)
    themes = rng.sample([t for _, ts in SECTIONS for t in ts], total)
    for n, theme in enumerate(themes, start=1):
        if n == 1:
            author.heading(2, "Priority concerns")
        if n == priorities + 1:
            author.heading(2, "Key concerns")
        kind = "priority_concern" if n <= priorities else "key_concern"
        author.finding(kind, pen.problem(theme), kind_level=2, number=str(n), printed_number=f"{n}.")
        author.finding("recommendation", pen.fix(theme, rng.choice(ACTORS)), kind_level=2,
                       number=str(n), printed_number="", inline_label="Recommendation:", indent=1)

    for s, (name, section_themes) in enumerate(SECTIONS, start=3):
        author.heading(1, name, number=f"Section {s}", new_page=True)
        paragraph = 1
        for theme in section_themes:
            if len(section_themes) > 1:
                author.heading(2, pen.title(theme))
            for _ in range(max(1, round(rng.uniform(2, 6) * density))):
                author.para(pen.narrative(theme), number=f"{s}.{paragraph}")
                paragraph += 1
            if rng.random() < 0.3:
                author.table(["Survey question", c.short_place, "Comparator"],
                             pen.survey_rows([theme]), [0.6, 0.2, 0.2],
                             caption="Prisoner survey responses")

    appendix_text(author, pen, "About our inspections and reports", "Appendix I",
                  ["leadership"], 3)
    glossary(author, number="Appendix II", rng=rng)
    inspection_team(author, rng)
    author.finish_contents(contents)
    return report
