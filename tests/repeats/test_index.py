"""The repeat index that ingest keeps: its quick merge of new findings gives exactly the posting
lists of RepeatIndex's full re-sort, and word frequencies start from typical findings."""

import random

import numpy as np
import pytest

from scrutiny.core.similarity import RepeatIndex
from scrutiny.repeats.index import ReportIndex, background_texts

pytestmark = pytest.mark.no_database

WORDS = "staff record force search cell shower court kitchen visits family healthcare segregation".split()


def batches(seed: int):
    rng = random.Random(seed)
    finding_id = 0
    for size in (5, 1, 40, 3, 17):
        rows = []
        for _ in range(size):
            finding_id += 1
            text = " ".join(rng.choice(WORDS + [f"word{rng.randrange(300)}"]) for _ in range(rng.randrange(1, 12)))
            rows.append((finding_id, text, finding_id % 4, 1, 2020))
        yield rows


@pytest.mark.parametrize("seed", range(5))
def test_adding_findings_report_by_report_gives_the_posting_lists_of_a_full_sort(seed):
    quick, full = ReportIndex(), RepeatIndex()
    for rows in batches(seed):
        quick.add_findings(rows)
        full.add([(i, text, None, body, year) for i, text, _, body, year in rows])
        quick._settle()
        full._settle()
        assert np.array_equal(quick.postings, full.postings)
        assert np.array_equal(quick.posting_starts, full.posting_starts)
    probe = "staff should record every use of force"
    assert quick.matches([probe]) == full.matches([probe])


def test_typical_findings_make_common_words_weigh_less_than_the_words_of_the_ask():
    assert len(background_texts()) > 1000
    plain, primed = ReportIndex(), ReportIndex()
    primed.prime(background_texts())
    for index in (plain, primed):
        index.add_findings([(1, "Staff should record every use of force.", 1, 1, 2019)])
    ask = "Staff should record every strip search."
    assert plain.matches([ask])[0] and not primed.matches([ask])[0]
