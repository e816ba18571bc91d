"""Suggesting follow-up links: a real generated review ingested after an earlier inspection of
the same place is paired with the findings it judges, and with nothing it does not."""

import pytest
from django.db import transaction

from followup.scenarios import HMIP_REVIEW, HMIPS_FOLLOW_UP, Score, build, score
from scrutiny.followup.models import LinkSuggestion

pytestmark = pytest.mark.django_db
SCENARIOS = [(index, seed) for index in (HMIP_REVIEW, HMIPS_FOLLOW_UP) for seed in (7, 8, 9)]


def test_assessments_are_paired_with_the_earlier_findings_they_judge(tmp_path):
    """The labelled set: two generated reports (PDF, DOCX), each against three earlier
    inspections built around it, precision and recall of the top suggestion printed."""
    total = Score(0, 0, 0, 0, 0)
    for index, seed in SCENARIOS:
        # Each scenario is rolled back: the same review file cannot be ingested twice.
        with transaction.atomic():
            scenario = build(tmp_path, index, rng_seed=seed)
            result = score(scenario)
            print(result.line(f"{scenario.name} (earlier inspection {seed})"))
            assert not LinkSuggestion.objects.filter(assessed_id__in=scenario.never).exists()
            transaction.set_rollback(True)
        total = total + result
    print(total.line("all"))
    assert total.assessments >= 70
    assert total.precision >= 0.9
    assert total.recall >= 0.9
    assert total.recall_any >= 0.95
