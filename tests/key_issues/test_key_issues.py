"""Key issue pages as a reader meets them: the figures of its evidence are the dashboard's own
for the same filter (read off the HTML of /findings and /trends, not from the function that
made them), drafts stay hidden, the analysis is Markdown with anything dangerous taken out."""

import random
import re
from datetime import date

import pytest
from django.test import Client

from factories import EstablishmentFactory, FindingFactory, ReportFactory, body, setting, sign_in, staff_member
from scrutiny.findings.models import Kind
from scrutiny.key_issues.models import KeyIssue, Standard
from scrutiny.repeats.models import Relation, Repeat
from scrutiny.tracker.models import Item

pytestmark = pytest.mark.django_db

BODIES = ["hmip", "imb", "cqc", "hmips"]
SETTINGS = ["yoi", "adult-prison", "police-custody", "children-secure"]
THEMES = ["segregation", "use-of-force", "healthcare", "food", "time-out-of-cell"]
KINDS = [Kind.RECOMMENDATION, Kind.CONCERN, Kind.GOOD_PRACTICE, Kind.KEY_CONCERN]
FILTERS = {
    "segregation-of-children": "theme=segregation&setting=yoi&setting=children-secure",
    "force-in-custody": "theme=use-of-force&population=children",
    "hmip-recent-years": "body=hmip&period=2022-23&period=2023-24&kind=recommendation",
}


@pytest.fixture
def world():
    """Reports of several bodies, settings and years, findings with varied themes and
    populations, a draft report whose findings must never count, and a repeated finding."""
    rng = random.Random(6)
    for n in range(24):
        report = ReportFactory(body=body(rng.choice(BODIES)), setting=setting(rng.choice(SETTINGS)),
                               published=date(rng.choice([2019, 2020, 2022, 2023, 2024]), rng.choice([2, 6, 11]), 4),
                               draft=n % 8 == 7)
        for __ in range(rng.randint(2, 6)):
            FindingFactory(report=report, kind=rng.choice(KINDS), themes=rng.sample(THEMES, rng.randint(1, 2)),
                           populations=["children"] if rng.random() < 0.4 else [])
    place = EstablishmentFactory(name="HMYOI Kelderbrook Vale")
    earlier = FindingFactory(report=ReportFactory(setting=setting("yoi"), published=date(2020, 3, 1), establishments=[place]),
                             text="Children were held in segregation for weeks without a plan.", themes=["segregation"])
    later = FindingFactory(report=ReportFactory(setting=setting("yoi"), published=date(2024, 3, 1), establishments=[place]),
                           text="Children were still segregated for weeks without a plan to return them.", themes=["segregation"])
    Repeat.objects.create(finding=later, earlier=earlier, relation=Relation.REPEAT, score=0.9)
    for slug, evidence in FILTERS.items():
        KeyIssue.objects.create(slug=slug, title=slug.replace("-", " ").capitalize(), is_published=True, evidence_filter=evidence)


def html(address: str) -> str:
    answer = Client().get(address)
    assert answer.status_code == 200, address
    return answer.content.decode()


def figure(text: str) -> int:
    return int(text.replace(",", ""))


def table(page: str, table_id: str) -> list[tuple[str, list[str]]]:
    """A table's rows as (attribute value or row heading, [cells])."""
    start = page.index(f'id="{table_id}"')
    body = page[page.index("<tbody", start):page.index("</tbody>", start)]
    rows = []
    for row in re.findall(r"<tr([^>]*)>(.*?)</tr>", body, re.S):
        key = re.search(r'data-\w+="([^"]+)"', row[0])
        heading = re.search(r"<th[^>]*>(.*?)</th>", row[1], re.S)
        cells = [re.sub(r"<[^>]+>|\s", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row[1], re.S)]
        rows.append((key.group(1) if key else re.sub(r"<[^>]+>", "", heading.group(1)).strip(), cells))
    return rows


def key_issue_figures(slug: str) -> dict:
    page = html(f"/key-issues/{slug}")
    total = figure(re.search(r'data-figure="total">([\d,]+)<', page).group(1))
    found = {"total": total}
    for dimension in ("year", "setting", "body"):
        found[dimension] = {key: figure(cells[0]) for key, cells in table(page, f"by-{dimension}")} if total else {}
    return found


def findings_page_figures(query: str) -> dict:
    page = html(f"/findings?{query}")
    total = figure(re.search(r'id="results-count"[^>]*>\s*([\d,]+) finding', page).group(1))
    facets = {}
    for dimension in ("setting", "body"):
        facets[dimension] = {value: figure(count) for value, count in re.findall(
            rf'name="{dimension}" type="checkbox" value="([^"]+)"[^>]*>\s*<label[^>]*>.*?npm-facet-count">\(([\d,]+)', page, re.S)}
    return {"total": total, **facets}


def trends_by_year(query: str) -> dict:
    page = html(f"/trends?interval=year&{query}")
    if "trends-table" not in page:
        return {}
    return {year: figure(cells[-1]) for year, cells in table(page, "trends-table")}  # the "All findings" column


