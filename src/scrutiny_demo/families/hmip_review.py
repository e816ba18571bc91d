"""HMIP independent reviews of progress: earlier concerns quoted and judged.

Each earlier concern and its recommendation are quoted, the evidence follows, and a closing
sentence gives the judgement: good, reasonable, insufficient or no meaningful progress.
"""

import datetime

from scrutiny_demo.authoring import Author
from scrutiny_demo.commission import Commission, inspection_dates, span
from scrutiny_demo.document import Report
from scrutiny_demo.establishments import ENGLAND_AND_WALES_PRISONS
from scrutiny_demo.families.front_matter import cover, fresh_page, glossary
from scrutiny_demo.prose import Pen

SLUG = "hmip-review-of-progress"
SHORT = "hmip-irp"
PAGES = (20, 32, 50)
JUDGEMENTS = ["good progress", "reasonable progress", "insufficient progress", "no meaningful progress"]
THEMES = ["early-days", "self-harm-suicide", "violence", "use-of-force", "living-conditions",
          "time-out-of-cell", "education-work", "release-resettlement", "substance-misuse",
          "healthcare", "staff-relationships", "leadership"]


def commission(rng) -> Commission:
    published, start, end = inspection_dates(rng, datetime.date(2022, 11, 1), datetime.date(2026, 3, 31),
                                             days=(2, 3), lag=(30, 60))
    return Commission(
        family=SLUG, body="hmip", body_name="HM Inspectorate of Prisons", report_type="review-of-progress",
        establishment=rng.choice(ENGLAND_AND_WALES_PRISONS),
        published=published, fieldwork_start=start, fieldwork_end=end, legal_basis="criminal-justice",
    )


def write(c: Commission, rng, density: float) -> Report:
    title = f"Report on an independent review of progress at {c.place}"
    report = Report("", {"title": title}, "helvetica", title, f"Independent review of progress at {c.place}")
    author, pen = Author(report), Pen(rng, c.short_place, c.establishment.setting, c.establishment.nation)
    cover(author, c, title, ["by HM Chief Inspector of Prisons", span(c.fieldwork_start, c.fieldwork_end)])
    contents = author.contents_page()
    author.heading(1, "Introduction", new_page=True)
    for _ in range(max(2, round(3 * density))):
        author.para(pen.narrative("leadership"))
    author.heading(1, "Leadership response to the inspection", number="Section 1", new_page=True)
    for n in range(1, max(3, round(5 * density))):
        author.para(pen.narrative(rng.choice(["leadership", "staffing"])), number=f"1.{n}")
    author.heading(1, "Progress against key concerns and recommendations", number="Section 2",
                   new_page=fresh_page(rng))
    author.para("This section sets out the key concerns and recommendations from the previous "
                "inspection, followed by our assessment of the progress made.")
    paragraph, counts = 1, {j: 0 for j in JUDGEMENTS}
    themes = rng.sample(THEMES, rng.randint(5, 9))
    priorities = rng.randint(2, min(5, len(themes) - 1))
    for n, theme in enumerate(themes):
        if n == 0:
            author.heading(2, "Priority concerns")
        if n == priorities:
            author.heading(2, "Key concerns")
        kind = "priority_concern" if n < priorities else "key_concern"
        judgement = rng.choice(JUDGEMENTS)
        counts[judgement] += 1
        author.finding(kind, pen.problem(theme), kind_level=2, inline_label="Concern:", status=judgement)
        author.finding("recommendation", pen.fix(theme, rng.choice(["Leaders", "The governor", "HMPPS"])),
                       kind_level=2, inline_label="Recommendation:", status=judgement, indent=1)
        for _ in range(max(1, round(rng.uniform(2, 5) * density))):
            author.para(pen.narrative(theme), number=f"2.{paragraph}")
            paragraph += 1
        author.para(f"We judged that there had been {judgement} against this recommendation.",
                    number=f"2.{paragraph}")
        paragraph += 1
    author.heading(1, "Summary of judgements", number="Section 3", new_page=True)
    author.para("A list of the concerns and recommendations followed up at this review and the judgements made.")
    author.table(["Judgement", "Number of recommendations"],
                 [[j.capitalize(), str(counts[j])] for j in JUDGEMENTS], [0.6, 0.4])
    author.heading(1, "About this review", number="Appendix I", new_page=True)
    for _ in range(max(2, round(3 * density))):
        author.para(pen.narrative("leadership"))
    glossary(author, number="Appendix II", rng=rng)
    author.finish_contents(contents)
    return report
