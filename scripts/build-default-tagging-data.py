"""Write the default tagger's training data: src/scrutiny/tagging/data/default-training.jsonl.

Run from the project root: .venv/bin/python scripts/build-default-tagging-data.py
The output is deterministic (same inputs, same bytes), so it is committed and rebuilt whenever
its sources change. Three honest sources, each line saying which it came from:
- `real`: the real passages (../shared/data/real-passages/themes.jsonl), labelled by people
  with our slugs; `doc` names the report, so an evaluation can leave a document out;
- `theme`: each theme's name, description and keywords (catalogue/data/themes.json);
- `demo`: the sentences the demo generator writes theme by theme (scrutiny_demo.vocabulary),
  with the setting's words filled in. They are written the way inspectors write, but they are
  not real reports: they teach vocabulary; the real passages teach how reports phrase it;
- `written`: findings written for this file in inspectorate voice
  (scrutiny/tagging/data/written-findings.txt), labelled by the real passages' conventions, so
  that every theme, including those the real passages lack, has report-like examples.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from scrutiny_demo.vocabulary import SETTING_THEMES, vocabulary  # noqa: E402

THEMES = ROOT / "src/scrutiny/catalogue/data/themes.json"
REAL = ROOT.parent / "shared/data/real-passages/themes.jsonl"
OUT = ROOT / "src/scrutiny/tagging/data/default-training.jsonl"
WRITTEN = ROOT / "src/scrutiny/tagging/data/written-findings.txt"
POOLS = ("narrative", "problems", "fixes", "strengths", "notes", "claims")
FILLERS = {"pct": "40", "num": "12", "days": "three", "place": "the establishment", "unit": "the unit"}


def theme_lines(slugs: set[str]) -> list[dict]:
    lines = []
    for theme in json.loads(THEMES.read_text()):
        lines.append({"text": f"{theme['name']}. {theme['description']}", "labels": [theme["slug"]], "source": "theme"})
        lines += [{"text": k, "labels": [theme["slug"]], "source": "theme"} for k in theme["keywords"]]
    return [line for line in lines if line["labels"][0] in slugs]


def demo_lines(slugs: set[str]) -> list[dict]:
    seen: dict[str, set[str]] = {}
    for setting in sorted(SETTING_THEMES):
        words = vocabulary(setting)
        fill = {**FILLERS, **words.words}
        for slug, entry in words.themes.items():
            if slug not in slugs:
                continue
            for pool in POOLS:
                for template in entry[pool]:
                    text = re.sub(r"\{(\w+)\}", lambda m: fill.get(m[1], m[1]), template)
                    seen.setdefault(text, set()).add(slug)
    return [{"text": t, "labels": sorted(s), "source": "demo"} for t, s in sorted(seen.items())]


def real_lines(slugs: set[str]) -> list[dict]:
    lines = []
    for raw in REAL.read_text().splitlines():
        row = json.loads(raw)
        labels = [s for s in row["themes"] if s in slugs]
        lines.append({"text": row["text"], "labels": labels, "source": "real", "doc": row["doc"]})
    return lines


def written_lines(slugs: set[str]) -> list[dict]:
    lines = []
    for number, raw in enumerate(WRITTEN.read_text().splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        labels, text = (part.strip() for part in raw.split("|", 1))
        labels = labels.split(",")
        unknown = set(labels) - slugs
        if unknown:
            raise SystemExit(f"{WRITTEN.name}: line {number}: unknown theme {sorted(unknown)}")
        lines.append({"text": text, "labels": labels, "source": "written"})
    return lines


def main() -> None:
    slugs = {t["slug"] for t in json.loads(THEMES.read_text())}
    lines = real_lines(slugs) + written_lines(slugs) + theme_lines(slugs) + demo_lines(slugs)
    with OUT.open("w") as out:
        for number, line in enumerate(lines):
            out.write(json.dumps({"id": f"{line['source']}-{number}", **line}, ensure_ascii=False) + "\n")
    print(f"{OUT.relative_to(ROOT)}: {len(lines)} lines "
          + ", ".join(f"{s} {sum(1 for x in lines if x['source'] == s)}" for s in ("real", "written", "theme", "demo")))


if __name__ == "__main__":
    main()
