"""Correction forms. Each carries the version the person opened, for optimistic locking."""

from django import forms
from django.utils.translation import gettext_lazy as _

from scrutiny.catalogue.models import Nation, Setting
from scrutiny.curation.services import FINDING_FIELDS
from scrutiny.findings.models import Finding
from scrutiny.reports.models import Report


class FindingForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Finding
        fields = FINDING_FIELDS
        labels = {
            "kind": _("Kind"),
            "number": _("Number"),
            "label_in_source": _("Heading or label in the report"),
            "text": _("Text"),
            "page": _("Page"),
            "section": _("Section"),
            "addressee": _("Addressed to"),
            "status": _("Status"),
            "status_in_source": _("Status as the report words it"),
        }
        help_texts = {"text": _("As printed in the report. Correct what extraction got wrong; do not reword.")}


class ReportForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    setting = forms.ModelChoiceField(Setting.objects.order_by("position", "name"), required=False, to_field_name="slug",
                                     label=_("Setting"), empty_label=_("Not recorded"))
    nation = forms.ModelChoiceField(Nation.objects.order_by("name"), required=False, to_field_name="slug",
                                    label=_("Nation"), empty_label=_("Not recorded"))
    source_url = forms.URLField(label=_("Source URL"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Report
        fields = ["title", "report_type", "published", "setting", "nation", "fieldwork_start", "fieldwork_end", "legal_basis", "source_url"]
        labels = {
            "title": _("Title"),
            "report_type": _("Report type"),
            "published": _("Published"),
            "fieldwork_start": _("Fieldwork start"),
            "fieldwork_end": _("Fieldwork end"),
            "legal_basis": _("Legal basis"),
        }
        help_texts = {"published": _("As YYYY-MM-DD, e.g. 2025-03-14.")}

    def clean(self):
        data = super().clean()
        start, end = data.get("fieldwork_start"), data.get("fieldwork_end")
        if start and end and end < start:
            self.add_error("fieldwork_end", _("The end of fieldwork must be on or after its start"))
        return data
