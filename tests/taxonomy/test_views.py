"""The vocabulary pages and the establishments review through the test client: only those who may
edit vocabularies get in; an editor renames, merges, splits and imports through the forms, and
confirms or merges the places ingest added."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from factories import EstablishmentFactory, FindingFactory, ReportFactory, setting, sign_in, staff_member
from scrutiny.catalogue.models import Establishment, EstablishmentAlias, Theme
from scrutiny.curation.models import Action, Change
from scrutiny.taxonomy import services
from taxonomy.conftest import labelled

pytestmark = pytest.mark.django_db

PAGES = [
    ("get", lambda: reverse("vocabularies")),
    ("get", lambda: reverse("vocabularies_history")),
    ("get", lambda: reverse("vocabularies_export_json")),
    ("get", lambda: reverse("vocabularies_export_csv")),
    ("get", lambda: reverse("vocabularies_import")),
    ("get", lambda: reverse("vocabulary_add", args=["themes"])),
    ("post", lambda: reverse("vocabulary_edit", args=["themes", "food"])),
    ("post", lambda: reverse("vocabulary_merge", args=["themes", "food"])),
    ("post", lambda: reverse("theme_split", args=["security-searching"])),
    ("get", lambda: reverse("establishments_review")),
    ("post", lambda: reverse("establishment_confirm", args=["hmp-fenwick-moor"])),
    ("post", lambda: reverse("establishment_merge", args=["hmp-fenwick-moor"])),
]


@pytest.fixture
def editor_client():
    return sign_in(Client(), staff_member("editor", name="sian@npm.example.org"))


def test_a_contributor_and_an_administrator_are_refused_every_vocabulary_page():
    place = EstablishmentFactory(name="HMP Fenwick Moor", needs_review=True)
    for role, body in (("contributor", "hmip"), ("administrator", None)):
        client = sign_in(Client(), staff_member(role, body))
        for method, address in PAGES:
            response = getattr(client, method)(address(), {"name": "Meals", "target": "healthcare", "step": "confirm", "into": "x"})
            assert response.status_code == 403, (role, address())
    anonymous = Client().get(reverse("vocabularies"))
    assert anonymous.status_code == 302 and "sign-in" in anonymous["Location"]
    assert Theme.objects.get(slug="food").name == "Food and nutrition"
    assert Establishment.objects.get(pk=place.pk).needs_review and not Change.objects.exists()


def test_an_editor_sees_each_vocabulary_with_its_counts(editor_client):
    FindingFactory.create_batch(3, themes=["food"], populations=["women"])
    page = editor_client.get(reverse("vocabularies")).content.decode()
    food_row = page.split('id="themes-food"')[1].split("</tr>")[0]
    assert 'data-count="3"' in food_row
    women_row = page.split('id="populations-women"')[1].split("</tr>")[0]
    assert 'data-count="3"' in women_row
    assert 'id="settings-adult-prison"' in page


def test_an_editor_renames_a_theme_and_its_address_stays(editor_client):
    response = editor_client.post(reverse("vocabulary_edit", args=["themes", "food"]), {
        "name": "Food, drink and nutrition", "name_cy": "Bwyd", "group": "Respect", "description": "Meals.",
        "keywords": "food\nmeals", "exclusions": "", "position": "14",
    })
    assert response.status_code == 302
    theme = Theme.objects.get(slug="food")
    assert (theme.name, theme.keywords) == ("Food, drink and nutrition", ["food", "meals"])
    assert editor_client.get(reverse("vocabulary_edit", args=["themes", "food"])).status_code == 200
    history = editor_client.get(reverse("vocabularies_history")).content.decode()
    assert "Food, drink and nutrition" in history and 'id="version-1"' in history


def test_a_new_theme_with_problems_is_shown_them_and_nothing_is_stored(editor_client):
    themes = Theme.objects.count()
    response = editor_client.post(reverse("vocabulary_add", args=["themes"]), {"slug": "Dignity!", "name": "", "group": ""})
    page = response.content.decode()
    assert response.status_code == 400 and "There is a problem" in page
    assert 'href="#id_slug"' in page and 'href="#id_name"' in page and 'href="#id_group"' in page
    assert Theme.objects.count() == themes


def test_an_editor_merges_after_seeing_the_counts(editor_client):
    FindingFactory.create_batch(2, themes=["food"])
    FindingFactory(themes=["food", "living-conditions"])
    address = reverse("vocabulary_merge", args=["themes", "food"])
    preview = editor_client.post(address, {"target": "living-conditions", "step": "check"}).content.decode()
    assert 'data-after="3"' in preview
    assert Theme.objects.filter(slug="food").exists()  # a preview changes nothing

    assert editor_client.post(address, {"target": "living-conditions", "step": "confirm"}).status_code == 302
    assert len(labelled("themes", ["living-conditions"])["living-conditions"]) == 3
    assert editor_client.get(address).status_code == 404  # the retired theme has no page


def test_an_editor_splits_after_seeing_how_many_move(editor_client):
    FindingFactory(text="Strip searching of children was routine.", themes=["security-searching"])
    FindingFactory(text="Security intelligence was not shared.", themes=["security-searching"])
    address = reverse("theme_split", args=["security-searching"])
    form = {"slug": "strip-searching", "name": "Strip searching", "group": "Safety", "keywords": "strip searching",
            "exclusions": "", "source_keywords": "security\nintelligence"}
    preview = editor_client.post(address, {**form, "step": "preview"})
    assert preview.status_code == 200 and 'id="split-preview"' in preview.content.decode()
    assert not Theme.objects.filter(slug="strip-searching").exists()

    stale = editor_client.post(address, {**form, "step": "confirm", "stay": "2", "move": "0", "both": "0"})
    assert stale.status_code == 409 and not Theme.objects.filter(slug="strip-searching").exists()
    done = editor_client.post(address, {**form, "step": "confirm", "stay": "1", "move": "1", "both": "0"})
    assert done.status_code == 302
    assert {k: len(v) for k, v in labelled("themes", ["security-searching", "strip-searching"]).items()} == {
        "security-searching": 1, "strip-searching": 1}


def test_the_web_import_shows_the_problems_or_a_dry_run_then_stores_on_confirmation(editor_client):
    address = reverse("vocabularies_import")
    bad = SimpleUploadedFile("v.csv", b"kind,slug,name\nthemes,Bad Slug,Bad\n", content_type="text/csv")
    page = editor_client.post(address, {"step": "check", "file": bad}).content.decode()
    assert 'id="import-problems"' in page and "row 2" in page and "nothing was stored" in page

    good = SimpleUploadedFile("v.csv", b"kind,slug,name\nthemes,food,Meals\n", content_type="text/csv")
    page = editor_client.post(address, {"step": "check", "file": good}).content.decode()
    assert 'id="import-preview"' in page and Theme.objects.get(slug="food").name == "Food and nutrition"
    assert editor_client.post(address, {"step": "confirm"}).status_code == 302
    assert Theme.objects.get(slug="food").name == "Meals" and services.current_version() == 1
    again = editor_client.post(address, {"step": "confirm"})  # the kept file was used up
    assert again.status_code == 302 and services.current_version() == 1


def test_the_exports_download_as_json_and_csv(editor_client):
    json_response = editor_client.get(reverse("vocabularies_export_json"))
    assert json_response["Content-Type"].startswith("application/json")
    assert {t["slug"] for t in json_response.json()["themes"]} == set(Theme.objects.values_list("slug", flat=True))
    csv_response = editor_client.get(reverse("vocabularies_export_csv"))
    assert csv_response.content.decode().splitlines()[0].startswith("kind,slug,name")


# --- establishments ingest added ------------------------------------------------------------------

@pytest.fixture
def new_place():
    place = EstablishmentFactory(name="HMP & YOI Kelder Brook", needs_review=True, setting=setting("adult-prison"))
    report = ReportFactory(establishments=[place], title="Report on HMP & YOI Kelder Brook")
    return place, report


def test_the_review_lists_each_new_place_with_its_names_and_reports(editor_client, new_place):
    EstablishmentFactory(name="HMP Ashcombe Vale")  # confirmed already: not listed
    page = editor_client.get(reverse("establishments_review")).content.decode()
    assert 'id="place-hmp-yoi-kelder-brook"' in page and "Report on HMP &amp; YOI Kelder Brook" in page
    assert 'id="place-hmp-ashcombe-vale"' not in page


def test_confirming_a_place_clears_its_flag_and_is_audited(editor_client, new_place):
    place, _ = new_place
    editor_client.post(reverse("establishment_confirm", args=[place.slug]))
    assert not Establishment.objects.get(pk=place.pk).needs_review
    assert Change.objects.get(action=Action.CONFIRMED).object_id == place.pk


def test_merging_a_place_moves_its_names_and_reports_and_deletes_the_duplicate(editor_client, new_place):
    place, report = new_place
    known = EstablishmentFactory(name="HMP Kelderbrook")
    response = editor_client.post(reverse("establishment_merge", args=[place.slug]), {"into": known.slug})
    assert response.status_code == 302
    assert not Establishment.objects.filter(pk=place.pk).exists()
    assert set(report.establishments.values_list("slug", flat=True)) == {known.slug}
    assert EstablishmentAlias.objects.get(name="HMP & YOI Kelder Brook").establishment == known
    change = Change.objects.get(action=Action.MERGED)
    assert change.before["duplicate"]["name"] == "HMP & YOI Kelder Brook" and change.after["reports added"] == [report.id]


def test_merging_into_nothing_or_twice_is_refused_with_a_message(editor_client, new_place):
    place, _ = new_place
    response = editor_client.post(reverse("establishment_merge", args=[place.slug]), {"into": ""}, follow=True)
    assert "choose the place to merge it into" in response.content.decode().lower()
    assert Establishment.objects.filter(pk=place.pk).exists() and not Change.objects.exists()
    editor_client.post(reverse("establishment_confirm", args=[place.slug]))
    again = editor_client.post(reverse("establishment_confirm", args=[place.slug]), follow=True)
    assert "not waiting for review" in again.content.decode() and Change.objects.count() == 1
