"""The extractor finds what the generator planted, in every family and format, on the right page.

The generator writes documents as an author would and shares no code with the extractor, so this
is an honest check; the real passages (test_real_passages.py) keep both sides honest."""

import pytest

from scrutiny.cli import main as scrutiny
from scrutiny.core.scoring import score_directories


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("demo-corpus")
    # 27 reports: three of each of the nine families, every family in each of the three formats.
    assert scrutiny(["demo", "generate", "--reports", "27", "--seed", "77", str(corpus)]) == 0
    return score_directories([corpus])


@pytest.mark.parametrize("file_format", ["pdf", "docx", "html"])
def test_planted_findings_are_found_in_each_format(scores, file_format):
    score = scores[file_format]
    assert score.documents == 9 and not score.unreadable
    assert score.overall.f1() >= 0.95, score.weak_documents
    for kind, tally in score.per_kind.items():
        assert tally.f1() >= 0.9, (kind, tally)


@pytest.mark.parametrize("file_format", ["pdf", "docx"])
def test_each_finding_cites_the_page_it_starts_on(scores, file_format):
    right, asked = scores[file_format].agreement["page"]
    assert asked > 100 and right / asked >= 0.98
