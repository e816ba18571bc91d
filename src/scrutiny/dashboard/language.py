"""English and Welsh: which one a reader arriving at the home page wants.

The public pages set no cookies (see the privacy notice), so a choice of language is not
remembered: the address carries it (/cy/ for Welsh), and only the bare home page looks at the
browser's Accept-Language."""

from urllib.parse import urlsplit

from django.urls import translate_url
from django.utils import translation


def prefers_welsh(request) -> bool:
    """A browser asking for Welsh first, arriving at the English home page from elsewhere.

    A reader who followed one of our own links to it (the "English" switch, the header) has
    chosen English, so a link from this site is never sent back to Welsh."""
    if translation.get_language() not in ("en", "en-gb") or request.path != "/":
        return False
    referer = urlsplit(request.headers.get("Referer", ""))
    if referer.netloc and referer.netloc == request.get_host():
        return False
    return translation.get_language_from_request(request) == "cy"


def welsh_address(request) -> str:
    """The page asked for, with its query string, in Welsh."""
    return translate_url(request.get_full_path(), "cy")
