"""The retention policy of the privacy notice, applied by `scrutiny accounts purge`."""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from scrutiny.accounts.models import Invitation

SIGN_IN_RECORDS = timedelta(days=90)
OLD_INVITATIONS = timedelta(days=90)
CLOSED_ACCOUNTS = timedelta(days=365)


@transaction.atomic
def purge(now=None) -> dict[str, int]:
    now = now or timezone.now()
    counts = {
        "sign-in records deleted": (
            AccessLog.objects.filter(attempt_time__lt=now - SIGN_IN_RECORDS).delete()[0]
            + AccessAttempt.objects.filter(attempt_time__lt=now - SIGN_IN_RECORDS).delete()[0]
            + AccessFailureLog.objects.filter(attempt_time__lt=now - SIGN_IN_RECORDS).delete()[0]
        ),
        "invitations deleted": Invitation.objects.filter(expires_at__lt=now - OLD_INVITATIONS).delete()[0],
        "authenticator secrets of closed accounts deleted": TOTPDevice.objects.filter(user__is_active=False).delete()[0],
    }
    # A closed account keeps its row, so the audit trail's links hold, but loses what names it.
    # Django keeps no "closed at", so the last sign-in stands in: closed and unused for a year.
    expired = User.objects.filter(is_active=False, last_login__lt=now - CLOSED_ACCOUNTS).exclude(username__startswith="closed-")
    anonymised = 0
    for user in expired:
        user.username = f"closed-{user.pk}"
        user.email = ""
        user.first_name = user.last_name = ""
        user.set_unusable_password()
        user.save()
        anonymised += 1
    counts["closed accounts anonymised"] = anonymised
    return counts
