"""Repeat tests start from an empty process-wide index: ids are handed out again after each
test's rollback, so an index left by an earlier test would hold other texts under the same ids."""

import json
from pathlib import Path

import pytest

from scrutiny.repeats.index import forget


@pytest.fixture(autouse=True)
def fresh_index():
    forget()
    yield
    forget()


@pytest.fixture
def write_report(tmp_path):
    """A small report as an inspectorate publishes it (HTML with its metadata beside it)."""
    counter = iter(range(1000))

    def write(place: str | None, published: str, recommendations: list[str], body: str = "hmip",
              good_practice: list[str] = ()) -> Path:
        path = tmp_path / f"report-{next(counter)}.html"
        items = "".join(f"<li>{text}</li>" for text in recommendations)
        praise = "".join(f"<li>{text}</li>" for text in good_practice)
        path.write_text(
            f"<h1>Report on an inspection of {place or 'custody in England'}, {published}</h1><h2>Recommendations</h2><ol>{items}</ol>"
            + (f"<h2>Good practice</h2><ol>{praise}</ol>" if praise else "")
        )
        meta = {"body": body, "published": published, "type": "full-inspection"}
        if place:
            meta["establishment"] = place
        path.with_name(f"{path.stem}.meta.json").write_text(json.dumps(meta))
        return path

    return write
