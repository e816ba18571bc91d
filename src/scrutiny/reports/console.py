"""What a person sees while ingesting: a progress bar, one line per failure, a closing summary."""

import sys
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from scrutiny.reports.ingest import Ingester, Outcome, report_files


def ingest_with_progress(paths: list[Path], overrides: dict, publish: bool = True) -> list[Outcome]:
    out = Console(stderr=False, highlight=False)
    err = Console(stderr=True, highlight=False)
    files = report_files(paths)
    if not files:
        err.print(f"nothing to ingest: no report files in {', '.join(map(str, paths))}")
        return []
    ingester = Ingester(overrides, publish=publish)
    outcomes = []
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
               TextColumn("{task.fields[name]}"))
    with Progress(*columns, console=err, transient=True, disable=not sys.stderr.isatty()) as progress:
        task = progress.add_task("ingest", total=len(files), name="")
        for path in files:
            progress.update(task, name=path.name)
            outcome = ingester.ingest(path)
            if outcome.status == "failed":
                progress.console.print(f"FAILED {path}: {outcome.reason}", markup=False, soft_wrap=True)
            outcomes.append(outcome)
            progress.advance(task)
    out.print(summary_table(outcomes))
    return outcomes


def summary_table(outcomes: list[Outcome]) -> Table:
    statuses = Counter(o.status for o in outcomes)
    kinds = sum((o.kinds for o in outcomes), Counter())
    table = Table(title="Ingest summary", show_header=True)
    table.add_column("")
    table.add_column("count", justify="right")
    for status in ("new", "duplicate", "failed"):
        table.add_row(f"reports {status}", str(statuses.get(status, 0)))
    table.add_row("pages read", str(sum(o.pages for o in outcomes)))
    for kind, count in sorted(kinds.items(), key=lambda kv: -kv[1]):
        table.add_row(f"findings: {kind}", str(count))
    table.add_row("findings in all", str(sum(kinds.values())))
    return table
