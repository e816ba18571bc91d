"""A sheriff's determination after a fatal accident inquiry (FAI) into a death in a Scottish prison.

Under the Inquiries into Fatal Accidents and Sudden Deaths etc (Scotland) Act 2016 the sheriff
sets out the s.26(2) findings (when and where, the cause, any accident and its cause, precautions
that could reasonably have been taken, defects in a system of working, other relevant facts) and
then any s.26(1)(b) recommendations, numbered "1." or "(i)", sometimes grouped by the body they
are addressed to; a Note gives the evidence and the reasons. Many determinations on deaths in
prison make no recommendation: those say so in a sentence, among the findings or under a
Recommendations heading of its own, and print no list.

Not in the default corpus rotation (FAMILIES): `generate()` writes determinations on their own,
with the same gold and metadata files as the corpus, for the FAI tests and measurements.
    python -m scrutiny_demo.families.fai_determination OUTDIR [--count N] [--seed S]
"""

import datetime
import json
import os
import random
import sys

from scrutiny_demo.authoring import Author
from scrutiny_demo.commission import Commission, long_date, random_date
from scrutiny_demo.document import Report
from scrutiny_demo.establishments import SCOTTISH_PRISONS

SLUG = "fai-determination"
SHORT = "fai"
PAGES = (6, 14, 40)
ACT = "Inquiries into Fatal Accidents and Sudden Deaths etc (Scotland) Act 2016"
SHERIFFDOMS = [
    ("Tayside, Central and Fife", [("Falkirk", "FAL"), ("Perth", "PER"), ("Stirling", "STI"), ("Alloa", "ALO")],
     ["NHS Forth Valley", "NHS Tayside"]),
    ("Glasgow and Strathkelvin", [("Glasgow", "GLW")], ["NHS Greater Glasgow and Clyde"]),
    ("Lothian and Borders", [("Edinburgh", "EDI")], ["NHS Lothian"]),
    ("North Strathclyde", [("Paisley", "PAI"), ("Greenock", "GRE")], ["NHS Greater Glasgow and Clyde"]),
    ("South Strathclyde, Dumfries and Galloway", [("Hamilton", "HAM"), ("Dumfries", "DUM")],
     ["NHS Lanarkshire", "NHS Dumfries and Galloway"]),
    ("Grampian, Highland and Islands", [("Aberdeen", "ABE"), ("Inverness", "INV"), ("Peterhead", "PTH")],
     ["NHS Grampian", "NHS Highland"]),
]
FIRST = ["Aidan", "Barry", "Callum", "Darren", "Euan", "Fraser", "Gary", "Iain", "Jamie", "Kieran", "Liam",
         "Mark", "Niall", "Ross", "Scott", "Stuart", "Craig", "Ryan"]
LAST = ["Baird", "Cairns", "Docherty", "Ferguson", "Gillespie", "Hendry", "Kerr", "Lindsay", "McAllister",
        "McBride", "Morrison", "Paterson", "Quinn", "Rennie", "Sinclair", "Tennant", "Wallace", "Young"]
SHERIFFS = ["Anna Robertson", "Douglas McNeill", "Morag Fyfe", "Graham Buchanan", "Catriona Laird",
            "Peter Strachan", "Eilidh Munro", "Kenneth Ogilvie"]
HALLS = ["Ailsa", "Bute", "Cumbrae", "Iona", "Jura", "Lismore", "Mull", "Skye"]

