"""The composer's forms: start a bulletin, edit a section (its text and its entries)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from scrutiny.bulletin.models import Bulletin
from scrutiny.bulletin.services import BadMonth, month_of

SPARE_ENTRIES = 3  # blank rows under the entries, to add new ones without JavaScript


class NewBulletinForm(forms.Form):
    month = forms.CharField(label=_("Month"), help_text=_("For example, 2025-11"), max_length=7)

    def clean_month(self):
        try:
            month = month_of(self.cleaned_data["month"])
        except BadMonth:
            raise forms.ValidationError(_("Enter the month like 2025-11")) from None
        if Bulletin.objects.filter(month=month).exists():
            raise forms.ValidationError(_("There is already a bulletin for that month"))
        return month


class TitleForm(forms.ModelForm):
    class Meta:
        model = Bulletin
        fields = ["title"]
        labels = {"title": _("Title")}


class SectionForm(forms.Form):
    heading = forms.CharField(label=_("Heading (optional)"), required=False, max_length=200,
                              help_text=_("Leave empty for the section's usual heading"))
    text = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea,
                           help_text=_("Markdown: a blank line between paragraphs, [words](address) for a link, - for a list"))


class EntryForm(forms.Form):
    title = forms.CharField(label=_("Title"), required=False, max_length=500)
    link = forms.URLField(label=_("Link (optional)"), required=False, max_length=500, assume_scheme="https")
    summary = forms.CharField(label=_("Summary (optional)"), required=False, widget=forms.Textarea)
    date = forms.DateField(label=_("Date (optional)"), required=False, help_text=_("For example, 2025-11-28"))
    remove = forms.BooleanField(label=_("Remove this entry"), required=False)

    def clean(self):
        data = super().clean()
        if not data.get("remove") and not data.get("title") and (data.get("link") or data.get("summary") or data.get("date")):
            self.add_error("title", _("Give the entry a title, or tick “Remove this entry”"))
        return data

    @property
    def kept(self) -> bool:
        return self.is_valid() and bool(self.cleaned_data.get("title")) and not self.cleaned_data.get("remove")


EntryFormSet = forms.formset_factory(EntryForm, extra=0)


def entry_forms(data=None, initial: list[dict] | None = None):
    initial = list(initial or [])
    blanks = [{} for _ in range(SPARE_ENTRIES)]
    return EntryFormSet(data, initial=initial + blanks, prefix="entry") if data is None else EntryFormSet(data, prefix="entry")
