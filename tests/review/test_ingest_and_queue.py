"""Ingest tags what the model is sure of and queues what it is not; people accept, reject and add
themes through the queue and a finding's theme page, each decision kept with who and when."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from factories import FindingFactory, ReportFactory, body, sign_in, staff_member
from scrutiny.catalogue.models import Theme
from scrutiny.cli import main as scrutiny
from scrutiny.curation.models import Action, Change
from scrutiny.findings.models import Finding, Tag, TagOrigin
from scrutiny.reports.ingest import Ingester
from scrutiny.review import tagging
from scrutiny.review.models import Decision, Suggestion, Verdict

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("review-corpus")
    assert scrutiny(["demo", "generate", "--reports", "6", "--seed", "5", str(out)]) == 0
    return out


def ingest(corpus: Path, settings, tmp_path) -> list[Finding]:
    settings.SCRUTINY_FILES_DIR = tmp_path / "files"
    ingester = Ingester()
    reports = sorted(p for p in corpus.iterdir() if p.suffix in {".pdf", ".docx", ".html"})
    assert all(ingester.ingest(p).status == "new" for p in reports)
    return list(Finding.objects.all())


# --- ingest ------------------------------------------------------------------------------------

def test_ingest_tags_themes_above_the_threshold_and_queues_those_under_it(corpus, settings, tmp_path):
    findings = ingest(corpus, settings, tmp_path)
    threshold, floor = tagging.threshold(), tagging.floor()
    machine_tags = Tag.objects.filter(finding__in=findings)
    assert machine_tags.filter(origin=TagOrigin.RULE).exists()
    assert Suggestion.objects.count() > 0
    # Every theme is known to the default model, so every tag passed the threshold...
    assert min(machine_tags.values_list("confidence", flat=True)) >= threshold
    # ...and every suggestion lies between the floor and the threshold, never beside a tag.
    confidences = list(Suggestion.objects.values_list("confidence", flat=True))
    assert floor <= min(confidences) and max(confidences) < threshold
    assert not Suggestion.objects.filter(finding__tags__theme=F("theme")).exists()
    # A rule tag says which of its theme's words the finding holds; a model tag has none.
    for tag in machine_tags.filter(origin=TagOrigin.RULE).select_related("finding")[:50]:
        assert tag.evidence and all(word.split()[0] in tag.finding.text.lower() for word in tag.evidence.split(", "))
    assert not machine_tags.filter(origin=TagOrigin.MODEL).exclude(evidence="").exists()


def test_the_threshold_is_a_setting_that_moves_tags_into_the_queue(corpus, settings, tmp_path):
    settings.SCRUTINY_TAG_THRESHOLD = 0.999
    settings.SCRUTINY_SUGGESTION_FLOOR = 0.5
    ingest(corpus, settings, tmp_path)
    assert Suggestion.objects.filter(confidence__gte=0.5).count() > Tag.objects.count()
    assert not Suggestion.objects.filter(confidence__lt=0.5).exists()
    assert not Tag.objects.filter(confidence__lt=0.999).exists()


def test_a_bad_threshold_is_refused_before_anything_is_stored(corpus, settings, tmp_path):
    settings.SCRUTINY_TAG_THRESHOLD = "high"
    with pytest.raises(ValueError, match="SCRUTINY_TAG_THRESHOLD must be a number"):
        ingest(corpus, settings, tmp_path)
    settings.SCRUTINY_TAG_THRESHOLD, settings.SCRUTINY_SUGGESTION_FLOOR = 0.2, 0.4
    with pytest.raises(ValueError, match="floor .* is above the tag threshold"):
        ingest(corpus, settings, tmp_path)
    assert not Finding.objects.exists()


def test_themes_the_model_does_not_know_get_rule_tags_and_its_unknown_labels_are_ignored(corpus, settings, tmp_path):
    Theme.objects.create(slug="staff-words", name="Staff words", group="Test", position=99, keywords=["staff"])
    Theme.objects.filter(slug="food").delete()  # a label the model has, no longer a theme
    findings = ingest(corpus, settings, tmp_path)
    with_staff = [f for f in findings if re.search(r"\bstaff\b", f.text, re.IGNORECASE)]
    assert with_staff
    tags = Tag.objects.filter(theme__slug="staff-words")
    assert set(tags.values_list("finding", flat=True)) == {f.id for f in with_staff}
    assert set(tags.values_list("origin", "evidence").distinct()) == {(TagOrigin.RULE, "staff")}
    assert not Suggestion.objects.filter(theme__slug="staff-words").exists()


def test_suggestions_are_not_counted_on_the_dashboard_until_accepted(editor):
    finding = FindingFactory(text="Handcuffs were applied during escorts to hospital without an individual risk assessment.")
    theme = Theme.objects.get(slug="transport-escort")
    Suggestion.objects.create(finding=finding, theme=theme, confidence=0.4, evidence="escorts")
    public = Client()
    counted = lambda: public.get(reverse("findings"), {"theme": theme.slug}).content.decode()  # noqa: E731
    assert "0 findings" in counted()
    sign_in(Client(), editor).post(reverse("review_decide"), {"one": f"accept:{finding.id}:{theme.id}", "theme": theme.slug})
    assert "1 finding" in counted()


# --- decisions ----------------------------------------------------------------------------------

def waiting(text="Staff did not always record the use of handcuffs on escorts.", slug="transport-escort", confidence=0.45, evidence="escorts", **report):
    finding = FindingFactory(text=text, **({"report": ReportFactory(**report)} if report else {}))
    theme = Theme.objects.get(slug=slug)
    return Suggestion.objects.create(finding=finding, theme=theme, confidence=confidence, evidence=evidence)


def pair(s) -> str:
    return f"{s.finding_id}:{s.theme_id}"


def test_accepting_makes_a_person_tag_keeping_the_words_and_stores_who_and_when(editor):
    s = waiting()
    before = timezone.now()
    response = sign_in(Client(), editor).post(reverse("review_decide"), {"one": f"accept:{pair(s)}", "theme": s.theme.slug}, follow=True)
    assert "Accepted “Transport, escort and transfers” on 1 finding." in response.content.decode()
    tag = Tag.objects.get(finding=s.finding, theme=s.theme)
    assert (tag.origin, tag.confidence, tag.evidence) == (TagOrigin.PERSON, 1.0, "escorts")
    decision = Decision.objects.get()
    assert (decision.decision, decision.user, decision.on, decision.confidence) == (Verdict.ACCEPTED, editor, "suggestion", 0.45)
    assert decision.user_name and before <= decision.at <= timezone.now()
    assert not Suggestion.objects.exists()
    change = Change.objects.get(action=Action.CONFIRMED)
    assert change.user == editor and change.object_id == s.finding_id and "Transport, escort and transfers" in change.description


def test_rejecting_removes_the_suggestion_and_tags_nothing(editor):
    s = waiting()
    sign_in(Client(), editor).post(reverse("review_decide"), {"one": f"reject:{pair(s)}"})
    assert not Suggestion.objects.exists() and not Tag.objects.exists()
    decision = Decision.objects.get()
    assert (decision.decision, decision.user, decision.confidence) == (Verdict.REJECTED, editor, 0.45)
    assert Change.objects.filter(action=Action.REJECTED, user=editor).count() == 1


def test_a_stale_form_says_who_decided_first_and_changes_nothing(editor):
    s = waiting()
    other = sign_in(Client(), staff_member("editor", name="owen@npm.example.org"))
    mine = sign_in(Client(), editor)
    form = {"one": f"reject:{pair(s)}", "theme": s.theme.slug}
    mine.post(reverse("review_decide"), {"one": f"accept:{pair(s)}"})  # decided while the other page was open
    response = other.post(reverse("review_decide"), form, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "was already accepted by" in page and "nothing was changed" in page
    assert Tag.objects.get(finding=s.finding, theme=s.theme).origin == TagOrigin.PERSON
    assert Decision.objects.count() == 1
    # Repeating one's own decision is as harmless.
    mine.post(reverse("review_decide"), {"one": f"accept:{pair(s)}"})
    assert Decision.objects.count() == 1 and Tag.objects.count() == 1


def test_a_batch_accepts_or_rejects_exactly_the_ticked_suggestions(editor):
    batch = [waiting(text=f"Escort vans were late for court on {n} occasions.", confidence=0.3 + n / 100) for n in range(4)]
    client = sign_in(Client(), editor)
    client.post(reverse("review_decide"), {"verb": "accept", "pair": [pair(s) for s in batch[:2]], "theme": "transport-escort"})
    client.post(reverse("review_decide"), {"verb": "reject", "pair": [pair(batch[2])]})
    assert set(Tag.objects.values_list("finding", flat=True)) == {batch[0].finding_id, batch[1].finding_id}
    assert list(Suggestion.objects.values_list("pk", flat=True)) == [batch[3].pk]
    assert sorted(Decision.objects.values_list("decision", flat=True)) == ["accepted", "accepted", "rejected"]
    # Nothing ticked, or a forged pair: a clear message, nothing stored.
    page = client.post(reverse("review_decide"), {"verb": "accept"}, follow=True).content.decode()
    assert "Tick at least one suggestion" in page
    page = client.post(reverse("review_decide"), {"verb": "accept", "pair": [pair(batch[3]), "12;drop"]}, follow=True).content.decode()
    assert "Not a finding and theme" in page
    page = client.post(reverse("review_decide"), {"verb": "promote", "pair": [pair(batch[3])]}, follow=True).content.decode()
    assert "Choose accept or reject" in page
    assert Suggestion.objects.count() == 1 and Decision.objects.count() == 3


def test_only_secretariat_editors_review(editor):
    s = waiting(body=body("imb"))
    for role, body_slug in (("contributor", "imb"), ("administrator", None)):
        client = sign_in(Client(), staff_member(role, body_slug))
        assert client.get(reverse("review_queue")).status_code == 403
        assert client.post(reverse("review_decide"), {"one": f"accept:{pair(s)}"}).status_code == 403
        assert client.get(reverse("review_finding", args=[s.finding_id])).status_code == 403
        assert "Theme suggestions waiting" not in client.get(reverse("manage")).content.decode()
    assert Client().get(reverse("review_queue")).status_code == 302  # to sign in
    assert Suggestion.objects.count() == 1 and not Decision.objects.exists()
    home = sign_in(Client(), editor).get(reverse("manage")).content.decode()
    assert "Theme suggestions waiting for review</a>: 1" in home


def test_the_queue_shows_a_theme_batch_most_confident_first_with_the_rule_words_marked(editor):
    low = waiting(text="Escort staff <b>were</b> late & the van was cold.", confidence=0.2, evidence="escort, van")
    high = waiting(text="Transfers by escort were slow.", confidence=0.55, evidence="escort")
    waiting(text="Food was cold at tea.", slug="food", confidence=0.3, evidence="food")
    page = sign_in(Client(), editor).get(reverse("review_queue"), {"theme": "transport-escort"}).content.decode()
    assert 'aria-current="page"><strong>Transport, escort and transfers</strong></a> (2)' in page
    assert "Food and nutrition</a> (1)" in page
    assert page.index(f"accept:{pair(high)}") < page.index(f"accept:{pair(low)}")
    assert "<mark>Escort</mark> staff &lt;b&gt;were&lt;/b&gt; late &amp; the <mark>van</mark> was cold." in page
    assert "Food was cold" not in page  # another theme's batch


def test_a_findings_theme_page_lists_tags_and_suggestions_and_confirms_removes_and_adds(editor):
    s = waiting(confidence=0.25)
    finding = s.finding
    Tag.objects.create(finding=finding, theme=Theme.objects.get(slug="use-of-force"), origin=TagOrigin.RULE, confidence=0.8, evidence="handcuffs")
    Tag.objects.create(finding=finding, theme=Theme.objects.get(slug="records"), origin=TagOrigin.MODEL, confidence=0.7)
    client = sign_in(Client(), editor)
    address = reverse("review_finding", args=[finding.id])
    page = client.get(address).content.decode()
    for name in ("Use of force and restraint", "Record keeping", "Transport, escort and transfers"):
        assert name in page
    force, records, food = (Theme.objects.get(slug=x) for x in ("use-of-force", "records", "food"))
    client.post(address, {"decide": f"confirm:{force.id}"})
    client.post(address, {"decide": f"remove:{records.id}"})
    client.post(address, {"decide": "add", "theme": str(food.id)})
    client.post(address, {"decide": f"reject:{s.theme_id}"})
    tags = {t.theme.slug: (t.origin, t.confidence, t.evidence) for t in finding.tags.select_related("theme")}
    assert tags == {"use-of-force": (TagOrigin.PERSON, 1.0, "handcuffs"), "food": (TagOrigin.PERSON, 1.0, "")}
    decisions = {(d.theme.slug, d.decision, d.on, d.confidence) for d in Decision.objects.select_related("theme")}
    assert decisions == {
        ("use-of-force", "accepted", "rule", 0.8), ("records", "rejected", "model", 0.7),
        ("food", "added", "", None), ("transport-escort", "rejected", "suggestion", 0.25),
    }
    assert all(d.user == editor for d in Decision.objects.all())
    page = client.get(address).content.decode()
    assert "Added" in page and "Rejected (model)" in page and "Accepted (rule)" in page
    # Adding a theme it already has, or none at all: told, nothing stored.
    assert "was already added by" in client.post(address, {"decide": "add", "theme": str(food.id)}, follow=True).content.decode()
    assert "Choose a theme" in client.post(address, {"decide": "add", "theme": ""}, follow=True).content.decode()
    assert Decision.objects.count() == 4


def test_a_finding_outside_the_record_is_not_found(editor):
    assert sign_in(Client(), editor).get(reverse("review_finding", args=[987654])).status_code == 404
