"""The invented text reads right for its setting and does not loop in long reports."""

import collections
import json
import re

from scrutiny_demo.corpus import compose, generate

SETTING_WORDS = {
    "hmip-police-custody": r"detainee|custody",
    "cqc-mha-visit": r"patient|ward|section|seclusion|leave",
    "care-inspectorate-secure": r"young (people|person)|keyworker|family time|separation",
}
FOREIGN = {
    "hmip-police-custody": r"\bprisoners?\b|\bwings?\b",
    "cqc-mha-visit": r"\bprisoners?\b|\bwings?\b|\bdetainees?\b",
    "care-inspectorate-secure": r"\bprisoners?\b|\bwings?\b|\bpatients?\b",
}


def test_findings_speak_of_the_setting(tmp_path):
    written = generate(27, seed=3, outdir=str(tmp_path), processes=2)
    seen, speaking = collections.Counter(), collections.Counter()
    for report in written:
        if report.family not in SETTING_WORDS:
            continue
        for line in (tmp_path / f"{report.name}.gold.jsonl").read_text().splitlines():
            text = json.loads(line)["text"]
            seen[report.family] += 1
            speaking[report.family] += bool(re.search(SETTING_WORDS[report.family], text, re.I))
            assert not re.search(FOREIGN[report.family], text), (report.family, text)
    assert set(seen) == set(SETTING_WORDS)
    for family, total in seen.items():
        # Leadership, staffing and records findings may speak of staff, not of the people held.
        assert speaking[family] / total >= 0.6, (family, speaking[family], total)


# Compliance lines after a Care Inspectorate item are formulaic by design (not narrative).
COMPLIANCE = re.compile(r"^This is to (comply with|ensure that care and support)")


def worst_repeats(seed):
    """Per family, the most times one narrative sentence (numbers masked) is printed in a report."""
    from scrutiny_demo.document import Paragraph

    worst = {}
    for index in range(27):
        family, _, report, _ = compose(seed, index)
        counts = collections.Counter(
            re.sub(r"\d+", "#", sentence)
            for block in report.blocks
            if isinstance(block, Paragraph) and block.finding is None
            for sentence in re.split(r"(?<=[.?!])\s+", block.text)
            if len(sentence) > 40 and not COMPLIANCE.match(sentence))
        sentence, times = counts.most_common(1)[0]
        if times > worst.get(family.SLUG, (0, ""))[0]:
            worst[family.SLUG] = (times, sentence)
    return worst


def test_long_reports_do_not_repeat_narrative_sentences():
    """Every setting's themes set claims in frames and filler spreads over every theme, so even
    a 100-page report prints no evidence sentence more than a few times (before claims, a
    prison report printed one 81 times, a custody report 23, secure care 14)."""
    worst = worst_repeats(5)
    assert len(worst) == 9, sorted(worst)
    for family, (times, sentence) in worst.items():
        assert times <= 10, (family, times, sentence)
