"""A small published world for the exports, API, feed and sitemap: three bodies, several
years, themes and kinds, and a draft report that must never show."""

from datetime import date

import pytest

from factories import EstablishmentFactory, FindingFactory, ReportFactory, body, setting
from scrutiny.findings.models import Kind, Status


@pytest.fixture
def world():
    kelderbrook = EstablishmentFactory(name="HMP Kelderbrook")
    ashcombe = EstablishmentFactory(name="HMYOI Ashcombe Vale", setting=setting("yoi"))
    reports = [
        ReportFactory(body=body("hmip"), published=date(2023, 5, 2), establishments=[kelderbrook]),
        ReportFactory(body=body("hmip"), published=date(2024, 6, 4), establishments=[ashcombe],
                      setting=setting("yoi")),
        ReportFactory(body=body("imb"), published=date(2024, 11, 20), establishments=[kelderbrook]),
        ReportFactory(body=body("cqc"), published=date(2025, 2, 1), establishments=[], setting=setting("secure-hospital")),
    ]
    findings = []
    plan = [
        (0, Kind.RECOMMENDATION, "Segregation unit staff should record daily checks.", ["segregation"], Status.ACHIEVED),
        (0, Kind.GOOD_PRACTICE, "Reception was welcoming and well organised.", ["early-days"], Status.NOT_ASSESSED),
        (1, Kind.PRIORITY_CONCERN, "=HYPERLINK(\"http://evil.example\") children were segregated for weeks.", ["segregation"], Status.NO_PROGRESS),
        (1, Kind.RECOMMENDATION, "-Use of force on children should be reviewed by managers.", ["use-of-force"], Status.NOT_ASSESSED),
        (2, Kind.CONCERN, "@Food was served cold and too early in the evening.", ["food"], Status.NOT_ASSESSED),
        (2, Kind.RECOMMENDATION, "Prisoners should spend ten hours a day out of their cells.", ["time-out-of-cell"], Status.SOME_PROGRESS),
        (3, Kind.RECOMMENDATION, "Patients in seclusion should have their care reviewed.", ["segregation"], Status.NOT_ASSESSED),
    ]
    for position, (index, kind, text, themes, status) in enumerate(plan, start=1):
        findings.append(FindingFactory(report=reports[index], position=position, kind=kind, text=text,
                                       themes=themes, status=status,
                                       populations=["children"] if index == 1 else []))
    draft = ReportFactory(body=body("hmip"), published=date(2024, 9, 1), draft=True, title="Report on Quillwort",
                          establishments=[kelderbrook])
    hidden = FindingFactory(report=draft, text="Segregation at Quillwort was used for weeks.", themes=["segregation"])
    return {"reports": reports, "findings": findings, "draft": draft, "hidden": hidden}
