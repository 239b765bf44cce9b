"""A listing as a card shows it: built on the server so the browser gets ready-made text and signed photo URLs."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session

from wheels_wins.components.format import ago_label
from wheels_wins.models import ListingPhoto, MarketplaceListing, User
from wheels_wins.repositories import listing_photos as photo_repo
from wheels_wins.repositories import listings as listing_repo
from wheels_wins.services import market, origin, photos
from wheels_wins.services.money import zone


@dataclasses.dataclass
class ListingCard:
    """A listing as its card (and the detail dialog) shows it."""

    id: str = ""
    title: str = ""
    price: str = ""
    condition: str = ""
    location: str = ""
    distance: str = ""
    status: str = "available"
    status_label: str = ""
    cover_url: str = ""
    photo_urls: list[str] = dataclasses.field(default_factory=list)
    description: str = ""
    seller: str = ""
    when: str = ""
    mine: bool = False


def listing_card(
    listing: MarketplaceListing, seller: User, km: float | None, pictures: list[ListingPhoto], *, viewer: User
) -> ListingCard:
    """What `viewer` sees of a listing: the price in the seller's currency, the distance in the viewer's units."""
    urls = [photos.signed_url(photo.id, kind="listing") for photo in pictures]
    return ListingCard(
        id=str(listing.id),
        title=listing.title,
        price=market.price_label(listing.price, seller.currency),
        condition=market.condition_label(listing.condition),
        location=listing.location,
        distance="" if km is None else f"{origin.short_distance_label(km, viewer.units)} away",
        status=listing.status,
        status_label=market.status_label(listing.status),
        cover_url=urls[0] if urls else "",
        photo_urls=urls,
        description=listing.description,
        seller=seller.full_name or "A traveller",
        when=ago_label(listing.created_at, dt.datetime.now(zone(viewer.timezone))),
        mine=listing.user_id == viewer.id,
    )


def cards_for(session: Session, viewer: User, rows: list[listing_repo.Found]) -> list[ListingCard]:
    """Cards for a page of (listing, seller, km), with their photos."""
    pictures = photo_repo.photos_of(session, listing_ids=[listing.id for listing, _, _ in rows])
    return [
        listing_card(listing, seller, km, pictures.get(listing.id, []), viewer=viewer) for listing, seller, km in rows
    ]
