"""An inspector's pen for one report: evidence paragraphs and findings that never repeat.

A report must not print the same finding twice (the gold is keyed on text), so every
finding drawn here is remembered and a repeat is varied with a qualifier an inspector
might add, such as the wing or group it concerns.
"""

from scrutiny_demo.vocabulary import THEMES

EVIDENCE_OPENERS = [
    "We spoke to {num} prisoners and reviewed their records.",
    "Inspectors observed practice on {unit} over several days.",
    "Staff we interviewed described the arrangements in detail.",
    "Our findings were consistent with what the Independent Monitoring Board had reported.",
    "Documentation we sampled supported this picture.",
    "This was a similar finding to that at our last inspection.",
    "Leaders were aware of the issue and had begun to address it.",
    "Data provided by the establishment showed a mixed picture.",
    "Outcomes had deteriorated since the last inspection.",
    "There had been some improvement, but it was not yet embedded.",
]

QUALIFIERS = [
    "on {unit}",
    "for young adults",
    "for older prisoners",
    "for those with disabilities",
    "at weekends",
    "in the evenings",
    "for foreign nationals",
    "for prisoners on the basic regime",
    "during the night",
    "for new arrivals",
]

UNITS = ["A wing", "B wing", "C wing", "D wing", "E wing", "F wing", "the first night centre",
         "the health care unit", "the induction unit", "Houseblock 1", "Houseblock 2", "Ash unit",
         "Beech unit", "Cedar unit", "the vulnerable prisoners' unit"]


class Pen:
    def __init__(self, rng, place: str):
        self.rng = rng
        self.place = place
        self.used: set[str] = set()

    def fill(self, template: str) -> str:
        rng = self.rng
        return template.format(
            pct=rng.randint(8, 78),
            num=rng.randint(3, 140),
            days=rng.randint(3, 21),
            place=self.place,
            unit=rng.choice(UNITS),
        )

    def narrative(self, theme: str, sentences: int | None = None) -> str:
        pool = THEMES[theme]["narrative"]
        count = sentences or self.rng.randint(2, 5)
        chosen = self.rng.sample(pool, min(count, len(pool)))
        if self.rng.random() < 0.5:
            chosen.insert(self.rng.randint(0, len(chosen)), self.rng.choice(EVIDENCE_OPENERS))
        return " ".join(self.fill(s) for s in chosen)

    def unique(self, text: str) -> str:
        """Vary a repeated finding so that no two findings in a report read alike."""
        candidate, attempts = text, 0
        while candidate in self.used:
            qualifier = self.fill(self.rng.choice(QUALIFIERS))
            stem = text.rstrip(".")
            candidate = f"{stem} {qualifier}." if text.endswith(".") else f"{stem} {qualifier}"
            attempts += 1
            if attempts > 6:
                candidate = f"{stem}, including {self.fill(self.rng.choice(QUALIFIERS))} {attempts}."
        self.used.add(candidate)
        return candidate

    def pick(self, theme: str, kind: str) -> str:
        options = THEMES[theme][kind]
        fresh = [o for o in options if o not in self.used]
        return self.unique(self.rng.choice(fresh or options))

    def problem(self, theme: str) -> str:
        """A concern as printed: the problem, sometimes with its consequence."""
        text = self.pick(theme, "problems") + "."
        if self.rng.random() < 0.5:
            # Concerns often carry their evidence, which makes them run to several lines.
            text += " " + self.narrative(theme, self.rng.randint(1, 2))
        if self.rng.random() < 0.45:
            text += " " + self.rng.choice([
                "This had been a concern at the last inspection.",
                "Prisoners told us this affected their well-being.",
                "Leaders had not taken effective action to address it.",
                "This undermined other work to improve outcomes.",
                "The impact on prisoners was significant.",
            ])
        return self.unique(text)

    def fix(self, theme: str, actor: str, verb: str = "should") -> str:
        return self.unique(f"{actor} {verb} {self.pick(theme, 'fixes')}.")

    def strength(self, theme: str) -> str:
        return self.unique(self.pick(theme, "strengths"))

    def note(self, theme: str) -> str:
        return self.unique(self.pick(theme, "notes"))

    def title(self, theme: str) -> str:
        return THEMES[theme]["title"]

    def survey_rows(self, themes, comparator=True):
        rows = []
        for theme in themes:
            for question in THEMES[theme]["survey"]:
                here = self.rng.randint(5, 90)
                rows.append([question, f"{here}%", f"{max(1, min(99, here + self.rng.randint(-15, 15)))}%"])
        return rows
