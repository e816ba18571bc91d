"""`scrutiny report annual --year 2025-26 --format docx|pdf|html --out FILE` and
`scrutiny report thematic --theme SLUG --period 2025-26 --format docx|html --out FILE`."""

import sys
from pathlib import Path

PROBLEM = 2  # exit status for a year or theme that cannot be used; nothing is written


def register(subparsers) -> None:
    report = subparsers.add_parser(
        "report", help="make the secretariat's outputs from the dashboard's data",
        description="Documents made from the published findings, counted as the dashboard counts them.",
    )
    commands = report.add_subparsers(dest="report_command", metavar="OUTPUT")
    commands.required = True
    annual = commands.add_parser("annual", help="the annual report pack for a reporting year (April to March)")
    annual.add_argument("--year", required=True, metavar="YYYY-YY", help="reporting year, such as 2025-26")
    annual.add_argument("--format", required=True, choices=["docx", "pdf", "html"])
    annual.add_argument("--out", required=True, type=Path, metavar="FILE")
    annual.set_defaults(func=run_annual)
    thematic = commands.add_parser("thematic", help="the good practice on one theme in a reporting year, cited")
    thematic.add_argument("--theme", required=True, metavar="SLUG", help="a theme's slug, as in /findings?theme=")
    thematic.add_argument("--period", required=True, metavar="YYYY-YY", help="reporting year, such as 2025-26")
    thematic.add_argument("--format", required=True, choices=["docx", "html"])
    thematic.add_argument("--out", required=True, type=Path, metavar="FILE")
    thematic.add_argument("--site", default="", metavar="URL",
                          help="the dashboard's address, for links to findings (default: links to the body's report only)")
    thematic.set_defaults(func=run_thematic)


def _write(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    partial.replace(path)


def run_annual(args) -> int:
    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    from scrutiny.annual_report import outputs
    from scrutiny.annual_report.pack import BadYear, build

    try:
        pack = build(args.year)
    except BadYear as problem:
        print(problem, file=sys.stderr)
        return PROBLEM
    _write(args.out, outputs.annual(pack, args.format))
    state = "" if pack.has_data else " (no published findings or reports for that year: the pack says so)"
    print(f"{args.out}: annual report pack {pack.year}, {args.format}{state}")
    return 0


def run_thematic(args) -> int:
    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    from scrutiny.annual_report import outputs
    from scrutiny.annual_report.pack import BadYear
    from scrutiny.annual_report.thematic import UnknownTheme, build

    try:
        thematic = build(args.theme, args.period, site=args.site.rstrip("/"))
    except (BadYear, UnknownTheme) as problem:
        print(problem, file=sys.stderr)
        return PROBLEM
    _write(args.out, outputs.thematic(thematic, args.format))
    print(f"{args.out}: good practice on {thematic.theme_name}, {thematic.period}: {thematic.total} findings, {args.format}")
    return 0
