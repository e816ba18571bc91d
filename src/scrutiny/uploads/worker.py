"""The background worker: takes queued uploads one at a time and ingests them as drafts.

A job is claimed with one conditional UPDATE (state queued → running, where it is still queued),
which SQLite and PostgreSQL both apply atomically: when two workers go for the same job, one
update changes a row and the other changes none and looks for the next job.

A running job carries its worker's name (host:pid:thread) and a heartbeat, refreshed while it
runs. When a worker starts, and every minute after, jobs whose worker has died (its process is
gone, or its heartbeat stopped) are queued again; after MAX_ATTEMPTS the job fails instead, so a
file that kills the process cannot kill every worker in turn."""

import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django.db import close_old_connections, connection
from django.db.models import F
from django.utils import timezone

from scrutiny.uploads import files
from scrutiny.uploads.models import Upload, UploadState

log = logging.getLogger(__name__)

POLL_SECONDS = 2.0
HEARTBEAT_SECONDS = 15.0
STALE_AFTER = timedelta(minutes=2)
REQUEUE_EVERY_SECONDS = 60.0
MAX_ATTEMPTS = 3

_wakeup = threading.Event()


def wake() -> None:
    """Tell the workers in this process that a job is waiting (others find it by polling)."""
    _wakeup.set()


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


# --- claiming --------------------------------------------------------------------------------

def claim(worker: str) -> Upload | None:
    """Take the oldest queued upload for this worker, or None when nothing is waiting. Must run
    outside a transaction, so the claim is committed (and seen by other workers) at once."""
    for _ in range(50):
        candidate = (
            Upload.objects.filter(state=UploadState.QUEUED).order_by("uploaded_at", "id").values_list("pk", flat=True).first()
        )
        if candidate is None:
            return None
        now = timezone.now()
        taken = Upload.objects.filter(pk=candidate, state=UploadState.QUEUED).update(
            state=UploadState.RUNNING, worker=worker, started_at=now, heartbeat_at=now, finished_at=None,
            attempts=F("attempts") + 1, progress=0.0, progress_message="Starting", error="",
        )
        if taken:
            return Upload.objects.select_related("body", "setting", "nation", "uploaded_by").get(pk=candidate)
        # Another worker took it between our look and our update: look again.
    return None


def _process_gone(worker: str) -> bool:
    """True when the worker named ran on this machine and is no longer running."""
    try:
        host, pid, thread = worker.rsplit(":", 2)
        pid, thread = int(pid), int(thread)
    except ValueError:
        return True
    if host != socket.gethostname():
        return False  # another machine: only its heartbeat can tell
    if pid == os.getpid():
        return thread not in {t.ident for t in threading.enumerate()}
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def requeue_stale(now=None) -> int:
    """Queue again the jobs left running by a worker that died. Returns how many."""
    now = now or timezone.now()
    requeued = 0
    for pk, worker, heartbeat, attempts in Upload.objects.filter(state=UploadState.RUNNING).values_list(
        "pk", "worker", "heartbeat_at", "attempts"
    ):
        if not (_process_gone(worker) or heartbeat is None or now - heartbeat > STALE_AFTER):
            continue
        still = Upload.objects.filter(pk=pk, state=UploadState.RUNNING, worker=worker)
        if attempts >= MAX_ATTEMPTS:
            still.update(
                state=UploadState.FAILED, finished_at=now, worker="", progress_message="Stopped",
                error=f"The worker reading this file stopped {attempts} times before it finished, so it was not "
                "tried again. The file may be too large or damaged; the file is kept, and an editor can look at it.",
            )
            continue
        requeued += still.update(
            state=UploadState.QUEUED, worker="", heartbeat_at=None, progress=0.0,
            progress_message="Waiting again: the worker reading it stopped before it finished",
        )
    if requeued:
        log.warning("uploads: %d job(s) left running by a stopped worker queued again", requeued)
    return requeued


# --- running one job -------------------------------------------------------------------------

