"""Reports as a web page: semantic headings, paragraphs, lists and tables; no pages."""

from html import escape

from scrutiny_demo.document import ContentsEntry, Heading, PageBreak, Paragraph, Report, Table

STYLE = """body{font-family:Arial,Helvetica,sans-serif;max-width:46em;margin:2em auto;line-height:1.5}
p.number{padding-left:3em;text-indent:-3em} .indent1{margin-left:2em} .indent2{margin-left:4em}
table{border-collapse:collapse} td,th{border:1px solid #999;padding:.2em .5em} header p{margin:.2em 0}"""


def render_html(report: Report) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(report.meta['title'])}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<article>",
    ]
    in_list = False
    in_header = True
    out.append("<header>")
    anchors = {}
    for block in report.blocks:
        if isinstance(block, Heading):
            anchors.setdefault(id(block), f"s{len(anchors) + 1}")
    for block in report.blocks:
        if in_header and not (isinstance(block, Paragraph) and block.size):
            if isinstance(block, PageBreak):
                out.append("</header>")
                in_header = False
                continue
        if isinstance(block, PageBreak):
            continue
        if in_list and not (isinstance(block, Paragraph) and block.bullet):
            out.append("</ul>")
            in_list = False
        if isinstance(block, Heading):
            level = min(block.level, 4)
            out.append(f'<h{level} id="{anchors[id(block)]}">{escape(block.printed)}</h{level}>')
        elif isinstance(block, ContentsEntry):
            target = anchors.get(id(block.heading), "")
            out.append(
                f'<p class="contents indent{block.heading.level - 1}">'
                f'<a href="#{target}">{escape(block.heading.printed)}</a></p>'
            )
        elif isinstance(block, Table):
            out.append(render_table(block))
        elif isinstance(block, Paragraph):
            if block.bullet and not in_list:
                out.append("<ul>")
                in_list = True
            out.append(render_paragraph(block))
    if in_list:
        out.append("</ul>")
    if in_header:
        out.append("</header>")
    out += ["</article>", "</body>", "</html>", ""]
    return "\n".join(out)


def render_paragraph(paragraph: Paragraph) -> str:
    body = escape(paragraph.text)
    if paragraph.emphasis == "bold":
        body = f"<strong>{body}</strong>"
    elif paragraph.emphasis == "italic":
        body = f"<em>{body}</em>"
    if paragraph.label:
        body = f"<strong>{escape(paragraph.label)}</strong> {body}"
    classes = []
    if paragraph.number:
        body = f'<span class="number">{escape(paragraph.number)}</span> {body}'
        classes.append("number")
    if paragraph.indent:
        classes.append(f"indent{min(paragraph.indent, 2)}")
    attr = f' class="{" ".join(classes)}"' if classes else ""
    tag = "li" if paragraph.bullet else "p"
    return f"<{tag}{attr}>{body}</{tag}>"


def render_table(table: Table) -> str:
    rows = ["<table>"]
    if table.caption:
        rows.append(f"<caption>{escape(table.caption)}</caption>")
    rows.append("<thead><tr>" + "".join(f"<th>{escape(str(c))}</th>" for c in table.header) + "</tr></thead>")
    rows.append("<tbody>")
    for row in table.rows:
        rows.append("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>")
    rows.append("</tbody></table>")
    return "\n".join(rows)
