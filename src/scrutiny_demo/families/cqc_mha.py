"""CQC Mental Health Act monitoring visits: domains of evidence, then the provider action
statement, where each issue found is followed by the action required of the provider."""

import datetime

from scrutiny_demo.authoring import Author
from scrutiny_demo.commission import Commission, inspection_dates, long_date
from scrutiny_demo.document import Report
from scrutiny_demo.establishments import HOSPITALS
from scrutiny_demo.families.front_matter import cover
from scrutiny_demo.prose import Pen

SLUG = "cqc-mha-visit"
SHORT = "cqc"
PAGES = (20, 25, 40)
DOMAINS = [
    ("Protecting patients' rights and autonomy", ["complaints", "equality", "family-contact"]),
    ("Assessment, transport and admission", ["early-days", "records"]),
    ("Additional considerations for specific patients", ["equality", "segregation"]),
    ("Care, support and treatment in hospital", ["healthcare", "mental-health", "use-of-force", "living-conditions", "food"]),
    ("Leaving hospital", ["release-resettlement"]),
    ("Professional responsibilities", ["staffing", "leadership", "records"]),
]
WARDS = ["Ashwell", "Birch", "Cedar", "Hawthorn", "Juniper", "Larch", "Maple", "Willow"]


def commission(rng) -> Commission:
    published, start, end = inspection_dates(rng, datetime.date(2010, 1, 1), datetime.date(2026, 3, 31),
                                             days=(0, 1), lag=(20, 60))
    return Commission(
        family=SLUG, body="cqc", body_name="Care Quality Commission", report_type="monitoring-visit",
        establishment=rng.choice(HOSPITALS), published=published, fieldwork_start=start,
        fieldwork_end=end, legal_basis="mental-health-act",
    )



def write(c: Commission, rng, density: float) -> Report:
    ward = f"{rng.choice(WARDS)} Ward"
    title = f"Mental Health Act monitoring visit: {c.place}, {ward}"
    report = Report("", {"title": title}, "helvetica", "Mental Health Act monitoring visit report",
                    f"{c.place} MHA monitoring")
    report.body_size = 11
    author, pen = Author(report), Pen(rng, c.short_place, c.establishment.setting, c.establishment.nation)
    cover(author, c, "Mental Health Act monitoring visit report", [c.place, ward, long_date(c.fieldwork_end)])
    contents = author.contents_page()
    author.heading(1, "Visit details", new_page=True)
    author.table(["", ""], [["Provider", c.establishment.operator], ["Location", c.place],
                            ["Ward visited", ward], ["Date of visit", long_date(c.fieldwork_end)],
                            ["Patients detained on the day", str(rng.randint(6, 18))]], [0.4, 0.6])
    author.heading(1, "Summary")
    for _ in range(max(2, round(3 * density))):
        author.para((pen.narrative(rng.choice(["healthcare", "mental-health", "staff-relationships"]))))
    author.heading(1, "Past actions identified", new_page=True)
    author.para("At our last visit we identified issues that required action. The provider sent us "
                "an action statement describing how it would address them.")
    for theme in rng.sample(["records", "complaints", "living-conditions"], 2):
        author.para((pen.narrative(theme, 2)))
    for name, themes in DOMAINS:
        author.heading(1, name, new_page=rng.random() < 0.5)
        for theme in themes:
            for _ in range(max(1, round(rng.uniform(2, 5) * density))):
                author.para((pen.narrative(theme)))
    author.heading(1, "Provider action statement")
    author.para(f"We ask that you provide us with an action statement by {long_date(c.fieldwork_end + datetime.timedelta(days=35))} "
                "describing how you will address each of the issues below.")
    author.heading(2, "Issues found and actions required")
    domain_themes = [t for _, ts in DOMAINS for t in ts]
    for n in range(1, rng.randint(3, 8) + 1):
        theme = rng.choice(domain_themes)
        author.finding("concern", (pen.problem(theme)), kind_level=2, number=str(n), printed_number=f"{n}.")
        author.finding("action_point", (pen.fix(theme, "The provider", "must")), kind_level=2,
                       number=str(n), printed_number="", inline_label="Action required:", indent=1)
    author.finish_contents(contents)
    return report
