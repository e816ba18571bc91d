"""Every page, read through Django's test client as a visitor would: what it shows, what it
never shows (anything unpublished), and that odd addresses get an answer rather than an error."""

import html
import re
from datetime import date

import pytest
from django.urls import reverse

from factories import EstablishmentFactory, FindingFactory, ReportFactory, body
from scrutiny.dashboard import services

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    """The page's words as a reader meets them: inline tags vanish, block tags part words."""
    page = response.content.decode()
    page = re.sub(r"<script.*?</script>", " ", page, flags=re.S)
    page = re.sub(r"</?(?:a|span|strong|abbr|code)\b[^>]*>", "", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.fixture
def kelderbrook():
    place = EstablishmentFactory(name="HMP Kelderbrook", aliases=["HMP & YOI Kelderbrook"])
    report = ReportFactory(body=body("hmip"), establishments=[place], published=date(2024, 6, 4))
    FindingFactory(report=report, position=1, kind="priority_concern", number="1", text="Staff should use force only as a last resort.", themes=["use-of-force"])
    FindingFactory(report=report, position=2, kind="recommendation", number="2", text="The kitchen should be refurbished.", themes=["food"])
    FindingFactory(report=report, position=3, kind="good_practice", number="", text="Visits were child friendly.", themes=["family-contact"])
    return place, report


@pytest.fixture
def draft():
    report = ReportFactory(body=body("cqc"), title="Draft report on Secretmoor", draft=True,
                           establishments=[EstablishmentFactory(name="HMP Secretmoor", needs_review=True)])
    finding = FindingFactory(report=report, text="A secret kitchen finding.", themes=["food"])
    return report, finding


def test_every_page_has_one_heading_and_a_title(client, kelderbrook):
    place, report = kelderbrook
    finding = report.findings.first()
    for address in ["/", "/findings", f"/findings/{finding.id}", "/reports", f"/reports/{report.id}",
                    "/establishments", f"/establishments/{place.slug}", "/bodies", "/bodies/hmip", "/about", "/accessibility"]:
        response = client.get(address)
        assert response.status_code == 200, address
        html = response.content.decode()
        assert html.count("<h1") == 1, address
        assert re.search(r"<title>[^<]+ – Reporting Dashboard – UK National Preventive Mechanism</title>|<title>Reporting Dashboard", html), address
        assert 'lang="en-GB"' in html and 'id="main-content"' in html, address


def test_the_home_page_counts_recommendations(client, kelderbrook):
    page = text_of(client.get("/"))
    assert "1 recommendation 2 concerns of every kind" in page
    assert "1 example of good practice" in page
    assert "3 findings from 1 published report by 1 body" in page


def test_the_findings_list_shows_each_finding_with_where_it_was_printed(client, kelderbrook):
    place, report = kelderbrook
    page = text_of(client.get("/findings"))
    assert "3 findings" in page
    assert "Staff should use force only as a last resort." in page
    assert f"{report.title} · HMIP · HMP Kelderbrook · published 4 June 2024 · page" in page


def test_facets_show_counts_and_selected_filters_have_remove_links(client, kelderbrook):
    response = client.get("/findings?theme=food&theme=use-of-force&kind=recommendation")
    html = response.content.decode()
    assert "1 finding" in text_of(response)
    assert re.search(r'value="food" checked>\s*<label[^>]*>\s*Food and nutrition <span class="npm-facet-count">\(1', html)
    assert 'href="/findings?theme=food&amp;theme=use-of-force"' in html  # removes kind=recommendation
    assert 'href="/findings?kind=recommendation&amp;theme=use-of-force"' in html  # removes theme=food


def test_search_from_the_findings_page(client, kelderbrook):
    page = text_of(client.get("/findings?q=refurbishing+kitchens"))
    assert "1 finding matching “refurbishing kitchens”" in page


@pytest.mark.parametrize("address", [
    "/findings?body=nope&year=abc&period=2024-26&kind=gripe&q=%22AND%22*",
    "/findings?page=999", "/findings?page=-1", "/findings?page=x", "/findings?year=99999999999999999999",
    "/findings?q=" + "x" * 5000, "/reports?body=nope&page=x",
])
def test_odd_addresses_get_a_page_not_an_error(client, kelderbrook, address):
    assert client.get(address).status_code == 200


def test_ignored_filters_are_explained(client, kelderbrook):
    page = text_of(client.get("/findings?body=nope&kind=recommendation"))
    assert "body=nope: there is no body “nope”" in page
    assert "1 finding" in page


def test_a_finding_shows_its_provenance_and_neighbours(client, kelderbrook):
    _, report = kelderbrook
    middle = report.findings.get(position=2)
    page = text_of(client.get(f"/findings/{middle.id}"))
    assert "The kitchen should be refurbished." in page
    for expected in ["Report " + report.title, "Body HM Inspectorate of Prisons", "Establishment HMP Kelderbrook",
                     "Published 4 June 2024", "Food and nutrition Theme Rule", "Recommendation 2 (this finding)",
                     "Priority concern 1:", "Good practice:"]:
        assert expected in page


def test_a_report_lists_its_findings_by_heading_with_counts(client, kelderbrook):
    _, report = kelderbrook
    page = text_of(client.get(f"/reports/{report.id}"))
    assert "Priority concerns (1 finding)" in page
    assert "Notable positive practice (1 finding)" in page
    assert "Recommendation 1" in page


def test_an_establishment_shows_its_history_and_other_names(client, kelderbrook):
    place, report = kelderbrook
    page = text_of(client.get(f"/establishments/{place.slug}"))
    assert "Also published as HMP & YOI Kelderbrook" in page
    assert "2024 1 1 1 3" in page  # priority concern, recommendation, good practice, all
    assert report.title in page


def test_a_body_page_and_the_list_of_bodies(client, kelderbrook):
    assert "HM Inspectorate of Prisons (HMIP), coordinator" in text_of(client.get("/bodies"))
    page = text_of(client.get("/bodies/hmip"))
    assert "All 1 report" in page and "2024 1 1 1 3" in page


@pytest.fixture
def determination():
    """A sheriff's FAI determination: published, but from a source outside the NPM."""
    prison = EstablishmentFactory(name="HMP Glenmorrach")
    report = ReportFactory(body=body("scottish-fai"), report_type="fai-determination", establishments=[prison],
                           title="Determination: inquiry into the death of Ryan Baird", published=date(2024, 3, 8))
    FindingFactory(report=report, position=1, kind="recommendation", number="1",
                   text="The Scottish Prison Service should review the Talk to Me strategy.")
    return report


def test_the_list_of_bodies_names_the_21_npm_bodies_and_not_the_sheriff_courts(client, kelderbrook, determination):
    from scrutiny.catalogue.reference import read_reference

    page = client.get("/bodies").content.decode()
    listed = re.findall(r'<td class="govuk-table__cell"><a class="govuk-link" href="/bodies/([\w-]+)"', page)
    npm = {row["slug"] for row in read_reference("bodies") if row["membership"] != "external"}
    assert len(listed) == len(npm) == 21 and set(listed) == npm
    assert "Sheriff courts" not in page and "/bodies/scottish-fai" not in page


def test_the_sheriff_courts_keep_their_own_page_and_findings_filter(client, kelderbrook, determination):
    page = text_of(client.get("/bodies/scottish-fai"))
    assert "Sheriff courts: fatal accident inquiries" in page and determination.title in page
    findings = text_of(client.get("/findings?body=scottish-fai"))
    assert "1 finding" in findings and "review the Talk to Me strategy" in findings
    assert "kitchen should be refurbished" not in findings


def test_nothing_unpublished_is_shown_anywhere(client, kelderbrook, draft):
    report, finding = draft
    assert client.get(f"/reports/{report.id}").status_code == 404
    assert client.get(f"/findings/{finding.id}").status_code == 404
    assert client.get("/establishments/hmp-secretmoor").status_code == 404
    for address in ["/", "/findings", "/findings?q=secret", "/findings?body=cqc", "/reports", "/establishments",
                    "/bodies", "/bodies/cqc"]:
        html = client.get(address).content.decode()
        assert "Secretmoor" not in html and "secret kitchen" not in html, address
    assert "0 findings" in text_of(client.get("/findings?body=cqc"))
    assert "3 findings" in text_of(client.get("/findings"))


def test_an_unpublished_finding_of_a_published_report_is_hidden_from_it(client, kelderbrook):
    _, report = kelderbrook
    hidden = FindingFactory(report=report, position=9, is_published=False, text="Withdrawn while corrected.")
    assert client.get(f"/findings/{hidden.id}").status_code == 404
    assert "Withdrawn while corrected" not in client.get(f"/reports/{report.id}").content.decode()


def test_unknown_addresses_get_the_page_not_found(client):
    for address in ["/findings/999999", "/reports/999999", "/establishments/nowhere", "/bodies/nobody", "/nope"]:
        response = client.get(address)
        assert response.status_code == 404
        assert "Page not found" in response.content.decode()


def test_the_accessibility_statement_keeps_its_review_date(client):
    page = text_of(client.get(reverse("accessibility")))
    assert f"last reviewed on {services.ACCESSIBILITY_REVIEWED.day} " in page
    gap = services.ACCESSIBILITY_NEXT_REVIEW - services.ACCESSIBILITY_REVIEWED
    assert 0 < gap.days <= 366


def test_a_long_list_of_findings_costs_no_more_queries_than_a_short_one(client, django_assert_max_num_queries):
    for n in range(3):
        FindingFactory.create_batch(20, report=ReportFactory(), themes=["food"])
    # Vocabularies, count, page, prefetches, and one GROUP BY per facet: never one per finding.
    with django_assert_max_num_queries(25):
        assert client.get("/findings?theme=food&q=kitchen").status_code == 200


def test_serve_is_a_scrutiny_command_that_says_how_to_build_the_styles(monkeypatch, tmp_path):
    from scrutiny.cli import build_parser
    from scrutiny.dashboard import commands

    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.func) == ("127.0.0.1", 8000, commands.run_serve)
    monkeypatch.setattr(commands, "STATIC_BUILD", tmp_path)
    assert "npm ci && npm run build" in commands.static_build_problem()


