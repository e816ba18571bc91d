"""Uploads as staff meet them: report files from the demo generator, people holding real roles,
and a files folder of the test's own, so every file written can be accounted for."""

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from factories import body
from scrutiny_demo.corpus import generate

CORPUS_SEED = 11


@dataclass(frozen=True)
class ReportFile:
    path: Path
    meta: dict

    @property
    def planted(self) -> int:
        gold = self.path.with_name(f"{self.path.stem}.gold.jsonl")
        return len([line for line in gold.read_text().splitlines() if line])


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> dict[str, ReportFile]:
    """Six generated reports (two each of PDF, DOCX and HTML), by format: 'pdf', 'pdf2', ..."""
    out = tmp_path_factory.mktemp("upload-corpus")
    written = generate(6, seed=CORPUS_SEED, outdir=str(out), processes=1)
    found = {}
    for w in written:
        path = out / f"{w.name}.{w.format}"
        meta = json.loads(path.with_name(f"{w.name}.meta.json").read_text())
        key = w.format if w.format not in found else f"{w.format}2"
        found[key] = ReportFile(path, meta)
    return found


@pytest.fixture(autouse=True)
def files_dir(settings, tmp_path) -> Path:
    """Where uploads and kept files go, for this test only."""
    folder = tmp_path / "scrutiny-files"
    settings.SCRUTINY_FILES_DIR = folder
    return folder


def uploads_folder(files_dir: Path) -> Path:
    return files_dir / "uploads"


def stored_files(files_dir: Path) -> list[Path]:
    folder = uploads_folder(files_dir)
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def is_server_name(path: Path) -> bool:
    stem, ext = path.name.split(".", 1) if "." in path.name else (path.name, "")
    try:
        return uuid.UUID(hex=stem).hex == stem and ext in {"pdf", "docx", "html", "txt"}
    except ValueError:
        return False


def person(role: str, *body_slugs: str):
    """A person holding one role, for each body named when the role is scoped to bodies."""
    from django.contrib.auth.models import User

    from scrutiny.accounts.models import Membership

    n = User.objects.count() + 1
    user = User.objects.create_user(username=f"{role}{n}@example.org", email=f"{role}{n}@example.org",
                                    first_name=role.title(), last_name=str(n))
    for slug in body_slugs or [None]:
        Membership.objects.create(user=user, role=role, body=body(slug) if slug else None)
    return user


def sign_in(client, user):
    """Signed in, and past two-factor for the roles that ask for it (a confirmed device)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def form_for(meta: dict, **changes) -> dict:
    """The upload form's fields for a report, from its generator metadata."""
    data = {
        "body": meta["body"], "report_type": meta["type"], "published": meta["published"],
        "establishment": meta["establishment"], "title": meta["title"], "setting": meta["setting"], "nation": meta["nation"],
    }
    data.update(changes)
    return data


BOUNDARY = "----ScrutinyUploadTestBoundary7MA4YWxkTrZu0gW"


def multipart(fields: dict, files: list[tuple[bytes | str, bytes]], cut_at: int | None = None) -> tuple[bytes, str]:
    """A multipart body built by hand, so a file name reaches the server exactly as given (the
    test client's own encoder tidies names first). cut_at: stop there, as a client that went away."""
    parts = []
    for name, value in fields.items():
        parts.append(f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for filename, content in files:
        raw = filename if isinstance(filename, bytes) else filename.encode("utf-8", "surrogatepass")
        parts.append(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="'.encode()
            + raw.replace(b'"', b"%22").replace(b"\r", b"").replace(b"\n", b"")
            + b'"\r\nContent-Type: application/octet-stream\r\n\r\n' + content + b"\r\n"
        )
    body_bytes = b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()
    if cut_at is not None:
        body_bytes = body_bytes[:cut_at]
    return body_bytes, f"multipart/form-data; boundary={BOUNDARY}"


def post_raw(client, fields, files, cut_at=None):
    from django.urls import reverse

    body_bytes, content_type = multipart(fields, files, cut_at)
    return client.post(reverse("uploads"), data=body_bytes, content_type=content_type)

