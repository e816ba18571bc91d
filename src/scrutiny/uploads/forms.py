"""The upload form: one or several report files and the metadata `scrutiny ingest` takes.

The files themselves are checked one by one in services.accept (a bad file never stops the good
ones); the form checks the metadata, which all the files share."""

from datetime import date

from django import forms
from django.utils.translation import gettext, gettext_lazy as _

from scrutiny.catalogue.models import Body, Nation, Setting
from scrutiny.reports.models import ReportType


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.Field):
    """Every file chosen, unchecked: each is judged on its own later."""

    widget = MultipleFileInput
    default_error_messages = {"required": _("Choose one or more report files to upload")}

    def to_python(self, data):
        if not data:
            return []
        return [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f is not None]

    def bound_data(self, data, initial):
        return None  # a browser never sends the same files back


class UploadForm(forms.Form):
    files = FilesField(
        label=_("Report files"),
        help_text=_("PDF, Word (.docx), HTML or plain text. You can choose several files of the same kind of report."),
    )
    body = forms.ChoiceField(label=_("Body"), error_messages={
        "required": _("Choose the body that published the report"),
        "invalid_choice": _("Choose one of the bodies you upload for"),
    })
    report_type = forms.ChoiceField(label=_("Report type"), choices=[("", _("Choose a type"))] + list(ReportType.choices),
                                    error_messages={"required": _("Choose the report type"),
                                                    "invalid_choice": _("Choose one of the report types listed")})
    published = forms.CharField(label=_("Publication date"), max_length=40,
                                help_text=_("As YYYY-MM-DD, for example 2025-03-14."),
                                error_messages={"required": _("Enter the publication date")})
    establishment = forms.CharField(label=_("Establishment (optional)"), max_length=300, required=False,
                                    help_text=_("As the report prints it, for example HMP Thornwick."))
    title = forms.CharField(label=_("Title (optional)"), max_length=500, required=False,
                            help_text=_("Leave blank to use the title printed in each report."))
    setting = forms.ModelChoiceField(Setting.objects.order_by("position", "name"), required=False, to_field_name="slug",
                                     label=_("Setting (optional)"), empty_label=_("Work it out from the establishment"),
                                     error_messages={"invalid_choice": _("Choose one of the settings listed")})
    nation = forms.ModelChoiceField(Nation.objects.order_by("name"), required=False, to_field_name="slug",
                                    label=_("Nation (optional)"), empty_label=_("Work it out from the establishment"),
                                    error_messages={"invalid_choice": _("Choose one of the nations listed")})

    def __init__(self, *args, bodies=None, **kwargs):
        """bodies: the Body queryset this person may upload for."""
        super().__init__(*args, **kwargs)
        self.bodies = list(bodies if bodies is not None else Body.objects.all())
        choices = [(b.slug, b.name) for b in sorted(self.bodies, key=lambda b: b.name)]
        self.fields["body"].choices = choices if len(choices) == 1 else [("", gettext("Choose a body"))] + choices
        for name in ("establishment", "title"):
            self.fields[name].widget.attrs["spellcheck"] = "false"

    def clean_body(self):
        slug = self.cleaned_data["body"]
        found = next((b for b in self.bodies if b.slug == slug), None)
        if found is None:  # ChoiceField already refuses it; this keeps a Body, not a slug
            raise forms.ValidationError(gettext("Choose one of the bodies you upload for"))
        return found

    def clean_published(self):
        given = self.cleaned_data["published"].strip()
        try:
            value = date.fromisoformat(given)
        except ValueError:
            raise forms.ValidationError(
                gettext("The publication date ‘%(given)s’ is not a date: enter it as YYYY-MM-DD, for example 2025-03-14") % {"given": given[:40]}
            ) from None
        if value.year < 1900 or value > date.today():
            raise forms.ValidationError(gettext("The publication date must be a real date, no later than today"))
        return value

    def clean_establishment(self):
        return _one_line(self.cleaned_data["establishment"])

    def clean_title(self):
        return _one_line(self.cleaned_data["title"])


def _one_line(value: str) -> str:
    """Text for the database: no control characters (PostgreSQL refuses NUL), spaces collapsed."""
    return " ".join("".join(c if c.isprintable() else " " for c in value).split())
