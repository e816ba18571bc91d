"""`scrutiny extract FILE...` and `scrutiny score-extraction DIR...`."""

import sys


def register(subparsers) -> None:
    extract = subparsers.add_parser("extract", help="extract findings from report files")
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.add_argument("--format", choices=["jsonl", "text"], default="jsonl")
    extract.add_argument("--profile", help="use this extraction profile instead of detecting one")
    extract.set_defaults(func=run_extract)

    score = subparsers.add_parser(
        "score-extraction",
        help="extract every NAME.ext with a NAME.gold.jsonl beside it and score against the gold",
    )
    score.add_argument("dirs", nargs="+", metavar="DIR")
    score.add_argument("--gold", help="one gold JSONL for all documents (e.g. real-passages/gold.jsonl)")
    score.add_argument("--per-doc", action="store_true", help="also list documents scoring below 1.0")
    score.set_defaults(func=run_score)


def run_extract(args) -> int:
    import json
    from pathlib import Path

    from scrutiny.core.document import UnreadableDocument
    from scrutiny.core.extract import extract_findings
    from scrutiny.core.profiles import profile_named
    from scrutiny.core.text import read_document

    profile = profile_named(args.profile) if args.profile else None
    failed = 0
    out = sys.stdout
    for name in args.files:
        try:
            document = read_document(name)
        except UnreadableDocument as error:
            print(f"scrutiny extract: {name}: {error.reason}", file=sys.stderr)
            failed += 1
            continue
        except OSError as error:
            print(f"scrutiny extract: {name}: cannot read ({error.strerror})", file=sys.stderr)
            failed += 1
            continue
        findings = extract_findings(document, profile)
        if args.format == "jsonl":
            for finding in findings:
                out.write(json.dumps(finding.as_record(), ensure_ascii=False) + "\n")
        else:
            print(f"{Path(name).name}: {len(findings)} findings ({findings[0].profile if findings else 'none'})")
            for finding in findings:
                page = f"p.{finding.page}" if finding.page else "   "
                status = f" [{finding.status}]" if finding.status else ""
                print(f"  {page:>5} {finding.kind:<20} {finding.number or '-':>6}  {finding.text[:90]}{status}")
                print(f"        {finding.label_in_source}  ·  {finding.section}")
    return 1 if failed else 0


def run_score(args) -> int:
    from scrutiny.core.scoring import print_report, score_directories

    report = score_directories(args.dirs, gold_file=args.gold)
    print_report(report, per_doc=args.per_doc)
    return 0
