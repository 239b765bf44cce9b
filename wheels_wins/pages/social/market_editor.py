"""Sell something, or edit a listing: the dialog's fields, where it is, validation through the listing schema.

Every field lives in the state as typed, so a validation message never loses anything. Where the item
is comes from the place typeahead (a town, or one of the traveller's saved places) or the saved-places
menu; either gives the coordinates the marketplace measures distances with.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from typing import Any

import reflex as rx
from pydantic import ValidationError
from sqlmodel import Session

from wheels_wins.api.schemas.market import MAX_DESCRIPTION, MAX_LOCATION, MAX_TITLE, ListingCreate
from wheels_wins.db import parse_uuid
from wheels_wins.pages.social.market import MarketState
from wheels_wins.pages.social.market_photos import ListingPhotosState
from wheels_wins.repositories import listing_photos as photo_repo
from wheels_wins.repositories import listings as listing_repo
from wheels_wins.repositories import places as place_repo
from wheels_wins.services import market, photos
from wheels_wins.services.place_suggest import Suggestion
from wheels_wins.state.auth import current_user, run_in_session
from wheels_wins.state.town_search import TownSearch

log = logging.getLogger(__name__)

DEFAULT_CONDITION = "good"
TEXT_FIELDS: dict[str, int] = {"title": MAX_TITLE, "price": 16, "description": MAX_DESCRIPTION}
_MESSAGES: dict[str, str] = {
    "title": f"Give it a title of up to {MAX_TITLE} characters.",
    "price": "Type the price as a number such as 120 or 120.50 (0 if it's free).",
    "condition": "Choose its condition.",
    "description": f"Keep the description to {MAX_DESCRIPTION:,} characters or fewer.",
    "location": "Say where it is: type a town, or choose one of your saved places.",
}


@dataclasses.dataclass
class SavedOption:
    """One of the traveller's saved places, to sell from."""

    id: str
    name: str


def field_errors(fields: dict[str, Any]) -> dict[str, str]:
    """What is wrong with a listing's fields, one message per form field (title, price, condition, description, location)."""
    errors: dict[str, str] = {}
    if fields.get("lat") is None:
        errors["location"] = _MESSAGES["location"]
    try:
        ListingCreate.model_validate(fields)
    except ValidationError as exc:
        for error in exc.errors():
            key = str(error["loc"][0]) if error["loc"] else "location"
            key = "location" if key in ("lat", "lon") else key
            errors.setdefault(key, _MESSAGES.get(key, "Check this field."))
    return errors


def _write(session: Session, user_id: uuid.UUID, editing: uuid.UUID | None, values: dict[str, Any], paths: list[str]):
    """Create, or update the user's listing and its photos; the stored photos no longer used, or None when gone."""
    if editing is None:
        listing = listing_repo.create(session, user_id=user_id, **values)
        return photo_repo.set_photos(session, user_id=user_id, listing_id=listing.id, paths=paths)
    if listing_repo.update(session, user_id=user_id, listing_id=editing, changes=values) is None:
        return None
    return photo_repo.set_photos(session, user_id=user_id, listing_id=editing, paths=paths)


