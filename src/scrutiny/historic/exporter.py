"""Historic export: any set of reports in the import template, ready to be imported again.

Rows come in a fixed order (reports by reference, findings by position, list cells sorted), so
exporting the same records twice gives the same bytes."""

from scrutiny.findings.models import Finding, PopulationTag, Tag
from scrutiny.historic import template
from scrutiny.historic.template import LIST_SEPARATOR
from scrutiny.reports.models import Report


def rows(reports) -> list[dict]:
    """One dict per finding (column → text) for these reports; a report without findings has no row."""
    reports = list(reports.select_related("body", "setting", "nation").order_by("reference"))
    by_id = {r.pk: r for r in reports}
    places, themes, populations, findings = {}, {}, {}, {}
    ids = list(by_id)
    for start in range(0, len(ids), 500):
        chunk = ids[start: start + 500]
        through = Report.establishments.through.objects.filter(report_id__in=chunk)
        for report_id, name in through.values_list("report_id", "establishment__name"):
            places.setdefault(report_id, []).append(" ".join(name.split()))
        for finding in Finding.objects.filter(report_id__in=chunk).order_by("report_id", "position"):
            findings.setdefault(finding.report_id, []).append(finding)
        for finding_id, slug in Tag.objects.filter(finding__report_id__in=chunk).values_list("finding_id", "theme__slug"):
            themes.setdefault(finding_id, []).append(slug)
        for finding_id, slug in PopulationTag.objects.filter(finding__report_id__in=chunk).values_list(
            "finding_id", "population__slug"
        ):
            populations.setdefault(finding_id, []).append(slug)
    out = []
    for report in reports:
        common = {
            "report_reference": report.reference, "body": report.body.slug, "report_type": report.report_type,
            "report_title": report.title, "published": report.published.isoformat(),
            "establishment": f"{LIST_SEPARATOR} ".join(sorted(set(places.get(report.pk, [])))),
            "setting": report.setting.slug if report.setting else "",
            "nation": report.nation.slug if report.nation else "", "source_url": report.source_url,
        }
        for f in findings.get(report.pk, []):
            out.append({
                **common, "finding_position": str(f.position), "kind": f.kind, "number": f.number,
                "label_in_source": f.label_in_source, "text": f.text, "page": "" if f.page is None else str(f.page),
                "section": f.section, "addressee": f.addressee, "status": f.status,
                "status_in_source": f.status_in_source,
                "themes": LIST_SEPARATOR.join(sorted(set(themes.get(f.pk, [])))),
                "populations": LIST_SEPARATOR.join(sorted(set(populations.get(f.pk, [])))),
            })
    return out


def export(reports, fmt: str) -> bytes:
    found = rows(reports)
    return template.write_csv(found) if fmt == "csv" else template.write_xlsx(found)


def reports_for_bodies(body_slugs: list[str] | None = None, scope=None):
    """All reports, or those of the given bodies; `scope` (body ids) limits them to what a person may see."""
    reports = Report.objects.all()
    if body_slugs:
        reports = reports.filter(body__slug__in=body_slugs)
    if scope is not None:
        reports = reports.filter(body_id__in=scope)
    return reports
