"""The Jinja2 environment for every page: GOV.UK Frontend macros plus Django's url and static,
and the few filters the pages share."""

from datetime import date

from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader
from markupsafe import Markup


def number(value) -> str:
    """1234 → '1,234'; the house style for every count."""
    return f"{value or 0:,}"


def long_date(value: date | None) -> str:
    """The GOV.UK style: 4 June 2024."""
    return f"{value.day} {value:%B %Y}" if value else ""


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
    env.globals.update({"static": static, "url": url, "link": link, "messages": get_messages, "is_staff": is_staff})
    env.filters.update({"number": number, "long_date": long_date, "plural": plural})
    return env
