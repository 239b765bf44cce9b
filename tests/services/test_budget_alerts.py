"""Budget alerts at 80% and 100%: once per threshold per month, whatever wrote the spend."""

# ruff: noqa: F811 - tests request the imported API fixtures (client, alice) by name
from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from decimal import Decimal

import httpx
import pytest
from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session

from tests.api import Account
from tests.api.conftest import alice, client, make_account  # noqa: F401 - the API tests' fixtures
from wheels_wins.models import Expense, Notification
from wheels_wins.pam.agent import run_turn
from wheels_wins.repositories import budgets, expenses
from wheels_wins.repositories import notifications as notification_repo
from wheels_wins.services import budget_alerts
from wheels_wins.services.budget_alerts import BudgetAlert, alerts_due
from wheels_wins.services.money import today_in

MARCH = dt.date(2026, 3, 15)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[dt.date]:
    """The users' today for the alerts (set `clock[0]` to move it)."""
    today = [MARCH]
    monkeypatch.setattr(budget_alerts, "today_in", lambda _tz: today[0])
    return today


def _notes(session: Session, user_id: uuid.UUID) -> list[Notification]:
    return sorted(notification_repo.list_recent(session, user_id=user_id, limit=100), key=lambda n: n.dedupe_key or "")


def _keys(session: Session, user_id: uuid.UUID) -> list[str | None]:
    return [n.dedupe_key for n in _notes(session, user_id)]


def _spend(session: Session, user_id: uuid.UUID, amount: str, day: dt.date = MARCH, category: str = "fuel") -> Expense:
    row = expenses.create(session, user_id=user_id, amount=Decimal(amount), category=category, date=day)
    session.commit()
    return row


def _budget(session: Session, user_id: uuid.UUID, amount: str, category: str = "fuel") -> None:
    budgets.upsert(session, user_id=user_id, category=category, amount=Decimal(amount))
    session.commit()


@pytest.mark.parametrize(
    ("spent", "budget", "expected"),
    [
        ("479.99", "600", []),
        (
            "480.00",
            "600",
            [
                (
                    "budget:fuel:2026-03:80",
                    "Fuel budget 80% used — $480.00 of $600.00 in March",
                    "$120.00 left for fuel this month.",
                    False,
                )
            ],
        ),
        (
            "599.99",
            "600",
            [
                (
                    "budget:fuel:2026-03:80",
                    "Fuel budget 80% used — $599.99 of $600.00 in March",
                    "$0.01 left for fuel this month.",
                    False,
                )
            ],
        ),
        (
            "600.00",
            "600",
            [
                (
                    "budget:fuel:2026-03:80",
                    "Fuel budget 80% used — $600.00 of $600.00 in March",
                    "Nothing left for fuel this month.",
                    True,
                ),
                (
                    "budget:fuel:2026-03:100",
                    "Fuel budget 100% used — $600.00 of $600.00 in March",
                    "Nothing left for fuel this month.",
                    False,
                ),
            ],
        ),
        ("10", "0", []),
        ("0", "0.01", []),
    ],
)
def test_alerts_due(spent: str, budget: str, expected: list[tuple[str, str, str, bool]]) -> None:
    due = alerts_due(
        category="fuel", spent=Decimal(spent), budget=Decimal(budget), month=dt.date(2026, 3, 1), currency="AUD"
    )
    assert due == [BudgetAlert(*row) for row in expected]


def test_over_budget_wording() -> None:
    (_, over) = alerts_due(
        category="dining", spent=Decimal("262.5"), budget=Decimal("250"), month=dt.date(2026, 12, 1), currency="GBP"
    )
    assert over.title == "Dining budget 100% used — £262.50 of £250.00 in December"
    assert over.body == "£12.50 over the dining budget this month."