# How the death came about: what the pathologist gave as its cause, the accident (if any), and
# what the inquiry heard about. Each carries the changes a sheriff might recommend after it.
CIRCUMSTANCES = {
    "self-inflicted": {
        "cause": ["1a Hanging", "1a Compression of the neck by a ligature"],
        "accident": None,
        "precautions": ["the deceased's risk of suicide being reassessed under the Talk to Me strategy when {pronoun} "
                        "received bad news from home", "the removal of the ligature point in cell {cell}"],
        "evidence": ["{surname} had been supported under the Talk to Me strategy during an earlier sentence.",
                     "A ligature point in cell {cell} had been identified in an audit but had not yet been removed."],
        "defects": ["the absence of any arrangement by which information about the deceased's risk held by the "
                    "police was passed to reception staff at {prison}"],
        "actions": [
            "review the Talk to Me strategy so that a person's risk is reassessed whenever staff learn that {pronoun2} has had bad news from home",
            "complete the removal of ligature points from the cells of {hall} Hall, beginning with those used for people newly admitted",
            "ensure that staff carrying out night checks look for signs of life at each check and record what they saw",
            "ensure that every officer entering a cell in an emergency carries a ligature knife and has been trained in its use",
            "ensure that the information about risk that police custody staff record is passed to reception staff at the prison on the day of admission",
            "review how a case conference under the Talk to Me strategy records the reasons for ending the support of a person at risk",
            "provide refresher training in suicide awareness to all residential officers at intervals of no more than two years",
            "ensure that a person removed from association is seen by a member of the mental health team within 24 hours",
        ],
    },
    "drugs": {
        "cause": ["1a Multiple drug toxicity", "1a Combined adverse effects of etizolam, pregabalin and methadone"],
        "accident": "the deceased's consumption of illicit substances in cell {cell} on the evening before {pronoun} was found",
        "precautions": ["the deceased being placed on observations after staff found {pronoun3} under the influence of drugs"],
        "evidence": ["Toxicology showed the presence of substances which had not been prescribed to {surname}.",
                     "Staff had found {surname} under the influence of an unknown substance two days before his death."],
        "defects": ["the absence of any requirement to record the results of the checks carried out after the evening lock-up"],
        "actions": [
            "introduce the testing of all non-legal mail for psychoactive substances before it is given to the person it is addressed to",
            "ensure that naloxone is carried by staff on every residential landing at night",
            "ensure that a person found under the influence of drugs is assessed by healthcare staff before the evening lock-up",
            "review the procedure for searching visitors so that substances passed during visits are more likely to be found",
            "ensure that the results of night checks on a person found under the influence of drugs are recorded at each check",
            "offer every person who has overdosed in custody a referral to the addictions team within 48 hours",
        ],
    },
    "natural": {
        "cause": ["1a Ischaemic heart disease", "1a Bronchopneumonia 1b Metastatic carcinoma of the lung",
                  "1a Acute myocardial infarction 1b Coronary artery atheroma"],
        "accident": None,
        "precautions": ["the deceased being referred to a cardiologist when {pronoun} first complained of chest pain"],
        "evidence": ["{surname} had complained of chest pain to a nurse on two occasions in the month before his death.",
                     "Blood tests taken in the weeks before the death had shown abnormal results."],
        "defects": ["the absence of a system for following up abnormal test results when the requesting doctor was not on duty"],
        "actions": [
            "ensure that abnormal test results are followed up when the doctor who requested them is not on duty",
            "ensure that a person's prescribed medication is continued without interruption on admission",
            "review the arrangements by which an ambulance is called when an emergency code is raised out of hours",
            "provide nursing staff at the prison with training in recognising the signs of sepsis",
            "ensure that people with long-term conditions are reviewed by a nurse at least once every three months",
            "introduce a system by which a person's request to see a doctor is logged and answered within five working days",
        ],
    },
}
ADDRESSEES = {"sps": "the Scottish Prison Service", "nhs": "{board}", "ministers": "the Scottish Ministers"}
# Which addressee each circumstance's actions go to, in the order of the actions above.
ADDRESSED_TO = {"self-inflicted": ["sps", "sps", "sps", "sps", "ministers", "sps", "sps", "nhs"],
                "drugs": ["sps", "sps", "nhs", "sps", "sps", "nhs"],
                "natural": ["nhs", "nhs", "sps", "nhs", "nhs", "nhs"]}
# The deceased in these determinations are men (the Note's evidence says "he"), in men's prisons and YOIs.
MENS_PRISONS = [place for place in SCOTTISH_PRISONS if place.setting != "womens-prison"]
NUMBERING = ["1.", "(1)", "(i)", "(a)"]
# Two layouts real determinations use that once tripped the extractor, each drawn for some
# determinations: the Note discussing the recommendations under a sub-heading that is just
# "Recommendations" (its bracket-numbered paragraphs are reasons, not recommendations), and,
# where none is made, a "Recommendations" heading over the one sentence saying so. Drawn from a
# random stream of their own, so a determination given neither is written as it always was.
NOTE_HEADED_RECOMMENDATIONS = "note-headed-recommendations"
NONE_MADE_UNDER_HEADING = "none-made-under-heading"
LAYOUT_CHANCES = ((NOTE_HEADED_RECOMMENDATIONS, 0.35), (NONE_MADE_UNDER_HEADING, 0.5))
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]


