"""Marketplace listings: every signed-in user browses; only the seller changes a listing (photos: `listing_photos`).

Browsing filters by words, condition, price, status and seller in SQL. A distance filter first keeps the
listings inside a latitude/longitude box around the origin (in SQL, so the index narrows the rows), then
measures the great-circle distance to each (`services.geo.haversine_km`) and keeps those within the radius.
Pages are keyset pages: a `Cursor` names where the last one ended, so new listings never shift them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, or_
from sqlmodel import Session, col, select

from wheels_wins.models import ListingPhoto, MarketplaceListing, Notification, User
from wheels_wins.repositories import notifications, row_security
from wheels_wins.repositories.listing_photos import photos_of
from wheels_wins.repositories.owned import add, delete_owned, get_owned, row_values, update_owned
from wheels_wins.services.geo import EARTH_RADIUS_KM, haversine_km
from wheels_wins.services.market import NEAREST, NEWEST, PRICE, listing_link

Cursor = tuple[str, uuid.UUID]
"""Where a page ended: the last listing's sort value as text ('' for no distance) and its id."""
Found = tuple[MarketplaceListing, User, float | None]
"""A listing, its seller and its distance in km from the origin (None without an origin or coordinates)."""
_KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180


@dataclasses.dataclass(frozen=True)
class ListingQuery:
    """What to browse: words, filters, the origin and radius (km), and the order (NEAREST, NEWEST or PRICE)."""

    text: str = ""
    condition: str | None = None
    statuses: tuple[str, ...] = ("available",)
    max_price: Decimal | None = None
    seller_id: uuid.UUID | None = None
    near: tuple[float, float] | None = None
    within_km: float | None = None
    sort: str = NEWEST


def create(session: Session, *, user_id: uuid.UUID, **fields: Any) -> MarketplaceListing:
    """List something for sale as user_id."""
    row_security.as_user(session, user_id)
    return add(session, MarketplaceListing(user_id=user_id, **fields))


def get_own(session: Session, *, user_id: uuid.UUID, listing_id: uuid.UUID) -> MarketplaceListing | None:
    """One of the user's own listings."""
    row_security.as_user(session, user_id)
    return get_owned(session, MarketplaceListing, user_id=user_id, record_id=listing_id)


def get(session: Session, *, viewer_id: uuid.UUID, listing_id: uuid.UUID) -> tuple[MarketplaceListing, User] | None:
    """Any listing (the marketplace is open to every signed-in user) with its seller."""
    row_security.as_user(session, viewer_id)
    row = session.exec(
        select(MarketplaceListing, User)
        .join(User, col(User.id) == MarketplaceListing.user_id)
        .where(MarketplaceListing.id == listing_id)
    ).first()
    return (row[0], row[1]) if row else None


def update(
    session: Session, *, user_id: uuid.UUID, listing_id: uuid.UUID, changes: Mapping[str, Any]
) -> MarketplaceListing | None:
    """Edit the user's own listing."""
    row_security.as_user(session, user_id)
    return update_owned(session, MarketplaceListing, user_id=user_id, record_id=listing_id, changes=changes)


def delete(session: Session, *, user_id: uuid.UUID, listing_id: uuid.UUID) -> list[str] | None:
    """Delete the user's own listing and its photo rows; the stored files to remove once this commits, or None."""
    row_security.as_user(session, user_id)
    listing = get_own(session, user_id=user_id, listing_id=listing_id)
    if listing is None:
        return None
    paths = [photo.photo_path for photo in photos_of(session, listing_ids=[listing.id]).get(listing.id, [])]
    for photo in session.exec(select(ListingPhoto).where(ListingPhoto.listing_id == listing.id)).all():
        session.delete(photo)
    session.flush()
    delete_owned(session, MarketplaceListing, user_id=user_id, record_id=listing.id)
    return paths


def delete_keeping(session: Session, *, user_id: uuid.UUID, listing_id: uuid.UUID) -> dict[str, Any] | None:
    """Delete the user's own listing; its values and its photos' (for `restore`), or None when not theirs."""
    row_security.as_user(session, user_id)
    listing = get_own(session, user_id=user_id, listing_id=listing_id)
    if listing is None:
        return None
    kept = {
        "listing": row_values(listing),
        "photos": [row_values(p) for p in photos_of(session, listing_ids=[listing_id]).get(listing_id, [])],
    }
    delete(session, user_id=user_id, listing_id=listing_id)
    return kept


