"""A pack or a thematic in the format asked for, as bytes. The HTML file is a standalone page
(its own small style sheet, no scripts, no network) with the same content as the page on the
dashboard; the dashboard's page wraps the same template in the site's layout."""

from django.template.loader import render_to_string

# fpdf2 and python-docx are imported when a file is made, not when the server starts: together
# they held ~70 MB of every dashboard process that never makes one.


def annual(pack, fmt: str) -> bytes:
    if fmt == "docx":
        from scrutiny.annual_report.word import pack_docx

        return pack_docx(pack)
    if fmt == "pdf":
        from scrutiny.annual_report.pdf import pack_pdf

        return pack_pdf(pack)
    if fmt == "html":
        return render_to_string("annual_report/standalone.html", {"pack": pack, "title": pack.title}).encode("utf-8")
    raise ValueError(f"no format {fmt!r}")


def thematic(result, fmt: str) -> bytes:
    if fmt == "docx":
        return thematic_docx(result)
    if fmt == "html":
        return render_to_string("annual_report/standalone_thematic.html", {"thematic": result, "title": result.title}).encode("utf-8")
    raise ValueError(f"no format {fmt!r}")


def citation_line(citation) -> str:
    page = f", page {citation.page}" if citation.page else ""
    number = f", {citation.number}" if citation.number else ""
    return f"{citation.report_title} ({citation.published.day} {citation.published:%B %Y}){page}{number}"


def thematic_docx(result) -> bytes:
    from scrutiny.annual_report.word import new_document, saved

    document = new_document(result.title, f"Good-practice thematic, reporting year {result.period}")
    document.add_paragraph(result.title, style="Title")
    document.add_paragraph(
        f"{result.total:,} published good-practice findings on {result.theme_name} in the reporting year {result.period} "
        f"(April {result.period[:4]} to March {int(result.period[:4]) + 1}), grouped by setting and body. "
        f"The same findings on the dashboard: {result.address}")
    if not result.settings:
        document.add_paragraph("No published good-practice finding on this theme in this year.")
    for group in result.settings:
        document.add_heading(f"{group.name} ({group.count:,})", level=1)
        for body in group.bodies:
            document.add_heading(f"{body.name} ({len(body.citations):,})", level=2)
            for citation in body.citations:
                document.add_paragraph(citation.text, style="List Bullet")
                source = document.add_paragraph(style="List Continue")
                source.add_run("Source: ").bold = True
                source.add_run(citation_line(citation) + (" – " + ", ".join(citation.places) if citation.places else "") + ". ")
                _hyperlink(source, citation.link, citation.link)
    return saved(document)


def _hyperlink(paragraph, url: str, text: str) -> None:
    """A real link (python-docx has no API for one): a relationship and a w:hyperlink run."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if not url.startswith(("http://", "https://")):
        paragraph.add_run(url)
        return
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "1D70B8")
    props.extend([style, colour, underline])
    run.append(props)
    label = OxmlElement("w:t")
    label.text = text
    run.append(label)
    link.append(run)
    paragraph._p.append(link)
