"""The downloads of /findings: the same findings as the page for the same address, every cell a
spreadsheet would run made harmless, and each file saying where, when, what filter and licence."""

import io
import json
import re
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from factories import EstablishmentFactory, FindingFactory, ReportFactory, body
from scrutiny.api import exports, finding_rows
from scrutiny.api.finding_rows import COLUMNS
from scrutiny.historic.template import restore

pytestmark = pytest.mark.django_db

FILTERS = ["", "?body=hmip", "?theme=segregation", "?theme=segregation&body=cqc", "?q=children",
           "?year=2024&kind=recommendation", "?from=2024-06-01&to=2024-12-31", "?theme=segregation&q=segregated"]


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def page_ids(client, query: str) -> list[int]:
    """The findings the /findings page lists for this address, in its order (one page: the
    world is smaller than a page)."""
    html = client.get(reverse("findings") + query).content.decode()
    listed = html.split('class="npm-finding-list"', 1)
    if len(listed) == 1:
        return []
    return [int(i) for i in dict.fromkeys(re.findall(r'href="/findings/(\d+)"', listed[1].split("</ul>", 1)[0]))]


def csv_export(client, query: str):
    response = client.get(reverse("findings_csv") + query)
    assert response.status_code == 200
    return response, exports.read_csv(body_of(response).decode("utf-8"))


@pytest.mark.parametrize("query", FILTERS)
def test_each_export_lists_the_same_findings_as_the_page_in_the_same_order(client, world, query):
    expected = page_ids(client, query)
    _, (_, rows) = csv_export(client, query)
    assert [int(r["id"]) for r in rows] == expected
    document = json.loads(body_of(client.get(reverse("findings_json") + query)))
    assert [r["id"] for r in document["rows"]] == expected
    assert document["count"] == len(expected)
    book = openpyxl.load_workbook(io.BytesIO(body_of(client.get(reverse("findings_xlsx") + query))))
    assert [row[0] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)] == expected


def test_the_columns_are_those_documented_and_cells_describe_the_finding(client, world):
    finding = world["findings"][3]
    _, (_, rows) = csv_export(client, "?theme=use-of-force")
    assert list(rows[0]) == COLUMNS
    row = rows[0]
    assert row["id"] == str(finding.id)
    assert row["address"] == f"http://testserver/findings/{finding.id}"
    assert row["kind"] == "recommendation" and row["body"] == "hmip" and row["setting"] == "yoi"
    assert row["published"] == "2024-06-04" and row["themes"] == "use-of-force" and row["populations"] == "children"
    assert row["establishments"] == "HMYOI Ashcombe Vale"
    assert row["report_id"] == str(finding.report_id) and row["report_title"] == finding.report.title


def test_formula_cells_are_neutralised_and_read_back_to_the_same_text(client, world):
    texts = {f.id: f.text for f in world["findings"]}
    dangerous = {i for i, t in texts.items() if t[0] in "=+-@"}
    assert len(dangerous) == 3
    _, (_, rows) = csv_export(client, "")
    for row in rows:
        cell = row["text"]
        if int(row["id"]) in dangerous:
            assert cell.startswith("'")
        assert restore(cell) == texts[int(row["id"])]
    book = openpyxl.load_workbook(io.BytesIO(body_of(client.get(reverse("findings_xlsx")))))
    sheet = book.worksheets[0]
    text_column = COLUMNS.index("text")
    for values in sheet.iter_rows(min_row=2, values_only=True):
        assert restore(values[text_column]) == texts[values[0]]
        assert not str(values[text_column]).startswith(("=", "+", "-", "@"))
    # JSON is data, not a spreadsheet: the text is exactly the finding's.
    document = json.loads(body_of(client.get(reverse("findings_json"))))
    assert {r["id"]: r["text"] for r in document["rows"]} == texts


def test_each_export_says_its_source_date_filter_and_licence(client, world):
    query = "?theme=segregation&body=hmip"
    response, (about, _) = csv_export(client, query)
    assert about["source"] == "http://testserver/findings?body=hmip&theme=segregation"
    assert about["produced"] == date.today().isoformat()
    assert about["filter"] == "Body: HM Inspectorate of Prisons; Theme: Segregation, seclusion and separation"
    assert about["query_string"] == "body=hmip&theme=segregation"
    assert "Open Government Licence v3.0" in about["licence"] and "nationalarchives.gov.uk" in about["licence"]
    assert response["Content-Disposition"] == f'attachment; filename="findings-{date.today().isoformat()}.csv"'

    meta = json.loads(body_of(client.get(reverse("findings_json") + query)))["meta"]
    assert meta["source"] == about["source"] and meta["licence"]["name"] == "Open Government Licence v3.0"

    book = openpyxl.load_workbook(io.BytesIO(body_of(client.get(reverse("findings_xlsx") + query))))
    assert book.sheetnames == ["Findings", "About this data"]
    notes = dict(book["About this data"].iter_rows(values_only=True))
    assert notes["source"] == about["source"] and notes["filter"] == about["filter"]


