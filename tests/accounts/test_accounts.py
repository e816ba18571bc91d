"""Accounts as the people who hold them meet them: invitations, passwords, two-factor codes,
throttled sign-in, roles that grant exactly their permissions, and closing an account."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from factories import ReportFactory, body, sign_in, staff_member
from scrutiny.accounts import access, roles
from scrutiny.accounts.models import Invitation
from scrutiny.accounts.retention import purge

PASSWORD = "correct horse battery staple"


def every_route(patterns=None, prefix=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            yield from every_route(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def test_every_address_declares_who_may_see_it():
    undeclared = [route for route, view in every_route() if not getattr(view, "access", None)]
    assert undeclared == []


def test_staff_addresses_are_not_open_to_the_public():
    public_staff_pages = [
        route for route, view in every_route() if route.startswith("manage") and view.access == roles.PUBLIC.slug
    ]
    assert public_staff_pages == []


@pytest.mark.django_db
def test_a_contributor_holds_their_permissions_for_their_own_body_only():
    contributor = staff_member("contributor", "imb")
    assert access.can(contributor, roles.EDIT, body("imb"))
    assert not access.can(contributor, roles.EDIT, body("hmip"))
    assert not access.can(contributor, roles.PUBLISH, body("imb"))
    assert access.bodies_for(contributor, roles.UPLOAD) == {body("imb").pk}


@pytest.mark.django_db
def test_an_editor_works_on_every_body_and_an_administrator_on_accounts_only():
    editor, administrator = staff_member("editor"), staff_member("administrator")
    assert all(access.can(editor, roles.PUBLISH, b) for b in (body("imb"), body("hmips")))
    assert access.can(administrator, roles.MANAGE_USERS)
    assert not access.can(administrator, roles.VIEW_DRAFTS)
    assert not access.can(editor, roles.MANAGE_USERS)


@pytest.mark.django_db
def test_a_later_feature_adds_a_role_without_changing_the_existing_ones():
    before = {slug: role for slug, role in roles.ROLES.items()}
    scotland = roles.register(roles.Role("scotland-subgroup", "Scotland subgroup", "Deaths database.", frozenset({"deaths.edit"})))
    try:
        member = staff_member("scotland-subgroup")
        assert access.can(member, "deaths.edit")
        assert not access.can(member, roles.EDIT)
        assert {slug: roles.ROLES[slug] for slug in before} == before
    finally:
        del roles.ROLES[scotland.slug]


@pytest.mark.django_db
def test_an_administrator_invites_a_contributor_who_opens_an_account(client):
    administrator = staff_member("administrator")
    sign_in(client, administrator)
    page = client.post(reverse("users"), {"email": "Aled.Jones@imb.example.org", "role": "contributor", "body": "imb"})
    link = re.search(r'id="invitation-link">([^<]+)<', page.content.decode()).group(1)
    assert "/accounts/invitation/" in link
    client.logout()

    path = link.split("testserver", 1)[1]
    opened = client.post(path, {"full_name": "Aled Jones", "password": PASSWORD, "password_again": PASSWORD})
    assert opened.status_code == 302
    person = User.objects.get(username="aled.jones@imb.example.org")
    assert person.get_full_name() == "Aled Jones"
    assert access.can(person, roles.UPLOAD, body("imb")) and not access.can(person, roles.UPLOAD, body("hmip"))
    # The link works once.
    client.logout()
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_an_invitation_expires_and_its_token_is_not_stored(client):
    invitation, token = Invitation.issue("late@example.org", "editor")
    assert token not in invitation.token_hash
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(reverse("accept_invitation", args=[token])).status_code == 404


@pytest.mark.django_db
def test_a_weak_or_mistyped_password_is_refused_with_the_reason(client):
    _, token = Invitation.issue("new@example.org", "editor")
    weak = client.post(reverse("accept_invitation", args=[token]), {"full_name": "N", "password": "password1", "password_again": "password1"})
    assert weak.status_code == 200 and "too short" in weak.content.decode()
    mistyped = client.post(reverse("accept_invitation", args=[token]), {"full_name": "N", "password": PASSWORD, "password_again": PASSWORD + "x"})
    assert "The two passwords are not the same" in mistyped.content.decode()
    assert not User.objects.filter(username="new@example.org").exists()


def test_passwords_are_hashed_with_argon2_outside_the_test_suite():
    from django.contrib.auth.hashers import make_password
    from django.test import override_settings

    from scrutiny.settings import base

    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        assert make_password("a passphrase of words").startswith("argon2$argon2id$")


@pytest.mark.django_db
def test_an_editor_must_set_up_and_then_use_a_code_from_an_authenticator_app(client):
    staff_member("editor", name="eira@npm.example.org")
    signed = client.post(reverse("login"), {"username": "eira@npm.example.org", "password": PASSWORD})
    assert signed.headers["Location"] == reverse("two_factor_setup")
    # Until the code is entered the staff pages send them back to it.
    assert client.get(reverse("manage")).headers["Location"] == reverse("two_factor")

    page = client.get(reverse("two_factor_setup"))
    assert 'src="data:image/svg+xml' in page.content.decode()
    device = TOTPDevice.objects.get(user__username="eira@npm.example.org", confirmed=False)
    wrong = client.post(reverse("two_factor_setup"), {"code": f"{(int(totp(device.bin_key)) + 1) % 10**6:06d}"})
    assert "That code is not right" in wrong.content.decode()
    # Guessing is throttled: straight after a wrong code even the right one is refused ...
    too_soon = client.post(reverse("two_factor_setup"), {"code": f"{totp(device.bin_key):06d}"})
    assert "That code is not right" in too_soon.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # ... until the pause has passed
    right = client.post(reverse("two_factor_setup"), {"code": f"{totp(device.bin_key):06d}"})
    assert right.headers["Location"] == reverse("manage")
    assert client.get(reverse("manage")).status_code == 200

    # Next time: password, then code.
    client.logout()
    signed = client.post(reverse("login"), {"username": "eira@npm.example.org", "password": PASSWORD})
    assert signed.headers["Location"].startswith(reverse("two_factor"))
    device.refresh_from_db()
    device.last_t = -1  # the same 30-second code may not be used twice; let the test reuse it
    device.save()
    assert client.post(reverse("two_factor"), {"code": f"{totp(device.bin_key):06d}"}).status_code == 302
    assert client.get(reverse("manage")).status_code == 200


@pytest.mark.django_db
def test_a_contributor_signs_in_with_a_password_alone(client):
    staff_member("contributor", "imb", name="ceri@imb.example.org")
    signed = client.post(reverse("login"), {"username": "ceri@imb.example.org", "password": PASSWORD})
    assert signed.headers["Location"] == reverse("manage")
    assert client.get(reverse("manage")).status_code == 200


@pytest.mark.django_db
def test_repeated_wrong_passwords_lock_the_account_out_from_that_address(client):
    staff_member("contributor", "imb", name="target@imb.example.org")
    for _ in range(4):
        failed = client.post(reverse("login"), {"username": "target@imb.example.org", "password": "guess"})
        assert "Enter a correct e-mail address and password" in failed.content.decode()
    assert client.post(reverse("login"), {"username": "target@imb.example.org", "password": "guess"}).status_code == 429
    locked = client.post(reverse("login"), {"username": "target@imb.example.org", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_public_role_sees_no_staff_page(client):
    for name in ("manage", "manage_reports", "history", "users"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.headers["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_a_role_without_the_permission_is_refused(client):
    sign_in(client, staff_member("contributor", "imb"))
    assert client.get(reverse("users")).status_code == 403
    sign_in(client, staff_member("administrator"))
    assert client.get(reverse("manage_reports")).status_code == 403


@pytest.mark.django_db
def test_a_closed_account_cannot_sign_in_and_is_anonymised_after_a_year(client):
    administrator, person = staff_member("administrator"), staff_member("contributor", "imb", name="gone@imb.example.org")
    sign_in(client, administrator)
    client.post(reverse("close_account", args=[person.pk]))
    client.logout()
    refused = client.post(reverse("login"), {"username": "gone@imb.example.org", "password": PASSWORD})
    assert refused.status_code == 200 and "_auth_user_id" not in client.session

    User.objects.filter(pk=person.pk).update(last_login=timezone.now() - timedelta(days=30))
    assert purge()["closed accounts anonymised"] == 0
    counts = purge(now=timezone.now() + timedelta(days=400))
    assert counts["closed accounts anonymised"] == 1
    person.refresh_from_db()
    assert (person.username, person.email, person.get_full_name()) == (f"closed-{person.pk}", "", "")
    assert not person.has_usable_password()


@pytest.mark.django_db
def test_the_first_administrator_is_invited_from_the_command_line(capsys):
    from scrutiny.accounts.commands import run_invite

    class Args:
        email, role, body, base_url = "first@npm.example.org", "administrator", None, "https://npm.example.org"

    assert run_invite(Args) == 0
    link = capsys.readouterr().out.strip().splitlines()[-1]
    assert link.startswith("https://npm.example.org/accounts/invitation/")
    assert Invitation.find(link.rsplit("/", 1)[1]).role == "administrator"

    Args.role, Args.email = "contributor", "nobody@example.org"
    assert run_invite(Args) == 2  # a contributor needs a body
    assert "works for one body" in capsys.readouterr().out
