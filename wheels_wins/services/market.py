"""The marketplace's vocabulary: conditions, statuses, orders, distance choices, labels and page cursors."""

from __future__ import annotations

import base64
import binascii
import uuid
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from wheels_wins import routes
from wheels_wins.services.money import format_money
from wheels_wins.services.units import display_to_km, distance_unit

if TYPE_CHECKING:
    from wheels_wins.services.place_suggest import Suggestion

CONDITIONS: dict[str, str] = {
    "new": "New",
    "like_new": "Like new",
    "good": "Good",
    "fair": "Fair",
    "for_parts": "For parts",
}
STATUSES: dict[str, str] = {"available": "Available", "pending": "Pending", "sold": "Sold"}
NEAREST, NEWEST, PRICE = "nearest", "newest", "price"
SORTS: dict[str, str] = {NEAREST: "Nearest", NEWEST: "Newest", PRICE: "Price: low to high"}
RADII: tuple[int, ...] = (25, 50, 100, 250, 500)
"""The 'within' choices, in the user's distance unit (km, or miles for imperial)."""
MAX_PHOTOS = 6
MAX_LOCATION = 160
"""The longest location text a listing keeps."""
PHOTO_FOLDER = "listings"
"""Listing photos live in their own folder of the user's photos, apart from post photos."""


def condition_label(condition: str) -> str:
    """'Like new' for 'like_new'; an unknown value as it is, capitalised."""
    return CONDITIONS.get(condition, condition.replace("_", " ").capitalize())


def status_label(status: str) -> str:
    """'Available', 'Pending' or 'Sold'."""
    return STATUSES.get(status, status.capitalize())


def price_label(price: Decimal, currency: str) -> str:
    """'$1,250.00' in the seller's currency, or 'Free' for nothing."""
    return "Free" if price == 0 else format_money(price, currency)


def radius_km(choice: str | int | None, units: str) -> float | None:
    """The radius in km for a 'within' choice in the user's unit ('' or anything not offered: anywhere)."""
    try:
        value = int(choice or 0)
    except (TypeError, ValueError):
        return None
    return display_to_km(value, units) if value in RADII else None


def radius_label(choice: int, units: str) -> str:
    """'Within 50 km' or 'Within 50 mi'."""
    return f"Within {choice} {distance_unit(units)}"


def listing_link(listing_id: uuid.UUID | str) -> str:
    """The Social page's Marketplace tab opened on one listing."""
    return f"{routes.SOCIAL}?tab=market&listing={listing_id}"


def encode_cursor(cursor: tuple[str, uuid.UUID]) -> str:
    """An opaque cursor for the listing that ends a page."""
    value, listing_id = cursor
    return base64.urlsafe_b64encode(f"{value}|{listing_id}".encode()).decode("ascii").rstrip("=")


def decode_cursor(text: str) -> tuple[str, uuid.UUID] | None:
    """The (sort value, id) inside a cursor, or None when it isn't one of ours."""
    try:
        value, _, listing_id = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode().rpartition("|")
        return value, uuid.UUID(listing_id)
    except (ValueError, UnicodeDecodeError, binascii.Error):
        return None


def parse_max_price(text: str) -> Decimal | None:
    """A typed maximum price ('200', '$1,200.50'); ValueError when it isn't an amount of zero or more."""
    cleaned = text.strip().lstrip("$€£").replace(",", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite() or value < 0:
        raise ValueError(text)
    return value


def town_label(chosen: Suggestion) -> str:
    """'Dubbo, New South Wales' for a town; a saved place by its own name."""
    if chosen.source == "saved" or not chosen.detail:
        return chosen.name[:MAX_LOCATION]
    return f"{chosen.name}, {chosen.detail.split(', ')[0]}"[:MAX_LOCATION]