def commission(rng) -> Commission:
    published = random_date(rng, datetime.date(2017, 9, 1), datetime.date(2026, 3, 31))
    end = published - datetime.timedelta(days=rng.randint(30, 120))
    start = end - datetime.timedelta(days=rng.randint(0, 9))
    return Commission(
        family=SLUG, body="scottish-fai", body_name="Sheriff courts: fatal accident inquiries",
        report_type="fai-determination", establishment=rng.choice(MENS_PRISONS),
        published=published, fieldwork_start=start, fieldwork_end=end, legal_basis="",
    )


class Case:
    """The facts of one death, drawn once so the determination and its Note agree."""

    def __init__(self, c: Commission, rng):
        self.rng = rng
        self.sheriffdom, towns, boards = rng.choice(SHERIFFDOMS)
        self.town, code = rng.choice(towns)
        self.board = rng.choice(boards)
        self.citation = f"[{c.published.year}] FAI {rng.randint(1, 60)}"
        self.court_ref = f"{code}-B{rng.randint(100, 999)}-{str(c.published.year - 1)[2:]}"
        self.sheriff = rng.choice(SHERIFFS)
        self.forename, self.surname = rng.choice(FIRST), rng.choice(LAST)
        self.died = c.published - datetime.timedelta(days=rng.randint(500, 1600))
        self.born = self.died - datetime.timedelta(days=rng.randint(19 * 365, 62 * 365))
        self.kind = rng.choice(["self-inflicted", "self-inflicted", "drugs", "natural", "natural"])
        self.hall = rng.choice(HALLS)
        self.cell = f"{rng.randint(1, 4)}/{rng.randint(1, 40)}"
        self.prison = c.place
        self.words = {"pronoun": "he", "pronoun2": "he", "pronoun3": "him", "prison": c.place,
                      "hall": self.hall, "cell": self.cell, "board": self.board}
        self.found_wanting = rng.random() < 0.45  # precautions or defects found under s.26(2)(e)/(f)

    @property
    def name(self) -> str:
        return f"{self.forename} {self.surname}"

    def fill(self, text: str) -> str:
        return text.format(**self.words)


def write(c: Commission, rng, density: float, layouts: frozenset = frozenset()) -> Report:
    case = Case(c, rng)
    case.layouts = layouts
    title = f"Determination: inquiry into the death of {case.name}"
    report = Report("", {"title": title}, rng.choice(["times", "helvetica"]), case.citation,
                    f"FAI {case.name}")
    report.body_size = 11
    author = Author(report)
    cover(author, case, c)
    recommendations = draw_recommendations(case)
    determination(author, case, recommendations)
    note(author, case, recommendations, density)
    # The layouts the determination shows: with recommendations made, there is no "none made".
    report.layouts = sorted(name for name in layouts if not (recommendations and name == NONE_MADE_UNDER_HEADING))
    return report


def cover(author, case: Case, c: Commission) -> None:
    centred = {"align": "centre"}
    author.para(f"SHERIFFDOM OF {case.sheriffdom.upper()} AT {case.town.upper()}", emphasis="bold", **centred)
    author.para(f"{case.citation}  {case.court_ref}", **centred)
    author.para("DETERMINATION", emphasis="bold", size=14, **centred)
    author.para(f"BY SHERIFF {case.sheriff.upper()}", emphasis="bold", **centred)
    author.para(f"UNDER THE {ACT.upper()}", **centred)
    author.para("into the death of", **centred)
    author.para(case.name.upper(), emphasis="bold", **centred)
    author.para(f"{case.town}, {long_date(c.published)}", **centred)
    rng = case.rng
    author.para(f"Crown: {rng.choice(['Ms', 'Mr'])} {rng.choice(LAST)}, procurator fiscal depute. "
                f"Scottish Prison Service: {rng.choice(['Ms', 'Mr'])} {rng.choice(LAST)}, solicitor. "
                f"{case.board}: {rng.choice(['Ms', 'Mr'])} {rng.choice(LAST)}, advocate. "
                + rng.choice(["The family of the deceased did not participate.",
                              f"The family of the deceased: {rng.choice(['Ms', 'Mr'])} {rng.choice(LAST)}, solicitor."]))


