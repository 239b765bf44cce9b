"""The trip details dialog's parts: the edit form's checks, display text, delete with undo, and the editor's trips."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlmodel import Session

from wheels_wins.pages.wheels.trip_sheet_data import (
    budget_texts,
    dates_text,
    delete_trip,
    parse_edit,
    read_sheet,
    restore_trip,
)
from wheels_wins.pages.wins.editor import trip_choices
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services.trip_budget import TripBudget

FORM = {"title": " Red Centre ", "start_date": "2026-06-01", "end_date": "2026-06-09", "status": "active",
        "budget": "$1,500", "notes": "Dog-friendly parks only"}


def test_a_good_form_becomes_every_field() -> None:
    changes, errors = parse_edit(FORM)
    assert errors == {}
    assert changes == {
        "title": "Red Centre", "start_date": dt.date(2026, 6, 1), "end_date": dt.date(2026, 6, 9),
        "status": "active", "budget": Decimal("1500"), "notes": "Dog-friendly parks only",
    }


def test_empty_dates_and_budget_mean_none() -> None:
    changes, errors = parse_edit({**FORM, "start_date": "", "end_date": "", "budget": "  "})
    assert errors == {}
    assert (changes["start_date"], changes["end_date"], changes["budget"]) == (None, None, None)


@pytest.mark.parametrize(
    ("edits", "field", "message"),
    [
        ({"title": "  "}, "title", "Give the trip a name."),
        ({"title": "x" * 121}, "title", "Keep the name under 120 characters."),
        ({"end_date": "2026-05-31"}, "end_date", "The end date must be on or after the start date."),
        ({"start_date": "2026-02-30"}, "start_date", "Enter a real start date, or leave it empty."),
        ({"end_date": "soon"}, "end_date", "Enter a real end date, or leave it empty."),
        ({"status": "paused"}, "status", "Choose a status."),
        ({"budget": "0"}, "budget", "The budget must be more than zero."),
        ({"budget": "-20"}, "budget", "The budget must be more than zero."),
        ({"budget": "12.345"}, "budget", "Use at most 2 decimal places."),
        ({"budget": "lots"}, "budget", "Enter the budget as a number, like 45.50."),
        ({"notes": "n" * 2001}, "notes", "Keep the notes under 2000 characters."),
    ],
)
def test_each_message_belongs_to_its_field(edits: dict, field: str, message: str) -> None:
    _, errors = parse_edit({**FORM, **edits})
    assert errors == {field: message}


def test_dates_text() -> None:
    assert dates_text(dt.date(2026, 6, 1), dt.date(2026, 6, 9)) == "Mon 1 Jun – Tue 9 Jun 2026 · 9 days"
    assert dates_text(dt.date(2026, 12, 30), dt.date(2027, 1, 2)) == "Wed 30 Dec 2026 – Sat 2 Jan 2027 · 4 days"
    assert dates_text(dt.date(2026, 6, 1), dt.date(2026, 6, 1)) == "Mon 1 Jun – Mon 1 Jun 2026 · 1 day"
    assert dates_text(dt.date(2026, 6, 1), None) == "From Mon 1 Jun 2026"
    assert dates_text(None, dt.date(2026, 6, 9)) == "Until Tue 9 Jun 2026"
    assert dates_text(None, None) == "No dates set"


def _figures(**fields: object) -> TripBudget:
    base = {"trip_id": None, "title": "T", "budget": Decimal("1000.00"), "spent": Decimal("450.00"), "expense_count": 3,
            "distance_km": 1000.0, "fuel_estimate": Decimal("180.00"), "by_category": {"fuel": Decimal("200.50")}}
    return TripBudget(**{**base, **fields})  # type: ignore[arg-type]


def test_budget_texts_under_and_over_in_the_users_units() -> None:
    under = budget_texts(_figures(), "AUD", "metric")
    assert under == {
        "has_budget": True, "budget_text": "$1,000.00", "spent": "$450.00", "left_text": "$550.00 left",
        "over": False, "percent": 45, "per_distance": "$0.45 per km", "expense_count": 3,
        "fuel_text": "$200.50 spent of $180.00 estimated ($20.50 over)",
        "delete_note": "Its stops go too. Its 3 linked expenses stay in Wins, no longer linked to a trip.",
    }
    over = budget_texts(_figures(spent=Decimal("1250.00"), fuel_estimate=None), "USD", "imperial")
    assert (over["left_text"], over["over"], over["percent"]) == ("$250.00 over", True, 125)
    assert over["per_distance"] == "$2.01 per mi"
    assert over["fuel_text"] == "$200.50 spent · no estimate yet"
    none = budget_texts(_figures(budget=None, distance_km=None), "AUD", "metric")
    assert (none["has_budget"], none["left_text"], none["percent"]) == (False, "", 0)
    assert none["per_distance"] == "cost per km: distance unknown"
    assert budget_texts(_figures(expense_count=1), "AUD", "metric")["delete_note"] == (
        "Its stops go too. Its 1 linked expense stays in Wins, no longer linked to a trip."
    )
    assert budget_texts(_figures(expense_count=0), "AUD", "metric")["delete_note"] == (
        "Its stops go too. No expenses are linked to it."
    )


def test_delete_then_undo_restores_the_trip_its_stops_and_links(session: Session, make_user) -> None:
    user = make_user()
    trip = trip_repo.create(session, user_id=user.id, title="Loop", status="active", budget=Decimal("800.00"),
                            distance_km=120.5, start_date=dt.date(2026, 6, 1))
    trip_repo.replace_waypoints(session, user_id=user.id, trip_id=trip.id, stops=[("A", -33.0, 151.0), ("B", -34.0, 150.0)])
    trip_repo.set_legs(session, user_id=user.id, trip_id=trip.id, legs=[None, (120.5, 1.6)])
    linked = expense_repo.create(session, user_id=user.id, amount=Decimal("55.00"), category="fuel",
                                 date=dt.date(2026, 6, 2), trip_id=trip.id)
    session.commit()
    trip_id, created_at = trip.id, trip.created_at

    kept = delete_trip(session, user_id=user.id, trip_id=trip_id)
    session.commit()
    assert kept is not None
    assert trip_repo.get(session, user_id=user.id, trip_id=trip_id) is None
    session.expire_all()
    assert expense_repo.get(session, user_id=user.id, expense_id=linked.id).trip_id is None  # kept, unlinked

    restored = restore_trip(session, user_id=user.id, kept=kept)
    session.commit()
    assert restored is not None
    assert (restored.id, restored.title, restored.status, restored.budget, restored.created_at) == (
        trip_id, "Loop", "active", Decimal("800.00"), created_at,
    )
    stops = trip_repo.waypoints(session, user_id=user.id, trip_id=trip_id)
    assert [(w.name, w.position, w.leg_km, w.leg_hours) for w in stops] == [("A", 0, None, None), ("B", 1, 120.5, 1.6)]
    assert expense_repo.get(session, user_id=user.id, expense_id=linked.id).trip_id == trip_id
    assert restore_trip(session, user_id=user.id, kept=kept) is None  # already back


def test_another_users_trip_is_neither_read_nor_deleted(session: Session, make_user) -> None:
    me, other = make_user(), make_user()
    theirs = trip_repo.create(session, user_id=other.id, title="Theirs")
    session.commit()
    assert read_sheet(session, user_id=me.id, trip_id=theirs.id) is None
    assert delete_trip(session, user_id=me.id, trip_id=theirs.id) is None
    assert trip_repo.get(session, user_id=other.id, trip_id=theirs.id) is not None


def test_the_editor_offers_recent_trips_and_defaults_only_to_an_active_one(session: Session, make_user) -> None:
    me, other = make_user(), make_user()
    planning = trip_repo.create(session, user_id=me.id, title="Next winter", status="planning")
    trip_repo.create(session, user_id=other.id, title="Not mine", status="active")
    session.commit()

    options, active = trip_choices(session, user_id=me.id)
    assert [(o.value, o.label) for o in options] == [(str(planning.id), "Next winter")]
    assert active is None  # a trip being planned doesn't collect everyday spending

    going = trip_repo.create(session, user_id=me.id, title="Cape York", status="active")
    session.commit()
    options, active = trip_choices(session, user_id=me.id)
    assert active is not None and active.id == going.id
    assert [o.label for o in options] == ["Cape York · active", "Next winter"]


def test_the_editor_keeps_an_older_linked_trip_in_its_choices(session: Session, make_user) -> None:
    user = make_user()
    old = trip_repo.create(session, user_id=user.id, title="Long ago", status="completed")
    for n in range(21):
        trip_repo.create(session, user_id=user.id, title=f"Trip {n}", status="completed")
    session.commit()

    options, _ = trip_choices(session, user_id=user.id)
    assert len(options) == 20 and str(old.id) not in {o.value for o in options}
    options, _ = trip_choices(session, user_id=user.id, keep=old.id)
    assert options[-1].value == str(old.id)
