"""The surfaces the leak matrix checks. A feature that adds a public surface (an export, a feed,
a sitemap, an API list, a chart) adds it to PUBLIC_SURFACES; one that adds a staff page adds it to
STAFF_SURFACES with the roles that may see unpublished work there. The matrix test picks them up.

A public surface is an address built from the world (see world() in test_leak_matrix.py): the
published report and finding that share everything with the unpublished one except their state,
and the unpublished one's own ids, establishment and marker word."""

from dataclasses import dataclass
from typing import Callable

from django.urls import reverse


@dataclass(frozen=True)
class Surface:
    name: str
    address: Callable[[dict], str]  # from the world's names and ids to an address


# Lists, searches, counts and facets: the answer must be the same as if the unpublished report
# did not exist at all.
PUBLIC_SURFACES = [
    Surface("home page counts", lambda w: reverse("home")),
    Surface("findings list", lambda w: reverse("findings")),
    Surface("search for the unpublished marker word", lambda w: reverse("findings") + f"?q={w['marker']}"),
    Surface("search for a shared word", lambda w: reverse("findings") + "?q=segregation"),
    Surface("facet counts for its body", lambda w: reverse("findings") + f"?body={w['body']}"),
    Surface("facet counts for its theme and year", lambda w: reverse("findings") + f"?theme=segregation&year={w['year']}"),
    Surface("reports list", lambda w: reverse("reports")),
    Surface("reports of its body", lambda w: reverse("reports") + f"?body={w['body']}"),
    Surface("establishments list", lambda w: reverse("establishments")),
    Surface("the shared establishment", lambda w: reverse("establishment", args=[w["shared_place"]])),
    Surface("bodies list", lambda w: reverse("bodies")),
    Surface("its body's page", lambda w: reverse("body", args=[w["body"]])),
    Surface("the published neighbour finding", lambda w: reverse("finding", args=[w["published_finding"]])),
    Surface("the published sibling report", lambda w: reverse("report", args=[w["published_report"]])),
    Surface("about the data", lambda w: reverse("about")),
    Surface("most repeated findings", lambda w: reverse("repeats")),
    Surface("most repeated at the shared establishment", lambda w: reverse("repeats") + f"?establishment={w['shared_place']}&by=theme"),
    Surface("follow-up status chart", lambda w: reverse("follow_up")),
    Surface("follow-up status chart of its body and year", lambda w: reverse("follow_up") + f"?body={w['body']}&year={w['year']}"),
    Surface("trends", lambda w: reverse("trends")),
    Surface("trends by theme of its body and year", lambda w: reverse("trends") + f"?by=theme&body={w['body']}&year={w['year']}"),
    Surface("trend chart of its theme (SVG)", lambda w: reverse("trends_as", args=["svg"]) + "?theme=segregation"),
    Surface("top themes of its body in its reporting year", lambda w: reverse("top_themes") + f"?body={w['body']}&period=2024-25"),
    Surface("top themes chart (SVG)", lambda w: reverse("top_themes_as", args=["svg"]) + f"?body={w['body']}"),
    Surface("themes by setting", lambda w: reverse("compare") + "?setting=adult-prison&setting=police-custody"),
    Surface("themes by setting chart (SVG)", lambda w: reverse("compare_as", args=["svg"])),
    Surface("coverage", lambda w: reverse("coverage")),
    Surface("coverage of its body", lambda w: reverse("coverage") + f"?body={w['body']}&interval=year"),
]

# Addresses of the unpublished records themselves: the answer must be the same "not found" as
# for an id that never existed, so even an error message gives nothing away.
DIRECT_SURFACES = [
    Surface("its report page", lambda w: reverse("report", args=[w["hidden_report"]])),
    Surface("its finding page", lambda w: reverse("finding", args=[w["hidden_finding"]])),
    Surface("its establishment page", lambda w: reverse("establishment", args=[w["hidden_place"]])),
]
NEVER_EXISTED = {"hidden_report": 987654, "hidden_finding": 987654, "hidden_place": "no-such-place"}

