"""`/sitemap.xml`: every public page, so that search engines find each published report and
finding. The pages without parameters are found by walking the address table for public views
(an analysis page added later joins by itself); then every published report and finding, every
establishment the public may see and every body.

A sitemap holds at most 50,000 addresses (sitemaps.org). Over that, /sitemap.xml is an index of
`/sitemap-1.xml`, `/sitemap-2.xml`, … each holding the next 50,000 in a fixed order; the numbered
sitemaps answer whatever the size, so the index never points at a missing page."""

from dataclasses import dataclass
from math import ceil
from typing import Callable, Iterator
from xml.sax.saxutils import escape

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from scrutiny.accounts import roles
from scrutiny.catalogue.models import Body
from scrutiny.findings.query import public_findings

LIMIT = 50_000
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
# Public views that are not pages to be found: signing in, and the machine-readable twins.
NOT_PAGES = ("accounts/", "api/", "manage")


def static_pages() -> list[str]:
    """Paths of the public pages that take no parameters, in the order of the address table."""

    def walk(patterns, prefix=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                yield prefix + str(entry.pattern), entry.callback

    found = []
    for route, view in walk(get_resolver().url_patterns):
        if getattr(view, "access", None) != roles.PUBLIC.slug or "<" in route or "." in route or "^" in route:
            continue
        if route.startswith(NOT_PAGES) or "/" + route in found:
            continue
        found.append("/" + route)
    return found


@dataclass
class Section:
    count: Callable[[], int]
    paths: Callable[[int, int], list[tuple[str, str]]]  # (start, stop) → [(path, lastmod or "")]


def sections() -> list[Section]:
    from scrutiny.dashboard.services import public_reports, visible_establishments

    pages = static_pages()
    reports = public_reports().order_by("id")
    findings = public_findings().order_by("id")
    places = visible_establishments().order_by("slug")
    bodies = Body.objects.order_by("slug")
    return [
        Section(lambda: len(pages), lambda a, b: [(p, "") for p in pages[a:b]]),
        Section(bodies.count, lambda a, b: [(reverse("body", args=[s]), "") for s in bodies.values_list("slug", flat=True)[a:b]]),
        Section(places.count, lambda a, b: [(reverse("establishment", args=[s]), "") for s in places.values_list("slug", flat=True)[a:b]]),
        Section(reports.count, lambda a, b: [
            (reverse("report", args=[i]), day.isoformat()) for i, day in reports.values_list("id", "published")[a:b]
        ]),
        Section(findings.count, lambda a, b: [
            (reverse("finding", args=[i]), day.isoformat()) for i, day in findings.values_list("id", "report__published")[a:b]
        ]),
    ]


def addresses(start: int, stop: int) -> Iterator[tuple[str, str]]:
    """The addresses from `start` to `stop` in the order all sections give them."""
    offset = 0
    for section in sections():
        size = section.count()
        low, high = max(start - offset, 0), min(stop - offset, size)
        if low < high:
            yield from section.paths(low, high)
        offset += size
        if offset >= stop:
            return


def total() -> int:
    return sum(section.count() for section in sections())


def urlset(build: Callable[[str], str], start: int, stop: int) -> Iterator[str]:
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{NAMESPACE}">\n'
    for path, lastmod in addresses(start, stop):
        modified = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        yield f"<url><loc>{escape(build(path))}</loc>{modified}</url>\n"
    yield "</urlset>\n"


def index(build: Callable[[str], str], count: int) -> str:
    children = "".join(
        f"<sitemap><loc>{escape(build(reverse('sitemap_part', args=[n])))}</loc></sitemap>\n"
        for n in range(1, ceil(count / LIMIT) + 1)
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{NAMESPACE}">\n{children}</sitemapindex>\n'
