"""An inspector's pen for one report: evidence paragraphs and findings that never repeat.

The pen writes in the words of the report's setting (prison, police custody, mental health
hospital, children's secure care) and nation. Narrative sentences are dealt from a shuffled
deck per theme, so a long report uses the whole pool before it repeats anything; where a theme
offers claims, about half its sentences set a claim in a frame, so the evidence grows as
frames x claims. A report
must not print the same finding twice (the gold is keyed on text), so findings are drawn
without replacement; once a pool runs dry, two distinct phrasings of the theme are joined.
"""

from scrutiny_demo.vocabulary import setting_for, vocabulary

# How often a narrative sentence is one of the theme's claims set in a frame ("We found that …").
CLAIM_SHARE = 0.7


class Pen:
    def __init__(self, rng, place: str, setting: str = "adult-prison", nation: str = "england"):
        self.rng = rng
        self.place = place
        self.vocab = vocabulary(setting_for(setting), nation)
        self.words = self.vocab.words
        self.used: set[str] = set()
        self.decks: dict[tuple, list] = {}
        self.openers_left = 2 * len(self.vocab.openers)

    def fill(self, template: str) -> str:
        rng = self.rng
        text = template.format(
            pct=rng.randint(8, 78),
            num=rng.randint(3, 140),
            days=rng.randint(3, 21),
            place=self.place,
            unit=rng.choice(self.vocab.units),
            **self.words,
        )
        return self.vocab.localise(text)

    def deal(self, key, pool, avoid=()) -> str:
        """The next card from a shuffled deck of the pool, reshuffled when it runs out."""
        deck = self.decks.setdefault(key, [])
        if not deck:
            deck.extend(self.rng.sample(pool, len(pool)))
        for i in range(len(deck) - 1, -1, -1):
            if deck[i] not in avoid:
                return deck.pop(i)
        return deck.pop()

    def narrative(self, theme: str, sentences: int | None = None) -> str:
        entry = self.vocab.themes[theme]
        pool, claims = entry["narrative"], entry["claims"]
        count = min(sentences or self.rng.randint(2, 5), len(pool) + len(claims))
        chosen: list[str] = []
        for _ in range(count):
            if claims and self.rng.random() < CLAIM_SHARE:
                claim = self.deal((theme, "claims"), claims, chosen)
                chosen.append(claim)
                chosen[-1] = self.deal("frames", self.vocab.frames).replace("{claim}", claim)
            else:
                chosen.append(self.deal((theme, "narrative"), pool, chosen))
        if self.rng.random() < 0.5 and self.openers_left > 0:
            # An opener is a stock phrase: a long report uses the deck twice, then does without.
            self.openers_left -= 1
            chosen.insert(self.rng.randint(0, len(chosen)), self.deal("openers", self.vocab.openers))
        return " ".join(self.fill(s) for s in chosen)

    def spread(self, themes) -> str:
        """A theme for a filler paragraph: each of the themes in turn, in shuffled order, so a
        long summary speaks of everything the report covers instead of a favourite few."""
        themes = [t for t in dict.fromkeys(themes) if t in self.vocab.themes]
        return self.deal(("spread",) + tuple(themes), themes)

    def draw(self, theme: str, kind: str, make) -> str:
        """A finding that no earlier finding in the report reads like."""
        options = self.vocab.themes[theme][kind]
        key = (theme, kind, "finding")
        if key not in self.decks:
            self.decks[key] = self.rng.sample(options, len(options))
        deck = self.decks[key]
        while deck:
            candidate = make(self.fill(deck.pop()))
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate
        # Every phrasing has been used: join two of them, as inspectors do in a longer finding.
        if kind in ("strengths", "notes"):
            # Whole sentences: a scarce pool is joined with the theme's evidence instead.
            options = options + self.vocab.themes[theme]["narrative"]
        for attempt in range(60):
            parts = [self.fill(o) for o in self.rng.sample(options, min(len(options), 2 if attempt < 40 else 3))]
            text = parts[0]
            for part in parts[1:]:
                text = self.join(kind, text, part)
            candidate = make(text)
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate
        raise ValueError(f"no distinct {kind} left for {theme}")

    @staticmethod
    def join(kind: str, first: str, second: str) -> str:
        if kind == "fixes":
            return f"{first}, and {second}"
        if kind == "problems":
            lead = second if second[1:2].isupper() else second[0].lower() + second[1:]
            return f"{first}, and {lead}"
        return f"{first} {second}"

    def problem(self, theme: str) -> str:
        """A concern as printed: the problem, sometimes with its consequence."""
        def make(core):
            text = core + "."
            if self.rng.random() < 0.5:
                # Concerns often carry their evidence, which makes them run to several lines.
                text += " " + self.narrative(theme, self.rng.randint(1, 2))
            if self.rng.random() < 0.45:
                text += " " + self.fill(self.deal("tails", self.vocab.tails))
            return text
        return self.draw(theme, "problems", make)

    def fix(self, theme: str, actor: str, verb: str = "should") -> str:
        return self.draw(theme, "fixes", lambda core: f"{actor} {verb} {core}.")

    def strength(self, theme: str) -> str:
        return self.draw(theme, "strengths", lambda core: core)

    def note(self, theme: str) -> str:
        return self.draw(theme, "notes", lambda core: core)

    def title(self, theme: str) -> str:
        return self.vocab.themes[theme]["title"]

    def survey_rows(self, themes, comparator=True):
        rows = []
        for theme in themes:
            for question in self.vocab.themes[theme].get("survey", []):
                here = self.rng.randint(5, 90)
                rows.append([question, f"{here}%", f"{max(1, min(99, here + self.rng.randint(-15, 15)))}%"])
        return rows
