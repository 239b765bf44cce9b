"""The Places tab's states, built as Reflex builds them and driven through their handlers on a real database."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest
import reflex as rx
from sqlmodel import Session

from tests.state.test_undoable import _tab
from wheels_wins.models import User
from wheels_wins.pages.wheels.places import PlacesState, place_distance_label, valid_point
from wheels_wins.pages.wheels.places_delete import PlaceDeleteState
from wheels_wins.pages.wheels.places_editor import MAX_NAME, PlaceEditorState, field_errors
from wheels_wins.pages.wheels.places_location import PlaceLocationState
from wheels_wins.repositories import places as place_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services.geo import haversine_km

DUBBO = (-32.2569, 148.6011)
ORANGE = (-33.2835, 149.1013)
BOURKE = (-30.0900, 145.9400)
SHOWGROUND = (-32.245, 148.61)


def _substate(root: rx.State, state_cls: type[rx.State]) -> Any:
    return root.get_substate(state_cls.get_full_name().split(".")[1:])


async def run(handler: Any, state: rx.State, *args: Any) -> list[Any]:
    """Call an event handler as Reflex would and return what it returned or yielded (Nones dropped)."""
    result = handler.fn(state, *args)
    if inspect.isasyncgen(result):
        out = [item async for item in result]
    else:
        out = [await result] if inspect.isawaitable(result) else [result]
    flat: list[Any] = []
    for item in out:
        flat.extend(item if isinstance(item, list) else [item])
    return [item for item in flat if item is not None]


class Browser:
    """One browser tab's state tree, signed in as a user (or not)."""

    def __init__(self, root: rx.State | None = None) -> None:
        self.root = root if root is not None else _tab()
        self.places: PlacesState = _substate(self.root, PlacesState)
        self.editor: PlaceEditorState = _substate(self.root, PlaceEditorState)
        self.location: PlaceLocationState = _substate(self.root, PlaceLocationState)
        self.deleter: PlaceDeleteState = _substate(self.root, PlaceDeleteState)

    async def load(self) -> list[Any]:
        return await run(PlacesState.load, self.places)

    def names(self) -> list[str]:
        return [row.name for row in self.places.rows]


@pytest.fixture
def sign_in(sign_in: Callable[..., tuple[User, rx.State]]) -> Callable[..., tuple[User, Browser]]:
    """sign_in(**user_fields) -> (user, a browser tab signed in as them): the shared fixture's tab, with the places states."""

    def _sign_in(**fields: Any) -> tuple[User, Browser]:
        user, tab = sign_in(**fields)
        return user, Browser(tab)

    return _sign_in


def _save(session: Session, user: User, name: str, point: tuple[float, float], kind: str = "campground", **kw: Any):
    place = place_repo.create(session, user_id=user.id, name=name, kind=kind, lat=point[0], lon=point[1], **kw)
    session.commit()
    return place


def _toasts(events: list[Any]) -> str:
    return " ".join(str(event) for event in events)


async def test_nothing_saved_loads_an_empty_tab_and_asks_the_browser_about_location_once(sign_in) -> None:
    _, tab = sign_in()
    events = await tab.load()
    assert tab.places.loaded and tab.places.total == 0 and tab.places.rows == []
    assert tab.places.origin == "" and [o.key for o in tab.places.origins] == ["newest"]
    assert "navigator.permissions" in _toasts(events)
    assert await tab.load() == []  # the question is not asked again on a refresh


async def test_newest_first_without_any_point_to_measure_from(session: Session, sign_in) -> None:
    user, tab = sign_in()
    _save(session, user, "Orange Caltex", ORANGE, "fuel")
    _save(session, user, "Bourke mechanic", BOURKE, "mechanic")
    await tab.load()
    assert tab.names() == ["Bourke mechanic", "Orange Caltex"]
    assert {row.distance for row in tab.places.rows} == {""}
    assert [(p.name, p.kind) for p in tab.places.map_places] == [
        ("Bourke mechanic", "mechanic"),
        ("Orange Caltex", "fuel"),
    ]


