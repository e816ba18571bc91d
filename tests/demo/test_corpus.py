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


def page_broken(findings, pages) -> tuple[list, list]:
    """The findings that start on their gold page and end on the next one.

    Such a finding reads as two pieces split at one word: the first (its opening words) on
    the gold page, the rest (its closing words) on the next. Also returns the findings whose
    text is on no single page and that do not read that way either.
    """
    broken, misread = [], []
    for finding in findings:
        words, page = finding["text"].split(), finding["page"]
        if finding["text"] in pages[page - 1]:
            continue
        if page < len(pages) and any(
            " ".join(words[:cut]) in pages[page - 1] and " ".join(words[cut:]) in pages[page]
            for cut in range(1, len(words))
        ):
            broken.append(finding)
        else:
            misread.append(finding)
    return broken, misread


@pytest.fixture(scope="module")
def paged_corpus(tmp_path_factory):
    """Two rounds of the families: every family in PDF and in DOCX at least twice between them."""
    outdir = tmp_path_factory.mktemp("paged")
    written = generate(36, seed=2026, outdir=str(outdir), processes=2)
    return outdir, [w for w in written if w.format in ("pdf", "docx")]


def test_findings_often_run_over_a_page(paged_corpus):
    """Real reports often break a finding at the foot of a page; the corpus must, often."""
    outdir, written = paged_corpus
    total, broken = 0, 0
    for report in written:
        read = pdf_pages if report.format == "pdf" else docx_pages
        pages = read(outdir / f"{report.name}.{report.format}")
        findings = gold(outdir, report.name)
        spans, misread = page_broken(findings, pages)
        assert not misread, (report.name, misread[:2])
        total += len(findings)
        broken += len(spans)
    assert total > 300
    assert broken / total >= 0.05, f"{broken} of {total} findings run over a page"


def test_hmips_follow_up_labels_name_the_chapter_then_the_list(tmp_path):
    """As in the real 2007 Edinburgh follow-up: "Progress on … > Recommendations"."""
    follow_ups = []
    for index in range(4, 9 * 12, 9):  # every hmips-prison report in the first rounds
        assert family_for(index).SLUG == "hmips-prison"
        written = generate_one(tmp_path, index)
        if json.loads((tmp_path / f"{written}.meta.json").read_text())["type"] == "review-of-progress":
            follow_ups.append(written)
        if len(follow_ups) == 2:
            break
    assert follow_ups
    chapter = "Progress on Recommendations and Points of Note"
    for name in follow_ups:
        progress = [f for f in gold(tmp_path, name) if f["status"] is not None]
        assert progress
        for finding in progress:
            assert finding["label_in_source"] in (f"{chapter} > Recommendations", f"{chapter} > Points of Note")
            assert finding["section"] == chapter


def generate_one(outdir: Path, index: int) -> str:
    from scrutiny_demo.corpus import write_report

    return write_report(seed=3, index=index, outdir=str(outdir)).name


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
