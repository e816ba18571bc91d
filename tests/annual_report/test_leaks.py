"""No unpublished report leaks into the pack or the thematic, for any role and any way a report is
unpublished: each surface (page, Word, PDF) reads the same before and after the unpublished report
exists, in the manner of tests/leaks/test_leak_matrix.py (whose world and roles it reuses)."""

import io
import re
from datetime import date

import docx
import pypdfium2
import pytest

from factories import FindingFactory, ReportFactory, body
from leaks.test_leak_matrix import MARKER, ROLES, WAYS, add_unpublished, client_for, published_world
from scrutiny.findings.models import Finding

pytestmark = pytest.mark.django_db
YEAR = "2024-25"
SURFACES = [f"/annual-report/{YEAR}", f"/annual-report/{YEAR}.docx", f"/annual-report/{YEAR}.pdf",
            f"/annual-report/good-practice/segregation?period={YEAR}", f"/annual-report/good-practice/segregation.docx?period={YEAR}"]


def readable(response) -> tuple[int, str]:
    """What a reader gets: the page's text, the Word document's paragraphs and cells, the PDF's text
    (their files hold the time they were written, which differs between any two requests)."""
    if response.status_code != 200:
        return response.status_code, ""
    kind = response["Content-Type"]
    if kind.startswith("application/vnd.openxmlformats"):
        document = docx.Document(io.BytesIO(response.content))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return 200, "\n".join([p.text for p in document.paragraphs] + cells + [document.core_properties.title or ""])
    if kind == "application/pdf":
        pdf = pypdfium2.PdfDocument(response.content)
        return 200, "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    text = re.sub(r'nonce="[^"]+"', "", response.content.decode())  # differs on every request, as does
    return 200, re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)  # a signed-in person's form token


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("role", ROLES)
def test_the_pack_and_thematic_read_as_if_the_unpublished_report_did_not_exist(role, way):
    world = published_world()
    good = ReportFactory(body=body("hmip"), published=date(2024, 7, 1))
    FindingFactory(report=good, kind="good_practice", text="Segregation reviews were held daily with the prisoner present.", themes=["segregation"])
    client = client_for(role)
    before = {address: readable(client.get(address)) for address in SURFACES}
    hidden = add_unpublished(way, world["shared_place"])
    report = Finding.objects.get(id=hidden["hidden_finding"]).report
    FindingFactory(report=report, position=9, kind="good_practice", text=f"{MARKER} kept a model segregation unit.", themes=["segregation"])
    for address in SURFACES:
        status, text = readable(client.get(address))
        assert status == 200, address
        assert (status, text) == before[address], f"{address} changed for {role} ({way})"
        assert MARKER not in text
