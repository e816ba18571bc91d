"""The machine-readable twins of the public pages: exports, the Atom feed and the sitemap. One
small function each; the work is in findings_export, feeds and sitemap."""

from django.http import Http404, HttpResponse, StreamingHttpResponse

from scrutiny.accounts.access import public
from scrutiny.api import feeds, sitemap
from scrutiny.api.findings_export import findings_export


@public
def findings_csv(request):
    return findings_export(request, "csv")


@public
def findings_json(request):
    return findings_export(request, "json")


@public
def findings_xlsx(request):
    return findings_export(request, "xlsx")


@public
def findings_atom(request):
    feed = feeds.findings_feed(request)
    return HttpResponse(feed.writeString("utf-8"), content_type=feed.content_type)


SITEMAP_TYPE = "application/xml; charset=utf-8"


@public
def sitemap_xml(request):
    count = sitemap.total()
    if count > sitemap.LIMIT:
        return HttpResponse(sitemap.index(request.build_absolute_uri, count), content_type=SITEMAP_TYPE)
    return StreamingHttpResponse(sitemap.urlset(request.build_absolute_uri, 0, count), content_type=SITEMAP_TYPE)


@public
def sitemap_part(request, number: int):
    start = (number - 1) * sitemap.LIMIT
    if number < 1 or start >= max(sitemap.total(), 1):
        raise Http404("No such sitemap")
    return StreamingHttpResponse(sitemap.urlset(request.build_absolute_uri, start, start + sitemap.LIMIT), content_type=SITEMAP_TYPE)
