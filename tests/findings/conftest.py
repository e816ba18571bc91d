"""Findings with the variety the query engine must get right: several bodies, settings (and
none), nations, years either side of April, themes, populations, kinds, statuses, findings and
reports that are not published, and words common and rare in the texts."""

import random
import re
from datetime import date, timedelta

import pytest
import Stemmer

from scrutiny.catalogue.models import Population, Theme
from scrutiny.findings import engine
from scrutiny.findings.models import Kind, Status
from factories import FINDING_TEXTS, FindingFactory, ReportFactory, body, nation, setting

BODIES = ["hmip", "cqc", "imb", "hmips", "ciw"]
SETTINGS = ["adult-prison", "yoi", "police-custody", "secure-hospital", None]
NATIONS = ["england", "wales", "scotland", None]
# Words added to some texts: one in many findings, one in a few, one accented, one in one.
EXTRA = ["Managers should act on this promptly.", "The chaplaincy was praised.", "The café was closed.", "Zygomorphic."]
_stemmer = Stemmer.Stemmer("english")


def reference_terms(text: str) -> set[str]:
    """What a finding's text says, as the search must read it, written out independently of the
    engine: runs of letters and digits, lower case, accents dropped, Snowball English stems."""
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return {_stemmer.stemWord(w) for w in re.findall(r"[^\W_]+", plain)}


@pytest.fixture
def varied_findings(db):
    """About 250 findings in 40 reports, drawn from a fixed seed."""
    engine.forget()
    chance = random.Random(20250405)
    existing = [b for b in BODIES if _exists(b)]
    themes = list(Theme.objects.values_list("slug", flat=True)[:12])
    populations = list(Population.objects.values_list("slug", flat=True)[:5])
    for n in range(40):
        published = date(2012, 1, 1) + timedelta(days=chance.randrange(0, 13 * 365))
        report = ReportFactory(
            body=body(chance.choice(existing)), published=published, draft=chance.random() < 0.12,
            setting=_maybe(setting, chance.choice(SETTINGS)), nation=_maybe(nation, chance.choice(NATIONS)),
        )
        for _ in range(chance.randrange(1, 12)):
            text = chance.choice(FINDING_TEXTS)
            if chance.random() < 0.5:
                text += " " + chance.choice(EXTRA[:2] if chance.random() < 0.9 else EXTRA)
            FindingFactory(
                report=report, text=text, kind=chance.choice(list(Kind)), status=chance.choice(list(Status)),
                is_published=report.is_published and chance.random() > 0.08,
                themes=chance.sample(themes, chance.choice([0, 1, 1, 2, 3])),
                populations=chance.sample(populations, chance.choice([0, 0, 1, 2])),
            )
    yield
    engine.forget()


def _maybe(lookup, slug):
    return lookup(slug) if slug else None


def _exists(slug: str) -> bool:
    from scrutiny.catalogue.models import Body

    return Body.objects.filter(slug=slug).exists()
