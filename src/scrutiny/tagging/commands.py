"""`scrutiny tagger train|predict|evaluate|retrain|benchmark-ohchr`: the tagger's machine interface.

JSON Lines in, one `{"id", "text", "labels": [...]}` a line; `--model default` is the tagger
that ships with Scrutiny (keyword rules and classifier for the themes of DESIGN.md §5). A bad
input file is refused before any work, with its line and the reason (exit status 2)."""

import json
import sys
from pathlib import Path


class BadInput(Exception):
    pass


def register(subparsers) -> None:
    tagger = subparsers.add_parser("tagger", help="train, run and score the multi-label theme tagger")
    commands = tagger.add_subparsers(dest="tagger_command", metavar="COMMAND")
    commands.required = True

    train = commands.add_parser("train", help="train a model on labelled JSON Lines")
    train.add_argument("--labels", required=True, type=Path, metavar="TRAIN.jsonl")
    train.add_argument("--out", required=True, type=Path, metavar="MODEL")
    train.set_defaults(func=run_train)

    predict = commands.add_parser("predict", help="print labels and scores for each line of a JSON Lines file")
    predict.add_argument("--model", required=True, metavar="MODEL", help="a model directory, or 'default'")
    predict.add_argument("input", type=Path, metavar="INPUT.jsonl")
    predict.set_defaults(func=run_predict)

    evaluate = commands.add_parser("evaluate", help="per-label precision, recall and F1 on labelled JSON Lines")
    evaluate.add_argument("--model", required=True, metavar="MODEL", help="a model directory, or 'default'")
    evaluate.add_argument("--labels", required=True, type=Path, metavar="TEST.jsonl")
    evaluate.set_defaults(func=run_evaluate)

    retrain = commands.add_parser(
        "retrain", help="retrain the theme model on people's review decisions plus the default training data",
        description="Findings people decided about (review queue) join the default training data; "
        "per-label counts and a held-out micro/macro F1 are printed, and the model is saved where "
        "ingest uses it (docs/review.md).",
    )
    retrain.add_argument("--out", type=Path, metavar="MODEL",
                         help="save it here instead of as the active model that ingest uses")
    retrain.add_argument("--min-examples", type=int, default=5, metavar="N",
                         help="leave out themes with fewer than N examples (default 5)")
    retrain.set_defaults(func=run_retrain)

    benchmark = commands.add_parser(
        "benchmark-ohchr",
        help="OHCHR protocol (baseline and ours, same folds) and the default tagger left one document out",
    )
    benchmark.add_argument("directory", type=Path, metavar="OHCHR_DIR", help="../shared/data/ohchr-upr-themes")
    benchmark.set_defaults(func=run_benchmark)


def read_lines(path: Path, labelled: bool) -> list[dict]:
    """The records of a JSON Lines file, checked: every line an object with a text string and,
    when `labelled`, a list of label strings."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{path}: cannot read ({getattr(error, 'strerror', None) or error})") from error
    records = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}: line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise BadInput(f"{where}: not valid JSON ({error.msg} at column {error.colno})") from error
        if not isinstance(record, dict):
            raise BadInput(f"{where}: expected a JSON object with \"id\", \"text\" and \"labels\"")
        if not isinstance(record.get("text"), str):
            raise BadInput(f"{where}: \"text\" is missing or not a string")
        labels = record.get("labels", [] if not labelled else None)
        if not isinstance(labels, list) or not all(isinstance(label, str) and label for label in labels):
            raise BadInput(f"{where}: \"labels\" must be a list of label strings, got {json.dumps(labels)}")
        record.setdefault("id", number)
        records.append(record)
    if not records:
        raise BadInput(f"{path}: no records (the file is empty)")
    return records


def _refuse(command: str, error: Exception) -> int:
    print(f"scrutiny tagger {command}: {error}", file=sys.stderr)
    return 2


def run_train(args) -> int:
    from scrutiny.core.classifier import Classifier

    try:
        records = read_lines(args.labels, labelled=True)
        model = Classifier().fit([r["text"] for r in records], [r["labels"] for r in records])
    except (BadInput, ValueError) as error:
        return _refuse("train", error)
    model.save(args.out)
    print(f"trained on {len(records)} texts, {len(model.labels)} labels; settings {model.settings}; "
          f"inner-fold F1 {model.inner_f1:.3f}; saved to {args.out}", file=sys.stderr)
    return 0


class _Predictor:
    """A saved model, or the default tagger, behind one `predict(texts)`."""

    def __init__(self, name: str):
        if name == "default":
            from scrutiny.core.default_tagger import default_tagger

            self.model = default_tagger()
            self.labels = self.model.labels
            self.predict = self.model.predict
        elif (Path(name) / "rules.json").is_file():  # from `tagger retrain`: a classifier and its rules
            from scrutiny.review.tagging import load_model

            self.model = load_model(Path(name))
            self.labels = self.model.labels
            self.predict = self.model.predict
        else:
            from scrutiny.core.classifier import Classifier

            model = Classifier.load(Path(name))
            self.labels = model.labels

            def predict(texts):
                probabilities = model.probabilities(texts)
                chosen = model.decide(probabilities)
                return [[model.labels[j] for j in range(len(model.labels)) if row[j]] for row in chosen], probabilities

            self.predict = predict


def _load(command: str, name: str):
    try:
        return _Predictor(name)
    except (OSError, ValueError) as error:
        print(f"scrutiny tagger {command}: cannot load model {name}: {error}", file=sys.stderr)
        return None


def run_predict(args) -> int:
    try:
        records = read_lines(args.input, labelled=False)
    except BadInput as error:
        return _refuse("predict", error)
    predictor = _load("predict", args.model)
    if predictor is None:
        return 2
    labels, probabilities = predictor.predict([r["text"] for r in records])
    for record, chosen, row in zip(records, labels, probabilities):
        scores = {label: round(float(p), 4) for label, p in zip(predictor.labels, row)}
        sys.stdout.write(json.dumps({"id": record["id"], "labels": chosen, "scores": scores}, ensure_ascii=False) + "\n")
    return 0


def run_evaluate(args) -> int:
    from scrutiny.tagging.scores import print_scores

    try:
        records = read_lines(args.labels, labelled=True)
    except BadInput as error:
        return _refuse("evaluate", error)
    predictor = _load("evaluate", args.model)
    if predictor is None:
        return 2
    predicted, _ = predictor.predict([r["text"] for r in records])
    print_scores([r["labels"] for r in records], predicted, predictor.labels)
    return 0


def run_benchmark(args) -> int:
    from scrutiny.tagging.benchmark import run

    return run(args.directory)


def run_retrain(args) -> int:
    if args.min_examples < 1:
        return _refuse("retrain", ValueError("--min-examples must be at least 1"))
    from scrutiny.django_setup import start_django

    start_django()
    from scrutiny.review.tagging import active_model_path
    from scrutiny.review.training import retrain

    try:
        retrain(args.out or active_model_path(), args.min_examples)
    except ValueError as error:
        return _refuse("retrain", error)
    return 0
