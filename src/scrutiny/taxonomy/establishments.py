"""Places ingest added to the establishment register by itself (needs_review): a person confirms
each as a new place, or merges it into the place it really is, which takes its names and reports.
Both are recorded in the audit trail."""

from django.db import transaction
from django.db.models import Prefetch

from scrutiny.catalogue.models import Establishment, EstablishmentAlias
from scrutiny.curation.models import Action
from scrutiny.curation.services import record
from scrutiny.reports.models import Report


def waiting():
    """The places to review, each with its names and its reports (newest first)."""
    reports = Prefetch("reports", queryset=Report.objects.select_related("body").order_by("-published"))
    return (
        Establishment.objects.filter(needs_review=True).select_related("setting", "nation")
        .prefetch_related("aliases", reports).order_by("name")
    )


def candidates():
    """The places a new one may be merged into: those already confirmed."""
    return Establishment.objects.filter(needs_review=False).order_by("name")


def _waiting(slug: str) -> Establishment:
    place = Establishment.objects.select_for_update().filter(slug=slug, needs_review=True).first()
    if place is None:
        raise ValueError("that place is not waiting for review (confirmed or merged already)")
    return place


@transaction.atomic
def confirm(user, slug: str) -> Establishment:
    place = _waiting(slug)
    place.needs_review = False
    place.save(update_fields=["needs_review"])
    record(user, Action.CONFIRMED, place, f"Confirmed “{place.name}” as a new place in the register",
           before={"needs review": True}, after={"needs review": False})
    return place


@transaction.atomic
def merge(user, slug: str, into_slug: str) -> Establishment:
    """The duplicate's names become aliases of the place, its reports are linked to the place,
    and the duplicate is deleted (what it was stays in the audit trail)."""
    duplicate = _waiting(slug)
    place = Establishment.objects.select_for_update().filter(slug=into_slug).exclude(pk=duplicate.pk).first()
    if place is None:
        raise ValueError("choose the place to merge it into")
    names = list(duplicate.aliases.values_list("name", flat=True))
    reports = list(duplicate.reports.all())
    EstablishmentAlias.objects.filter(establishment=duplicate).update(establishment=place)
    for report in reports:
        report.establishments.add(place)
    gone = {"slug": duplicate.slug, "name": duplicate.name, "aliases": names,
            "setting": duplicate.setting.slug if duplicate.setting else None,
            "reports": [r.id for r in reports]}
    duplicate.delete()  # its report links go with it; each report now names the place instead
    record(user, Action.MERGED, place, f"Merged “{gone['name']}” into “{place.name}”",
           before={"duplicate": gone}, after={"aliases": sorted(place.aliases.values_list("name", flat=True)),
                                              "reports added": [r.id for r in reports]})
    return place
