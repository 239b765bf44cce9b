"""Add or edit one saved place: the dialog's fields, validation through the place schema, one transaction to save."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import reflex as rx
from pydantic import ValidationError
from sqlmodel import Session

from wheels_wins.api.schemas.places import PlaceCreate
from wheels_wins.db import parse_uuid
from wheels_wins.models.travel import PLACE_KINDS
from wheels_wins.pages.wheels.places import PlacesState, kind_label
from wheels_wins.pages.wheels.places_location import PlaceLocationState
from wheels_wins.repositories import places as place_repo
from wheels_wins.state.auth import current_user, run_in_session

log = logging.getLogger(__name__)

DEFAULT_KIND = "campground"


def _max_length(name: str) -> int:
    """The longest text PlaceCreate accepts for a field (the one place the limit is set)."""
    return next(m.max_length for m in PlaceCreate.model_fields[name].metadata if getattr(m, "max_length", None))


MAX_NAME = _max_length("name")
MAX_NOTES = _max_length("notes")

_MESSAGES: dict[str, str] = {
    "name": "Give the place a name.",
    "kind": "Choose what kind of place this is.",
    "location": "Choose where it is: find a town, or pick the spot on the map.",
    "notes": f"Keep the notes to {MAX_NOTES:,} characters or fewer.",
    "rating": "Rate it from 1 to 5 stars, or clear the rating.",
}


def field_errors(fields: dict[str, Any]) -> dict[str, str]:
    """What is wrong with a place's fields, as one message per form field (name, kind, location, notes, rating)."""
    try:
        PlaceCreate.model_validate(fields)
    except ValidationError as exc:
        errors: dict[str, str] = {}
        for error in exc.errors():
            key = str(error["loc"][0]) if error["loc"] else "name"
            key = "location" if key in ("lat", "lon") else key
            too_long = key == "name" and error["type"] == "string_too_long"
            errors.setdefault(
                key,
                f"Keep the name to {MAX_NAME} characters or fewer."
                if too_long
                else _MESSAGES.get(key, "Check this field."),
            )
        return errors
    return {}


class PlaceEditorState(rx.State):
    """The add/edit dialog's fields and messages; where the place is lives in PlaceLocationState."""

    open: bool = False
    editing_id: str = ""
    name: str = ""
    notes: str = ""
    kind: str = DEFAULT_KIND
    rating: int = 0

    name_error: str = ""
    notes_error: str = ""
    rating_error: str = ""
    form_error: str = ""
    saving: bool = False

    async def _start(self, place: dict[str, Any]) -> None:
        self.editing_id = str(place.get("id", ""))
        self.name, self.notes = place.get("name", ""), place.get("notes", "")
        self.kind, self.rating = place.get("kind", DEFAULT_KIND), place.get("rating") or 0
        self.name_error = self.notes_error = self.rating_error = self.form_error = ""
        self.saving = False
        location = await self.get_state(PlaceLocationState)
        location._start(place.get("lat"), place.get("lon"), self.kind, self.name)
        self.open = True

    @rx.event
    async def open_new(self):
        """Open an empty dialog."""
        if await current_user(self) is not None:
            await self._start({})

    @rx.event
    async def open_edit(self, place_id: str):
        """Open the dialog on one of the user's places, as saved now."""
        user = await current_user(self)
        target = parse_uuid(place_id)
        if user is None or target is None:
            return
        place = await run_in_session(lambda session: place_repo.get(session, user_id=user.id, place_id=target))
        if place is None:
            return [PlacesState.load, rx.toast.error("That place is no longer saved.")]
        await self._start(place.model_dump(include={"id", "name", "notes", "kind", "rating", "lat", "lon"}))

    @rx.event
    def set_open(self, is_open: bool):
        """Close the dialog (Escape, outside click, Cancel)."""
        self.open = is_open

    @rx.event
    async def set_name(self, text: str):
        """The name as typed."""
        if await current_user(self) is None:
            return
        self.name, self.name_error = text, ""
        (await self.get_state(PlaceLocationState)).marker_name = text

    @rx.event
    async def set_notes(self, text: str):
        """The notes as typed."""
        if await current_user(self) is not None:
            self.notes, self.notes_error = text, ""

    @rx.event
    async def set_kind(self, kind: str):
        """The kind chosen."""
        if kind in PLACE_KINDS and await current_user(self) is not None:
            self.kind = kind
            (await self.get_state(PlaceLocationState)).marker_kind = kind

    @rx.event
    async def set_rating(self, stars: int):
        """Stars chosen; choosing the current rating again (or 0) clears it."""
        if await current_user(self) is None:
            return
        stars = int(stars)
        self.rating = 0 if stars == self.rating or not 1 <= stars <= 5 else stars
        self.rating_error = ""

    @rx.event
    async def save(self):
        """Validate and save in one transaction; on an error the dialog stays open with a message by each field."""
        location = await self.get_state(PlaceLocationState)
        fields = {
            "name": self.name,
            "kind": self.kind,
            "lat": location.lat,
            "lon": location.lon,
            "notes": self.notes,
            "rating": self.rating or None,
        }
        errors = field_errors(fields)
        self.name_error, self.notes_error = errors.get("name", ""), errors.get("notes", "")
        self.rating_error, location.error = errors.get("rating", ""), errors.get("location", "")
        self.form_error = errors.get("kind", "")
        if errors:
            return
        user = await current_user(self)
        if user is None:
            self.form_error = "Your session has ended. Sign in again to save this place."
            return
        values = PlaceCreate.model_validate(fields).model_dump()
        editing = parse_uuid(self.editing_id)
        self.saving = True
        yield
        try:
            saved = await run_in_session(lambda session: _write(session, user.id, editing, values))
        except Exception:
            log.exception("Saving a place failed")
            saved = False
        self.saving = False
        if not saved:
            self.form_error = "We couldn't save that place. Please try again."
            return
        self.open = False
        yield PlacesState.load
        yield rx.toast.success(
            f"{'Updated' if editing else 'Saved'} “{values['name']}” ({kind_label(values['kind'])})."
        )


def _write(session: Session, user_id: uuid.UUID, editing: uuid.UUID | None, values: dict[str, Any]) -> bool:
    """Create, or update the user's place; False when the place being edited is gone or not theirs."""
    if editing is None:
        place_repo.create(session, user_id=user_id, **values)
        return True
    return place_repo.update(session, user_id=user_id, place_id=editing, changes=values) is not None
