"""A town typeahead for a dialog: offline suggestions as the user types, the best match on Enter.

A state mixes this in and says in `_found` what choosing a place means for it (set a listing's
town, move a saved place's pin...). Suggestions are offline only: public geocoders forbid
search-as-you-type; Enter goes through `place_suggest.resolve`, which may ask the online one.
"""

from __future__ import annotations

import reflex as rx

from wheels_wins.services import place_suggest
from wheels_wins.services.place_suggest import Suggestion
from wheels_wins.state.auth import current_user

SUGGESTIONS = 6


class TownSearch(rx.State, mixin=True):
    """What is typed, what was last searched, and the suggestions for it."""

    query: str = ""
    searched: str = ""
    suggestions: rx.Field[list[Suggestion]] = rx.field(default_factory=list)

    def _found(self, place: Suggestion) -> None:
        """Use the chosen place (each state says how)."""
        raise NotImplementedError

    def _clear_search(self) -> None:
        self.query, self.searched, self.suggestions = "", "", []

    @rx.event
    async def type_town(self, text: str):
        """Suggest towns and saved places as the user types."""
        self.query = text
        user = await current_user(self)
        if user is None or text.strip() == self.searched:
            return
        self.suggestions = await place_suggest.suggest(text, user_id=user.id, limit=SUGGESTIONS, online=False)
        self.searched = text.strip()

    @rx.event
    async def pick_town(self, index: int):
        """Use the chosen suggestion."""
        if await current_user(self) is None or not 0 <= int(index) < len(self.suggestions):
            return
        self._found(self.suggestions[int(index)])
        self._clear_search()

    @rx.event
    async def enter_town(self, text: str):
        """Enter pressed before suggestions arrived: take the best match for the name as typed."""
        user = await current_user(self)
        if user is None or not text.strip():
            return
        found = (await place_suggest.resolve(text, user_id=user.id)).place
        if found is None:
            self.query, self.searched, self.suggestions = text, text.strip(), []
            return
        self._found(found)
        self._clear_search()
