"""Import as an analyst meets it: every problem by row and column, all or nothing, upsert by the
stable keys with an audit entry, and imported records that look like ingested ones."""

import hashlib
from pathlib import Path

import pytest

from factories import FindingFactory, ReportFactory
from scrutiny.catalogue.models import Establishment
from scrutiny.cli import main as scrutiny
from scrutiny.curation.models import Action, Change
from scrutiny.findings.models import Finding, PopulationTag, Provenance, Tag, TagOrigin
from scrutiny.historic import template
from scrutiny.historic.exporter import export
from scrutiny.historic.importer import run_import
from scrutiny.reports.models import Report, State, reporting_year_of

from .conftest import table, to_csv

pytestmark = pytest.mark.django_db
COLUMN = {name: i for i, name in enumerate(template.COLUMNS)}


def counts() -> tuple[int, ...]:
    return (Report.objects.count(), Finding.objects.count(), Tag.objects.count(), PopulationTag.objects.count(),
            Establishment.objects.count(), Change.objects.count())


def as_new_reports(rows: list[list[str]], prefix: str = "old-") -> list[list[str]]:
    """The same findings under references the database does not hold: new historic reports."""
    return [rows[0]] + [[prefix + r[0], *r[1:]] for r in rows[1:]]


def test_a_dry_run_lists_every_problem_by_row_and_column_and_stores_nothing(records, capsys, tmp_path):
    rows = as_new_reports(table(export(Report.objects.all(), "csv")))
    rows[13][COLUMN["published"]] = "2011-13-01"
    rows[3][COLUMN["body"]] = "hmp"
    rows[4][COLUMN["setting"]] = "prison"
    rows[5][COLUMN["nation"]] = "england-and-wales"
    rows[6][COLUMN["themes"]] = "food;teatime"
    rows[7][COLUMN["kind"]] = "suggestion"
    rows[8][COLUMN["status"]] = "done"
    rows[9][COLUMN["text"]] = "   "
    rows[10][COLUMN["page"]] = "p. 12"
    rows[11][COLUMN["report_type"]] = ""
    rows[12][COLUMN["report_title"]] = "Another title"
    path = tmp_path / "bad.csv"
    path.write_bytes(to_csv(rows))
    before = counts()
    assert scrutiny(["historic", "import", str(path), "--dry-run"]) == 2
    printed = capsys.readouterr().err
    title_12, title_first = rows[12][COLUMN["report_title"]], rows[1][COLUMN["report_title"]]
    first_of_report = next(n for n, r in enumerate(rows) if r[0] == rows[12][0]) + 1
    for line in [
        "row 14, column published: '2011-13-01' is not a date (YYYY-MM-DD)",
        "row 4, column body: 'hmp' is not a known body",
        "row 5, column setting: 'prison' is not a known setting",
        "row 6, column nation: 'england-and-wales' is not a known nation",
        "row 7, column themes: 'teatime' is not a known theme",
        "row 8, column kind: 'suggestion' is not a known kind",
        "row 9, column status: 'done' is not a known status",
        "row 10, column text: is empty; it is required",
        "row 11, column page: 'p. 12' is not a number",
        "row 12, column report_type: is empty; it is required",
        f"row 13, column report_title: '{title_12}' differs from row {first_of_report}",
    ]:
        assert line in printed, f"{line!r} not in {printed}"
    assert "nothing was stored" in printed
    assert counts() == before
    del title_first


