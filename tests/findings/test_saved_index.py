"""A saved index loads in place of a build, reads its search postings from disk, and is brought
up to date through the change log; one from another state of the database is not used."""

import pytest
from django.http import QueryDict

from scrutiny.cli import main
from scrutiny.findings import engine, persistence
from scrutiny.findings.models import FindingChange
from scrutiny.findings.query import FACETS, parse
from factories import FindingFactory, ReportFactory, body

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def index_dir(settings, tmp_path):
    settings.SCRUTINY_INDEX_DIR = str(tmp_path / "index")
    engine.forget()
    yield tmp_path / "index"
    engine.forget()


def answers(address: str):
    query = parse(QueryDict(address))
    return query.count(), query.ids(0, 50), [(f.name, [(v.value, v.count) for v in f.values]) for f in query.facets()]


def test_a_saved_index_answers_as_a_fresh_build_does_and_reads_its_postings_from_disk(varied_findings):
    addresses = ["", "kind=recommendation&year=2019&year=2020", "q=force", "q=prisoners&setting=yoi", "theme=food"]
    built = [answers(a) for a in addresses]
    persistence.rebuild_and_save()
    engine.forget()
    loaded = persistence.load_saved()
    assert loaded is not None and isinstance(loaded.text.base.rows, persistence.OnDisk)
    assert [answers(a) for a in addresses] == built
    assert engine.current().head == loaded.head  # it was used, not rebuilt


def test_changes_made_after_the_save_are_patched_onto_the_loaded_index(varied_findings):
    persistence.rebuild_and_save()
    engine.forget()
    report = ReportFactory(body=body("hmip"))
    FindingFactory.create_batch(3, report=report, text="Zebras were seen in reception.")
    assert parse(QueryDict("q=zebras")).count() == 3
    assert engine.current().text.overlay_size == 3


def test_an_index_whose_log_line_is_gone_is_not_used(varied_findings):
    persistence.rebuild_and_save()
    engine.forget()
    FindingChange.objects.all().delete()
    assert persistence.load_saved() is None
    assert parse(QueryDict("")).count() == parse(QueryDict("")).findings().count()


def test_the_rebuild_command_saves_and_prunes_the_log(varied_findings, index_dir, capsys):
    assert FindingChange.objects.count() > 100
    assert main(["index", "rebuild"]) == 0
    assert "saved to" in capsys.readouterr().out and (index_dir / "current").exists()
    assert FindingChange.objects.count() == 1
    assert set(FACETS) == {f.name for f in parse(QueryDict("")).facets()}
