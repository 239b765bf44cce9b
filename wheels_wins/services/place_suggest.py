"""Place suggestions while typing: the user's saved places first, then the geocoder, then gazetteer prefixes.

The one typeahead source for every screen that asks for a place (the trip planner, the Places tab)::

    found = await place_suggest.suggest("Rich", user_id=user.id)
    # [Suggestion(name="Richmond", label="Richmond, Victoria, Australia", source="gazetteer", ...), ...]

Order and sources:
1. `saved`: the user's own saved places whose name (or a word of it) starts with the query.
2. `online` / `gazetteer`: `geocoding.search` — the online geocoder when `GEOCODER_URL` is set, it
   answers and it finds something (only for queries of `MIN_ONLINE_CHARS` or more), else the offline
   gazetteer's exact matches, namesakes told apart ("Richmond, VIC" narrows to Victoria's).
3. `gazetteer`: offline prefix matches ("Ball" → Ballarat, Ballina...) fill the rest, home country first.

A later suggestion naming the same place as an earlier one (same name, within `SAME_PLACE_KM`) is
dropped. Nothing here raises for an unreachable service; an unknown name gives `[]`.

Public Nominatim forbids search-as-you-type; callers that look up on every (debounced) keystroke
against it pass `online=False` and ask online only for a submitted search, or point `GEOCODER_URL`
at an instance that allows it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
import uuid
from collections.abc import Iterable
from typing import Literal

from wheels_wins.db import session_scope
from wheels_wins.repositories import places as place_repo
from wheels_wins.services import gazetteer, geocoding
from wheels_wins.services.geo import haversine_km
from wheels_wins.settings import Settings

Source = Literal["saved", "gazetteer", "online"]

MAX_LIMIT = 20
MIN_ONLINE_CHARS = 3
SAME_PLACE_KM = 5.0
MAX_NAMES = 25
MAX_PASTE_CHARS = 4000
_SEPARATORS = re.compile(r"\s*(?:,|;|\n|→|->|\bthen\b)\s*", re.IGNORECASE)
# Saved places are matched in Python over the newest this many (a traveller keeps hundreds).
SAVED_SCAN = 2000

SAVED_KIND_LABELS: dict[str, str] = {
    "campground": "Saved campground",
    "free_camp": "Saved free camp",
    "dump_point": "Saved dump point",
    "fuel": "Saved fuel stop",
    "mechanic": "Saved mechanic",
}


@dataclasses.dataclass
class Suggestion:
    """A place the typed text could mean.

    `name` is what a trip stop is called ("Richmond"); `label` tells namesakes apart
    ("Richmond, Victoria, Australia"); `detail` is the smaller second line ("Victoria, Australia",
    "Saved campground").
    """

    name: str
    label: str
    detail: str
    lat: float
    lon: float
    source: Source


def label_for(name: str, *regions: str) -> tuple[str, str]:
    """('Richmond, Victoria, Australia', 'Victoria, Australia'): the name with its distinct, non-empty regions."""
    kept: list[str] = []
    for region in regions:
        if region and region != name and region not in kept:
            kept.append(region)
    detail = ", ".join(kept)
    return (f"{name}, {detail}" if detail else name), detail


def from_geo(result: geocoding.GeoResult) -> Suggestion:
    """A geocoder result (online or gazetteer) as a suggestion with the state spelled out."""
    label, detail = label_for(result.name, result.state, result.country)
    source: Source = "online" if result.source == "online" else "gazetteer"
    return Suggestion(result.name, label, detail, result.lat, result.lon, source)


def from_place(place: gazetteer.Place) -> Suggestion:
    """A gazetteer place as a suggestion."""
    return from_geo(geocoding.from_place(place))


async def suggest(
    query: str,
    *,
    user_id: uuid.UUID,
    limit: int = 8,
    settings: Settings | None = None,
    online: bool = True,
    country_bias: str | None = "AU",
) -> list[Suggestion]:
    """Up to `limit` places for typed text, the user's saved places first (see the module docstring)."""
    query = query.strip()[:200]
    limit = max(0, min(limit, MAX_LIMIT))
    if not gazetteer.normalise(query) or not limit:
        return []
    found = await asyncio.to_thread(_saved_matching, user_id, query, limit)
    if online and len(query) >= MIN_ONLINE_CHARS:
        named = await geocoding.search(query, limit=limit, settings=settings, country_bias=country_bias)
    else:
        exact = await asyncio.to_thread(gazetteer.candidates, query, limit=limit, country_bias=country_bias)
        named = [geocoding.from_place(p) for p in exact]
    prefixed = await asyncio.to_thread(gazetteer.search_prefix, query, limit=limit, country_bias=country_bias)
    # Online answers, and exact names at home, lead; a foreign exact name ("Ballar", Turkey) must not
    # push the home town being typed ("Ballarat") down, so it follows the prefix matches.
    home = (country_bias or "").upper()
    leading = [r for r in named if r.source == "online" or r.country_code == home]
    found += [from_geo(r) for r in leading] + [from_place(p) for p in prefixed]
    found += [from_geo(r) for r in named if r not in leading]
    return _distinct(found)[:limit]


