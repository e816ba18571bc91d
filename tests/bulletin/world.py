"""A month of NPM news to compose the November 2025 bulletin from: reports published that month
(and one the month before), Policy Tracker items with dates, a business plan with key dates, and
the unpublished things that must never reach a bulletin, all marked with one word."""

from datetime import date, datetime, timezone

from factories import FindingFactory, ReportFactory, body, setting
from scrutiny.bulletin import services
from scrutiny.bulletin.models import Bulletin, Section
from scrutiny.business_plan.models import Activity, Milestone as KeyDate, Objective, Plan
from scrutiny.reports.models import Report
from scrutiny.tracker.models import Item, Milestone

NOVEMBER = date(2025, 11, 1)
SITE = "https://dashboard.example.org"
MARKER = "Quillwort"  # a word only the unpublished things use


def published_month() -> dict:
    """Three reports published in November 2025, one in October, one loaded in November but
    published long before; a published tracker item and a published business plan."""
    prison = ReportFactory(body=body("hmip"), published=date(2025, 11, 4), title="Report on an inspection of HMP Kelderbrook")
    FindingFactory.create_batch(3, report=prison, kind="priority_concern", themes=["use-of-force"])
    FindingFactory.create_batch(2, report=prison, kind="recommendation", themes=["violence"])
    FindingFactory(report=prison, kind="good_practice", themes=["family-contact"])
    care = ReportFactory(body=body("cqc"), published=date(2025, 11, 18), setting=setting("secure-hospital"),
                         title="The state of health care and adult social care in England 2024/25")
    FindingFactory.create_batch(4, report=care, kind="recommendation", themes=["healthcare", "staffing"])
    transport = ReportFactory(body=body("lay-observers"), setting=setting("court-custody-escort"), published=date(2025, 11, 27), title="Broken journeys, broken system")
    FindingFactory.create_batch(2, report=transport, kind="concern", themes=["transport-escort"])
    october = ReportFactory(body=body("hmip"), published=date(2025, 10, 30), title="Report on an inspection of HMP Thornmere")
    FindingFactory.create_batch(5, report=october, kind="priority_concern", themes=["use-of-force"])
    # Published in 2019 but only loaded this November: new on the dashboard, so a spotlight candidate.
    loaded = ReportFactory(body=body("imb"), published=date(2019, 5, 2), title="Annual report of the IMB at HMP Ashcombe Vale")
    FindingFactory(report=loaded, kind="priority_concern", themes=["living-conditions"])
    Report.objects.filter(pk=loaded.pk).update(ingested_at=datetime(2025, 11, 12, 9, tzinfo=timezone.utc))

    item = Item.objects.create(slug="children-policing-charter", title="Children and Young Persons Policing Charter",
                               kind="guidance", is_published=True, summary="A national standard for police contact with children.",
                               notes=f"{MARKER}: internal view of the charter")
    Milestone.objects.create(item=item, kind="hearing", date=date(2025, 12, 9), label="Committee evidence session")
    Milestone.objects.create(item=item, kind="deadline", date=date(2026, 2, 20), label="Too late for this bulletin")

    plan = Plan.objects.create(title="NPM business plan 2025-26", slug="2025-26", first_month=date(2025, 4, 1),
                               last_month=date(2026, 3, 1), is_published=True)
    objective = Objective.objects.create(plan=plan, number=1, title="Promote awareness of OPCAT")
    conference = Activity.objects.create(plan=plan, objective=objective, code="1.3", title="All-NPM online conference",
                                         start_month=date(2025, 9, 1), end_month=date(2025, 11, 1), lead=f"{MARKER} Lead")
    KeyDate.objects.create(activity=conference, month=NOVEMBER, last_month=NOVEMBER, date=date(2025, 11, 28),
                           label="NPM All Mandate-Holder Conference, online")
    Activity.objects.create(plan=plan, objective=objective, code="1.4", title="Good practice thematic series",
                            start_month=date(2025, 11, 1), end_month=date(2026, 1, 1), status="at_risk")
    return {"prison": prison, "care": care, "transport": transport, "october": october, "loaded": loaded, "item": item}


def unpublished_things() -> None:
    """Everything a bulletin must leave out, each carrying MARKER."""
    draft = ReportFactory(draft=True, body=body("hmip"), published=date(2025, 11, 10), title=f"{MARKER} draft inspection report")
    FindingFactory.create_batch(6, report=draft, kind="priority_concern", themes=["segregation"], text=f"{MARKER} finding")
    shown = Report.objects.filter(is_published=True, published__month=11).first()
    FindingFactory(report=shown, kind="priority_concern", is_published=False, text=f"{MARKER} withdrawn finding",
                   themes=["segregation"])
    hidden = Item.objects.create(slug="quillwort-bill", title=f"{MARKER} Bill", kind="bill", is_published=False,
                                 summary=f"{MARKER} summary")
    Milestone.objects.create(item=hidden, kind="deadline", date=date(2025, 11, 20), label=f"{MARKER} second reading")
    plan = Plan.objects.create(title=f"{MARKER} plan", slug="quillwort", first_month=date(2025, 4, 1),
                               last_month=date(2026, 3, 1), is_published=False)
    objective = Objective.objects.create(plan=plan, number=1, title=f"{MARKER} objective")
    activity = Activity.objects.create(plan=plan, objective=objective, code="9.9", title=f"{MARKER} activity",
                                       start_month=date(2025, 11, 1), end_month=date(2025, 12, 1))
    KeyDate.objects.create(activity=activity, month=NOVEMBER, last_month=NOVEMBER, label=f"{MARKER} key date")
    services.start(date(2025, 12, 1), f"{MARKER} December draft bulletin")


def november_bulletin(published: bool = True) -> Bulletin:
    bulletin = services.start(NOVEMBER)
    welcome = Section.objects.get(bulletin=bulletin, key="welcome")
    services.save_section(welcome, "", "Welcome to the NPM’s November bulletin.\n\nWith best wishes,\n\nSam", [])
    resources = Section.objects.get(bulletin=bulletin, key="resources")
    services.save_section(resources, "", "", [{"title": "Children and Young Persons Policing Charter",
                                               "link": "https://www.npcc.police.uk/charter", "summary": "Thanks to ICVA.",
                                               "date": None}])
    if published:
        services.set_published(bulletin, True, date(2025, 11, 14))
    return bulletin
