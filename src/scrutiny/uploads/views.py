"""/manage/uploads: send report files for ingest, and watch them being read."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.paginator import Paginator
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from scrutiny.accounts import access, roles
from scrutiny.accounts.services import display_name
from scrutiny.dashboard.jinja import long_date
from scrutiny.uploads import files, services
from scrutiny.uploads.forms import UploadForm
from scrutiny.uploads.models import UploadState

PAGE_SIZE = 50


def when(moment) -> str:
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    # long_date gives the month in the reader's language (4 June 2024, 4 Mehefin 2024).
    return _("%(date)s at %(time)s") % {"date": long_date(local.date()), "time": f"{local:%H:%M}"}


def _common(request) -> dict:
    return {
        "section": "manage", "when": when, "display_name": display_name, "UploadState": UploadState,
        "max_size": files.size_words(settings.SCRUTINY_UPLOAD_MAX_BYTES),
        "may_see_report": lambda upload: upload.report_id is not None
        and access.can(request.user, roles.VIEW_DRAFTS, upload.report.body_id),
    }


# The size cap must be in place before the request body is read, and the CSRF check reads it:
# so the check is made inside, once the handler is set (as Django's documentation advises).
@access.requires(roles.UPLOAD)
@csrf_exempt
def uploads(request):
    request.upload_handlers.insert(0, files.SizeLimitHandler(request))
    if request.method == "POST":
        try:
            request.POST, request.FILES  # read the request now, with the cap in place
        except (MultiPartParserError, TooManyFilesSent, TooManyFieldsSent, RequestDataTooBig) as error:
            # Nothing was taken; say so on the form itself (Django's bare 400 page says nothing useful).
            return _unreadable(request, error)
    return _uploads(request)


UNREADABLE = {
    TooManyFilesSent: gettext_lazy("You chose more than %(limit)s files: upload them in smaller batches"),
    RequestDataTooBig: gettext_lazy("The form's details are too long to read: shorten the title and establishment"),
    TooManyFieldsSent: gettext_lazy("The form sent too many fields to read: reload the page and try again"),
}


def _unreadable(request, error):
    reason = next((message for kind, message in UNREADABLE.items() if isinstance(error, kind)), None) or _(
        "The upload could not be read: it was cut off before the end, or a file's name is too long "
        "(keep names under a few hundred characters)"
    )
    reason = str(reason) % {"limit": settings.DATA_UPLOAD_MAX_NUMBER_FILES} if "%(limit)s" in str(reason) else str(reason)
    form = UploadForm(bodies=services.bodies_for(request.user))
    page = Paginator(services.uploads_for(request.user), PAGE_SIZE).get_page(None)
    context = {**_common(request), "form": form, "page": page, "queued": [], "refused": [], "lost": 0,
               "unreadable": reason + ". " + _("Nothing was uploaded; choose the files again.")}
    return render(request, "manage/uploads.html", context, status=400)


@csrf_protect
def _uploads(request):
    bodies = services.bodies_for(request.user)
    status, queued, refused, lost = 200, [], [], 0
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, bodies=bodies)
        if form.is_valid():
            queued, refused = services.accept(request.user, form.cleaned_data["files"], form.cleaned_data)
            if not refused:
                messages.success(request, ngettext(
                    "%(num)s file uploaded. It is being read as drafts; this page shows how far each has got.",
                    "%(num)s files uploaded. They are being read as drafts; this page shows how far each has got.",
                    len(queued)) % {"num": len(queued)})
                return redirect("upload", queued[0].pk) if len(queued) == 1 else redirect("uploads")
            status = 200 if queued else 400
        else:
            lost = len(request.FILES.getlist("files"))
            status = 400
    else:
        form = UploadForm(bodies=bodies)
    page = Paginator(services.uploads_for(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {**_common(request), "form": form, "page": page, "queued": queued, "refused": refused, "lost": lost}
    return render(request, "manage/uploads.html", context, status=status)


@access.requires(roles.UPLOAD)
def upload(request, upload_id: int):
    upload = services.upload_for(request.user, upload_id)
    return render(request, "manage/upload.html", {**_common(request), "upload": upload})

