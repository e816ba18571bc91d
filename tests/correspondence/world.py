"""Real letter files and letters as the secretariat records them, for the correspondence tests."""

import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile


def pdf_bytes(text: str = "Letter to the Minister") -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def docx_bytes(text: str = "Reply from the Department") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "not a letter"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def letter(**fields):
    """A letter saved straight to the database (the pages are tested through their forms)."""
    from scrutiny.correspondence.models import Letter

    values = {
        "recipient_role": "Minister for Prisons", "recipient_organisation": "Ministry of Justice",
        "recipient_nation": "uk", "subject": "Use of segregation for children", "status": "sent",
        "sent_on": date(2025, 12, 19), "summary": "We asked the Minister to end segregation of children.",
    }
    values.update(fields)
    links = {name: values.pop(name) for name in ("key_issues", "tracker_items", "findings", "themes") if name in values}
    record = Letter.objects.create(**values)
    for name, records in links.items():
        getattr(record, name).set(records)
    return record


def with_file(record, name: str, content: bytes):
    """Give a letter or reply a file the way the forms do (checked, stored under a server name)."""
    from scrutiny.correspondence.services import letter_files

    letter_files.attach(record, upload(name, content))
    record.save()
    return record


def reply(letter_record, **fields):
    from scrutiny.correspondence.models import Reply

    values = {"received_on": date(2026, 1, 20), "summary": "The Department replied.", "is_published": False}
    values.update(fields)
    return Reply.objects.create(letter=letter_record, **values)


def key_issue(title: str, published: bool = True):
    from django.utils.text import slugify

    from scrutiny.key_issues.models import KeyIssue

    return KeyIssue.objects.create(slug=slugify(title), title=title, is_published=published)


def tracker_item(title: str, published: bool = True):
    from django.utils.text import slugify

    from scrutiny.tracker.models import Item

    return Item.objects.create(slug=slugify(title), title=title, is_published=published)
