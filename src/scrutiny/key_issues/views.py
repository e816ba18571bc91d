"""Key issue pages: the public list and page, and the staff list, form, preview and publishing."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from scrutiny.accounts import access, roles
from scrutiny.key_issues import pages
from scrutiny.key_issues.forms import KeyIssueForm
from scrutiny.key_issues.models import KeyIssue


@access.public
def key_issues(request):
    return render(request, "key_issues/list.html", {"title": _("Key issues"), "issues": pages.public_issues()})


@access.public
def key_issue(request, slug: str):
    return render(request, "key_issues/issue.html", pages.issue_page(pages.public_issue(slug), public=True))


def _staff(request, template: str, status: int = 200, **context):
    return render(request, f"key_issues/manage/{template}", {"section": "manage", **context}, status=status)


@access.requires(roles.EDIT_TRACKER)
def manage(request):
    return _staff(request, "list.html", title=_("Key issues"), issues=KeyIssue.objects.all())


@access.requires(roles.EDIT_TRACKER)
def add(request):
    form = KeyIssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        issue = form.save()
        messages.success(request, _("Added %(title)s as a draft.") % {"title": issue.title})
        return redirect("key_issue_edit", issue.pk)
    return _staff(request, "edit.html", status=400 if form.errors else 200, title=_("Add a key issue"), form=form, issue=None)


@access.requires(roles.EDIT_TRACKER)
def edit(request, issue_id: int):
    issue = pages.staff_issue(issue_id)
    form = KeyIssueForm(request.POST or None, instance=issue)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("key_issue_edit", issue.pk)
    return _staff(request, "edit.html", status=400 if form.errors else 200, title=_("Edit %(title)s") % {"title": issue.title},
                  form=form, issue=issue)


@access.requires(roles.EDIT_TRACKER)
def preview(request, issue_id: int):
    """The page as the public will see it, drafts included, for the person writing it."""
    return render(request, "key_issues/issue.html", {**pages.issue_page(pages.staff_issue(issue_id), public=False), "section": "manage"})


@access.requires(roles.EDIT_TRACKER)
@require_POST
def publish(request, issue_id: int):
    return _set_published(request, issue_id, True)


@access.requires(roles.EDIT_TRACKER)
@require_POST
def unpublish(request, issue_id: int):
    return _set_published(request, issue_id, False)


def _set_published(request, issue_id: int, published: bool):
    issue = pages.staff_issue(issue_id)
    issue.is_published = published
    issue.save(update_fields=["is_published", "updated"])
    messages.success(request, (_("Published: %(title)s.") if published else _("Unpublished: %(title)s is a draft again.")) % {"title": issue.title})
    return redirect("key_issue_edit", issue.pk)
