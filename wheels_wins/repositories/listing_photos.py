"""A marketplace listing's photos, in order (the first is the cover); only the seller changes them."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlmodel import Session, col, select

from wheels_wins.models import ListingPhoto, MarketplaceListing
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import add, get_owned
from wheels_wins.services.market import MAX_PHOTOS


def photos_of(session: Session, *, listing_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[ListingPhoto]]:
    """The photos of these listings in their order (the first is the cover)."""
    ids = list(listing_ids)
    if not ids:
        return {}
    rows = session.exec(
        select(ListingPhoto)
        .where(col(ListingPhoto.listing_id).in_(ids))
        .order_by(col(ListingPhoto.position), col(ListingPhoto.created_at))
    ).all()
    found: dict[uuid.UUID, list[ListingPhoto]] = {}
    for photo in rows:
        found.setdefault(photo.listing_id, []).append(photo)
    return found


def get_photo(session: Session, *, photo_id: uuid.UUID) -> ListingPhoto | None:
    """Any listing's photo, for a signed-in user or a signed photo URL (which is what grants seeing it)."""
    with row_security.system(session):
        return session.get(ListingPhoto, photo_id)


def add_photo(session: Session, *, user_id: uuid.UUID, listing_id: uuid.UUID, photo_path: str) -> ListingPhoto | None:
    """Add a stored photo after the others on the user's own listing; None when not theirs or already full."""
    row_security.as_user(session, user_id)
    if get_owned(session, MarketplaceListing, user_id=user_id, record_id=listing_id) is None:
        return None
    existing = photos_of(session, listing_ids=[listing_id]).get(listing_id, [])
    if len(existing) >= MAX_PHOTOS:
        return None
    position = max((photo.position for photo in existing), default=-1) + 1
    return add(session, ListingPhoto(user_id=user_id, listing_id=listing_id, photo_path=photo_path, position=position))


def remove_photo(session: Session, *, user_id: uuid.UUID, listing_id: uuid.UUID, photo_id: uuid.UUID) -> str | None:
    """Take a photo off the user's own listing; its stored path (to remove after the commit), or None."""
    row_security.as_user(session, user_id)
    photo = session.exec(
        select(ListingPhoto).where(
            ListingPhoto.id == photo_id, ListingPhoto.listing_id == listing_id, ListingPhoto.user_id == user_id
        )
    ).first()
    if photo is None:
        return None
    path = photo.photo_path
    session.delete(photo)
    session.flush()
    return path


def set_photos(session: Session, *, user_id: uuid.UUID, listing_id: uuid.UUID, paths: list[str]) -> list[str] | None:
    """Make the listing's photos exactly `paths` in that order; the stored paths no longer used, or None."""
    row_security.as_user(session, user_id)
    if get_owned(session, MarketplaceListing, user_id=user_id, record_id=listing_id) is None:
        return None
    wanted = list(dict.fromkeys(paths))[:MAX_PHOTOS]
    existing = {photo.photo_path: photo for photo in photos_of(session, listing_ids=[listing_id]).get(listing_id, [])}
    dropped = [path for path in existing if path not in wanted]
    for path in dropped:
        session.delete(existing[path])
    for position, path in enumerate(wanted):
        photo = existing.get(path) or ListingPhoto(user_id=user_id, listing_id=listing_id, photo_path=path)
        photo.position = position
        session.add(photo)
    session.flush()
    return dropped


def photo_paths(session: Session, *, user_id: uuid.UUID) -> set[str]:
    """The stored photos the user's listings use."""
    row_security.as_user(session, user_id)
    return set(session.exec(select(ListingPhoto.photo_path).where(ListingPhoto.user_id == user_id)).all())
