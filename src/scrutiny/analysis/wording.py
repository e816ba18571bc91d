"""Numbers and filters in words, for the sentences written beside each chart."""

from django.utils.translation import gettext as _

from scrutiny.dashboard.jinja import long_date, number  # noqa: F401  (the house style for counts)


def percent(n: int, total: int) -> float:
    """A share to one decimal place: 14.3."""
    return round(100 * n / total, 1) if total else 0.0


def _names(query, facet: str, lower: bool = False) -> list[str]:
    named = query.vocabulary._slugged(facet)
    names = [named[v].name for v in query.values_of(facet) if v in named]
    return [n[0].lower() + n[1:] if lower and not n.isupper() else n for n in names]


def _either(words: list[str]) -> str:
    return f" {_('or')} ".join(words)


def scope_words(query, skip: tuple = ()) -> str:
    """The filter as a phrase to follow a noun: " in police custody in 2024-25"."""
    parts = []
    if "setting" not in skip and query.values_of("setting"):
        parts.append(_("in %(settings)s") % {"settings": _either(_names(query, "setting", lower=True))})
    if query.values_of("nation"):
        parts.append(_("in %(nations)s") % {"nations": _either(_names(query, "nation"))})
    if query.values_of("body"):
        short = [query.vocabulary.bodies[b].short_name for b in query.values_of("body")]
        parts.append(_("from %(bodies)s") % {"bodies": _either(short)})
    if "theme" not in skip and query.values_of("theme"):
        parts.append(_("on %(themes)s") % {"themes": _either(_names(query, "theme", lower=True))})
    if query.values_of("population"):
        parts.append(_("about %(populations)s") % {"populations": _either(_names(query, "population", lower=True))})
    if query.values_of("period"):
        parts.append(_("in %(periods)s") % {"periods": _either(query.values_of("period"))})
    if query.values_of("year"):
        parts.append(_("published in %(years)s") % {"years": _either(query.values_of("year"))})
    if query.published_from and query.published_to:
        parts.append(_("published from %(start)s to %(end)s") % {"start": long_date(query.published_from), "end": long_date(query.published_to)})
    elif query.published_from:
        parts.append(_("published from %(start)s") % {"start": long_date(query.published_from)})
    elif query.published_to:
        parts.append(_("published up to %(end)s") % {"end": long_date(query.published_to)})
    if query.q:
        parts.append(_("matching “%(q)s”") % {"q": query.q})
    return "".join(" " + p for p in parts)