def test_the_csv_table_starts_after_a_fixed_number_of_lines(client, world):
    _, (about, rows) = csv_export(client, "")
    text = body_of(client.get(reverse("findings_csv"))).decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[exports.ABOUT_LINES - 1] == "" and lines[exports.ABOUT_LINES].startswith("id,address,")


def test_the_json_twin_carries_count_facets_and_what_was_ignored(client, world):
    document = json.loads(body_of(client.get(reverse("findings_json") + "?theme=segregation&body=nobody&year=twenty")))
    assert document["count"] == 3
    by_value = {v["value"]: v for v in document["facets"]["body"]}
    assert by_value["hmip"]["count"] == 2 and by_value["cqc"]["count"] == 1
    assert {(i["parameter"], i["value"]) for i in document["ignored"]} == {("body", "nobody"), ("year", "twenty")}


def test_nothing_unpublished_is_exported(client, world):
    for name in ("findings_csv", "findings_json", "findings_xlsx"):
        assert b"Quillwort" not in body_of(client.get(reverse(name) + "?q=segregation"))


def test_a_large_csv_export_streams_every_finding(client, settings):
    report = ReportFactory(body=body("imb"), published=date(2022, 3, 3), establishments=[])
    FindingFactory.create_batch(2500, report=report)
    response = client.get(reverse("findings_csv"))
    assert response.streaming
    chunks = list(response.streaming_content)
    # written as it goes, a batch at a time, not as one piece (the first three: about, a blank line, the header)
    assert len(chunks[3:]) >= 2500 // finding_rows.BATCH >= 2
    _, rows = exports.read_csv(b"".join(chunks).decode("utf-8"))
    assert len(rows) == 2500 and len({r["id"] for r in rows}) == 2500


def test_the_json_twin_is_the_page_as_data_and_page_all_is_every_finding(client, world, monkeypatch):
    from scrutiny.api import findings_export

    monkeypatch.setattr(findings_export, "PAGE_SIZE", 2)
    expected = page_ids(client, "")
    first = json.loads(body_of(client.get(reverse("findings_json"))))
    second = json.loads(body_of(client.get(first["next"].removeprefix("http://testserver"))))
    assert [r["id"] for r in first["rows"]] == expected[:2]
    assert [r["id"] for r in second["rows"]] == expected[2:4]
    assert first["count"] == second["count"] == len(expected)
    everything = json.loads(body_of(client.get(reverse("findings_json") + "?page=all")))
    assert [r["id"] for r in everything["rows"]] == expected


def test_the_fast_csv_reads_back_as_the_general_writer_writes_the_same_rows(client, world, rf):
    """/findings.csv writes its lines itself (finding_rows.csv_lines_for); read back, every cell
    must equal what the general writer (the csv module over rows_for's dicts, as every other
    table's CSV is written) gives for the same findings, cells a spreadsheet or a CSV reader
    would trip on included."""
    from django.http import QueryDict

    from scrutiny.api.finding_rows import finding_address, finding_rows
    from scrutiny.findings.query import parse

    places = [EstablishmentFactory(name='HMP "Old" Gaol, Annexe'), EstablishmentFactory(name="=Cells")]
    report = ReportFactory(body=body("ciw"), published=date(2024, 3, 9), establishments=places,
                           title="Report, with \"quotes\"\nand a new line", setting=None, nation=None)
    awkward = [
        "Commas, \"quotes\", and\r\na CRLF", "'=already quoted formula", "+44 telephone line", "\ttab first",
        "Ünïcödé — dash, ‘curly’", "'plain apostrophe", "-", "", "\rcarriage return first",
    ]
    for position, text in enumerate(awkward, start=1):
        FindingFactory(report=report, position=position, text=text, number=f"-{position}" if position % 2 else "1,2",
                       section="@section, one" if position % 3 else "", page=None if position % 2 else position,
                       themes=["segregation", "food"][: position % 3], populations=["children"] if position % 4 else [])
    request = rf.get("/findings.csv")
    general = "".join(exports.csv_lines(exports.Table(COLUMNS, finding_rows(parse(QueryDict("")), finding_address(request))),
                                        exports.about_for(request, "Findings", parse(QueryDict("")), "findings")))
    _, (about, rows) = csv_export(client, "")
    expected_about, expected = exports.read_csv(general)
    assert rows == expected and len(rows) == len(world["findings"]) + len(awkward)
    assert about == expected_about
    assert any('"' in row["text"] and "\r\n" in row["text"] for row in rows)
    assert {row["establishments"] for row in rows if row["report_id"] == str(report.id)} == {"'=Cells; HMP \"Old\" Gaol, Annexe"}