def test_each_threshold_notifies_once(session: Session, make_user, clock: list[dt.date]) -> None:
    user = make_user()
    _budget(session, user.id, "600")
    _spend(session, user.id, "470")
    assert _notes(session, user.id) == []
    _spend(session, user.id, "10")
    [eighty] = _notes(session, user.id)
    assert (eighty.kind, eighty.link, eighty.dedupe_key, eighty.read_at) == (
        "budget",
        "/wins",
        "budget:fuel:2026-03:80",
        None,
    )
    assert eighty.title == "Fuel budget 80% used — $480.00 of $600.00 in March"
    assert eighty.body == "$120.00 left for fuel this month."
    _spend(session, user.id, "5")
    assert len(_notes(session, user.id)) == 1
    _spend(session, user.id, "115")
    assert _keys(session, user.id) == ["budget:fuel:2026-03:100", "budget:fuel:2026-03:80"]
    hundred = _notes(session, user.id)[0]
    assert hundred.title == "Fuel budget 100% used — $600.00 of $600.00 in March" and hundred.read_at is None
    _spend(session, user.id, "10")
    assert len(_notes(session, user.id)) == 2


def test_dropping_below_and_crossing_again_does_not_repeat(session: Session, make_user, clock: list[dt.date]) -> None:
    user = make_user()
    _budget(session, user.id, "100")
    row = _spend(session, user.id, "85")
    expenses.delete(session, user_id=user.id, expense_id=row.id)
    session.commit()
    _spend(session, user.id, "90")
    assert _keys(session, user.id) == ["budget:fuel:2026-03:80"]


def test_jumping_past_both_shows_one_unread_notice(session: Session, make_user, clock: list[dt.date]) -> None:
    user = make_user()
    _budget(session, user.id, "600")
    _spend(session, user.id, "700")
    hundred, eighty = _notes(session, user.id)
    assert hundred.dedupe_key.endswith(":100") and hundred.read_at is None
    assert eighty.dedupe_key.endswith(":80") and eighty.read_at is not None
    assert hundred.body == "$100.00 over the fuel budget this month."


def test_only_the_current_month_counts(session: Session, make_user, clock: list[dt.date]) -> None:
    user = make_user()
    _budget(session, user.id, "600")
    _spend(session, user.id, "1000", day=dt.date(2026, 2, 20))
    _spend(session, user.id, "480", day=dt.date(2026, 4, 1))
    assert _notes(session, user.id) == []
    _spend(session, user.id, "480")
    clock[0] = dt.date(2026, 4, 1)
    _spend(session, user.id, "1", day=dt.date(2026, 4, 1))
    assert _keys(session, user.id) == ["budget:fuel:2026-03:80", "budget:fuel:2026-04:80"]
    assert _notes(session, user.id)[1].title == "Fuel budget 80% used — $481.00 of $600.00 in April"


def test_budget_changes_alert_too(session: Session, make_user, clock: list[dt.date]) -> None:
    user = make_user()
    _spend(session, user.id, "500")
    _budget(session, user.id, "1000")
    assert _notes(session, user.id) == []
    _budget(session, user.id, "600")
    assert _keys(session, user.id) == ["budget:fuel:2026-03:80"]
    assert _notes(session, user.id)[0].title == "Fuel budget 80% used — $500.00 of $600.00 in March"
    _budget(session, user.id, "450")
    _budget(session, user.id, "2000")
    _budget(session, user.id, "450")
    assert _keys(session, user.id) == ["budget:fuel:2026-03:100", "budget:fuel:2026-03:80"]
    _spend(session, user.id, "12", category="dining")
    _budget(session, user.id, "10", category="dining")  # a new budget below what was already spent
    assert "budget:dining:2026-03:100" in _keys(session, user.id)


def test_users_are_isolated(session: Session, make_user, clock: list[dt.date]) -> None:
    user, other = make_user(), make_user()
    _budget(session, user.id, "600")
    _spend(session, other.id, "1000")
    assert _notes(session, user.id) == [] and _notes(session, other.id) == []
    _spend(session, user.id, "480")
    assert len(_notes(session, user.id)) == 1 and _notes(session, other.id) == []


def test_no_budget_or_zero_budget_no_alert(session: Session, make_user, clock: list[dt.date]) -> None:
    user = make_user()
    _budget(session, user.id, "0", category="dining")
    _spend(session, user.id, "50", category="dining")
    _spend(session, user.id, "50", category="fuel")
    assert _notes(session, user.id) == []


