"""The vocabularies as JSON and CSV: an export loads into an empty database and comes out the
same; an import adds and updates by slug, never deletes, and stores nothing when any row has a
problem, naming each by row and column."""

import json

import pytest

from factories import staff_member
from operations.scratch import ScratchDatabases, run_scrutiny
from scrutiny.catalogue.models import Population, Setting, Theme
from scrutiny.curation.models import Action, Change
from scrutiny.taxonomy import services
from scrutiny.taxonomy.exchange import export, import_vocabularies

pytestmark = pytest.mark.django_db


@pytest.fixture
def scratch(tmp_path):
    databases = ScratchDatabases(tmp_path)
    yield databases
    databases.drop_all()


@pytest.fixture
def edited():
    """The vocabularies as a secretariat leaves them: a new theme whose phrases hold commas and
    quotes, a population renamed into Welsh too, a new setting."""
    editor = staff_member("editor")
    services.save_term(editor, "themes", {
        "slug": "strip-searching", "name": "Strip searching, “full” searches", "group": "Safety",
        "description": "Strip and intimate searches.\nA second line.", "keywords": "strip search\nsearched, then strip",
        "exclusions": "strip lighting",
    })
    services.save_term(editor, "populations", {"name": "Women and girls", "name_cy": "Menywod a merched"}, slug="women")
    services.save_term(editor, "settings", {"slug": "residential-family-centre", "name": "Residential family centre", "position": "40"})


def vocabularies(data: bytes) -> dict:
    document = json.loads(data)
    return {kind: document[kind] for kind in ("themes", "populations", "settings")}


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_export_loaded_into_an_empty_database_comes_out_the_same(edited, scratch, tmp_path, fmt):
    source, again = tmp_path / f"first.{fmt}", tmp_path / "again.json"
    source.write_bytes(export(fmt))
    where = {"database": scratch.new(f"empty_{fmt}"), "files": tmp_path / "files", "cwd": tmp_path}

    loaded = run_scrutiny("vocabularies", "import", source, **where)
    assert loaded.returncode == 0, loaded.stderr
    assert "2 new, 1 updated" in loaded.stdout
    dumped = run_scrutiny("vocabularies", "export", again, **where)
    assert dumped.returncode == 0, dumped.stderr

    assert vocabularies(again.read_bytes()) == vocabularies(export("json"))
    assert "Strip searching, “full” searches" in again.read_text()


def test_importing_an_export_into_its_own_database_changes_nothing(edited):
    version = services.current_version()
    for fmt in ("json", "csv"):
        result = import_vocabularies(export(fmt), fmt)
        assert result.problems == [] and (result.created, result.updated) == ([], [])
        assert result.unchanged == Theme.objects.count() + Population.objects.count() + Setting.objects.count()
    assert services.current_version() == version


def test_an_import_adds_and_updates_by_slug_and_deletes_nothing():
    themes = Theme.objects.count()
    data = json.dumps({"themes": [
        {"slug": "food", "name": "Food and drink", "keywords": ["food", "drink"]},
        {"slug": "dignity", "name": "Dignity", "group": "Respect", "keywords": ["dignity", "dignified"]},
    ]}).encode()

    result = import_vocabularies(data, "json", user=staff_member("editor"))

    assert result.problems == [] and result.created == [("themes", "dignity")]
    assert Theme.objects.count() == themes + 1
    food = Theme.objects.get(slug="food")
    assert (food.name, food.keywords, food.group) == ("Food and drink", ["food", "drink"], "Respect")
    change = Change.objects.get(action=Action.IMPORTED)
    assert change.after["themes/dignity"] == "added" and change.after["themes/food"]["name"] == "Food and drink"
    assert change.after["taxonomy version"] == result.version == services.current_version() == 1


