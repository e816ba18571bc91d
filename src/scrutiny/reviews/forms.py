"""Staff forms for the reviews tracker. Dates are typed as YYYY-MM-DD, as on the report forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from scrutiny.key_issues.models import KeyIssue
from scrutiny.reviews.models import ImplementationUpdate, Review, ReviewRecommendation
from scrutiny.tracker.models import Item

DATE_HINT = _("As YYYY-MM-DD, e.g. 2025-03-14.")


class ReviewForm(forms.ModelForm):
    slug = forms.SlugField(label=_("Address name"), required=False, max_length=120,
                           help_text=_("Lower-case words joined by hyphens, used in the page's address. Leave empty to make one from the title."))
    link = forms.URLField(label=_("Link to the review"), required=False, max_length=500, assume_scheme="https")
    tracker_items = forms.ModelMultipleChoiceField(Item.objects.order_by("title"), required=False,
                                                   widget=forms.CheckboxSelectMultiple, label=_("Policy Tracker items"))
    key_issues = forms.ModelMultipleChoiceField(KeyIssue.objects.order_by("title"), required=False,
                                                widget=forms.CheckboxSelectMultiple, label=_("Key Issues"))

    class Meta:
        model = Review
        fields = ["title", "slug", "commissioned_by", "chair", "status", "date_announced", "date_published",
                  "date_responded", "progress_review_due", "link", "summary", "tracker_items", "key_issues", "notes"]
        labels = {
            "title": _("Title"),
            "commissioned_by": _("Commissioned by"),
            "chair": _("Chair"),
            "status": _("Status"),
            "date_announced": _("Date announced"),
            "date_published": _("Date the report was published"),
            "date_responded": _("Date of the government's response"),
            "progress_review_due": _("Progress review due"),
            "summary": _("Summary"),
            "notes": _("Notes for staff"),
        }
        help_texts = {
            "date_announced": DATE_HINT,
            "date_published": DATE_HINT,
            "date_responded": DATE_HINT,
            "progress_review_due": _("When to look again at what was done, often three years after publication. As YYYY-MM-DD."),
            "summary": _("Shown to the public. Markdown: a blank line between paragraphs, * for a bullet."),
            "notes": _("Never shown to the public."),
        }

    def clean_slug(self):
        from scrutiny.reviews.services import unique_slug

        slug = self.cleaned_data.get("slug")
        if not slug:
            return unique_slug(self.cleaned_data.get("title") or "", self.instance.pk)
        if Review.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another review already uses this address name"))
        return slug

    def clean(self):
        data = super().clean()
        if not self.errors.get("slug") and not data.get("slug") and data.get("title"):
            from scrutiny.reviews.services import unique_slug

            data["slug"] = unique_slug(data["title"], self.instance.pk)
        announced, published = data.get("date_announced"), data.get("date_published")
        if announced and published and published < announced:
            self.add_error("date_published", _("The report cannot be published before the review was announced"))
        return data


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = ReviewRecommendation
        fields = ["number", "text", "page"]
        labels = {"number": _("Number"), "text": _("Text"), "page": _("Page")}
        help_texts = {"text": _("As printed in the review's report."), "number": _("As the report numbers it, such as 4 or 2.3.")}


class ResponseForm(forms.ModelForm):
    class Meta:
        model = ReviewRecommendation
        fields = ["response", "response_text"]
        labels = {"response": _("The government's response"), "response_text": _("What the response says")}
        help_texts = {"response_text": _("Quote or summarise the government's words on this recommendation.")}


class UpdateForm(forms.ModelForm):
    evidence_link = forms.URLField(label=_("Link to the evidence"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = ImplementationUpdate
        fields = ["date", "status", "evidence", "evidence_link"]
        labels = {"date": _("Date"), "status": _("Implementation status"), "evidence": _("Evidence")}
        help_texts = {"date": _("The date the status applies from. As YYYY-MM-DD."),
                      "evidence": _("What shows this status, such as a progress report or a minister's statement.")}


class UploadForm(forms.Form):
    file = forms.FileField(label=_("The review's report"), help_text=_("A PDF, Word (.docx) or web page (.html) file."),
                           widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.html,.htm"}))


class ExtractedForm(forms.Form):
    """One recommendation the extractor found, as the person confirms or corrects it."""

    keep = forms.BooleanField(required=False, label=_("Store this recommendation"))
    number = forms.CharField(required=False, max_length=20, label=_("Number"))
    text = forms.CharField(widget=forms.Textarea, required=False, label=_("Text"))
    page = forms.IntegerField(required=False, min_value=1, label=_("Page"))

    def clean(self):
        data = super().clean()
        if data.get("keep") and not (data.get("text") or "").strip():
            self.add_error("text", _("Enter the recommendation's text, or untick it"))
        return data


ExtractedFormSet = forms.formset_factory(ExtractedForm, extra=0, max_num=500, validate_max=True)
