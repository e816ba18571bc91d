"""The trainable tagger: any taxonomy, saved and loaded, the same answer every time, through the
`scrutiny tagger` commands that the acceptance checks call, and clear refusals of bad input."""

import json
import random

import numpy as np
import pytest

from scrutiny.cli import main
from scrutiny.core.classifier import Classifier, Settings
from scrutiny.tagging.scores import score

# A made-up taxonomy: three topics, each with its own words, and filler shared by all.
TOPICS = {
    "orchards": ["apple", "pear", "blossom", "pruning", "cider", "graft"],
    "harbours": ["quay", "tide", "ferry", "mooring", "crane", "dredging"],
    "libraries": ["catalogue", "lending", "archive", "reading room", "shelving", "loans"],
}
FILLER = ["the council", "should review", "within a year", "residents said", "the plan", "funding for"]


def made_up(count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    records = []
    for i in range(count):
        labels = sorted(rng.sample(sorted(TOPICS), rng.choice([1, 1, 2])))
        words = [w for label in labels for w in rng.sample(TOPICS[label], 2)] + rng.sample(FILLER, 3)
        rng.shuffle(words)
        records.append({"id": f"r{i}", "text": " ".join(words).capitalize() + ".", "labels": labels})
    return records


def write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


FAST = [Settings(char_ngrams=False, c=4.0)]


def test_learns_whatever_labels_the_training_data_holds():
    model = Classifier(grid=FAST).fit([r["text"] for r in made_up(90, 1)], [r["labels"] for r in made_up(90, 1)])
    assert model.labels == sorted(TOPICS)
    test = made_up(30, 2)
    _, micro, macro = score([r["labels"] for r in test], model.predict([r["text"] for r in test]), model.labels)
    assert micro > 0.8 and macro > 0.8


def test_confidence_is_a_probability_and_every_text_gets_a_label():
    records = made_up(60, 3)
    model = Classifier(grid=FAST).fit([r["text"] for r in records], [r["labels"] for r in records])
    probabilities = model.probabilities(["Pear blossom.", "Nothing in common here at all."])
    assert ((probabilities >= 0) & (probabilities <= 1)).all()
    assert all(found for found in model.predict(["Nothing in common here at all."]))


def test_a_saved_model_loads_back_with_the_same_answers(tmp_path):
    records = made_up(60, 4)
    texts = [r["text"] for r in records]
    model = Classifier(grid=FAST).fit(texts, [r["labels"] for r in records])
    model.save(tmp_path / "model")
    manifest = json.loads((tmp_path / "model/manifest.json").read_text())
    assert manifest["labels"] == sorted(TOPICS) and manifest["settings"]["c"] == 4.0
    loaded = Classifier.load(tmp_path / "model")
    assert np.allclose(loaded.probabilities(texts), model.probabilities(texts))


def test_train_predict_evaluate_round_trip_through_the_command_line(tmp_path, capsys):
    train = write(tmp_path / "train.jsonl", made_up(60, 5))
    test = write(tmp_path / "test.jsonl", made_up(12, 6))
    assert main(["tagger", "train", "--labels", str(train), "--out", str(tmp_path / "model")]) == 0
    capsys.readouterr()
    assert main(["tagger", "predict", "--model", str(tmp_path / "model"), str(test)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == [f"r{i}" for i in range(12)]
    assert all(set(line["scores"]) == set(TOPICS) and set(line["labels"]) <= set(TOPICS) for line in lines)
    assert main(["tagger", "predict", "--model", str(tmp_path / "model"), str(test)]) == 0
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == lines  # deterministic
    assert main(["tagger", "evaluate", "--model", str(tmp_path / "model"), "--labels", str(test)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("harbours") for line in out)
    words = out[-1].split()
    assert words[0] == "micro-F1" and words[2] == "macro-F1" and len(words[1]) == len(words[3]) == 5


def test_training_twice_gives_the_same_model(tmp_path, capsys):
    train = write(tmp_path / "train.jsonl", made_up(45, 7))
    for name in ("one", "two"):
        main(["tagger", "train", "--labels", str(train), "--out", str(tmp_path / name)])
    one = json.loads((tmp_path / "one/manifest.json").read_text())
    assert one == json.loads((tmp_path / "two/manifest.json").read_text())


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"id": 1, "text": "a", "labels": ["x"]}\n{"id": 2, "text": "b", "labels": ["x"\n', "line 2: not valid JSON"),
        ('{"id": 1, "text": "a", "labels": "x"}\n', 'line 1: "labels" must be a list'),
        ('{"id": 1, "labels": ["x"]}\n', 'line 1: "text" is missing'),
        ('["a", "b"]\n', "line 1: expected a JSON object"),
        ("", "no records (the file is empty)"),
    ],
)
def test_bad_training_files_are_refused_saying_where_and_why(tmp_path, capsys, content, message):
    path = tmp_path / "train.jsonl"
    path.write_text(content)
    assert main(["tagger", "train", "--labels", str(path), "--out", str(tmp_path / "model")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "model").exists()


def test_a_missing_model_is_refused(tmp_path, capsys):
    test = write(tmp_path / "test.jsonl", made_up(2, 8))
    assert main(["tagger", "predict", "--model", str(tmp_path / "nowhere"), str(test)]) == 2
    assert "cannot load model" in capsys.readouterr().err
