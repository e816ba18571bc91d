"""Records to export and import: generated reports read by the real ingest, and a few made by the
factories for what the generator never writes (drafts, several places, formula-looking cells)."""

import csv
from datetime import date
import io
from pathlib import Path

import pytest

from factories import EstablishmentFactory, FindingFactory, ReportFactory, body, nation, setting
from scrutiny.reports.ingest import Ingester
from scrutiny_demo.corpus import generate

REPORTS, SEED = 4, 23


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("historic-corpus")
    generate(REPORTS, seed=SEED, outdir=str(folder), processes=1)
    return folder


def ingest(corpus: Path, files: Path) -> None:
    ingester = Ingester(keep_files=False)
    for path in sorted(p for p in corpus.iterdir() if p.suffix in {".pdf", ".docx", ".html"}):
        assert ingester.ingest(path).status == "new"


def made_by_hand():
    """What the factories add: a draft with two places and findings whose cells a spreadsheet
    would run as formulas, one without a page, tags of both kinds, and a Scottish report."""
    places = [EstablishmentFactory(name="HMP Thornmere"), EstablishmentFactory(name="HMP & YOI Ashcombe Vale")]
    draft = ReportFactory(draft=True, establishments=places, published=date(2009, 5, 12))
    FindingFactory(report=draft, position=1, text="=HYPERLINK(\"http://example.org\",\"click\")", number="-1",
                   section="@risk", themes=["use-of-force", "violence"], populations=["children"])
    FindingFactory(report=draft, position=2, text="'=already quoted by its author", page=None, addressee="+ the governor")
    FindingFactory(report=draft, position=3, text="- Staff should record every strip search.\nAnd say why.",
                   kind="good_practice", status="achieved", status_in_source="Achieved", label_in_source="'quoted'")
    scottish = ReportFactory(body=body("hmips"), setting=setting("adult-prison"), nation=nation("scotland"),
                             establishments=[EstablishmentFactory(name="HMP Glenrothy", nation=nation("scotland"))],
                             source_url="")
    FindingFactory(report=scottish, position=0, text="Prisoners should have access to a kettle, with café hours shown.",
                   number="7.4", addressee="For SPS HQ", themes=["food"])


@pytest.fixture
def records(corpus, tmp_path):
    ingest(corpus, tmp_path / "files")
    made_by_hand()


def table(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def to_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")
