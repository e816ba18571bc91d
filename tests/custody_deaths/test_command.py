"""`scrutiny deaths import FILE [--dry-run]`: its last line is `N rows: V valid, P with problems`,
and it prints the causes before and after normalisation."""

import re

import pytest

from custody_deaths.samples import real_lines, scottish, scottish_death
from scrutiny.cli import main as scrutiny
from scrutiny.custody_deaths.models import Death, PopulationFigure

pytestmark = pytest.mark.django_db


def test_a_dry_run_of_the_real_files_layout_ends_with_the_row_counts(tmp_path, capsys):
    path = tmp_path / "moj.csv"
    path.write_bytes(real_lines(300))
    assert scrutiny(["deaths", "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    counts = re.fullmatch(r"(\d+) rows: (\d+) valid, (\d+) with problems", out[-1])
    assert counts and int(counts[1]) == 300 and int(counts[2]) + int(counts[3]) == 300 and int(counts[3]) > 0
    assert "Causes as the file words them (rows counted once):" in out and "Causes after normalisation:" in out
    assert any(line.strip().endswith("Natural Causes") for line in out)
    assert any(line.strip().endswith("Natural causes") for line in out)
    assert Death.objects.count() == 0


def test_a_file_with_a_problem_stores_nothing_and_says_so(tmp_path, capsys):
    path = tmp_path / "update.csv"
    path.write_bytes(scottish([scottish_death(1), scottish_death(2, sex="Unsure")]))
    assert scrutiny(["deaths", "import", str(path)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert "  row 3, column sex: 'Unsure' is not a sex (f, female, m, male, not recorded, unknown)" in out
    assert out[-1] == "2 rows: 1 valid, 1 with problems" and Death.objects.count() == 0


def test_population_figures_load_for_the_rates(tmp_path, capsys):
    path = tmp_path / "adp.csv"
    path.write_text("year,jurisdiction,establishment,adp\n2019,Scotland,,8198\n2020,Scotland,,7341\n")
    assert scrutiny(["deaths", "population", str(path)]) == 0
    assert dict(PopulationFigure.objects.values_list("year", "average_daily_population")) == {2019: 8198, 2020: 7341}
