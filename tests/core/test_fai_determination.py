"""A sheriff's determination after a fatal accident inquiry: its recommendations, and only those,
become findings of the sheriff courts' fatal accident inquiries.

The determinations come from the demo generator (scrutiny_demo.families.fai_determination), which
writes them as a sheriff's clerk would and shares nothing with the extraction profile."""

import json
from pathlib import Path

import pytest

from scrutiny.cli import main as scrutiny
from scrutiny.core.document import HEADING, PARAGRAPH, Block, Document
from scrutiny.core.extract import extract_findings
from scrutiny.core.profiles import MIN_CONFIDENCE, choose_profile
from scrutiny.core.profiles.fai_determination import PROFILE
from scrutiny.core.scoring import score_directories
from scrutiny.core.text import read_document
from scrutiny_demo import corpus as demo_corpus
from scrutiny_demo.families import FAMILIES
from scrutiny_demo.families import fai_determination as demo_fai

DETERMINATIONS = 16


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("determinations")
    return demo_fai.generate(DETERMINATIONS, seed=7, outdir=str(out))


@pytest.fixture(scope="module")
def determinations(written) -> list[Path]:
    return [Path(row["path"]) for row in written]


def laid_out(written, layout: str) -> list[Path]:
    return [Path(row["path"]) for row in written if layout in row["layouts"]]


@pytest.fixture(scope="module")
def other_reports(tmp_path_factory) -> list[Path]:
    """One report of each family in the demo corpus, in the formats the rotation gives them."""
    out = tmp_path_factory.mktemp("other-families")
    names = [demo_corpus.write_report(5, index, str(out)).name for index in range(len(FAMILIES))]
    return [next(p for p in out.glob(f"{name}.*") if p.suffix in {".pdf", ".docx", ".html"}) for name in names]


def gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.with_name(f"{path.stem}.gold.jsonl").read_text().splitlines() if line]


def as_printed(items) -> list[tuple]:
    return [(item["kind"], item["number"], item["text"], item["page"]) for item in items]


def test_the_sample_holds_determinations_with_and_without_recommendations_in_pdf_and_docx(determinations):
    kinds = {(path.suffix, bool(gold(path))) for path in determinations}
    assert kinds == {(".pdf", True), (".pdf", False), (".docx", True), (".docx", False)}


def test_each_recommendation_is_found_with_its_number_and_page_and_nothing_else(determinations):
    for path in determinations:
        found = [f.as_record() for f in extract_findings(read_document(path))]
        assert as_printed(found) == as_printed(gold(path)), path.name


def test_a_determination_that_makes_no_recommendation_gives_no_finding(determinations):
    without = [path for path in determinations if not gold(path)]
    assert without
    for path in without:
        document = read_document(path)
        assert choose_profile(document).name == "fai-determination"
        assert extract_findings(document) == [], path.name


def test_a_recommendations_heading_over_the_sentence_that_none_is_made_gives_no_finding(written):
    paths = laid_out(written, demo_fai.NONE_MADE_UNDER_HEADING)
    assert {path.suffix for path in paths} == {".pdf", ".docx"}
    for path in paths:
        document = read_document(path)
        blocks = document.blocks
        heading = next(i for i, b in enumerate(blocks) if b.is_heading and b.text.strip().lower() == "recommendations")
        assert "no recommendations" in blocks[heading + 1].text.lower(), path.name
        assert not gold(path)
        assert extract_findings(document) == [], path.name


def test_the_notes_reasons_under_a_plain_recommendations_heading_are_not_findings(written):
    """The Note's "[56] The Crown invited me..." under "Recommendations" argues about
    recommendations; the determination's own numbered list, where there is one, is still found."""
    paths = laid_out(written, demo_fai.NOTE_HEADED_RECOMMENDATIONS)
    assert {(path.suffix, bool(gold(path))) for path in paths} >= {(".pdf", True), (".docx", True), (".docx", False)}
    for path in paths:
        document = read_document(path)
        assert any(b.text.startswith("[") and "The Crown invited me" in b.text for b in document.blocks), path.name
        found = extract_findings(document)
        assert not [f.text for f in found if "invited me" in f.text], path.name
        assert as_printed(f.as_record() for f in found) == as_printed(gold(path)), path.name


def test_an_unnumbered_paragraph_under_recommendations_is_still_a_finding_in_an_inspection_report():
    """Only the determination reads plain paragraphs as prose: an inspection report's
    unnumbered recommendation under "Recommendations" is kept."""
    blocks = [Block("Recommendations", HEADING, 4, 1),
              Block("The prison should ensure that every prisoner at risk is seen by a nurse each day.", PARAGRAPH, 4)]
    report = Document("inspection", "html", blocks)
    assert choose_profile(report).name != "fai-determination"
    assert [(f.kind, f.text) for f in extract_findings(report)] == [("recommendation", blocks[1].text)]
    assert extract_findings(report, PROFILE) == []


def test_recommendations_grouped_by_addressee_name_the_body_they_are_addressed_to(determinations):
    grouped = [(path, item) for path in determinations for item in gold(path) if item["addressee"]]
    assert grouped, "the sample should hold a determination with recommendations grouped by addressee"
    for path, item in grouped:
        found = {f.text: f for f in extract_findings(read_document(path))}
        assert found[item["text"]].addressee == item["addressee"]


def test_the_profile_is_chosen_for_every_determination(determinations):
    for path in determinations:
        document = read_document(path)
        assert PROFILE.detect(document) >= MIN_CONFIDENCE
        assert choose_profile(document) is PROFILE, path.name


def test_the_profile_does_not_claim_the_inspection_and_monitoring_reports(other_reports):
    assert len(other_reports) == len(FAMILIES)
    for path in other_reports:
        document = read_document(path)
        assert PROFILE.detect(document) < MIN_CONFIDENCE, path.name
        assert choose_profile(document).name != "fai-determination", path.name


def test_precision_and_recall_over_the_generated_determinations(determinations, capsys):
    scores = score_directories([determinations[0].parent])
    with capsys.disabled():
        for fmt, score in scores.items():
            tally = score.overall
            print(f"\nFAI determinations ({fmt}): {score.documents} documents, {tally.gold} recommendations, "
                  f"precision {tally.precision():.3f}, recall {tally.recall():.3f}")
    for score in scores.values():
        assert score.overall.precision() == 1.0 and score.overall.recall() == 1.0, score.weak_documents
        right, asked = score.agreement["page"]
        assert right == asked > 0


@pytest.mark.django_db
def test_ingesting_a_determination_files_its_recommendations_under_the_sheriff_courts(determinations):
    from scrutiny.findings.models import Finding
    from scrutiny.reports.models import Report, ReportType

    path = next(p for p in determinations if p.suffix == ".pdf" and len(gold(p)) >= 2)
    # No --type: the determination's metadata file names its type, which ingest must know.
    assert scrutiny(["ingest", str(path), "--body", "scottish-fai"]) == 0

    report = Report.objects.get()
    assert report.body.slug == "scottish-fai"
    assert report.report_type == ReportType.FAI_DETERMINATION
    assert report.extraction_profile == "fai-determination"
    assert report.nation.slug == "scotland"
    stored = Finding.objects.filter(report=report).order_by("position")
    assert {f.kind for f in stored} == {"recommendation"}
    assert [(f.number, f.text, f.page) for f in stored] == [(g["number"], g["text"], g["page"]) for g in gold(path)]
    assert {f.body.slug for f in stored} == {"scottish-fai"}
