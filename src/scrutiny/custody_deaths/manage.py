"""Staff pages under /manage/deaths: the annual import (upload, dry run, confirm), the cause
mapping, publishing a release, and the records themselves. Names, dates of birth and notes are
on the record pages only, for holders of roles.VIEW_PERSONAL_DEATHS; a record another person
may not see answers 404."""

import re
import secrets
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from scrutiny.accounts import access, roles
from scrutiny.catalogue.models import Establishment
from scrutiny.custody_deaths.columns import TEMPLATE
from scrutiny.custody_deaths.importer import category_label, run_import
from scrutiny.custody_deaths.models import AnnualRelease, CauseCategory, CauseWording, Death, ImportRecord, InquiryStatus, wording_key

SESSION_KEY = "deaths_imports"
KEPT_NAME = re.compile(r"[0-9a-f]{32}\.(csv|xlsx)")


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Update file"), help_text=gettext_lazy("CSV (UTF-8) or XLSX, one row per death"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}))
    release = forms.CharField(label=gettext_lazy("Annual release"), max_length=100, required=False,
                              help_text=gettext_lazy("New records join this release, published when you publish it (for example 2024-25)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name or "").suffix.lower().lstrip(".")
        if suffix not in ("csv", "xlsx"):
            raise forms.ValidationError(_("Choose a .csv or .xlsx file"))
        if upload.size > settings.SCRUTINY_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("The file is too large"))
        upload.deaths_format = suffix
        return upload


class WordingForm(forms.Form):
    wording = forms.CharField(label=gettext_lazy("Wording in the source"), max_length=200)
    category = forms.ChoiceField(label=gettext_lazy("Counts as"), choices=CauseCategory.choices)


class RecordForm(forms.ModelForm):
    determination_url = forms.URLField(label=gettext_lazy("Link to the determination"), max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = Death
        fields = ["inquiry_status", "inquiry_started", "determination_issued", "determination_url", "notes"]
        labels = {"inquiry_status": gettext_lazy("FAI or inquest"), "inquiry_started": gettext_lazy("Inquiry started (YYYY-MM-DD)"),
                  "determination_issued": gettext_lazy("Determination issued (YYYY-MM-DD)"),
                  "determination_url": gettext_lazy("Link to the determination"), "notes": gettext_lazy("Notes")}

    def clean(self):
        data = super().clean()
        if data.get("inquiry_status") == InquiryStatus.DETERMINED and not data.get("determination_issued"):
            self.add_error("determination_issued", _("Give the date the determination was issued"))
        return data


def _uploads() -> Path:
    folder = Path(settings.SCRUTINY_FILES_DIR) / "deaths-imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@access.requires(roles.EDIT_DEATHS)
def home(request):
    releases = AnnualRelease.objects.annotate(records=Count("deaths")).order_by("-created")
    waiting = Establishment.objects.filter(needs_review=True, deaths__isnull=False).distinct().count()
    return render(request, "custody_deaths/manage_home.html", {
        "title": _("Deaths in custody"), "releases": releases, "imports": ImportRecord.objects.select_related("release")[:10],
        "waiting_places": waiting, "can_review": access.can(request.user, roles.EDIT_VOCABULARIES), "personal": access.can(request.user, roles.VIEW_PERSONAL_DEATHS),
        "held": Death.objects.count(), "published": Death.objects.filter(is_published=True).count(),
    })


@access.requires(roles.EDIT_DEATHS)
def publish_release(request, pk: int):
    if request.method != "POST":
        return redirect("deaths_manage")
    with transaction.atomic():
        release = get_object_or_404(AnnualRelease.objects.select_for_update(), pk=pk)
        if not release.is_published:
            release.published, release.published_by = timezone.now(), request.user
            release.save(update_fields=["published", "published_by"])
        count = Death.objects.filter(release=release).update(is_published=True)
    messages.success(request, _("Published %(release)s: %(count)s records now count in the public figures.") % {"release": release.name, "count": f"{count:,}"})
    return redirect("deaths_manage")


@access.requires(roles.EDIT_DEATHS)
def import_deaths(request):
    context = {"title": _("Import deaths in custody"), "form": None, "result": None, "kept": None, "template": TEMPLATE,
               "category_label": category_label}
    if request.method == "POST" and request.POST.get("step") == "confirm":
        return _confirm(request, context)
    form = UploadForm(request.POST or None, request.FILES or None)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        name = f"{secrets.token_hex(16)}.{upload.deaths_format}"
        with open(_uploads() / name, "xb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        shown_name = Path(upload.name).name[:100]
        result = run_import((_uploads() / name).read_bytes(), upload.deaths_format, dry_run=True)
        if result.can_store:
            kept = dict(request.session.get(SESSION_KEY, {}))
            kept[name] = {"shown_name": shown_name, "release": form.cleaned_data["release"].strip()}
            request.session[SESSION_KEY] = kept
            context.update(kept=name, form=None)
        else:
            (_uploads() / name).unlink(missing_ok=True)
            context["form"] = UploadForm(initial={"release": form.cleaned_data["release"]})
        context.update(result=result, shown_name=shown_name)
    return render(request, "custody_deaths/import.html", context, status=400 if form.errors else 200)


def _confirm(request, context):
    name = request.POST.get("kept", "")
    details = request.session.get(SESSION_KEY, {}).get(name)
    path = _uploads() / name if KEPT_NAME.fullmatch(name) else None
    if details is None or path is None or not path.is_file():
        messages.error(request, _("That upload has gone (imported already, or from another session). Upload it again."))
        return redirect("deaths_import")
    result = run_import(path.read_bytes(), name.rsplit(".", 1)[1], user=request.user, source_name=details["shown_name"],
                        release_name=details["release"] or None)
    kept = dict(request.session.get(SESSION_KEY, {}))
    kept.pop(name, None)
    request.session[SESSION_KEY] = kept
    path.unlink(missing_ok=True)
    if not result.stored:  # the database or the mapping changed since the dry run
        context.update(result=result, form=UploadForm(), shown_name=details["shown_name"])
        return render(request, "custody_deaths/import.html", context, status=409)
    outcome = result.outcome
    messages.success(request, _("Imported %(file)s into %(release)s: %(new)s new, %(updated)s updated, %(unchanged)s unchanged.") % {
        "file": details["shown_name"], "release": result.release, "new": outcome["new"], "updated": outcome["updated"],
        "unchanged": outcome["unchanged"]})
    return redirect("deaths_manage")


@access.requires(roles.EDIT_DEATHS)
def mapping(request):
    form = WordingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wording = wording_key(form.cleaned_data["wording"])
        held, created = CauseWording.objects.update_or_create(wording=wording, defaults={"category": form.cleaned_data["category"]})
        messages.success(request, (_("Added “%(wording)s”: it counts as %(category)s.") if created else
                                   _("Changed “%(wording)s”: it now counts as %(category)s.")) % {
            "wording": wording, "category": category_label(held.category)})
        return redirect("deaths_mapping")
    used = dict(Death.objects.values_list("cause_in_source").annotate(n=Count("id")).values_list("cause_in_source", "n"))
    wordings = [(w, used.get(w.wording, 0)) for w in CauseWording.objects.all()]
    return render(request, "custody_deaths/mapping.html", {
        "title": _("Cause mapping"), "form": form, "wordings": wordings, "category_label": category_label,
    }, status=400 if form.errors else 200)


@access.requires(roles.VIEW_PERSONAL_DEATHS)
def records(request):
    found = Death.objects.select_related("establishment", "release")
    q = (request.GET.get("q") or "").strip()[:100]
    if q:
        found = found.filter(Q(surname__icontains=q) | Q(forename__icontains=q) | Q(establishment_in_source__icontains=q))
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    return render(request, "custody_deaths/records.html", {"title": _("Deaths in custody: records"), "page": page, "q": q,
                                                           "category_label": category_label})


@access.requires(roles.VIEW_PERSONAL_DEATHS)
def record(request, pk: int):
    death = Death.objects.select_related("establishment", "release", "determination_report").filter(pk=pk).first()
    if death is None:
        raise Http404
    form = RecordForm(request.POST or None, instance=death)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("deaths_record", pk=death.pk)
    return render(request, "custody_deaths/record.html", {"title": _("Death in custody"), "death": death, "form": form,
                                                          "category_label": category_label}, status=400 if form.errors else 200)
