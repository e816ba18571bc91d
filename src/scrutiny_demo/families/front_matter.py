"""Pages every report opens and closes with: cover, contents, glossary, team, appendices.

None of it carries findings; it is there because real reports have it, and an extractor must
learn to pass over it.
"""

from scrutiny_demo.commission import Commission, long_date, span

GLOSSARY = [
    ("ACCT", "Assessment, care in custody and teamwork: the case management process for people at risk of suicide or self-harm."),
    ("Certified normal accommodation", "The number of people an establishment can hold without being overcrowded."),
    ("CSIP", "Challenge, support and intervention plan, used to manage violent behaviour."),
    ("Key worker", "An officer who meets an individual regularly to offer support and guidance."),
    ("OMU", "Offender management unit."),
    ("PAVA", "An incapacitant spray used by officers in some establishments."),
    ("Protected characteristics", "The grounds on which discrimination is unlawful under the Equality Act 2010."),
    ("Segregation", "Separation of a person from others, for good order or discipline or for their own protection."),
    ("Time out of cell", "Time a person spends unlocked outside their cell, whether in activities, association or exercise."),
    ("Urgent Notification", "A protocol under which the Chief Inspector can alert the Secretary of State to serious concerns."),
]


def cover(author, commission: Commission, title: str, subtitle_lines: list[str]) -> None:
    author.para(commission.body_name, size=13, emphasis="bold")
    author.para(" ", size=30)
    author.para(title, size=22, emphasis="bold")
    for line in subtitle_lines:
        author.para(line, size=13)
    author.para(" ", size=30)
    author.para(f"Published {long_date(commission.published)}", size=11)
    author.page_break()


def fresh_page(rng, share=0.35) -> bool:
    """Whether a chapter of findings starts on a fresh page or runs on after the text before it.

    Reports differ: some start every chapter on a new page, others let the list of findings
    follow the last paragraph, so lists start anywhere on a page and run over its foot.
    """
    return rng.random() < share


def fieldwork_line(commission: Commission, verb="by") -> str:
    return span(commission.fieldwork_start, commission.fieldwork_end)


def glossary(author, level=1, number=None, entries=None, rng=None) -> None:
    author.heading(level, "Glossary", number=number, new_page=level == 1)
    author.para(
        "We try to make our reports as clear as possible. The following terms are used in this report."
    )
    chosen = entries or GLOSSARY
    if rng is not None:
        chosen = sorted(rng.sample(GLOSSARY, rng.randint(5, len(GLOSSARY))))
    for term, meaning in chosen:
        author.para(meaning, label=f"{term}:")


def inspection_team(author, rng, level=1, title="Inspection team") -> None:
    author.heading(level, title, new_page=level == 1)
    author.para("This inspection was carried out by:")
    first = ["Alison", "David", "Fiona", "Gareth", "Helen", "Imran", "Joanne", "Kevin", "Lorna",
             "Martin", "Nadia", "Owen", "Priya", "Rhys", "Sarah", "Tom"]
    last = ["Adeyemi", "Barclay", "Campbell", "Davies", "Evans", "Fraser", "Gill", "Hughes",
            "Iqbal", "Jones", "Kaur", "Lennox", "McAllister", "Nolan", "Okafor", "Pritchard"]
    roles = ["Team leader", "Inspector", "Inspector", "Inspector", "Researcher",
             "Health and social care inspector", "Ofsted inspector"]
    rows = [[f"{rng.choice(first)} {rng.choice(last)}", role] for role in roles[: rng.randint(4, 7)]]
    author.table(["Name", "Role"], rows, [0.5, 0.5])


def appendix_text(author, pen, title, number, themes, paragraphs) -> None:
    author.heading(1, title, number=number, new_page=True)
    for _ in range(paragraphs):
        author.para(pen.narrative(pen.spread(themes)))


def evidence_chapter(author, pen, title, number, themes, density, paragraph_prefix=None,
                     level=1, subheadings=True, new_page=True):
    """A chapter of evidence: theme sub-headings and (numbered) narrative paragraphs.

    Returns the next paragraph number, so a family can continue the sequence with its lists.
    """
    rng = pen.rng
    author.heading(level, title, number=number, new_page=new_page)
    paragraph = 1
    for theme in themes:
        if subheadings and len(themes) > 1:
            author.heading(level + 1, pen.title(theme))
        for _ in range(max(1, round(rng.uniform(2, 6) * density))):
            printed = f"{paragraph_prefix}.{paragraph}" if paragraph_prefix else None
            author.para(pen.narrative(theme), number=printed)
            paragraph += 1
    return paragraph
