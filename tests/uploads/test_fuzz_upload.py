"""The upload form is open to anyone with the role, and file names and contents come from their
computer: whatever arrives, the answer is a clear refusal or a queued job, never a server error,
and nothing is ever written outside the uploads folder or under a name the sender chose.

Requests are built by hand (conftest.multipart), so names reach the server exactly as drawn:
folders, NUL and other controls, right-to-left marks, HTML entities, very long names. Contents
are random bytes, real reports from the demo generator (whole, cut short, with bytes flipped) and
real reports under the wrong extension. Inputs are fixed (derandomize); `pytest -s` prints the
tally of how they came out."""

import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutiny.uploads import files as upload_files
from scrutiny.uploads.models import Upload

from .conftest import form_for, is_server_name, person, post_raw, stored_files, uploads_folder

pytestmark = pytest.mark.django_db

EXAMPLES = 200
TALLY: Counter = Counter()

EXTENSIONS = [".pdf", ".docx", ".html", ".htm", ".txt", ".PDF", ".Docx", ".exe", ".pdf.exe", ".jpg", "", "."]
TRICKY = ["../", "..\\", "/", "\\", "\x00", "\x1f", "\u202e", "&#46;&#46;/", "%2e%2e%2f", "C:\\", "~/", "..", " ", "\u00e9", "✓", "\ud800"]

names = st.builds(
    lambda parts, stem, ext: "".join(parts) + stem + ext,
    st.lists(st.sampled_from(TRICKY), max_size=4),
    st.text(max_size=120),
    st.sampled_from(EXTENSIONS),
)


def contents(corpus):
    real = [corpus[k].path.read_bytes() for k in ("pdf", "docx", "html")]
    whole = st.sampled_from(real)
    return st.one_of(
        st.binary(max_size=3000),
        whole,
        st.builds(lambda data, cut: data[:cut], whole, st.integers(0, 4000)),
        st.builds(lambda data, at, byte: data[:at] + bytes([byte]) + data[at + 1:], whole, st.integers(0, 600), st.integers(0, 255)),
        st.builds(lambda prefix, data: prefix + data, st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"<html>", b"\xff\xfe"]), st.binary(max_size=2000)),
    )


metadata_changes = st.one_of(
    st.just({}),
    st.fixed_dictionaries({"published": st.text(max_size=30)}),
    st.fixed_dictionaries({"body": st.sampled_from(["imb", "hmip", "", "nope", "HMIP"])}),
    st.fixed_dictionaries({"title": st.text(max_size=60), "establishment": st.text(max_size=60)}),
)

REFUSAL = re.compile(r"There is a problem|not uploaded")


def test_the_upload_form_refuses_clearly_or_queues_never_fails(client, corpus, files_dir, tmp_path):
    client.force_login(person("contributor", "hmip"))
    meta = corpus["pdf"].meta
    base = tmp_path.parent
    before = {p for p in base.rglob("*") if p.is_file()}

    @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(files=st.lists(st.tuples(names, contents(corpus)), min_size=1, max_size=3), changes=metadata_changes)
    def attempt(files, changes):
        jobs = Upload.objects.count()
        response = post_raw(client, form_for(meta, **{k: v.replace("\x00", "") if k == "body" else v for k, v in changes.items()}), files)
        TALLY["inputs"] += 1
        assert response.status_code in (200, 302, 400), response.status_code
        added = Upload.objects.count() - jobs
        if response.status_code == 302:
            TALLY["all queued"] += 1
            assert added >= 1
        else:
            page = response.content.decode()
            assert REFUSAL.search(page), page[:500]
            TALLY["some queued, some refused" if added else "refused"] += 1
        TALLY["files queued"] += added
        for path in stored_files(files_dir):
            assert is_server_name(path) and path.parent == uploads_folder(files_dir), path
        assert len(stored_files(files_dir)) == Upload.objects.count()
        for job in Upload.objects.order_by("-id")[:added]:
            assert not set(job.original_name) & {"/", "\\", "\x00"} and len(job.original_name) <= upload_files.NAME_LIMIT

    attempt()
    # Nothing written anywhere else under the test run's temporary folder.
    written = {p for p in base.rglob("*") if p.is_file()} - before
    assert all(uploads_folder(files_dir) in p.parents for p in written), sorted(written)[:5]
    print(f"\nupload form fuzz: {dict(TALLY)}")
    assert TALLY["inputs"] == EXAMPLES and TALLY["refused"] and TALLY["all queued"]
