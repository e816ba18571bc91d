"""Ingest as a person uses it: folders of generated reports in, findings stored, bad files named."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from scrutiny.catalogue.models import Establishment
from scrutiny.cli import main as scrutiny
from scrutiny.findings.models import Finding, Tag
from scrutiny.findings.search import matching
from scrutiny.reports.ingest import Ingester
from scrutiny.reports.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """Nine generated reports: one of each family, each in one format."""
    out = tmp_path_factory.mktemp("corpus")
    assert scrutiny(["demo", "generate", "--reports", "9", "--seed", "11", str(out)]) == 0
    return out


def gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.with_name(f"{path.stem}.gold.jsonl").read_text().splitlines() if line]


def reports_in(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.suffix in {".pdf", ".docx", ".html"})


def test_a_folder_of_reports_is_stored_with_its_findings_tags_and_search_index(corpus, capsys):
    assert scrutiny(["ingest", str(corpus)]) == 0
    files = reports_in(corpus)
    assert Report.objects.count() == len(files)
    planted = sum(len(gold(p)) for p in files)
    stored = Finding.objects.count()
    # The extractor is scored elsewhere; here, nearly every planted finding must arrive.
    assert stored >= 0.9 * planted
    assert Tag.objects.exists()
    summary = capsys.readouterr().out
    assert f"reports new" in summary and str(len(files)) in summary
    # Stored means searchable: the index is kept by the database, whichever it is.
    with_staff = Finding.objects.filter(text__icontains=" staff ").count()
    assert with_staff and matching(Finding.objects.all(), "staff").count() >= with_staff


def test_ingest_is_idempotent_by_content(corpus, capsys):
    assert scrutiny(["ingest", str(corpus)]) == 0
    count = Finding.objects.count()
    capsys.readouterr()
    assert scrutiny(["ingest", str(corpus)]) == 0
    assert Finding.objects.count() == count
    summary = capsys.readouterr().out
    assert "reports duplicate" in summary


def test_findings_carry_their_report_facets_and_reporting_year(corpus):
    path = reports_in(corpus)[0]
    meta = json.loads(path.with_name(f"{path.stem}.meta.json").read_text())
    assert scrutiny(["ingest", str(path)]) == 0
    report = Report.objects.get()
    assert report.body.slug == meta["body"]
    assert report.published.isoformat() == meta["published"]
    finding = report.findings.first()
    assert finding.body_id == report.body_id and finding.year == report.published.year
    month = report.published.month
    assert finding.reporting_year == (report.published.year if month >= 4 else report.published.year - 1)


def test_a_renamed_establishment_is_one_place(tmp_path, corpus):
    source = next(p for p in reports_in(corpus) if p.suffix == ".html")
    meta = json.loads(source.with_name(f"{source.stem}.meta.json").read_text())
    # The older report arrives first; the place then takes the name its latest report prints.
    for n, (name, published) in enumerate([("HMP & YOI Thornwick", "2012-03-01"), ("HMP Thornwick", "2021-06-01")]):
        copy = tmp_path / f"thornwick-{n}.html"
        copy.write_text(source.read_text() + f"<!-- copy {n} -->")
        overrides = dict(meta, establishment=name, setting="adult-prison", published=published)
        copy.with_name(f"{copy.stem}.meta.json").write_text(json.dumps(overrides))
    assert scrutiny(["ingest", str(tmp_path)]) == 0
    places = Establishment.objects.filter(aliases__name__contains="Thornwick").distinct()
    assert places.count() == 1
    place = places.get()
    assert sorted(place.aliases.values_list("name", flat=True)) == ["HMP & YOI Thornwick", "HMP Thornwick"]
    assert place.name == "HMP Thornwick" and place.reports.count() == 2


def test_bad_files_are_named_with_a_reason_and_the_rest_go_through(tmp_path, corpus, capsys):
    good = reports_in(corpus)[0]
    meta = good.with_name(f"{good.stem}.meta.json").read_text()
    (tmp_path / good.name).write_bytes(good.read_bytes())
    (tmp_path / f"{good.stem}.meta.json").write_text(meta)
    bad = {
        "corrupt.pdf": b"%PDF-1.7\n this is not really a PDF",
        "empty.pdf": b"",
        "notes.xyz": b"hello",
        "unknown-body.html": b"<h1>Report</h1><h2>Recommendations</h2><p>1. Cells should be clean.</p>",
        "no-metadata.html": b"<h1>Report</h1><h2>Recommendations</h2><p>1. Cells should be clean.</p>",
    }
    for name, content in bad.items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "unknown-body.meta.json").write_text(
        json.dumps({"body": "ministry-of-magic", "published": "2024-05-01", "type": "full-inspection"})
    )
    status = scrutiny(["ingest", *(str(tmp_path / n) for n in [*bad, good.name])])
    assert status != 0
    err = capsys.readouterr().err
    failures = [line for line in err.splitlines() if line.startswith("FAILED")]
    assert len(failures) == len(bad)
    assert any("corrupt.pdf" in f and ("corrupt" in f or "not a PDF" in f) for f in failures)
    assert any("empty.pdf" in f and "empty" in f for f in failures)
    assert any("notes.xyz" in f and "unsupported" in f for f in failures)
    assert any("unknown-body.html" in f and "unknown body 'ministry-of-magic'" in f for f in failures)
    assert any("no-metadata.html" in f and "missing metadata" in f for f in failures)
    assert Report.objects.count() == 1 and Report.objects.get().file_name == good.name


def test_encrypted_and_image_only_pdfs_are_refused(tmp_path, capsys):
    from fpdf import FPDF
    from PIL import Image

    encrypted = FPDF()
    encrypted.add_page()
    encrypted.set_font("helvetica", size=12)
    encrypted.cell(text="Recommendations: cells should be clean.")
    encrypted.set_encryption(owner_password="owner", user_password="secret")
    encrypted.output(str(tmp_path / "encrypted.pdf"))
    scanned = FPDF()
    scanned.add_page()
    picture = tmp_path / "scan.png"
    Image.new("RGB", (400, 560), "white").save(picture)
    scanned.image(str(picture), x=10, y=10, w=180)
    scanned.output(str(tmp_path / "scanned.pdf"))
    for name in ("encrypted", "scanned"):
        (tmp_path / f"{name}.meta.json").write_text(
            json.dumps({"body": "hmip", "published": "2024-05-01", "type": "full-inspection"})
        )
    assert scrutiny(["ingest", str(tmp_path)]) != 0
    err = capsys.readouterr().err
    assert "encrypted.pdf" in err and "encrypted" in err.split("encrypted.pdf", 1)[1].splitlines()[0]
    assert "scanned.pdf" in err and "no text layer" in err
    assert Report.objects.count() == 0


def test_a_report_that_fails_while_being_stored_leaves_nothing_behind(corpus):
    class FailingWhileTagging(Ingester):
        def _tag(self, findings):
            super()._tag(findings)
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        FailingWhileTagging().ingest(reports_in(corpus)[0])
    assert (Report.objects.count(), Finding.objects.count(), Tag.objects.count()) == (0, 0, 0)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM findings_finding_fts WHERE findings_finding_fts MATCH 'should'")
            assert cursor.fetchone()[0] == 0


def test_draft_reports_are_held_back(corpus):
    assert scrutiny(["ingest", "--draft", str(reports_in(corpus)[0])]) == 0
    assert not Report.objects.get().is_published
    assert not Finding.objects.filter(is_published=True).exists()


def test_command_line_options_supply_missing_metadata(tmp_path):
    page = tmp_path / "letter.html"
    page.write_text("<h1>Visit</h1><h2>Recommendations</h2><ol><li>Cells should be cleaned daily.</li></ol>")
    status = scrutiny(["ingest", str(page), "--body", "HM Inspectorate of Prisons", "--date", "2025-02-03",
                       "--type", "monitoring-visit", "--establishment", "HMP Ashcombe"])
    assert status == 0
    report = Report.objects.get()
    assert (report.body.slug, report.report_type, report.reporting_year) == ("hmip", "monitoring-visit", 2024)
    assert report.establishments.get().name == "HMP Ashcombe"


def test_the_installed_command_runs_outside_this_process(tmp_path):
    result = subprocess.run([sys.executable, "-m", "scrutiny.cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "ingest" in result.stdout
