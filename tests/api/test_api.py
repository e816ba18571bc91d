"""The JSON API under /api/v1/: the same filters as the pages, pages of results that add up to
the count, unknown values reported rather than refused, and published records only."""

import json
import re

import pytest
from django.urls import reverse

from scrutiny.findings.query import parse

pytestmark = pytest.mark.django_db

API = "/api/v1"


def get(client, address: str) -> dict:
    response = client.get(address)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def page_ids(client, query: str) -> list[int]:
    html = client.get(reverse("findings") + query).content.decode()
    listed = html.split('class="npm-finding-list"', 1)
    return [] if len(listed) == 1 else [
        int(i) for i in dict.fromkeys(re.findall(r'href="/findings/(\d+)"', listed[1].split("</ul>", 1)[0]))
    ]


def test_the_description_is_served_at_its_stable_address(client):
    description = get(client, "/api/openapi.json")
    assert description["info"]["version"] == "1"
    assert {"/api/v1/findings", "/api/v1/findings/{finding_id}", "/api/v1/reports", "/api/v1/counts", "/api/v1/facets",
            "/api/v1/themes", "/api/v1/establishments", "/api/v1/bodies"} <= set(description["paths"])
    names = {p["name"] for p in description["paths"]["/api/v1/findings"]["get"]["parameters"]}
    assert {"body", "setting", "nation", "year", "period", "kind", "theme", "population", "status", "q", "from", "to",
            "page", "page_size"} <= names
    assert client.get("/api/docs").status_code == 404  # no page that would fetch scripts from a CDN


@pytest.mark.parametrize("query", ["", "body=hmip", "theme=segregation", "theme=segregation&theme=food", "q=children",
                                   "setting=yoi&kind=recommendation", "period=2024-25", "status=achieved",
                                   "population=children", "from=2024-06-01&to=2024-12-31"])
def test_the_api_filters_as_the_findings_page_does(client, world, query):
    answer = get(client, f"{API}/findings?{query}")
    assert [r["id"] for r in answer["results"]] == page_ids(client, f"?{query}")
    assert answer["count"] == len(answer["results"])


def test_pages_of_results_add_up_to_the_count_and_link_to_each_other(client, world):
    seen, address = [], f"{API}/findings?theme=segregation&theme=food&page_size=2"
    pages = 0
    while address:
        answer = get(client, address)
        seen += [r["id"] for r in answer["results"]]
        assert answer["page_size"] == 2 and len(answer["results"]) <= 2
        address = answer["next"]
        if address:
            assert address.startswith("http://testserver/api/v1/findings?") and "theme=food" in address
        pages += 1
    assert len(seen) == len(set(seen)) == answer["count"] == 4 and pages == 2
    assert seen == parse({"theme": ["segregation", "food"]}).ids(0, 10)
    back = get(client, answer["previous"])
    assert back["page"] == 1 and back["previous"] is None


def test_unknown_values_are_ignored_and_reported_as_on_the_page(client, world):
    answer = get(client, f"{API}/findings?body=nobody&theme=segregation&year=soon&from=yesterday")
    assert answer["count"] == 3
    assert {(i["parameter"], i["value"]) for i in answer["ignored"]} == {("body", "nobody"), ("year", "soon"), ("from", "yesterday")}
    assert all(i["reason"] for i in answer["ignored"])


def test_a_page_size_over_the_limit_is_refused_with_a_reason(client, world):
    response = client.get(f"{API}/findings?page_size=100000")
    assert response.status_code == 422 and "page_size" in response.content.decode()


def test_one_finding_and_one_report_with_its_findings(client, world):
    finding = world["findings"][0]
    answer = get(client, f"{API}/findings/{finding.id}")
    assert answer["text"] == finding.text and answer["themes"] == ["segregation"] and answer["status"] == "achieved"
    report = get(client, f"{API}/reports/{finding.report_id}")
    assert [f["id"] for f in report["findings"]] == [world["findings"][0].id, world["findings"][1].id]
    assert report["finding_count"] == 2 and report["establishments"] == ["HMP Kelderbrook"]


