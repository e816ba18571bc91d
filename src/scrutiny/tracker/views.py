"""The Policy Tracker's pages: the public list, item and calendar feed, and the staff pages under
/manage/tracker (list, add and edit, milestones, documents, publishing, the horizon, the
private calendar link, import and export). The work is in services.py."""

from datetime import date

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from scrutiny.accounts import access, roles
from scrutiny.findings.query import public_findings
from scrutiny.tracker import calendar, exports, importer, services
from scrutiny.tracker.forms import DocumentForm, ImportForm, ItemForm, MilestoneForm
from scrutiny.tracker.models import ActionDocument, Milestone

IMPORT_KEY = "tracker_import"
FORMATS = ("csv", "json", "xlsx")


def _filter_words(picked: dict) -> str:
    return "; ".join(f"{name}: {' or '.join(values)}" for name, values in picked.items()) or "All items"


def _query_string(picked: dict) -> str:
    from urllib.parse import urlencode

    return urlencode([(name, value) for name, values in picked.items() for value in values])


# -- public -------------------------------------------------------------------------------------


@access.public
def tracker(request):
    picked = services.chosen(request.GET, services.FILTERS)
    items = services.filtered(services.public_items(), picked).prefetch_related("milestones")
    return render(request, "tracker/list.html", {
        "title": _("Policy Tracker"), "items": items, "filters": services.filter_options(services.FILTERS, picked),
        "picked": picked, "query_string": _query_string(picked), "today": date.today(),
    })


@access.public
def item(request, slug: str):
    found = services.public_item(slug)
    return render(request, "tracker/item.html", {
        "title": found.title, "item": found, "documents": services.public_documents(found),
        "key_issues": found.key_issues.filter(is_published=True),
        "findings": public_findings().filter(id__in=found.findings.values("id")).select_related("report").order_by("-report__published", "id"),
    })


@access.public
def public_document(request, slug: str, document_id: int):
    found = services.public_item(slug)
    document = services.public_documents(found).filter(pk=document_id).exclude(file="").first()
    if document is None:
        raise Http404("No such document")
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.file.name.rsplit("/", 1)[-1])


@access.public
def public_calendar(request):
    milestones = Milestone.objects.filter(item__is_published=True).select_related("item")
    body = calendar.calendar(milestones, lambda i: request.build_absolute_uri(reverse("tracker_item", args=[i.slug])), "NPM Policy Tracker")
    return calendar.response(body, "policy-tracker.ics")


@access.public  # the secret in the address is the key; a wrong one answers as a missing page does
def private_calendar(request, token: str):
    if services.feed_owner(token) is None:
        raise Http404("No such calendar")
    milestones = Milestone.objects.select_related("item")
    body = calendar.calendar(milestones, lambda i: request.build_absolute_uri(reverse("tracker_edit", args=[i.pk])),
                             "NPM Policy Tracker (staff)", private=True)
    response = calendar.response(body, "policy-tracker-staff.ics")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@access.public
def export(request, fmt: str):
    picked = services.chosen(request.GET, services.FILTERS)
    items = services.filtered(services.public_items(), picked)
    return exports.response(fmt, request, items, False, _filter_words(picked), _query_string(picked))


# -- staff --------------------------------------------------------------------------------------


def _staff(request, template: str, status: int = 200, **context):
    return render(request, f"tracker/manage/{template}", {"section": "manage", **context}, status=status)


@access.requires(roles.EDIT_TRACKER)
def manage(request):
    picked = services.chosen(request.GET, services.STAFF_FILTERS)
    items = services.filtered(services.Item.objects.select_related("owner"), picked).prefetch_related("milestones")
    if request.GET.get("published") in ("yes", "no"):
        items = items.filter(is_published=request.GET["published"] == "yes")
    return _staff(request, "list.html", title=_("Policy Tracker"), items=items, picked=picked,
                  filters=services.filter_options(services.STAFF_FILTERS, picked), query_string=_query_string(picked),
                  published=request.GET.get("published", ""), today=date.today())


@access.requires(roles.EDIT_TRACKER)
def manage_export(request, fmt: str):
    picked = services.chosen(request.GET, services.STAFF_FILTERS)
    items = services.filtered(services.Item.objects.all(), picked)
    return exports.response(fmt, request, items, True, _filter_words(picked), _query_string(picked))


@access.requires(roles.EDIT_TRACKER)
def add(request):
    form = ItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        found = form.save()
        messages.success(request, _("Added %(title)s as a draft. Add its milestones below.") % {"title": found.title})
        return redirect("tracker_edit", found.pk)
    return _staff(request, "edit.html", status=400 if form.errors else 200, title=_("Add an item to the tracker"), form=form, item=None,
                  milestone_form=None, document_form=None)


@access.requires(roles.EDIT_TRACKER)
def edit(request, item_id: int):
    found = services.staff_item(item_id)
    form = ItemForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("tracker_edit", found.pk)
    return _edit_page(request, found, form=form, status=400 if form.errors else 200)


def _edit_page(request, found, form=None, milestone_form=None, document_form=None, status=200):
    return _staff(request, "edit.html", status=status, title=_("Edit %(title)s") % {"title": found.title}, item=found,
                  form=form or ItemForm(instance=found), milestone_form=milestone_form or MilestoneForm(prefix="milestone"),
                  document_form=document_form or DocumentForm(prefix="document"),
                  milestones=found.milestones.all(), documents=found.documents.all())


