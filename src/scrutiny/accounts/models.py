"""Who holds which role, and invitations: accounts are never open for anyone to create."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext

from scrutiny.accounts import roles
from scrutiny.catalogue.models import Body

INVITATION_LIFETIME = timedelta(days=7)


class Membership(models.Model):
    """One role held by one person, for one body when the role is scoped to a body. The role is
    a slug in the roles registry, not a database choice, so new roles need no migration."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=40)
    body = models.ForeignKey(Body, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships")
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role", "body"], name="membership_unique")]

    def __str__(self) -> str:
        # The role in the reader's language (roles.py marks the names for the catalogue).
        name = gettext(self.get_role().name)
        return f"{name} ({self.body.name})" if self.body_id else name

    def get_role(self) -> roles.Role:
        return roles.get(self.role)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """An invitation to open an account with a role. Only the hash of its token is stored, so a
    copy of the database cannot be used to accept it."""

    email = models.EmailField()
    role = models.CharField(max_length=40)
    body = models.ForeignKey(Body, null=True, blank=True, on_delete=models.CASCADE)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"{self.email} as {self.role}"

    @classmethod
    def issue(cls, email: str, role: str, body=None, invited_by=None) -> tuple["Invitation", str]:
        """A new invitation and the secret token for its link (shown once, never stored)."""
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            email=email.strip().lower(), role=role, body=body, invited_by=invited_by,
            token_hash=_hash(token), expires_at=timezone.now() + INVITATION_LIFETIME,
        )
        return invitation, token

    @classmethod
    def find(cls, token: str) -> "Invitation | None":
        """The open invitation this token belongs to, or None if unknown, used or expired."""
        return cls.objects.filter(
            token_hash=_hash(token), accepted_at__isnull=True, expires_at__gt=timezone.now()
        ).select_related("body").first()