def restore(session: Session, *, user_id: uuid.UUID, kept: dict[str, Any]) -> bool:
    """Put back a listing `delete_keeping` removed, with its photos (by its seller only)."""
    row_security.as_user(session, user_id)
    if kept["listing"]["user_id"] != user_id:
        return False
    session.add(MarketplaceListing(**kept["listing"]))
    session.flush()
    session.add_all(ListingPhoto(**values) for values in kept["photos"])
    session.flush()
    return True


def _conditions(query: ListingQuery) -> list[Any]:
    conditions: list[Any] = []
    if query.statuses:
        conditions.append(col(MarketplaceListing.status).in_(query.statuses))
    if query.condition:
        conditions.append(MarketplaceListing.condition == query.condition)
    if query.max_price is not None:
        conditions.append(col(MarketplaceListing.price) <= query.max_price)
    if query.seller_id is not None:
        conditions.append(MarketplaceListing.user_id == query.seller_id)
    for word in query.text.split()[:8]:
        conditions.append(
            or_(
                col(MarketplaceListing.title).icontains(word, autoescape=True),
                col(MarketplaceListing.description).icontains(word, autoescape=True),
            )
        )
    return conditions


def bounding_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float] | None:
    """(south, north, west, east) around a point, enclosing every point within `km`; None when it spans a pole or ±180°."""
    dlat = km / _KM_PER_DEGREE
    south, north = lat - dlat, lat + dlat
    if south <= -90 or north >= 90:
        return None
    dlon = km / (_KM_PER_DEGREE * math.cos(math.radians(max(abs(south), abs(north)))))
    west, east = lon - dlon, lon + dlon
    if west < -180 or east > 180:
        return None
    return south, north, west, east


def _in_box(query: ListingQuery) -> list[Any]:
    if query.near is None or query.within_km is None:
        return []
    found: list[Any] = [col(MarketplaceListing.lat).is_not(None), col(MarketplaceListing.lon).is_not(None)]
    box = bounding_box(*query.near, query.within_km)
    if box is not None:
        south, north, west, east = box
        found += [
            col(MarketplaceListing.lat).between(south, north),
            col(MarketplaceListing.lon).between(west, east),
        ]
    return found


def _distance(query: ListingQuery, lat: float | None, lon: float | None) -> float | None:
    if query.near is None or lat is None or lon is None:
        return None
    return haversine_km(query.near, (lat, lon))


def cursor_of(query: ListingQuery, listing: MarketplaceListing, km: float | None) -> Cursor:
    """The cursor of the page ending at this listing."""
    if query.sort == PRICE:
        return f"{listing.price:.2f}", listing.id
    if query.sort == NEAREST and query.near is not None:
        return ("" if km is None else repr(km)), listing.id
    return listing.created_at.isoformat(), listing.id


def _sort_key(sort: str, created: dt.datetime, price: Decimal, km: float | None, listing_id: uuid.UUID) -> tuple:
    if sort == PRICE:
        return (price, listing_id.int)
    if sort == NEAREST:
        return (km is None, km or 0.0, listing_id.int)
    return (-created.timestamp(), -listing_id.int)


def _cursor_key(sort: str, cursor: Cursor) -> tuple:
    value, listing_id = cursor
    if sort == PRICE:
        return (Decimal(value), listing_id.int)
    if sort == NEAREST:
        return (value == "", float(value) if value else 0.0, listing_id.int)
    return (-dt.datetime.fromisoformat(value).timestamp(), -listing_id.int)


def _sorted_in_python(
    session: Session, query: ListingQuery, conditions: list[Any]
) -> list[tuple[tuple, uuid.UUID, float | None]]:
    """(sort key, id, km) of every match, measured exactly: used when the radius or the order needs distances."""
    rows = session.exec(
        select(
            MarketplaceListing.id,
            MarketplaceListing.lat,
            MarketplaceListing.lon,
            MarketplaceListing.created_at,
            MarketplaceListing.price,
        ).where(*conditions, *_in_box(query))
    ).all()
    ranked = []
    for listing_id, lat, lon, created, price in rows:
        km = _distance(query, lat, lon)
        if query.within_km is not None and (km is None or km > query.within_km):
            continue
        ranked.append((_sort_key(query.sort, created, price, km, listing_id), listing_id, km))
    ranked.sort(key=lambda item: item[0])
    return ranked


def _keyset(query: ListingQuery, cursor: Cursor) -> Any:
    value, last_id = cursor
    if query.sort == PRICE:
        price = Decimal(value)
        return or_(
            col(MarketplaceListing.price) > price,
            and_(col(MarketplaceListing.price) == price, col(MarketplaceListing.id) > last_id),
        )
    created = dt.datetime.fromisoformat(value)
    return or_(
        col(MarketplaceListing.created_at) < created,
        and_(col(MarketplaceListing.created_at) == created, col(MarketplaceListing.id) < last_id),
    )


