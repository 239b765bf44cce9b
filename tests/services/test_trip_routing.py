"""Trips by road: estimates saved first, refined by a router (an OSRM stub) when it answers; legs, lines, reordering."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlmodel import Session

from tests.stubs.geo_services import NominatimStub, OsrmStub, nominatim_place
from tests.stubs.server import free_port, serve
from wheels_wins.db import session_scope, to_money
from wheels_wins.models import Trip, User
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import geo, routing
from wheels_wins.services.fuel_economy import DEFAULT_CONSUMPTION_L_PER_100KM, DEFAULT_PRICE_PER_LITRE
from wheels_wins.services.trips import (
    Stop,
    UnknownPlace,
    optimise_stops,
    plan_trip,
    refine_route,
    resolve_stop,
    resolve_stops,
    set_stops,
)
from wheels_wins.settings import Settings


@pytest.fixture
def osrm() -> OsrmStub:
    return OsrmStub()


@pytest.fixture
def routed(osrm: OsrmStub) -> Iterator[Settings]:
    with serve(osrm.app) as url:
        yield Settings(routing_url=url, routing_timeout_seconds=2)


def _planned(session: Session, user: User, places: list[str]) -> Trip:
    trip = plan_trip(session, user=user, places=places)
    session.commit()
    return trip


def _reload(session: Session, user: User, trip: Trip) -> Trip:
    session.expire_all()
    found = trip_repo.get(session, user_id=user.id, trip_id=trip.id)
    assert found is not None
    return found


def test_saving_stops_stores_the_estimate_with_legs(session: Session, make_user) -> None:
    user = make_user()
    trip = _planned(session, user, ["Sydney", "Canberra", "Melbourne"])
    stops = trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id)
    estimate = geo.estimate_route([(w.lat, w.lon) for w in stops])
    assert (trip.distance_source, trip.route_geometry) == ("estimate", None)
    assert [w.leg_km for w in stops] == [None, *(round(leg.distance_km, 1) for leg in estimate.legs)]
    assert stops[1].leg_hours == pytest.approx(estimate.legs[0].duration_hours, abs=0.01)


async def test_refine_stores_the_routed_figures(engine, make_user, osrm: OsrmStub, routed: Settings) -> None:
    user = make_user()
    with Session(engine, expire_on_commit=False) as session:
        trip = _planned(session, user, ["Sydney", "Canberra", "Melbourne"])
        estimate_km = trip.distance_km

    assert await refine_route(user_id=user.id, trip_id=trip.id, settings=routed) is True

    with Session(engine) as session:
        trip = _reload(session, user, trip)
        stops = trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id)
        points = [(w.lat, w.lon) for w in stops]
        route = routing.parse_route(osrm.compute_for(points), 2)
        assert route is not None
        assert trip.distance_source == "routed"
        assert trip.distance_km == round(route.distance_km, 1) != estimate_km
        assert trip.duration_hours == round(route.duration_hours, 1)
        litres = Decimal(str(route.distance_km)) * Decimal(str(DEFAULT_CONSUMPTION_L_PER_100KM)) / 100
        assert trip.estimated_fuel_cost == to_money(litres * DEFAULT_PRICE_PER_LITRE)
        assert trip.route_geometry == route.geojson()
        assert trip.route_geometry["coordinates"][0] == pytest.approx([stops[0].lon, stops[0].lat], abs=1e-4)
        assert [w.leg_km for w in stops] == [None, *(round(leg.distance_km, 1) for leg in route.legs)]
    assert len(osrm.requests) == 1

    # Already routed: nothing to ask.
    assert await refine_route(user_id=user.id, trip_id=trip.id, settings=routed) is False
    assert len(osrm.requests) == 1


async def test_new_stops_go_back_to_the_estimate(engine, make_user, routed: Settings) -> None:
    user = make_user()
    with Session(engine, expire_on_commit=False) as session:
        trip = _planned(session, user, ["Sydney", "Melbourne"])
    await refine_route(user_id=user.id, trip_id=trip.id, settings=routed)
    with Session(engine, expire_on_commit=False) as session:
        trip = _reload(session, user, trip)
        set_stops(session, user=user, trip=trip, stops=[resolve_stop("Sydney"), resolve_stop("Dubbo")])
        session.commit()
        trip = _reload(session, user, trip)
        assert (trip.distance_source, trip.route_geometry) == ("estimate", None)
    assert await refine_route(user_id=user.id, trip_id=trip.id, settings=routed) is True


@pytest.mark.parametrize("how", ["unset", "unreachable", "500", "no-route"])
async def test_without_a_route_the_estimate_stays(
    engine, make_user, osrm: OsrmStub, routed: Settings, how: str
) -> None:
    settings = {
        "unset": Settings(routing_url=None),
        "unreachable": Settings(routing_url=f"http://127.0.0.1:{free_port()}"),
    }.get(how, routed)
    if how == "500":
        osrm.script(500, json={"code": "InternalError"})
    if how == "no-route":
        osrm.script(200, json={"code": "NoRoute", "message": "Impossible route between points"})
    user = make_user()
    with Session(engine, expire_on_commit=False) as session:
        trip = _planned(session, user, ["Adelaide", "Port Augusta"])
        before = (trip.distance_km, trip.duration_hours, trip.estimated_fuel_cost)

    assert await refine_route(user_id=user.id, trip_id=trip.id, settings=settings) is False

    with Session(engine) as session:
        trip = _reload(session, user, trip)
        assert (trip.distance_km, trip.duration_hours, trip.estimated_fuel_cost) == before
        assert (trip.distance_source, trip.route_geometry) == ("estimate", None)


async def test_stops_changed_while_routing_win(
    engine, make_user, routed: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = make_user()
    with Session(engine, expire_on_commit=False) as session:
        trip = _planned(session, user, ["Sydney", "Melbourne"])
    real_fetch = routing.fetch_route

    async def fetch_while_someone_edits(points, *, settings=None):
        with session_scope() as session:
            editing = trip_repo.get(session, user_id=user.id, trip_id=trip.id)
            set_stops(session, user=user, trip=editing, stops=[resolve_stop("Sydney"), resolve_stop("Brisbane")])
        return await real_fetch(points, settings=settings)

    monkeypatch.setattr(routing, "fetch_route", fetch_while_someone_edits)
    assert await refine_route(user_id=user.id, trip_id=trip.id, settings=routed) is False

    with Session(engine) as session:
        trip = _reload(session, user, trip)
        names = [w.name for w in trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id)]
        assert names == ["Sydney", "Brisbane"] and trip.distance_source == "estimate"


async def test_refine_leaves_other_users_and_missing_trips_alone(
    engine, make_user, osrm: OsrmStub, routed: Settings
) -> None:
    owner, other = make_user(), make_user()
    with Session(engine, expire_on_commit=False) as session:
        trip = _planned(session, owner, ["Sydney", "Melbourne"])
    assert await refine_route(user_id=other.id, trip_id=trip.id, settings=routed) is False
    assert await refine_route(user_id=owner.id, trip_id=uuid.uuid4(), settings=routed) is False
    with Session(engine, expire_on_commit=False) as session:
        single = _planned(session, owner, ["Broome"])
    assert await refine_route(user_id=owner.id, trip_id=single.id, settings=routed) is False
    assert osrm.requests == []


def test_optimise_reorders_the_middle_and_keeps_the_ends(session: Session, make_user) -> None:
    user = make_user()
    zigzag = ["Sydney", "Adelaide", "Canberra", "Melbourne", "Wagga Wagga", "Perth"]
    trip = _planned(session, user, zigzag)
    before = trip.distance_km

    saved = optimise_stops(session, user=user, trip=trip)
    session.commit()

    names = [w.name for w in trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id)]
    assert names[0] == "Sydney" and names[-1] == "Perth" and sorted(names) == sorted(zigzag)
    assert names == ["Sydney", "Canberra", "Wagga Wagga", "Melbourne", "Adelaide", "Perth"]
    assert saved > 500
    assert trip.distance_km == pytest.approx(before - saved, abs=0.2)
    assert trip.distance_source == "estimate"

    # Already the best order: nothing changes.
    assert optimise_stops(session, user=user, trip=trip) == 0.0
    assert [w.name for w in trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id)] == names


def test_optimise_short_trips_is_a_no_op(session: Session, make_user) -> None:
    user = make_user()
    for places in (["Broome"], ["Sydney", "Perth"], ["Sydney", "Perth", "Melbourne"]):
        trip = _planned(session, user, places)
        assert optimise_stops(session, user=user, trip=trip) == 0.0
        assert [w.name for w in trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id)] == places


async def test_resolve_stops_offline() -> None:
    stops = await resolve_stops(
        ["sydney", {"name": "Canberra"}, {"name": "Camp", "lat": -35.5, "lon": 149.0}, Stop("Mine", -36.0, 148.0)],
        settings=Settings(geocoder_url=None),
    )
    assert [s.name for s in stops] == ["Sydney", "Canberra", "Camp", "Mine"]
    assert stops[1] == resolve_stop("Canberra")
    with pytest.raises(UnknownPlace) as raised:
        await resolve_stops(["Sydney", "Xyzzyplonk Springs", "Nowhere Qqq"], settings=Settings(geocoder_url=None))
    assert raised.value.name == "Xyzzyplonk Springs"
    with pytest.raises(UnknownPlace):
        await resolve_stops([{"name": "  "}], settings=Settings(geocoder_url=None))


async def test_resolve_stops_asks_the_online_geocoder_first() -> None:
    nominatim = NominatimStub({"big4 dubbo": [nominatim_place("BIG4 Dubbo Parklands", -32.2436, 148.619)]})
    with serve(nominatim.app) as url:
        settings = Settings(geocoder_url=url)
        stops = await resolve_stops(["BIG4 Dubbo", "Orange"], settings=settings)
    assert stops[0] == Stop("BIG4 Dubbo Parklands", -32.2436, 148.619)
    assert stops[1] == resolve_stop("Orange")  # nothing online: the gazetteer's answer
    assert [r.query["q"] for r in nominatim.requests] == ["BIG4 Dubbo", "Orange"]