def test_a_dry_run_of_a_good_file_says_what_would_change_and_stores_nothing(records, capsys, tmp_path):
    rows = table(export(Report.objects.all(), "csv"))
    path = tmp_path / "good.csv"
    path.write_bytes(to_csv(as_new_reports(rows)))
    before = counts()
    assert scrutiny(["historic", "import", str(path), "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert f"reports: {Report.objects.count()} new, 0 updated, 0 unchanged" in printed
    assert f"findings: {len(rows) - 1} new, 0 updated, 0 unchanged" in printed
    assert counts() == before


def test_one_bad_last_row_stores_nothing(records, capsys, tmp_path):
    rows = as_new_reports(table(export(Report.objects.all(), "csv")))
    rows[-1][COLUMN["finding_position"]] = "first"
    path = tmp_path / "last-bad.csv"
    path.write_bytes(to_csv(rows))
    before = counts()
    assert scrutiny(["historic", "import", str(path)]) == 2
    assert f"row {len(rows)}, column finding_position: 'first' is not a number" in capsys.readouterr().err
    assert counts() == before
    rows[-1][COLUMN["finding_position"]] = "999"
    path.write_bytes(to_csv(rows))
    assert scrutiny(["historic", "import", str(path)]) == 0
    assert Report.objects.filter(reference__startswith="old-").count() == Report.objects.count() // 2


def test_a_duplicate_row_names_the_row_it_repeats(records):
    rows = table(export(Report.objects.all(), "csv"))
    rows.append(list(rows[5]))
    rows[-1][COLUMN["text"]] = "A second finding given the same place by mistake."
    result = run_import(to_csv(rows), "csv")
    assert [str(p) for p in result.problems] == [
        f"row {len(rows)}, column finding_position: {rows[5][COLUMN['finding_position']]} repeats row 6"
        " (the same report_reference and finding_position)"
    ]


def test_changing_one_cell_updates_one_finding_and_leaves_an_audit_entry(records):
    rows = table(export(Report.objects.all(), "csv"))
    reference, position = rows[7][0], int(rows[7][COLUMN["finding_position"]])
    finding = Finding.objects.get(report__reference=reference, position=position)
    rows[7][COLUMN["text"]] = "Managers should review every use of force within 72 hours."
    rows[7][COLUMN["themes"]] = "use-of-force"
    changes = Change.objects.count()
    result = run_import(to_csv(rows), "csv")
    assert result.stored and dict(result.summary.findings) == {"updated": 1, "unchanged": len(rows) - 2}
    assert dict(result.summary.reports) == {"updated": 1, "unchanged": Report.objects.count() - 1}
    updated = Finding.objects.get(pk=finding.pk)
    assert updated.text == rows[7][COLUMN["text"]] and updated.version == finding.version + 1
    assert [(t.theme.slug, t.origin) for t in updated.tags.all()] == [("use-of-force", TagOrigin.PERSON)]
    assert Change.objects.count() == changes + 1
    change = Change.objects.first()
    assert change.action == Action.IMPORTED and change.report.reference == reference and change.user is None
    assert "findings 1 updated" in change.description
    again = run_import(to_csv(rows), "csv")
    assert dict(again.summary.reports) == {"unchanged": Report.objects.count()}
    assert Change.objects.count() == changes + 1


def test_a_changed_report_cell_updates_the_report_and_its_findings_facets(records):
    report = Report.objects.filter(findings__isnull=False).distinct().order_by("reference").first()
    rows = table(export(Report.objects.filter(pk=report.pk), "csv"))
    for row in rows[1:]:
        row[COLUMN["published"]] = "2010-02-14"
    result = run_import(to_csv(rows), "csv")
    assert dict(result.summary.reports) == {"updated": 1}
    report.refresh_from_db()
    assert report.published.isoformat() == "2010-02-14"
    assert set(report.findings.values_list("year", "reporting_year")) == {(2010, 2009)}
    change = Change.objects.filter(report=report, action=Action.IMPORTED).get()
    assert change.after == {"published": "2010-02-14"} and "published changed" in change.description


def test_new_reports_are_stored_as_imported_with_a_person_s_tags(records):
    rows = as_new_reports(table(export(Report.objects.all(), "csv")))
    result = run_import(to_csv(rows), "csv", publish=False)
    assert result.stored
    report = Report.objects.get(reference="old-" + rows[1][0].removeprefix("old-"))
    assert (report.file_name, report.file_format) == ("", "import")
    assert report.content_hash == hashlib.sha256(f"import:{report.reference}".encode()).hexdigest()
    assert report.state == State.DRAFT and not report.is_published
    findings = Finding.objects.filter(report__reference__startswith="old-")
    assert findings.count() == len(rows) - 1
    assert set(findings.values_list("provenance", flat=True)) == {Provenance.IMPORTED}
    assert set(Tag.objects.filter(finding__in=findings).values_list("origin", flat=True)) == {TagOrigin.PERSON}
    for f in findings.select_related("report"):
        assert (f.body_id, f.setting_id, f.nation_id, f.year, f.reporting_year, f.is_published) == (
            f.report.body_id, f.report.setting_id, f.report.nation_id, f.report.published.year,
            reporting_year_of(f.report.published), False,
        )
    assert Change.objects.filter(action=Action.IMPORTED).count() == Report.objects.count() // 2


def test_a_new_establishment_is_registered_for_review_and_a_former_name_finds_its_place(db):
    place_report = ReportFactory()
    FindingFactory(report=place_report)
    place = place_report.establishments.get()
    rows = table(export(Report.objects.all(), "csv"))
    rows.append([*rows[1]])
    rows.append([*rows[1]])
    rows[2][0], rows[2][COLUMN["establishment"]] = "hmip-2010-a", place.name.upper()
    rows[3][0], rows[3][COLUMN["establishment"]] = "hmip-2010-b", "HMP Pelham Ridge; HMP Kelderbrook East"
    assert run_import(to_csv(rows), "csv").stored
    assert list(Report.objects.get(reference="hmip-2010-a").establishments.all()) == [place]
    new = Report.objects.get(reference="hmip-2010-b").establishments.order_by("name")
    assert [(e.name, e.needs_review) for e in new] == [("HMP Kelderbrook East", True), ("HMP Pelham Ridge", True)]


def test_formula_cells_are_neutralised_in_export_and_restored_on_import(records, tmp_path):
    data = export(Report.objects.all(), "csv")
    rows = table(data)
    texts = [r[COLUMN["text"]] for r in rows]
    assert "'=HYPERLINK(\"http://example.org\",\"click\")" in texts
    assert "''=already quoted by its author" in texts
    assert "'- Staff should record every strip search.\nAnd say why." in texts
    assert "'-1" in [r[COLUMN["number"]] for r in rows] and "'@risk" in [r[COLUMN["section"]] for r in rows]
    assert "'quoted'" in [r[COLUMN["label_in_source"]] for r in rows]  # not formula-like: as it is
    for row in rows[1:]:
        assert not any(cell.startswith(template.FORMULA_STARTS) for cell in row)
    import io

    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(export(Report.objects.all(), "xlsx"))).worksheets[0]
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f" and not str(cell.value).startswith(template.FORMULA_STARTS)
    # A hand-typed formula without the apostrophe is only text.
    rows = as_new_reports(rows)
    rows[1][COLUMN["text"]] = "=1+2"
    assert run_import(to_csv(rows), "csv").stored
    assert Finding.objects.get(report__reference=rows[1][0], position=int(rows[1][COLUMN["finding_position"]])).text == "=1+2"
    assert template.restore(template.neutralise("''+x")) == "''+x"


def test_the_example_in_the_guide_imports_cleanly(db):
    guide = (Path(__file__).parents[2] / "docs" / "historic-import.md").read_text()
    example = guide.split("```csv\n", 1)[1].split("```", 1)[0]
    result = run_import(example.encode("utf-8"), "csv")
    assert result.problems == [] and result.stored
    finding = Finding.objects.get(report__reference="hmip-2011-kelderbrook", position=2)
    assert finding.text.startswith("- Older prisoners") and finding.kind == "good_practice"


def test_a_file_with_a_byte_order_mark_and_one_without_read_the_same(records):
    data = export(Report.objects.all(), "csv")
    assert data.startswith("\ufeff".encode())
    with_bom, without = run_import(data, "csv", dry_run=True), run_import(data[3:], "csv", dry_run=True)
    assert with_bom.problems == without.problems == [] and with_bom.summary == without.summary
    assert str(run_import("café".encode("latin-1") + b"\n", "csv").problems[0]).startswith("the file is not UTF-8")
