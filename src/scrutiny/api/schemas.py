"""The shapes the API answers with, as its OpenAPI description publishes them."""

from datetime import date

from ninja import Field, Schema


class FindingFilters(Schema):
    """The filters of /findings, with the same names and meaning: slugs, a parameter repeated for
    several values (OR within a filter, AND between filters). A value that is not known is not an
    error: it is left out and listed under `ignored`, as the page does."""

    body: list[str] = Field(default=[], description="body slug, e.g. hmip")
    setting: list[str] = Field(default=[], description="setting slug, e.g. prison")
    nation: list[str] = Field(default=[], description="nation slug, e.g. wales")
    year: list[str] = Field(default=[], description="calendar year published, e.g. 2024")
    period: list[str] = Field(default=[], description="reporting year (April to March), e.g. 2024-25")
    kind: list[str] = Field(default=[], description="kind of finding, e.g. recommendation")
    theme: list[str] = Field(default=[], description="theme slug, e.g. segregation")
    population: list[str] = Field(default=[], description="population slug, e.g. children")
    status: list[str] = Field(default=[], description="follow-up status, e.g. achieved")
    q: str = Field(default="", description="words to search for (matched with their endings)")
    published_from: str = Field(default="", alias="from", description="published on or after, YYYY-MM-DD")
    published_to: str = Field(default="", alias="to", description="published on or before, YYYY-MM-DD")


class ReportFilters(Schema):
    body: list[str] = Field(default=[], description="body slug")
    setting: list[str] = Field(default=[], description="setting slug")
    nation: list[str] = Field(default=[], description="nation slug")
    year: list[str] = Field(default=[], description="calendar year published")


class Ignored(Schema):
    parameter: str
    value: str
    reason: str


class Finding(Schema):
    id: int
    address: str = Field(description="the finding's page on the dashboard")
    kind: str
    number: str
    text: str
    page: int | None = Field(description="page of the report it is printed on")
    section: str
    report_title: str
    report_id: int
    published: date
    body: str
    establishments: list[str]
    setting: str
    nation: str
    themes: list[str]
    populations: list[str]
    status: str
    earlier_repeats: int = Field(description="earlier published findings at the same establishment it repeats")


class Page(Schema):
    count: int = Field(description="how many match, over every page")
    page: int
    page_size: int
    next: str | None
    previous: str | None
    ignored: list[Ignored]


class FindingPage(Page):
    results: list[Finding]


class ReportSummary(Schema):
    id: int
    address: str
    title: str
    report_type: str
    published: date
    body: str
    co_bodies: list[str]
    establishments: list[str]
    setting: str
    nation: str
    source_url: str
    finding_count: int


class ReportPage(Page):
    results: list[ReportSummary]


class ReportDetail(ReportSummary):
    findings: list[Finding]


class Establishment(Schema):
    slug: str
    name: str
    address: str
    setting: str
    nation: str
    report_count: int


class EstablishmentPage(Page):
    results: list[Establishment]


class Body(Schema):
    slug: str
    name: str
    short_name: str
    address: str
    nations: list[str]
    report_count: int


class Term(Schema):
    slug: str
    name: str
    name_cy: str
    description: str


class FacetValue(Schema):
    value: str
    label: str
    count: int
    selected: bool


class Facets(Schema):
    count: int
    facets: dict[str, list[FacetValue]]
    ignored: list[Ignored]


class Counts(Schema):
    by: list[str]
    count: int = Field(description="matching findings (a finding with two themes counts once here)")
    rows: list[dict[str, str | int]] = Field(description="one row per combination: its values and `count`")
    ignored: list[Ignored]


class NotFound(Schema):
    detail: str
