"""Bulletin pages: the public archive under /bulletin, the composer under /manage/bulletin.
The work is in services, suggest and render; each view is a few lines."""

from datetime import date

from csp.decorators import csp_replace
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from scrutiny.accounts import access, roles
from scrutiny.bulletin import render as outputs
from scrutiny.bulletin import services, suggest
from scrutiny.bulletin.forms import NewBulletinForm, SectionForm, TitleForm, entry_forms
from scrutiny.bulletin.models import Bulletin

MAKE = roles.MAKE_OUTPUTS
# The e-mail preview is the e-mail itself: its styles are inline attributes, which the site's
# policy refuses everywhere else. Allowed on that one response, with scripts still refused.
EMAIL_POLICY = {"style-src": ["'self'", "'unsafe-inline'"], "script-src": ["'none'"]}


def site_of(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _staff(**context) -> dict:
    return {"section": "manage", **context}


# --- the public archive ---------------------------------------------------------------------

@access.public
def archive(request):
    return render(request, "bulletin/archive.html", {"section": "bulletin", "bulletins": services.public_bulletins()})


@access.public
def issue(request, slug: str):
    bulletin = services.public_bulletin(slug)
    return render(request, "bulletin/page.html", {
        "section": "bulletin", "bulletin": bulletin, "sections": outputs.shown_sections(bulletin), "rendered": outputs.rendered,
    })


@access.public
def issue_email(request, slug: str):
    return _email_file(services.public_bulletin(slug), site_of(request))


@access.public
def issue_text(request, slug: str):
    return _text(services.public_bulletin(slug), site_of(request), download=True)


def _email_file(bulletin: Bulletin, site: str) -> HttpResponse:
    response = HttpResponse(outputs.email_html(bulletin, site), content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="npm-bulletin-{bulletin.slug}.html"'
    return response


def _text(bulletin: Bulletin, site: str, download: bool) -> HttpResponse:
    response = HttpResponse(outputs.plain_text(bulletin, site), content_type="text/plain; charset=utf-8")
    if download:
        response["Content-Disposition"] = f'attachment; filename="npm-bulletin-{bulletin.slug}.txt"'
    return response


# --- the composer ---------------------------------------------------------------------------

@access.requires(MAKE)
def manage(request):
    form = NewBulletinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        bulletin = services.start(form.cleaned_data["month"])
        messages.success(request, _("%(title)s started.") % {"title": bulletin.title})
        return redirect("bulletin_compose", bulletin.slug)
    return render(request, "bulletin/manage/list.html", _staff(form=form, bulletins=Bulletin.objects.all()),
                  status=400 if form.errors else 200)


@access.requires(MAKE)
def compose(request, slug: str):
    bulletin = services.staff_bulletin(slug)
    form = TitleForm(request.POST or None, instance=bulletin)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Title saved."))
        return redirect("bulletin_compose", bulletin.slug)
    return render(request, "bulletin/manage/compose.html", _staff(
        bulletin=bulletin, form=form, sections=bulletin.ordered_sections(), rendered=outputs.rendered,
    ), status=400 if form.errors else 200)


@access.requires(MAKE)
def edit_section(request, slug: str, key: str):
    """GET ?suggest=1 fills the form with the composer's suggestion, not yet saved: the person
    edits it, then saves (keeps) it or goes back (drops it)."""
    bulletin = services.staff_bulletin(slug)
    section = services.section_of(bulletin, key)
    suggested = request.method == "GET" and request.GET.get("suggest") == "1" and section.can_suggest
    if request.method == "POST":
        form, entries = SectionForm(request.POST), entry_forms(request.POST)
        if form.is_valid() and entries.is_valid():
            kept = [e.cleaned_data for e in entries if e.kept]
            services.save_section(section, form.cleaned_data["heading"], form.cleaned_data["text"], kept)
            messages.success(request, _("“%(heading)s” saved.") % {"heading": section.shown_heading})
            return redirect("bulletin_compose", bulletin.slug)
    elif suggested:
        with translation.override(outputs.ENGLISH):
            proposal = suggest.suggest(section.key, bulletin.month, site_of(request))
        form = SectionForm(initial={"heading": section.heading, "text": proposal.text or section.text})
        entries = entry_forms(initial=[vars(e) for e in proposal.entries])
    else:
        form = SectionForm(initial={"heading": section.heading, "text": section.text})
        entries = entry_forms(initial=[{"title": e.title, "link": e.link, "summary": e.summary, "date": e.date}
                                       for e in section.entries.all()])
    return render(request, "bulletin/manage/section.html", _staff(
        bulletin=bulletin, section_=section, form=form, entries=entries, suggested=suggested,
    ), status=400 if request.method == "POST" else 200)


@access.requires(MAKE)
@csp_replace(EMAIL_POLICY)
def preview_email(request, slug: str):
    bulletin = services.staff_bulletin(slug)
    return HttpResponse(outputs.email_html(bulletin, site_of(request)), content_type="text/html; charset=utf-8")


@access.requires(MAKE)
def preview_text(request, slug: str):
    return _text(services.staff_bulletin(slug), site_of(request), download=False)


@access.requires(MAKE)
@require_POST
def publish(request, slug: str):
    bulletin = services.staff_bulletin(slug)
    published = request.POST.get("publish") == "yes"
    services.set_published(bulletin, published, date.today())
    messages.success(request, _("The bulletin is on the public archive.") if published else _("The bulletin is off the public archive."))
    return redirect("bulletin_compose", bulletin.slug)
