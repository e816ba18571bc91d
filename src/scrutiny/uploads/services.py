"""Taking uploads in and finding them again. Every query is limited to the bodies the person
uploads for: an editor sees every upload, a contributor their own bodies'."""

from dataclasses import dataclass

from django.db import transaction
from django.http import Http404

from scrutiny.accounts import access, roles
from scrutiny.catalogue.models import Body
from scrutiny.uploads import files
from scrutiny.uploads.models import Upload


@dataclass
class Refusal:
    name: str  # as the sender named the file, cleaned for display
    reason: str

    def __str__(self) -> str:
        return f"{self.name} {self.reason}"


def bodies_for(user):
    scope = access.bodies_for(user, roles.UPLOAD)
    bodies = Body.objects.order_by("name")
    return bodies if scope is access.ALL_BODIES else bodies.filter(pk__in=scope)


def uploads_for(user):
    scope = access.bodies_for(user, roles.UPLOAD)
    uploads = Upload.objects.select_related("body", "report", "uploaded_by")
    return uploads if scope is access.ALL_BODIES else uploads.filter(body_id__in=scope)


def upload_for(user, upload_id: int) -> Upload:
    """The upload, or 404 when it does not exist or belongs to a body the person does not work for."""
    upload = uploads_for(user).filter(pk=upload_id).first()
    if upload is None:
        raise Http404("No such upload")
    return upload


def accept(user, uploaded_files, metadata: dict) -> tuple[list[Upload], list[Refusal]]:
    """Check each file, store the good ones and queue them; say why each bad one was refused.
    metadata is the upload form's cleaned data (body a Body the person may upload for)."""
    body = metadata["body"]
    if not access.can(user, roles.UPLOAD, body):
        raise Http404("No such body")  # the form offers only the person's own bodies
    queued, refused = [], []
    for uploaded in uploaded_files:
        name = files.display_name(uploaded.name)
        try:
            extension = files.check(uploaded)
            stored = files.store(uploaded, extension)
        except files.Refused as error:
            refused.append(Refusal(name, str(error)))
            continue
        try:
            with transaction.atomic():
                queued.append(Upload.objects.create(
                    uploaded_by=user, original_name=name, stored_name=stored.name, size=stored.size,
                    sha256=stored.sha256, file_format=extension.lstrip("."), body=body,
                    establishment=metadata.get("establishment") or "", published=metadata["published"],
                    report_type=metadata["report_type"], title=metadata.get("title") or "",
                    setting=metadata.get("setting"), nation=metadata.get("nation"),
                ))
        except BaseException:
            files.remove(stored.name)
            raise
    if queued:
        from scrutiny.uploads.worker import wake

        transaction.on_commit(wake)
    return queued, refused
