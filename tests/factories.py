"""Factories for reports, establishments and findings that read like the real thing.

The reference data (bodies, settings, nations, themes, populations) is loaded by the migrations,
so factories look it up by slug rather than inventing it: `FindingFactory(report__body="cqc")`
is not valid, but `ReportFactory(body=body("cqc"))` is, and so is `FindingFactory(themes=["food"])`.
"""

import hashlib
from datetime import date

import factory
from django.utils.text import slugify

from scrutiny.catalogue.models import Body, Establishment, EstablishmentAlias, Nation, Population, Setting, Theme, establishment_key
from scrutiny.findings.models import Finding, Kind, PopulationTag, Tag, TagOrigin
from scrutiny.reports.models import Report, ReportType, reporting_year_of


def body(slug: str) -> Body:
    return Body.objects.get(slug=slug)


def setting(slug: str) -> Setting:
    return Setting.objects.get(slug=slug)


def nation(slug: str) -> Nation:
    return Nation.objects.get(slug=slug)


PLACE_NAMES = [
    "Kelderbrook", "Ashcombe Vale", "Thornmere", "Westbury Fields", "Crannoch", "Loughmore", "Pelham Ridge",
    "Harrowgate Lane", "Stanmore Hill", "Glenrothy", "Fenwick Moor", "Bramley Cross",
]

# Findings in the voice of the reports (HMIP, IMB, HMIPS, CQC), varied enough to search.
FINDING_TEXTS = [
    "Staff should use force only as a last resort, and every use of force should be reviewed by managers.",
    "Prisoners should be able to spend at least ten hours a day out of their cells.",
    "The kitchen should be refurbished and food served at proper mealtimes.",
    "Strip searching of children was not always justified or recorded.",
    "Reception and first night arrangements were welcoming and well organised.",
    "Families could book visits easily, and the visits hall was bright and child friendly.",
    "Self-harm reviews should include the person at risk and their key worker.",
    "Detainees should be told of their legal rights in a language they understand.",
    "Patients in seclusion should have their care reviewed at the intervals the Code of Practice requires.",
    "Too many men were restrained while under the influence of drugs, and the restraint was not always recorded.",
    "Leaders should use data on violence to understand and reduce it.",
    "Older prisoners with mobility needs should have cells adapted to their needs.",
]


# The headings findings sit under in real reports, by kind.
HEADINGS = {
    Kind.RECOMMENDATION: "Recommendations", Kind.PRIORITY_CONCERN: "Priority concerns",
    Kind.KEY_CONCERN: "Key concerns", Kind.CAUSE_OF_CONCERN: "Causes of concern", Kind.CONCERN: "Concerns",
    Kind.AREA_FOR_IMPROVEMENT: "Areas for improvement", Kind.REQUIREMENT: "Requirements",
    Kind.ACTION_POINT: "Action points", Kind.GOOD_PRACTICE: "Notable positive practice",
    Kind.POINT_OF_NOTE: "Points of note",
}


class EstablishmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Establishment
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"HMP {PLACE_NAMES[n % len(PLACE_NAMES)]}" + (f" {n // len(PLACE_NAMES) + 1}" if n >= len(PLACE_NAMES) else ""))
    slug = factory.LazyAttribute(lambda e: slugify(e.name))
    setting = factory.LazyFunction(lambda: setting("adult-prison"))
    nation = factory.LazyFunction(lambda: nation("england"))
    operator = "HM Prison and Probation Service"

    @factory.post_generation
    def aliases(establishment, create, extracted, **kwargs):
        """Every name it was published under, its current name included (as ingest records them)."""
        if not create:
            return
        for name in [establishment.name, *(extracted or [])]:
            EstablishmentAlias.objects.get_or_create(
                name=name, defaults={"establishment": establishment, "key": establishment_key(name)}
            )


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report
        skip_postgeneration_save = True

    body = factory.LazyFunction(lambda: body("hmip"))
    report_type = ReportType.FULL_INSPECTION
    published = date(2024, 6, 4)
    title = factory.LazyAttributeSequence(lambda r, n: f"Report on an unannounced inspection {n}")
    setting = factory.LazyFunction(lambda: setting("adult-prison"))
    nation = factory.LazyFunction(lambda: nation("england"))
    file_name = factory.Sequence(lambda n: f"report-{n}.pdf")
    file_format = "pdf"
    content_hash = factory.Sequence(lambda n: hashlib.sha256(f"report {n}".encode()).hexdigest())
    page_count = 64
    source_url = factory.Sequence(lambda n: f"https://example.org/reports/{n}.pdf")
    state = "published"

    class Params:
        # ReportFactory(draft=True): a report not yet published (state draft, hidden from the public)
        draft = factory.Trait(state="draft")

    @factory.post_generation
    def establishments(report, create, extracted, **kwargs):
        """ReportFactory(establishments=[place]) links those places; by default one new place."""
        if not create:
            return
        places = extracted if extracted is not None else [EstablishmentFactory()]
        report.establishments.set(places)
        if places and report.title.startswith("Report on an unannounced inspection"):
            report.title = f"Report on an unannounced inspection of {places[0].name}"
            report.save(update_fields=["title"])


class FindingFactory(factory.django.DjangoModelFactory):
    """A finding, with the columns copied from its report as ingest copies them."""

    class Meta:
        model = Finding
        skip_postgeneration_save = True

    report = factory.SubFactory(ReportFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = Kind.RECOMMENDATION
    label_in_source = factory.LazyAttribute(lambda f: HEADINGS[Kind(f.kind)])
    number = factory.LazyAttribute(lambda f: str(f.position))
    text = factory.Sequence(lambda n: FINDING_TEXTS[n % len(FINDING_TEXTS)])
    page = factory.Sequence(lambda n: 5 + n % 40)
    section = "Safety"
    body = factory.LazyAttribute(lambda f: f.report.body)
    setting = factory.LazyAttribute(lambda f: f.report.setting)
    nation = factory.LazyAttribute(lambda f: f.report.nation)
    year = factory.LazyAttribute(lambda f: f.report.published.year)
    reporting_year = factory.LazyAttribute(lambda f: reporting_year_of(f.report.published))
    is_published = factory.LazyAttribute(lambda f: f.report.is_published)

    @factory.post_generation
    def themes(finding, create, extracted, **kwargs):
        """FindingFactory(themes=["use-of-force", "violence"]) tags it, as the keyword rules would."""
        for slug in extracted or []:
            Tag.objects.create(finding=finding, theme=Theme.objects.get(slug=slug), origin=TagOrigin.RULE, evidence=slug)

    @factory.post_generation
    def populations(finding, create, extracted, **kwargs):
        for slug in extracted or []:
            PopulationTag.objects.create(finding=finding, population=Population.objects.get(slug=slug))


# --- people ------------------------------------------------------------------------------------

def staff_member(role: str, body_slug: str | None = None, name: str | None = None, password: str = "correct horse battery staple"):
    """A person holding one role (for one body when the role is scoped to a body)."""
    from django.contrib.auth.models import User

    from scrutiny.accounts.services import grant

    username = name or f"{role}-{body_slug or 'all'}-{User.objects.count() + 1}@example.org"
    user = User.objects.create_user(username=username, email=username, password=password, first_name=role.title(), last_name=body_slug or "")
    grant(user, role, body(body_slug) if body_slug else None)
    return user


def sign_in(client, user):
    """Sign the test client in as this person, past two-factor (with a real confirmed device),
    as they would be after entering a code."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=True
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
