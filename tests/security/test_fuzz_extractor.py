"""A report file is untrusted input: whatever bytes arrive, the extractor gives back a document
and its findings, or refuses the file as unreadable (core.document.UnreadableDocument) with a
short reason. It never fails with any other error, never hangs, and never hands on text that a
database would refuse to store (PostgreSQL rejects NUL in text; UTF-8 has no lone surrogates).

The inputs: random bytes under every extension; real reports from the demo generator, mutated by
byte flips, truncation and splices; HTML with scripts, odd encodings and deep nesting; DOCX
packages with missing or malformed parts; PDFs with broken cross-reference tables and trailers.
Every test draws a fixed number of examples with a fixed seed (derandomize), so CI sees the same
inputs each run. `pytest -s` prints how many inputs each test tried and how they came out.
"""

import io
import json
import re
import signal
import zipfile
from collections import Counter
from contextlib import contextmanager
from datetime import timedelta
from html import escape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from scrutiny.core.document import UnreadableDocument
from scrutiny.core.extract import extract_findings
from scrutiny.core.text import READERS, read_document
from scrutiny.core.text.docx import read_docx
from scrutiny.core.text.html import read_html
from scrutiny.core.text.pdf import read_pdf
from scrutiny.core.text.plain import read_plain


def fuzz_settings(examples: int):
    return settings(
        max_examples=examples,
        derandomize=True,  # the same inputs on every run and every machine
        database=None,  # nothing written to the working tree
        # Generous: a report of a few pages reads in well under 0.1 s. A slow example is a
        # hang in the making (a regex gone quadratic, a loop that counts to a number in a file).
        deadline=timedelta(seconds=3),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )


# A hard stop for a true hang, which the deadline (measured after the call returns) cannot see.
HANG_SECONDS = 30

# How many inputs each test tried, and how they came out: printed at the end of the module.
TALLY: dict[str, Counter] = {}


class Hang(AssertionError):
    pass


@contextmanager
def hang_guard(seconds: int = HANG_SECONDS):
    def stop(signum, frame):
        raise Hang(f"the extractor ran for more than {seconds} s on one input")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# NUL (PostgreSQL refuses it in text) and the other C0 controls (XML, so XLSX exports, refuse them).
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def storable(text, where: str) -> None:
    if text is None:
        return
    assert "\x00" not in text, f"NUL byte in {where}: {text[:80]!r}"
    assert not CONTROLS.search(text), f"control character in {where}: {text[:80]!r}"
    text.encode("utf-8")  # raises on a lone surrogate, which no database column can hold


def assert_storable(document, findings) -> None:
    assert document.blocks, "a document that was read has some text"
    for block in document.blocks:
        storable(block.text, "a block")
        storable(block.marker, "a list marker")
    for finding in findings:
        for name in ("number", "kind", "label_in_source", "text", "section", "status", "addressee"):
            storable(getattr(finding, name), f"a finding's {name}")


def outcome(test: str, read) -> str:
    """Run one read of an untrusted file; only a document or UnreadableDocument may come out."""
    tally = TALLY.setdefault(test, Counter())
    tally["tried"] += 1
    with hang_guard():
        try:
            document = read()
        except UnreadableDocument as refused:
            assert refused.reason, "a refusal says why"
            tally["refused as unreadable"] += 1
            return "refused"
        findings = extract_findings(document)
    assert_storable(document, findings)
    tally["read"] += 1
    if findings:
        tally["read with findings"] += 1
    return "read"


def read_bytes_as(scratch: Path, data: bytes, suffix: str, test: str) -> str:
    path = scratch / f"untrusted{suffix}"
    path.write_bytes(data)
    return outcome(test, lambda: read_document(path))


@pytest.fixture(scope="module", autouse=True)
def summary():
    yield
    for test, tally in TALLY.items():
        figures = ", ".join(f"{n} {what}" for what, n in tally.items() if what != "tried")
        print(f"\nfuzz {test}: {tally['tried']} inputs ({figures})")


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("untrusted")


