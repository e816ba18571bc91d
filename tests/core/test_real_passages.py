"""The real report passages (HMIPS, HMICS, Lay Observers) come out as the people who marked
them expect, in every format they are published in."""

from pathlib import Path

import pytest

from scrutiny.core.scoring import score_directories

REAL_PASSAGES = Path("/work/shared/data/real-passages")
pytestmark = pytest.mark.skipif(not (REAL_PASSAGES / "gold.jsonl").exists(), reason="real passages not present")


@pytest.fixture(scope="module")
def scores():
    return score_directories([REAL_PASSAGES], gold_file=REAL_PASSAGES / "gold.jsonl")


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_findings_in_real_passages_are_found_in_every_format(scores, fmt):
    assert scores[fmt].overall.f1() >= 0.95


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_numbers_and_follow_up_verdicts_are_kept_as_printed(scores, fmt):
    right, asked = scores[fmt].agreement["number"]
    assert right / asked >= 0.95
    right, asked = scores[fmt].agreement["status"]
    assert right == asked
