"""Database housekeeping commands: `scrutiny migrate` and `scrutiny manage ...`."""

import argparse


def register(subparsers) -> None:
    migrate = subparsers.add_parser("migrate", help="create or update the database schema")
    migrate.set_defaults(func=run_migrate)
    manage = subparsers.add_parser("manage", help="run a Django management command")
    manage.add_argument("args", nargs=argparse.REMAINDER, help="the command and its options")
    manage.set_defaults(func=run_manage)


def run_migrate(args) -> int:
    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    print("database is up to date")
    return 0


def run_manage(args) -> int:
    from django.core.management import execute_from_command_line

    from scrutiny.django_setup import start_django

    start_django(migrate=False)
    execute_from_command_line(["scrutiny manage", *args.args])
    return 0