# One real report per format from the demo generator, filled in once per module by demo_files
# (a global rather than a fixture argument, so that a failing example does not print them).
DEMO: dict[str, bytes] = {}


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory) -> dict[str, bytes]:
    """The PDF keeps its first pages and the pages that print findings, written by the
    generator's own PDF writer, so that each example reads in milliseconds and mutations still
    land on findings, headings and the cross-reference table."""
    from scrutiny_demo.corpus import generate

    outdir = tmp_path_factory.mktemp("demo")
    written = generate(3, seed=5, outdir=str(outdir), processes=1)
    DEMO.update({w.format: (outdir / f"{w.name}.{w.format}").read_bytes() for w in written})
    pdf_name = next(w.name for w in written if w.format == "pdf")
    DEMO["pdf"] = short_demo_pdf(outdir / f"{pdf_name}.gold.jsonl", outdir / "short.pdf")
    assert set(DEMO) == {"pdf", "docx", "html"}
    return DEMO


def short_demo_pdf(gold: Path, path: Path) -> bytes:
    from scrutiny_demo.corpus import compose
    from scrutiny_demo.layout import PagedReport
    from scrutiny_demo.writers.pdf import write_pdf

    _, commission, report, paged = compose(5, 0)
    finding_pages = sorted({json.loads(line)["page"] for line in gold.read_text().splitlines()})
    keep = sorted({1, 2, *finding_pages[:3]})
    short = PagedReport(pages=[paged.pages[n - 1] for n in keep])
    info = {"published": commission.published.isoformat(), "title": "Short report", "author": "HMIP", "name": "short"}
    write_pdf(str(path), short, report.font, info)
    return path.read_bytes()


# ------------------------------------------------------------------ strategies

SUFFIXES = sorted(READERS) + [".PDF", ".Docx", ".xyz", ""]
MAGIC = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"<html>", b"\xef\xbb\xbf", b"\xff\xfe", b"%PDF-"]

position = st.integers(min_value=0, max_value=2**31)
mutation = st.one_of(
    st.tuples(st.just("flip"), position, st.integers(1, 255)),
    st.tuples(st.just("truncate"), position),
    st.tuples(st.just("splice"), position, position, st.integers(1, 2048)),
    st.tuples(st.just("delete"), position, st.integers(1, 2048)),
    st.tuples(st.just("insert"), position, st.binary(min_size=1, max_size=64)),
)


def mutate(data: bytes, mutations) -> bytes:
    out = bytearray(data)
    for change in mutations:
        at = change[1] % (len(out) + 1)
        if change[0] == "flip" and at < len(out):
            out[at] ^= change[2]
        elif change[0] == "truncate":
            del out[at:]
        elif change[0] == "splice":  # a run of the file copied elsewhere in it
            source = change[2] % (len(out) + 1)
            out[at:at] = out[source:source + change[3]]
        elif change[0] == "delete":
            del out[at:at + change[2]]
        elif change[0] == "insert":
            out[at:at] = change[2]
    return bytes(out)


# ------------------------------------------------------------------ random bytes


