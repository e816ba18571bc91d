"""Forms of the tracker's staff pages (drawn with the GOV.UK macros of _forms.html)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from scrutiny.accounts import access, roles
from scrutiny.catalogue.models import Theme
from scrutiny.findings.models import Finding
from scrutiny.key_issues.models import KeyIssue
from scrutiny.tracker.importer import RESERVED_SLUGS, SLUG
from scrutiny.tracker.models import Action, Item, Jurisdiction, Kind, MilestoneKind, Stage, Treaty


def staff_choices() -> list[tuple[str, str]]:
    people = get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name", "email")
    return [("", _("Nobody yet"))] + [
        (str(p.pk), (p.get_full_name() or p.email)) for p in people if access.can(p, roles.EDIT_TRACKER)
    ]


class ItemForm(forms.ModelForm):
    owner = forms.ChoiceField(label=_("Owner of the NPM's action"), required=False)
    link = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https",
                          help_text=_("The item's own page, starting https://"),
                          error_messages={"invalid": _("Enter an address starting https://")})
    findings = forms.CharField(
        label=_("Findings"), required=False,
        help_text=_("Numbers of findings this item answers, separated by spaces or commas, such as 1234, 5678."),
    )

    class Meta:
        model = Item
        fields = ["title", "slug", "kind", "treaty", "jurisdiction", "lead", "stage", "summary", "link", "action", "notes", "themes", "key_issues"]
        labels = {
            "title": _("Title"), "slug": _("Slug"), "kind": _("Kind"), "treaty": _("Treaty process"), "jurisdiction": _("Jurisdiction"),
            "lead": _("Lead organisation"), "stage": _("Stage"), "summary": _("Summary"), "link": _("Link"),
            "action": _("The NPM's action"), "notes": _("Internal notes"), "themes": _("Themes"), "key_issues": _("Key issues"),
        }
        help_texts = {
            "slug": _("Its address: lower-case words joined by hyphens, such as mental-health-bill-2025."),
            "summary": _("What it is and why it matters to the NPM. Published with the item."),
            "link": _("The item's own page, starting https://"),
            "notes": _("For staff only: never published."),
            "treaty": _("Only for a treaty process."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = staff_choices()
        if self.instance.pk:
            self.initial.setdefault("owner", str(self.instance.owner_id or ""))
            self.initial.setdefault("findings", ", ".join(str(i) for i in self.instance.findings.values_list("id", flat=True)))
        self.fields["themes"].queryset = Theme.objects.order_by("name")
        self.fields["key_issues"].queryset = KeyIssue.objects.order_by("title")
        self.fields["themes"].required = self.fields["key_issues"].required = False
        for name, choices in (("kind", Kind), ("jurisdiction", Jurisdiction), ("stage", Stage), ("action", Action), ("treaty", Treaty)):
            self.fields[name].choices = list(choices.choices)
        self.fields["title"].error_messages["required"] = _("Enter a title")
        self.fields["slug"].error_messages["required"] = _("Enter a slug")

    def clean_slug(self):
        slug = self.cleaned_data["slug"].strip().lower()
        if not SLUG.match(slug):
            raise forms.ValidationError(_("Enter a slug of lower-case letters and digits joined by hyphens"))
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("That slug is kept for the tracker's own addresses: choose another"))
        return slug

    def clean_owner(self):
        chosen = self.cleaned_data.get("owner")
        return get_user_model().objects.filter(pk=chosen).first() if chosen else None

    def clean_findings(self):
        text = self.cleaned_data.get("findings", "")
        numbers = [n.lstrip("#") for n in text.replace(",", " ").split()]
        if any(not n.isdigit() for n in numbers):
            raise forms.ValidationError(_("Enter finding numbers only, such as 1234, 5678"))
        ids = {int(n) for n in numbers}
        found = set(Finding.objects.filter(id__in=ids).values_list("id", flat=True))
        if missing := sorted(ids - found):
            raise forms.ValidationError(_("There is no finding %(numbers)s") % {"numbers": ", ".join(map(str, missing))})
        return sorted(ids)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") != Kind.TREATY and cleaned.get("treaty"):
            self.add_error("treaty", _("Choose a treaty process only for an item of the kind Treaty process"))
        return cleaned

    def save(self, commit=True):
        item = super().save(commit=False)
        item.owner = self.cleaned_data.get("owner")
        item.save()
        self.save_m2m()
        item.findings.set(self.cleaned_data.get("findings") or [])
        return item


class MilestoneForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of milestone"), choices=MilestoneKind.choices)
    date = forms.DateField(label=_("Date"), help_text=_("For example, 2025-03-31"),
                           error_messages={"required": _("Enter the date"), "invalid": _("Enter a date written like 2025-03-31")})
    label = forms.CharField(label=_("Label (optional)"), required=False, max_length=300,
                            help_text=_("Such as “Call for evidence closes”"))


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title of the document"), max_length=300, error_messages={"required": _("Enter the title of the document")})
    link = forms.URLField(label=_("Link (optional)"), required=False, max_length=500, assume_scheme="https",
                          error_messages={"invalid": _("Enter an address starting https://")})
    file = forms.FileField(label=_("Or upload the file (optional)"), required=False)
    is_public = forms.BooleanField(label=_("Show it on the public page once the item is published"), required=False)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("link") and not cleaned.get("file") and not self.errors:
            raise forms.ValidationError(_("Give a link to the document or upload its file"))
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tracker spreadsheet"), help_text=_("CSV (UTF-8) or XLSX, with the columns listed below"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}))