class SellState(TownSearch, rx.State):
    """The sell / edit dialog: its fields, where the item is, and the messages by each field."""

    open: bool = False
    editing_id: str = ""
    title: str = ""
    price: str = ""
    condition: str = DEFAULT_CONDITION
    description: str = ""
    location: str = ""
    lat: float | None = None
    lon: float | None = None
    saved_places: rx.Field[list[SavedOption]] = rx.field(default_factory=list)
    errors: dict[str, str] = {}
    form_error: str = ""
    saving: bool = False

    async def _start(self, user_id: uuid.UUID, listing: dict[str, Any], saved: list[tuple[str, str]]) -> None:
        places, _ = await run_in_session(lambda s: place_repo.list_page(s, user_id=user_id, limit=50))
        self.saved_places = [SavedOption(str(place.id), place.name) for place in places]
        self.editing_id = str(listing.get("id", ""))
        self.title, self.description = listing.get("title", ""), listing.get("description", "")
        self.price = f"{listing['price']:.2f}".removesuffix(".00") if "price" in listing else ""
        self.condition = listing.get("condition") if listing.get("condition") in market.CONDITIONS else "good"
        self.location, self.lat, self.lon = listing.get("location", ""), listing.get("lat"), listing.get("lon")
        self.query, self.searched, self.suggestions = "", "", []
        self.errors, self.form_error, self.saving = {}, "", False
        (await self.get_state(ListingPhotosState)).start(saved)
        self.open = True

    @rx.event
    async def open_new(self):
        """Open an empty dialog."""
        user = await current_user(self)
        if user is not None:
            await self._start(user.id, {}, [])

    @rx.event
    async def open_edit(self, listing_id: str):
        """Open the dialog on one of the user's listings, as saved now."""
        user = await current_user(self)
        target = parse_uuid(listing_id)
        if user is None or target is None:
            return

        def read(session: Session) -> tuple[dict[str, Any], list[tuple[str, str]]] | None:
            listing = listing_repo.get_own(session, user_id=user.id, listing_id=target)
            if listing is None:
                return None
            pictures = photo_repo.photos_of(session, listing_ids=[target]).get(target, [])
            return listing.model_dump(), [(p.photo_path, photos.signed_url(p.id, kind="listing")) for p in pictures]

        found = await run_in_session(read)
        if found is None:
            return [MarketState.load, rx.toast.error("That listing is no longer yours to edit.")]
        await self._start(user.id, *found)

    @rx.event
    async def set_open(self, is_open: bool):
        """Close the dialog (Escape, outside click, Cancel): photos chosen but not saved are removed."""
        self.open = is_open
        if not is_open and await current_user(self) is not None:
            (await self.get_state(ListingPhotosState)).discard()

    @rx.event
    async def set_field(self, name: str, value: str):
        """A field as typed (title, price, description) or chosen (condition)."""
        if await current_user(self) is None:
            return
        value = value[0] if isinstance(value, list) and value else value
        if name in TEXT_FIELDS:
            setattr(self, name, str(value)[: TEXT_FIELDS[name]])
        elif name == "condition" and value in market.CONDITIONS:
            self.condition = value
        else:
            return
        self.errors = {key: message for key, message in self.errors.items() if key != name}

    def _place(self, label: str, lat: float, lon: float) -> None:
        self.location, self.lat, self.lon = label, lat, lon
        self._clear_search()
        self.errors = {key: message for key, message in self.errors.items() if key != "location"}

    def _found(self, place: Suggestion) -> None:
        self._place(market.town_label(place), place.lat, place.lon)

    @rx.event
    async def pick_saved(self, place_id: str):
        """Put the item at one of the user's saved places."""
        user = await current_user(self)
        target = parse_uuid(place_id)
        if user is None or target is None:
            return
        place = await run_in_session(lambda s: place_repo.get(s, user_id=user.id, place_id=target))
        if place is not None:
            self._place(place.name[:MAX_LOCATION], place.lat, place.lon)

    @rx.event
    async def save(self):
        """Validate and save in one transaction; on an error the dialog stays open, everything typed kept."""
        fields = {
            "title": self.title,
            "price": self.price.strip().lstrip("$").replace(",", ""),
            "condition": self.condition,
            "description": self.description,
            "location": self.location,
            "lat": self.lat,
            "lon": self.lon,
        }
        self.errors = field_errors(fields)
        if self.errors:
            self.form_error = ""
            return
        user = await current_user(self)
        if user is None:
            self.form_error = "Your session has ended. Sign in again to save this listing."
            return
        values = ListingCreate.model_validate(fields).model_dump(exclude={"status"})
        editing = parse_uuid(self.editing_id)
        gallery = await self.get_state(ListingPhotosState)
        paths = gallery.paths()
        self.saving = True
        yield
        try:
            dropped = await run_in_session(lambda s: _write(s, user.id, editing, values, paths))
        except Exception:
            log.exception("Saving a listing failed")
            self.saving, self.form_error = False, "We couldn't save that listing. Please try again."
            return
        self.saving = False
        if dropped is None:
            self.form_error = "That listing is no longer there."
            return
        for path in dropped:  # the commit is done: files the listing no longer uses can go
            photos.remove(path)
        gallery.saved()
        self.open = False
        yield MarketState.load
        yield rx.toast.success(f"{'Updated' if editing else 'Listed'} “{values['title']}”.")
