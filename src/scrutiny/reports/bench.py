"""`scrutiny bench ingest DIR`: whole-ingest speed as a ratio of bare pypdfium2 text extraction.

Both run in this one process on the same PDF files, the baseline before and after the ingest
(its mean is the figure), so the ratio holds whatever else the machine is doing."""

import os
import tempfile
import time
from pathlib import Path


def bare_pdfium_pages(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    pages = 0
    for path in files:
        pdf = pdfium.PdfDocument(str(path))
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                textpage = page.get_textpage()
                textpage.get_text_range()
                textpage.close()
                page.close()
                pages += 1
        finally:
            pdf.close()
    return pages


def bench_ingest(directory: Path, limit: int = 0) -> int:
    files = sorted(p for p in directory.rglob("*.pdf") if p.is_file())
    if limit:
        files = files[:limit]
    if not files:
        print(f"no PDF files in {directory}")
        return 1
    for path in files:  # the first read of a file pays for the disk, for neither side
        path.read_bytes()
    with tempfile.TemporaryDirectory(prefix="scrutiny-bench-") as scratch:
        os.environ["SCRUTINY_DATABASE_URL"] = f"sqlite:///{Path(scratch) / 'bench.sqlite3'}"
        os.environ["SCRUTINY_FILES_DIR"] = str(Path(scratch) / "files")
        from scrutiny.django_setup import start_django

        start_django()
        from scrutiny.reports.ingest import Ingester

        before, pages = _timed(lambda: bare_pdfium_pages(files))
        ingester = Ingester()
        ingest_seconds, outcomes = _timed(lambda: [ingester.ingest(p) for p in files])
        after, _ = _timed(lambda: bare_pdfium_pages(files))
    failed = [o for o in outcomes if o.status != "new"]
    ingested_pages = sum(o.pages for o in outcomes if o.status == "new")
    findings = sum(sum(o.kinds.values()) for o in outcomes)
    bare_rate = pages / ((before + after) / 2)
    ingest_rate = ingested_pages / ingest_seconds
    print(f"files: {len(files)} PDF, {pages} pages; findings stored: {findings}")
    print(f"bare pypdfium2 text extraction: {bare_rate:8.1f} pages/s  (runs: {pages / before:.1f}, {pages / after:.1f})")
    print(f"whole ingest (text, findings, tags, stored, indexed): {ingest_rate:8.1f} pages/s")
    for outcome in failed:
        print(f"not ingested: {outcome.path.name}: {outcome.status} {outcome.reason}")
    print(f"ratio ingest/bare: {ingest_rate / bare_rate:.2f}")
    return 1 if failed else 0


def _timed(work):
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result
