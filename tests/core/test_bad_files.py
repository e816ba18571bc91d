"""A file we cannot read is refused with one clear reason, and the others are still read."""

import json
import subprocess
import sys

import pytest
from fpdf import FPDF

from scrutiny.core.document import UnreadableDocument
from scrutiny.core.text import read_document


def one_page_pdf(path, text="Recommendations", encrypt=False, draw_only=False):
    pdf = FPDF()
    pdf.add_page()
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="secret")
    if draw_only:
        pdf.set_fill_color(90, 90, 90)
        pdf.rect(20, 20, 120, 80, style="F")  # a scanned page: marks, no text layer
    else:
        pdf.set_font("Helvetica", size=12)
        pdf.cell(0, 10, text)
    pdf.output(str(path))
    return path


def reason_for(path):
    with pytest.raises(UnreadableDocument) as refused:
        read_document(path)
    return refused.value.reason


def test_a_password_protected_pdf_is_refused_as_encrypted(tmp_path):
    assert reason_for(one_page_pdf(tmp_path / "locked.pdf", encrypt=True)) == UnreadableDocument.ENCRYPTED


def test_a_truncated_pdf_is_refused_as_corrupt(tmp_path):
    whole = one_page_pdf(tmp_path / "whole.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 3])
    assert reason_for(cut) == UnreadableDocument.CORRUPT


def test_a_file_named_pdf_that_is_not_one_is_refused(tmp_path):
    fake = tmp_path / "fake.pdf"
    fake.write_text("Dear Governor, this is a letter.")
    assert reason_for(fake) == UnreadableDocument.NOT_A_PDF


def test_an_empty_file_is_refused_as_empty(tmp_path):
    for name in ("empty.pdf", "empty.docx", "empty.html", "empty.txt"):
        (tmp_path / name).write_bytes(b"")
        assert reason_for(tmp_path / name) == UnreadableDocument.EMPTY


def test_a_scanned_pdf_without_a_text_layer_is_refused(tmp_path):
    assert reason_for(one_page_pdf(tmp_path / "scan.pdf", draw_only=True)) == UnreadableDocument.NO_TEXT_LAYER


def test_an_unknown_file_type_is_refused(tmp_path):
    odd = tmp_path / "report.xyz"
    odd.write_text("Recommendations")
    assert reason_for(odd) == UnreadableDocument.UNSUPPORTED


def test_a_docx_that_is_not_a_word_package_is_refused_as_corrupt(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert reason_for(broken) == UnreadableDocument.CORRUPT


def test_extract_names_the_bad_file_and_carries_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Recommendations\n\n1. The governor should repair the showers on A wing.\n")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"")
    run = subprocess.run(
        [sys.executable, "-m", "scrutiny.cli", "extract", str(bad), str(good), "--format", "jsonl"],
        capture_output=True, text=True,
    )
    assert run.returncode != 0
    assert run.stderr.strip().splitlines() == [f"scrutiny extract: {bad}: empty"]
    findings = [json.loads(line) for line in run.stdout.splitlines()]
    assert [f["text"] for f in findings] == ["The governor should repair the showers on A wing."]
    assert list(findings[0])[:8] == ["doc", "number", "kind", "label_in_source", "text", "page", "section", "status"]
