"""Text from report files, as a Document of blocks with the page each starts on.

    read_document(path) -> Document   raises UnreadableDocument with a short reason
"""

from pathlib import Path

from scrutiny.core.document import Document, UnreadableDocument

READERS = {
    ".pdf": ("scrutiny.core.text.pdf", "read_pdf"),
    ".docx": ("scrutiny.core.text.docx", "read_docx"),
    ".html": ("scrutiny.core.text.html", "read_html"),
    ".htm": ("scrutiny.core.text.html", "read_html"),
    ".txt": ("scrutiny.core.text.plain", "read_plain"),
    ".text": ("scrutiny.core.text.plain", "read_plain"),
    ".md": ("scrutiny.core.text.plain", "read_plain"),
}


def read_document(path) -> Document:
    import importlib

    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnreadableDocument(UnreadableDocument.UNSUPPORTED, path.suffix or "no extension")
    if not path.exists():
        raise UnreadableDocument("not found", str(path))
    if path.stat().st_size == 0:
        raise UnreadableDocument(UnreadableDocument.EMPTY, str(path))
    module_name, function_name = reader
    read = getattr(importlib.import_module(module_name), function_name)
    return read(path, path.stem)
