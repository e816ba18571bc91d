"""The key issue form: the evidence filter is checked with the dashboard's own parser, so a
value /findings would drop is refused here rather than silently widening the evidence."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as gettext_now, gettext_lazy as _

from scrutiny.findings.query import parse
from scrutiny.key_issues.models import KeyIssue, Standard
from scrutiny.tracker.importer import SLUG


class KeyIssueForm(forms.ModelForm):
    class Meta:
        model = KeyIssue
        fields = ["title", "slug", "summary", "analysis", "standards", "evidence_filter"]
        labels = {
            "title": _("Title"), "slug": _("Slug"), "summary": _("Summary"), "analysis": _("Analysis"),
            "standards": _("Standards engaged"), "evidence_filter": _("Evidence: the filter of the findings"),
        }
        help_texts = {
            "slug": _("Its address: lower-case words joined by hyphens, such as segregation-of-children."),
            "summary": _("A sentence or two, shown in the list of key issues."),
            "analysis": _("Markdown: blank lines between paragraphs, ## for a heading, - for a list, [words](https://…) for a link."),
            "evidence_filter": _("What follows the ? in the address of the findings page once filtered, such as theme=segregation&setting=yoi. Themes, settings, populations, bodies and periods all work."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standards"].queryset = Standard.objects.all()
        self.fields["standards"].required = False
        self.fields["title"].error_messages["required"] = _("Enter a title")
        self.fields["slug"].error_messages["required"] = _("Enter a slug")

    def clean_slug(self):
        slug = self.cleaned_data["slug"].strip().lower()
        if not SLUG.match(slug):
            raise forms.ValidationError(_("Enter a slug of lower-case letters and digits joined by hyphens"))
        return slug

    def clean_evidence_filter(self):
        text = self.cleaned_data.get("evidence_filter", "").strip()
        if "?" in text:  # a whole address pasted in: keep what follows the ?
            text = text.split("?", 1)[1]
        text = text.lstrip("?").split("#", 1)[0]
        query = parse(QueryDict(text))
        if query.ignored:
            raise forms.ValidationError(gettext_now("The findings page would ignore %(what)s") % {
                "what": "; ".join(f"{i.parameter}={i.value} ({i.reason})" for i in query.ignored)})
        return query.query_string()