async def test_distances_from_the_first_stop_of_the_active_trip(session: Session, sign_in) -> None:
    user, tab = sign_in()
    _save(session, user, "Bourke mechanic", BOURKE, "mechanic")
    _save(session, user, "Orange Caltex", ORANGE, "fuel")
    _save(session, user, "Dubbo showground", SHOWGROUND)
    trip = trip_repo.create(session, user_id=user.id, title="Central West", status="active")
    trip_repo.replace_waypoints(
        session, user_id=user.id, trip_id=trip.id, stops=[("Dubbo", *DUBBO), ("Orange", *ORANGE)]
    )
    session.commit()
    await tab.load()
    assert tab.places.origin == "trip" and tab.places.origin_label == "Dubbo — start of Central West"
    assert tab.names() == ["Dubbo showground", "Orange Caltex", "Bourke mechanic"]
    assert tab.places.rows[0].distance == f"{haversine_km(DUBBO, SHOWGROUND):.1f} km"
    assert tab.places.rows[2].distance.endswith(" km") and "," not in tab.places.rows[2].distance


async def test_home_base_is_used_when_there_is_no_trip_and_miles_for_imperial(session: Session, sign_in) -> None:
    user, tab = sign_in(home_base="Dubbo", units="imperial")
    _save(session, user, "Bourke mechanic", BOURKE, "mechanic")
    _save(session, user, "Orange Caltex", ORANGE, "fuel")
    await tab.load()
    assert tab.places.origin == "home" and tab.places.origin_label == "home base, Dubbo"
    assert tab.names() == ["Orange Caltex", "Bourke mechanic"]
    assert all(row.distance.endswith(" mi") for row in tab.places.rows)


async def test_the_browsers_location_wins_and_a_refusal_keeps_the_fallback(session: Session, sign_in) -> None:
    user, tab = sign_in(home_base="Dubbo")
    _save(session, user, "Orange Caltex", ORANGE, "fuel")
    _save(session, user, "Bourke mechanic", BOURKE, "mechanic")
    await tab.load()
    assert await run(PlacesState.location_permission, tab.places, "granted") == [PlacesState.locate]
    assert "getCurrentPosition" in _toasts(await run(PlacesState.locate, tab.places))
    assert tab.places.locating

    refused = await run(PlacesState.located, tab.places, {"status": "denied"})
    assert tab.places.location == "denied" and "blocked" in _toasts(refused) and "home base, Dubbo" in _toasts(refused)
    assert tab.places.origin == "home"

    garbled = await run(PlacesState.located, tab.places, {"status": "ok", "lat": "nan", "lon": 1})
    assert "isn't available" in _toasts(garbled) and tab.places.origin == "home"
    events = await run(PlacesState.located, tab.places, {"status": "ok", "lat": BOURKE[0] + 0.01, "lon": BOURKE[1]})
    assert events == [PlacesState.load] and not tab.places.locating
    assert await tab.load() == []
    assert tab.places.origin == "here" and tab.names()[0] == "Bourke mechanic"
    tab.places._here_at -= 3600  # an hour on, a reload asks the browser again
    assert await tab.load() == [PlacesState.locate]
    await run(PlacesState.set_origin, tab.places, "newest")
    await tab.load()
    assert tab.places.origin == "" and tab.names() == ["Bourke mechanic", "Orange Caltex"]


async def test_filter_by_kind_and_name_with_counts(session: Session, sign_in) -> None:
    user, tab = sign_in()
    _save(session, user, "Lake Burrendong", (-32.67, 149.11), "campground")
    _save(session, user, "Ponto Falls", (-32.58, 148.86), "free_camp")
    _save(session, user, "Lake Keepit", (-30.87, 150.52), "free_camp")
    await tab.load()
    assert {c.kind: c.count for c in tab.places.chips}["free_camp"] == 2
    await run(PlacesState.set_kind, tab.places, "free_camp")
    await tab.load()
    assert sorted(tab.names()) == ["Lake Keepit", "Ponto Falls"] and tab.places.matching == 2
    await run(PlacesState.set_query, tab.places, "lake")
    await tab.load()
    assert tab.names() == ["Lake Keepit"] and tab.places.total == 3
    assert {c.kind: c.count for c in tab.places.chips} == {
        "campground": 1,
        "free_camp": 1,
        "dump_point": 0,
        "fuel": 0,
        "mechanic": 0,
        "other": 0,
    }
    await run(PlacesState.set_query, tab.places, "100%_")
    await tab.load()
    assert tab.names() == []
    await run(PlacesState.clear_filters, tab.places)
    await tab.load()
    assert len(tab.names()) == 3


