"""Renaming, merging and splitting vocabulary terms: every tagged finding stays tagged, the
stronger label survives a merge, a split sends each finding where its words say, and each change
is one version with one entry in the history."""

import pytest

from factories import EstablishmentFactory, FindingFactory, ReportFactory, body, setting, staff_member
from scrutiny.catalogue.models import Body, Establishment, Population, Setting, Theme
from scrutiny.curation.models import Action, Change
from scrutiny.findings.models import Finding, PopulationTag, Tag, TagOrigin
from scrutiny.reports.models import Report
from scrutiny.taxonomy import services
from scrutiny.taxonomy.models import RetiredTerm, TaxonomyVersion
from taxonomy.conftest import labelled

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return staff_member("editor", name="sian@npm.example.org")


def tag_on(finding, slug):
    return Tag.objects.get(finding=finding, theme__slug=slug)


# --- merge ------------------------------------------------------------------------------------

def test_merging_a_theme_moves_every_tag_and_keeps_one_per_finding(editor):
    only_food = FindingFactory.create_batch(3, themes=["food"])
    only_living = FindingFactory.create_batch(2, themes=["living-conditions"])
    both = FindingFactory(themes=["food", "living-conditions"])
    before = labelled("themes", ["food", "living-conditions"])

    services.merge(editor, "themes", "food", "living-conditions")

    after = labelled("themes", ["living-conditions"])["living-conditions"]
    assert after == before["food"] | before["living-conditions"]
    assert len(after) == 6 and Tag.objects.filter(finding=both).count() == 1
    assert not Theme.objects.filter(slug="food").exists()
    assert {f.id for f in only_food + only_living} <= after


def test_a_merge_keeps_the_persons_label_over_the_rules(editor):
    finding = FindingFactory(themes=["food", "living-conditions"])
    Tag.objects.filter(finding=finding, theme__slug="food").update(origin=TagOrigin.PERSON, evidence="")
    other = FindingFactory(themes=["food", "living-conditions"])
    Tag.objects.filter(finding=other, theme__slug="living-conditions").update(origin=TagOrigin.MODEL, confidence=0.9)
    Tag.objects.filter(finding=other, theme__slug="food").update(origin=TagOrigin.MODEL, confidence=0.6)

    services.merge(editor, "themes", "food", "living-conditions")

    assert tag_on(finding, "living-conditions").origin == TagOrigin.PERSON
    kept = tag_on(other, "living-conditions")
    assert (kept.origin, kept.confidence) == (TagOrigin.MODEL, 0.9)


def test_a_merged_theme_is_retired_whole_and_its_words_join_the_target(editor):
    food = Theme.objects.get(slug="food")
    food_keywords, food_name = list(food.keywords), food.name
    services.merge(editor, "themes", "food", "living-conditions")

    retired = RetiredTerm.objects.get(kind="themes", slug="food")
    assert (retired.successor, retired.name, retired.fields["keywords"]) == ("living-conditions", food_name, food_keywords)
    target = Theme.objects.get(slug="living-conditions")
    assert set(food_keywords) <= set(target.keywords)
    with pytest.raises(services.TermProblems, match="retired"):
        services.save_term(editor, "themes", {"slug": "food", "name": "Food again", "group": "Respect"})


def test_a_merge_is_one_version_with_one_history_entry_saying_who_and_how_many(editor):
    FindingFactory.create_batch(2, themes=["food"])
    FindingFactory(themes=["living-conditions"])
    start = services.current_version()

    version = services.merge(editor, "themes", "food", "living-conditions")

    assert version.number == start + 1 == services.current_version()
    change = Change.objects.get(action=Action.MERGED)
    assert change.user == editor and version.change == change
    assert change.before["findings labelled"] == 3 and change.after["labelled living-conditions"] == 3
    assert (change.before["taxonomy version"], change.after["taxonomy version"]) == (start, start + 1)
    assert "Food" in change.description and "living-conditions" in change.description


def test_merging_settings_moves_findings_reports_places_and_bodies(editor):
    place = EstablishmentFactory(name="HMYOI Crannoch", setting=setting("yoi"))
    report = ReportFactory(setting=setting("yoi"), establishments=[place])
    FindingFactory.create_batch(3, report=report)
    FindingFactory(report=ReportFactory(setting=setting("adult-prison")))
    hmip_had_yoi = Body.objects.filter(slug="hmip", settings__slug="yoi").exists()
    before = labelled("settings", ["yoi", "adult-prison"])

    services.merge(editor, "settings", "yoi", "adult-prison")

    assert labelled("settings", ["adult-prison"])["adult-prison"] == before["yoi"] | before["adult-prison"]
    assert Report.objects.get(pk=report.pk).setting.slug == "adult-prison"
    assert Establishment.objects.get(pk=place.pk).setting.slug == "adult-prison"
    assert hmip_had_yoi and Body.objects.filter(slug="hmip", settings__slug="adult-prison").exists()
    assert not Setting.objects.filter(slug="yoi").exists()
    assert not Finding.objects.filter(setting__isnull=True).exists()


