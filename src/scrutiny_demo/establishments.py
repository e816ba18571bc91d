"""Fictional places of detention, some renamed over the years, as their reports print them.

Every name is invented. A place appears in several reports across the years; where it was
renamed, earlier reports print the earlier name, as real archives do.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Establishment:
    slug: str
    names: tuple  # ((first year, name as printed), ...) in date order
    setting: str
    nation: str
    operator: str = ""

    def name_in(self, year: int) -> str:
        name = self.names[0][1]
        for since, printed in self.names:
            if year >= since:
                name = printed
        return name

    def short_name(self, year: int) -> str:
        """The name without its prefix, as a running head uses it."""
        name = self.name_in(year)
        for prefix in ("HMP & YOI ", "HMP/YOI ", "HMYOI ", "HMP "):
            if name.startswith(prefix):
                return name[len(prefix):]
        return name


def _e(slug, names, setting, nation, operator=""):
    if isinstance(names, str):
        names = ((2000, names),)
    return Establishment(slug, tuple(names), setting, nation, operator)


ENGLAND_AND_WALES_PRISONS = [
    _e("ashcombe", "HMP Ashcombe", "adult-prison", "england"),
    _e("kelderbrook", ((2000, "HMP & YOI Kelderbrook"), (2017, "HMP Kelderbrook")), "adult-prison", "england"),
    _e("thornleigh", "HMP Thornleigh", "adult-prison", "england"),
    _e("marshgate", "HMP & YOI Marshgate", "womens-prison", "england"),
    _e("eastbridge", "HMYOI Eastbridge", "yoi", "england"),
    _e("hollinsfield", ((2000, "HMP Hollinsfield"), (2020, "HMP & YOI Hollinsfield")), "adult-prison", "england"),
    _e("saltmarsh", "HMP Saltmarsh", "adult-prison", "england"),
    _e("brackenhurst", "HMP Brackenhurst", "adult-prison", "england"),
    _e("langstone-park", ((2000, "HMP Langstone Park"), (2015, "HMP & YOI Langstone Park")), "womens-prison", "england"),
    _e("castle-ferris", "HMP Castle Ferris", "adult-prison", "england"),
    _e("llanfair-vale", "HMP Llanfair Vale", "adult-prison", "wales"),
    _e("redbank", "HMYOI Redbank", "yoi", "england"),
    _e("fenwick-moor", "HMP Fenwick Moor", "adult-prison", "england"),
    _e("cwm-aran", ((2000, "HMP Cwm Aran"), (2019, "HMP & YOI Cwm Aran")), "adult-prison", "wales"),
]

POLICE_FORCE_AREAS = [
    _e("northshire", "Northshire Constabulary", "police-custody", "england"),
    _e("wessex-downs", ((2000, "Wessex Downs Police"), (2016, "Wessex Downs Constabulary")), "police-custody", "england"),
    _e("severnside", "Severnside Police", "police-custody", "england"),
    _e("mercia-forest", "Mercia Forest Constabulary", "police-custody", "england"),
    _e("dyfed-vale", "Dyfed Vale Police", "police-custody", "wales"),
    _e("fellside", "Fellside Constabulary", "police-custody", "england"),
]

SCOTTISH_PRISONS = [
    _e("inverbrae", "HMP Inverbrae", "adult-prison", "scotland"),
    _e("carrick-muir", ((2000, "HMP & YOI Carrick Muir"), (2014, "HMP Carrick Muir")), "adult-prison", "scotland"),
    _e("balgray", "HMP Balgray", "adult-prison", "scotland"),
    _e("strathallan", "HMYOI Strathallan", "yoi", "scotland"),
    _e("dunmarnock", "HMP Dunmarnock", "adult-prison", "scotland"),
    _e("kinross-moor", "HMP Kinross Moor", "womens-prison", "scotland"),
]

NORTHERN_IRELAND_PLACES = [
    _e("ballykeel", "HMP Ballykeel", "adult-prison", "northern-ireland"),
    _e("ardglass-wood", ((2000, "Ardglass Wood Young Offenders Centre"), (2016, "Ardglass Wood Secure College")), "yoi", "northern-ireland"),
    _e("carrowmore", "HMP Carrowmore", "adult-prison", "northern-ireland"),
    _e("psni-custody", "Police Service of Northern Ireland custody suites", "police-custody", "northern-ireland"),
]

SCOTTISH_SECURE_UNITS = [
    _e("glenmorran-house", "Glenmorran House", "children-secure", "scotland", "Glenmorran Trust"),
    _e("rowanbank", ((2000, "Rowanbank Secure Unit"), (2018, "Rowanbank Secure Care Centre")), "children-secure", "scotland", "Rowanbank Services"),
    _e("kilbride-lodge", "Kilbride Lodge", "children-secure", "scotland", "Kilbride Lodge Ltd"),
    _e("ochil-view", "Ochil View Secure Care", "children-secure", "scotland", "Forth Valley Children's Services"),
]

HOSPITALS = [
    _e("thornfield", "Thornfield Hospital", "secure-hospital", "england", "Thornfield Care Partnership NHS Foundation Trust"),
    _e("riverside-lodge", "Riverside Lodge", "mental-health-other", "england", "Mercia Healthcare Ltd"),
    _e("harwood-park", "Harwood Park Hospital", "secure-hospital", "england", "North Downs Mental Health NHS Trust"),
    _e("elmstead", ((2000, "Elmstead Unit"), (2019, "Elmstead Centre for Mental Health")), "mental-health-other", "england", "Severnside Health NHS Trust"),
    _e("beacon-view", "Beacon View Hospital", "secure-hospital", "england", "Beacon Healthcare Group"),
]
