"""The Jinja2 environment for every page: GOV.UK Frontend macros plus Django's url and static."""

from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader


def environment(**options) -> Environment:
    loader = options.pop("loader", None)
    loaders = [PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})]
    if loader is not None:
        loaders.insert(0, loader)
    env = Environment(loader=ChoiceLoader(loaders), **options)
    env.globals.update({"static": static, "url": reverse})
    return env
