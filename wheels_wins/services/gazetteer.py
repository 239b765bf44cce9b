"""Offline gazetteer: place names to coordinates, from the SQLite index of GeoNames `gazetteer_index` builds.

Queries run against that file through one read-only connection per thread.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wheels_wins.services.gazetteer_index import (
    LONG_FORMS,
    MAX_QUERY_CHARS,
    MIN_POPULATION,
    TOP_PREFIX_CHARS,
    TOP_PREFIX_ROWS,
    ensure_built,
    normalise,
)
from wheels_wins.services.geo import haversine_km

# A home-country namesake wins unless a foreign one is this many times bigger
# ("Toronto" is Canada's, not the Lake Macquarie town's; "Perth" stays in WA).
_BIAS_OVERRIDE_RATIO = 100
_NEARBY_KM = 150.0
_MAX_QUALIFIER_WORDS = 8
_PARK_SUFFIX = re.compile(r"\s+(?:national\s+park|national\s+parks|np|state\s+forest|conservation\s+park)$")
_COLUMNS = "p.name, p.admin1, p.admin1_code, p.country_code, p.country, p.lat, p.lon, p.population"
_HOME_PREFIX_SQL = (
    "SELECT place_id FROM names INDEXED BY names_by_country"
    " WHERE country_code = ? AND key >= ? AND key < ? ORDER BY population DESC LIMIT ?"
)
_PREFIX_SQL = "SELECT place_id FROM names WHERE key >= ? AND key < ? ORDER BY population DESC LIMIT ?"

Region = frozenset[tuple[str, str]]  # (country code, admin1 name or "" for the whole country)


@dataclass(frozen=True)
class Place:
    """A populated place."""

    name: str
    admin1: str
    admin1_code: str
    country_code: str
    country: str
    lat: float
    lon: float
    population: int

    @property
    def label(self) -> str:
        """Name, state and country ("Canberra, ACT, Australia"): enough to tell namesakes apart."""
        region = self.admin1_code or (self.admin1 if self.admin1 != self.name else "")
        return ", ".join(part for part in (self.name, region, self.country) if part)


def geocode(query: str, *, country_bias: str | None = "AU") -> Place | None:
    """The best place for a free-text name, or None.

    Accepts "Sydney", "sydney nsw", "Sydney, NSW", "Sydney, New South Wales, Australia",
    "Springfield, IL" and "Glenelg, Adelaide" (a namesake within 150 km of a named
    place). Names match exactly after folding case, accents, punctuation and "Mt"/"St".
    Ranking: matches in `country_bias` come first, unless a foreign match is at least
    100 times more populous (so "Perth" is WA and "Melbourne" VIC, but "Toronto" is
    Canada's); within each group the most populous wins; without a bias, population
    alone. Matches on alternate names ("Munchen", "Wien") only follow all of those.
    """
    found = candidates(query, limit=1, country_bias=country_bias)
    return found[0] if found else None


def candidates(query: str, *, limit: int = 8, country_bias: str | None = "AU") -> list[Place]:
    """Every place the query could mean, best first (as in `geocode`), for "did you mean" lists."""
    return _resolve(query, _bias(country_bias))[: max(limit, 0)]


def search_prefix(prefix: str, *, limit: int = 8, country_bias: str | None = "AU") -> list[Place]:
    """Typeahead: places whose name starts with `prefix`, the bias country's first, then by population.

    "Ballarat, V" keeps the Ballarats in a state or country whose name starts with "v".
    """
    if limit <= 0:
        return []
    bias = _bias(country_bias)
    parts = [normalise(part) for part in prefix[:MAX_QUERY_CHARS].split(",")]
    name = parts[0]
    if not name:
        return []
    if len(parts) > 1:
        return _qualified_prefix(name, parts[1:], limit, bias)
    found = _prefix_places(name, limit, bias)
    if found or " " not in name:
        return found
    head, _, tail = name.rpartition(" ")
    return _qualified_prefix(head, [tail], limit, bias)


def _bias(country_bias: str | None) -> str | None:
    code = (country_bias or "").strip().upper()
    return code or None


def _resolve(query: str, bias: str | None) -> list[Place]:
    parts = [normalise(part) for part in query[:MAX_QUERY_CHARS].split(",")]
    name, qualifiers = parts[0], [part for part in parts[1:] if part]
    if not name:
        return []
    if qualifiers:
        return _qualified(name, qualifiers, bias)
    found = _ranked(name, bias)
    if found:
        return found
    if name.startswith("the ") and (found := _ranked(name[4:], bias)):
        return found  # "the Bungle Bungles"; "The Entrance" matched above, as named
    park = _PARK_SUFFIX.sub("", name)
    if park != name and park and (found := _ranked(park, bias)):
        return found  # "Kakadu National Park" is found by the town or park named "Kakadu"
    words = name.split()
    for cut in range(len(words) - 1, max(len(words) - _MAX_QUALIFIER_WORDS, 1) - 1, -1):
        regions = _parse_regions(words[cut:])
        if regions:
            found = _within(_ranked(" ".join(words[:cut]), bias), regions)
            if found:
                return found
    return []


def _qualified(name: str, qualifiers: list[str], bias: str | None) -> list[Place]:
    ranked = _ranked(name, bias, one_per_label=False)  # "St Ives, England" is two towns; the qualifier tells them apart
    regions = _parse_regions(" ".join(qualifiers).split())
    if regions is not None:
        found = _unique(_within(ranked, regions))
        if found:
            return found
    if len(qualifiers) == 1 and ranked:  # "St Ives, Cornwall": the namesake near the place named after it
        near: list[tuple[float, int, Place]] = []
        for country in dict.fromkeys(p.country_code for p in ranked):  # Cornwall in England, not Ontario, for England's
            anchor = next((a for a in _resolve(qualifiers[0], country) if a.country_code == country), None)
            if anchor:
                here = (anchor.lat, anchor.lon)
                near += [(haversine_km(here, (p.lat, p.lon)), i, p) for i, p in enumerate(ranked) if p.country_code == country]
        return _unique(p for km, _, p in sorted(near) if km <= _NEARBY_KM)
    return []


def _qualified_prefix(name: str, qualifiers: list[str], limit: int, bias: str | None) -> list[Place]:
    regions = _parse_regions(" ".join(qualifiers[:-1]).split())
    if regions is None:
        return []
    if qualifiers[-1]:
        typed = qualifiers[-1]
        started = [region for alias, region in _region_aliases().items() if alias.startswith(typed)]
        if not started:
            return []
        regions.append(frozenset().union(*started))
    found = _within(_ranked(name, bias), regions) or _within(_prefix_places(name, 500, bias), regions)
    return found[:limit]


def _parse_regions(words: list[str]) -> list[Region] | None:
    """Read words as consecutive state/country names ("nsw australia 2000"), or None if they aren't."""
    words = [word for word in words if not word.isdigit()]
    if not words:
        return []
    aliases = _region_aliases()
    for size in range(min(len(words), _MAX_QUALIFIER_WORDS), 0, -1):
        head = aliases.get(" ".join(words[:size]))
        if head:
            rest = _parse_regions(words[size:])
            if rest is not None:
                return [head, *rest]
    return None


def _within(places: list[Place], regions: list[Region]) -> list[Place]:
    return [
        p
        for p in places
        if all((p.country_code, "") in region or (p.country_code, p.admin1) in region for region in regions)
    ]


def _ranked(key: str, bias: str | None, *, one_per_label: bool = True) -> list[Place]:
    """Exact-name matches, best first (see `geocode`), one per label unless asked for every namesake."""
    if not key:
        return []
    rows = (
        _connection()
        .execute(
            f"SELECT {_COLUMNS}, 0 FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ?1"
            f" UNION ALL SELECT {_COLUMNS}, 1 FROM alternates a JOIN places p ON p.id = a.place_id WHERE a.key = ?1",
            (key,),
        )
        .fetchall()
    )
    primary = _by_size([Place(*row[:8]) for row in rows if not row[8]], bias)
    ranked = primary + _by_size([Place(*row[:8]) for row in rows if row[8]], bias)
    return _unique(ranked) if one_per_label else ranked


def _by_size(places: list[Place], bias: str | None) -> list[Place]:
    """Most populous first, the bias country's ahead unless a foreign namesake dwarfs them."""
    places = sorted(places, key=lambda p: p.population, reverse=True)
    home = [p for p in places if p.country_code == bias]
    away = [p for p in places if p.country_code != bias]
    if home and away and away[0].population >= _BIAS_OVERRIDE_RATIO * max(home[0].population, MIN_POPULATION):
        return places
    return home + away


def _prefix_places(key: str, limit: int, bias: str | None) -> list[Place]:
    """Places with a name starting with `key`: bias country first, then by population."""
    upper = key[:-1] + chr(ord(key[-1]) + 1)
    wanted = limit * 3 + 8
    conn = _connection()
    found = conn.execute(_HOME_PREFIX_SQL, (bias, key, upper, wanted)).fetchall() if bias else []
    if len(key) <= TOP_PREFIX_CHARS and wanted <= TOP_PREFIX_ROWS:
        found += conn.execute("SELECT place_id FROM top_prefixes WHERE prefix = ? ORDER BY rank LIMIT ?", (key, wanted))
    else:
        found += conn.execute(_PREFIX_SQL, (key, upper, wanted))
    ids = list(dict.fromkeys(row[0] for row in found))
    rows = conn.execute(f"SELECT p.id, {_COLUMNS} FROM places p WHERE p.id IN ({','.join('?' * len(ids))})", ids)
    by_id = {row[0]: Place(*row[1:]) for row in rows}
    return _unique(by_id[i] for i in ids)[:limit]


def _unique(places: Iterable[Place]) -> list[Place]:
    """Drop later places with a label already seen: GeoNames lists some towns twice ("St"/"Saint" too)."""
    kept: dict[str, Place] = {}
    for place in places:
        kept.setdefault(" ".join(LONG_FORMS.get(word, word) for word in normalise(place.label).split()), place)
    return list(kept.values())


_local = threading.local()
_aliases: dict[Path, dict[str, Region]] = {}


def _connection() -> sqlite3.Connection:
    path = ensure_built()
    cached = getattr(_local, "conn", None)
    if cached is None or cached[0] != path:
        # immutable: the file is only ever replaced by rename, never written in place.
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        cached = _local.conn = (path, conn)
    return cached[1]


def _region_aliases() -> dict[str, Region]:
    path = ensure_built()
    table = _aliases.get(path)
    if table is None:
        grouped: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for alias, country_code, admin1 in _connection().execute("SELECT alias, country_code, admin1 FROM regions"):
            grouped[alias].add((country_code, admin1))
        table = _aliases[path] = {alias: frozenset(pairs) for alias, pairs in grouped.items()}
    return table