@pytest.mark.parametrize("slug", FILTERS)
def test_a_key_issue_shows_the_dashboards_own_figures_for_its_filter(world, slug):
    shown = key_issue_figures(slug)
    dashboard = findings_page_figures(FILTERS[slug])
    assert shown["total"] > 0
    assert shown["total"] == dashboard["total"]
    assert shown["year"] == trends_by_year(FILTERS[slug])
    assert sum(shown["year"].values()) == shown["total"]
    for dimension in ("setting", "body"):
        # /findings counts each facet without its own filter, so it also offers values the key
        # issue left out (the other settings); every value the key issue shows must agree.
        assert shown[dimension], dimension
        assert {v: dashboard[dimension].get(v) for v in shown[dimension]} == shown[dimension]


def test_the_filters_pick_out_different_evidence(world):
    totals = {slug: key_issue_figures(slug)["total"] for slug in FILTERS}
    assert len(set(totals.values())) == len(FILTERS)


def test_a_key_issue_links_to_its_findings_and_trends_and_lists_recent_and_repeated_findings(world):
    page = html("/key-issues/segregation-of-children")
    assert 'href="/findings?setting=yoi&amp;setting=children-secure&amp;theme=segregation"' in page
    assert 'href="/trends?interval=year&amp;setting=yoi&amp;setting=children-secure&amp;theme=segregation"' in page
    recent = page[page.index('id="recent"'):page.index('id="repeated"')]
    assert "Children were still segregated" in recent
    repeated = page[page.index('id="repeated"'):]
    assert "Raised in 2 reports" in repeated and "HMYOI Kelderbrook Vale" in repeated
    assert "Raised in" not in html("/key-issues/force-in-custody")  # neither finding is about force


def test_a_draft_key_issue_and_draft_tracker_items_stay_hidden():
    issue = KeyIssue.objects.create(slug="strip-searching", title="Strip searching of children", evidence_filter="theme=security-searching")
    assert Client().get("/key-issues/strip-searching").status_code == 404
    assert "Strip searching" not in html("/key-issues")
    issue.is_published = True
    issue.save()
    shown = Item.objects.create(slug="searching-guidance", title="Searching guidance review", is_published=True)
    hidden = Item.objects.create(slug="unannounced-inquiry", title="Unannounced inquiry", is_published=False)
    shown.key_issues.add(issue)
    hidden.key_issues.add(issue)
    page = html("/key-issues/strip-searching")
    assert "Searching guidance review" in page and "Unannounced inquiry" not in page
    assert "Strip searching of children" in html("/key-issues")


def test_the_analysis_is_markdown_with_scripts_and_handlers_taken_out():
    KeyIssue.objects.create(slug="restraint", title="Restraint", is_published=True, analysis=(
        "## Why it matters\n\nRestraint of **children** is [reviewed](https://example.org/review).\n\n"
        "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n[bad](javascript:alert(1))\n\n- one\n- two"))
    page = html("/key-issues/restraint")
    assert '<h2 class="govuk-heading-m">Why it matters</h2>' in page
    assert "<strong>children</strong>" in page and 'href="https://example.org/review"' in page
    assert "<li>one</li>" in page
    assert "alert(" not in page and "onerror" not in page and "javascript:" not in page


def test_an_editor_writes_a_key_issue_with_standards_and_a_filter_the_dashboard_understands():
    client = sign_in(Client(), staff_member("editor"))
    mandela, echr = Standard.objects.get(slug="mandela-rules"), Standard.objects.get(slug="echr-article-3")
    refused = client.post("/manage/key-issues/new", {"title": "Segregation", "slug": "segregation", "evidence_filter": "theme=segregaton"})
    assert refused.status_code == 400 and "would ignore" in refused.content.decode()
    client.post("/manage/key-issues/new", {"title": "Segregation", "slug": "segregation", "standards": [mandela.id, echr.id],
                                           "evidence_filter": "https://dashboard.example/findings?theme=segregation&setting=yoi"})
    issue = KeyIssue.objects.get(slug="segregation")
    assert issue.evidence_filter == "setting=yoi&theme=segregation" and not issue.is_published
    client.post(f"/manage/key-issues/{issue.id}/publish")
    page = html("/key-issues/segregation")
    assert "Nelson Mandela Rules" in page and "ECHR article 3" in page


def test_the_standards_vocabulary_is_seeded():
    groups = set(Standard.objects.values_list("group", flat=True))
    assert {"OPCAT", "European Convention on Human Rights", "UN Convention against Torture", "UN rules", "Council of Europe", "UN conventions"} <= groups
    assert Standard.objects.filter(slug__in=["mandela-rules", "bangkok-rules", "havana-rules", "cpt-standards", "crpd"]).count() == 5


def test_a_key_issue_lists_the_published_letters_about_it_and_no_other():
    from scrutiny.correspondence.models import Letter

    issue = KeyIssue.objects.create(slug="segregation", title="Segregation of children", evidence_filter="theme=segregation",
                                    is_published=True)
    common = {"recipient_role": "Minister for Prisons", "recipient_organisation": "Ministry of Justice",
              "recipient_nation": "uk", "sent_on": date(2025, 12, 19), "summary": "On segregation."}
    sent = Letter.objects.create(subject="Ending the segregation of children", status="sent", is_published=True, **common)
    unpublished = Letter.objects.create(subject="A letter kept off the register", status="sent", is_published=False, **common)
    draft = Letter.objects.create(subject="A draft to the Minister", status="draft", is_published=True, **common)
    for letter in (sent, unpublished, draft):
        letter.key_issues.add(issue)
    page = html("/key-issues/segregation")
    assert "Ending the segregation of children" in page and f"/correspondence/{sent.id}" in page
    assert "A letter kept off the register" not in page and "A draft to the Minister" not in page