def test_unpublished_records_answer_as_ids_that_never_existed(client, world):
    never = client.get(f"{API}/findings/987654")
    assert never.status_code == 404
    for address in (f"{API}/findings/{world['hidden'].id}", f"{API}/reports/{world['draft'].id}"):
        response = client.get(address)
        assert (response.status_code, response.content) == (never.status_code, never.content)
    reports = get(client, f"{API}/reports?page_size=500")
    assert world["draft"].id not in [r["id"] for r in reports["results"]] and reports["count"] == 4
    assert "Quillwort" not in json.dumps(get(client, f"{API}/findings?q=segregation&page_size=500"))


def test_reports_filter_by_body_and_year(client, world):
    answer = get(client, f"{API}/reports?body=hmip&year=2024&year=1066")
    assert [r["id"] for r in answer["results"]] == [world["reports"][1].id]
    assert [i["parameter"] for i in answer["ignored"]] == ["year"]


def test_counts_by_any_dimensions_match_the_shared_query(client, world):
    answer = get(client, f"{API}/counts?by=year&by=theme&body=hmip&by=colour")
    assert answer["by"] == ["year", "theme"]
    table = {(r["year"], r["theme"]): r["count"] for r in answer["rows"]}
    assert table == {("2023", "segregation"): 1, ("2023", "early-days"): 1, ("2024", "segregation"): 1, ("2024", "use-of-force"): 1}
    assert answer["count"] == 4 and [i["value"] for i in answer["ignored"]] == ["colour"]
    assert get(client, f"{API}/counts?kind=recommendation")["rows"] == [{"count": 4}]


def test_facets_count_each_filter_over_the_others(client, world):
    answer = get(client, f"{API}/facets?theme=segregation")
    themes = {v["value"]: v for v in answer["facets"]["theme"]}
    assert themes["segregation"]["selected"] and themes["food"]["count"] == 1
    assert {v["value"]: v["count"] for v in answer["facets"]["body"]} == {"hmip": 2, "cqc": 1}


def test_vocabularies_bodies_and_establishments(client, world):
    assert "segregation" in [t["slug"] for t in get(client, f"{API}/themes")]
    assert [n["slug"] for n in get(client, f"{API}/nations")] == ["england", "wales", "scotland", "northern-ireland"]
    assert {"yoi", "police-custody"} <= {s["slug"] for s in get(client, f"{API}/settings")}
    assert "children" in [p["slug"] for p in get(client, f"{API}/populations")]
    bodies = {b["slug"]: b for b in get(client, f"{API}/bodies")}
    assert bodies["hmip"]["report_count"] == 2  # the draft is not counted
    places = get(client, f"{API}/establishments")
    assert [p["name"] for p in places["results"]] == ["HMP Kelderbrook", "HMYOI Ashcombe Vale"]
    assert get(client, f"{API}/establishments/hmp-kelderbrook")["report_count"] == 2


def test_the_bodies_are_the_npms_21_and_the_sheriff_courts_findings_stay_reachable(client, world):
    from factories import FindingFactory, ReportFactory, body
    from scrutiny.catalogue.reference import read_reference

    determination = ReportFactory(body=body("scottish-fai"), report_type="fai-determination", establishments=[])
    finding = FindingFactory(report=determination, text="The Scottish Prison Service should review night checks.")
    listed = [b["slug"] for b in get(client, f"{API}/bodies")]
    npm = {row["slug"] for row in read_reference("bodies") if row["membership"] != "external"}
    assert len(listed) == len(npm) == 21 and set(listed) == npm and "scottish-fai" not in listed
    answer = get(client, f"{API}/findings?body=scottish-fai")
    assert [r["id"] for r in answer["results"]] == [finding.id] == page_ids(client, "?body=scottish-fai")
