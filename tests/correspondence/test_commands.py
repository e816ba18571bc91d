"""`scrutiny correspondence ...` (registered in scrutiny/cli.py's COMMAND_MODULES)."""

import argparse
from datetime import date, timedelta

import pytest

from correspondence.world import letter
from scrutiny.correspondence import commands


def run(*argv) -> int:
    parser = argparse.ArgumentParser(prog="scrutiny")
    commands.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["correspondence", *argv])
    return args.func(args)


def test_due_counts_working_days_in_the_recipients_nation(capsys):
    # Sent Thu 2 Apr 2026 with 2 working days: Northern Ireland keeps Easter Monday (Tue 7, Wed 8 Apr).
    assert run("due", "2026-04-02", "--nation", "northern-ireland", "--days", "2") == 0
    assert capsys.readouterr().out.startswith("2026-04-08 (Wednesday)")


def test_due_refuses_zero_days(capsys):
    assert run("due", "2026-04-02", "--days", "0") == 2


@pytest.mark.django_db
def test_overdue_lists_late_letters_and_fails_so_cron_notices(capsys):
    letter(subject="Restraint of children", sent_on=date.today() - timedelta(days=60))
    assert run("overdue") == 1
    assert "Restraint of children" in capsys.readouterr().out
    assert run("overdue", "--on", "2025-01-01") == 0


@pytest.mark.django_db
def test_recount_puts_a_stale_due_date_right(capsys):
    from scrutiny.correspondence.models import Letter

    recorded = letter(sent_on=date(2025, 12, 19))
    Letter.objects.filter(pk=recorded.pk).update(reply_due=date(2026, 1, 1))  # as if counted by an older calendar
    assert run("recount") == 0
    recorded.refresh_from_db()
    assert recorded.reply_due == date(2026, 1, 21)  # Fri 19 Dec 2025, UK-wide: Wed 21 Jan (see test_working_days)
    assert "1 reply-due dates changed" in capsys.readouterr().out