def test_a_source_address_that_is_not_a_web_address_is_not_linked(client):
    report = ReportFactory(source_url="javascript:alert(1)", file_name="<b>report</b>.pdf")
    html = client.get(f"/reports/{report.id}").content.decode()
    assert "javascript:" not in html and "&lt;b&gt;report&lt;/b&gt;.pdf" in html


def test_the_server_error_page_draws_without_a_request_or_a_database():
    from django.test import RequestFactory
    from django.views.defaults import server_error

    response = server_error(RequestFactory().get("/findings"))
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_a_rule_tag_says_which_words_of_the_finding_triggered_it(client):
    from scrutiny.catalogue.models import Theme
    from scrutiny.findings.models import Tag

    finding = FindingFactory(text="The kitchen should be refurbished and meals served hot.")
    Tag.objects.create(finding=finding, theme=Theme.objects.get(slug="food"), origin="rule", evidence="kitchen, meals")
    page = text_of(client.get(reverse("finding", args=[finding.id])))
    assert "Rule, because the finding says “kitchen”, “meals”" in page


@pytest.mark.django_db
def test_the_publications_page_links_the_business_plan_only_once_one_is_published(client):
    from scrutiny.business_plan.models import Plan

    assert "/business-plan" not in client.get("/publications").content.decode()
    Plan.objects.create(slug="2026-27", title="NPM business plan 2026-27", is_published=True,
                        first_month=date(2026, 4, 1), last_month=date(2027, 3, 1))
    page = client.get("/publications").content.decode()
    assert "/business-plan" in page and client.get("/business-plan").status_code == 200
