"""Marketplace listings: every signed-in user browses; only the seller edits, deletes or adds photos (else 404)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, File, Query, Response, UploadFile, status
from sqlmodel import Session

from wheels_wins.api.deps import CurrentUser, SessionDep, parse_id, per_user_rate_limit
from wheels_wins.api.errors import ERROR_RESPONSES, ApiError, ErrorEnvelope, invalid, not_found
from wheels_wins.api.schemas.market import (
    Condition,
    ListingCreate,
    ListingPage,
    ListingPublic,
    ListingUpdate,
    Price,
    Sort,
    Status,
)
from wheels_wins.models import User
from wheels_wins.repositories import listing_photos as photo_repo
from wheels_wins.repositories import listings as listing_repo
from wheels_wins.services import market, photos
from wheels_wins.services.origin import valid_point

router = APIRouter(prefix="/listings", tags=["marketplace"], responses={401: ERROR_RESPONSES[401]})
_404 = {404: ERROR_RESPONSES[404]}
_422 = {422: ERROR_RESPONSES[422]}
_429 = {429: {"model": ErrorEnvelope, "description": "Too many changes; try again shortly"}}
_MB = photos.MAX_PHOTO_BYTES // (1024 * 1024)
_writes = [Depends(per_user_rate_limit("listings_write", limit=60))]


def _public(session: Session, user: User, listing_id: str, *, km: float | None = None) -> ListingPublic:
    target = parse_id(listing_id, "listing")
    found = listing_repo.get(session, viewer_id=user.id, listing_id=target)
    if found is None:
        raise not_found("listing")
    pictures = photo_repo.photos_of(session, listing_ids=[target]).get(target, [])
    return ListingPublic.of(*found, viewer_id=user.id, pictures=pictures, km=km)


@router.get("", response_model=ListingPage, summary="Browse the marketplace", responses=_422)
def browse(
    user: CurrentUser,
    session: SessionDep,
    q: Annotated[str, Query(max_length=120, description="Words in the title or description")] = "",
    condition: Condition | None = None,
    status_: Annotated[
        list[Status] | None, Query(alias="status", description="Repeat for several; only `available` when absent")
    ] = None,
    max_price: Annotated[Price | None, Query(description="The highest price, in the seller's currency")] = None,
    near: Annotated[
        str | None, Query(description="`lat,lon` to measure distances from", examples=["-32.25,148.6"])
    ] = None,
    within_km: Annotated[float | None, Query(gt=0, le=20000, description="Only listings this close to `near`")] = None,
    sort: Annotated[Sort, Query(description="`nearest` needs `near`; otherwise newest first")] = "newest",
    mine: Annotated[bool, Query(description="Only the signed-in user's own listings (every status)")] = False,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 24,
) -> ListingPage:
    """Listings matching the filters, with their sellers' display names, photos and (given `near`) distances."""
    point = None
    if near is not None:
        lat, _, lon = near.partition(",")
        point = valid_point(lat, lon)
        if point is None:
            raise invalid("near", "must be `lat,lon` in degrees, such as -32.25,148.6")
    if within_km is not None and point is None:
        raise invalid("within_km", "needs `near`, the point to measure from")
    statuses = tuple(status_ or (market.STATUSES if mine else ("available",)))
    query = listing_repo.ListingQuery(
        text=q,
        condition=condition,
        statuses=statuses,
        max_price=max_price,
        seller_id=user.id if mine else None,
        near=point,
        within_km=within_km,
        sort=sort,
    )
    after = None
    if cursor:
        after = market.decode_cursor(cursor)
        if after is None or not listing_repo.cursor_fits(query, after):
            raise invalid("cursor", "is not a cursor this list gave out")
    rows, total, next_cursor = listing_repo.browse(session, viewer_id=user.id, query=query, limit=limit, after=after)
    pictures = photo_repo.photos_of(session, listing_ids=[listing.id for listing, _, _ in rows])
    return ListingPage(
        items=[
            ListingPublic.of(listing, seller, viewer_id=user.id, pictures=pictures.get(listing.id, []), km=km)
            for listing, seller, km in rows
        ],
        total=total,
        next_cursor=market.encode_cursor(next_cursor) if next_cursor else None,
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ListingPublic,
    summary="List something for sale",
    dependencies=_writes,
    responses={**_422, **_429},
)
def create_listing(body: ListingCreate, user: CurrentUser, session: SessionDep) -> ListingPublic:
    """Put something up for sale; add photos with `POST /listings/{id}/photos`."""
    listing = listing_repo.create(session, user_id=user.id, **body.model_dump())
    return _public(session, user, str(listing.id))


