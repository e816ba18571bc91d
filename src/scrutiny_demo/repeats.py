"""Findings that repeat, written the way the demo reports write them, with the truth known.

A demo report draws each concern and recommendation from its theme's pool of phrasings (the
"template"), fills in numbers, places and the setting's words, and often adds evidence after it.
Two findings from one template ask the same thing, whatever the year, actor, numbers or evidence;
two templates of one theme ask different things in shared words. The gold files do not record
this, so this module writes findings with their template beside them:

- `labelled_pairs(seed)`: pairs of findings, the same ask or not, for measuring a threshold;
- `earlier_findings(count, seed)`: (id, text, establishment_id, body_id, year) rows, quickly,
  for the repetition benchmark.
"""

import random

from scrutiny_demo.vocabulary import vocabulary

SETTINGS = ["prison", "custody", "hospital", "secure-care"]
NATIONS = {"prison": ["england", "scotland", "northern-ireland"], "custody": ["england", "scotland"],
           "hospital": ["england"], "secure-care": ["england", "scotland"]}
ACTORS = {
    "prison": ["Leaders", "The governor", "HMPPS", "The prison", "SPS", "Managers", "Leaders at {place}"],
    "custody": ["The force", "Police Scotland", "Custody managers", "The police and crime commissioner"],
    "hospital": ["The provider", "The trust", "Ward managers", "The hospital managers"],
    "secure-care": ["The service", "Managers", "The provider", "The registered manager"],
}
AMBIGUOUS = 0.6  # word overlap of two templates above which "different ask" is not clear-cut
PLACES = ["Ashfield", "Brinsford", "Castlemoor", "Dunmere", "Eastwold", "Farley Hill", "Glenholm",
          "Harrowby", "Inchmore", "Kelvindale", "Larkhill", "Morden Vale"]


def templates(setting: str, nation: str = "england"):
    """(theme, kind, template) for every concern and recommendation phrasing of a setting."""
    vocab = vocabulary(setting, nation)
    for theme in sorted(vocab.themes):
        for kind in ("problems", "fixes"):
            for template in vocab.themes[theme][kind]:
                yield theme, kind, template


def write(rng, setting, nation, theme, kind, template, evidence=True) -> str:
    """One finding from one template, as a report would print it."""
    vocab = vocabulary(setting, nation)
    core = fill(rng, vocab, template)
    if kind == "fixes":
        actor = fill(rng, vocab, rng.choice(ACTORS[setting]))
        return f"{actor} should {core}."
    text = core + "."
    entry = vocab.themes[theme]
    if evidence and entry["narrative"] and rng.random() < 0.5:
        text += " " + fill(rng, vocab, rng.choice(entry["narrative"]))
    if evidence and rng.random() < 0.4:
        text += " " + fill(rng, vocab, rng.choice(vocab.tails))
    return text


def fill(rng, vocab, template: str) -> str:
    text = template.format(pct=rng.randint(8, 78), num=rng.randint(3, 140), days=rng.randint(3, 21),
                           place=rng.choice(PLACES), unit=rng.choice(vocab.units), **vocab.words)
    return vocab.localise(text)


def labelled_pairs(seed: int = 4, per_setting: int = 60):
    """Same-ask pairs (one template written twice, in another year and perhaps another nation)
    and hard different-ask pairs (two templates of one theme, the pair sharing most words)."""
    rng = random.Random(f"scrutiny-repeat-pairs:{seed}")
    pairs = []
    for setting in SETTINGS:
        pool = list(templates(setting))
        for theme, kind, template in rng.sample(pool, min(per_setting, len(pool))):
            nation_a, nation_b = rng.choice(NATIONS[setting]), rng.choice(NATIONS[setting])
            a = write(rng, setting, nation_a, theme, kind, template)
            b = write(rng, setting, nation_b, theme, kind, template)
            group = f"demo:{setting}:{theme}"
            if a != b:
                pairs.append(pair(a, b, True, f"{group}:{kind}:same-template"))
            # Two templates that differ by a word or two (one a longer version of the other) are
            # left out: a person could call them either, so they measure nothing.
            rivals = [t for th, k, t in pool
                      if th == theme and k == kind and t != template and overlap(template, t) < AMBIGUOUS]
            if rivals:
                rival = max(rivals, key=lambda t: (overlap(template, t), t))
                c = write(rng, setting, nation_b, theme, kind, rival)
                pairs.append(pair(a, c, False, f"{group}:{kind}:other-template"))
    return pairs


def pair(a, b, same, source) -> dict:
    return {"text_a": a, "text_b": b, "same": same, "source": source}


def overlap(a: str, b: str) -> float:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(1, len(wa | wb))


def earlier_findings(count: int, seed: int = 1, establishments: int = 2000, first_id: int = 1):
    """`count` rows of (id, text, establishment_id, body_id, year), deterministic and quick:
    findings of every setting, each from a template, with numbers, actors and evidence."""
    rng = random.Random(f"scrutiny-earlier-findings:{seed}")
    pools = {(s, n): list(templates(s, n)) for s in SETTINGS for n in NATIONS[s]}
    keys = sorted(pools)
    for offset in range(count):
        place = rng.randrange(establishments)
        setting, nation = keys[place % len(keys)]
        theme, kind, template = rng.choice(pools[(setting, nation)])
        text = write(rng, setting, nation, theme, kind, template)
        yield first_id + offset, text, place, 1 + place % 21, rng.randint(2005, 2025)


def report_findings(seed: int, size: int = 30, establishment_id: int = 7, year: int = 2026):
    """A new report's findings at one establishment: mostly fresh, some repeats of its past."""
    rows = list(earlier_findings(size, seed=10_000 + seed, first_id=10**9 + seed * size))
    return [(i, text, establishment_id, 1, year) for i, text, _, _, _ in rows]


if __name__ == "__main__":  # python -m scrutiny_demo.repeats > src/scrutiny/core/data/repeat_pairs_demo.jsonl
    import json
    import sys

    for line in labelled_pairs():
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
