"""Correspondence pages: the secretariat's under /manage/correspondence, the public register
under /correspondence. The work is in services/; each view is a few lines."""

from datetime import date
from functools import wraps

from django.contrib import messages
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from scrutiny.accounts import access, roles
from scrutiny.api import exports
from scrutiny.correspondence.forms import LetterForm, ReplyForm
from scrutiny.correspondence.models import LetterStatus
from scrutiny.correspondence.services import letter_files, letters, register
from scrutiny.uploads.files import SizeLimitHandler

PAGE_SIZE = 50
EDIT = roles.EDIT_TRACKER  # correspondence is edited by those who edit the tracker and key issues


def capped(view):
    """The uploads app's size cap, set before the request body is read (and so before the CSRF
    check reads it): a file over the limit is never written out whole."""

    @csrf_exempt
    @wraps(view)
    def guarded(request, *args, **kwargs):
        request.upload_handlers.insert(0, SizeLimitHandler(request))
        if request.method == "POST":
            try:
                request.POST, request.FILES
            except (MultiPartParserError, TooManyFilesSent, TooManyFieldsSent, RequestDataTooBig):
                return HttpResponseBadRequest(_("The form could not be read: it was cut off before the end. Nothing was saved."))
        return csrf_protect(view)(request, *args, **kwargs)

    return guarded


def _staff(**context) -> dict:
    return {"section": "manage", "LetterStatus": LetterStatus, **context}


# --- the secretariat's pages ----------------------------------------------------------------

@access.requires(EDIT)
def manage_letters(request):
    found, chosen = letters.filtered(request.GET, date.today())
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "correspondence/manage/letters.html", _staff(
        page=page, chosen=chosen, statuses=LetterStatus.choices, counts=letters.counts(date.today()), today=date.today(),
    ))


@access.requires(EDIT)
def manage_overdue(request):
    found = letters.overdue(date.today())
    return render(request, "correspondence/manage/overdue.html", _staff(letters=found, today=date.today()))


@access.requires(EDIT)
def manage_letter(request, letter_id: int):
    letter = letters.letter(letter_id)
    return render(request, "correspondence/manage/letter.html", _staff(
        letter=letter, replies=letter.replies.all(), rendered=register.rendered, today=date.today(),
    ))


@access.requires(EDIT)
@capped
def new_letter(request):
    return _letter_form(request, None)


@access.requires(EDIT)
@capped
def edit_letter(request, letter_id: int):
    return _letter_form(request, letters.letter(letter_id))


def _letter_form(request, letter):
    form = LetterForm(request.POST or None, request.FILES or None, instance=letter)
    if request.method == "POST" and form.is_valid():
        saved = letters.save_letter(form, form.cleaned_data.get("file"))
        messages.success(request, _("Letter saved."))
        return redirect("correspondence_manage_letter", saved.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "correspondence/manage/letter_form.html", _staff(form=form, letter=letter), status=status)


@access.requires(EDIT)
@capped
def new_reply(request, letter_id: int):
    letter = letters.letter(letter_id)
    form = ReplyForm(request.POST or None, request.FILES or None, letter=letter)
    if request.method == "POST" and form.is_valid():
        letters.save_reply(form, letter, form.cleaned_data.get("file"))
        messages.success(request, _("Reply recorded."))
        return redirect("correspondence_manage_letter", letter.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "correspondence/manage/reply_form.html", _staff(form=form, letter=letter), status=status)


@access.requires(EDIT)
@require_POST
def publish_letter(request, letter_id: int):
    letter = letters.letter(letter_id)
    publish = request.POST.get("publish") == "yes"
    try:
        letters.set_published(letter, publish)
    except ValueError:
        messages.error(request, _("A draft cannot go on the public register: record the letter as sent first."))
    else:
        messages.success(request, _("The letter is on the public register.") if publish else _("The letter is off the public register."))
    return redirect("correspondence_manage_letter", letter.pk)


@access.requires(EDIT)
@require_POST
def publish_reply(request, reply_id: int):
    reply = letters.reply(reply_id)
    publish = request.POST.get("publish") == "yes"
    letters.set_reply_published(reply, publish)
    messages.success(request, _("The reply will show on the register with its letter.") if publish else _("The reply is off the register."))
    return redirect("correspondence_manage_letter", reply.letter_id)


@access.requires(EDIT)
def manage_letter_file(request, letter_id: int):
    return letter_files.download(letters.letter(letter_id))


@access.requires(EDIT)
def manage_reply_file(request, reply_id: int):
    return letter_files.download(letters.reply(reply_id))


# --- the public register --------------------------------------------------------------------

@access.public
def public_register(request):
    page = Paginator(register.public_letters(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "correspondence/register.html", {"section": "correspondence", "page": page, "rendered": register.rendered})


@access.public
def public_letter(request, letter_id: int):
    letter = register.public_letter(letter_id)
    return render(request, "correspondence/letter.html", {
        "section": "correspondence", "letter": letter, "rendered": register.rendered, **register.public_links(letter),
    })


@access.public
def public_letter_file(request, letter_id: int):
    return letter_files.download(register.public_letter(letter_id))


@access.public
def public_reply_file(request, letter_id: int, reply_id: int):
    return letter_files.download(register.public_reply(letter_id, reply_id))


@access.public
def public_register_export(request, fmt: str):
    if fmt not in exports.FORMATS:
        raise Http404(register.NOT_FOUND)
    from django.urls import reverse

    about = exports.About(_("Correspondence register"), request.build_absolute_uri(reverse("correspondence")),
                          _("Every letter on the public register"), "")
    rows = register.export_rows(register.public_letters(), request.build_absolute_uri)
    return exports.response(fmt, exports.Table(register.COLUMNS, rows), about, "correspondence")


