"""HM Inspectorate of Prisons for Scotland: chapters ending in numbered lists, and follow-ups.

A full inspection closes with Good Practice, Recommendations (sometimes grouped "For SPS HQ")
and Points of Note, each item carrying a paragraph reference. A follow-up quotes each earlier
item with its original number and gives the verdict: implemented, partly or not implemented.
"""

import datetime

from scrutiny_demo.authoring import Author
from scrutiny_demo.commission import Commission, inspection_dates, month_year, span
from scrutiny_demo.document import Report
from scrutiny_demo.establishments import SCOTTISH_PRISONS
from scrutiny_demo.families.front_matter import cover, evidence_chapter, fresh_page
from scrutiny_demo.prose import Pen

SLUG = "hmips-prison"
SHORT = "hmips"
PAGES = (25, 60, 110)
CHAPTERS = [
    ("Safe", ["early-days", "self-harm-suicide", "violence"]),
    ("Decency", ["living-conditions", "food"]),
    ("Good Order", ["security-searching", "segregation", "use-of-force"]),
    ("Care", ["healthcare", "mental-health", "substance-misuse"]),
    ("Opportunities", ["education-work", "time-out-of-cell"]),
    ("Contact", ["family-contact"]),
    ("Integration", ["release-resettlement"]),
]
VERDICTS = ["Implemented", "Partly implemented", "Not implemented"]
ADDRESSEES = ["SPS HQ", "the Governor", "the NHS Board"]


def commission(rng) -> Commission:
    follow_up = rng.random() < 0.35
    published, start, end = inspection_dates(rng, datetime.date(2009, 2, 1), datetime.date(2026, 3, 31),
                                             days=(1, 2) if follow_up else (4, 9))
    return Commission(
        family=SLUG, body="hmips", body_name="HM Inspectorate of Prisons for Scotland",
        report_type="review-of-progress" if follow_up else "full-inspection",
        establishment=rng.choice(SCOTTISH_PRISONS),
        published=published, fieldwork_start=start, fieldwork_end=end, legal_basis="criminal-justice",
    )


def write(c: Commission, rng, density: float) -> Report:
    follow_up = c.report_type == "review-of-progress"
    kind = "Follow-up Inspection" if follow_up else "Full Inspection"
    title = f"Report on {c.place} {kind} {span(c.fieldwork_start, c.fieldwork_end)}"
    report = Report("", {"title": title}, "times", f"{c.place}: {kind}", f"{c.place} inspection report")
    report.body_size = 11
    author, pen = Author(report), Pen(rng, c.short_place, c.establishment.setting, c.establishment.nation)
    cover(author, c, f"Report on {c.place}", [kind, span(c.fieldwork_start, c.fieldwork_end)])
    contents = author.contents_page()
    author.heading(1, "Introduction", number="1.", new_page=True)
    for n in range(1, max(3, round(4 * density))):
        author.para(pen.narrative("leadership"), number=f"1.{n}")
    author.heading(1, "Overview", number="2.", new_page=True)
    for n in range(1, max(3, round(5 * density))):
        author.para(pen.narrative(pen.spread(["leadership", "staffing", "living-conditions", "violence", "staff-relationships", "healthcare", "education-work", "release-resettlement", "family-contact", "time-out-of-cell"])), number=f"2.{n}")
    if follow_up:
        write_follow_up(author, pen, c, density)
    else:
        write_full(author, pen, c, density)
    author.finish_contents(contents)
    return report


def write_full(author, pen, c, density):
    rng = pen.rng
    references = []
    for ch, (name, themes) in enumerate(CHAPTERS, start=3):
        last = evidence_chapter(author, pen, name, f"{ch}.", themes, density * 1.3, str(ch), subheadings=False)
        references += [(theme, f"{ch}.{rng.randint(1, max(1, last - 1))}") for theme in themes]
    ch = len(CHAPTERS) + 3
    chapter_lists = [("Good Practice", "good_practice", rng.randint(2, 6)),
                     ("Recommendations", "recommendation", rng.randint(8, 20)),
                     ("Points of Note", "point_of_note", rng.randint(3, 8))]
    for title, kind, count in chapter_lists:
        author.heading(1, title, number=f"{ch}.", new_page=kind == "good_practice" and fresh_page(rng))
        author.para(f"The following {title.lower()} {'is' if kind == 'good_practice' else 'are'} "
                    "drawn from the main body of the report. The paragraph reference after each "
                    "shows where the supporting evidence can be found.")
        grouped = kind == "recommendation" and rng.random() < 0.5
        groups = [(a, count // 3 + (1 if i == 0 else 0)) for i, a in enumerate(ADDRESSEES)] if grouped else [(None, count)]
        n = 1
        for addressee, size in groups:
            if addressee:
                author.heading(2, f"For {addressee}")
            for _ in range(max(1, size)):
                theme, ref = rng.choice(references)
                body = {"good_practice": pen.strength, "point_of_note": pen.note}.get(kind)
                text = body(theme) if body else pen.fix(theme, rng.choice(["The prison", "SPS", "Management"]))
                text = f"{text.rstrip('.')} (paragraph {ref})."
                author.finding(kind, text, kind_level=1, number=f"{ch}.{n}", addressee=addressee)
                n += 1
        ch += 1


def write_follow_up(author, pen, c, density):
    rng = pen.rng
    earlier = c.fieldwork_end.year - rng.randint(1, 2)
    author.heading(1, "Progress on Recommendations and Points of Note", number="3.", new_page=fresh_page(rng))
    author.para(f"This follow-up inspection looked at the progress made since the full inspection in {earlier}.")
    author.para("Each recommendation from that report is set out below, followed by the inspection "
                "team's assessment of progress.")
    chapter = rng.randint(9, 12)
    for title, kind, count in [("Recommendations", "recommendation", rng.randint(6, 16)),
                               ("Points of Note", "point_of_note", rng.randint(2, 6))]:
        author.heading(2, title)
        themes = [t for _, ts in CHAPTERS for t in ts]
        for n in range(1, count + 1):
            theme = rng.choice(themes)
            verdict = rng.choice(VERDICTS)
            base = pen.fix(theme, rng.choice(["The prison", "SPS", "Management"])) if kind == "recommendation" else pen.note(theme)
            text = f"{base.rstrip('.')} (paragraph {rng.randint(2, 9)}.{rng.randint(1, 40)})."
            author.finding(kind, text, kind_level=1, number=f"{chapter}.{n}", status=verdict)
            note = "" if rng.random() < 0.25 else " " + pen.narrative(theme, 2)
            author.para(f"{verdict}.{note}", emphasis="italic", indent=1)
        chapter += 1 if kind == "recommendation" else 0
    for ch, (name, themes) in enumerate(rng.sample(CHAPTERS, 3), start=4):
        evidence_chapter(author, pen, name, f"{ch}.", themes, density, str(ch), subheadings=False)
    if rng.random() < 0.5:
        author.heading(1, "Recommendations", number="7.", new_page=fresh_page(rng))
        for n in range(1, rng.randint(3, 7)):
            theme = rng.choice([t for _, ts in CHAPTERS for t in ts])
            text = f"{pen.fix(theme, 'The prison').rstrip('.')} (paragraph {rng.randint(4, 6)}.{rng.randint(1, 20)})."
            author.finding("recommendation", text, kind_level=1, number=f"7.{n}")
