"""After a slice of the real file is imported and published, no public surface names anybody:
a crawler follows every link of the public site from /, /findings, /sitemap.xml and
/deaths-in-custody (every jurisdiction, every table's CSV, JSON and XLSX), and looks for each
surname and forename of the slice. Each address is compared with itself before the import: the
import and the crawl run in a savepoint that is rolled back, then the same addresses are fetched
again. A word an address already showed without the deaths (a place called Ford, a code in a
finding) cannot be a leak there."""

import re
from urllib.parse import urljoin, urlparse

import pytest
from django.db import transaction
from django.test import Client

from custody_deaths.samples import real_lines, real_rows
from leaks.test_leak_matrix import readable
from scrutiny.custody_deaths.importer import run_import
from scrutiny.custody_deaths.models import Death

pytestmark = pytest.mark.django_db

START = ["/deaths-in-custody", "/deaths-in-custody?jurisdiction=england-and-wales", "/deaths-in-custody?jurisdiction=northern-ireland",
         "/", "/findings", "/sitemap.xml", "/api/v1/establishments", "/api/openapi.json"]
NOT_PUBLIC = ("/manage", "/accounts", "/admin", "/cy/")
LIMIT = 250


def crawl(client: Client) -> dict[str, str]:
    """Every public address reachable from START (up to LIMIT), with its text."""
    seen: dict[str, str] = {}
    queue = list(START)
    while queue and len(seen) < LIMIT:
        address = queue.pop(0)
        if address in seen:
            continue
        seen[address] = body = fetch(client, address)
        for href in re.findall(r'(?:href|src)="([^"#]+)"|<loc>([^<]+)</loc>', body):
            target = urlparse(urljoin("http://testserver" + address, (href[0] or href[1]).replace("&amp;", "&")))
            if target.netloc not in ("testserver", "") or target.path.startswith(NOT_PUBLIC) or target.path.startswith("/static"):
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return seen


def fetch(client: Client, address: str) -> str:
    response = client.get(address)
    return readable(response) if response.status_code == 200 else ""


def words(body: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]+", body)}


def test_no_public_page_export_or_api_answer_names_a_person_who_died():
    client = Client()
    rows = real_rows(700)
    header, *lines = real_lines(700).splitlines(keepends=True)
    planted = b"Quillwortson,Evander,Male,52,14/06/2011,Wakefield,Natural Causes\r\n"
    with transaction.atomic():
        assert run_import(b"".join([header, *lines, planted]), "csv").stored
        Death.objects.update(is_published=True)
        pages = crawl(client)
        transaction.set_rollback(True)
    assert not Death.objects.exists()
    before = {address: fetch(client, address) for address in pages}
    downloads = [a for a in pages if a.startswith("/deaths-in-custody/")]
    assert len(downloads) >= 3 * 8, "every table's CSV, JSON and XLSX is crawled"
    assert "Deaths by calendar year" in pages["/deaths-in-custody?jurisdiction=england-and-wales"]
    names = {"Quillwortson", "Evander"}
    for row in rows:
        names |= {part for part in re.findall(r"[^\W\d_]+", f"{row['SURNAME']} {row['NAME']}") if len(part) >= 3}
    # What else a row says is published (a surname may be a place, Lincoln, or a cause): not a name there.
    published = {w.casefold() for row in rows for column in ("ESTABLISHMENT", "CLASSIFICATION", "SEX")
                 for w in re.findall(r"[^\W\d_]+", row[column])}
    looked_for = {n for n in names if n.casefold() not in published}
    assert len(looked_for) > 300 and "Quillwortson" in looked_for
    found = {}
    for address, body in pages.items():
        present = {n for n in looked_for & set(re.findall(r"[^\W\d_]+", body)) if n.casefold() not in words(before[address])}
        if present:
            found[address] = sorted(present)[:10]
    assert found == {}
