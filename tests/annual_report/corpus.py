"""Two reporting years of findings (2024-25 and 2025-26) across bodies, settings, nations and
themes, a repeat of a 2024 finding raised again in 2025, a follow-up verdict, and a draft full of
good practice on family contact that must never count or show."""

from datetime import date

from factories import EstablishmentFactory, FindingFactory, ReportFactory, body, nation, setting
from scrutiny.repeats.models import Relation, Repeat

DRAFT_TEXT = "Draft only: the family days were the best the inspectors had seen anywhere."

# (body, setting, nation, published, [(kind, themes, text or None), …])
PLAN = [
    ("hmip", "adult-prison", "england", date(2024, 6, 4), [("recommendation", ["time-out-of-cell"], None), ("concern", ["violence"], None),
                                                          ("good_practice", ["family-contact"], "Family days were held every month and well attended.")]),
    ("imb", "adult-prison", "england", date(2025, 3, 31), [("concern", ["living-conditions", "food"], None)]),
    ("hmip", "adult-prison", "england", date(2025, 4, 1), [("recommendation", ["time-out-of-cell"], None), ("key_concern", ["violence", "use-of-force"], None),
                                                          ("good_practice", ["family-contact"], "Video calls let prisoners speak to their children every evening."),
                                                          ("good_practice", ["early-days"], None)]),
    ("hmips", "adult-prison", "scotland", date(2025, 9, 17), [("concern", ["healthcare"], None), ("recommendation", ["healthcare", "staffing"], None),
                                                             ("good_practice", ["family-contact"], "The visits hall had a play area run by a children's charity.")]),
    ("cqc", "secure-hospital", "england", date(2026, 1, 20), [("requirement", ["segregation"], None), ("point_of_note", [], None)]),
    ("icva", "police-custody", "england", date(2026, 3, 31), [("concern", ["healthcare"], None), ("recommendation", ["legal-rights"], None)]),
]


def build():
    place = EstablishmentFactory(name="HMP Kelderbrook")
    made = {}
    for body_slug, setting_slug, nation_slug, published, findings in PLAN:
        places = [place] if setting_slug == "adult-prison" and body_slug == "hmip" else None
        report = ReportFactory(body=body(body_slug), setting=setting(setting_slug), nation=nation(nation_slug), published=published,
                               **({"establishments": places} if places else {}))
        for position, (kind, themes, text) in enumerate(findings, start=1):
            made[(published, position)] = FindingFactory(report=report, position=position, kind=kind, themes=themes,
                                                         **({"text": text} if text else {}))
    # The 2025 recommendation on time out of cell repeats the 2024 one at the same prison.
    Repeat.objects.create(finding=made[(date(2025, 4, 1), 1)], earlier=made[(date(2024, 6, 4), 1)], relation=Relation.REPEAT, score=0.9)
    # A 2025-26 review judged one of its own findings (unlinked): counted by /follow-up.
    judged = made[(date(2025, 9, 17), 2)]
    judged.status = "some_progress"
    judged.save()
    draft = ReportFactory(body=body("hmip"), setting=setting("adult-prison"), published=date(2025, 10, 2), draft=True)
    for position in range(1, 4):
        FindingFactory(report=draft, position=position, kind="good_practice", themes=["family-contact"], text=DRAFT_TEXT)
    return made