def _with_sellers(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[MarketplaceListing, User]]:
    if not ids:
        return {}
    rows = session.exec(
        select(MarketplaceListing, User)
        .join(User, col(User.id) == MarketplaceListing.user_id)
        .where(col(MarketplaceListing.id).in_(ids))
    ).all()
    return {listing.id: (listing, seller) for listing, seller in rows}


def browse(
    session: Session, *, viewer_id: uuid.UUID, query: ListingQuery, limit: int = 24, after: Cursor | None = None
) -> tuple[list[Found], int, Cursor | None]:
    """One page of matching listings with their sellers and distances, the number of matches, and the next cursor."""
    row_security.as_user(session, viewer_id)
    conditions = _conditions(query)
    if query.sort == NEAREST and query.near is None:
        query = dataclasses.replace(query, sort=NEWEST)
    if query.within_km is not None and query.near is None:
        query = dataclasses.replace(query, within_km=None)
    if query.near is not None and (query.within_km is not None or query.sort == NEAREST):
        ranked = _sorted_in_python(session, query, conditions)
        total = len(ranked)
        if after is not None:
            start = _cursor_key(query.sort, after)
            ranked = [item for item in ranked if item[0] > start]
        page = ranked[:limit]
        found = _with_sellers(session, [listing_id for _, listing_id, _ in page])
        items = [(*found[listing_id], km) for _, listing_id, km in page if listing_id in found]
        more = len(ranked) > limit
    else:
        total = count(session, query=query)
        order = (
            (col(MarketplaceListing.price).asc(), col(MarketplaceListing.id).asc())
            if query.sort == PRICE
            else (col(MarketplaceListing.created_at).desc(), col(MarketplaceListing.id).desc())
        )
        keyset = [_keyset(query, after)] if after is not None else []
        rows = session.exec(
            select(MarketplaceListing, User)
            .join(User, col(User.id) == MarketplaceListing.user_id)
            .where(*conditions, *keyset)
            .order_by(*order)
            .limit(limit + 1)
        ).all()
        more = len(rows) > limit
        items = [(listing, seller, _distance(query, listing.lat, listing.lon)) for listing, seller in rows[:limit]]
    last = items[-1] if items and more else None
    return items, total, (cursor_of(query, last[0], last[2]) if last else None)


def count(session: Session, *, query: ListingQuery) -> int:
    """How many listings match the query's filters (its radius aside)."""
    return int(session.exec(select(func.count()).select_from(MarketplaceListing).where(*_conditions(query))).one())


def express_interest(session: Session, *, user_id: uuid.UUID, listing_id: uuid.UUID) -> bool | None:
    """Tell the seller that user_id is interested, once per buyer and listing.

    None when the listing is gone; False when it is the user's own or not available; True otherwise
    (also when the seller was told before: asking twice is not an error, it just says nothing new)."""
    row_security.as_user(session, user_id)
    found = get(session, viewer_id=user_id, listing_id=listing_id)
    if found is None:
        return None
    listing, _ = found
    buyer = session.get(User, user_id)
    if listing.user_id == user_id or listing.status == "sold" or buyer is None:
        return False
    notifications.notify_once(
        session,
        user_id=listing.user_id,
        kind="listing_interest",
        title=f"{buyer.full_name or 'A traveller'} is interested in “{listing.title}”",
        body="Mark it pending once it's spoken for, and sold when it has gone.",
        link=listing_link(listing.id),
        dedupe_key=_interest_key(listing.id, user_id),
    )
    return True


def _interest_key(listing_id: uuid.UUID, buyer_id: uuid.UUID) -> str:
    return f"listing_interest:{listing_id}:{buyer_id}"


def interest_sent(session: Session, *, user_id: uuid.UUID, listing_id: uuid.UUID) -> bool:
    """Whether user_id has told the seller they're interested in this listing (and the seller still has the note)."""
    row_security.as_user(session, user_id)
    key = _interest_key(listing_id, user_id)
    with row_security.system(session):  # the note is the seller's; its key names this buyer
        return session.exec(select(Notification.id).where(Notification.dedupe_key == key)).first() is not None


def cursor_fits(query: ListingQuery, cursor: Cursor) -> bool:
    """Whether a cursor can continue this query's order (a price cursor can't continue a newest-first list)."""
    try:
        _cursor_key(query.sort if query.near is not None else (PRICE if query.sort == PRICE else NEWEST), cursor)
    except (ValueError, ArithmeticError):
        return False
    return True