def test_merging_populations_moves_their_tags_and_keywords(editor):
    FindingFactory.create_batch(2, populations=["care-leavers"])
    FindingFactory(populations=["care-leavers", "children"])
    before = labelled("populations", ["care-leavers", "children"])
    words = Population.objects.get(slug="care-leavers").description.split(", ")

    services.merge(editor, "populations", "care-leavers", "children")

    assert labelled("populations", ["children"])["children"] == before["care-leavers"] | before["children"]
    assert PopulationTag.objects.count() == 3
    assert set(words) <= set(Population.objects.get(slug="children").description.split(", "))


def test_merging_into_itself_or_an_unknown_term_is_refused_and_changes_nothing(editor):
    FindingFactory(themes=["food"])
    with pytest.raises(ValueError, match="another theme"):
        services.merge(editor, "themes", "food", "food")
    with pytest.raises(ValueError, match="no theme"):
        services.merge(editor, "themes", "food", "no-such-theme")
    assert Theme.objects.filter(slug="food").exists() and services.current_version() == 0
    assert labelled("themes", ["food"])["food"]


def test_a_term_retired_into_one_merged_later_points_at_the_last(editor):
    services.merge(editor, "themes", "food", "living-conditions")
    services.merge(editor, "themes", "living-conditions", "healthcare")
    assert RetiredTerm.objects.get(slug="food").successor == "healthcare"


def test_a_merge_carries_the_review_queues_suggestions_and_decisions_to_the_target(editor):
    from scrutiny.review.models import Decision, Suggestion

    finding, other = FindingFactory(), FindingFactory()
    food, living = Theme.objects.get(slug="food"), Theme.objects.get(slug="living-conditions")
    Suggestion.objects.create(finding=finding, theme=food, confidence=0.4)
    Suggestion.objects.create(finding=other, theme=food, confidence=0.3)
    Suggestion.objects.create(finding=other, theme=living, confidence=0.5)  # the same suggestion, once merged
    Decision.objects.create(finding=finding, theme=food, decision="rejected", user_name="Sian")

    services.merge(editor, "themes", "food", "living-conditions")

    assert set(Suggestion.objects.values_list("finding_id", "theme__slug")) == {
        (finding.id, "living-conditions"), (other.id, "living-conditions")}
    assert Decision.objects.get().theme.slug == "living-conditions"


def test_reports_ingest_as_before_after_a_merge_and_a_split(editor, corpus):
    from scrutiny.reports.ingest import Ingester

    services.merge(editor, "themes", "food", "living-conditions")
    services.split(editor, "security-searching", STRIP)
    ingester = Ingester(keep_files=False)
    for path in sorted(p for p in corpus.iterdir() if p.suffix in {".pdf", ".docx", ".html"}):
        assert ingester.ingest(path).status == "new"
    assert Tag.objects.exists() and not Tag.objects.filter(theme__slug="food").exists()


def test_merging_every_theme_of_ingested_reports_into_one_loses_no_tagged_finding(editor, ingested):
    slugs = list(Theme.objects.values_list("slug", flat=True))
    before = set().union(*labelled("themes", slugs).values())
    assert len(before) > 20
    for slug in slugs[1:]:
        services.merge(editor, "themes", slug, slugs[0])
    assert labelled("themes", [slugs[0]])[slugs[0]] == before
    assert services.current_version() == len(slugs) - 1


# --- split ------------------------------------------------------------------------------------

def split_world():
    return {
        "strip": FindingFactory(text="Strip searching of children was not always justified.", themes=["security-searching"]),
        "both": FindingFactory(text="Cell searches and strip searching were poorly recorded.", themes=["security-searching"]),
        "neither": FindingFactory(text="Security intelligence was not shared with the wing.", themes=["security-searching"]),
        "elsewhere": FindingFactory(text="Strip searching was routine.", themes=["violence"]),
    }


STRIP = {"slug": "strip-searching", "name": "Strip searching", "keywords": "strip searching\nstrip search\nstrip-searched"}


