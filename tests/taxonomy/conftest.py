"""Findings to relabel: a few made by the factories with known tags, and generated demo reports
read by the real ingest, so that a merge or split meets tags as the keyword rules leave them."""

from pathlib import Path

import pytest

from scrutiny.reports.ingest import Ingester
from scrutiny_demo.corpus import generate


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("taxonomy-corpus")
    generate(4, seed=31, outdir=str(folder), processes=1)
    return folder


@pytest.fixture
def ingested(corpus):
    ingester = Ingester(keep_files=False)
    for path in sorted(p for p in corpus.iterdir() if p.suffix in {".pdf", ".docx", ".html"}):
        assert ingester.ingest(path).status == "new"


def labelled(kind: str, slugs) -> dict[str, set[int]]:
    """slug → the ids of the findings labelled with it (themes, populations or settings)."""
    from scrutiny.findings.models import Finding, PopulationTag, Tag

    if kind == "settings":
        rows = Finding.objects.filter(setting__slug__in=slugs).values_list("setting__slug", "id")
    elif kind == "populations":
        rows = PopulationTag.objects.filter(population__slug__in=slugs).values_list("population__slug", "finding_id")
    else:
        rows = Tag.objects.filter(theme__slug__in=slugs).values_list("theme__slug", "finding_id")
    found = {slug: set() for slug in slugs}
    for slug, finding_id in rows:
        found[slug].add(finding_id)
    return found
