"""Random cells in otherwise valid rows: the importer answers with a list of problems or a clean
import — never an exception, never part of a file stored. `pytest -s` prints how many inputs."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from scrutiny.findings.models import Finding, PopulationTag, Tag
from scrutiny.historic import template
from scrutiny.historic.exporter import export
from scrutiny.historic.importer import run_import
from scrutiny.reports.models import Report

from .conftest import made_by_hand, table, to_csv

pytestmark = pytest.mark.django_db
EXAMPLES = 150

TRICKY = st.sampled_from([
    "", " ", "0", "-1", "2147483648", "99999999999999999999", "1.5", "١٢", "2011-02-30", "2011-2-3",
    "=1+2", "'=1+2", "''@x", "\t", "\r\n", "food;;", ";", "FOOD", " hmip ", "https://x y", "x" * 600,
    "\x00", "\x1b[31m", "\ufeff", "é", "achieved", "recommendation", "hmips", "scotland", "\ud7ff",
])
CELL = st.one_of(TRICKY, st.text(max_size=40), st.text(alphabet=st.characters(max_codepoint=0x7f), max_size=12))


def snapshot() -> tuple:
    return (Report.objects.count(), Finding.objects.count(), Tag.objects.count(), PopulationTag.objects.count(),
            list(Finding.objects.order_by("pk").values_list("text", "page", "kind", "version")))


@pytest.fixture
def base_rows(db) -> list[list[str]]:
    made_by_hand()
    rows = table(export(Report.objects.all(), "csv"))
    # Half the rows as new historic reports, half as the reports already held: both paths.
    return rows + [["new-" + r[0], *r[1:]] for r in rows[1:]]


def test_random_cells_give_problems_or_a_clean_import_never_a_crash_or_half_a_file(base_rows, capsys):
    tried = {"inputs": 0, "with problems": 0, "stored": 0}
    width = len(template.COLUMNS)

    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(edits=st.lists(st.tuples(st.integers(1, len(base_rows) - 1), st.integers(0, width - 1), CELL),
                          min_size=1, max_size=4),
           xlsx=st.booleans())
    def check(edits, xlsx):
        rows = [list(r) for r in base_rows]
        for row, column, value in edits:
            rows[row][column] = value
        if xlsx:
            # Through the writer a person's spreadsheet would use: cells as given, neutralised.
            if any(ILLEGAL_CHARACTERS_RE.search(value) for _, _, value in edits):
                return  # a workbook cannot hold control characters: not a file anyone can send
            cleaned = [{c: rows[i][n] for n, c in enumerate(template.COLUMNS)} for i in range(1, len(rows))]
            data, fmt = template.write_xlsx(cleaned), "xlsx"
        else:
            data, fmt = to_csv(rows), "csv"
        tried["inputs"] += 1
        with transaction.atomic():
            before = snapshot()
            result = run_import(data, fmt)
            if result.problems:
                tried["with problems"] += 1
                assert not result.stored and snapshot() == before
                assert all(p.row is None or 1 <= p.row <= len(rows) for p in result.problems)
                assert all(p.column is None or p.column in template.COLUMNS for p in result.problems)
            else:
                tried["stored"] += 1
                assert result.stored
                again = run_import(data, fmt, dry_run=True)
                assert again.problems == [] and set(again.summary.reports) == {"unchanged"}
            transaction.set_rollback(True)

    check()
    with capsys.disabled():
        print(f"\nhistoric import fuzz: {tried['inputs']} inputs tried ({EXAMPLES} examples asked for, derandomized):"
              f" {tried['with problems']} refused with problems, {tried['stored']} stored whole; no exception, no partial store")
    assert tried["inputs"] >= EXAMPLES // 2 and tried["with problems"] and tried["stored"]
