"""The register knows a place under every name it has been published under."""

import pytest

from scrutiny.catalogue.models import Body, Establishment, Setting, Theme, establishment_key
from scrutiny.catalogue.reference import read_reference
from scrutiny.catalogue.register import find_establishment, register_establishment


@pytest.mark.parametrize(
    "name",
    ["HMP & YOI Kelderbrook", "HMP Kelderbrook", "HM Prison Kelderbrook", "HMYOI Kelderbrook", "hmp and yoi kelderbrook"],
)
def test_prison_name_prefixes_do_not_make_a_new_place(name):
    assert establishment_key(name) == "kelderbrook"


@pytest.mark.django_db
def test_all_21_npm_bodies_and_the_default_taxonomy_are_loaded():
    assert Body.objects.of_the_npm().count() == 21
    assert {b["slug"] for b in read_reference("bodies")} == set(Body.objects.values_list("slug", flat=True))
    assert Theme.objects.count() == 26
    hmips = Body.objects.get(slug="hmips")
    assert list(hmips.nations.values_list("slug", flat=True)) == ["scotland"]


@pytest.mark.django_db
def test_the_sheriff_courts_are_a_source_of_determinations_but_not_one_of_the_21_bodies():
    courts = Body.objects.get(slug="scottish-fai")
    assert courts.get_membership_display() == "Not an NPM member (other source)"
    assert courts not in Body.objects.of_the_npm()
    assert list(courts.nations.values_list("slug", flat=True)) == ["scotland"]
    assert set(courts.settings.values_list("slug", flat=True)) == {"adult-prison", "yoi"}


@pytest.mark.django_db
def test_a_renamed_prison_is_found_under_its_old_and_new_names():
    prison = Setting.objects.get(slug="adult-prison")
    old = register_establishment("HMP & YOI Kelderbrook", prison, None)
    new = register_establishment("HMP Kelderbrook", prison, None)
    assert old == new
    assert find_establishment("hmp kelderbrook") == old
    assert Establishment.objects.count() == 1 and old.aliases.count() == 2


@pytest.mark.django_db
def test_a_police_station_and_a_prison_in_the_same_town_stay_apart():
    prison = register_establishment("HMP Durham", Setting.objects.get(slug="adult-prison"), None)
    suite = register_establishment("Durham", Setting.objects.get(slug="police-custody"), None)
    assert prison != suite
