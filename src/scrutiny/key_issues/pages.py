"""What the key issue pages show. Analysis is Markdown from staff, rendered with `markdown` and
then sanitised with `nh3`, so a pasted script or event handler never reaches a page."""

import markdown
import nh3
from django.http import Http404
from markupsafe import Markup

from scrutiny.key_issues.evidence import evidence_of
from scrutiny.key_issues.models import KeyIssue

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "blockquote", "code", "pre", "br", "hr",
                "table", "thead", "tbody", "tr", "th", "td", "abbr"}
CLASSES = {"<p>": '<p class="govuk-body">', "<ul>": '<ul class="govuk-list govuk-list--bullet">',
           "<ol>": '<ol class="govuk-list govuk-list--number">', "<h2>": '<h2 class="govuk-heading-m">',
           "<h3>": '<h3 class="govuk-heading-s">', "<a ": '<a class="govuk-link" '}


def rendered(text: str) -> Markup:
    html = nh3.clean(markdown.markdown(text or "", extensions=["tables", "sane_lists"]), tags=ALLOWED_TAGS,
                     attributes={"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}},
                     url_schemes={"https", "http", "mailto"}, link_rel="noopener noreferrer")
    for bare, styled in CLASSES.items():  # GOV.UK styles on the sanitised tags (nh3 drops any class given)
        html = html.replace(bare, styled)
    return Markup(html)


def public_issues():
    return KeyIssue.objects.filter(is_published=True)


def issue_page(issue: KeyIssue, public: bool) -> dict:
    items = issue.tracker_items.all()
    return {
        "title": issue.title, "issue": issue, "analysis": rendered(issue.analysis),
        "standards": issue.standards.all(), "evidence": evidence_of(issue.evidence_filter, issue.title),
        "tracker_items": items.filter(is_published=True) if public else items, "public": public,
        "letters": _letters_about(issue),
    }


def _letters_about(issue: KeyIssue):
    """The letters on the public register linked to this issue (staff see the same: drafts stay
    on the correspondence pages)."""
    from scrutiny.correspondence.services.register import public_letters

    return public_letters().filter(key_issues=issue)


def public_issue(slug: str) -> KeyIssue:
    issue = public_issues().filter(slug=slug).first()
    if issue is None:
        raise Http404("No such key issue")
    return issue


def staff_issue(issue_id: int) -> KeyIssue:
    issue = KeyIssue.objects.filter(pk=issue_id).first()
    if issue is None:
        raise Http404("No such key issue")
    return issue
