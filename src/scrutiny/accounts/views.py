"""Signing in and out, two-factor codes, accepting an invitation, managing accounts."""

import segno
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.models import User
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from scrutiny.accounts import access, roles, services
from scrutiny.accounts.forms import AcceptInvitationForm, CodeForm, InviteForm, SignInForm
from scrutiny.accounts.models import Invitation, Membership


def _next(request, default: str = "manage") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse(default)


def _after_password(request, user):
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(f"{reverse('two_factor')}?next={_next(request)}")
    if access.needs_two_factor(user):
        return redirect("two_factor_setup")
    return redirect(_next(request))


@access.public
def sign_in(request):
    form = SignInForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.get_user())
        return _after_password(request, form.get_user())
    return render(request, "accounts/sign_in.html", {"form": form, "next": request.GET.get("next", "")})


@access.public
@require_POST
def sign_out(request):
    logout(request)
    messages.info(request, _("You have signed out."))
    return redirect("home")


@access.signed_in
def two_factor(request):
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
        if device is not None and device.verify_is_allowed()[0] and device.verify_token(form.cleaned_data["code"]):
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("code", _("That code is not right, or has expired: enter the code your app shows now"))
    return render(request, "accounts/two_factor.html", {"form": form, "next": request.GET.get("next", "")})


@access.signed_in
def two_factor_setup(request):
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first() or TOTPDevice.objects.create(
        user=request.user, name="Authenticator app", confirmed=False
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
            otp_login(request, device)
            messages.success(request, _("Two-factor sign-in is set up."))
            return redirect("manage")
        form.add_error("code", _("That code is not right: check the time on your phone and enter the code it shows now"))
    context = {
        "form": form,
        "qr": segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2),
        "key": _spaced(device.bin_key),
    }
    return render(request, "accounts/two_factor_setup.html", context)


def _spaced(key: bytes) -> str:
    import base64

    text = base64.b32encode(key).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@access.public
def accept_invitation(request, token: str):
    invitation = Invitation.find(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        user = services.accept(invitation, form.cleaned_data["full_name"], form.cleaned_data["password"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return _after_password(request, user)
    role = roles.get(invitation.role)
    return render(request, "accounts/accept_invitation.html", {"form": form, "invitation": invitation, "role": role})


@access.requires(roles.MANAGE_USERS)
def users(request):
    form = InviteForm(request.POST or None)
    link = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invitation, token = services.invite(data["email"], data["role"], data["body"], request.user)
        link = request.build_absolute_uri(reverse("accept_invitation", args=[token]))
        form = InviteForm()
    context = {
        "form": form,
        "link": link,
        "people": User.objects.prefetch_related("memberships__body").order_by("-is_active", "username"),
        "invitations": Invitation.objects.filter(accepted_at__isnull=True).select_related("body").order_by("-created_at"),
        "roles": roles.assignable(),
    }
    return render(request, "accounts/users.html", context)


@access.requires(roles.MANAGE_USERS)
@require_POST
def close_account(request, user_id: int):
    person = get_object_or_404(User, pk=user_id)
    if person == request.user:
        messages.error(request, _("You cannot close your own account."))
    else:
        services.close_account(person)
        messages.success(request, _("Closed the account of %(person)s.") % {"person": services.display_name(person)})
    return redirect("users")


@access.requires(roles.MANAGE_USERS)
@require_POST
def remove_role(request, membership_id: int):
    membership = get_object_or_404(Membership, pk=membership_id)
    membership.delete()
    messages.success(request, _("Removed %(role)s from %(person)s.") % {"role": membership, "person": services.display_name(membership.user)})
    return redirect("users")