# Staff pages: the roles that may see the unpublished report there (the others get a refusal or
# an answer without it).
STAFF_SURFACES = [
    (Surface("staff report list", lambda w: reverse("manage_reports")), {"contributor-own", "editor"}),
    (Surface("staff report page", lambda w: reverse("manage_report", args=[w["hidden_report"]])), {"contributor-own", "editor"}),
    (Surface("correction form", lambda w: reverse("edit_finding", args=[w["hidden_finding"]])), {"contributor-own", "editor"}),
    (Surface("staff home", lambda w: reverse("manage")), {"contributor-own", "editor", "administrator"}),
    (Surface("every change", lambda w: reverse("history")), {"contributor-own", "editor", "administrator"}),
    (Surface("staff export (CSV)", lambda w: reverse("historic_export_csv")), {"contributor-own", "editor"}),
    (Surface("uploads list", lambda w: reverse("uploads")), {"contributor-own", "editor"}),
    (Surface("follow-up links waiting", lambda w: reverse("follow_up_queue")), {"contributor-own", "editor"}),
    (Surface("follow-up of its finding", lambda w: reverse("follow_up_assessment", args=[w["hidden_finding"]])), {"contributor-own", "editor"}),
    (Surface("vocabularies with their counts", lambda w: reverse("vocabularies")), {"editor"}),
    (Surface("vocabulary history", lambda w: reverse("vocabularies_history")), {"editor"}),
    (Surface("establishments to review", lambda w: reverse("establishments_review")), {"editor"}),
    (Surface("theme suggestions waiting", lambda w: reverse("review_queue")), {"editor"}),
    (Surface("themes of its finding", lambda w: reverse("review_finding", args=[w["hidden_finding"]])), {"editor"}),
    (Surface("usage analytics", lambda w: reverse("analytics")), {"editor", "administrator"}),
    (Surface("usage analytics (CSV)", lambda w: reverse("analytics_csv")), {"editor", "administrator"}),
]

# The machine-readable twins of the pages (issue 5): exports, the feed, the sitemap, the API.
PUBLIC_SURFACES += [
    Surface("findings as CSV", lambda w: reverse("findings_csv") + f"?theme=segregation&year={w['year']}"),
    Surface("findings as JSON with facet counts", lambda w: reverse("findings_json") + f"?body={w['body']}"),
    Surface("findings as XLSX", lambda w: reverse("findings_xlsx") + "?q=segregation"),
    Surface("search for the marker word as CSV", lambda w: reverse("findings_csv") + f"?q={w['marker']}"),
    Surface("Atom feed of its theme", lambda w: reverse("findings_atom") + "?theme=segregation"),
    Surface("Atom feed of everything", lambda w: reverse("findings_atom")),
    Surface("sitemap", lambda w: reverse("sitemap")),
    Surface("API findings", lambda w: f"/api/v1/findings?body={w['body']}&page_size=500"),
    Surface("API search for the marker word", lambda w: f"/api/v1/findings?q={w['marker']}"),
    Surface("API facets", lambda w: f"/api/v1/facets?theme=segregation&year={w['year']}"),
    Surface("API counts", lambda w: f"/api/v1/counts?by=year&by=theme&by=population&body={w['body']}"),
    Surface("API reports", lambda w: f"/api/v1/reports?body={w['body']}"),
    Surface("API establishments", lambda w: "/api/v1/establishments?page_size=500"),
    Surface("API bodies", lambda w: "/api/v1/bodies"),
    Surface("API the published sibling report", lambda w: f"/api/v1/reports/{w['published_report']}"),
    Surface("API the shared establishment", lambda w: f"/api/v1/establishments/{w['shared_place']}"),
]
DIRECT_SURFACES += [
    Surface("API its report", lambda w: f"/api/v1/reports/{w['hidden_report']}"),
    Surface("API its finding", lambda w: f"/api/v1/findings/{w['hidden_finding']}"),
    Surface("API its establishment", lambda w: f"/api/v1/establishments/{w['hidden_place']}"),
]
