"""Writes the demo corpus: one report, its gold findings and its metadata per index.

Each report draws from its own random stream, derived from (seed, index), so reports can be
written in any order, on any number of processes, and still come out byte-identical.
"""

import json
import os
import random
from dataclasses import dataclass

from scrutiny_demo.families import FAMILIES

FORMATS = ["pdf", "docx", "html"]
MIN_PAGES, MAX_PAGES = 20, 120


@dataclass
class Written:
    name: str
    family: str
    format: str
    pages: int
    findings: int


def family_for(index: int):
    return FAMILIES[index % len(FAMILIES)]


def format_for(index: int) -> str:
    # Shift the rotation every full round of families, so each family meets every format.
    return FORMATS[(index + index // len(FAMILIES)) % len(FORMATS)]


def compose(seed: int, index: int):
    """The report for one index, paged to a length within the family's range."""
    from scrutiny_demo.layout import paginate

    family = family_for(index)
    rng = random.Random(f"scrutiny-demo:{seed}:{index}")
    commission = family.commission(rng)
    low, typical, high = family.PAGES
    target = max(MIN_PAGES, min(MAX_PAGES, rng.triangular(low, high, typical)))
    text_seed = f"scrutiny-demo:{seed}:{index}:text"
    density = 1.0
    for _ in range(6):
        report = family.write(commission, random.Random(text_seed), density)
        paged = paginate(report)
        pages = paged.page_count
        if abs(pages - target) <= max(3, target * 0.12) and MIN_PAGES <= pages <= MAX_PAGES:
            break
        density *= max(0.3, min(3.0, (target - 6) / max(1, pages - 6)))
    return family, commission, report, paged


def write_report(seed: int, index: int, outdir: str) -> Written:
    family, commission, report, paged = compose(seed, index)
    fmt = format_for(index)
    name = f"{family.SHORT}-{commission.year}-{commission.establishment.slug}-{index:04d}"
    report.name = name
    meta = metadata(family, commission, report, fmt, paged.page_count if fmt != "html" else None, name)
    info = {"published": meta["published"], "title": meta["title"],
            "author": commission.body_name, "name": name}
    path = os.path.join(outdir, f"{name}.{fmt}")
    if fmt == "pdf":
        from scrutiny_demo.writers.pdf import write_pdf

        write_pdf(path, paged, report.font, info)
    elif fmt == "docx":
        from scrutiny_demo.writers.docx import write_docx

        write_docx(path, report, paged, info)
    else:
        from scrutiny_demo.writers.html import render_html

        with open(path, "w", encoding="utf-8") as handle:
            handle.write(render_html(report))
    with open(os.path.join(outdir, f"{name}.gold.jsonl"), "w", encoding="utf-8") as handle:
        for finding in report.findings:
            handle.write(json.dumps(gold_line(name, finding, fmt), ensure_ascii=False) + "\n")
    with open(os.path.join(outdir, f"{name}.meta.json"), "w", encoding="utf-8") as handle:
        json.dump(meta, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return Written(name, family.SLUG, fmt, paged.page_count, len(report.findings))


def gold_line(name, finding, fmt) -> dict:
    return {
        "doc": name,
        "number": finding.number,
        "kind": finding.kind,
        "label_in_source": finding.label_in_source,
        "text": finding.text,
        "page": finding.page if fmt != "html" else None,
        "section": finding.section,
        "status": finding.status,
        "addressee": finding.addressee,
    }


def metadata(family, commission, report, fmt, pages, name) -> dict:
    return {
        "title": report.meta["title"],
        "body": commission.body,
        "co_bodies": list(commission.co_bodies),
        "type": commission.report_type,
        "establishment": commission.place,
        "setting": commission.establishment.setting,
        "nation": commission.establishment.nation,
        "published": commission.published.isoformat(),
        "fieldwork_start": commission.fieldwork_start.isoformat(),
        "fieldwork_end": commission.fieldwork_end.isoformat(),
        "legal_basis": commission.legal_basis,
        "source_url": f"https://reports.example.org/{commission.body}/{commission.year}/{name}.{fmt}",
        "language": "en",
        "format": fmt,
        "pages": pages,
        "family": family.SLUG,
    }


def _write_one(job):
    return write_report(*job)


def generate(reports: int, seed: int, outdir: str, processes: int | None = None, progress=None):
    os.makedirs(outdir, exist_ok=True)
    jobs = [(seed, index, outdir) for index in range(reports)]
    processes = processes or min(2, os.cpu_count() or 1)
    written = []
    if processes == 1 or reports < 4:
        for job in jobs:
            written.append(_write_one(job))
            if progress:
                progress(written[-1], len(written), reports)
        return written
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(processes) as pool:
        for result in pool.imap_unordered(_write_one, jobs, chunksize=1):
            written.append(result)
            if progress:
                progress(result, len(written), reports)
    return sorted(written, key=lambda w: w.name)