def draw_recommendations(case: Case) -> list[tuple[str, str]]:
    """(addressee, text) for each recommendation made; none in many prison deaths."""
    rng = case.rng
    if rng.random() < 0.45:
        return []
    actions = CIRCUMSTANCES[case.kind]["actions"]
    chosen = rng.sample(range(len(actions)), rng.randint(1, min(6, len(actions))))
    made = []
    for index in sorted(chosen, key=lambda i: ADDRESSED_TO[case.kind][i]):
        who = case.fill(ADDRESSEES[ADDRESSED_TO[case.kind][index]])
        action = case.fill(actions[index])
        subject = who[0].upper() + who[1:]
        text = rng.choice([f"{subject} should {action}.", f"That {who} {action}.",
                           f"{subject} should consider whether to {action}."])
        made.append((who, text))
    return made


def determination(author, case: Case, recommendations) -> None:
    rng = case.rng
    facts = CIRCUMSTANCES[case.kind]
    author.page_break()
    author.heading(1, rng.choice(["Determination", "DETERMINATION"]))
    author.para(f"The sheriff, having considered the information presented at the inquiry, determines in terms "
                f"of section 26 of the {ACT} (\u201cthe Act\u201d) that:")
    time = f"{rng.randint(0, 23):02d}:{rng.choice(['05', '17', '30', '42', '55'])}"
    accident = facts["accident"]
    pronounced = rng.choice(["he was pronounced dead by paramedics", "life was pronounced extinct"])
    findings = [
        f"In terms of section 26(2)(a) of the Act, {case.name}, born {long_date(case.born)}, died at {time} hours "
        f"on {long_date(case.died)} within cell {case.cell}, {case.hall} Hall, {case.prison}, where {pronounced}.",
        "In terms of section 26(2)(b) of the Act, " + (
            f"the accident resulting in the death occurred in cell {case.cell} on or about {long_date(case.died)}."
            if accident else "there was no accident resulting in the death."),
        f"In terms of section 26(2)(c) of the Act, the cause of death was: {rng.choice(facts['cause'])}.",
        "In terms of section 26(2)(d) of the Act, " + (
            f"the cause of the accident resulting in the death was {case.fill(accident)}." if accident
            else "there being no accident, no finding is made."),
    ]
    if case.found_wanting:
        findings.append("In terms of section 26(2)(e) of the Act, the following precaution could reasonably have "
                        "been taken and, had it been taken, might realistically have resulted in the death being "
                        f"avoided: {case.fill(rng.choice(facts['precautions']))}.")
        findings.append("In terms of section 26(2)(f) of the Act, the following defect in a system of working "
                        f"contributed to the death: {case.fill(rng.choice(facts['defects']))}.")
    else:
        findings.append("In terms of section 26(2)(e) of the Act, there were no precautions which could reasonably "
                        "have been taken and which might realistically have resulted in the death being avoided.")
        findings.append("In terms of section 26(2)(f) of the Act, there were no defects in any system of working "
                        "which contributed to the death.")
    findings.append("In terms of section 26(2)(g) of the Act, " + rng.choice([
        "there are no other facts which are relevant to the circumstances of the death.",
        f"the deceased had been assessed on admission to {case.prison} and was not then thought to be at risk.",
    ]))
    none_made = None
    if not recommendations:
        none_made = rng.choice([
            "I make no recommendations.", "no recommendations are made.",
            "there are no recommendations which might realistically prevent other deaths in similar circumstances.",
        ])
        if NONE_MADE_UNDER_HEADING not in case.layouts:
            findings.append("In terms of section 26(1)(b) of the Act, " + none_made)
    style = rng.choice(["({n})", "{n}."])
    for n, text in enumerate(findings, start=1):
        author.para(text, number=style.format(n=n))
    if recommendations:
        write_recommendations(author, case, recommendations)
    elif NONE_MADE_UNDER_HEADING in case.layouts:
        # The heading a list would have, over a sentence saying there is none: not a finding.
        author.heading(1, "Recommendations")
        author.para(none_made[:1].upper() + none_made[1:])


