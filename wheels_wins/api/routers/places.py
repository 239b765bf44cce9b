"""Saved places; `?near=lat,lon` lists them nearest first with the distance to each."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from wheels_wins.api.deps import CurrentUser, PagingDep, SessionDep, parse_id
from wheels_wins.api.errors import ERROR_RESPONSES, invalid, not_found
from wheels_wins.api.schemas.common import Page
from wheels_wins.api.schemas.places import PlaceCreate, PlacePublic, PlaceUpdate
from wheels_wins.models import SavedPlace
from wheels_wins.models.travel import PlaceKind
from wheels_wins.repositories import places as place_repo

router = APIRouter(prefix="/places", tags=["places"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]})


def _public(place: SavedPlace, distance_km: float | None = None) -> PlacePublic:
    view = PlacePublic.model_validate(place)
    if distance_km is not None:
        view.distance_km = round(distance_km, 2)
    return view


def parse_near(value: str) -> tuple[float, float]:
    """`"-33.87,151.21"` as (lat, lon); 422 naming `near` otherwise."""
    problem = invalid("near", "must be 'lat,lon' in degrees, e.g. -33.87,151.21")
    try:
        lat_text, lon_text = value.split(",")
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        raise problem from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):  # NaN fails these too
        raise problem
    return lat, lon


@router.get("", response_model=Page[PlacePublic], summary="List saved places")
def list_places(
    user: CurrentUser,
    session: SessionDep,
    paging: PagingDep,
    near: Annotated[
        str | None,
        Query(description="`lat,lon`: nearest first, each with `distance_km`", examples=["-33.87,151.21"]),
    ] = None,
    kind: Annotated[PlaceKind | None, Query(description="Only places of this kind")] = None,
) -> Page[PlacePublic]:
    """The user's places: most recently saved first, or nearest first to `near`."""
    if near is not None:
        lat, lon = parse_near(near)
        found = place_repo.nearest(
            session, user_id=user.id, lat=lat, lon=lon, kind=kind, limit=paging.limit, offset=paging.offset
        )
        return Page(
            items=[_public(place, km) for place, km in found],
            total=place_repo.count(session, user_id=user.id, kind=kind),
        )
    rows, total = place_repo.list_page(session, user_id=user.id, kind=kind, limit=paging.limit, offset=paging.offset)
    return Page(items=[_public(row) for row in rows], total=total)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=PlacePublic, summary="Save a place")
def create_place(body: PlaceCreate, user: CurrentUser, session: SessionDep) -> PlacePublic:
    """Save a campground, free camp, dump point, fuel stop, mechanic or other place."""
    return _public(place_repo.create(session, user_id=user.id, **body.model_dump()))


@router.get("/{place_id}", response_model=PlacePublic, summary="Get a place", responses={404: ERROR_RESPONSES[404]})
def get_place(place_id: str, user: CurrentUser, session: SessionDep) -> PlacePublic:
    """One of the user's places."""
    place = place_repo.get(session, user_id=user.id, place_id=parse_id(place_id, "place"))
    if place is None:
        raise not_found("place")
    return _public(place)


@router.patch(
    "/{place_id}", response_model=PlacePublic, summary="Update a place", responses={404: ERROR_RESPONSES[404]}
)
def update_place(place_id: str, body: PlaceUpdate, user: CurrentUser, session: SessionDep) -> PlacePublic:
    """Change the fields sent."""
    place = place_repo.update(session, user_id=user.id, place_id=parse_id(place_id, "place"), changes=body.changes())
    if place is None:
        raise not_found("place")
    return _public(place)


@router.delete(
    "/{place_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a place",
    responses={404: ERROR_RESPONSES[404]},
)
def delete_place(place_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Forget a place."""
    if not place_repo.delete(session, user_id=user.id, place_id=parse_id(place_id, "place")):
        raise not_found("place")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
