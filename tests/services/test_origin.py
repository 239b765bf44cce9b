"""Where distances are measured from: the browser, the trip's first stop, the home base, in that order."""

from __future__ import annotations

from sqlmodel import Session

from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import origin


def test_choose_prefers_the_browser_then_the_trip_then_home() -> None:
    here, trip, home = ("your location", 1.0, 2.0), ("Dubbo — start of Loop", 3.0, 4.0), ("home base, Orange", 5.0, 6.0)
    assert origin.choose({origin.NEAR: here, origin.TRIP: trip, origin.HOME: home}, "") == origin.NEAR
    assert origin.choose({origin.TRIP: trip, origin.HOME: home}, "") == origin.TRIP
    assert origin.choose({origin.HOME: home}, "") == origin.HOME
    assert origin.choose({origin.HOME: home, origin.TRIP: trip}, origin.HOME) == origin.HOME  # a choice wins
    assert origin.choose({origin.HOME: home}, origin.NEAR) == origin.HOME  # unknown choice: the first known
    assert origin.choose({origin.HOME: home}, origin.NEWEST) == "" and origin.choose({}, "") == ""


def test_browser_answers() -> None:
    assert origin.browser_point({"status": "ok", "lat": -32.25, "lon": 148.6}) == ("ok", (-32.25, 148.6))
    assert origin.browser_point({"status": "ok", "lat": 123, "lon": 0}) == ("unavailable", None)
    assert origin.browser_point({"status": "denied"}) == ("denied", None)
    assert origin.browser_point("junk") == ("unavailable", None)


def test_first_stop_of_the_active_trip(session: Session, make_user) -> None:
    user = make_user()
    assert origin.first_stop(session, user_id=user.id) is None
    trip = trip_repo.create(session, user_id=user.id, title="Outback loop")
    assert origin.first_stop(session, user_id=user.id) is None  # no stops yet
    trip_repo.replace_waypoints(
        session, user_id=user.id, trip_id=trip.id, stops=[("Dubbo", -32.25, 148.6), ("Bourke", -30.09, 145.94)]
    )
    assert origin.first_stop(session, user_id=user.id) == ("Dubbo — start of Outback loop", -32.25, 148.6)
    known = origin.known_origins(session, user_id=user.id, here=None, home=("home base, Orange", -33.28, 149.1))
    assert list(known) == [origin.TRIP, origin.HOME]


def test_short_distance_labels() -> None:
    assert origin.short_distance_label(0.05, "metric") == "< 0.1 km"
    assert origin.short_distance_label(3.44, "metric") == "3.4 km"
    assert origin.short_distance_label(124.6, "metric") == "125 km"
    assert origin.short_distance_label(124.6, "imperial") == "77 mi"