def write_recommendations(author, case: Case, recommendations) -> None:
    rng = case.rng
    author.heading(1, rng.choice(["Recommendations", "RECOMMENDATIONS", "Recommendations under section 26(1)(b)"]))
    author.para("In terms of section 26(1)(b) of the Act, I make the following "
                f"recommendation{'s' if len(recommendations) > 1 else ''}:")
    style = rng.choice(NUMBERING)
    grouped = len({who for who, _ in recommendations}) > 1 and rng.random() < 0.5
    current = None
    for n, (who, text) in enumerate(recommendations, start=1):
        if grouped and who != current:
            author.heading(2, f"To {who}")
            current = who
        number = {"1.": str(n), "(1)": str(n), "(i)": ROMAN[n - 1], "(a)": "abcdefghij"[n - 1]}[style]
        printed = f"{number}." if style == "1." else f"({number})"
        author.finding("recommendation", text, kind_level=1, number=number, printed_number=printed,
                       addressee=who if grouped else None)


NOTE_EVIDENCE = [
    "{surname} was received into custody at {prison} on {admitted}, having been remanded by the sheriff at {town}.",
    "On admission {surname} was seen by a nurse, who completed the first health assessment and recorded no thoughts of self-harm.",
    "Officers who knew {surname} described him as quiet and polite, and said that he kept himself to himself on the landing.",
    "The inquiry heard evidence from the first line manager of {hall} Hall, who had worked at {prison} for eleven years.",
    "CCTV footage from the landing was played at the inquiry and its timings were agreed in a joint minute.",
    "The night patrol officer looked through the observation panel of cell {cell} at about 23:40 and saw {surname} lying on his bed.",
    "A post-mortem examination was carried out by a consultant forensic pathologist, whose report was agreed by joint minute.",
    "The emergency code was called over the radio and healthcare staff attended within four minutes.",
    "Paramedics from the Scottish Ambulance Service arrived at the prison gate and were escorted to the hall.",
    "A Death in Prison Learning and Audit Review was carried out after the death and its report was lodged as a production.",
    "{board} provides healthcare at {prison} under the arrangements that have applied since responsibility passed to the NHS in 2011.",
    "HM Inspectorate of Prisons for Scotland had reported on the healthcare centre at {prison} in the year before the death.",
    "The residential officer accepted that the wing file did not record the telephone call that {surname} had made that evening.",
    "Witnesses spoke to a change in {surname}'s mood in the week before his death, although none had thought him at risk.",
    "The Talk to Me strategy requires any member of staff who has a concern about a person's risk to raise it.",
    "{surname}'s mother gave evidence about his life before custody and the support the family had offered him.",
    "There was no dispute among the participants about the timing of the events described by the witnesses.",
]


ROLES = ["residential officer", "first line manager", "night patrol officer", "mental health nurse",
         "general practitioner", "unit manager", "healthcare manager", "consultant psychiatrist",
         "prison-based social worker", "addictions nurse", "operations manager", "paramedic"]
STATEMENTS = [
    "{witness} had known {surname} for about {months} months and saw him most days on the landing.",
    "{witness} described the routine in {hall} Hall on the evening in question, and said that nothing out of the ordinary had happened.",
    "In cross-examination {witness} accepted that the entry in the wing file for that evening was brief.",
    "{witness} said that {surname} had asked to see a nurse {days} days before his death, and that the request had been passed on.",
    "{witness} explained that the observation panel of each cell is checked at intervals set by the case conference.",
    "{witness} was asked about the training given to staff and said that refresher training had been delayed by staffing pressures.",
    "{witness} told the inquiry that the emergency response bag was kept at the hall office and was taken to the cell within a minute.",
    "{witness} spoke to the care plan that had been opened when {surname} was first admitted, and to the reasons it had been closed.",
    "{witness} accepted that, with hindsight, the telephone call {surname} made that evening might have warranted a conversation.",
    "{witness} described the changes made at {prison} since the death, including a new checklist for the evening lock-up.",
    "{witness} gave evidence that {board} had reviewed its procedure for the handover of information between shifts.",
    "{witness} said that {surname} had seemed settled in the days before his death and had been looking forward to a visit.",
    "{witness} was an impressive witness who gave her evidence carefully, and I accept it.",
    "{witness} was candid about what had not been done, and I found his evidence credible and reliable.",
    "{witness} had reviewed the medical records and could find no indication that {surname} had been unwell.",
    "{witness} explained how the case conference under the Talk to Me strategy is convened and who attends it.",
    "According to {witness}, about {num} people were held in {hall} Hall at the time, looked after by {staff} officers at night.",
    "{witness} confirmed that the cell had been searched {days} days earlier and that nothing had been found.",
]


