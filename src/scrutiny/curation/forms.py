"""Correction forms. Each carries the version the person opened, for optimistic locking."""

from django import forms

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
            "label_in_source": "Heading or label in the report",
            "status_in_source": "Status as the report words it",
            "addressee": "Addressed to",
        }
        help_texts = {"text": "As printed in the report. Correct what extraction got wrong; do not reword."}


class ReportForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    setting = forms.ModelChoiceField(Setting.objects.order_by("position", "name"), required=False, to_field_name="slug", empty_label="Not recorded")
    nation = forms.ModelChoiceField(Nation.objects.order_by("name"), required=False, to_field_name="slug", empty_label="Not recorded")
    source_url = forms.URLField(label="Source URL", required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Report
        fields = ["title", "report_type", "published", "setting", "nation", "fieldwork_start", "fieldwork_end", "legal_basis", "source_url"]
        help_texts = {"published": "As YYYY-MM-DD, e.g. 2025-03-14."}

    def clean(self):
        data = super().clean()
        start, end = data.get("fieldwork_start"), data.get("fieldwork_end")
        if start and end and end < start:
            self.add_error("fieldwork_end", "The end of fieldwork must be on or after its start")
        return data