@router.get("/{listing_id}", response_model=ListingPublic, summary="Get a listing", responses=_404)
def get_listing(listing_id: str, user: CurrentUser, session: SessionDep) -> ListingPublic:
    """Any listing, whatever its status."""
    return _public(session, user, listing_id)


@router.patch(
    "/{listing_id}",
    response_model=ListingPublic,
    summary="Edit a listing or change its status",
    dependencies=_writes,
    responses={**_404, **_422, **_429},
)
def update_listing(listing_id: str, body: ListingUpdate, user: CurrentUser, session: SessionDep) -> ListingPublic:
    """Edit one of the user's own listings, or mark it pending or sold (anyone else's answers 404)."""
    changed = listing_repo.update(
        session, user_id=user.id, listing_id=parse_id(listing_id, "listing"), changes=body.changes()
    )
    if changed is None:
        raise not_found("listing")
    return _public(session, user, listing_id)


@router.delete(
    "/{listing_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a listing",
    dependencies=_writes,
    responses={**_404, **_429},
)
def delete_listing(listing_id: str, user: CurrentUser, session: SessionDep, background: BackgroundTasks) -> Response:
    """Delete one of the user's own listings with its photos (anyone else's answers 404)."""
    paths = listing_repo.delete(session, user_id=user.id, listing_id=parse_id(listing_id, "listing"))
    if paths is None:
        raise not_found("listing")
    for path in paths:  # after the commit, so a rollback keeps the files
        background.add_task(photos.remove, path)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{listing_id}/photos",
    status_code=status.HTTP_201_CREATED,
    response_model=ListingPublic,
    summary="Add a photo to a listing",
    dependencies=[Depends(per_user_rate_limit("listing_photos", limit=30))],
    responses={
        **_404,
        413: {"model": ErrorEnvelope, "description": f"`file_too_large`: over {_MB} MB"},
        422: ERROR_RESPONSES[422],
        **_429,
    },
)
def add_photo(
    listing_id: str,
    user: CurrentUser,
    session: SessionDep,
    background: BackgroundTasks,
    photo: Annotated[UploadFile, File(description=f"A {photos.ACCEPTED} image, at most {_MB} MB")],
) -> ListingPublic:
    """Add a photo after the others (the first is the cover; at most six) to one of the user's own listings.

    The image is checked by its content, turned upright, shrunk and re-encoded as a JPEG without
    metadata, as for post photos. 422 codes: `empty_file`, `unsupported_photo`, `corrupt_photo`,
    `photo_too_big`, `too_many_photos`."""
    target = parse_id(listing_id, "listing")
    if listing_repo.get_own(session, user_id=user.id, listing_id=target) is None:
        raise not_found("listing")
    if len(photo_repo.photos_of(session, listing_ids=[target]).get(target, [])) >= market.MAX_PHOTOS:
        raise invalid("photo", f"a listing can have up to {market.MAX_PHOTOS} photos", "too_many_photos")
    try:
        clean = photos.clean(photo.file.read(photos.MAX_PHOTO_BYTES + 1))
    except photos.PhotoError as exc:
        raise ApiError(exc.status, exc.code, exc.message) from None
    stored = photos.store(clean, user_id=user.id, folder=market.PHOTO_FOLDER)
    if photo_repo.add_photo(session, user_id=user.id, listing_id=target, photo_path=stored) is None:
        background.add_task(photos.remove, stored)
        raise not_found("listing")
    return _public(session, user, listing_id)


@router.delete(
    "/{listing_id}/photos/{photo_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Remove a photo from a listing",
    dependencies=_writes,
    responses={**_404, **_429},
)
def remove_photo(
    listing_id: str, photo_id: str, user: CurrentUser, session: SessionDep, background: BackgroundTasks
) -> Response:
    """Take a photo off one of the user's own listings."""
    path = photo_repo.remove_photo(
        session,
        user_id=user.id,
        listing_id=parse_id(listing_id, "listing"),
        photo_id=parse_id(photo_id, "photo"),
    )
    if path is None:
        raise not_found("photo")
    background.add_task(photos.remove, path)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{listing_id}/interest",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Tell the seller you're interested",
    dependencies=_writes,
    responses={**_404, **_422, **_429},
)
def express_interest(listing_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Notify the seller (once per buyer and listing; asking again is fine and says nothing new)."""
    told = listing_repo.express_interest(session, user_id=user.id, listing_id=parse_id(listing_id, "listing"))
    if told is None:
        raise not_found("listing")
    if not told:
        raise invalid("listing_id", "it's your own listing, or it has been sold")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
