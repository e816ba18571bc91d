"""The forms people fill in to sign in, accept an invitation and invite others."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext, gettext_lazy as _

from scrutiny.accounts import roles
from scrutiny.catalogue.models import Body


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Enter a correct e-mail address and password."),
        "inactive": _("This account has been closed."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-mail address")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"), max_length=8,
        help_text=_("The 6-digit code your app shows now."),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError(_("Enter the 6 digits your app shows"))
        return code


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Your full name"), max_length=150)
    password = forms.CharField(
        label=_("Choose a password"), widget=forms.PasswordInput, strip=False,
        help_text=_("At least 12 characters. A phrase of a few unrelated words is easy to remember."),
    )
    password_again = forms.CharField(label=_("Type the password again"), widget=forms.PasswordInput, strip=False)

    def __init__(self, *args, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        data = super().clean()
        password, again = data.get("password"), data.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", _("The two passwords are not the same"))
        elif password:
            from django.contrib.auth.models import User

            try:
                password_validation.validate_password(password, User(username=self.email, email=self.email))
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"))
    body = forms.ChoiceField(label=_("Body"), required=False, help_text=_("Needed for a body contributor."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.slug, gettext(r.name)) for r in roles.assignable()]
        self.fields["body"].choices = [("", _("Not one body"))] + list(Body.objects.order_by("name").values_list("slug", "name"))

    def clean(self):
        data = super().clean()
        role = roles.ROLES.get(data.get("role", ""))
        slug = data.get("body")
        data["body"] = Body.objects.filter(slug=slug).first() if slug else None
        if role and role.by_body and data["body"] is None:
            self.add_error("body", gettext("Choose the body a %(role)s works for") % {"role": gettext(role.name).lower()})
        if role and not role.by_body:
            data["body"] = None
        return data
