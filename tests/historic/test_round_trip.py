"""Export → import into an empty database → export again gives the same file; importing an export
into the database it came from changes nothing. On the suite's engine (SQLite, then PostgreSQL)."""

import io

import openpyxl
import pytest

from operations.scratch import ScratchDatabases, run_scrutiny
from scrutiny.findings.models import Finding
from scrutiny.historic.exporter import export
from scrutiny.historic.importer import run_import
from scrutiny.reports.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def scratch(tmp_path):
    databases = ScratchDatabases(tmp_path)
    yield databases
    databases.drop_all()


def through_an_empty_database(scratch, tmp_path, first: bytes, fmt: str) -> bytes:
    source, again = tmp_path / f"first.{fmt}", tmp_path / f"again.{fmt}"
    source.write_bytes(first)
    database = scratch.new(f"empty_{fmt}")
    where = {"database": database, "files": tmp_path / "files", "cwd": tmp_path}
    loaded = run_scrutiny("historic", "import", source, **where)
    assert loaded.returncode == 0, loaded.stderr
    assert f"{Report.objects.count()} new" in loaded.stdout
    dumped = run_scrutiny("historic", "export", again, **where)
    assert dumped.returncode == 0, dumped.stderr
    return again.read_bytes()


def test_csv_round_trip_is_byte_identical(records, scratch, tmp_path):
    first = export(Report.objects.all(), "csv")
    assert first.count(b"\r\n") - 1 >= Finding.objects.count()  # every finding has its row
    assert through_an_empty_database(scratch, tmp_path, first, "csv") == first


def cells(data: bytes) -> list[tuple]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def test_xlsx_round_trip_gives_equal_cells(records, scratch, tmp_path):
    first = export(Report.objects.all(), "xlsx")
    again = through_an_empty_database(scratch, tmp_path, first, "xlsx")
    assert cells(again) == cells(first)
    assert len(cells(first)) == Finding.objects.count() + 1


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_importing_an_export_into_its_own_database_changes_nothing(records, fmt):
    before = export(Report.objects.all(), "csv")
    result = run_import(export(Report.objects.all(), fmt), fmt)
    assert result.problems == [] and result.stored
    assert dict(result.summary.reports) == {"unchanged": Report.objects.count()}
    assert dict(result.summary.findings) == {"unchanged": Finding.objects.count()}
    assert export(Report.objects.all(), "csv") == before
