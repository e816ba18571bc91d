"""The letter and reply forms. A file is checked here (type by its content), stored by the
service once the whole form is valid, so a refused form leaves no file behind."""

import re
from datetime import date

from django import forms
from django.utils.translation import gettext, gettext_lazy as _

from scrutiny.catalogue.models import Theme
from scrutiny.correspondence.models import Letter, LetterStatus, Reply, Sender
from scrutiny.correspondence.services import letter_files
from scrutiny.findings.models import Finding
from scrutiny.key_issues.models import KeyIssue
from scrutiny.tracker.models import Item

DATE_HELP = _("As YYYY-MM-DD, for example 2025-12-19.")
FILE_HELP = _("PDF or Word (.docx). Choosing a file replaces the one held.")
ACCEPT = ".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ONE_LINE = ("subgroup", "recipient_name", "recipient_role", "recipient_organisation", "subject")


def one_line(value: str) -> str:
    """Text for a one-line field: no control characters (PostgreSQL refuses NUL), spaces collapsed."""
    return " ".join("".join(c if c.isprintable() else " " for c in value or "").split())


def checked_file(uploaded):
    if not uploaded:
        return None
    try:
        letter_files.check(uploaded)
    except letter_files.Refused as refusal:
        raise forms.ValidationError(gettext("The file %(name)s %(reason)s") % {
            "name": letter_files.display_name(uploaded.name), "reason": refusal}) from None
    return uploaded


class LetterForm(forms.ModelForm):
    file = forms.FileField(label=_("The letter (optional)"), required=False, help_text=FILE_HELP, widget=forms.FileInput(attrs={"accept": ACCEPT}))
    finding_ids = forms.CharField(
        label=_("Findings (optional)"), required=False, max_length=2000,
        help_text=_("The numbers of the findings the letter draws on, as in their addresses (/findings/1234), separated by commas."),
    )

    class Meta:
        model = Letter
        fields = [
            "sender", "subgroup", "recipient_name", "recipient_role", "recipient_organisation", "recipient_nation",
            "subject", "summary", "status", "sent_on", "reply_working_days", "key_issues", "tracker_items", "themes",
            "internal_notes",
        ]
        labels = {
            "sender": _("Sent by"), "subgroup": _("Subgroup (when a subgroup sent it)"),
            "recipient_name": _("Recipient's name (optional, never published)"), "recipient_role": _("Recipient's role"),
            "recipient_organisation": _("Recipient's organisation"), "recipient_nation": _("Recipient's nation"),
            "subject": _("Subject"), "summary": _("Summary for the public register"), "status": _("Status"),
            "sent_on": _("Date sent"), "reply_working_days": _("Working days allowed for a reply"),
            "key_issues": _("Key issues"), "tracker_items": _("Policy Tracker items"), "themes": _("Themes"),
            "internal_notes": _("Internal notes (never published)"),
        }
        help_texts = {
            "recipient_nation": _("The reply is counted in the bank holidays of this nation; a UK-wide recipient counts as England and Wales. Choose England and Wales for Wales."),
            "summary": _("Markdown: a blank line between paragraphs, * for a list."),
            "sent_on": DATE_HELP,
            "reply_working_days": _("Usually 20. Weekends and the bank holidays of the recipient's nation do not count."),
        }
        widgets = {
            "key_issues": forms.CheckboxSelectMultiple, "tracker_items": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key_issues"].queryset = KeyIssue.objects.order_by("title")
        self.fields["tracker_items"].queryset = Item.objects.order_by("title")
        self.fields["themes"].queryset = Theme.objects.order_by("position", "name")
        self.fields["sent_on"].error_messages["invalid"] = gettext("Enter the date sent as YYYY-MM-DD, for example 2025-12-19")
        for name, message in {
            "recipient_role": _("Enter the recipient's role"),
            "recipient_organisation": _("Enter the recipient's organisation"),
            "subject": _("Enter the letter's subject"),
            "reply_working_days": _("Enter the number of working days allowed for a reply"),
        }.items():
            self.fields[name].error_messages["required"] = message
        if self.instance.pk and not self.is_bound:
            self.initial["finding_ids"] = ", ".join(str(pk) for pk in self.instance.findings.values_list("pk", flat=True))

    def clean(self):
        data = super().clean()
        for name in ONE_LINE:
            if name in data:
                data[name] = one_line(data[name])
        if data.get("sender") == Sender.SUBGROUP and not data.get("subgroup"):
            self.add_error("subgroup", gettext("Enter the name of the subgroup that sent the letter"))
        if data.get("status") == LetterStatus.SENT:
            sent = data.get("sent_on")
            if sent is None and "sent_on" not in self.errors:
                self.add_error("sent_on", gettext("Enter the date the letter was sent"))
            elif sent is not None and sent > date.today():
                self.add_error("sent_on", gettext("The date sent cannot be in the future: keep the letter as a draft until it is sent"))
        return data

    def clean_file(self):
        return checked_file(self.cleaned_data.get("file"))

    def clean_finding_ids(self):
        given = self.cleaned_data["finding_ids"]
        numbers = [int(n) for n in re.findall(r"\d+", given)]
        if re.sub(r"[\d,;\s]", "", given):
            raise forms.ValidationError(gettext("Enter finding numbers separated by commas, for example 1204, 1377"))
        found = set(Finding.objects.filter(pk__in=numbers).values_list("pk", flat=True))
        missing = [n for n in numbers if n not in found]
        if missing:
            raise forms.ValidationError(gettext("There is no finding numbered %(numbers)s") % {"numbers": ", ".join(map(str, missing[:10]))})
        return sorted(found)

    def _save_m2m(self):
        super()._save_m2m()
        self.instance.findings.set(self.cleaned_data.get("finding_ids") or [])


class ReplyForm(forms.ModelForm):
    file = forms.FileField(label=_("The reply (optional)"), required=False, help_text=FILE_HELP, widget=forms.FileInput(attrs={"accept": ACCEPT}))

    class Meta:
        model = Reply
        fields = ["received_on", "summary", "is_published"]
        labels = {
            "received_on": _("Date received"), "summary": _("Summary for the public register"),
            "is_published": _("Publish this reply on the register with the letter"),
        }
        help_texts = {"received_on": DATE_HELP, "summary": _("Markdown: a blank line between paragraphs, * for a list.")}

    def __init__(self, *args, letter=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.letter = letter
        self.fields["received_on"].error_messages.update({
            "required": gettext("Enter the date the reply was received"),
            "invalid": gettext("Enter the date received as YYYY-MM-DD, for example 2026-01-21"),
        })

    def clean_received_on(self):
        received = self.cleaned_data["received_on"]
        if received > date.today():
            raise forms.ValidationError(gettext("The date received cannot be in the future"))
        sent = getattr(self.letter, "sent_on", None)
        if sent and received < sent:
            raise forms.ValidationError(gettext("The reply cannot have been received before the letter was sent (%(date)s)") % {"date": sent.isoformat()})
        return received

    def clean_file(self):
        return checked_file(self.cleaned_data.get("file"))
