"""The one `scrutiny` command. Each capability registers its own sub-commands.

A module in COMMAND_MODULES defines `register(subparsers)`; heavy imports (Django, PDF
libraries) happen inside the handlers, so `scrutiny extract` never starts Django.
"""

import argparse
import importlib
import sys

COMMAND_MODULES = [
    "scrutiny.core.commands",  # extract
    "scrutiny_demo.commands",  # demo generate
    "scrutiny.reports.commands",  # ingest, bench ingest
    "scrutiny.dashboard.commands",  # serve
    "scrutiny.accounts.commands",  # accounts invite, list, purge
    "scrutiny.commands",  # migrate, manage
    "scrutiny.operations.commands",  # backup, restore
    "scrutiny.uploads.commands",  # uploads work
    "scrutiny.historic.commands",  # historic import, historic export
    "scrutiny.tagging.commands",  # tagger train, predict, evaluate, benchmark-ohchr
    "scrutiny.taxonomy.commands",  # vocabularies export, import
    "scrutiny.review.commands",  # tagger retrain
    "scrutiny.repeats.commands",  # repeats rebuild
    "scrutiny.followup.commands",  # follow-up suggest
    "scrutiny.findings.commands",  # index rebuild
    "scrutiny.custody_deaths.commands",  # deaths import
    "scrutiny.business_plan.commands",  # plan import, plan calendar
    "scrutiny.annual_report.commands",  # report annual, report thematic
    "scrutiny.tracker.commands",  # tracker import
    "scrutiny.correspondence.commands",  # correspondence due, overdue, recount
    "scrutiny.reviews.commands",  # reviews demo
    "scrutiny.bulletin.commands",  # bulletin render
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrutiny",
        description="Reporting Dashboard for the UK National Preventive Mechanism.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status = args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    return int(status or 0)


if __name__ == "__main__":
    sys.exit(main())
