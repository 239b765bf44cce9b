"""Place search: a Nominatim-compatible service (`GEOCODER_URL`) first when configured, else the offline gazetteer.

Online: `GET {GEOCODER_URL}/search?q=&format=jsonv2&addressdetails=1&limit=`. Its answers are cached
for a day; when it is unset, unreachable, malformed or finds nothing, the offline gazetteer answers.
Nominatim's public instance allows about one request a second and no search-as-you-type: typeahead
stays on `gazetteer.search_prefix`, and this is for submitted searches and trip stops.
"""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass
from typing import Any, Literal

from wheels_wins.services import external, gazetteer
from wheels_wins.services.cache import get_cache
from wheels_wins.settings import Settings, get_settings

CACHE_SECONDS = 24 * 3600.0
MAX_RESULTS = 20


@dataclass(frozen=True)
class GeoResult:
    """A place a query could mean, with its state and country to tell namesakes apart."""

    name: str
    state: str
    country: str
    country_code: str
    lat: float
    lon: float
    label: str  # "Canberra, ACT, Australia"
    source: Literal["online", "offline"]


def from_place(place: gazetteer.Place) -> GeoResult:
    """A gazetteer place as a result."""
    return GeoResult(
        name=place.name,
        state=place.admin1,
        country=place.country,
        country_code=place.country_code,
        lat=place.lat,
        lon=place.lon,
        label=place.label,
        source="offline",
    )


async def search(
    query: str, *, limit: int = 8, country_bias: str | None = "AU", settings: Settings | None = None
) -> list[GeoResult]:
    """Places the query could mean, best first: online when configured and it finds any, else offline.

    `country_bias` orders the offline gazetteer's namesakes; the online service ranks by its own importance.
    """
    settings = settings or get_settings()
    query = query.strip()
    limit = max(0, min(limit, MAX_RESULTS))
    if not query or not limit:
        return []
    if settings.geocoder_url:
        found = await _online(query, limit, settings)
        if found:
            return found
    places = await asyncio.to_thread(gazetteer.candidates, query, limit=limit, country_bias=country_bias)
    return [from_place(p) for p in places]


async def geocode(query: str, *, country_bias: str | None = "AU", settings: Settings | None = None) -> GeoResult | None:
    """The best place for a name, or None (see `search`)."""
    found = await search(query, limit=1, country_bias=country_bias, settings=settings)
    return found[0] if found else None


async def _online(query: str, limit: int, settings: Settings) -> list[GeoResult] | None:
    assert settings.geocoder_url
    url = f"{settings.geocoder_url.rstrip('/')}/search"
    key = f"geocode:v1:{external.origin(url)}:{limit}:{gazetteer.normalise(query)}"
    cache = get_cache()
    cached = await asyncio.to_thread(cache.get, key)
    if isinstance(cached, list):
        return [GeoResult(**item) for item in cached]
    data = await external.get_json(
        url,
        params={"q": query, "format": "jsonv2", "addressdetails": 1, "limit": limit, "accept-language": "en"},
        timeout=settings.geocoder_timeout_seconds,
    )
    found = parse_results(data)
    if found is None:
        return None
    found = found[:limit]
    await asyncio.to_thread(cache.set, key, [r.__dict__ for r in found], ttl=CACHE_SECONDS)
    return found


_LOCALITY_KEYS = ("city", "town", "village", "hamlet", "suburb", "municipality", "county")


def parse_results(data: Any) -> list[GeoResult] | None:
    """Results from Nominatim's jsonv2 list (entries without usable coordinates are skipped); None if not a list."""
    if not isinstance(data, list):
        return None
    results = []
    for item in data:
        if not isinstance(item, dict):
            continue
        lat, lon = _coordinate(item.get("lat"), 90), _coordinate(item.get("lon"), 180)
        if lat is None or lon is None:
            continue
        address = item.get("address") if isinstance(item.get("address"), dict) else {}
        display = str(item.get("display_name") or "")
        name = str(item.get("name") or "") or next(
            (str(address[k]) for k in _LOCALITY_KEYS if address.get(k)), display.split(",")[0].strip()
        )
        if not name:
            continue
        state = str(address.get("state") or address.get("territory") or address.get("region") or "")
        country = str(address.get("country") or "")
        label = ", ".join([name, *(part for part in (state, country) if part and part != name)])
        results.append(
            GeoResult(
                name=name[:160],
                state=state,
                country=country,
                country_code=str(address.get("country_code") or "").upper(),
                lat=lat,
                lon=lon,
                label=label,
                source="online",
            )
        )
    return results


def _coordinate(value: Any, bound: float) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and -bound <= number <= bound else None
