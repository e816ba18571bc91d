"""Receiving report files: a size cap while the request streams in, a type check by extension
and by content, and storage under a name the server chooses.

Nothing the sender says about a file forms a path. Its name is cleaned for display; the stored
name is a uuid with the extension its content earned. A file is written under a temporary name
and renamed when it is whole, so an upload cut off part way leaves nothing behind."""

import hashlib
import io
import os
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler

from scrutiny.uploads.models import uploads_dir

# Extension as sent → the one we store under (and the format the ingest reads it as).
EXTENSIONS = {".pdf": ".pdf", ".docx": ".docx", ".html": ".html", ".htm": ".html", ".txt": ".txt"}
KINDS = "PDF, Word (.docx), HTML or plain text (.txt)"
NAME_LIMIT = 200
PARTIAL_PREFIX = ".partial-"


class Refused(Exception):
    """A file we will not take, with the reason for the person who sent it."""


# --- the size cap, applied while the request is read ------------------------------------------

class TooLarge(UploadedFile):
    """Stands in for a file that went over the limit: its bytes were never kept."""

    def __init__(self, name: str, received: int):
        super().__init__(io.BytesIO(), name=name, content_type="", size=received)


class SizeLimitHandler(FileUploadHandler):
    """First in the chain of upload handlers: counts each file's bytes and, past the limit,
    stops passing them on, so a file too large is never written out whole."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        self.over = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.over or self.received > settings.SCRUTINY_UPLOAD_MAX_BYTES:
            self.over = True
            return None  # swallowed: the handlers after this one never see it
        return raw_data

    def file_complete(self, file_size):
        if self.over:
            return TooLarge(self.file_name, self.received)
        return None  # the next handler (memory or temporary file) gives the file


# --- names -----------------------------------------------------------------------------------

def display_name(given) -> str:
    """The sender's file name, made safe to show and store as text: no folders, no control
    characters (PostgreSQL refuses NUL), NFC, and not too long (its extension kept)."""
    name = unicodedata.normalize("NFC", str(given or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if c.isprintable() and not unicodedata.category(c).startswith("C")).strip()
    # Lone surrogates cannot be stored as UTF-8.
    name = name.encode("utf-8", "replace").decode("utf-8")
    if len(name) > NAME_LIMIT:
        stem, dot, ext = name.rpartition(".")
        ext = ext if dot and len(ext) <= 10 else ""
        name = (stem if ext else name)[: NAME_LIMIT - len(ext) - 2] + "…" + (f".{ext}" if ext else "")
    return name or "unnamed file"


def extension_of(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def size_words(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


# --- checks ----------------------------------------------------------------------------------

def check(uploaded) -> str:
    """The extension to store this file under, or Refused saying why not."""
    name = display_name(uploaded.name)
    limit = settings.SCRUTINY_UPLOAD_MAX_BYTES
    if isinstance(uploaded, TooLarge) or (uploaded.size or 0) > limit:
        raise Refused(f"is larger than the {size_words(limit)} limit for one file")
    extension = EXTENSIONS.get(extension_of(name))
    if extension is None:
        shown = extension_of(name) or "no extension"
        raise Refused(f"is not a type we can read ({shown}); send a {KINDS} file")
    if not uploaded.size:
        raise Refused("is empty (0 bytes); check that it saved properly and choose it again")
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    CONTENT_CHECKS[extension](uploaded, head)
    return extension


def _pdf(uploaded, head: bytes) -> None:
    # Readers accept a little junk before the header; nothing else is a PDF.
    if b"%PDF-" not in head[:1024]:
        raise Refused("is named .pdf but is not a PDF (it does not begin with %PDF)")


def _docx(uploaded, head: bytes) -> None:
    if not head.startswith(b"PK\x03\x04"):
        raise Refused("is named .docx but is not a Word document (a .docx file is a ZIP package)")
    try:
        uploaded.seek(0)
        with zipfile.ZipFile(uploaded) as package:
            names = set(package.namelist())
    except Exception:  # a damaged package fails in many ways (BadZipFile, EOFError, ValueError...)
        raise Refused("is named .docx but its ZIP package is damaged") from None
    finally:
        uploaded.seek(0)
    if "word/document.xml" not in names:
        if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
            raise Refused("is an Excel or PowerPoint file renamed .docx, not a Word document")
        raise Refused("is named .docx but holds no Word document (word/document.xml is missing)")


def _text(uploaded, head: bytes, what: str) -> None:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with its byte order mark
    if head.startswith(b"%PDF-") or head.startswith(b"PK\x03\x04"):
        raise Refused(f"is named as {what} but is a PDF or a ZIP package; give it its proper extension")
    if b"\x00" in head:
        raise Refused(f"is named as {what} but holds binary data, not text")


def _html(uploaded, head: bytes) -> None:
    _text(uploaded, head, "HTML")
    if head.strip() and b"<" not in head and b"<\x00" not in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Refused("is named as HTML but has no HTML in it")


CONTENT_CHECKS = {
    ".pdf": _pdf,
    ".docx": _docx,
    ".html": _html,
    ".txt": lambda uploaded, head: _text(uploaded, head, "plain text"),
}


# --- storing ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Stored:
    name: str  # within uploads_dir()
    size: int
    sha256: str

    @property
    def path(self) -> Path:
        return uploads_dir() / self.name


def store(uploaded, extension: str) -> Stored:
    """Copy the checked file into the uploads folder under a new uuid name: written under a
    temporary name, flushed to disk, then renamed, so the folder never holds half a file."""
    if extension not in EXTENSIONS.values():  # only ever one of ours
        raise ValueError(f"unexpected extension {extension!r}")
    folder = uploads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    key = uuid.uuid4().hex
    final = folder / f"{key}{extension}"
    partial = folder / f"{PARTIAL_PREFIX}{key}"
    digest, size = hashlib.sha256(), 0
    try:
        uploaded.seek(0)
        with open(partial, "xb") as out:
            for chunk in uploaded.chunks():
                digest.update(chunk)
                size += len(chunk)
                if size > settings.SCRUTINY_UPLOAD_MAX_BYTES:
                    raise Refused(f"is larger than the {size_words(settings.SCRUTINY_UPLOAD_MAX_BYTES)} limit for one file")
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return Stored(final.name, size, digest.hexdigest())


def remove(name: str) -> None:
    (uploads_dir() / Path(name).name).unlink(missing_ok=True)


def sweep_partials(older_than_seconds: float = 3600) -> int:
    """Remove temporary files a process killed mid-write left behind."""
    import time

    folder = uploads_dir()
    if not folder.is_dir():
        return 0
    removed = 0
    for path in folder.glob(f"{PARTIAL_PREFIX}*"):
        try:
            if time.time() - path.stat().st_mtime > older_than_seconds:
                path.unlink()
                removed += 1
        except FileNotFoundError:
            pass
    return removed