def test_a_split_moves_each_finding_where_its_words_say_and_loses_none(editor):
    world = split_world()
    Theme.objects.filter(slug="security-searching").update(keywords=["security", "intelligence", "cell searches", "searching"])
    kept = "security\nintelligence\ncell searches"
    before = labelled("themes", ["security-searching"])["security-searching"]

    plan = services.plan_split("security-searching", STRIP, kept)
    services.split(editor, "security-searching", STRIP, kept, expected=plan.counts)

    after = labelled("themes", ["security-searching", "strip-searching"])
    assert after["strip-searching"] == {world["strip"].id, world["both"].id}
    assert after["security-searching"] == {world["both"].id, world["neither"].id}
    assert after["security-searching"] | after["strip-searching"] == before
    assert plan.counts == (1, 1, 1)
    assert tag_on(world["strip"], "strip-searching").evidence == "strip searching"
    assert Tag.objects.filter(finding=world["elsewhere"]).count() == 1  # other themes' findings untouched
    new = Theme.objects.get(slug="strip-searching")
    assert (new.group, new.keywords) == ("Safety", ["strip searching", "strip search", "strip-searched"])
    assert Theme.objects.get(slug="security-searching").keywords == ["security", "intelligence", "cell searches"]


def test_a_split_is_one_version_and_its_history_gives_the_counts(editor):
    split_world()
    services.split(editor, "security-searching", STRIP)
    change = Change.objects.get(action=Action.SPLIT)
    assert TaxonomyVersion.objects.get().change == change
    assert change.before["findings tagged"] == change.after["findings tagged"] == 3
    assert change.after["tagged strip-searching"] == change.after["moved"] + change.after["tagged with both"]


def test_a_split_refuses_when_the_findings_changed_since_the_preview(editor):
    split_world()
    plan = services.plan_split("security-searching", STRIP)
    FindingFactory(text="A strip search was done without a reason.", themes=["security-searching"])
    with pytest.raises(services.SplitChanged):
        services.split(editor, "security-searching", STRIP, expected=plan.counts)
    assert not Theme.objects.filter(slug="strip-searching").exists() and services.current_version() == 0


@pytest.mark.parametrize("new, field", [
    ({**STRIP, "keywords": ""}, "keywords"),
    ({**STRIP, "slug": "violence"}, "slug"),
    ({**STRIP, "slug": "Strip Searching"}, "slug"),
    ({**STRIP, "name": ""}, "name"),
])
def test_a_split_with_a_bad_new_theme_stores_nothing(editor, new, field):
    world = split_world()
    themes = Theme.objects.count()
    with pytest.raises(services.TermProblems) as refused:
        services.split(editor, "security-searching", new)
    assert field in {f for f, _ in refused.value.problems}
    assert Theme.objects.count() == themes and services.current_version() == 0
    assert tag_on(world["strip"], "security-searching")


# --- add, edit, rename ------------------------------------------------------------------------

def test_renaming_keeps_the_slug_and_every_tag_and_says_it_was_a_rename(editor):
    finding = FindingFactory(themes=["food"])
    old_name = Theme.objects.get(slug="food").name
    version = services.save_term(editor, "themes", {"name": "Food, drink and nutrition", "name_cy": "Bwyd a maeth"}, slug="food")
    theme = Theme.objects.get(slug="food")
    assert (theme.name, theme.name_cy) == ("Food, drink and nutrition", "Bwyd a maeth")
    assert tag_on(finding, "food")
    change = version.change
    assert change.action == Action.RENAMED
    assert (change.before["name"], change.after["name"]) == (old_name, "Food, drink and nutrition")


def test_editing_keywords_is_an_edit_and_saving_unchanged_values_is_no_version(editor):
    version = services.save_term(editor, "themes", {"keywords": "meals\nkitchen\n\nmeals", "exclusions": "kitchen staff"}, slug="food")
    assert version.change.action == Action.EDITED
    assert Theme.objects.get(slug="food").keywords == ["meals", "kitchen"]
    assert services.save_term(editor, "themes", {"keywords": "meals\nkitchen"}, slug="food") is None
    assert services.current_version() == 1


def test_a_slug_cannot_be_changed_by_an_edit(editor):
    with pytest.raises(services.TermProblems, match="never changes"):
        services.save_term(editor, "themes", {"slug": "meals"}, slug="food")


def test_adding_a_term_records_it_and_refuses_bad_values(editor):
    version = services.save_term(editor, "settings", {"slug": "residential-family-centre", "name": "Residential family centre"})
    assert version.change.action == Action.CREATED and Setting.objects.filter(slug="residential-family-centre").exists()
    for values, field in [
        ({"slug": "police-custody", "name": "Again"}, "slug"),
        ({"slug": "new", "name": "New"}, "slug"),
        ({"slug": "-x-", "name": "X"}, "slug"),
        ({"slug": "court-cells"}, "name"),
        ({"slug": "court-cells", "name": "Court cells", "position": "first"}, "position"),
        ({"slug": "court-cells", "name": "Court cells", "keywords": "cells"}, "keywords"),
    ]:
        with pytest.raises(services.TermProblems) as refused:
            services.save_term(editor, "settings", values)
        assert field in {f for f, _ in refused.value.problems}, values
    assert services.current_version() == 1
