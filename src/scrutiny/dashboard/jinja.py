"""The Jinja2 environment for every page: GOV.UK Frontend macros plus Django's url and static,
Django's translations (English and Welsh), and the few filters the pages share."""

from datetime import date
from functools import lru_cache

from babel.dates import format_date
from django.conf import settings
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils import translation
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, pass_context
from markupsafe import Markup

# Django's language code → Babel's locale, for dates.
BABEL_LOCALES = {"cy": "cy", "en": "en_GB"}


def welsh() -> bool:
    return (translation.get_language() or "").startswith("cy")


def number(value) -> str:
    """1234 → '1,234'; the house style for every count, in English and in Welsh alike."""
    return f"{value or 0:,}"


def long_date(value: date | None) -> str:
    """The GOV.UK style: 4 June 2024; in Welsh 4 Mehefin 2024."""
    if not value:
        return ""
    if welsh():
        return format_date(value, "d MMMM y", locale=BABEL_LOCALES["cy"])
    return f"{value.day} {value:%B %Y}"


def _format(message: str, variables: dict) -> str:
    """Fill in %(name)s placeholders. Templates written in either style work: the Jinja
    new style `_("%(n)s findings", n=x)` and the Python style `_("%(n)s findings") % {"n": x}`;
    for the second, the placeholders are left for the caller's own % to fill."""
    try:
        return message % variables
    except (KeyError, ValueError, TypeError):
        return message


def translated(message: str) -> str:
    """translation.gettext, remembered per language: a page asks for a few hundred messages,
    and each walks a chain of five catalogues."""
    return _translated(translation.get_language(), message)


@lru_cache(maxsize=8192)
def _translated(language: str | None, message: str) -> str:
    return translation.gettext(message)


@pass_context
def gettext(context, message: str, **variables) -> str:
    # Markup, so that the values filled in are escaped and the result is not escaped twice.
    text = translated(message)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return _format(text, variables)


@pass_context
def ngettext(context, singular: str, plural: str, count: int, **variables) -> str:
    """`ngettext("%(num)s finding", "%(num)s findings", n)`: num is the count as the house
    writes numbers (1,234)."""
    variables.setdefault("num", number(count))
    text = translation.ngettext(singular, plural, count)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return _format(text, variables)


@pass_context
def pgettext(context, message_context: str, message: str, **variables) -> str:
    text = translation.pgettext(message_context, message)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return _format(text, variables)


def kind_name(kind: str) -> str:
    """A kind of finding by its name in the reader's language. Finding.get_kind_display()
    hashes every lazy label of the choices to look one up, a dozen translations a call: fifty
    cards a page made it the page's biggest cost."""
    return _kind_names(translation.get_language()).get(kind, kind)


@lru_cache(maxsize=8)
def _kind_names(language: str | None) -> dict[str, str]:
    from scrutiny.findings.models import Kind

    return {value: str(label) for value, label in Kind.choices}


def term(item) -> str:
    """A nation, setting, theme or population by its name in the reader's language (the Welsh
    names are data, kept beside the English ones and edited with the vocabularies)."""
    return getattr(item, "shown_name", None) or getattr(item, "name", None) or str(item or "")


def html_lang() -> str:
    return "cy" if welsh() else "en-GB"


def other_language(request, to_home: bool = False) -> dict:
    """The language switch: the same page, with its query string, in the other language; or
    its home page, for an error page, whose address would otherwise be written into an answer
    that must read the same for every missing record."""
    # English is the unprefixed default, whose code in settings is en-gb.
    code, name, target = ("en", "English", settings.LANGUAGE_CODE) if welsh() else ("cy", "Cymraeg", "cy")
    path = request.get_full_path() if request and not to_home else "/"
    return {"code": code, "name": name, "href": translate_url(path, target)}


def plural(count: int, singular: str, many: str | None = None) -> str:
    """'1 finding', '2 findings'."""
    return f"{number(count)} {singular if count == 1 else (many or singular + 's')}"


def url(name: str, *args, query: str = "") -> str:
    address = reverse(name, args=args)
    return f"{address}?{query}" if query else address


def link(href: str, text, classes: str = "govuk-link") -> Markup:
    """A link as HTML for a macro's `html` parameter, with its text escaped."""
    return Markup('<a class="{}" href="{}">{}</a>').format(classes, href, text)


def is_staff(request) -> bool:
    """Signed in with a role beyond the public one: the header then links to the staff pages."""
    from scrutiny.accounts.access import is_staff_member

    # The 500 page is drawn without a request (Django's server_error passes none).
    return bool(request) and hasattr(request, "user") and is_staff_member(request.user)


def environment(**options) -> Environment:
    loader = options.pop("loader", None)
    loaders = [PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})]
    if loader is not None:
        loaders.insert(0, loader)
    env = Environment(loader=ChoiceLoader(loaders), **options)
    # The i18n extension gives {% trans %} blocks; the callables are ours (above), Django's
    # catalogue underneath, so Python and templates share one Welsh catalogue.
    env.add_extension("jinja2.ext.i18n")
    # {% do list.append(x) %}, since `{% set _ = … %}` would hide the gettext alias `_`.
    env.add_extension("jinja2.ext.do")
    env.newstyle_gettext = True
    env.globals.update({"gettext": gettext, "_": gettext, "ngettext": ngettext, "pgettext": pgettext})
    env.globals.update({"static": static, "url": url, "link": link, "messages": get_messages, "is_staff": is_staff})
    env.globals.update({"html_lang": html_lang, "other_language": other_language, "welsh": welsh})
    from scrutiny.dashboard.cards import KIND_COLOURS, finding_card

    env.globals.update({"finding_card": finding_card, "KIND_COLOURS": KIND_COLOURS})
    env.filters.update({"number": number, "long_date": long_date, "plural": plural, "term": term, "kind_name": kind_name})
    return env
