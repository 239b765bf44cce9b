"""A row in every user-owned table for one user, for the export and account-deletion tests."""

from __future__ import annotations

import datetime as dt
import secrets
from decimal import Decimal

from sqlmodel import Session

from wheels_wins.db import utcnow
from wheels_wins.models import (
    AuthSession,
    Budget,
    CalendarEvent,
    CategoryRule,
    Expense,
    FuelEntry,
    GroupMembership,
    ImportDraft,
    IncomeEntry,
    ListingPhoto,
    MaintenanceRecord,
    MaintenanceSchedule,
    MarketplaceListing,
    Notification,
    PamConversation,
    PamFeedback,
    PamMessage,
    PersonalAccessToken,
    PostComment,
    PostLike,
    PostReport,
    SavedPlace,
    SocialGroup,
    SocialPost,
    Trip,
    TripWaypoint,
    User,
    Vehicle,
)
from wheels_wins.services.auth import hash_token


def fill_account(session: Session, user: User, *, tag: str) -> dict[str, str]:
    """Give `user` one row in every owned table (committed); returns the secrets stored for them."""
    uid = user.id
    today = dt.date(2026, 3, 1)
    session_hash, pat_hash = hash_token(secrets.token_urlsafe(32)), hash_token("ww_pat_" + secrets.token_urlsafe(32))
    trip = Trip(user_id=uid, title=f"{tag} loop")
    vehicle = Vehicle(user_id=uid, name=f"{tag} van")
    group = SocialGroup(user_id=uid, name=f"{tag} travellers")
    post = SocialPost(user_id=uid, content=f"{tag} says hello")
    conversation = PamConversation(user_id=uid)
    listing = MarketplaceListing(user_id=uid, title="Awning", price=Decimal("120.00"))
    session.add_all([trip, vehicle, group, post, conversation, listing])
    session.flush()
    message = PamMessage(user_id=uid, conversation_id=conversation.id, role="assistant", content="Logged it.")
    session.add(message)
    session.flush()
    expense = Expense(user_id=uid, amount=Decimal("12.50"), category="dining", date=today, description=f"{tag} pie")
    session.add_all(
        [
            AuthSession(
                user_id=uid, token_hash=session_hash, last_used_at=utcnow(), expires_at=utcnow() + dt.timedelta(days=1)
            ),
            PersonalAccessToken(user_id=uid, name="Sheets", scope="read", token_hash=pat_hash, prefix="ww_pat_abcde"),
            TripWaypoint(user_id=uid, trip_id=trip.id, name="Sydney", lat=-33.87, lon=151.21, position=0),
            SavedPlace(user_id=uid, name=f"{tag} camp", lat=-30.87, lon=150.52),
            expense,
            Budget(user_id=uid, category="fuel", amount=Decimal("300.00")),
            IncomeEntry(user_id=uid, amount=Decimal("450.00"), source="Caretaking", date=today),
            FuelEntry(
                user_id=uid,
                date=today,
                litres=Decimal("40.00"),
                total_cost=Decimal("80.00"),
                price_per_litre=Decimal("2.000"),
            ),
            MaintenanceRecord(user_id=uid, task="Oil change", date=today, cost=Decimal("45.00")),
            MaintenanceSchedule(user_id=uid, task="Rotate tyres", start_date=today, every_km=10_000),
            CalendarEvent(user_id=uid, title="Ferry", start=utcnow()),
            GroupMembership(user_id=uid, group_id=group.id),
            PostComment(user_id=uid, post_id=post.id, content="Me again"),
            PostLike(user_id=uid, post_id=post.id),
            PostReport(user_id=uid, post_id=post.id, reason="test row"),
            ListingPhoto(user_id=uid, listing_id=listing.id, photo_path=f"listings/{tag}.jpg"),
            PamFeedback(user_id=uid, message_id=message.id, rating="up"),
            Notification(user_id=uid, kind="budget", title="Fuel budget at 80%"),
            ImportDraft(user_id=uid, filename="bank.csv", content=b"date,amount\n2026-03-01,12.50\n"),
            CategoryRule(user_id=uid, keyword="bakery", category="dining"),
        ]
    )
    session.commit()
    return {"session_hash": session_hash, "pat_hash": pat_hash}
