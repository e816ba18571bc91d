"""Extraction profiles, one per report family, and the generic fallback.

To add a family: write a module here with `PROFILE = Profile(name=..., detect=..., ...)` and
list it in FAMILY_PROFILES. detect(document) returns 0–1; the highest score of at least
MIN_CONFIDENCE wins, else the generic profile reads the document.
"""

import importlib

from scrutiny.core.profiles.base import Profile

FAMILY_PROFILES: list[str] = [
    "scrutiny.core.profiles.fai_determination",
    "scrutiny.core.profiles.hmip_review_of_progress",
    "scrutiny.core.profiles.hmip_prison_2022",
    "scrutiny.core.profiles.hmip_prison_2009",
    "scrutiny.core.profiles.hmip_police_custody",
    "scrutiny.core.profiles.hmips_prison",
    "scrutiny.core.profiles.imb_annual_report",
    "scrutiny.core.profiles.cjini_inspection",
    "scrutiny.core.profiles.care_inspectorate",
    "scrutiny.core.profiles.cqc_mha_visit",
]
MIN_CONFIDENCE = 0.5


def family_profiles() -> list[Profile]:
    return [importlib.import_module(name).PROFILE for name in FAMILY_PROFILES]


def generic_profile() -> Profile:
    return importlib.import_module("scrutiny.core.profiles.generic").PROFILE


def profile_named(name: str) -> Profile:
    for profile in family_profiles() + [generic_profile()]:
        if profile.name == name:
            return profile
    raise KeyError(name)


def choose_profile(document) -> Profile:
    scored = [(profile.detect(document), index, profile) for index, profile in enumerate(family_profiles())]
    best = max(scored, default=None, key=lambda entry: (entry[0], -entry[1]))
    if best is not None and best[0] >= MIN_CONFIDENCE:
        return best[2]
    return generic_profile()
