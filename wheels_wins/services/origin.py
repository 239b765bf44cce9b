"""Where distances are measured from, for every screen that lists things by distance (Places, Marketplace).

Unless the traveller picks another, the first known of: the browser's location (only when they allow
it), the first stop of their active (else newest) trip, their home base. The browser is asked with
`PERMISSION_JS` (never prompts) and `LOCATE_JS` (may prompt), whose answers the page states receive.
"""

from __future__ import annotations

import math
import uuid
from typing import Any

from sqlmodel import Session

from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import geocoding
from wheels_wins.services.units import distance_unit, format_distance, km_to_display

NEAR = "here"
TRIP = "trip"
HOME = "home"
NEWEST = "newest"
ORIGIN_ORDER: tuple[str, ...] = (NEAR, TRIP, HOME)
"""Where distances are measured from when the traveller hasn't chosen: the first of these that is known."""

Origin = tuple[str, float, float]
"""A point distances are measured from: (label, lat, lon)."""

# Resolves to "granted", "prompt", "denied" or "unsupported" without ever prompting.
PERMISSION_JS = """(navigator.permissions && navigator.geolocation
  ? navigator.permissions.query({name: "geolocation"}).then((p) => p.state, () => "prompt")
  : Promise.resolve(navigator.geolocation ? "prompt" : "unsupported"))"""
# Resolves to {status, lat, lon}; never rejects, so a refusal reaches the server as "denied".
LOCATE_JS = """new Promise((resolve) => {
  if (!navigator.geolocation) { resolve({status: "unsupported"}); return; }
  navigator.geolocation.getCurrentPosition(
    (p) => resolve({status: "ok", lat: p.coords.latitude, lon: p.coords.longitude}),
    (e) => resolve({status: e.code === 1 ? "denied" : "unavailable"}),
    {maximumAge: 300000, timeout: 15000});
})"""
PERMISSIONS: tuple[str, ...] = ("granted", "prompt", "denied", "unsupported")


def valid_point(lat: Any, lon: Any) -> tuple[float, float] | None:
    """(lat, lon) when both are finite degrees in range, else None."""
    try:
        point = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    if not all(math.isfinite(v) for v in point) or not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        return None
    return point


def browser_point(answer: Any) -> tuple[str, tuple[float, float] | None]:
    """The browser's answer to `LOCATE_JS` as (status, point): ("ok", point), or ("denied"/"unavailable", None)."""
    answer = answer if isinstance(answer, dict) else {}
    status = str(answer.get("status", "unavailable"))
    point = valid_point(answer.get("lat"), answer.get("lon")) if status == "ok" else None
    if point is None:
        return ("denied" if status == "denied" else "unavailable"), None
    return "ok", point


def first_stop(session: Session, *, user_id: uuid.UUID) -> Origin | None:
    """The first stop of the active (else planning, else newest) trip, labelled with the trip."""
    trip = trip_repo.active(session, user_id=user_id)
    if trip is None:
        newest, _ = trip_repo.list_page(session, user_id=user_id, limit=1)
        trip = newest[0] if newest else None
    if trip is None:
        return None
    stops = trip_repo.waypoints(session, user_id=user_id, trip_id=trip.id)
    return (f"{stops[0].name} — start of {trip.title}", stops[0].lat, stops[0].lon) if stops else None


async def home_origin(home_base: str) -> Origin | None:
    """The user's home base looked up by name (offline gazetteer unless a geocoder is set), or None."""
    home = home_base.strip()
    found = await geocoding.geocode(home) if home else None
    return (f"home base, {found.name}", found.lat, found.lon) if found else None


def known_origins(
    session: Session, *, user_id: uuid.UUID, here: Origin | None, home: Origin | None
) -> dict[str, Origin]:
    """Every point distances could be measured from, in ORIGIN_ORDER, leaving out the unknown ones."""
    found = ((NEAR, here), (TRIP, first_stop(session, user_id=user_id)), (HOME, home))
    return {key: point for key, point in found if point}


def choose(known: dict[str, Origin], choice: str) -> str:
    """The origin to use: the chosen one when known, else the first known in ORIGIN_ORDER; '' for none or NEWEST."""
    if choice == NEWEST:
        return ""
    if choice in known:
        return choice
    return next((key for key in ORIGIN_ORDER if key in known), "")


def short_distance_label(km: float, units: str) -> str:
    """'12 km', '3.4 mi' or '< 0.1 km': whole units from 10 up, one decimal below, in the user's units."""
    value = km_to_display(km, units)
    unit = distance_unit(units)
    if value < 0.1:
        return f"< 0.1 {unit}"
    if value < 10:
        return f"{value:.1f} {unit}"
    return format_distance(km, units)
