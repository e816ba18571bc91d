"""Command-line commands of tag review: `scrutiny tagger retrain` lives with the other tagger
commands (scrutiny.tagging.commands) and runs scrutiny.review.training."""


def register(subparsers) -> None:
    pass
