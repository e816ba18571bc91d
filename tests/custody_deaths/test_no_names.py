"""After a slice of the real file is imported and published, no public surface names anybody:
a crawler follows every link of the public site from /, /findings, /sitemap.xml and
/deaths-in-custody (every jurisdiction, every table's CSV, JSON and XLSX), and looks for each
surname and forename of the slice. A word the site already showed before the import (a place
called Ford, say) cannot be a leak and is not looked for."""

import re
from urllib.parse import urljoin, urlparse

import pytest
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
        response = client.get(address)
        if response.status_code != 200:
            seen[address] = ""
            continue
        body = readable(response)
        seen[address] = body
        for href in re.findall(r'(?:href|src)="([^"#]+)"|<loc>([^<]+)</loc>', body):
            target = urlparse(urljoin("http://testserver" + address, (href[0] or href[1]).replace("&amp;", "&")))
            if target.netloc not in ("testserver", "") or target.path.startswith(NOT_PUBLIC) or target.path.startswith("/static"):
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return seen


def words(pages: dict[str, str]) -> set[str]:
    return {w.casefold() for body in pages.values() for w in re.findall(r"[^\W\d_]+", body)}


def test_no_public_page_export_or_api_answer_names_a_person_who_died():
    client = Client()
    before = words(crawl(client))
    rows = real_rows(700)
    header, *lines = real_lines(700).splitlines(keepends=True)
    planted = b"Quillwortson,Evander,Male,52,14/06/2011,Wakefield,Natural Causes\r\n"
    assert run_import(b"".join([header, *lines, planted]), "csv").stored
    Death.objects.update(is_published=True)
    pages = crawl(client)
    downloads = [a for a in pages if a.startswith("/deaths-in-custody/")]
    assert len(downloads) >= 3 * 8, "every table's CSV, JSON and XLSX is crawled"
    assert "Deaths by calendar year" in pages["/deaths-in-custody?jurisdiction=england-and-wales"]
    names = {"Quillwortson", "Evander"}
    for row in rows:
        names |= {part for part in re.findall(r"[^\W\d_]+", f"{row['SURNAME']} {row['NAME']}") if len(part) >= 3}
    # Places are published (a surname may be a place: Lincoln, Stafford): not a person's name there.
    places = {w.casefold() for row in rows for w in re.findall(r"[^\W\d_]+", row["ESTABLISHMENT"])}
    looked_for = {n for n in names if n.casefold() not in before | places}
    assert len(looked_for) > 300 and "Quillwortson" in looked_for
    found = {}
    for address, body in pages.items():
        present = looked_for & set(re.findall(r"[^\W\d_]+", body))
        if present:
            found[address] = sorted(present)[:10]
    assert found == {}
