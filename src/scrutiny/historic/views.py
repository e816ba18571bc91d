"""/manage/import (upload, see the dry run, confirm) and /manage/export.csv|.xlsx."""

import re
import secrets
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from scrutiny.accounts import access, roles
from scrutiny.historic.exporter import export, reports_for_bodies
from scrutiny.historic.importer import run_import
from scrutiny.historic.template import FORMATS

SESSION_KEY = "historic_imports"
# Kept uploads are named by the server: 32 random hex digits and the format, nothing else.
KEPT_NAME = re.compile(r"[0-9a-f]{32}\.(csv|xlsx)")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet of findings", help_text="CSV (UTF-8) or XLSX, in the historic import template",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    draft = forms.BooleanField(label="Hold new reports back as drafts", required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name or "").suffix.lower().lstrip(".")
        if suffix not in FORMATS:
            raise forms.ValidationError("Choose a .csv or .xlsx file")
        if upload.size > settings.SCRUTINY_UPLOAD_MAX_BYTES:
            raise forms.ValidationError("The file is too large")
        upload.historic_format = suffix
        return upload


def uploads_dir() -> Path:
    folder = Path(settings.SCRUTINY_FILES_DIR) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _keep(upload, fmt: str) -> str:
    name = f"{secrets.token_hex(16)}.{fmt}"
    target = uploads_dir() / name
    with open(target, "xb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return name


def _kept(request, name: str) -> Path | None:
    """The file this person uploaded under that server-chosen name, if it is theirs and still there."""
    if not KEPT_NAME.fullmatch(name or "") or name not in request.session.get(SESSION_KEY, {}):
        return None
    path = uploads_dir() / name
    return path if path.is_file() else None


def _forget(request, name: str) -> None:
    kept = dict(request.session.get(SESSION_KEY, {}))
    kept.pop(name, None)
    request.session[SESSION_KEY] = kept
    (uploads_dir() / name).unlink(missing_ok=True)


@access.requires(roles.IMPORT)
def import_findings(request):
    scope = access.bodies_for(request.user, roles.IMPORT)
    context = {"section": "manage", "form": None, "result": None, "kept": None}
    if request.method == "POST" and request.POST.get("step") == "confirm":
        name = request.POST.get("kept", "")
        path = _kept(request, name)
        if path is None:
            messages.error(request, "That upload has gone (imported already, or from another session). Upload it again.")
            return redirect("historic_import")
        details = request.session[SESSION_KEY][name]
        fmt = name.rsplit(".", 1)[1]
        result = run_import(
            path.read_bytes(), fmt, publish=not details["draft"], user=request.user,
            source_name=details["shown_name"], bodies=scope,
        )
        if result.problems:  # the database moved on since the dry run
            _forget(request, name)
            context.update(result=result, form=UploadForm(), shown_name=details["shown_name"])
            return render(request, "manage/historic_import.html", context, status=409)
        _forget(request, name)
        summary = "; ".join(result.summary.lines())
        messages.success(request, f"Imported {details['shown_name']}: {summary}.")
        return redirect("manage")
    form = UploadForm(request.POST or None, request.FILES or None)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        fmt = upload.historic_format
        name = _keep(upload, fmt)
        shown_name = Path(upload.name).name[:100]
        draft = form.cleaned_data["draft"]
        result = run_import((uploads_dir() / name).read_bytes(), fmt, dry_run=True, publish=not draft, bodies=scope)
        if result.problems:
            (uploads_dir() / name).unlink(missing_ok=True)
        else:
            kept = dict(request.session.get(SESSION_KEY, {}))
            kept[name] = {"draft": draft, "shown_name": shown_name}
            request.session[SESSION_KEY] = kept
            context["kept"] = name
        context.update(result=result, shown_name=shown_name, form=UploadForm() if result.problems else None)
        return render(request, "manage/historic_import.html", context, status=200)
    return render(request, "manage/historic_import.html", context, status=400 if form.errors else 200)


def _export(request, fmt: str) -> HttpResponse:
    scope = access.bodies_for(request.user, roles.VIEW_DRAFTS)
    reports = reports_for_bodies(request.GET.getlist("body"), scope)
    response = HttpResponse(export(reports, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="scrutiny-findings.{fmt}"'
    return response


@access.requires(roles.VIEW_DRAFTS)
def export_csv(request):
    return _export(request, "csv")


@access.requires(roles.VIEW_DRAFTS)
def export_xlsx(request):
    return _export(request, "xlsx")
