"""`scrutiny reviews demo [--remove]`: fictional demo reviews for trying the tracker out."""


def register(subparsers) -> None:
    reviews = subparsers.add_parser("reviews", help="the independent reviews tracker")
    commands = reviews.add_subparsers(dest="reviews_command", metavar="ACTION")
    commands.required = True
    demo = commands.add_parser("demo", help="add (or --remove) fictional demo reviews, marked [Demo]")
    demo.add_argument("--remove", action="store_true", help="remove the demo reviews instead")
    demo.set_defaults(func=run_demo)


def run_demo(args) -> int:
    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    from scrutiny.reviews.demo import load_demo, remove_demo

    if args.remove:
        print(f"removed {remove_demo()} demo reviews")
    else:
        print(f"added {load_demo()} demo reviews (fictional, marked [Demo]): /independent-reviews")
    return 0