@access.requires(roles.EDIT_TRACKER)
@require_POST
def add_milestone(request, item_id: int):
    found = services.staff_item(item_id)
    form = MilestoneForm(request.POST, prefix="milestone")
    if not form.is_valid():
        return _edit_page(request, found, milestone_form=form, status=400)
    services.add_milestone(found, form.cleaned_data["kind"], form.cleaned_data["date"], form.cleaned_data["label"])
    messages.success(request, _("Milestone added."))
    return redirect(reverse("tracker_edit", args=[found.pk]) + "#milestones")


@access.requires(roles.EDIT_TRACKER)
@require_POST
def remove_milestone(request, item_id: int, milestone_id: int):
    found = services.staff_item(item_id)
    services.remove_milestone(found, milestone_id)
    messages.success(request, _("Milestone removed."))
    return redirect(reverse("tracker_edit", args=[found.pk]) + "#milestones")


@access.requires(roles.EDIT_TRACKER)
@require_POST
def add_document(request, item_id: int):
    found = services.staff_item(item_id)
    form = DocumentForm(request.POST, request.FILES, prefix="document")
    if not form.is_valid():
        return _edit_page(request, found, document_form=form, status=400)
    ActionDocument.objects.create(item=found, title=form.cleaned_data["title"], link=form.cleaned_data["link"] or "",
                                  file=form.cleaned_data["file"] or "", is_public=form.cleaned_data["is_public"])
    messages.success(request, _("Document added."))
    return redirect(reverse("tracker_edit", args=[found.pk]) + "#documents")


@access.requires(roles.EDIT_TRACKER)
@require_POST
def remove_document(request, item_id: int, document_id: int):
    found = services.staff_item(item_id)
    deleted, __ = found.documents.filter(pk=document_id).delete()
    if not deleted:
        raise Http404("No such document")
    messages.success(request, _("Document removed."))
    return redirect(reverse("tracker_edit", args=[found.pk]) + "#documents")


@access.requires(roles.EDIT_TRACKER)
def staff_document(request, item_id: int, document_id: int):
    document = services.staff_item(item_id).documents.filter(pk=document_id).exclude(file="").first()
    if document is None:
        raise Http404("No such document")
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.file.name.rsplit("/", 1)[-1])


@access.requires(roles.EDIT_TRACKER)
@require_POST
def publish(request, item_id: int):
    found = services.set_published(services.staff_item(item_id), True)
    messages.success(request, _("Published: %(title)s is on the public tracker and its calendar.") % {"title": found.title})
    return redirect("tracker_edit", found.pk)


@access.requires(roles.EDIT_TRACKER)
@require_POST
def unpublish(request, item_id: int):
    found = services.set_published(services.staff_item(item_id), False)
    messages.success(request, _("Unpublished: %(title)s is a draft again.") % {"title": found.title})
    return redirect("tracker_edit", found.pk)


@access.requires(roles.EDIT_TRACKER)
def horizon(request):
    return _staff(request, "horizon.html", title=_("Tracker horizon"), horizon=services.horizon())


@access.requires(roles.EDIT_TRACKER)
def calendar_link(request):
    """The person's private calendar address: shown once when made; a new one revokes the old."""
    token = None
    if request.method == "POST":
        token = services.new_feed_token(request.user)
        messages.success(request, _("A new link is ready. The old one, if you had one, no longer works."))
    has_link = services.FeedToken.objects.filter(user=request.user).exists()
    address = request.build_absolute_uri(reverse("tracker_private_ics", args=[token])) if token else None
    return _staff(request, "calendar.html", title=_("Your tracker calendar"), address=address, has_link=has_link,
                  public_address=request.build_absolute_uri(reverse("tracker_ics")))


@access.requires(roles.EDIT_TRACKER)
def import_items(request):
    """Upload → dry run listing every problem → confirm. The checked file waits in the session."""
    if request.method == "POST" and request.POST.get("step") == "confirm":
        kept = request.session.pop(IMPORT_KEY, None)
        if not kept:
            messages.error(request, _("That upload has gone (imported already, or from another session). Upload it again."))
            return redirect("tracker_import")
        result = importer.import_items(bytes.fromhex(kept["content"]), kept["format"])
        if result.problems:  # something changed since the dry run (an owner's account closed)
            return _staff(request, "import.html", status=409, title=_("Import the tracker spreadsheet"), form=ImportForm(), result=result, shown_name=kept["name"],
                          columns=importer.COLUMNS)
        messages.success(request, _("Imported %(name)s: %(added)s added, %(updated)s updated, %(milestones)s milestones added.") % {
            "name": kept["name"], "added": len(result.created), "updated": len(result.updated), "milestones": result.milestones_added})
        return redirect("tracker_manage")
    form = ImportForm(request.POST or None, request.FILES or None)
    result, shown_name = None, ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        shown_name = (upload.name or "file")[-100:]
        fmt = shown_name.rsplit(".", 1)[-1].lower() if "." in shown_name else ""
        if fmt not in ("csv", "xlsx"):
            form.add_error("file", _("Choose a .csv or .xlsx file"))
        elif upload.size > importer.MAX_BYTES:
            form.add_error("file", _("The file is too large (5 MB at most)"))
        else:
            data = upload.read()
            result = importer.import_items(data, fmt, dry_run=True)
            if not result.problems:
                request.session[IMPORT_KEY] = {"content": data.hex(), "format": fmt, "name": shown_name}
    return _staff(request, "import.html", status=400 if form.errors else 200, title=_("Import the tracker spreadsheet"),
                  form=form if (result is None or result.problems) else None, result=result, shown_name=shown_name,
                  columns=importer.COLUMNS)
