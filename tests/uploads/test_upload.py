"""Uploading report files through /manage/uploads: who may, what is refused and why, where the
files go, and what the worker makes of them."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from scrutiny.findings.models import Finding
from scrutiny.reports.models import Report, State
from scrutiny.uploads import files as upload_files
from scrutiny.uploads.models import Upload, UploadState
from scrutiny.uploads.worker import Worker

from .conftest import form_for, is_server_name, person, post_raw, sign_in, stored_files, uploads_folder

pytestmark = pytest.mark.django_db


def named(report_file, name=None, content=None) -> io.BytesIO:
    handle = io.BytesIO(report_file.path.read_bytes() if content is None else content)
    handle.name = name or report_file.path.name
    return handle


def upload(client, meta, *handles, **changes):
    return client.post(reverse("uploads"), {**form_for(meta, **changes), "files": list(handles)})


@pytest.fixture
def contributor(client, corpus):
    """Signed in as a contributor for the body that published the demo PDF (HMIP)."""
    user = person("contributor", corpus["pdf"].meta["body"])
    client.force_login(user)
    return user


def test_a_contributor_uploads_a_report_and_the_worker_stores_it_as_a_draft(client, contributor, corpus, files_dir):
    report_file = corpus["pdf"]
    response = upload(client, report_file.meta, named(report_file))
    job = Upload.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("upload", args=[job.pk])
    assert (job.state, job.uploaded_by, job.body.slug) == (UploadState.QUEUED, contributor, report_file.meta["body"])
    assert job.original_name == report_file.path.name and job.size == report_file.path.stat().st_size
    assert [p.name for p in stored_files(files_dir)] == [job.stored_name] and is_server_name(job.path)

    waiting = client.get(reverse("upload", args=[job.pk]))
    assert waiting.status_code == 200
    assert b'<meta http-equiv="refresh" content="3">' in waiting.content
    assert b"<script>" not in waiting.content  # the page refreshes itself without script

    finished = Worker().run_once()
    assert finished.pk == job.pk and finished.state == UploadState.DONE, finished.error
    report = Report.objects.get()
    assert finished.report == report and finished.progress == 1.0 and finished.finished_at
    assert report.state == State.DRAFT and not report.is_published
    assert report.file_name == report_file.path.name  # as the sender named it, not the stored uuid
    assert report.findings.count() >= 0.9 * report_file.planted
    assert not Finding.objects.filter(is_published=True).exists()
    assert report.changes.get().user == contributor  # the audit trail names who uploaded it
    assert not job.path.exists()  # ingest keeps its own copy, by content
    assert (files_dir / report.content_hash[:2] / f"{report.content_hash}.pdf").exists()

    done = client.get(reverse("upload", args=[job.pk]))
    assert b'http-equiv="refresh"' not in done.content
    assert reverse("manage_report", args=[report.pk]).encode() in done.content
    listing = client.get(reverse("uploads"))
    assert reverse("manage_report", args=[report.pk]).encode() in listing.content
    assert Worker().run_once() is None

    # The public never sees a draft.
    public = Client()
    assert report.title == report_file.meta["title"]
    sample = report.findings.order_by("position").first().text[:60]
    for address in (reverse("reports"), reverse("findings"), reverse("findings") + "?q=staff"):
        page = public.get(address).content.decode()
        assert report.title not in page and sample not in page, address
    assert public.get(reverse("report", args=[report.pk])).status_code == 404


def test_the_same_file_twice_is_stored_once(client, contributor, corpus):
    report_file = corpus["pdf"]
    upload(client, report_file.meta, named(report_file), named(report_file, "copy of the report.pdf"))
    first, second = Worker().run_once(), Worker().run_once()
    assert (first.state, second.state) == (UploadState.DONE, UploadState.DUPLICATE)
    assert second.report == first.report and Report.objects.count() == 1


def test_several_files_in_one_form_the_good_go_through_when_one_is_bad(client, corpus, files_dir):
    editor = person("editor")
    sign_in(client, editor)
    pdf, docx = corpus["pdf"], corpus["docx"]
    response = upload(
        client, pdf.meta,
        named(pdf), named(docx, content=pdf.path.read_bytes()),  # a PDF under a .docx name
        named(docx), named(pdf, "notes.txt", b""), named(pdf, "scan.jpg"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "3 files were not uploaded" in page and "The other 2 files were uploaded" in page
    assert "hmip-2013-langstone-park-0001.docx is named .docx but is not a Word document" in page
    assert "notes.txt is empty (0 bytes)" in page
    assert "scan.jpg is not a type we can read (.jpg)" in page
    assert 'href="#id_files"' in page  # the error summary links to the field
    assert sorted(u.file_format for u in Upload.objects.all()) == ["docx", "pdf"]
    assert len(stored_files(files_dir)) == 2
    # The metadata typed is kept for a second try.
    assert f'value="{pdf.meta["published"]}"' in page


def test_a_contributor_can_upload_only_for_their_own_body(client, corpus, files_dir):
    user = person("contributor", "imb")
    client.force_login(user)
    form = client.get(reverse("uploads")).content.decode()
    assert 'value="imb"' in form and 'value="hmip"' not in form
    pdf = corpus["pdf"]  # an HMIP report
    response = upload(client, pdf.meta, named(pdf), body="hmip")
    assert response.status_code == 400
    assert "Choose one of the bodies you upload for" in response.content.decode()
    assert not Upload.objects.exists() and stored_files(files_dir) == []

    # Nor see another body's uploads.
    other = person("contributor", "hmip")
    client.force_login(other)
    upload(client, pdf.meta, named(pdf))
    job = Upload.objects.get()
    client.force_login(user)
    assert client.get(reverse("upload", args=[job.pk])).status_code == 404
    assert pdf.path.name.encode() not in client.get(reverse("uploads")).content


def test_only_people_who_may_upload_reach_the_form(client):
    assert client.get(reverse("uploads")).status_code == 302  # to sign in
    client.force_login(person("administrator"))
    assert client.get(reverse("uploads")).status_code in (302, 403)  # two-factor first, then refused
    sign_in(client, person("administrator"))
    assert client.get(reverse("uploads")).status_code == 403


def test_the_form_checks_its_token(corpus):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(person("contributor", "hmip"))
    assert upload(strict, corpus["pdf"].meta, named(corpus["pdf"])).status_code == 403
    assert not Upload.objects.exists()


@pytest.mark.parametrize("changes, field, message", [
    ({"published": "14/03/2025"}, "published", "is not a date: enter it as YYYY-MM-DD"),
    ({"published": "2025-02-30"}, "published", "is not a date"),
    ({"published": ""}, "published", "Enter the publication date"),
    ({"body": "ministry-of-magic"}, "body", "Choose one of the bodies you upload for"),
    ({"report_type": "gossip"}, "report_type", "Choose one of the report types listed"),
    ({"setting": "moon-base"}, "setting", "Choose one of the settings listed"),
])
def test_bad_metadata_is_refused_with_a_message_linking_to_its_field(client, contributor, corpus, files_dir, changes, field, message):
    response = upload(client, corpus["pdf"].meta, named(corpus["pdf"]), **changes)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and f'href="#id_{field}"' in page and message in page
    assert "Your 1 file was not uploaded" in page  # says the file must be chosen again
    assert not Upload.objects.exists() and stored_files(files_dir) == []


def test_no_file_chosen(client, contributor, corpus):
    response = client.post(reverse("uploads"), form_for(corpus["pdf"].meta))
    assert response.status_code == 400 and "Choose one or more report files to upload" in response.content.decode()


def test_a_file_over_the_size_limit_is_refused_before_it_is_stored(client, contributor, corpus, files_dir, settings):
    settings.SCRUTINY_UPLOAD_MAX_BYTES = 50_000
    pdf, html = corpus["pdf"], corpus["html"]
    assert pdf.path.stat().st_size > 50_000
    small = named(pdf, "small.html", html.path.read_bytes()[:40_000])
    response = upload(client, pdf.meta, named(pdf), small)
    page = response.content.decode()
    assert response.status_code == 200
    assert f"{pdf.path.name} is larger than the 49 KB limit for one file" in page
    assert [u.original_name for u in Upload.objects.all()] == ["small.html"]
    assert len(stored_files(files_dir)) == 1


def test_the_size_limit_stops_a_file_while_it_streams_in(rf, settings, corpus):
    settings.SCRUTINY_UPLOAD_MAX_BYTES = 10_000
    handler = upload_files.SizeLimitHandler()
    handler.new_file("files", "big.pdf", "application/pdf", None)
    data = corpus["pdf"].path.read_bytes()
    passed = [handler.receive_data_chunk(data[i:i + 4096], i) for i in range(0, 40_000, 4096)]
    assert sum(len(c) for c in passed if c) <= 10_000  # what later handlers (and disk) ever see
    assert isinstance(handler.file_complete(40_000), upload_files.TooLarge)


def _docx_without_document(docx: bytes) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                package.writestr(item, source.read(item))
    return out.getvalue()


@pytest.mark.parametrize("name, make, message", [
    ("report.pdf", lambda c: c["html"].path.read_bytes(), "is named .pdf but is not a PDF (it does not begin with %PDF)"),
    ("report.pdf", lambda c: c["docx"].path.read_bytes(), "is named .pdf but is not a PDF"),
    ("report.docx", lambda c: c["pdf"].path.read_bytes(), "is named .docx but is not a Word document"),
    ("report.docx", lambda c: _docx_without_document(c["docx"].path.read_bytes()), "is named .docx but holds no Word document (word/document.xml is missing)"),
    ("report.docx", lambda c: c["docx"].path.read_bytes()[:3000], "is named .docx but its ZIP package is damaged"),
    ("report.html", lambda c: c["pdf"].path.read_bytes(), "is named as HTML but is a PDF or a ZIP package"),
    ("report.txt", lambda c: c["docx"].path.read_bytes(), "is named as plain text but is a PDF or a ZIP package"),
    ("report.html", lambda c: b"just words, no markup at all\n" * 20, "is named as HTML but has no HTML in it"),
    ("report.txt", lambda c: b"text\x00\x01\x02 with binary" * 20, "is named as plain text but holds binary data, not text"),
    ("report.exe", lambda c: c["pdf"].path.read_bytes(), "is not a type we can read (.exe)"),
    ("report", lambda c: c["pdf"].path.read_bytes(), "is not a type we can read (no extension)"),
    ("report.pdf", lambda c: b"", "is empty"),
])
def test_a_file_is_judged_by_its_content_as_well_as_its_name(client, contributor, corpus, files_dir, name, make, message):
    response = upload(client, corpus["pdf"].meta, named(corpus["pdf"], name, make(corpus)))
    assert response.status_code == 400
    assert f"{name} {message}" in response.content.decode()
    assert not Upload.objects.exists() and stored_files(files_dir) == []


PATH_NAMES = [
    "../../etc/passwd.pdf", "..\\..\\windows\\win.ini.pdf", "a/b\\c.pdf", "/etc/cron.d/evil.pdf",
    "C:\\Users\\x\\report.pdf", "report\x00.txt.pdf", "\x00", "..", ".", "x" * 900 + ".pdf",
    "rapport d’inspection – Ynys Môn ✓.pdf", "&#46;&#46;/&#46;&#46;/escape.pdf", "%2e%2e%2fescape.pdf",
    "\u202egnp.pdf", "con.pdf", ".hidden.pdf", "report.PDF", " spaced .pdf ",
]


def test_a_file_name_never_makes_a_path(client, contributor, corpus, files_dir, tmp_path):
    pdf = corpus["pdf"]
    content = pdf.path.read_bytes()
    fields = form_for(pdf.meta)
    before = set(tmp_path.parent.rglob("*"))
    for name in PATH_NAMES:
        response = post_raw(client, fields, [(name, content)])
        assert response.status_code in (302, 400), (name, response.status_code)
    for job in Upload.objects.all():
        assert is_server_name(job.path) and job.path.parent == uploads_folder(files_dir)
        assert not set(job.original_name) & {"/", "\\", "\x00", "\u202e"}, job.original_name
        assert 0 < len(job.original_name) <= upload_files.NAME_LIMIT
    assert all(is_server_name(p) for p in stored_files(files_dir))
    assert len(stored_files(files_dir)) == Upload.objects.count() >= len(PATH_NAMES) - 4
    # Nothing written anywhere else beside the test's own folder.
    written = {p for p in set(tmp_path.parent.rglob("*")) - before if p.is_file()}
    assert all(uploads_folder(files_dir) in p.parents for p in written), written
    assert Upload.objects.filter(original_name="rapport d’inspection – Ynys Môn ✓.pdf").exists()
    long_name = Upload.objects.get(original_name__startswith="xxxx").original_name
    assert long_name.endswith("….pdf")


def test_an_upload_cut_off_part_way_leaves_nothing_behind(client, contributor, corpus, files_dir):
    pdf = corpus["pdf"]
    body_bytes_length = len(pdf.path.read_bytes())
    response = post_raw(client, form_for(pdf.meta), [(pdf.path.name, pdf.path.read_bytes())], cut_at=body_bytes_length // 2)
    assert response.status_code == 400
    assert not Upload.objects.exists() and stored_files(files_dir) == []


def test_a_write_that_fails_part_way_leaves_no_partial_file(corpus, files_dir, monkeypatch):
    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(upload_files.os, "fsync", disk_full)
    with pytest.raises(OSError):
        upload_files.store(SimpleUploadedFile("report.pdf", corpus["pdf"].path.read_bytes()), ".pdf")
    assert stored_files(files_dir) == []


def test_a_long_name_is_shortened_for_display_with_its_extension():
    shown = upload_files.display_name("y" * 5000 + ".docx")
    assert len(shown) == upload_files.NAME_LIMIT and shown.endswith("yy….docx")
    assert upload_files.display_name("a/b\\c\x00.pdf") == "c.pdf"
    assert upload_files.display_name("\x00\x01") == "unnamed file"


def test_a_file_the_reader_cannot_read_fails_with_its_reason(client, contributor, corpus, files_dir):
    pdf = corpus["pdf"]
    upload(client, pdf.meta, named(pdf, "half.pdf", pdf.path.read_bytes()[:20_000]))
    job = Worker().run_once()  # it passes the header check, and pdfium then finds it cut short
    assert job.state == UploadState.FAILED and job.error.startswith("half.pdf: corrupt or not a valid file")
    assert job.path.exists()  # kept, so nothing is lost
    assert not Report.objects.exists()
    page = client.get(reverse("upload", args=[job.pk])).content.decode()
    assert "The file could not be stored" in page and "half.pdf: corrupt" in page
    assert 'http-equiv="refresh"' not in page


def test_a_request_too_odd_to_read_is_refused_on_the_form(client, contributor, corpus, files_dir):
    """A file name longer than a multipart header may be: Django cannot read the request at all;
    the person still gets the form back with what went wrong, not a bare error page."""
    pdf = corpus["pdf"]
    response = post_raw(client, form_for(pdf.meta), [("é" * 3000 + ".pdf", pdf.path.read_bytes())])
    assert response.status_code == 400
    page = response.content.decode()
    assert "The upload could not be read" in page and "Nothing was uploaded" in page and 'href="#id_files"' in page
    assert not Upload.objects.exists() and stored_files(files_dir) == []
