"""What the public sees of repeats: "raised N times since YEAR" on a finding's page with links to
the earlier findings, similar findings elsewhere, and the most repeated view with its counts.
Nothing from an unpublished report: not a link, not a count, not a bridge between two others."""

import re
from datetime import date

import pytest
from django.test import Client

from factories import EstablishmentFactory, FindingFactory, ReportFactory, body, staff_member
from scrutiny.curation import services
from scrutiny.repeats.models import Repeat
from scrutiny.repeats.services import rebuild

pytestmark = pytest.mark.django_db

TEN_HOURS = [
    "Prisoners should have at least 10 hours out of cell a day.",
    "The prison should ensure that all prisoners spend at least ten hours a day unlocked.",
    "All prisoners should spend at least ten hours a day out of their cells.",
]
SEGREGATION = "Segregated prisoners should have a daily shower and exercise in the open air."


def inspected(place, year: int, text: str, draft: bool = False, reporter: str = "hmip", themes=()):
    report = ReportFactory(body=body(reporter), published=date(year, 6, 1), establishments=[place], draft=draft)
    return FindingFactory(report=report, text=text, themes=list(themes))


@pytest.fixture
def ashcombe():
    """HMP Ashcombe told three times to unlock prisoners for ten hours (2016, 2019, 2023); a
    prison elsewhere told the same in 2021; and one segregation finding at Ashcombe raised twice."""
    place, other = EstablishmentFactory(name="HMP Ashcombe Vale"), EstablishmentFactory(name="HMP Crannoch")
    world = {
        "place": place,
        "2016": inspected(place, 2016, TEN_HOURS[0], themes=["time-out-of-cell"]),
        "2019": inspected(place, 2019, TEN_HOURS[1]),
        "2023": inspected(place, 2023, TEN_HOURS[2]),
        "elsewhere": inspected(other, 2021, TEN_HOURS[1], reporter="hmips"),
        "seg-2018": inspected(place, 2018, SEGREGATION, themes=["segregation"]),
        "seg-2022": inspected(place, 2022, SEGREGATION, themes=["segregation"]),
    }
    rebuild()
    return world


def text_of(response) -> str:
    """The page, less what differs between any two requests (form tokens, the script nonce)."""
    assert response.status_code == 200
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return re.sub(r'nonce="[^"]+"', "", text)


def test_a_finding_page_says_how_often_it_was_raised_and_links_the_earlier_findings(ashcombe, client):
    page = text_of(client.get(f"/findings/{ashcombe['2023'].id}"))
    assert "Raised 3 times since 2016" in page
    for year in ("2016", "2019"):
        assert f'href="/findings/{ashcombe[year].id}"' in page
    shared = page.split('id="shared-concerns"', 1)[1]
    assert f'href="/findings/{ashcombe["elsewhere"].id}"' in shared and "HMP Crannoch" in shared and "HMIPS" in shared


def test_the_first_finding_of_a_chain_lists_the_later_ones(ashcombe, client):
    page = text_of(client.get(f"/findings/{ashcombe['2016'].id}"))
    assert "First raised here in 2016" in page and "Raised 3 times" not in page
    later = page.split('id="repeat-later"', 1)[1]
    assert later.index(f"/findings/{ashcombe['2019'].id}") < later.index(f"/findings/{ashcombe['2023'].id}")


def test_a_finding_never_repeated_says_nothing_about_repeats(client):
    lonely = inspected(EstablishmentFactory(), 2020, SEGREGATION)
    page = text_of(client.get(f"/findings/{lonely.id}"))
    assert 'id="repeats"' not in page and 'id="shared-concerns"' not in page


def test_the_most_repeated_view_counts_each_repeated_finding_once_with_its_years(ashcombe, client):
    page = text_of(client.get("/repeats"))
    assert "2 repeated findings" in page
    rows = page.split('id="repeated-findings"', 1)[1].split("<tbody", 1)[1].split("</tr>")
    first, second = rows[0], rows[1]
    assert f"/findings/{ashcombe['2023'].id}#repeats" in first and ">3<" in first and ">2016<" in first and ">2023<" in first
    assert f"/findings/{ashcombe['seg-2022'].id}#repeats" in second and ">2<" in second and ">2018<" in second
    assert "HMP Crannoch" not in page  # a shared concern elsewhere is not a repeat


def test_the_most_repeated_view_groups_and_filters_by_establishment_theme_and_setting(ashcombe, client):
    by_place = text_of(client.get("/repeats?by=establishment"))
    table = by_place.split('id="repeat-groups"', 1)[1]
    # HMP Ashcombe Vale: 2 repeated findings, raised 3 + 2 = 5 times, at most 3, latest 2023.
    assert "HMP Ashcombe Vale" in table
    assert [cell.split("<")[0] for cell in table.split('govuk-table__cell--numeric">')[1:5]] == ["2", "5", "3", "2023"]
    by_theme = text_of(client.get("/repeats?by=theme")).split('id="repeat-groups"', 1)[1]
    assert "Segregation" in by_theme and "Time out of cell" in by_theme
    filtered = text_of(client.get("/repeats?theme=segregation"))
    assert "1 repeated finding" in filtered and f"/findings/{ashcombe['seg-2022'].id}#" in filtered
    assert f"/findings/{ashcombe['2023'].id}#" not in filtered
    assert "2 repeated findings" in text_of(client.get(f"/repeats?establishment={ashcombe['place'].slug}&setting=adult-prison"))
    assert "No repeated findings" in text_of(client.get("/repeats?setting=police-custody"))


def test_unknown_addresses_are_said_and_ignored_not_errors(ashcombe, client):
    page = text_of(client.get("/repeats?by=colour&theme=no-such-theme&establishment=%00"))
    notice = page.split('id="ignored-filters"', 1)[1]
    assert "by=colour" in notice and "theme=no-such-theme" in notice
    assert "2 repeated findings" in page


@pytest.mark.parametrize("way", ["draft", "withdrawn"])
def test_nothing_from_an_unpublished_report_is_shown_or_counted(ashcombe, client, way):
    place = ashcombe["place"]
    addresses = [f"/findings/{ashcombe[k].id}" for k in ("2016", "2019", "2023", "seg-2018", "seg-2022", "elsewhere")]
    addresses += ["/repeats", "/repeats?by=establishment", "/repeats?by=theme", "/repeats?by=setting", f"/repeats?establishment={place.slug}"]
    before = {a: text_of(client.get(a)) for a in addresses}
    # Two unpublished reports at the place raising both findings again, one of them between
    # the published ones in time.
    hidden = inspected(place, 2024, TEN_HOURS[0] + " Quillwort", draft=way == "draft")
    bridge = inspected(place, 2020, SEGREGATION + " Quillwort", draft=way == "draft")
    if way == "withdrawn":
        editor = staff_member("editor")
        for finding in (hidden, bridge):
            services.change_state(editor, finding.report_id, "draft")
    rebuild()
    assert Repeat.objects.filter(finding=hidden).exists()  # linked all the same, for staff later
    for address in addresses:
        assert text_of(client.get(address)) == before[address], address
    assert client.get(f"/findings/{hidden.id}").status_code == 404
