"""The Atom feed of any filtered list and the sitemap of every public page."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from scrutiny.api import sitemap

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def feed(client, query: str = "") -> ET.Element:
    response = client.get(reverse("findings_atom") + query)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # well-formed, or this raises


def test_the_feed_is_well_formed_atom_with_every_required_element(client, world):
    root = feed(client, "?theme=segregation")
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{name}") is not None, name
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/findings.atom?theme=segregation"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry in entries:
        for name in ("id", "title", "updated", "link", "summary"):
            assert entry.find(f"{ATOM}{name}") is not None, name
        assert entry.find(f"{ATOM}id").text.startswith("tag:")


def test_entries_are_the_newest_first_with_stable_ids_links_and_the_finding_text(client, world):
    entries = feed(client, "?theme=segregation").findall(f"{ATOM}entry")
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True) and updated[0].startswith("2025-02-01")
    newest = world["findings"][6]
    assert entries[0].find(f"{ATOM}link").get("href") == f"http://testserver/findings/{newest.id}"
    assert entries[0].find(f"{ATOM}summary").text == newest.text
    assert entries[0].find(f"{ATOM}id").text == feed(client, "?q=seclusion").find(f"{ATOM}entry/{ATOM}id").text
    assert "Quillwort" not in ET.tostring(feed(client, "?q=segregation"), encoding="unicode")


def test_a_search_feed_is_in_date_order_not_relevance(client, world):
    entries = feed(client, "?q=segregation+segregated").findall(f"{ATOM}entry")
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)


def test_an_empty_feed_is_still_valid_and_does_not_change_by_the_second(client, world):
    address = reverse("findings_atom") + "?q=nothingmatchesthis"
    first = client.get(address).content
    root = ET.fromstring(first)
    assert root.findall(f"{ATOM}entry") == [] and root.find(f"{ATOM}updated").text.startswith("2025-02-01")


def test_the_findings_page_offers_its_feed_and_downloads(client, world):
    html = client.get(reverse("findings") + "?theme=segregation").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/findings.atom?theme=segregation"' in html and "Get updates for this search (Atom feed)" in html
    assert 'href="/findings.csv?theme=segregation"' in html and 'href="/findings.xlsx?theme=segregation"' in html


def locations(client, address: str) -> list[str]:
    root = ET.fromstring(body_of(client.get(address)))
    return [e.text for e in root.iter(f"{SITEMAP}loc")]


def test_the_sitemap_lists_public_pages_and_every_published_record(client, world):
    found = locations(client, reverse("sitemap"))
    base = "http://testserver"
    assert {f"{base}/", f"{base}/findings", f"{base}/reports", f"{base}/about", f"{base}/bodies/hmip"} <= set(found)
    for finding in world["findings"]:
        assert f"{base}/findings/{finding.id}" in found
    for report in world["reports"]:
        assert f"{base}/reports/{report.id}" in found
    assert f"{base}/establishments/hmp-kelderbrook" in found
    assert f"{base}/findings/{world['hidden'].id}" not in found and f"{base}/reports/{world['draft'].id}" not in found
    assert not [a for a in found if "/manage" in a or "/accounts/" in a or ".csv" in a]
    assert len(found) == len(set(found))


def test_a_large_sitemap_becomes_an_index_of_numbered_parts(client, world, monkeypatch):
    everything = locations(client, reverse("sitemap"))
    monkeypatch.setattr(sitemap, "LIMIT", 10)
    root = ET.fromstring(client.get(reverse("sitemap")).content)
    assert root.tag == f"{SITEMAP}sitemapindex"
    parts = [e.text for e in root.iter(f"{SITEMAP}loc")]
    assert len(parts) == -(-len(everything) // 10)
    joined = []
    for part in parts:
        joined += locations(client, part.removeprefix("http://testserver"))
    assert joined == everything
    assert client.get(reverse("sitemap_part", args=[len(parts) + 1])).status_code == 404
