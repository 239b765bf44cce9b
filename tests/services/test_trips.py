"""Trip planning: offline geocoding, ordered waypoints and distance and fuel-cost estimates."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from wheels_wins.db import session_scope, to_money
from wheels_wins.models import Trip, TripWaypoint
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.repositories import vehicles
from wheels_wins.services import gazetteer, geo
from wheels_wins.services.fuel_economy import DEFAULT_CONSUMPTION_L_PER_100KM, DEFAULT_PRICE_PER_LITRE
from wheels_wins.services.trips import (
    Stop,
    UnknownPlace,
    default_title,
    fuel_cost_estimate,
    plan_trip,
    resolve_stop,
    set_stops,
    stops_of,
)
from wheels_wins.services.vehicle_log import log_fuel

UNKNOWN = "Qzxwville Nowhere"


def _counts(session: Session, user_id: uuid.UUID) -> tuple[int, int]:
    trips = session.exec(select(func.count()).select_from(Trip).where(Trip.user_id == user_id)).one()
    stops = session.exec(select(func.count()).select_from(TripWaypoint).where(TripWaypoint.user_id == user_id)).one()
    return trips, stops


def test_plan_sydney_canberra_melbourne(session: Session, make_user) -> None:
    user = make_user()
    vehicles.create(session, user_id=user.id, name="Troopy", consumption_l_per_100km=20.0)
    log_fuel(session, user=user, date=dt.date(2026, 5, 1), litres=Decimal("50"), total_cost=Decimal("100.00"))
    log_fuel(session, user=user, date=dt.date(2026, 5, 8), litres=Decimal("50"), total_cost=Decimal("110.00"))

    trip = plan_trip(session, user=user, places=["sydney", "Canberra", "Melbourne"], start_date=dt.date(2026, 6, 1))
    session.commit()

    stops = trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id)
    assert [(w.position, w.name) for w in stops] == [(0, "Sydney"), (1, "Canberra"), (2, "Melbourne")]
    assert stops[0].lat == pytest.approx(-33.87, abs=0.1) and stops[0].lon == pytest.approx(151.21, abs=0.1)
    assert trip.title == "Sydney to Melbourne"
    assert (trip.status, trip.start_date, trip.distance_source) == ("planning", dt.date(2026, 6, 1), "estimate")
    assert 650 <= trip.distance_km <= 1100
    assert trip.duration_hours == pytest.approx(trip.distance_km / geo.AVERAGE_SPEED_KMH, abs=0.1)

    route = geo.estimate_route([(w.lat, w.lon) for w in stops])
    assert trip.distance_km == round(route.distance_km, 1)
    # 20 L/100 km at the average recent price of 2.100 $/L (2.000 and 2.200).
    expected = to_money(Decimal(str(route.distance_km)) * Decimal("0.2") * Decimal("2.100"))
    assert trip.estimated_fuel_cost == expected
    assert trip.estimated_fuel_cost == fuel_cost_estimate(session, user_id=user.id, distance_km=route.distance_km)
    assert trip.estimated_fuel_cost > 0
    assert float(trip.estimated_fuel_cost) == pytest.approx(trip.distance_km * 0.2 * 2.1, abs=0.05)


def test_a_stop_keeps_the_travellers_spelling_when_only_accents_differ(session: Session, make_user) -> None:
    user = make_user()
    trip = plan_trip(session, user=user, places=["toronto", "montreal", "Québec"])
    session.commit()
    names = [w.name for w in trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id)]
    assert names == ["Toronto", "Montreal", "Québec"]  # English "Montreal" as typed; "Québec" as typed too
    assert trip.title == "Toronto to Québec"


def test_fuel_cost_estimate_falls_back_to_defaults(session: Session, make_user) -> None:
    user = make_user()
    litres = Decimal("500") * Decimal(str(DEFAULT_CONSUMPTION_L_PER_100KM)) / 100
    assert fuel_cost_estimate(session, user_id=user.id, distance_km=500.0) == to_money(litres * DEFAULT_PRICE_PER_LITRE)
    assert fuel_cost_estimate(session, user_id=user.id, distance_km=500.0) == Decimal("136.50")


def test_fuel_cost_estimate_ignores_other_users_prices_and_vehicles(session: Session, make_user) -> None:
    user, other = make_user(), make_user()
    vehicles.create(session, user_id=other.id, name="Guzzler", consumption_l_per_100km=40.0)
    log_fuel(session, user=other, date=dt.date(2026, 5, 1), litres=Decimal("10"), total_cost=Decimal("50.00"))
    assert fuel_cost_estimate(session, user_id=user.id, distance_km=500.0) == Decimal("136.50")


def test_unknown_place_names_the_stop_and_writes_nothing(engine, make_user) -> None:
    user = make_user()
    with pytest.raises(UnknownPlace) as raised:
        with session_scope() as session:
            plan_trip(session, user=user, places=["Sydney", "Canberra", "Melbourne"], title="Fine trip")
            plan_trip(session, user=user, places=["Sydney", UNKNOWN, "Melbourne"])
    assert raised.value.name == UNKNOWN
    assert UNKNOWN in str(raised.value)
    with session_scope() as session:
        assert _counts(session, user.id) == (0, 0)


def test_unknown_place_is_raised_before_anything_is_added(session: Session, make_user) -> None:
    user = make_user()
    with pytest.raises(UnknownPlace, match=UNKNOWN):
        plan_trip(session, user=user, places=[UNKNOWN, "Melbourne"])
    assert _counts(session, user.id) == (0, 0)


def test_dict_stops_with_coordinates_skip_geocoding(
    session: Session, make_user, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_geocoding(query: str, **_: object) -> None:
        raise AssertionError(f"geocoded {query!r}")

    monkeypatch.setattr(gazetteer, "geocode", no_geocoding)
    user = make_user()
    trip = plan_trip(
        session,
        user=user,
        places=[{"name": "Hidden creek camp", "lat": -33.5, "lon": 150.25}, {"lat": -34.0, "lon": 150.5}],
    )
    session.commit()
    stops = trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id)
    assert [(w.name, w.lat, w.lon) for w in stops] == [
        ("Hidden creek camp", -33.5, 150.25),
        ("-34.0000, 150.5000", -34.0, 150.5),
    ]
    assert trip.title == "Hidden creek camp to -34.0000, 150.5000"
    assert trip.distance_km == round(geo.haversine_km((-33.5, 150.25), (-34.0, 150.5)) * geo.ROAD_FACTOR, 1)


def test_dict_stop_without_coordinates_is_geocoded_by_name() -> None:
    assert resolve_stop({"name": "Canberra"}).name == "Canberra"
    with pytest.raises(UnknownPlace):
        resolve_stop({"name": "", "lat": None, "lon": 149.0})


def test_explicit_title_and_status(session: Session, make_user) -> None:
    user = make_user()
    trip = plan_trip(session, user=user, places=["Adelaide", "Port Augusta"], title="  Up the gulf ", status="active")
    assert (trip.title, trip.status) == ("Up the gulf", "active")


def test_a_single_stop_has_no_distance(session: Session, make_user) -> None:
    user = make_user()
    trip = plan_trip(session, user=user, places=["Broome"])
    assert (trip.title, trip.distance_km, trip.duration_hours, trip.estimated_fuel_cost) == (
        "Broome",
        0.0,
        0.0,
        Decimal("0.00"),
    )


def test_set_stops_replaces_the_waypoints_and_refreshes_estimates(session: Session, make_user) -> None:
    user = make_user()
    trip = plan_trip(session, user=user, places=["Sydney", "Melbourne"])
    first_distance = trip.distance_km
    stops = stops_of(trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id))
    perth = resolve_stop("Perth")
    set_stops(session, user=user, trip=trip, stops=[*stops, perth])
    session.commit()
    assert [w.name for w in trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id)] == [
        "Sydney",
        "Melbourne",
        "Perth",
    ]
    assert trip.distance_km > first_distance + 2000
    assert _counts(session, user.id) == (1, 3)


def test_default_title() -> None:
    assert default_title([]) == "New trip"
    assert default_title([Stop("Alice Springs", -23.7, 133.9)]) == "Alice Springs"
    assert default_title([Stop("A", 0, 0), Stop("B", 0, 1), Stop("C", 0, 2)]) == "A to C"


def test_a_route_resolves_namesakes_in_the_country_its_names_share() -> None:
    from wheels_wins.services.trips import resolve_route

    seattle, portland = resolve_route(["Seattle", "Portland"])
    assert portland.lat > 40 and portland.lon < -120  # Oregon, not Victoria
    sydney, victorian = resolve_route(["Sydney", "Portland"])
    assert victorian.lat < -38 and victorian.lon > 140
    picton, christchurch = resolve_route(["Picton", "Christchurch"])
    assert (picton.lat, picton.lon) == pytest.approx((-41.29, 174.0), abs=0.1)  # New Zealand's, not the NSW town
    london, paris = resolve_route(["London", "Paris"])
    assert london.lon == pytest.approx(-0.13, abs=0.1) and paris.lon == pytest.approx(2.35, abs=0.1)  # not Ohio and Texas
    fort_william, glencoe = resolve_route(["Fort William", "Glencoe"])
    assert glencoe.lat == pytest.approx(56.68, abs=0.1)  # the Highland village, not South Australia's Glencoe
    *_, applecross, durness = resolve_route(["Inverness", "Applecross", "Durness"])
    assert applecross.lon == pytest.approx(-5.81, abs=0.1) and durness.lat == pytest.approx(58.57, abs=0.1)


def test_a_namesake_between_two_stops_is_the_one_beside_them() -> None:
    from wheels_wins.services.trips import resolve_route

    hobart, swansea, st_helens = resolve_route(["Hobart", "Swansea", "St Helens"])
    assert (hobart.lat, swansea.lat, st_helens.lat) == pytest.approx((-42.88, -42.12, -41.32), abs=0.1)  # Tasmania's
    *_, keswick = resolve_route(["Manchester", "Kendal", "Keswick"])
    assert keswick.lat == pytest.approx(54.6, abs=0.1)  # the Lake District's, not Adelaide's suburb
    bayonne, _ = resolve_route(["Bayonne", "Bilbao"])
    assert (bayonne.lat, bayonne.lon) == pytest.approx((43.49, -1.47), abs=0.1)  # France's, not New Jersey's (larger)


async def test_stops_given_by_name_over_rest_are_read_together_offline() -> None:
    from wheels_wins.services.trips import resolve_stops

    stops = await resolve_stops([{"name": "Cardiff"}, {"name": "Swansea"}, "Tenby", {"name": "X", "lat": 51.88, "lon": -5.27}])
    assert [round(s.lat, 1) for s in stops] == [51.5, 51.6, 51.7, 51.9]
