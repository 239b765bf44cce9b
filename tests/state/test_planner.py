"""The trip planner's pure parts: the draft kept in the browser, pins, legs of a saved trip, the place box."""

from __future__ import annotations

import json
import re

import pytest

import wheels_wins.pages  # noqa: F401 — registers every page and its states
from wheels_wins.components.place_search import place_search
from wheels_wins.models import TripWaypoint
from wheels_wins.pages.wheels.planner import MAX_STOPS, MAX_TITLE, DraftStop, parse_draft, pin_name
from wheels_wins.pages.wheels.planner_search import PlannerSearchState, _chosen
from wheels_wins.pages.wheels.trips import _legs
from wheels_wins.services import geo
from wheels_wins.services.place_suggest import Resolved, Suggestion

OWNER = "5b0b4f5e-8f6e-4d5c-9a43-0f6f7f0d1e2a"
SYDNEY = {"name": "Sydney", "label": "Sydney, New South Wales, Australia", "lat": -33.87, "lon": 151.21}


def _raw(**data: object) -> str:
    return json.dumps({"user": OWNER, "stops": [SYDNEY], "title": "", "start": "", **data})


def test_a_draft_reads_back_for_its_owner_only() -> None:
    stops, title, start = parse_draft(_raw(title="Coast run", start="2026-07-01"), OWNER)
    assert stops == [DraftStop("Sydney", "Sydney, New South Wales, Australia", -33.87, 151.21)]
    assert (title, start) == ("Coast run", "2026-07-01")
    assert parse_draft(_raw(), "someone-else") == ([], "", "")
    assert parse_draft(_raw(), "") == ([], "", "")


@pytest.mark.parametrize("raw", ["", "{not json", "[]", '"text"', json.dumps({"user": OWNER, "stops": "Sydney"})])
def test_a_missing_or_malformed_draft_is_empty(raw: str) -> None:
    assert parse_draft(raw, OWNER) == ([], "", "")


def test_a_draft_from_the_browser_is_validated_like_input() -> None:
    stops = [
        SYDNEY,
        {"name": "Off the globe", "lat": -95.0, "lon": 151.0},
        {"name": "Not a number", "lat": "x", "lon": 151.0},
        {"name": "  ", "lat": -30.0, "lon": 150.0},
        {"name": "No label", "lat": -30.0, "lon": 150.0},
        "Sydney",
        {"name": "N" * 500, "label": "L" * 500, "lat": 1, "lon": 2},
    ]
    parsed, title, _ = parse_draft(_raw(stops=stops, title="T" * 500), OWNER)
    assert [s.name[:8] for s in parsed] == ["Sydney", "No label", "NNNNNNNN"]
    assert parsed[1].label == "No label"
    assert len(parsed[2].name) == 160 and len(parsed[2].label) == 240
    assert len(title) == MAX_TITLE
    many, _, _ = parse_draft(_raw(stops=[SYDNEY] * (MAX_STOPS + 5)), OWNER)
    assert len(many) == MAX_STOPS


def test_a_pin_is_named_by_its_coordinates() -> None:
    assert pin_name(-34.75123, 149.72) == "Pin 34.751° S, 149.720° E"
    assert pin_name(40.0, -74.5) == "Pin 40.000° N, 74.500° W"


def test_a_notice_names_the_namesake_taken_for_an_ambiguous_name() -> None:
    richmond = Suggestion("Richmond", "Richmond, Victoria, Australia", "Victoria, Australia", -37.8, 145.0, "gazetteer")
    sydney = Suggestion("Sydney", "Sydney, New South Wales, Australia", "", -33.9, 151.2, "gazetteer")
    camp = Suggestion("Richmond", "Richmond", "Saved campground", -33.6, 150.7, "saved")
    notice = _chosen([Resolved("Sydney", sydney, 1), Resolved("richmond", richmond, 8), Resolved("x", camp, 2)])
    assert notice == (
        "“richmond” could be 8 places: took the largest, Richmond, Victoria, Australia. "
        "Type a name with its state to choose another."
    )
    assert _chosen([Resolved("Sydney", sydney, 1)]) == ""


def test_legs_use_stored_figures_and_estimate_where_missing() -> None:
    points = [
        TripWaypoint(name="Sydney", lat=-33.87, lon=151.21, position=0),
        TripWaypoint(name="Canberra", lat=-35.28, lon=149.13, position=1, leg_km=286.0, leg_hours=3.1),
        TripWaypoint(name="Melbourne", lat=-37.81, lon=144.96, position=2),
    ]
    legs = _legs(points)
    assert legs[:2] == [None, (286.0, 3.1)]
    estimate = geo.estimate_route([(-35.28, 149.13), (-37.81, 144.96)]).legs[0]
    assert legs[2] == (estimate.distance_km, estimate.duration_hours)
    assert _legs(points[:1]) == [None]
    assert _legs([]) == []


def test_the_place_box_is_a_combobox_over_a_listbox_of_options() -> None:
    js = str(
        place_search(
            query=PlannerSearchState.query,
            searched=PlannerSearchState.searched,
            suggestions=PlannerSearchState.suggestions,
            on_type=PlannerSearchState.type_place,
            on_pick=PlannerSearchState.pick_place,
            on_enter=PlannerSearchState.enter_place,
            on_pick_on_map=PlannerSearchState.pick_on_map,
            id="stop",
            label="Add a stop",
        )
    )
    assert 'role:"combobox"' in js and '"aria-controls":"stop-list"' in js
    assert 'role:"listbox"' in js and 'id:"stop-list"' in js and 'role:"option"' in js
    assert '"aria-autocomplete":"list"' in js and "debounceTimeout:250" in js
    assert '"data-query":' in js  # Enter only picks from a list made for the text in the box
    assert re.search(r"onKeyDown:\(e\) => \{.*ArrowDown.*Enter.*\.click\(\)", js, flags=re.DOTALL)
    assert "Pick on the map instead" in js
    assert re.search(r"onClick:.*pick_place.*\[\"index\"\] : index", js)
    assert "dangerouslySetInnerHTML" not in js
    # Without a map to pick on there is no such offer, and Enter alone does nothing on the server.
    plain = str(
        place_search(
            query=PlannerSearchState.query,
            searched=PlannerSearchState.searched,
            suggestions=PlannerSearchState.suggestions,
            on_type=PlannerSearchState.type_place,
            on_pick=PlannerSearchState.pick_place,
        )
    )
    assert "Pick on the map instead" not in plain and "enter_place" not in plain
