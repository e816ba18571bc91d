"""The background worker: one job to one worker, however many go for it; a job left running by
a worker that died is queued again; `scrutiny uploads work --once` reads what is waiting."""

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from factories import body
from scrutiny.cli import main as scrutiny
from scrutiny.reports.models import Report, State
from scrutiny.uploads import worker as upload_worker
from scrutiny.uploads.models import Upload, UploadState
from scrutiny.uploads.worker import Worker, claim

from operations.scratch import database_url

from .conftest import form_for, person

pytestmark = pytest.mark.django_db


def queued(n: int) -> list[int]:
    """n jobs waiting (their files are never read: claiming does not touch them)."""
    return [
        Upload.objects.create(
            original_name=f"report-{i}.pdf", stored_name=f"{uuid.uuid4().hex}.pdf", size=1000,
            sha256=hashlib.sha256(str(i).encode()).hexdigest(), file_format="pdf", body=body("hmip"),
            published="2024-06-04", report_type="full-inspection",
        ).pk
        for i in range(n)
    ]


def upload_through_the_form(client, report_file) -> Upload:
    client.force_login(person("contributor", report_file.meta["body"]))
    with open(report_file.path, "rb") as handle:
        client.post(reverse("uploads"), {**form_for(report_file.meta), "files": [handle]})
    return Upload.objects.latest("id")


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_claim_the_same_job():
    jobs = queued(40)
    claimed: dict[str, list[int]] = {}
    start = threading.Barrier(4)
    problems = []

    def work(name: str) -> None:
        mine = claimed.setdefault(name, [])
        try:
            start.wait()
            while (job := claim(name)) is not None:
                mine.append(job.pk)
        except Exception as error:  # a database error here would be a failure of the claim
            problems.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(f"worker-{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert problems == []
    every = [pk for pks in claimed.values() for pk in pks]
    assert sorted(every) == sorted(jobs)  # each job once, none lost
    for name, pks in claimed.items():
        assert set(Upload.objects.filter(pk__in=pks).values_list("worker", flat=True)) <= {name}
    assert not Upload.objects.filter(state=UploadState.QUEUED).exists()


def test_a_claim_lost_in_a_race_moves_on_to_the_next_job(monkeypatch):
    """The race in slow motion: another worker takes the job between this worker's look and its
    update; the update then changes nothing, and this worker takes the next job instead."""
    first, second = queued(2)
    real_now, raced = timezone.now, []

    def now_with_a_rival():  # claim() asks the time between its look and its update
        if not raced:
            raced.append(Upload.objects.filter(pk=first, state=UploadState.QUEUED).update(
                state=UploadState.RUNNING, worker="rival"))
        return real_now()

    monkeypatch.setattr(upload_worker.timezone, "now", now_with_a_rival)
    job = claim("me")
    assert raced == [1] and job.pk == second and job.worker == "me"
    assert Upload.objects.get(pk=first).worker == "rival"
    assert claim("me") is None


def test_stale_running_jobs_are_queued_again_when_a_worker_starts(client, corpus):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a process that has ended: its pid is free
    here = upload_worker.worker_name().rsplit(":", 2)[0]
    now = timezone.now()
    cases = {
        "dead process": (f"{here}:{gone.pid}:1", now, 1),
        "silent elsewhere": ("elsewhere:42:1", now - timedelta(minutes=10), 1),
        "alive elsewhere": ("elsewhere:43:1", now, 1),
        "alive here": (upload_worker.worker_name(), now, 1),
        "dead thrice": (f"{here}:{gone.pid}:2", now, 3),
    }
    ids = dict(zip(cases, queued(len(cases))))
    for case, (worker, heartbeat, attempts) in cases.items():
        Upload.objects.filter(pk=ids[case]).update(state=UploadState.RUNNING, worker=worker, heartbeat_at=heartbeat, attempts=attempts)

    Worker().start_up()
    state = {case: Upload.objects.get(pk=pk) for case, pk in ids.items()}
    assert {case: u.state for case, u in state.items()} == {
        "dead process": UploadState.QUEUED, "silent elsewhere": UploadState.QUEUED,
        "alive elsewhere": UploadState.RUNNING, "alive here": UploadState.RUNNING, "dead thrice": UploadState.FAILED,
    }
    assert "stopped before it finished" in state["dead process"].progress_message
    assert "stopped 3 times" in state["dead thrice"].error


def test_the_work_command_reads_what_is_waiting(client, corpus, capsys):
    job = upload_through_the_form(client, corpus["html"])
    assert scrutiny(["uploads", "work", "--once"]) == 0
    job.refresh_from_db()
    assert job.state == UploadState.DONE and job.report.state == State.DRAFT
    out = capsys.readouterr().out
    assert f"upload {job.pk} {corpus['html'].path.name}: done" in out and "1 upload read" in out


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_job_leaves_it_to_be_read_again(client, corpus, files_dir, tmp_path):
    """A real worker process, killed with SIGKILL while it reads: the next worker to start finds
    the job, queues it again and finishes it; the report is stored once."""
    job = upload_through_the_form(client, corpus["docx"])
    env = {
        **os.environ, "SCRUTINY_DATABASE_URL": database_url(connection.settings_dict),
        "SCRUTINY_FILES_DIR": str(files_dir), "SCRUTINY_STATE_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "scrutiny.settings.base",
    }
    process = subprocess.Popen([sys.executable, "-m", "scrutiny.cli", "uploads", "work", "--once"], env=env,
                               cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.state != UploadState.QUEUED or process.poll() is not None:
                break
            time.sleep(0.005)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(30)
    job.refresh_from_db()
    if job.state == UploadState.DONE:
        pytest.skip("the worker finished before it could be killed")  # not seen in practice: reading takes seconds
    assert job.state == UploadState.RUNNING and job.worker.split(":")[1] == str(process.pid)

    worker = Worker()
    worker.start_up()
    assert Upload.objects.get(pk=job.pk).state == UploadState.QUEUED
    finished = worker.run_once()
    assert finished.pk == job.pk and finished.state == UploadState.DONE and finished.attempts == 2
    assert Report.objects.count() == 1 and finished.report.findings.count() >= 0.9 * corpus["docx"].planted
    assert not any(p.name.startswith(".partial") for p in (files_dir / "uploads").iterdir())


@pytest.mark.django_db(transaction=True)
def test_the_worker_thread_that_serve_starts_reads_an_upload_as_it_arrives(client, corpus):
    started = upload_worker.start_threads(1)
    try:
        job = upload_through_the_form(client, corpus["html2"])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not job.finished:
            time.sleep(0.1)
            job.refresh_from_db()
        assert job.state == UploadState.DONE, (job.state, job.error)
        assert job.worker.split(":")[-1] == str(started[0][1].ident)
    finally:
        upload_worker.stop_threads(started)
    assert not started[0][1].is_alive()