def run(upload: Upload, worker: str) -> Upload:
    """Ingest one claimed upload as a draft and record how it ended."""
    from scrutiny.reports.ingest import Ingester

    mine = Upload.objects.filter(pk=upload.pk, state=UploadState.RUNNING, worker=worker)

    def progress(message: str, fraction: float) -> None:
        mine.update(progress_message=message[:300], progress=fraction, heartbeat_at=timezone.now())

    try:
        ingester = Ingester(upload.overrides(), publish=False, keep_files=True, user=upload.uploaded_by)
        outcome = ingester.ingest(upload.path, name=upload.original_name, progress=progress)
    except Exception as exc:
        log.exception("uploads: upload %s (%s) failed unexpectedly", upload.pk, upload.original_name)
        _finish(mine, UploadState.FAILED, "Failed", error=(
            f"{upload.original_name} could not be read: an unexpected error ({type(exc).__name__}). "
            "The file is kept; tell the secretariat, quoting upload number "
            f"{upload.pk}."
        ))
    else:
        if outcome.status == "new":
            findings = sum(outcome.kinds.values())
            _finish(mine, UploadState.DONE, f"Stored as a draft with {findings} finding{'s' if findings != 1 else ''}",
                    report_id=outcome.report_id, progress=1.0)
            files.remove(upload.stored_name)  # the ingest kept its own copy, by content
        elif outcome.status == "duplicate":
            _finish(mine, UploadState.DUPLICATE, "Already held: the same file was stored before, so nothing was added",
                    report_id=outcome.report_id, progress=1.0)
            files.remove(upload.stored_name)
        else:
            _finish(mine, UploadState.FAILED, "Failed", error=f"{upload.original_name}: {outcome.reason}")
    upload.refresh_from_db()
    return upload


def _finish(mine, state: str, message: str, **values) -> None:
    mine.update(state=state, progress_message=message, finished_at=timezone.now(), heartbeat_at=timezone.now(), **values)


# --- the worker ------------------------------------------------------------------------------

class Worker:
    def __init__(self, poll: float = POLL_SECONDS):
        self.poll = poll
        self.stop = threading.Event()
        self._last_requeue = 0.0

    @property
    def name(self) -> str:
        return worker_name()

    def start_up(self) -> None:
        requeue_stale()
        files.sweep_partials()
        self._last_requeue = time.monotonic()

    def run_once(self) -> Upload | None:
        """Claim one queued upload and ingest it; None when nothing is waiting."""
        name = self.name
        upload = claim(name)
        if upload is None:
            return None
        finished = threading.Event()
        beat = threading.Thread(target=_heartbeat, args=(upload.pk, name, finished), daemon=True, name="upload-heartbeat")
        beat.start()
        try:
            return run(upload, name)
        finally:
            finished.set()
            beat.join()

    def run_forever(self) -> None:
        try:
            self.start_up()
            while not self.stop.is_set():
                close_old_connections()
                try:
                    if time.monotonic() - self._last_requeue > REQUEUE_EVERY_SECONDS:
                        requeue_stale()
                        self._last_requeue = time.monotonic()
                    done = self.run_once()
                except Exception:
                    log.exception("uploads: the worker hit an error; it carries on")
                    done = None
                    self.stop.wait(self.poll * 5)
                if done is None:
                    _wakeup.wait(self.poll)
                    _wakeup.clear()
        finally:
            connection.close()


def _heartbeat(pk: int, name: str, finished: threading.Event) -> None:
    """While a job runs, say every few seconds that its worker is alive."""
    try:
        while not finished.wait(HEARTBEAT_SECONDS):
            Upload.objects.filter(pk=pk, state=UploadState.RUNNING, worker=name).update(heartbeat_at=timezone.now())
    except Exception:
        log.exception("uploads: heartbeat failed")
    finally:
        connection.close()


def start_threads(count: int = 1) -> list[tuple[Worker, threading.Thread]]:
    """Start background workers in this process (`scrutiny serve` does), as daemon threads."""
    started = []
    for n in range(count):
        worker = Worker()
        thread = threading.Thread(target=worker.run_forever, name=f"upload-worker-{n + 1}", daemon=True)
        thread.start()
        started.append((worker, thread))
    return started


def stop_threads(started, timeout: float = 5.0) -> None:
    for worker, _ in started:
        worker.stop.set()
    wake()
    for _, thread in started:
        thread.join(timeout)
