"""Repositories behind imports: drafts, category rules and the expense queries they use, scoped by user."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Session

from wheels_wins.db import utcnow
from wheels_wins.repositories import category_rules, imports
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import trips as trip_repo

D = dt.date(2026, 3, 10)


def test_drafts_are_the_owners_only(session: Session, make_user) -> None:
    owner, other = make_user(), make_user()
    draft = imports.create(session, user_id=owner.id, filename="a.csv", content=b"x" * 10, settings={"delimiter": ","})
    session.commit()
    assert draft.size_bytes == 10
    assert imports.get(session, user_id=other.id, draft_id=draft.id) is None
    assert imports.update_settings(session, user_id=other.id, draft_id=draft.id, settings={}) is None
    assert imports.delete_draft(session, user_id=other.id, draft_id=draft.id) is False
    assert imports.list_recent(session, user_id=other.id) == []
    session.commit()
    [summary] = imports.list_recent(session, user_id=owner.id)
    assert (summary.id, summary.filename, summary.size_bytes) == (draft.id, "a.csv", 10)

    updated = imports.update_settings(session, user_id=owner.id, draft_id=draft.id, settings={"delimiter": ";"})
    session.commit()
    session.expire_all()
    assert imports.get(session, user_id=owner.id, draft_id=draft.id).settings == {"delimiter": ";"}
    assert updated.content == b"x" * 10
    assert imports.delete_draft(session, user_id=owner.id, draft_id=draft.id) is True
    assert imports.get(session, user_id=owner.id, draft_id=draft.id) is None


def test_prune_keeps_the_newest_and_drops_the_stale(session: Session, make_user) -> None:
    owner, other = make_user(), make_user()
    drafts = [
        imports.create(session, user_id=owner.id, filename=f"{i}.csv", content=b"x", settings={}) for i in range(4)
    ]
    for i, draft in enumerate(drafts):
        draft.created_at = utcnow() - dt.timedelta(days=40 - i)
    drafts[3].created_at = utcnow()
    theirs = imports.create(session, user_id=other.id, filename="t.csv", content=b"x", settings={})
    theirs.created_at = utcnow() - dt.timedelta(days=90)
    session.commit()
    assert imports.prune(session, user_id=owner.id, keep=3, older_than=utcnow() - dt.timedelta(days=30)) == 3
    session.commit()
    assert [d.id for d in imports.list_recent(session, user_id=owner.id)] == [drafts[3].id]
    assert len(imports.list_recent(session, user_id=other.id)) == 1


def test_rules_upsert_list_and_delete_per_user(session: Session, make_user) -> None:
    owner, other = make_user(), make_user()
    rule = category_rules.upsert(session, user_id=owner.id, keyword="woolworths", category="groceries")
    same = category_rules.upsert(session, user_id=owner.id, keyword="woolworths", category="shopping")
    theirs = category_rules.upsert(session, user_id=other.id, keyword="woolworths", category="fuel")
    category_rules.upsert(session, user_id=owner.id, keyword="bp", category="fuel")
    session.commit()
    assert same.id == rule.id and theirs.id != rule.id
    assert [(r.keyword, r.category) for r in category_rules.list_rules(session, user_id=owner.id)] == [
        ("bp", "fuel"),
        ("woolworths", "shopping"),
    ]
    assert category_rules.get(session, user_id=other.id, rule_id=rule.id) is None
    assert category_rules.delete_rule(session, user_id=other.id, rule_id=rule.id) is False
    assert category_rules.delete_rule(session, user_id=owner.id, rule_id=rule.id) is True
    session.commit()
    assert [r.keyword for r in category_rules.list_rules(session, user_id=owner.id)] == ["bp"]
    assert category_rules.get_by_keyword(session, user_id=other.id, keyword="woolworths").category == "fuel"


def test_bulk_create_and_duplicate_signatures(session: Session, make_user) -> None:
    owner, other = make_user(), make_user()
    trip = trip_repo.create(session, user_id=owner.id, title="Loop", status="active")
    count = expense_repo.bulk_create(
        session,
        user_id=owner.id,
        rows=[
            {
                "amount": Decimal("45.2"),
                "category": "groceries",
                "date": D,
                "description": "Woolies",
                "trip_id": trip.id,
            },
            {
                "amount": "3.10",
                "category": "dining",
                "date": D + dt.timedelta(days=1),
                "merchant": "Cafe",
                "currency": "NZD",
            },
        ],
    )
    expense_repo.bulk_create(session, user_id=other.id, rows=[{"amount": Decimal("1"), "category": "fuel", "date": D}])
    assert expense_repo.bulk_create(session, user_id=owner.id, rows=[]) == 0
    session.commit()
    assert count == 2
    rows, total = expense_repo.list_page(session, user_id=owner.id, sort="date", descending=False)
    assert total == 2
    assert [(e.amount, e.source, e.currency, e.trip_id, e.merchant) for e in rows] == [
        (Decimal("45.20"), "import", "AUD", trip.id, ""),
        (Decimal("3.10"), "import", "NZD", None, "Cafe"),
    ]
    assert sorted(expense_repo.signatures_between(session, user_id=owner.id, start=D, end=D)) == [
        (D, Decimal("45.20"), "Woolies")
    ]
    assert (
        expense_repo.signatures_between(
            session, user_id=owner.id, start=D - dt.timedelta(days=9), end=D - dt.timedelta(days=1)
        )
        == []
    )


def test_category_choices_are_the_users_own_and_newest_first(session: Session, make_user) -> None:
    owner, other = make_user(), make_user()
    expense_repo.create(session, user_id=owner.id, amount=Decimal("1"), category="dining", date=D, merchant="Cafe")
    expense_repo.create(
        session,
        user_id=owner.id,
        amount=Decimal("1"),
        category="groceries",
        date=D + dt.timedelta(days=1),
        merchant="Cafe",
    )
    expense_repo.create(
        session, user_id=owner.id, amount=Decimal("1"), category="fuel", date=D, merchant="Dubbo", source="fuel"
    )
    expense_repo.create(session, user_id=other.id, amount=Decimal("1"), category="health", date=D, merchant="Cafe")
    session.commit()
    assert expense_repo.category_choices(session, user_id=owner.id) == [
        ("Cafe", "", "groceries"),
        ("Cafe", "", "dining"),
    ]


def test_export_rows_are_scoped_and_filtered(session: Session, make_user) -> None:
    owner, other = make_user(), make_user()
    trip = trip_repo.create(session, user_id=owner.id, title="Gibb River", status="active")
    expense_repo.create(
        session, user_id=owner.id, amount=Decimal("80"), category="fuel", date=D, description="Diesel", trip_id=trip.id
    )
    expense_repo.create(session, user_id=other.id, amount=Decimal("9"), category="fuel", date=D, description="Diesel")
    session.commit()
    assert expense_repo.export_rows(session, user_id=owner.id, search="diesel") == [
        (D, "Diesel", "", "fuel", Decimal("80.00"), "AUD", "Gibb River")
    ]
    assert expense_repo.export_rows(session, user_id=owner.id, category="dining") == []
    assert len(expense_repo.export_rows(session, user_id=other.id)) == 1
