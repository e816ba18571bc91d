"""What a request counts as: a page view, a search, an export or an API call, named by its URL
pattern (never by its path, which can carry ids and query strings).

Counted: successful GET requests (status 200) of public pages, exports and the API. Not counted:
staff and account pages (any view not declared `public`, and anything under /manage or
/accounts, such as sign-in), static files (served before this middleware runs), errors,
redirects, other methods and browser prefetches.

A *search* is a public page asked for with a non-empty `q`. To count different searches rather
than requests, one is counted only when it is a new search: the first page of results (no `page`
above 1), not a reload (browsers send `Cache-Control: max-age=0` or `no-cache` when a person
reloads), and not reached from a page that already had the same `q` (a facet clicked, a sort or a
page changed on the results). The referring address is read in memory to decide this, never kept.
"""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

EXPORT_FORMATS = ("csv", "json", "xlsx", "atom", "svg", "png")
# When the address has no extension (a `?format=` or a content-negotiated answer), the answer's
# content type says which export it was.
EXPORT_CONTENT_TYPES = {
    "text/csv": "csv",
    "application/json": "json",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/atom+xml": "atom",
    "image/svg+xml": "svg",
    "image/png": "png",
}
LANGUAGE_PREFIXES = ("/cy/",)
# Staff and account pages are not the public dashboard, even where a page (sign-in) is open to all.
STAFF_PREFIXES = ("/manage", "/accounts/")
MAX_TERM_LENGTH = 200


@dataclass(frozen=True)
class Usage:
    kind: str  # one of models.Kind
    page: str
    format: str = ""


@dataclass(frozen=True)
class Counted:
    usages: tuple[Usage, ...]
    term: str = ""  # a new search's normalised term, or ""


def normalise(term: str) -> str:
    """'  Use of   FORCE ' → 'use of force': one spelling per term, whatever the typing."""
    return " ".join(term.split()).lower()[:MAX_TERM_LENGTH]


def classify(request, response) -> Counted | None:
    if request.method != "GET" or response.status_code != 200 or _prefetch(request):
        return None
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    name = match.url_name or match.route or "unnamed"
    path = _without_language(request.path)
    if path.startswith("/api/"):
        return Counted((Usage("api", name),))
    if getattr(match.func, "access", None) != "public" or path.startswith(STAFF_PREFIXES):
        return None
    if fmt := _export_format(request, path, response):
        return Counted((Usage("export", name, fmt),))
    term = normalise(" ".join(request.GET.getlist("q")))
    if term and _new_search(request, term):
        return Counted((Usage("view", name), Usage("search", name)), term)
    return Counted((Usage("view", name),))


def _prefetch(request) -> bool:
    purpose = request.headers.get("Sec-Purpose", "") + request.headers.get("Purpose", "")
    return "prefetch" in purpose.lower()


def _without_language(path: str) -> str:
    for prefix in LANGUAGE_PREFIXES:
        if path.startswith(prefix):
            return path[len(prefix) - 1:]
    return path


def _export_format(request, path: str, response) -> str:
    last = path.rsplit("/", 1)[-1]
    if "." in last and (extension := last.rsplit(".", 1)[-1].lower()) in EXPORT_FORMATS:
        return extension
    if (asked := request.GET.get("format", "").lower()) in EXPORT_FORMATS:
        return asked
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return EXPORT_CONTENT_TYPES.get(content_type, "")


def _new_search(request, term: str) -> bool:
    if request.GET.get("page", "1").strip() not in ("", "1"):
        return False
    cache_control = request.headers.get("Cache-Control", "").lower()
    if "max-age=0" in cache_control or "no-cache" in cache_control:
        return False
    referer = request.headers.get("Referer", "")
    if referer:
        came_from = urlsplit(referer)
        if came_from.netloc == request.get_host():
            earlier = normalise(" ".join(parse_qs(came_from.query).get("q", [])))
            if earlier == term:
                return False
    return True