def witnesses(author, case: Case, para, words, density: float) -> None:
    """The evidence of the witnesses, one sub-heading each, as most Notes set it out."""
    rng = case.rng
    author.heading(2, rng.choice(["The evidence of the witnesses", "Evidence"]))
    statements = rng.sample(STATEMENTS, len(STATEMENTS))
    for _ in range(max(2, round(rng.uniform(4, 8) * density))):
        role = rng.choice(ROLES)
        name = f"{rng.choice(['Ms', 'Mr', 'Dr'])} {rng.choice(LAST)}"
        author.heading(3, f"{name}, {role}")
        for _ in range(rng.randint(1, 3)):
            if len(statements) < 3:
                statements = rng.sample(STATEMENTS, len(STATEMENTS))
            chosen = [statements.pop() for _ in range(rng.randint(2, 3))]
            para(" ".join(s.format(witness=name, months=rng.randint(2, 30), days=rng.randint(2, 14),
                                   num=rng.randint(40, 160), staff=rng.randint(2, 5), **words) for s in chosen))


def note(author, case: Case, recommendations, density: float) -> None:
    rng = case.rng
    words = dict(case.words, surname=f"Mr {case.surname}", town=case.town,
                 admitted=long_date(case.died - datetime.timedelta(days=rng.randint(20, 400))))
    counter = iter(range(1, 1000))

    def para(text):
        author.para(text, number=f"[{next(counter)}]")

    author.heading(1, rng.choice(["Note", "NOTE"]), new_page=rng.random() < 0.5)
    author.heading(2, "Introduction")
    para(f"This inquiry was held under section 1 of the Act into the death of {case.name}. As he died while in legal "
         "custody, the inquiry was mandatory under section 2(4)(a) of the Act.")
    para("The purpose of the inquiry is to establish the circumstances of the death and to consider what steps, if "
         "any, might be taken to prevent other deaths in similar circumstances. It is not its purpose to establish "
         "civil or criminal liability (section 1(4)).")
    pool = NOTE_EVIDENCE + CIRCUMSTANCES[case.kind]["evidence"]
    evidence = rng.sample(pool, len(pool))
    for heading in rng.choice([["Summary", "Findings in fact"], ["Background", "The events leading to the death"]]):
        author.heading(2, heading)
        for _ in range(rng.randint(2, 4)):
            sentences = [evidence.pop() for _ in range(min(len(evidence), rng.randint(2, 3)))]
            if sentences:
                para(" ".join(s.format(**words) for s in sentences))
    witnesses(author, case, para, words, density)
    author.heading(2, "Submissions")
    para("The procurator fiscal depute invited me to make the formal findings under section 26(2)(a) to (d) of the "
         "Act in the terms of the joint minute.")
    proposed = case.fill(rng.choice(CIRCUMSTANCES[case.kind]["actions"]))
    para(f"The solicitor for the family invited me to recommend that the prison should {proposed}. The solicitor for "
         "the Scottish Prison Service submitted that such a recommendation was unnecessary.")
    author.heading(2, rng.choice(["Section 26(2)(e) and (f): precautions and defects",
                                  "Precautions and defects in systems of working"]))
    if case.found_wanting:
        para("I am satisfied on the evidence that the precaution identified in my determination could reasonably have "
             "been taken. There is a real possibility, rather than a remote chance, that it would have avoided the death.")
    else:
        para("Having considered all of the evidence, I am not persuaded that any precaution could reasonably have been "
             "taken which might realistically have resulted in the death being avoided.")
    discussion = rng.choice(["Section 26(1)(b): recommendations", "Whether to make recommendations",
                             "Discussion of the proposed recommendations"])
    headed = NOTE_HEADED_RECOMMENDATIONS in case.layouts
    author.heading(2, "Recommendations" if headed else discussion)
    if headed:
        # What the participants asked for, in the Note's own numbered paragraphs: reasons, not
        # recommendations, however much they read like them.
        para("The Crown invited me to make no recommendation under section 26(1)(b) of the Act, on the basis that "
             "the changes identified in the Death in Prison Learning and Audit Review had already been made.")
        para("The solicitor for the family invited me to recommend that the Scottish Prison Service should review "
             "the way in which information about a person's risk is shared between shifts.")
    if recommendations:
        para("I have made the recommendations set out in the determination. Each concerns a matter which, on the "
             "evidence, might realistically prevent other deaths in similar circumstances.")
        para("I have not made the further recommendation sought by the family, since the evidence showed that the "
             "Scottish Prison Service had already changed its practice after the death.")
    else:
        para("I have considered carefully whether any recommendation should be made. The evidence showed that the "
             "changes the participants proposed had already been made, and I make no recommendation.")
    author.heading(2, rng.choice(["Conclusion", "Concluding remarks"]))
    para(f"I wish to express my condolences to the family of {case.name}, and to thank the participants for the way "
         "in which the inquiry was conducted.")


