"""`scrutiny accounts invite|list|purge`: the first administrator is invited from the command
line; after that, administrators invite people on the Accounts page."""


def register(subparsers) -> None:
    accounts = subparsers.add_parser("accounts", help="invite people, list accounts, apply the retention policy")
    commands = accounts.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    invite = commands.add_parser("invite", help="make an invitation link for a new account")
    invite.add_argument("email")
    invite.add_argument("--role", required=True, help="contributor, editor or administrator")
    invite.add_argument("--body", help="the body a contributor works for (slug or name)")
    invite.add_argument("--base-url", default="http://127.0.0.1:8000", help="the dashboard's address, for the link")
    invite.set_defaults(func=run_invite)
    listing = commands.add_parser("list", help="list accounts and their roles")
    listing.set_defaults(func=run_list)
    purge = commands.add_parser("purge", help="delete or anonymise what the retention policy says has expired")
    purge.set_defaults(func=run_purge)


def run_invite(args) -> int:
    from scrutiny.django_setup import start_django

    start_django()
    from django.urls import reverse

    from scrutiny.accounts.services import InvitationError, invite
    from scrutiny.reports.metadata import find_body

    try:
        body = find_body(args.body) if args.body else None
        _, token = invite(args.email, args.role, body)
    except (InvitationError, ValueError) as error:
        print(f"cannot invite {args.email}: {error}")
        return 2
    print(f"invitation for {args.email} as {args.role} (valid for 7 days):")
    print(args.base_url.rstrip("/") + reverse("accept_invitation", args=[token]))
    return 0


def run_list(args) -> int:
    from scrutiny.django_setup import start_django

    start_django()
    from django.contrib.auth.models import User

    for user in User.objects.prefetch_related("memberships__body").order_by("username"):
        held = ", ".join(str(m) for m in user.memberships.all()) or "no role"
        print(f"{user.username}\t{'active' if user.is_active else 'closed'}\t{held}")
    return 0


def run_purge(args) -> int:
    from scrutiny.django_setup import start_django

    start_django()
    from scrutiny.accounts.retention import purge

    for what, count in purge().items():
        print(f"{what}: {count}")
    return 0
