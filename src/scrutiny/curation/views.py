"""The staff pages under /manage: queues, reports in every state, corrections, history, undo."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from scrutiny.accounts import access, roles
from scrutiny.curation import pages, services
from scrutiny.curation.forms import FindingForm, ReportForm


@access.staff
def manage(request):
    return render(request, "manage/home.html", pages.home(request.user))


@access.requires(roles.VIEW_DRAFTS)
def reports(request):
    return render(request, "manage/reports.html", pages.reports(request.user, request.GET))


@access.requires(roles.VIEW_DRAFTS)
def report(request, report_id: int):
    return render(request, "manage/report.html", pages.report(request.user, report_id))


@access.requires(roles.EDIT)
def edit_report(request, report_id: int):
    report = services.report_for(request.user, report_id)
    return _edit(request, report, ReportForm, services.edit_report, "manage/edit_report.html", "manage_report", report.id)


@access.requires(roles.EDIT)
def edit_finding(request, finding_id: int):
    finding = services.finding_for(request.user, finding_id)
    proposing = services.may_propose(request.user, finding.report)
    return _edit(
        request, finding, FindingForm, services.propose if proposing else services.edit_finding,
        "manage/edit_finding.html", "manage_report", finding.report_id, proposing=proposing,
    )


def _edit(request, record, form_class, save, template, done, done_id, proposing=False):
    if not (proposing or services.may_edit(request.user, getattr(record, "report", record))):
        raise PermissionDenied
    form = form_class(request.POST or None, instance=record, initial={"version": record.version})
    conflict = None
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form._meta.fields}
        try:
            change = save(request.user, record.pk, form.cleaned_data["version"], values)
        except services.EditConflict as error:
            # Keep what they typed; show what is saved now; let them save again on top of it.
            conflict = error
            data = request.POST.copy()
            data["version"] = error.current.version
            form = form_class(data, instance=error.current)
        else:
            if change is None:
                messages.info(request, _("Nothing had changed."))
            else:
                messages.success(request, _("Sent to the secretariat, who will apply it.") if proposing else _("Saved."))
            return redirect(done, done_id)
    context = {"form": form, "record": record, "conflict": conflict, "proposing": proposing, **pages.history(record)}
    return render(request, template, context, status=409 if conflict else 200)


@access.requires(roles.EDIT)
@require_POST
def change_state(request, report_id: int):
    try:
        change = services.change_state(request.user, report_id, request.POST.get("state", ""))
    except ValueError as error:
        messages.error(request, str(error).capitalize() + ".")
    else:
        messages.success(request, f"{change.description}.")
    return redirect("manage_report", report_id)


@access.requires(roles.PUBLISH)
@require_POST
def decide(request, proposal_id: int):
    accept = request.POST.get("decision") == "accept"
    try:
        proposal = services.decide(request.user, proposal_id, accept)
    except services.EditConflict:
        messages.error(request, _("The finding changed after this correction was proposed. Reject it, or correct the finding yourself."))
        return redirect(request.POST.get("back") or "manage")
    except ValueError as error:
        messages.error(request, str(error).capitalize() + ".")
        return redirect(request.POST.get("back") or "manage")
    messages.success(request, _("Correction applied.") if accept else _("Correction rejected."))
    return redirect("manage_report", proposal.finding.report_id)


@access.requires(roles.REVERT)
@require_POST
def revert(request, change_id: int):
    try:
        change = services.revert(request.user, change_id)
    except (services.RevertConflict, ValueError) as error:
        messages.error(request, str(error).capitalize() + ".")
        return redirect(request.POST.get("back") or "manage")
    messages.success(request, _("Undone. The undo is itself in the history, and can be undone."))
    return redirect("manage_report", change.report_id)


@access.requires(roles.VIEW_HISTORY)
def history(request):
    return render(request, "manage/history.html", pages.recent_changes(request.user, request.GET))
