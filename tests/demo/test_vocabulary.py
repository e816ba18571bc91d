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


def test_long_prison_reports_do_not_repeat_narrative_sentences():
    """Prison themes set claims in frames and filler spreads over every theme, so even a
    100-page prison report prints no evidence sentence more than a few times (it printed one
    81 times before). Custody, hospital and secure care pools are not yet combinatorial."""
    from scrutiny_demo.document import Paragraph
    from scrutiny_demo.vocabulary import setting_for

    checked = 0
    for index in range(27):
        family, commission, report, _ = compose(5, index)
        if setting_for(commission.establishment.setting) != "prison":
            continue
        checked += 1
        counts = collections.Counter(
            re.sub(r"\d+", "#", sentence)
            for block in report.blocks
            if isinstance(block, Paragraph) and block.finding is None
            for sentence in re.split(r"(?<=[.?!])\s+", block.text) if len(sentence) > 40)
        sentence, times = counts.most_common(1)[0]
        assert times <= 10, (family.SLUG, times, sentence)
    assert checked >= 15
