"""Forms of the vocabulary pages. They only gather what was typed: the checks live in
terms.clean_term, shared with the import, and their problems come back onto the fields here."""

from django import forms

from scrutiny.taxonomy.terms import Kind

PHRASES_HINT = "One word or phrase a line. A finding matches a phrase when it has its words in that order."


class TermForm(forms.Form):
    slug = forms.CharField(
        label="Slug", required=False,
        help_text="The stable identifier in addresses and exports: lower-case words joined by hyphens. It never changes.",
    )
    name = forms.CharField(label="Name", required=False)
    name_cy = forms.CharField(label="Name in Welsh", required=False)
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea)
    position = forms.CharField(label="Position in lists", required=False, help_text="A whole number; lower comes first.")
    group = forms.CharField(label="Group", required=False, help_text="Safety, Respect, Purposeful activity…")
    keywords = forms.CharField(label="Keywords", required=False, widget=forms.Textarea, help_text=PHRASES_HINT)
    exclusions = forms.CharField(
        label="Exclusions", required=False, widget=forms.Textarea,
        help_text="Phrases in which a keyword means something else and does not count (“transfer to hospital”). One a line.",
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
    target = forms.ChoiceField(label="Merge into")

    def __init__(self, kind: Kind, source, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].label = f"Merge “{source.name}” into"
        self.fields["target"].help_text = f"Every finding labelled “{source.name}” will be labelled with this {kind.noun} instead."
        self.fields["target"].choices = [("", f"Choose a {kind.noun}")] + [
            (t.slug, f"{t.name} ({t.slug})") for t in kind.model.objects.exclude(pk=source.pk).order_by("position", "name")
        ]


class SplitForm(forms.Form):
    slug = forms.CharField(label="Slug of the new theme", required=False, help_text="Lower-case words joined by hyphens, like “strip-searching”.")
    name = forms.CharField(label="Name of the new theme", required=False)
    group = forms.CharField(label="Group", required=False)
    keywords = forms.CharField(
        label="Keywords of the new theme", required=False, widget=forms.Textarea,
        help_text="Findings in which these are found move to the new theme. " + PHRASES_HINT,
    )
    exclusions = forms.CharField(label="Exclusions of the new theme", required=False, widget=forms.Textarea, help_text="One a line.")
    source_keywords = forms.CharField(
        label="Keywords the theme keeps", required=False, widget=forms.Textarea,
        help_text="A finding that has the new theme’s keywords and still one of these keeps both tags; take out the phrases that now belong to the new theme.",
    )

    def new_theme(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("slug", "name", "group", "keywords", "exclusions")}

    def show(self, problems: list[tuple[str, str]]) -> None:
        for name, message in problems:
            self.add_error(name if name in self.fields else None, message[0].upper() + message[1:])


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Vocabularies file", help_text="JSON or CSV, as the export writes it",
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.csv"}),
    )