async def test_rating_from_the_list_sets_and_clears_and_touches_only_own_places(session: Session, sign_in) -> None:
    user, tab = sign_in()
    other, _ = sign_in()
    mine = _save(session, user, "Ponto Falls", (-32.58, 148.86), "free_camp")
    theirs = _save(session, other, "Their camp", (-32.5, 148.8), rating=2)
    await tab.load()
    await run(PlacesState.rate, tab.places, str(mine.id), 4)
    assert tab.places.rows[0].rating == 4
    session.expire_all()
    assert place_repo.get(session, user_id=user.id, place_id=mine.id).rating == 4
    await run(PlacesState.rate, tab.places, str(mine.id), 4)
    session.expire_all()
    assert place_repo.get(session, user_id=user.id, place_id=mine.id).rating is None
    await run(PlacesState.rate, tab.places, str(theirs.id), 5)
    session.expire_all()
    assert place_repo.get(session, user_id=other.id, place_id=theirs.id).rating == 2


def test_validation_names_each_field() -> None:
    ok = {"name": "Ponto Falls", "kind": "free_camp", "lat": -32.58, "lon": 148.86, "notes": "", "rating": None}
    assert field_errors(ok) == {}
    errors = field_errors({**ok, "name": "  ", "lat": None, "lon": None, "notes": "x" * 1001, "rating": 6})
    assert errors == {
        "name": "Give the place a name.",
        "location": "Choose where it is: find a town, or pick the spot on the map.",
        "notes": "Keep the notes to 1,000 characters or fewer.",
        "rating": "Rate it from 1 to 5 stars, or clear the rating.",
    }
    assert field_errors({**ok, "name": "x" * (MAX_NAME + 1)}) == {
        "name": f"Keep the name to {MAX_NAME} characters or fewer."
    }
    assert valid_point("-32.5", 148) == (-32.5, 148.0)
    assert valid_point(91, 0) is None and valid_point("inf", 0) is None and valid_point(None, 0) is None
    assert place_distance_label(0.04, "metric") == "< 0.1 km"
    assert place_distance_label(4.26, "metric") == "4.3 km"
    assert place_distance_label(1609.344 * 1.5, "imperial") == "1,500 mi"


async def test_add_by_picking_on_the_map_then_edit(session: Session, sign_in) -> None:
    user, tab = sign_in()
    await run(PlaceEditorState.open_new, tab.editor)
    assert tab.editor.open and tab.location.mode == "search" and tab.location.marker == []

    await run(PlaceEditorState.save, tab.editor)
    assert tab.editor.name_error == "Give the place a name." and tab.location.error.startswith("Choose where it is")
    assert tab.editor.open

    await run(PlaceEditorState.set_name, tab.editor, "Ponto Falls")
    await run(PlaceEditorState.set_kind, tab.editor, "free_camp")
    await run(PlaceLocationState.set_mode, tab.location, "map")
    await run(PlaceLocationState.pick, tab.location, -32.58, 148.86)
    assert tab.location.coords == "-32.5800, 148.8600" and tab.location.error == ""
    assert [(m.name, m.kind) for m in tab.location.marker] == [("Ponto Falls", "free_camp")]
    await run(PlaceEditorState.set_rating, tab.editor, 3)
    await run(PlaceEditorState.set_notes, tab.editor, "River flats, shady")
    events = await run(PlaceEditorState.save, tab.editor)
    assert not tab.editor.open and "Saved “Ponto Falls” (Free camp)" in _toasts(events)
    [place] = place_repo.list_page(session, user_id=user.id)[0]
    assert (place.name, place.kind, place.lat, place.lon, place.rating, place.notes) == (
        "Ponto Falls",
        "free_camp",
        -32.58,
        148.86,
        3,
        "River flats, shady",
    )

    await run(PlaceEditorState.open_edit, tab.editor, str(place.id))
    assert (
        tab.editor.name == "Ponto Falls" and tab.location.coords == "-32.5800, 148.8600" and tab.location.mode == "map"
    )
    await run(PlaceEditorState.set_rating, tab.editor, 3)  # the same star again clears
    await run(PlaceEditorState.set_name, tab.editor, "Ponto Falls reserve")
    await run(PlaceEditorState.save, tab.editor)
    session.expire_all()
    changed = place_repo.get(session, user_id=user.id, place_id=place.id)
    assert (changed.name, changed.rating) == ("Ponto Falls reserve", None)


