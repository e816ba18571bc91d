"""`scrutiny uploads work [--once]`: the upload worker on its own, without the web server."""


def register(subparsers) -> None:
    uploads = subparsers.add_parser("uploads", help="report files uploaded through the web")
    commands = uploads.add_subparsers(dest="uploads_command", metavar="COMMAND")
    commands.required = True
    work = commands.add_parser(
        "work", help="read queued uploads into draft reports",
        description="Run the upload worker: it takes queued uploads one at a time and ingests them as "
        "drafts. `scrutiny serve` runs one too, unless started with --no-worker.",
    )
    work.add_argument("--once", action="store_true", help="read every upload waiting now, then stop")
    work.set_defaults(func=run_work)


def run_work(args) -> int:
    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    from scrutiny.uploads.worker import Worker

    worker = Worker()
    if args.once:
        worker.start_up()
        done = 0
        while (upload := worker.run_once()) is not None:
            done += 1
            print(f"upload {upload.pk} {upload.original_name}: {upload.get_state_display().lower()}"
                  f"{' – ' + upload.error if upload.error else ''}", flush=True)
        print(f"{done} upload{'s' if done != 1 else ''} read", flush=True)
        return 0
    print("Upload worker running. Press Ctrl+C to stop.", flush=True)
    worker.run_forever()
    return 0