@dataclasses.dataclass
class Resolved:
    """One name of a pasted list and the place taken for it (None when unknown).

    `namesakes` counts the places in the chosen one's country that the name could mean (1: no doubt;
    Sydney, NSW is not confused with Sydney, Nova Scotia), so a page can say which one it took.
    """

    text: str
    place: Suggestion | None
    namesakes: int


def split_names(text: str) -> list[str]:
    """'Sydney, Canberra -> Melbourne' as ['Sydney', 'Canberra', 'Melbourne'] (also ';', newlines, 'then')."""
    return [part.strip() for part in _SEPARATORS.split(text[:MAX_PASTE_CHARS]) if part and part.strip()]


async def resolve(query: str, *, user_id: uuid.UUID, settings: Settings | None = None, online: bool = True) -> Resolved:
    """The best place for one name as typed or pasted, or `place=None`.

    A saved place of exactly that name wins; otherwise the geocoder's (or the gazetteer's) first,
    i.e. the most populous namesake (at home first). Unlike `suggest`, a name is not completed: "Syd" is not Sydney.
    """
    query = query.strip()[:200]
    key = gazetteer.normalise(query)
    if not key:
        return Resolved(query, None, 0)
    saved = await asyncio.to_thread(_saved_matching, user_id, query, MAX_LIMIT)
    exact = [s for s in saved if gazetteer.normalise(s.name) == key]
    if exact:
        return Resolved(query, exact[0], len(exact))
    if online:
        found = await geocoding.search(query, limit=MAX_LIMIT, settings=settings)
    else:
        places = await asyncio.to_thread(gazetteer.candidates, query, limit=MAX_LIMIT)
        found = [geocoding.from_place(p) for p in places]
    if not found:
        return Resolved(query, None, 0)
    namesakes = sum(r.country_code == found[0].country_code for r in found)
    return Resolved(query, from_geo(found[0]), namesakes)


async def resolve_all(
    text: str, *, user_id: uuid.UUID, settings: Settings | None = None, online: bool = True
) -> list[Resolved]:
    """Each place of a pasted list ("Sydney, Canberra, Melbourne"), in order, one after another.

    Text that is one place with its state or country ("Richmond, VIC", "Perth, Western Australia,
    Australia") stays one place rather than a list of a town and a state.
    """
    names = split_names(text)[:MAX_NAMES]
    if len(names) > 1 and "," in text:
        qualified = await asyncio.to_thread(gazetteer.search_prefix, text, limit=1)
        if qualified and gazetteer.normalise(qualified[0].name) == gazetteer.normalise(names[0]):
            return [Resolved(text.strip(), from_place(qualified[0]), 1)]
    return [await resolve(name, user_id=user_id, settings=settings, online=online) for name in names]


def _saved_matching(user_id: uuid.UUID, query: str, limit: int) -> list[Suggestion]:
    key = gazetteer.normalise(query)
    with session_scope() as session:
        rows, _ = place_repo.list_page(session, user_id=user_id, limit=SAVED_SCAN)
        saved = [(row.name, row.kind, row.lat, row.lon) for row in rows]
    starts, contains = [], []
    for name, kind, lat, lon in saved:
        folded = gazetteer.normalise(name)
        if folded.startswith(key):
            starts.append((name, kind, lat, lon))
        elif f" {key}" in f" {folded}":
            contains.append((name, kind, lat, lon))
    return [
        Suggestion(name, name, SAVED_KIND_LABELS.get(kind, "Saved place"), lat, lon, "saved")
        for name, kind, lat, lon in (sorted(starts, key=lambda s: s[0].casefold()) + contains)[:limit]
    ]


def _distinct(suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    kept: list[Suggestion] = []
    for item in suggestions:
        if not any(_same_place(item, other) for other in kept):
            kept.append(item)
    return kept


def _same_place(a: Suggestion, b: Suggestion) -> bool:
    return (
        gazetteer.normalise(a.name) == gazetteer.normalise(b.name)
        and haversine_km((a.lat, a.lon), (b.lat, b.lon)) <= SAME_PLACE_KM
    )