async def test_add_by_typing_a_town(session: Session, sign_in) -> None:
    user, tab = sign_in()
    await run(PlaceEditorState.open_new, tab.editor)
    await run(PlaceLocationState.type_town, tab.location, "Dubbo")
    assert tab.location.suggestions and tab.location.suggestions[0].name == "Dubbo"
    await run(PlaceLocationState.pick_town, tab.location, 0)
    assert tab.location.label.startswith("Dubbo, New South Wales") and tab.location.suggestions == []
    await run(PlaceEditorState.set_name, tab.editor, "Dubbo showground")
    await run(PlaceEditorState.save, tab.editor)
    [place] = place_repo.list_page(session, user_id=user.id)[0]
    assert place.name == "Dubbo showground" and abs(place.lat - DUBBO[0]) < 0.1 and abs(place.lon - DUBBO[1]) < 0.1

    await run(PlaceEditorState.open_new, tab.editor)
    await run(PlaceLocationState.enter_town, tab.location, "Nowhereville Zzq")
    assert tab.location.coords == "" and tab.location.searched == "Nowhereville Zzq"
    await run(PlaceLocationState.pick_on_map, tab.location)
    assert tab.location.mode == "map"


async def test_editing_someone_elses_place_is_refused(session: Session, sign_in) -> None:
    _, tab = sign_in()
    other, _ = sign_in()
    theirs = _save(session, other, "Their camp", ORANGE)
    events = await run(PlaceEditorState.open_edit, tab.editor, str(theirs.id))
    assert not tab.editor.open and "no longer saved" in _toasts(events)


async def test_delete_then_undo_restores_the_same_place(session: Session, sign_in) -> None:
    user, tab = sign_in()
    place = _save(session, user, "Lake Keepit", (-30.87, 150.52), "free_camp", notes="Shady", rating=4)
    place_id, created_at = place.id, place.created_at
    await run(PlaceDeleteState.ask, tab.deleter, str(place_id), "Lake Keepit")
    assert tab.deleter.confirm_open and tab.deleter.confirm_name == "Lake Keepit"
    events = await run(PlaceDeleteState.delete, tab.deleter)
    assert "Undo" in _toasts(events)
    session.expire_all()
    assert place_repo.get(session, user_id=user.id, place_id=place_id) is None
    events = await run(PlaceDeleteState.undo, tab.deleter)
    assert "Restored “Lake Keepit”" in _toasts(events)
    session.expire_all()
    back = place_repo.get(session, user_id=user.id, place_id=place_id)
    assert back is not None and (back.name, back.notes, back.rating, back.created_at) == (
        "Lake Keepit",
        "Shady",
        4,
        created_at,
    )
    assert await run(PlaceDeleteState.undo, tab.deleter) == []  # only once


async def test_someone_elses_place_cannot_be_deleted(session: Session, sign_in) -> None:
    _, tab = sign_in()
    other, _ = sign_in()
    theirs = _save(session, other, "Their camp", ORANGE)
    await run(PlaceDeleteState.ask, tab.deleter, str(theirs.id), "Their camp")
    events = await run(PlaceDeleteState.delete, tab.deleter)
    assert "already gone" in _toasts(events)
    session.expire_all()
    assert place_repo.get(session, user_id=other.id, place_id=theirs.id) is not None


async def test_signed_out_handlers_do_nothing(session: Session, make_user) -> None:
    owner = make_user()
    place = _save(session, owner, "Lake Keepit", (-30.87, 150.52), "free_camp")
    tab = Browser()
    assert await tab.load() == [] and not tab.places.loaded
    assert await run(PlacesState.rate, tab.places, str(place.id), 5) == []
    await run(PlaceEditorState.open_edit, tab.editor, str(place.id))
    assert not tab.editor.open
    tab.deleter.confirm_id = str(place.id)
    await run(PlaceDeleteState.delete, tab.deleter)
    session.expire_all()
    kept = place_repo.get(session, user_id=owner.id, place_id=place.id)
    assert kept is not None and kept.rating is None