def test_rolled_back_write_sends_nothing(session: Session, engine: Engine, make_user, clock: list[dt.date]) -> None:
    user = make_user()
    _budget(session, user.id, "100")
    with Session(engine) as writer:
        expenses.create(writer, user_id=user.id, amount=Decimal("95"), category="fuel", date=MARCH)
        writer.flush()
        writer.rollback()
    assert _notes(session, user.id) == []


def test_unflushed_rows_alert(session: Session, make_user, clock: list[dt.date]) -> None:
    user = make_user()
    _budget(session, user.id, "100")
    session.add(Expense(user_id=user.id, amount=Decimal("85"), category="fuel", date=MARCH))
    session.commit()
    assert _keys(session, user.id) == ["budget:fuel:2026-03:80"]


def test_bulk_insert_alerts(session: Session, make_user, clock: list[dt.date]) -> None:
    user = make_user()
    _budget(session, user.id, "100")
    rows = [{"user_id": user.id, "amount": Decimal("45"), "category": "fuel", "date": MARCH} for _ in range(2)]
    session.execute(insert(Expense), rows)
    session.commit()
    assert _keys(session, user.id) == ["budget:fuel:2026-03:80"]
    expenses.bulk_create(session, user_id=user.id, rows=[{"amount": "10", "category": "fuel", "date": MARCH}])
    session.commit()
    assert _keys(session, user.id) == ["budget:fuel:2026-03:100", "budget:fuel:2026-03:80"]


async def test_rest_writes_alert(client: httpx.AsyncClient, alice: Account, session: Session) -> None:
    user_id, today = uuid.UUID(alice.id), today_in("UTC")
    assert (await client.put("/api/v1/budgets/fuel", json={"amount": "100"}, headers=alice.headers)).status_code == 200
    body = {"amount": "80.00", "category": "fuel", "date": today.isoformat()}
    created = await client.post("/api/v1/expenses", json=body, headers=alice.headers)
    assert created.status_code == 201
    assert _keys(session, user_id) == [f"budget:fuel:{today:%Y-%m}:80"]
    url = f"/api/v1/expenses/{created.json()['id']}"
    assert (await client.patch(url, json={"amount": "100"}, headers=alice.headers)).status_code == 200
    assert len(_keys(session, user_id)) == 2
    await client.put("/api/v1/budgets/dining", json={"amount": "10"}, headers=alice.headers)
    await client.post("/api/v1/expenses", json={**body, "amount": "9", "category": "dining"}, headers=alice.headers)
    assert f"budget:dining:{today:%Y-%m}:80" in _keys(session, user_id)


async def test_pam_tool_alerts(session: Session, make_user) -> None:
    user = make_user()
    _budget(session, user.id, "15", category="dining")
    result = await run_turn(user_id=user.id, message="spent $12 on coffee")
    assert [c.result.ok for c in result.tool_calls] == [True]
    today = today_in("UTC")
    [note] = _notes(session, user.id)
    assert note.dedupe_key == f"budget:dining:{today:%Y-%m}:80"
    assert note.title.startswith("Dining budget 80% used — $12.00 of $15.00 in ")


def test_a_concurrent_duplicate_costs_the_notice_not_the_write(
    session: Session, engine: Engine, make_user, clock: list[dt.date]
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("needs concurrent writers (SQLite serialises them)")
    user = make_user()
    _budget(session, user.id, "100")
    other = Session(engine)
    notification_repo.notify_once(
        other, user_id=user.id, kind="budget", title="racing", dedupe_key="budget:fuel:2026-03:80"
    )
    committer = threading.Timer(0.5, other.commit)
    started = time.perf_counter()  # before the timer starts, so a slow start cannot shorten the measured wait
    committer.start()
    # This insert's notice waits on the other transaction's row, then collides with it.
    _spend(session, user.id, "90")
    waited = time.perf_counter() - started
    committer.join()
    other.close()
    assert waited >= 0.4  # it waited for the other transaction to commit (0.5 s after `started`)
    assert [n.title for n in _notes(session, user.id)] == ["racing"]
    assert len(expenses.list_page(session, user_id=user.id)[0]) == 1
