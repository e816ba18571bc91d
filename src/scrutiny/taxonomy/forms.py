"""Forms of the vocabulary pages. They only gather what was typed: the checks live in
terms.clean_term, shared with the import, and their problems come back onto the fields here."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy as _

from scrutiny.taxonomy.terms import Kind

PHRASES_HINT = _("One word or phrase a line. A finding matches a phrase when it has its words in that order.")


class TermForm(forms.Form):
    slug = forms.CharField(
        label=_("Slug"), required=False,
        help_text=_("The stable identifier in addresses and exports: lower-case words joined by hyphens. It never changes."),
    )
    name = forms.CharField(label=_("Name"), required=False)
    name_cy = forms.CharField(label=_("Name in Welsh"), required=False)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea)
    position = forms.CharField(label=_("Position in lists"), required=False, help_text=_("A whole number; lower comes first."))
    group = forms.CharField(label=_("Group"), required=False, help_text=_("Safety, Respect, Purposeful activity…"))
    keywords = forms.CharField(label=_("Keywords"), required=False, widget=forms.Textarea, help_text=PHRASES_HINT)
    exclusions = forms.CharField(
        label=_("Exclusions"), required=False, widget=forms.Textarea,
        help_text=_("Phrases in which a keyword means something else and does not count (“transfer to hospital”). One a line."),
    )

    def __init__(self, kind: Kind, *args, creating: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        for name in list(self.fields):
            if name not in kind.fields or (name == "slug" and not creating):
                del self.fields[name]
        if kind.slug == "populations":
            self.fields["description"].help_text = "The words that mark a finding as about this population, separated by commas: the keyword rules read them."

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields}

    def show(self, problems: list[tuple[str, str]]) -> None:
        for name, message in problems:
            self.add_error(name if name in self.fields else None, message[0].upper() + message[1:])


def term_initial(term) -> dict:
    values = {name: getattr(term, name, "") for name in TermForm.base_fields}
    for name in ("keywords", "exclusions"):
        values[name] = "\n".join(values[name] or [])
    return values


class MergeForm(forms.Form):
    target = forms.ChoiceField(label=_("Merge into"))

    def __init__(self, kind: Kind, source, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].label = gettext("Merge “%(name)s” into") % {"name": source.name}
        # Whole sentences per vocabulary: Welsh mutates the noun after "this" and "a".
        self.fields["target"].help_text = {
            "themes": gettext("Every finding labelled “%(name)s” will be labelled with this theme instead."),
            "populations": gettext("Every finding labelled “%(name)s” will be labelled with this population instead."),
            "settings": gettext("Every finding labelled “%(name)s” will be labelled with this setting instead."),
        }.get(kind.slug, f"Every finding labelled “%(name)s” will be labelled with this {kind.noun} instead.") % {"name": source.name}
        choose = {"themes": gettext("Choose a theme"), "populations": gettext("Choose a population"), "settings": gettext("Choose a setting")}
        self.fields["target"].choices = [("", choose.get(kind.slug, f"Choose a {kind.noun}"))] + [
            (t.slug, f"{t.name} ({t.slug})") for t in kind.model.objects.exclude(pk=source.pk).order_by("position", "name")
        ]


class SplitForm(forms.Form):
    slug = forms.CharField(label=_("Slug of the new theme"), required=False, help_text=_("Lower-case words joined by hyphens, like “strip-searching”."))
    name = forms.CharField(label=_("Name of the new theme"), required=False)
    group = forms.CharField(label=_("Group"), required=False)
    keywords = forms.CharField(
        label=_("Keywords of the new theme"), required=False, widget=forms.Textarea,
        help_text=format_lazy("{} {}", _("Findings in which these are found move to the new theme."), PHRASES_HINT),
    )
    exclusions = forms.CharField(label=_("Exclusions of the new theme"), required=False, widget=forms.Textarea, help_text=_("One a line."))
    source_keywords = forms.CharField(
        label=_("Keywords the theme keeps"), required=False, widget=forms.Textarea,
        help_text=_("A finding that has the new theme’s keywords and still one of these keeps both tags; take out the phrases that now belong to the new theme."),
    )

    def new_theme(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("slug", "name", "group", "keywords", "exclusions")}

    def show(self, problems: list[tuple[str, str]]) -> None:
        for name, message in problems:
            self.add_error(name if name in self.fields else None, message[0].upper() + message[1:])


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Vocabularies file"), help_text=_("JSON or CSV, as the export writes it"),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.csv"}),
    )
