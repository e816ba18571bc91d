"""The secretariat's side: letters in every state, the overdue ones, saving and publishing."""

from datetime import date

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from scrutiny.correspondence.models import Letter, LetterStatus, Reply
from scrutiny.correspondence.services import letter_files

FILTERS = ("status", "overdue")


def all_letters() -> QuerySet:
    return Letter.objects.annotate(reply_count=Count("replies")).order_by("-sent_on", "-id")


def overdue(today: date) -> QuerySet:
    """Sent, no reply yet, and the reply-due date has passed."""
    return all_letters().filter(status=LetterStatus.SENT, reply_due__lt=today, reply_count=0).order_by("reply_due", "id")


def filtered(params, today: date) -> tuple[QuerySet, dict]:
    chosen = {"status": params.get("status", ""), "overdue": params.get("overdue", "") == "yes"}
    letters = overdue(today) if chosen["overdue"] else all_letters()
    if chosen["status"] in LetterStatus.values:
        letters = letters.filter(status=chosen["status"])
    return letters, chosen


def letter(letter_id: int) -> Letter:
    found = all_letters().filter(pk=letter_id).first()
    if found is None:
        raise Http404("No such letter")
    return found


def reply(reply_id: int) -> Reply:
    found = Reply.objects.select_related("letter").filter(pk=reply_id).first()
    if found is None:
        raise Http404("No such reply")
    return found


@transaction.atomic
def save_letter(form, uploaded=None) -> Letter:
    """Store the form's letter with its links, and its new file if one was chosen (checked by
    the form already). A letter taken back to draft leaves the register."""
    record = form.save(commit=False)
    if record.status != LetterStatus.SENT:
        record.is_published = False
    if uploaded is not None:
        letter_files.attach(record, uploaded)
    record.save()
    form.save_m2m()
    return record


@transaction.atomic
def save_reply(form, letter: Letter, uploaded=None) -> Reply:
    record = form.save(commit=False)
    record.letter = letter
    if uploaded is not None:
        letter_files.attach(record, uploaded)
    record.save()
    return record


def set_published(letter: Letter, published: bool) -> Letter:
    """On or off the public register. Only a sent letter can be on it."""
    if published and letter.status != LetterStatus.SENT:
        raise ValueError("a draft cannot go on the public register: record it as sent first")
    letter.is_published = published
    letter.save(update_fields=["is_published", "updated_at"])
    return letter


def set_reply_published(reply: Reply, published: bool) -> Reply:
    reply.is_published = published
    reply.save(update_fields=["is_published"])
    return reply


def counts(today: date) -> dict:
    return {
        "draft": Letter.objects.filter(status=LetterStatus.DRAFT).count(),
        "sent": Letter.objects.filter(status=LetterStatus.SENT).count(),
        "overdue": overdue(today).count(),
        "published": Letter.objects.filter(Q(status=LetterStatus.SENT) & Q(is_published=True)).count(),
    }
