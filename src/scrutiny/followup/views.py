"""Follow-up pages: the public status chart, and the staff queue where people confirm, reject or
choose the earlier finding an assessment judges. Decisions post, then go back where they came from."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from scrutiny.accounts import access, roles
from scrutiny.followup import pages, services


@access.public
def status_chart(request):
    return render(request, "followup/status.html", pages.status_page(request.GET))


@access.requires(roles.EDIT)
def queue(request):
    return render(request, "followup/queue.html", pages.queue(request.user, request.GET))


@access.requires(roles.EDIT)
def assessment(request, finding_id: int):
    return render(request, "followup/assessment.html", pages.assessment_page(request.user, finding_id, request.GET))


@access.requires(roles.EDIT)
@require_POST
def confirm(request, suggestion_id: int):
    return _decided(request, lambda: services.confirm(request.user, suggestion_id), _("Linked. The earlier finding's status history has the verdict."))


@access.requires(roles.EDIT)
@require_POST
def reject(request, suggestion_id: int):
    return _decided(request, lambda: services.reject(request.user, suggestion_id), _("Rejected. It will not be suggested again."))


@access.requires(roles.EDIT)
@require_POST
def link(request, finding_id: int):
    chosen = request.POST.get("finding", "").strip().lstrip("#")
    if not chosen.isdigit():
        messages.error(request, _("Enter the number of the earlier finding, such as 1234."))
        return redirect("follow_up_assessment", finding_id)
    return _decided(request, lambda: services.link(request.user, finding_id, int(chosen)), _("Linked."), finding_id)


@access.requires(roles.EDIT)
@require_POST
def unlink(request, finding_id: int):
    return _decided(request, lambda: services.unlink(request.user, finding_id),
                    _("Unlinked. The earlier finding's status is back to what its history says."), finding_id)


def _decided(request, decide, done: str, finding_id: int | None = None):
    try:
        decide()
    except ValueError as error:
        messages.error(request, str(error)[:1].upper() + str(error)[1:] + ".")
    else:
        messages.success(request, str(done))
    back = request.POST.get("back", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("follow_up_assessment", finding_id) if finding_id else redirect("follow_up_queue")
