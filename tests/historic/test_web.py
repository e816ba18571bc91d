"""The import page as an editor uses it (upload, dry run, confirm) and the staff exports."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from factories import FindingFactory, ReportFactory, body, sign_in, staff_member
from scrutiny.curation.models import Action, Change
from scrutiny.historic.exporter import export
from scrutiny.historic.views import SESSION_KEY
from scrutiny.reports.models import Report

from .conftest import table, to_csv
from .test_import import COLUMN, as_new_reports

pytestmark = pytest.mark.django_db


@pytest.fixture
def files(settings, tmp_path):
    settings.SCRUTINY_FILES_DIR = tmp_path / "files"
    return tmp_path / "files"


def upload(client, data: bytes, name: str, **extra):
    return client.post(reverse("historic_import"), {"step": "check", "file": SimpleUploadedFile(name, data), **extra})


def test_an_editor_uploads_sees_the_dry_run_then_confirms(client, records, files):
    editor = staff_member("editor")
    sign_in(client, editor)
    assert "Import historic findings" in client.get(reverse("manage")).content.decode()
    rows = as_new_reports(table(export(Report.objects.all(), "csv")))
    before = Report.objects.count()
    page = upload(client, to_csv(rows), "../../../etc/passwd.csv", draft="on")
    assert page.status_code == 200
    html = page.content.decode()
    assert "no problems" in html and "Nothing has been stored yet" in html and "New reports will be drafts" in html
    assert Report.objects.count() == before
    kept = list((files / "imports").iterdir())
    assert len(kept) == 1 and "passwd" not in kept[0].name and kept[0].read_bytes() == to_csv(rows)
    name = kept[0].name
    assert f'value="{name}"' in html
    # Another session cannot confirm somebody else's upload, nor name a file of its own choosing.
    other = client.__class__()
    sign_in(other, staff_member("editor"))
    assert other.post(reverse("historic_import"), {"step": "confirm", "kept": name}).status_code == 302
    assert client.post(reverse("historic_import"), {"step": "confirm", "kept": "../x.csv"}).status_code == 302
    assert Report.objects.count() == before
    done = client.post(reverse("historic_import"), {"step": "confirm", "kept": name})
    assert done.status_code == 302 and done["Location"] == reverse("manage")
    assert Report.objects.count() == 2 * before
    assert set(Report.objects.filter(reference__startswith="old-").values_list("state", flat=True)) == {"draft"}
    changes = Change.objects.filter(action=Action.IMPORTED)
    assert changes.count() == before and {c.user_id for c in changes} == {editor.pk}
    assert not (files / "imports" / name).exists() and name not in client.session[SESSION_KEY]


def test_the_page_lists_problems_by_row_and_column_and_keeps_nothing(client, records, files):
    sign_in(client, staff_member("editor"))
    rows = table(export(Report.objects.all(), "csv"))
    rows[4][COLUMN["published"]] = "2011-13-01"
    page = upload(client, to_csv(rows), "findings.csv")
    html = page.content.decode()
    assert "has 1 problem" in html and "nothing was stored" in html
    assert "<td class=\"govuk-table__cell govuk-table__cell--numeric\">5</td>" in html
    assert "<td class=\"govuk-table__cell\">published</td>" in html
    assert "&#39;2011-13-01&#39; is not a date (YYYY-MM-DD)" in html
    assert list((files / "imports").iterdir()) == []
    assert upload(client, b"x", "findings.pdf").status_code == 400


def test_a_contributor_may_not_import(client, files):
    sign_in(client, staff_member("contributor", "hmip"))
    assert client.get(reverse("historic_import")).status_code == 403
    assert "Import historic findings" not in client.get(reverse("manage")).content.decode()


def test_staff_exports_hold_only_the_bodies_a_person_works_for(client):
    FindingFactory(report=ReportFactory(body=body("hmip"), draft=True))
    FindingFactory(report=ReportFactory(body=body("imb")))
    sign_in(client, staff_member("contributor", "imb"))
    response = client.get(reverse("historic_export_csv"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert {row[COLUMN["body"]] for row in table(response.content)[1:]} == {"imb"}
    assert client.get(reverse("historic_export_csv") + "?body=hmip").content.count(b"\r\n") == 1
    xlsx = client.get(reverse("historic_export_xlsx"))
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")
    client.logout()
    assert client.get(reverse("historic_export_csv")).status_code == 302
