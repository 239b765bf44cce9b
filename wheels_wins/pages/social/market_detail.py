"""One listing in a dialog: every photo, the description, the seller's name, and "I'm interested"."""

from __future__ import annotations

import uuid

import reflex as rx
from sqlmodel import Session

from wheels_wins.db import parse_uuid
from wheels_wins.models import User
from wheels_wins.pages.social.market_cards import ListingCard, listing_card
from wheels_wins.repositories import listing_photos as photo_repo
from wheels_wins.repositories import listings as listing_repo
from wheels_wins.state.auth import current_user, run_in_session


def read_card(session: Session, viewer: User, listing_id: str) -> ListingCard | None:
    """The card of any listing for `viewer` (distance left out), or None when it is gone."""
    target = parse_uuid(listing_id)
    found = listing_repo.get(session, viewer_id=viewer.id, listing_id=target) if target is not None else None
    if found is None:
        return None
    listing, seller = found
    pictures = photo_repo.photos_of(session, listing_ids=[listing.id]).get(listing.id, [])
    return listing_card(listing, seller, None, pictures, viewer=viewer)


class ListingDetailState(rx.State):
    """The listing open in the detail dialog."""

    open: bool = False
    card: ListingCard = ListingCard()
    distance: str = ""
    photo_index: int = 0
    interest_sent: bool = False
    sending: bool = False

    def show(self, card: ListingCard, distance: str = "") -> None:
        """Show a listing (a fresh read), keeping the distance the grid measured when it had one."""
        same = card.id == self.card.id
        self.card, self.distance = card, distance or (self.distance if same else "")
        self.photo_index = min(self.photo_index, max(len(card.photo_urls) - 1, 0)) if same else 0
        self.interest_sent = self.interest_sent and same

    @rx.event
    async def open_listing(self, listing_id: str, distance: str = ""):
        """Open any listing, read afresh."""
        user = await current_user(self)
        if user is None:
            return

        def work(session: Session) -> tuple[ListingCard, bool] | None:
            card = read_card(session, user, str(listing_id))
            if card is None:
                return None
            told = listing_repo.interest_sent(session, user_id=user.id, listing_id=uuid.UUID(card.id))
            return card, told

        found = await run_in_session(work)
        if found is None:
            return rx.toast.error("That listing is no longer there.")
        self.show(found[0], distance)
        self.interest_sent, self.open = found[1], True

    @rx.event
    def set_open(self, is_open: bool):
        """Close the dialog (Escape, outside click, Close)."""
        self.open = is_open

    @rx.event
    async def show_photo(self, index: int):
        """Show another of the listing's photos large."""
        if await current_user(self) is not None and 0 <= int(index) < len(self.card.photo_urls):
            self.photo_index = int(index)

    @rx.event
    async def interested(self):
        """Tell the seller this traveller is interested (once per listing; asking again says nothing new)."""
        user = await current_user(self)
        target = parse_uuid(self.card.id)
        if user is None or target is None or self.sending:
            return
        self.sending = True
        yield
        told = await run_in_session(lambda s: listing_repo.express_interest(s, user_id=user.id, listing_id=target))
        self.sending = False
        if told is None:
            self.open = False
            yield rx.toast.error("That listing is no longer there.")
            return
        if not told:
            yield rx.toast.info("That one has been sold." if not self.card.mine else "That's your own listing.")
            return
        self.interest_sent = True
        yield rx.toast.success(f"{self.card.seller} has been told you're interested.")
