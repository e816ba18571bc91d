"""Small report files made on the spot, the way an author's tools would write them."""

from fpdf import FPDF


def html_report(path, *parts):
    """parts: ("h2", "Recommendations"), ("p", "..."), ("li", "...") ..."""
    body = []
    in_list = False
    for tag, text in parts:
        if tag == "li" and not in_list:
            body.append("<ul>")
            in_list = True
        if tag != "li" and in_list:
            body.append("</ul>")
            in_list = False
        body.append(f"<{tag}>{text}</{tag}>")
    if in_list:
        body.append("</ul>")
    path.write_text("<html><body>" + "\n".join(body) + "</body></html>", encoding="utf-8")
    return path


class ReportPdf(FPDF):
    """A4 report with a running header (its title) and a footer "title   page" on every page."""

    def __init__(self, title):
        super().__init__(format="A4")
        self.report_title = title
        self.set_auto_page_break(True, margin=25)
        self.set_margins(25, 25, 25)

    def header(self):
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, self.report_title, align="R")
        self.ln(12)

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, f"{self.report_title}   {self.page_no()}", align="C")

    def heading(self, text, size=16):
        self.set_font("Helvetica", "B", size)
        self.multi_cell(0, 9, text)
        self.ln(3)

    def paragraph(self, text):
        self.set_font("Helvetica", size=11)
        self.multi_cell(0, 6, text)
        self.ln(4)


def pdf_report(path, title, parts):
    pdf = ReportPdf(title)
    pdf.add_page()
    for kind, text in parts:
        if kind == "heading":
            pdf.heading(text)
        elif kind == "page":
            pdf.add_page()
        elif kind == "move_to":  # start the next part this far down the page (mm)
            pdf.set_y(float(text))
        else:
            pdf.paragraph(text)
    pdf.output(str(path))
    return path
