"""A letter's or a reply's file: PDF or Word only, judged by its content as well as its name, and
stored under a name the server chooses (the uploads app's rules, kept in its own folder).

The checks themselves are the uploads app's (a PDF begins with %PDF-, a .docx is a ZIP package
holding word/document.xml), so a file refused there is refused here for the same reason."""

import os
import uuid
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404

from scrutiny.uploads import files as upload_files
from scrutiny.uploads.files import Refused, display_name, extension_of, size_words

EXTENSIONS = (".pdf", ".docx")
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def check(uploaded) -> str:
    """The extension to store this file under, or Refused saying why not."""
    name = display_name(uploaded.name)
    limit = settings.SCRUTINY_UPLOAD_MAX_BYTES
    if isinstance(uploaded, upload_files.TooLarge) or (uploaded.size or 0) > limit:
        raise Refused(f"is larger than the {size_words(limit)} limit for one file")
    extension = extension_of(name)
    if extension not in EXTENSIONS:
        raise Refused(f"is not a PDF or Word (.docx) file ({extension or 'no extension'})")
    if not uploaded.size:
        raise Refused("is empty (0 bytes); check that it saved properly and choose it again")
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    upload_files.CONTENT_CHECKS[extension](uploaded, head)
    return extension


def store(uploaded, extension: str, folder: Path) -> str:
    """Write the checked file into `folder` under a new uuid name (via a temporary name, so the
    folder never holds half a file); the stored name is returned."""
    if extension not in EXTENSIONS:
        raise ValueError(f"unexpected extension {extension!r}")
    folder.mkdir(parents=True, exist_ok=True)
    key = uuid.uuid4().hex
    final, partial = folder / f"{key}{extension}", folder / f"{upload_files.PARTIAL_PREFIX}{key}"
    try:
        uploaded.seek(0)
        with open(partial, "xb") as out:
            for chunk in uploaded.chunks():
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return final.name


def attach(record, uploaded) -> None:
    """Give a letter or reply this (already checked) file, replacing any it had. The caller saves."""
    from scrutiny.correspondence.models import letters_dir

    extension = check(uploaded)
    old = record.stored_name
    record.stored_name = store(uploaded, extension, letters_dir())
    record.original_name = display_name(uploaded.name)
    record.size = uploaded.size
    if old:
        (letters_dir() / Path(old).name).unlink(missing_ok=True)


def download(record) -> FileResponse:
    """The file as a download under its display name. Missing on disk reads as not found."""
    if not record.has_file:
        raise Http404("No such file")
    path = record.file_path
    try:
        handle = open(path, "rb")
    except FileNotFoundError:
        raise Http404("No such file") from None
    response = FileResponse(handle, as_attachment=True, filename=record.original_name or path.name,
                            content_type=CONTENT_TYPES.get(path.suffix, "application/octet-stream"))
    response["X-Content-Type-Options"] = "nosniff"
    return response
