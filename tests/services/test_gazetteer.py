"""The offline gazetteer against the real GeoNames data (built once into the test data dir)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from wheels_wins.services import gazetteer_index
from wheels_wins.services.gazetteer import Place, candidates, geocode, search_prefix
from wheels_wins.services.geo import haversine_km


@pytest.fixture(scope="module", autouse=True)
def built_index() -> Path:
    """Build the index once; later modules and runs in this session reuse the file."""
    return gazetteer_index.ensure_built()


def _where(place: Place | None) -> tuple[str, str, str] | None:
    return (place.name, place.admin1_code, place.country_code) if place else None


def test_index_file_lives_in_the_data_dir_and_is_reused(built_index: Path) -> None:
    from wheels_wins.settings import get_settings

    assert built_index == get_settings().data_dir / "gazetteer-v1.sqlite"
    assert 1_000_000 < built_index.stat().st_size < 60_000_000
    stamp = built_index.stat().st_mtime_ns
    assert gazetteer_index.ensure_built() == built_index
    assert built_index.stat().st_mtime_ns == stamp  # reused, not rebuilt


def _fake_build(calls: list[Path]) -> Callable[[Path], None]:
    def build(target: Path) -> None:
        calls.append(target)
        with closing(sqlite3.connect(target)) as conn:
            conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
            conn.execute(
                "INSERT INTO meta VALUES ('schema', ?)", (gazetteer_index.SCHEMA_VERSION,)
            )
            conn.commit()

    return build


def test_missing_or_stale_file_is_built_aside_then_renamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / gazetteer_index.FILE_NAME
    target.write_bytes(b"left over by an older version")
    calls: list[Path] = []
    monkeypatch.setattr(gazetteer_index, "database_path", lambda: target)
    monkeypatch.setattr(gazetteer_index, "_build", _fake_build(calls))
    assert gazetteer_index.ensure_built() == target
    assert len(calls) == 1 and calls[0] != target and calls[0].parent == tmp_path
    assert [p.name for p in tmp_path.iterdir()] == [gazetteer_index.FILE_NAME]
    assert target.stat().st_mode & 0o777 == 0o644
    assert gazetteer_index.ensure_built() == target and len(calls) == 1


def test_failed_build_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(target: Path) -> None:
        target.write_bytes(b"half")
        raise RuntimeError("disk full")

    monkeypatch.setattr(
        gazetteer_index, "database_path", lambda: tmp_path / gazetteer_index.FILE_NAME
    )
    monkeypatch.setattr(gazetteer_index, "_build", broken)
    with pytest.raises(RuntimeError):
        gazetteer_index.ensure_built()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Sydney", ("Sydney", "NSW", "AU")),
        ("Canberra", ("Canberra", "ACT", "AU")),
        ("Alice Springs", ("Alice Springs", "NT", "AU")),
        ("Melbourne", ("Melbourne", "VIC", "AU")),
        ("Perth", ("Perth", "WA", "AU")),
        ("Darwin", ("Darwin", "NT", "AU")),
        ("Dubbo", ("Dubbo", "NSW", "AU")),
        ("Cairns", ("Cairns", "QLD", "AU")),
        ("Paris", ("Paris", "", "FR")),
        ("Toronto", ("Toronto", "ON", "CA")),
    ],
)
def test_exact_names(query: str, expected: tuple[str, str, str]) -> None:
    assert _where(geocode(query)) == expected


@pytest.mark.parametrize(
    "query",
    [
        "Sydney, NSW",
        "sydney nsw",
        "Sydney, New South Wales",
        "Sydney, Australia",
        "SYDNEY,NSW,AUSTRALIA",
        "  sydney   N.S.W. ",
        "Sydney NSW 2000",
        "Sydney, AUS",
    ],
)
def test_town_with_state_or_country(query: str) -> None:
    assert _where(geocode(query)) == ("Sydney", "NSW", "AU")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Port Augusta, SA", ("Port Augusta", "SA", "AU")),
        ("Ballarat, Victoria", ("Ballarat", "VIC", "AU")),
        ("Ballarat, VIC", ("Ballarat", "VIC", "AU")),
        ("Ballarat, Vic", ("Ballarat", "VIC", "AU")),
        ("hobart tas", ("Hobart", "TAS", "AU")),
        ("Perth, WA", ("Perth", "WA", "AU")),
        ("Perth, Australia", ("Perth", "WA", "AU")),
        ("Perth, Tasmania", ("Perth", "TAS", "AU")),
        ("Perth, Scotland", ("Perth", "", "GB")),
        ("Springfield, IL", ("Springfield", "IL", "US")),
        ("Springfield, Illinois", ("Springfield", "IL", "US")),
        ("Melbourne, Florida", ("Melbourne", "FL", "US")),
        ("Auckland, NZ", ("Auckland", "", "NZ")),
        ("Paris, France", ("Paris", "", "FR")),
        ("Victoria, BC", ("Victoria", "BC", "CA")),
        ("Glenelg, Adelaide", ("Glenelg", "SA", "AU")),
    ],
)
def test_qualified_names(query: str, expected: tuple[str, str, str]) -> None:
    assert _where(geocode(query)) == expected


def test_case_whitespace_diacritics_and_abbreviations_are_ignored() -> None:
    assert _where(geocode("  aLiCe    sPrInGs ")) == ("Alice Springs", "NT", "AU")
    assert (
        _where(geocode("Montreal"))
        == _where(geocode("Montréal"))
        == ("Montréal", "QC", "CA")
    )
    assert (
        _where(geocode("Mt Isa"))
        == _where(geocode("Mount Isa"))
        == ("Mount Isa", "QLD", "AU")
    )
    assert _where(geocode("Mt. Gambier")) == ("Mount Gambier", "SA", "AU")
    assert _where(geocode("Munchen")) == ("Munich", "", "DE")


@pytest.mark.parametrize(
    ("query", "state"),
    [
        ("Coober Pedy", "SA"),
        ("Yulara", "NT"),
        ("Mataranka", "NT"),
        ("Norseman", "WA"),
        ("Halls Creek", "WA"),
        ("Bourke", "NSW"),
        ("Longreach", "QLD"),
        ("Karumba", "QLD"),
        ("Tennant Creek", "NT"),
        ("Ceduna", "SA"),
    ],
)
def test_small_outback_towns(query: str, state: str) -> None:
    place = geocode(query)
    assert (
        place is not None and place.country_code == "AU" and place.admin1_code == state
    )
    assert -44 < place.lat < -10 and 112 < place.lon < 154


def test_ambiguous_names_list_every_namesake_best_first() -> None:
    perths = candidates("Perth")
    assert _where(perths[0]) == ("Perth", "WA", "AU")
    assert ("Perth", "", "GB") in [_where(p) for p in perths]
    springfields = candidates("Springfield", limit=20)
    us_states = {p.admin1_code for p in springfields if p.country_code == "US"}
    assert {"IL", "MO", "MA"} <= us_states
    labels = [p.label for p in springfields]
    assert len(labels) == len(set(labels))
    assert len(candidates("Springfield", limit=3)) == 3
    assert candidates("Springfield", limit=0) == []


def test_country_bias_decides_between_namesakes() -> None:
    assert geocode("Springfield").country_code == "AU"
    assert _where(geocode("Springfield", country_bias=None)) == (
        "Springfield",
        "MO",
        "US",
    )
    assert _where(geocode("Springfield", country_bias="us")) == (
        "Springfield",
        "MO",
        "US",
    )
    assert _where(geocode("Hamilton", country_bias="NZ")) == ("Hamilton", "", "NZ")
    assert _where(geocode("Perth", country_bias="GB")) == ("Perth", "", "GB")


def test_alternate_names_rank_after_real_names() -> None:
    assert _where(geocode("Wien")) == ("Vienna", "", "AT")
    perths = [p.label for p in candidates("Perth", limit=20)]
    assert perths.index("Perth Amboy, NJ, United States") == len(perths) - 1
    romas = [_where(p) for p in candidates("Roma", limit=20)]
    assert romas[0] == ("Roma", "QLD", "AU")
    assert romas.index(("Rome", "", "IT")) > romas.index(("Roma", "TX", "US"))


def test_place_label() -> None:
    assert geocode("Canberra").label == "Canberra, ACT, Australia"
    assert geocode("Perth, Scotland").label == "Perth, Scotland, United Kingdom"
    assert geocode("Auckland, NZ").label == "Auckland, New Zealand"
    assert geocode("Paris").label == "Paris, France"


@pytest.mark.parametrize(
    "query",
    [
        "Xyzzyville",
        "",
        "   ",
        ",,,",
        "😀🚐",
        "a" * 10_000,
        "Perth, Narnia",
        "Sydney, Queensland",
        "%",
        "_",
        "'; DROP TABLE places; --",
    ],
)
def test_unknown_and_junk_input(query: str) -> None:
    assert geocode(query) is None
    assert candidates(query) == []
    assert search_prefix(query) == []


def test_prefix_search_orders_home_country_then_population() -> None:
    found = search_prefix("Bal")
    assert "Ballarat" in [p.name for p in found]
    assert all(p.name.lower().startswith("bal") for p in found)
    home = [p.country_code == "AU" for p in found]
    assert home == sorted(home, reverse=True)
    au_pops = [p.population for p in found if p.country_code == "AU"]
    assert au_pops == sorted(au_pops, reverse=True)


def test_prefix_search_limit_and_qualifier() -> None:
    assert len(search_prefix("S", limit=3)) == 3
    assert len(search_prefix("Spring", limit=25)) == 25
    assert search_prefix("Bal", limit=0) == []
    assert [p.label for p in search_prefix("Ballarat, V")] == [
        "Ballarat, VIC, Australia"
    ]
    assert [_where(p) for p in search_prefix("Perth, Sc")] == [("Perth", "", "GB")]
    assert _where(search_prefix("Sydney, N")[0]) == ("Sydney", "NSW", "AU")
    assert ("Sydney", "NS", "CA") in [_where(p) for p in search_prefix("Sydney, N")]
    assert search_prefix("Ballarat, Q") == []


def test_prefix_search_without_bias_is_by_population() -> None:
    found = search_prefix("Syd", country_bias=None)
    assert found[0].name == "Sydney"
    pops = [p.population for p in found]
    assert pops == sorted(pops, reverse=True)


def test_threads_share_the_index_safely() -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(
            pool.map(
                lambda q: _where(geocode(q)),
                ["Perth", "Darwin", "Cairns", "Dubbo"] * 25,
            )
        )
    assert results[:4] == [
        ("Perth", "WA", "AU"),
        ("Darwin", "NT", "AU"),
        ("Cairns", "QLD", "AU"),
        ("Dubbo", "NSW", "AU"),
    ]
    assert results == results[:4] * 25


@pytest.mark.parametrize(
    ("query", "name", "state"),
    [
        ("Uluru", "Uluru", "NT"),
        ("Ayers Rock", "Uluru", "NT"),
        ("kangaroo island", "Kangaroo Island", "SA"),
        ("Fraser Island", "K'gari", "QLD"),
        ("Cradle Mountain", "Cradle Mountain", "TAS"),
        ("Wilsons Prom", "Wilsons Promontory", "VIC"),
        ("the Bungle Bungles", "Purnululu", "WA"),
        ("Mt Kosciuszko", "Mount Kosciuszko", "NSW"),
        ("Birdsville", "Birdsville", "QLD"),
        ("Timber Creek", "Timber Creek", "NT"),
        ("Threeways Roadhouse", "Three Ways", "NT"),
        ("Turkey Creek", "Warmun", "WA"),
        ("Elliott", "Elliott", "NT"),  # not the bigger Elliott in Mississippi
        ("Mt Barnett", "Mount Barnett Roadhouse", "WA"),
    ],
)
def test_travel_destinations_without_a_town_are_found_by_any_of_their_names(query: str, name: str, state: str) -> None:
    assert _where(geocode(query)) == (name, state, "AU")


def test_destinations_do_not_duplicate_geonames_places(built_index: Path) -> None:
    from wheels_wins.data.destinations import (
        DESTINATION_POPULATION,
        DESTINATIONS,
        OUTBACK_STOP_POPULATION,
        OUTBACK_STOPS,
    )

    rows = [(row, DESTINATION_POPULATION) for row in DESTINATIONS] + [(row, OUTBACK_STOP_POPULATION) for row in OUTBACK_STOPS]
    with closing(sqlite3.connect(built_index)) as conn:
        for (name, *_), size in rows:
            populations = conn.execute(
                "SELECT p.population FROM names n JOIN places p ON p.id = n.place_id"
                " WHERE n.key = ? AND p.country_code = 'AU'",
                (gazetteer_index.normalise(name),),
            ).fetchall()
            assert populations == [(size,)], (name, populations)


def test_outback_stops_lie_in_the_outback_of_their_state() -> None:
    from wheels_wins.data.destinations import OUTBACK_STOPS

    # a slip of a sign or digit would put a roadhouse in the sea or another state: each sits inside its state's box
    boxes = {"NT": (-26.0, -10.9, 129.0, 138.0), "SA": (-38.1, -26.0, 129.0, 141.0),
             "WA": (-35.2, -13.7, 112.9, 129.0), "QLD": (-29.2, -10.0, 138.0, 153.6)}
    for name, _, state, lat, lon in OUTBACK_STOPS:
        south, north, west, east = boxes[state]
        assert south <= lat <= north and west <= lon <= east, name


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("Lake Tekapo", "Lake Tekapo", "NZ"),
        ("tekapo", "Lake Tekapo", "NZ"),
        ("Mt Cook", "Aoraki Mount Cook", "NZ"),  # the village under the mountain, not Wellington's suburb
        ("Milford Sound", "Milford Sound", "NZ"),
        ("Yosemite National Park", "Yosemite", "US"),
        ("zion national park", "Zion National Park", "US"),
        ("Haast", "Haast", "NZ"),
        ("Pancake Rocks", "Punakaiki", "NZ"),
        ("Durness", "Durness", "GB"),
        ("John o Groats", "John o' Groats", "GB"),
        ("Lands End", "Land's End", "GB"),
        ("St Ives, Cornwall", "St Ives", "GB"),  # not Cambridgeshire's, not Sydney's
        ("Whitby, Yorkshire", "Whitby", "GB"),
    ],
)
def test_destinations_abroad_are_found_by_their_names(query: str, name: str, country: str) -> None:
    place = geocode(query)
    assert place is not None and (place.name, place.country_code) == (name, country)


def test_destinations_abroad_do_not_duplicate_geonames_places(built_index: Path) -> None:
    from wheels_wins.data.destinations import ABROAD, DESTINATION_POPULATION

    with closing(sqlite3.connect(built_index)) as conn:
        for name, _, _, code, _, lat, lon in ABROAD:
            rows = conn.execute(
                "SELECT p.population, p.lat, p.lon FROM names n JOIN places p ON p.id = n.place_id"
                " WHERE n.key = ? AND p.country_code = ?",
                (gazetteer_index.normalise(name), code),
            ).fetchall()
            ours = [row for row in rows if row[0] == DESTINATION_POPULATION]
            namesakes = [row for row in rows if row[0] != DESTINATION_POPULATION]
            assert len(ours) == 1, (name, rows)  # a namesake elsewhere in the country is another place, not a duplicate
            assert all(haversine_km((lat, lon), (row[1], row[2])) > 50 for row in namesakes), (name, rows)


@pytest.mark.parametrize(
    ("query", "name"),
    [("Kakadu National Park", "Kakadu"), ("Karijini NP", "Karijini"), ("Freycinet National Park", "Coles Bay")],
)
def test_a_park_is_found_under_its_place_name(query: str, name: str) -> None:
    place = geocode(query)
    assert place is not None and place.name == name and place.country_code == "AU"


@pytest.mark.parametrize(
    ("nickname", "name"), [("Noosa", "Noosa Heads"), ("Byron", "Byron Bay"), ("Freo", "Fremantle"), ("Wagga", "Wagga Wagga")]
)
def test_towns_are_found_by_the_names_australians_use(nickname: str, name: str) -> None:
    assert _where(geocode(nickname))[:1] == (name,) and geocode(nickname).country_code == "AU"
