"""Accounts: invitations become accounts; administrators change roles and close accounts."""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from scrutiny.accounts import roles
from scrutiny.accounts.models import Invitation, Membership


class InvitationError(ValueError):
    pass


def invite(email: str, role: str, body=None, invited_by=None) -> tuple[Invitation, str]:
    chosen = roles.get(role)
    if chosen is roles.PUBLIC:
        raise InvitationError("everybody has the public role; it needs no account")
    if chosen.by_body and body is None:
        raise InvitationError(f"a {chosen.name.lower()} works for one body: name it")
    return Invitation.issue(email, role, body if chosen.by_body else None, invited_by)


@transaction.atomic
def accept(invitation: Invitation, full_name: str, password: str) -> User:
    """Open the account (or add the role to the account that already has this address)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvitationError("this invitation has already been used")
    user = User.objects.filter(username=invitation.email).first()
    if user is None:
        first, _, last = full_name.strip().partition(" ")
        user = User.objects.create_user(
            username=invitation.email, email=invitation.email, password=password, first_name=first, last_name=last
        )
    Membership.objects.get_or_create(user=user, role=invitation.role, body=invitation.body)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


def grant(user: User, role: str, body=None) -> Membership:
    chosen = roles.get(role)
    return Membership.objects.get_or_create(user=user, role=chosen.slug, body=body if chosen.by_body else None)[0]


def close_account(user: User) -> None:
    """An account is closed, not deleted, so the audit trail keeps naming who made each change.
    The retention policy (docs/privacy.md) says when closed accounts are anonymised."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    user.memberships.all().delete()


def display_name(user) -> str:
    if user is None:
        return "Scrutiny (automatic)"
    return user.get_full_name() or user.get_username()
