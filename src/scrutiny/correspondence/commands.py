"""`scrutiny correspondence due|overdue|recount`: reply-due dates from the command line.

`due` needs no database (it is the counting alone, to check a date by hand); `overdue` lists the
letters whose reply is late, for a reminder sent by cron; `recount` works every stored due date
out again, after the `holidays` package is updated with a newly announced bank holiday."""

import sys
from datetime import date

NATIONS = ("uk", "england-wales", "scotland", "northern-ireland")


def register(subparsers) -> None:
    parser = subparsers.add_parser("correspondence", help="reply-due dates and overdue replies to NPM letters")
    commands = parser.add_subparsers(dest="correspondence_command", metavar="ACTION")
    commands.required = True
    due = commands.add_parser("due", help="the date a reply is due: the nth working day after sending")
    due.add_argument("sent", type=date.fromisoformat, metavar="YYYY-MM-DD", help="the day the letter was sent")
    due.add_argument("--nation", choices=NATIONS, default="uk", help="the recipient's nation (default: uk, counted as England and Wales)")
    due.add_argument("--days", type=int, default=20, help="working days allowed (default 20)")
    due.set_defaults(func=run_due)
    overdue = commands.add_parser("overdue", help="letters sent with no reply, past their reply-due date")
    overdue.add_argument("--on", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD", help="as on this day (default today)")
    overdue.set_defaults(func=run_overdue)
    recount = commands.add_parser("recount", help="work every letter's reply-due date out again")
    recount.set_defaults(func=run_recount)


def run_due(args) -> int:
    from scrutiny.correspondence.services.working_days import reply_due

    try:
        due = reply_due(args.sent, args.nation, args.days)
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return 2
    print(f"{due.isoformat()} ({due:%A}): {args.days} working days after {args.sent.isoformat()} in {args.nation}")
    return 0


def run_overdue(args) -> int:
    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    from scrutiny.correspondence.services.letters import overdue

    today = args.on or date.today()
    late = list(overdue(today))
    for letter in late:
        print(f"{letter.pk}\t{letter.reply_due.isoformat()}\t{letter.recipient_organisation}\t{letter.subject}")
    print(f"{len(late)} letters with a reply overdue on {today.isoformat()}", file=sys.stderr)
    return 1 if late else 0


def run_recount(args) -> int:
    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    from scrutiny.correspondence.models import Letter

    changed = 0
    for letter in Letter.objects.all():
        before = letter.reply_due
        if letter.due_date() != before:
            letter.save(update_fields=["reply_due"])
            changed += 1
    print(f"{changed} reply-due dates changed")
    return 0
