"""The public register: sent letters marked for it, the replies marked with them, and what they
link to that is itself published. Anything else answers exactly as an address that never existed."""

import markdown
import nh3
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from markupsafe import Markup

from scrutiny.correspondence.models import Letter, LetterStatus, Reply

NOT_FOUND = "No such page"  # the words of every other not-found page


def public_letters() -> QuerySet:
    return (
        Letter.objects.filter(status=LetterStatus.SENT, is_published=True)
        .order_by("-sent_on", "-id")
        .prefetch_related(Prefetch("replies", queryset=public_replies_of_all(), to_attr="public_replies"))
    )


def public_replies_of_all() -> QuerySet:
    return Reply.objects.filter(is_published=True).order_by("received_on", "id")


def public_letter(letter_id: int) -> Letter:
    letter = public_letters().filter(pk=letter_id).first()
    if letter is None:
        raise Http404(NOT_FOUND)
    return letter


def public_reply(letter_id: int, reply_id: int) -> Reply:
    letter = public_letter(letter_id)
    reply = next((r for r in letter.public_replies if r.pk == reply_id), None)
    if reply is None:
        raise Http404(NOT_FOUND)
    return reply


# The public pages of the records a letter links to, by slug. Their apps are built alongside this
# one: where an address is not (yet) there, the title is shown without a link.
PUBLIC_PAGES = {"key_issues": "key_issue", "tracker_items": "tracker_item"}


def public_address(kind: str, slug: str) -> str:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(PUBLIC_PAGES[kind], args=[slug])
    except NoReverseMatch:
        return ""


def public_links(letter: Letter) -> dict:
    """What the letter links to, only where that is published too; key issues and tracker items
    as (title, address) pairs."""
    return {
        "key_issues": [(k.title, public_address("key_issues", k.slug)) for k in letter.key_issues.filter(is_published=True).order_by("title")],
        "tracker_items": [(i.title, public_address("tracker_items", i.slug)) for i in letter.tracker_items.filter(is_published=True).order_by("title")],
        "findings": list(letter.findings.filter(is_published=True).select_related("report").order_by("report__published", "position")),
        "themes": list(letter.themes.order_by("position", "name")),
    }


def rendered(text: str) -> Markup:
    """A summary as people write it (Markdown), made safe to show."""
    return Markup(nh3.clean(markdown.markdown(text or "", extensions=["sane_lists"])))


# --- the export: public fields only -----------------------------------------------------------

COLUMNS = [
    "id", "sent_on", "sender", "recipient_role", "recipient_organisation", "recipient_nation", "subject",
    "summary", "reply_due", "replies", "key_issues", "tracker_items", "themes", "address", "file",
]


def export_rows(letters, absolute) -> list[dict]:
    """One row per public letter. `absolute(path)` makes an address absolute. The recipient's
    own name is left out (the register names the office, not the person)."""
    from django.urls import reverse

    rows = []
    for letter in letters:
        links = public_links(letter)
        rows.append({
            "id": letter.pk, "sent_on": letter.sent_on, "sender": letter.sender_words,
            "recipient_role": letter.recipient_role, "recipient_organisation": letter.recipient_organisation,
            "recipient_nation": letter.get_recipient_nation_display(), "subject": letter.subject,
            "summary": letter.summary, "reply_due": letter.reply_due,
            "replies": [reply.received_on.isoformat() for reply in letter.public_replies],
            "key_issues": [title for title, _ in links["key_issues"]],
            "tracker_items": [title for title, _ in links["tracker_items"]],
            "themes": [t.name for t in links["themes"]],
            "address": absolute(reverse("correspondence_letter", args=[letter.pk])),
            "file": absolute(reverse("correspondence_letter_file", args=[letter.pk])) if letter.has_file else "",
        })
    return rows
