"""/manage/vocabularies (themes, populations and settings: add, edit, merge, split, history,
import and export) and /manage/establishments/review. All need EDIT_VOCABULARIES: the
vocabularies and the establishment register are the secretariat's reference data."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from scrutiny.accounts import access, roles
from scrutiny.findings.models import Finding
from scrutiny.taxonomy import establishments, exchange, services
from scrutiny.taxonomy.formats import UnknownFormat, format_of
from scrutiny.taxonomy.forms import ImportForm, MergeForm, SplitForm, TermForm, term_initial
from scrutiny.taxonomy.models import RetiredTerm, TaxonomyVersion
from scrutiny.taxonomy.terms import KINDS, counts, kind_of, tagged_findings

IMPORT_KEY = "vocabulary_import"
IMPORT_MAX_BYTES = 1024 * 1024
CONTENT_TYPES = {"json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8"}


def _saved(version) -> str:
    # The summary is the audit trail's own words, kept as written; the rest is the reader's language.
    return f"{version.summary}. " + _("Taxonomy version %(number)s.") % {"number": version.number}


def _kind_and_term(kind_name: str, slug: str | None = None):
    try:
        kind = kind_of(kind_name)
        return kind, services.get_term(kind, slug) if slug else None
    except ValueError:
        raise Http404("No such term") from None


def _page(request, template: str, status: int = 200, **context):
    return render(request, f"manage/vocabularies/{template}", {"section": "manage", **context}, status=status)


@access.requires(roles.EDIT_VOCABULARIES)
def vocabularies(request):
    tables = []
    for kind in KINDS.values():
        n = counts(kind)
        tables.append((kind, [(t, n.get(t.id, 0)) for t in kind.model.objects.order_by("position", "name")]))
    return _page(request, "list.html", tables=tables, version=services.current_version(), retired=RetiredTerm.objects.select_related("version"))


@access.requires(roles.EDIT_VOCABULARIES)
def add_term(request, kind_name: str):
    kind, __ = _kind_and_term(kind_name)
    form = TermForm(kind, request.POST or None, creating=True)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.save_term(request.user, kind.slug, form.values())
        except services.TermProblems as error:
            form.show(error.problems)
        else:
            messages.success(request, _saved(version))
            return redirect("vocabularies")
    return _page(request, "term.html", status=400 if form.errors else 200, form=form, kind=kind, term=None)


@access.requires(roles.EDIT_VOCABULARIES)
def edit_term(request, kind_name: str, slug: str):
    kind, term = _kind_and_term(kind_name, slug)
    form = TermForm(kind, request.POST or None, initial=term_initial(term))
    if request.method == "POST" and form.is_valid():
        try:
            version = services.save_term(request.user, kind.slug, form.values(), slug=term.slug)
        except services.TermProblems as error:
            form.show(error.problems)
        else:
            messages.success(request, _saved(version) if version else _("Nothing had changed."))
            return redirect("vocabularies")
    return _page(request, "term.html", status=400 if form.errors else 200, form=form, kind=kind, term=term)


@access.requires(roles.EDIT_VOCABULARIES)
def merge_term(request, kind_name: str, slug: str):
    """Choose the term to merge into, see what will happen, confirm."""
    kind, source = _kind_and_term(kind_name, slug)
    form = MergeForm(kind, source, request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        target = services.get_term(kind, form.cleaned_data["target"])
        if request.POST.get("step") == "confirm":
            try:
                version = services.merge(request.user, kind.slug, source.slug, target.slug)
            except ValueError as error:
                messages.error(request, str(error).capitalize() + ".")
                return redirect("vocabularies")
            messages.success(request, _saved(version))
            return redirect("vocabularies")
        on_source, on_target = tagged_findings(kind, [source.id]), tagged_findings(kind, [target.id])
        preview = {"target": target, "source_count": len(on_source), "target_count": len(on_target),
                   "both": len(on_source & on_target), "after": len(on_source | on_target)}
    return _page(request, "merge.html", status=400 if form.errors else 200, form=form, kind=kind, term=source, preview=preview)


@access.requires(roles.EDIT_VOCABULARIES)
def split_theme(request, slug: str):
    """Name the new theme and its keywords, see how many findings move, confirm."""
    kind, source = _kind_and_term("themes", slug)
    initial = {"group": source.group, "source_keywords": "\n".join(source.keywords)}
    form = SplitForm(request.POST or None, initial=initial)
    plan, status = None, 200
    if request.method == "POST" and form.is_valid():
        new, kept = form.new_theme(), form.cleaned_data["source_keywords"]
        expected = [request.POST.get(n, "") for n in ("stay", "move", "both")] if request.POST.get("step") == "confirm" else None
        try:
            if expected is None:
                plan = services.plan_split(source.slug, services.new_theme_values(source, new), kept)
            else:
                version = services.split(request.user, source.slug, new, kept, expected=tuple(map(_whole, expected)))
                messages.success(request, _saved(version))
                return redirect("vocabularies")
        except services.TermProblems as error:
            form.show(error.problems)
            status = 400
        except services.SplitChanged as error:
            messages.error(request, str(error).capitalize() + ".")
            plan, status = services.plan_split(source.slug, services.new_theme_values(source, new), kept), 409
    total = len(tagged_findings(kind, [source.id]))
    examples = Finding.objects.filter(id__in=(plan.move + plan.both)[:8]).order_by("id") if plan else []
    return _page(request, "split.html", status=status, form=form, term=source, plan=plan, total=total, examples=examples)


def _whole(text: str) -> int:
    return int(text) if text.isdigit() else -1


@access.requires(roles.EDIT_VOCABULARIES)
def history(request):
    versions = TaxonomyVersion.objects.select_related("change")[:200]
    return _page(request, "history.html", versions=versions, version=services.current_version())


def _export(fmt: str) -> HttpResponse:
    response = HttpResponse(exchange.export(fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="scrutiny-vocabularies.{fmt}"'
    return response


@access.requires(roles.EDIT_VOCABULARIES)
def export_json(request):
    return _export("json")


@access.requires(roles.EDIT_VOCABULARIES)
def export_csv(request):
    return _export("csv")


@access.requires(roles.EDIT_VOCABULARIES)
def import_vocabularies(request):
    """Upload → dry run shown → confirm. The checked file waits in the session (it is small)."""
    if request.method == "POST" and request.POST.get("step") == "confirm":
        kept = request.session.pop(IMPORT_KEY, None)
        if not kept:
            messages.error(request, _("That upload has gone (imported already, or from another session). Upload it again."))
            return redirect("vocabularies_import")
        result = exchange.import_vocabularies(kept["content"].encode(), kept["format"], user=request.user)
        if result.problems:  # the vocabularies moved on since the dry run
            return _page(request, "import.html", status=409, form=ImportForm(), result=result, shown_name=kept["name"])
        done = {"name": kept["name"], "added": len(result.created), "updated": len(result.updated), "version": result.version}
        messages.success(request, (_("Imported %(name)s: %(added)s added, %(updated)s updated. Taxonomy version %(version)s.") if result.stored
                                   else _("Imported %(name)s: %(added)s added, %(updated)s updated; nothing had changed.")) % done)
        return redirect("vocabularies")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        shown_name = (upload.name or "file")[-100:]
        try:
            fmt = format_of(shown_name)
        except UnknownFormat:
            form.add_error("file", _("Choose a .json or .csv file"))
        else:
            if upload.size > IMPORT_MAX_BYTES:
                form.add_error("file", _("The file is too large for a vocabularies file (1 MB at most)"))
        if not form.errors:
            data = upload.read()
            result = exchange.import_vocabularies(data, fmt, dry_run=True)
            if not result.problems:
                request.session[IMPORT_KEY] = {"content": data.decode("utf-8-sig"), "format": fmt, "name": shown_name}
            return _page(request, "import.html", form=ImportForm() if result.problems else None, result=result, shown_name=shown_name)
    return _page(request, "import.html", status=400 if form.errors else 200, form=form, result=None)


# --- establishments waiting for review -------------------------------------------------------

@access.requires(roles.EDIT_VOCABULARIES)
def establishments_review(request):
    return render(request, "manage/establishments_review.html", {
        "section": "manage", "places": establishments.waiting(), "candidates": establishments.candidates(),
    })


@access.requires(roles.EDIT_VOCABULARIES)
@require_POST
def confirm_establishment(request, slug: str):
    try:
        place = establishments.confirm(request.user, slug)
    except ValueError as error:
        messages.error(request, str(error).capitalize() + ".")
    else:
        messages.success(request, _("Confirmed %(place)s as a place in the register.") % {"place": place.name})
    return redirect("establishments_review")


@access.requires(roles.EDIT_VOCABULARIES)
@require_POST
def merge_establishment(request, slug: str):
    try:
        place = establishments.merge(request.user, slug, request.POST.get("into", ""))
    except ValueError as error:
        messages.error(request, str(error).capitalize() + ".")
    else:
        messages.success(request, _("Merged into %(place)s: its names and reports are now that place’s.") % {"place": place.name})
    return redirect("establishments_review")
