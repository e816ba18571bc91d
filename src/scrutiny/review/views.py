"""The review queue (/manage/review) and a finding's themes (/manage/review/findings/ID).

Both are plain forms: every decision is a button that posts, so they work without JavaScript;
review/queue.mjs adds keyboard shortcuts on top. After a decision the person comes back to
where they were, with a message saying what happened (or who decided first)."""

import re

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _, gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from scrutiny.accounts import access
from scrutiny.review import pages, services

SLUG = re.compile(r"[a-z0-9-]{1,100}")
VERB_DONE = {"accept": gettext_lazy("Accepted"), "reject": gettext_lazy("Rejected"), "confirm": gettext_lazy("Confirmed"),
             "remove": gettext_lazy("Removed"), "add": gettext_lazy("Added")}


@access.requires(services.PERMISSION)
def queue(request):
    return render(request, "review/queue.html", pages.queue(request.user, request.GET))


@access.requires(services.PERMISSION)
@require_POST
def decide(request):
    """One button of the batch form: either one item's accept/reject (`one` = verb:finding:theme)
    or the batch buttons (`verb`) on the ticked items (`pair` = finding:theme)."""
    theme = request.POST.get("theme", "")
    back = reverse("review_queue") + (f"?theme={theme}" if SLUG.fullmatch(theme) else "")
    try:
        if request.POST.get("one"):
            verb, __, pair = request.POST["one"].partition(":")
            pairs = [_pair(pair)]
        else:
            verb, pairs = request.POST.get("verb", ""), [_pair(p) for p in request.POST.getlist("pair")]
        if verb not in ("accept", "reject"):
            raise ValueError("choose accept or reject")
    except ValueError as error:
        messages.error(request, str(error).capitalize() + ".")
        return redirect(back)
    if not pairs:
        messages.error(request, _("Tick at least one suggestion first, then accept or reject them."))
        return redirect(back)
    _tell(request, verb, *services.decide_many(request.user, pairs, verb))
    return redirect(back)


@access.requires(services.PERMISSION)
def finding(request, finding_id: int):
    """Every theme of one finding: its tags (confirm or remove), its suggestions (accept or
    reject) and a theme to add."""
    found = services.finding_for(request.user, finding_id)
    if request.method == "POST":
        verb, __, theme = request.POST.get("decide", "").partition(":")
        if verb == "add":
            theme = request.POST.get("theme", "")
        try:
            if not theme.isdigit():
                raise ValueError("choose a theme" if verb == "add" else "unknown decision")
            _tell(request, verb, *services.decide_many(request.user, [(found.id, int(theme))], verb))
        except ValueError as error:
            messages.error(request, str(error).capitalize() + ".")
        return redirect("review_finding", found.id)
    return render(request, "review/finding.html", pages.finding_review(request.user, found))


def _pair(text: str) -> tuple[int, int]:
    finding, __, theme = text.partition(":")
    if not (finding.isdigit() and theme.isdigit()):
        raise ValueError(f"not a finding and theme: {text!r}")
    return int(finding), int(theme)


def _tell(request, verb: str, done, stale) -> None:
    if done:
        names = sorted({d.theme.name for d in done})
        n = len(done)
        if len(names) == 1:
            what = ngettext("“%(theme)s” on %(num)s finding", "“%(theme)s” on %(num)s findings", n) % {"theme": names[0], "num": n}
        else:
            what = ngettext("%(num)s theme", "%(num)s themes", n) % {"num": n}
        messages.success(request, f"{VERB_DONE[verb]} {what}.")
    for error in stale:
        messages.warning(request, str(error))