@fuzz_settings(400)
@given(magic=st.sampled_from(MAGIC), data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_under_any_extension_are_read_or_refused(scratch, magic, data, suffix):
    read_bytes_as(scratch, magic + data, suffix, "random bytes")


@fuzz_settings(200)
@given(data=st.binary(max_size=2048), reader=st.sampled_from([read_pdf, read_docx, read_html, read_plain]))
def test_each_reader_called_directly_reads_or_refuses_random_bytes(scratch, data, reader):
    path = scratch / "direct"
    path.write_bytes(data)
    outcome("readers called directly", lambda: reader(path, "direct"))


@fuzz_settings(300)
@given(text=st.text(max_size=3000), encoding=st.sampled_from(["utf-8", "utf-16", "latin-1", "utf-8-sig"]))
def test_plain_text_of_any_characters_is_read_or_refused(scratch, text, encoding):
    data = text.encode(encoding, errors="replace")
    read_bytes_as(scratch, data, ".txt", "plain text")


# ------------------------------------------------------------------ real reports, mutated


@pytest.mark.usefixtures("demo_files")
@fuzz_settings(450)
@given(fmt=st.sampled_from(["pdf", "docx", "html"]), mutations=st.lists(mutation, min_size=1, max_size=8))
def test_a_demo_report_mutated_is_read_or_refused(scratch, fmt, mutations):
    read_bytes_as(scratch, mutate(DEMO[fmt], mutations), f".{fmt}", f"demo {fmt} mutated")


# ------------------------------------------------------------------ found by fuzzing
# Each was an exception other than UnreadableDocument (or text no database could store) on the
# smallest input hypothesis shrank it to, before the fix named.


def read_file(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path)


def refusal(tmp_path, name: str, data: bytes) -> str:
    with pytest.raises(UnreadableDocument) as refused:
        read_file(tmp_path, name, data)
    return refused.value.reason


def test_a_text_file_of_one_nul_byte_is_empty_not_a_block_holding_nul(tmp_path):
    # Was: a block "\x00", which PostgreSQL refuses to store (fix: core.document.storable_text).
    assert refusal(tmp_path, "nul.md", b"\x00") == UnreadableDocument.EMPTY


def test_nul_and_control_characters_in_a_text_file_never_reach_a_finding(tmp_path):
    document = read_file(tmp_path, "report.txt", b"Recommendations\n\n- The\x00governor should\x07act\x1bnow.\n")
    texts = [block.text for block in document.blocks]
    assert texts == ["Recommendations", "The governor should act now."]
    assert [f.text for f in extract_findings(document)] == ["The governor should act now."]


def test_nul_and_control_characters_in_html_never_reach_a_block(tmp_path):
    document = read_file(tmp_path, "page.html", b"<h2>Recommendations</h2><ul><li>The governor\x00 should &#1;act&#0;.</li></ul>")
    assert all(not CONTROLS.search(block.text) for block in document.blocks)
    assert document.blocks[-1].text.startswith("The governor")


def hand_made_pdf(kids: bytes, count: int, text: bytes = b"The governor should repair the showers.") -> bytes:
    """One text page (object 3) and whatever the page tree's /Kids names, with a true xref table."""
    content = b"BT /F1 12 Tf 72 700 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def test_a_pdf_page_that_cannot_be_loaded_reads_as_blank_and_the_others_keep_their_numbers(tmp_path):
    # Was: PdfiumError "Failed to load page." (a flipped digit in /Kids made page 1 a font
    # object). Fix: core.text.pdf_lines.read_page reads a page pdfium cannot load as blank.
    document = read_file(tmp_path, "kids.pdf", hand_made_pdf(b"5 0 R 3 0 R", 2))
    assert document.page_count == 2
    assert [(block.text, block.page) for block in document.blocks] == [("The governor should repair the showers.", 2)]


def test_a_pdf_whose_only_page_cannot_be_loaded_is_refused_as_corrupt(tmp_path):
    assert refusal(tmp_path, "kids.pdf", hand_made_pdf(b"5 0 R", 1)) == UnreadableDocument.CORRUPT


def docx_package(parts: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


WORD = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def word_document(*paragraphs: str) -> bytes:
    body = "".join(f"<w:p>{p}</w:p>" if p.startswith("<w:") else f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>"
                   for p in paragraphs)
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {WORD}><w:body>{body}</w:body></w:document>'.encode()


def test_a_docx_with_its_first_bytes_cut_off_is_refused_as_corrupt(tmp_path):
    # Was: OSError "Invalid argument" (zipfile seeking before the start of the file), shrunk
    # from the demo DOCX less its first 1,790 bytes. Fix: core.text.docx.DAMAGED_PACKAGE.
    whole = docx_package({"word/document.xml": word_document("Recommendations", "The governor should act.") * 20})
    assert refusal(tmp_path, "cut.docx", whole[200:]) == UnreadableDocument.CORRUPT


def test_a_docx_whose_compressed_text_is_damaged_is_refused_as_corrupt(tmp_path):
    # Was: zlib.error "invalid block type" escaping zipfile. Fix: core.text.docx.DAMAGED_PACKAGE.
    package = bytearray(docx_package({"word/document.xml": word_document("The governor should act.")}))
    header = package.index(b"word/document.xml") + len("word/document.xml")
    package[header] = 0xFF  # the first deflate block of the part now has the reserved type 3
    assert refusal(tmp_path, "damaged.docx", bytes(package)) == UnreadableDocument.CORRUPT


def test_a_docx_with_damaged_styles_is_still_read_for_its_text(tmp_path):
    package = bytearray(docx_package({
        "word/document.xml": word_document("The governor should act."),
        "word/styles.xml": b'<w:styles ' + WORD.encode() + b'/>' * 50,
    }))
    header = package.index(b"word/styles.xml") + len("word/styles.xml")
    package[header] = 0xFF
    assert [block.text for block in read_file(tmp_path, "styles.docx", bytes(package)).blocks] == ["The governor should act."]
