"""The demo corpus: deterministic, complete, and its gold says what the documents print."""

import hashlib
import json
import re
from pathlib import Path

import pytest

from scrutiny_demo.corpus import FORMATS, family_for, format_for, generate
from scrutiny_demo.families import FAMILIES

KINDS = {"recommendation", "priority_concern", "key_concern", "cause_of_concern", "concern",
         "area_for_improvement", "requirement", "action_point", "good_practice", "point_of_note"}
META_KEYS = {"title", "body", "co_bodies", "type", "establishment", "setting", "nation", "published",
             "fieldwork_start", "fieldwork_end", "legal_basis", "source_url", "language", "format",
             "pages", "family"}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def gold(outdir: Path, name: str) -> list[dict]:
    return [json.loads(line) for line in (outdir / f"{name}.gold.jsonl").read_text().splitlines()]


def test_same_seed_gives_identical_bytes(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    generate(3, seed=11, outdir=str(first), processes=1)
    generate(3, seed=11, outdir=str(second), processes=2)

    def digests(folder):
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}

    assert digests(first) == digests(second)
    assert len(digests(first)) == 9


def test_every_family_meets_every_format_in_rotation():
    seen = {(family_for(i).SLUG, format_for(i)) for i in range(9 * 3)}
    assert len(seen) == len(FAMILIES) * len(FORMATS)
    assert len(FAMILIES) >= 9


def test_every_family_is_written(corpus):
    outdir, written = corpus
    assert {w.family for w in written} == {f.SLUG for f in FAMILIES}


def test_meta_and_gold_follow_the_schema(corpus):
    outdir, written = corpus
    for report in written:
        meta = json.loads((outdir / f"{report.name}.meta.json").read_text())
        assert set(meta) == META_KEYS
        assert meta["format"] == report.format
        assert (outdir / f"{report.name}.{report.format}").exists()
        assert meta["source_url"].startswith("https://reports.example.org/")
        findings = gold(outdir, report.name)
        assert findings, report.name
        for finding in findings:
            assert finding["doc"] == report.name
            assert finding["kind"] in KINDS
            assert finding["text"] == squash(finding["text"])
            assert finding["section"] and finding["label_in_source"]
            if finding["number"] is not None:
                assert not finding["number"].endswith(".")
                assert not finding["text"].startswith(finding["number"] + " ")
            assert (finding["page"] is None) == (report.format == "html")


def test_page_counts_are_realistic(corpus):
    outdir, written = corpus
    for report in written:
        assert 20 <= report.pages <= 120, report


def pdf_pages(path: Path) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    return [squash(page.get_textpage().get_text_range()) for page in document]


def test_pdf_findings_start_on_their_gold_page(corpus):
    outdir, written = corpus
    pdfs = [w for w in written if w.format == "pdf"]
    assert pdfs
    for report in pdfs:
        pages = pdf_pages(outdir / f"{report.name}.pdf")
        assert len(pages) == report.pages
        for finding in gold(outdir, report.name):
            opening = " ".join(finding["text"].split()[:6])
            assert opening in pages[finding["page"] - 1], (report.name, finding)


def docx_pages(path: Path) -> list[str]:
    """Page texts recovered the way a reader of Word's saved pagination would."""
    import zipfile

    from lxml import etree

    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    pages, current = [], []
    for element in body.iter():
        tag = etree.QName(element).localname
        if tag == "t" and element.text:
            current.append(element.text)
        elif tag == "tab":
            current.append(" ")
        elif tag == "p":
            current.append(" ")
        elif tag == "lastRenderedPageBreak" or (tag == "br" and element.get(f"{{{ns['w']}}}type") == "page"):
            pages.append(squash("".join(current)))
            current = []
    pages.append(squash("".join(current)))
    return pages


def test_docx_findings_start_on_their_gold_page(corpus):
    outdir, written = corpus
    docs = [w for w in written if w.format == "docx"]
    assert docs
    for report in docs:
        pages = docx_pages(outdir / f"{report.name}.docx")
        assert len(pages) == report.pages
        for finding in gold(outdir, report.name):
            opening = " ".join(finding["text"].split()[:6])
            assert opening in pages[finding["page"] - 1], (report.name, finding)


def test_some_findings_run_over_a_page(corpus):
    outdir, written = corpus
    spanning = 0
    for report in (w for w in written if w.format == "pdf"):
        pages = pdf_pages(outdir / f"{report.name}.pdf")
        for finding in gold(outdir, report.name):
            if finding["text"] not in pages[finding["page"] - 1]:
                spanning += 1
    assert spanning > 0


def test_html_prints_every_finding(corpus):
    outdir, written = corpus
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    for report in (w for w in written if w.format == "html"):
        text = squash(HTMLParser((outdir / f"{report.name}.html").read_text()).body.text(separator=" "))
        for finding in gold(outdir, report.name):
            assert finding["text"] in text


def test_generator_shares_no_code_with_the_extractor():
    package = Path(__file__).resolve().parents[2] / "src" / "scrutiny_demo"
    for source in package.rglob("*.py"):
        text = source.read_text()
        assert not re.search(r"^\s*(from|import)\s+scrutiny(\.|\s|$)", text, re.M), source