# ------------------------------------------------------------------------------ writing files
def compose(seed: int, index: int):
    from scrutiny_demo.layout import paginate

    rng = random.Random(f"scrutiny-demo-fai:{seed}:{index}")
    c = commission(rng)
    low, typical, high = PAGES
    target = rng.triangular(low, high, typical)
    drawn = random.Random(f"scrutiny-demo-fai:{seed}:{index}:layout")
    layouts = frozenset(name for name, chance in LAYOUT_CHANCES if drawn.random() < chance)
    density = 1.0
    for _ in range(6):  # a longer inquiry hears more witnesses: rewrite with more or less evidence
        report = write(c, random.Random(f"scrutiny-demo-fai:{seed}:{index}:text"), density, layouts)
        paged = paginate(report)
        if abs(paged.page_count - target) <= max(2, target * 0.15):
            break
        density *= max(0.3, min(3.0, (target - 3) / max(1, paged.page_count - 3)))
    return c, report, paged


def generate(count: int, seed: int, outdir: str, formats=("pdf", "docx")) -> list[dict]:
    """Write `count` determinations with their gold findings and metadata beside them."""
    from scrutiny_demo.corpus import gold_line, metadata
    from scrutiny_demo.writers.docx import write_docx
    from scrutiny_demo.writers.pdf import write_pdf

    os.makedirs(outdir, exist_ok=True)
    written = []
    for index in range(count):
        c, report, paged = compose(seed, index)
        fmt = formats[index % len(formats)]
        name = f"{SHORT}-{c.year}-{c.establishment.slug}-{index:04d}"
        report.name = name
        meta = metadata(sys.modules[__name__], c, report, fmt, paged.page_count, name)
        info = {"published": meta["published"], "title": meta["title"], "author": c.body_name, "name": name}
        path = os.path.join(outdir, f"{name}.{fmt}")
        if fmt == "pdf":
            write_pdf(path, paged, report.font, info)
        else:
            write_docx(path, report, paged, info)
        with open(os.path.join(outdir, f"{name}.gold.jsonl"), "w", encoding="utf-8") as handle:
            for finding in report.findings:
                handle.write(json.dumps(gold_line(name, finding, fmt), ensure_ascii=False) + "\n")
        with open(os.path.join(outdir, f"{name}.meta.json"), "w", encoding="utf-8") as handle:
            json.dump(meta, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
        written.append({"name": name, "path": path, "format": fmt, "pages": paged.page_count,
                        "recommendations": len(report.findings), "layouts": report.layouts})
    return written


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write demo FAI determinations with their gold findings.")
    parser.add_argument("outdir")
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for row in generate(args.count, args.seed, args.outdir):
        print(f"{row['name']}.{row['format']}: {row['pages']} pages, {row['recommendations']} recommendations")