BAD_CSV = (
    "kind,slug,name,name_cy,description,position,group,keywords,exclusions\n"
    "themes,dignity,Dignity,,,,Respect,dignity,\n"  # good: must not be stored with the rest
    "themes,Bad Slug,Bad,,,,Respect,,\n"
    "themes,no-name,,,,,Respect,,\n"
    "themes,no-group,No group,,,,,,\n"
    "settings,court-cells,Court cells,,,,,cells,\n"
    "places,kelderbrook,Kelderbrook,,,,,,\n"
    "themes,dignity,Dignity again,,,,Respect,,\n"
    "populations,women,Women,,,second,,,\n"
)


def test_a_file_with_bad_rows_is_refused_whole_with_each_problem_by_row_and_column():
    themes, settings = Theme.objects.count(), Setting.objects.count()

    result = import_vocabularies(BAD_CSV.encode(), "csv")

    found = {(p.where, p.column) for p in result.problems}
    assert found == {
        ("row 3", "slug"), ("row 4", "name"), ("row 5", "group"), ("row 6", "keywords"), ("row 7", "kind"),
        ("row 8", "slug"), ("row 9", "position"),
    }
    assert any("already in this file at row 2" in p.message for p in result.problems)
    assert not result.stored and services.current_version() == 0
    assert (Theme.objects.count(), Setting.objects.count()) == (themes, settings)
    assert not Theme.objects.filter(slug="dignity").exists()


@pytest.mark.parametrize("data, where, column", [
    (b"{not json", "line 1", ""),
    (b"[]", "the file", ""),
    (b'{"themes": {"slug": "food"}}', "the file", "themes"),
    (b'{"themes": [], "places": []}', "the file", "places"),
    (b'{"themes": ["food"]}', "themes entry 1", ""),
    (b'{"themes": [{"slug": "food", "keywords": "food"}, {"slug": "healthcare", "keywords": [1]}]}', "themes entry 2", "keywords"),
    (b'{"settings": [{"slug": "yoi", "name": "YOI", "colour": "blue"}]}', "settings entry 1", "colour"),
    (b'{"populations": [{"slug": "women", "position": -1}]}', "populations entry 1", "position"),
    ("kind,slug,name\nthemes,food,Bwyd\n".encode("utf-16"), "the file", ""),
    (b"kind,slug,title\nthemes,food,Food\n", "row 1", "title"),
])
def test_each_kind_of_bad_file_is_named_and_nothing_is_stored(data, where, column):
    fmt = "csv" if b"kind" in data or data[:2] == b"\xff\xfe" else "json"
    result = import_vocabularies(data, fmt)
    assert (where, column) in {(p.where, p.column) for p in result.problems}, result.problems
    assert not result.stored and Theme.objects.get(slug="food").name == "Food and nutrition"


def test_a_dry_run_says_what_would_change_and_stores_nothing():
    data = b"kind,slug,name\nsettings,residential-family-centre,Residential family centre\nthemes,food,Meals\n"
    result = import_vocabularies(data, "csv", dry_run=True)
    assert result.created == [("settings", "residential-family-centre")]
    assert [(kind, slug, list(changes)) for kind, slug, changes in result.updated] == [("themes", "food", ["name"])]
    assert not Setting.objects.filter(slug="residential-family-centre").exists()
    assert Theme.objects.get(slug="food").name == "Food and nutrition" and services.current_version() == 0


def test_the_command_names_every_problem_and_exits_2(tmp_path, scratch):
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_CSV)
    where = {"database": scratch.new("bad"), "files": tmp_path / "files", "cwd": tmp_path}
    result = run_scrutiny("vocabularies", "import", bad, **where)
    assert result.returncode == 2
    assert "7 problems; nothing was stored" in result.stderr
    assert "row 3, slug: use lower-case letters" in result.stderr
    wrong = run_scrutiny("vocabularies", "export", tmp_path / "out.xlsx", **where)
    assert wrong.returncode == 1 and ".json or .csv" in wrong.stderr
