"""Wheels › Trips planner: the "Add a stop" box — suggestions as you type, a pick adds a stop to the draft.

Enter with no current suggestions takes the first suggestion for one name ("Canb" is Canberra),
and reads a list ("Sydney, Canberra, Melbourne") name by name: the most populous namesake is
taken and named in a notice, and an unknown name is said so, with "Pick on the map instead".
"""

from __future__ import annotations

import reflex as rx

from wheels_wins.pages.wheels.planner import MAX_STOPS, DraftStop, PlannerState
from wheels_wins.services import place_suggest
from wheels_wins.services.place_suggest import Suggestion
from wheels_wins.state.auth import current_user


def _draft_stop(place: Suggestion) -> DraftStop:
    return DraftStop(place.name, place.label, place.lat, place.lon)


def _chosen(found: list[place_suggest.Resolved]) -> str:
    """Which place was taken for each name that could mean several in its country, or ''."""
    notes = [
        f"“{r.text}” could be {r.namesakes} places: took the largest, {r.place.label}."
        for r in found
        if r.place is not None and r.namesakes > 1 and r.place.source != "saved"
    ]
    return " ".join([*notes, "Type a name with its state to choose another."] if notes else [])


class PlannerSearchState(rx.State):
    """The text in the planner's place box and the places it could mean."""

    query: str = ""
    searched: str = ""
    suggestions: rx.Field[list[Suggestion]] = rx.field(default_factory=list)

    def _reset_box(self) -> None:
        self.query, self.searched, self.suggestions = "", "", []

    @rx.event
    async def type_place(self, text: str):
        """Text as typed (debounced): suggest places for it."""
        self.query = text[:2000]
        if text.strip() == self.searched:
            return
        user = await current_user(self)
        if user is None or not text.strip():
            self.suggestions, self.searched = [], ""
            return
        # Offline while typing (public Nominatim forbids search-as-you-type); Enter may ask online.
        found = await place_suggest.suggest(text, user_id=user.id, online=False)
        self.suggestions = found
        # A list ("Sydney, Canberra, Melbourne") is not an unknown place: Enter adds its names (`list_size`).
        self.searched = "" if not found and len(place_suggest.split_names(text)) > 1 else text.strip()

    @rx.var
    def list_size(self) -> int:
        """How many places the text names when it reads as a list with nothing suggested, else 0."""
        if self.suggestions or self.searched:
            return 0
        count = len(place_suggest.split_names(self.query))
        return count if count > 1 else 0

    @rx.event
    async def pick_place(self, index: int):
        """Add suggestion `index` to the draft."""
        user = await current_user(self)
        if user is None or not 0 <= index < len(self.suggestions):
            return
        planner = await self.get_state(PlannerState)
        await planner._user()
        if not planner._add([_draft_stop(self.suggestions[index])]):
            return rx.toast.info(f"A trip can have up to {MAX_STOPS} stops.")
        planner.notice = ""
        self._reset_box()

    @rx.event
    async def enter_place(self, text: str):
        """Enter with no current suggestions: add each place of the text, or say which were not found."""
        user = await current_user(self)
        if user is None or not text.strip():
            return
        if len(place_suggest.split_names(text)) == 1:
            # One name: the first suggestion, as if it had been shown ("Canb" + Enter is Canberra).
            first = await place_suggest.suggest(text, user_id=user.id, limit=1)
            found = [place_suggest.Resolved(text.strip(), first[0] if first else None, 1)]
        else:
            found = await place_suggest.resolve_all(text, user_id=user.id)
        planner = await self.get_state(PlannerState)
        await planner._user()
        known = [r for r in found if r.place is not None]
        missing = [r.text for r in found if r.place is None]
        added = planner._add([_draft_stop(r.place) for r in known if r.place is not None])
        planner.notice = _chosen(known[:added])
        if missing:
            self.query = ", ".join(missing)
            self.searched = self.query.strip()
            self.suggestions = []  # the box then says nothing was found and offers the map
        else:
            self._reset_box()
        if added < len(known):
            return rx.toast.info(f"A trip can have up to {MAX_STOPS} stops.")

    @rx.event
    async def pick_on_map(self):
        """Leave the box and pick the point on the draft map instead."""
        if await current_user(self) is None:
            return
        planner = await self.get_state(PlannerState)
        planner.picking = True
        self.suggestions = []
