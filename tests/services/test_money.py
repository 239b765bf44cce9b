"""Money rules: dates in the user's zone, month ranges, formatting and the month summary."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session

from wheels_wins.repositories import budgets, expenses, income
from wheels_wins.services.cache import get_cache
from wheels_wins.services.money import (
    BudgetStatus,
    budget_statuses,
    expense_list_totals,
    format_money,
    month_range,
    month_summary,
    spend_summary,
    today_in,
    zone,
)

UTC = dt.UTC


@pytest.mark.parametrize(
    ("day", "first", "last"),
    [
        (dt.date(2024, 2, 10), dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        (dt.date(2023, 2, 28), dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        (dt.date(2025, 12, 31), dt.date(2025, 12, 1), dt.date(2025, 12, 31)),
        (dt.date(2026, 1, 1), dt.date(2026, 1, 1), dt.date(2026, 1, 31)),
        (dt.date(2026, 4, 15), dt.date(2026, 4, 1), dt.date(2026, 4, 30)),
    ],
)
def test_month_range(day: dt.date, first: dt.date, last: dt.date) -> None:
    assert month_range(day) == (first, last)


def _zone_where_the_date_differs_from_utc() -> str:
    # UTC+14 is a day ahead from 10:00 UTC; UTC-12 is a day behind before 12:00 UTC.
    return "Pacific/Kiritimati" if dt.datetime.now(UTC).hour >= 11 else "Etc/GMT+12"


def test_today_in_uses_the_users_zone_not_utc() -> None:
    tz = _zone_where_the_date_differs_from_utc()
    before = dt.datetime.now(ZoneInfo(tz)).date()
    result = today_in(tz)
    after = dt.datetime.now(ZoneInfo(tz)).date()
    assert result in {before, after}
    assert result != dt.datetime.now(UTC).date()


@pytest.mark.parametrize("tz", [None, "", "Mars/Olympus_Mons", "not a zone"])
def test_unknown_zones_fall_back_to_utc(tz: str | None) -> None:
    assert zone(tz) == ZoneInfo("UTC")
    before = dt.datetime.now(UTC).date()
    assert today_in(tz) in {before, dt.datetime.now(UTC).date()}


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        (Decimal("1234.5"), "AUD", "$1,234.50"),
        (Decimal("-1234.5"), "AUD", "-$1,234.50"),
        (Decimal("1234567.891"), "USD", "$1,234,567.89"),
        ("1,250", "AUD", "$1,250.00"),
        (Decimal("0.005"), "AUD", "$0.01"),
        (None, "AUD", "$0.00"),
        (0, "NZD", "$0.00"),
        (Decimal("99.9"), "EUR", "€99.90"),
        (Decimal("99.9"), "gbp", "£99.90"),
        (Decimal("10"), "CHF", "CHF 10.00"),
        (Decimal("-10"), "chf", "-CHF 10.00"),
    ],
)
def test_format_money(amount: object, currency: str, text: str) -> None:
    assert format_money(amount, currency) == text


def test_format_money_defaults_to_dollars() -> None:
    assert format_money(Decimal("7")) == "$7.00"


def test_month_summary(session: Session, make_user) -> None:
    user = make_user()
    other = make_user()
    today = dt.date(2024, 2, 15)
    for amount, category, day in [
        ("80.00", "fuel", dt.date(2024, 2, 1)),
        ("45.50", "fuel", dt.date(2024, 2, 29)),
        ("210.25", "groceries", dt.date(2024, 2, 10)),
        ("12.00", "dining", dt.date(2024, 2, 14)),
        ("999.00", "fuel", dt.date(2024, 1, 31)),
        ("999.00", "fuel", dt.date(2024, 3, 1)),
    ]:
        expenses.create(session, user_id=user.id, amount=Decimal(amount), category=category, date=day)
    expenses.create(session, user_id=other.id, amount=Decimal("500"), category="dining", date=today)
    income.create(session, user_id=user.id, amount=Decimal("1000.00"), source="Bookkeeping", date=dt.date(2024, 2, 3))
    income.create(session, user_id=user.id, amount=Decimal("1000.00"), source="Bookkeeping", date=dt.date(2024, 3, 3))
    income.create(session, user_id=other.id, amount=Decimal("7.00"), source="Other", date=today)
    budgets.upsert(session, user_id=user.id, category="fuel", amount=Decimal("100"))
    budgets.upsert(session, user_id=user.id, category="camping", amount=Decimal("300"))
    budgets.upsert(session, user_id=user.id, category="dining", amount=Decimal("50"))
    budgets.upsert(session, user_id=other.id, category="groceries", amount=Decimal("1"))
    session.commit()

    summary = month_summary(session, user_id=user.id, today=today)

    assert (summary.start, summary.end) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert summary.total == Decimal("347.75")
    assert list(summary.by_category.items()) == [
        ("groceries", Decimal("210.25")),
        ("fuel", Decimal("125.50")),
        ("dining", Decimal("12.00")),
    ]
    assert summary.income == Decimal("1000.00")
    assert summary.net == Decimal("652.25")
    assert summary.budget_total == Decimal("450.00")
    assert summary.budgets == [
        BudgetStatus("camping", Decimal("300.00"), Decimal("0.00"), Decimal("300.00")),
        BudgetStatus("dining", Decimal("50.00"), Decimal("12.00"), Decimal("38.00")),
        BudgetStatus("fuel", Decimal("100.00"), Decimal("125.50"), Decimal("-25.50")),
    ]
    ratios = {b.category: b.ratio for b in summary.budgets}
    assert ratios == {"camping": 0.0, "dining": 0.24, "fuel": 1.255}


def test_month_summary_of_an_empty_month(session: Session, make_user) -> None:
    user = make_user()
    summary = month_summary(session, user_id=user.id, today=dt.date(2025, 12, 31))
    assert (summary.total, summary.by_category, summary.income, summary.budgets) == (
        Decimal("0.00"),
        {},
        Decimal("0.00"),
        [],
    )
    assert summary.net == Decimal("0.00")
    assert str(summary.total) == "0.00"


def test_zero_budget_has_zero_ratio() -> None:
    assert BudgetStatus("fuel", Decimal("0.00"), Decimal("10.00"), Decimal("-10.00")).ratio == 0.0


def _seed_month(session: Session, user_id) -> dt.date:
    today = dt.date(2024, 2, 15)
    for amount, category in [("80.00", "fuel"), ("45.50", "fuel"), ("210.25", "groceries"), ("0.10", "dining")]:
        expenses.create(session, user_id=user_id, amount=Decimal(amount), category=category, date=today)
    income.create(session, user_id=user_id, amount=Decimal("1000.00"), source="Work", date=today)
    budgets.upsert(session, user_id=user_id, category="fuel", amount=Decimal("100"))
    session.commit()
    return today


def test_cached_summaries_equal_fresh_ones(session: Session, make_user) -> None:
    user = make_user()
    today = _seed_month(session, user.id)
    get_cache().bump([user.id])
    fresh = (
        month_summary(session, user_id=user.id, today=today),
        spend_summary(session, user_id=user.id, start=dt.date(2024, 2, 1), end=today),
        budget_statuses(session, user_id=user.id, today=today),
    )
    cached = (
        month_summary(session, user_id=user.id, today=today),
        spend_summary(session, user_id=user.id, start=dt.date(2024, 2, 1), end=today),
        budget_statuses(session, user_id=user.id, today=today),
    )
    assert cached == fresh
    assert list(cached[0].by_category) == ["groceries", "fuel", "dining"]
    assert str(cached[0].by_category["dining"]) == "0.10" and str(cached[1][0]) == "335.85"


def test_each_range_has_its_own_entry(session: Session, make_user) -> None:
    user = make_user()
    today = _seed_month(session, user.id)
    assert spend_summary(session, user_id=user.id, start=today, end=today)[0] == Decimal("335.85")
    assert spend_summary(session, user_id=user.id, start=dt.date(2024, 1, 1), end=dt.date(2024, 1, 31))[0] == Decimal(
        "0"
    )
    assert month_summary(session, user_id=user.id, today=dt.date(2024, 3, 1)).total == Decimal("0")


def test_a_session_sees_its_own_uncommitted_spend(session: Session, make_user) -> None:
    user = make_user()
    today = _seed_month(session, user.id)
    assert month_summary(session, user_id=user.id, today=today).total == Decimal("335.85")
    expenses.create(session, user_id=user.id, amount=Decimal("1"), category="fuel", date=today)
    assert month_summary(session, user_id=user.id, today=today).total == Decimal("336.85")
    session.rollback()
    assert month_summary(session, user_id=user.id, today=today).total == Decimal("335.85")


def test_expense_list_totals_are_cached_and_never_stale_after_a_write(session: Session, make_user) -> None:
    user = make_user()
    day = dt.date(2026, 3, 10)
    expenses.create(session, user_id=user.id, amount=Decimal("20.00"), category="fuel", date=day)
    session.commit()
    assert expense_list_totals(session, user_id=user.id) == (1, Decimal("20.00"))
    assert expense_list_totals(session, user_id=user.id, category="dining") == (0, Decimal("0.00"))
    expenses.create(session, user_id=user.id, amount=Decimal("5.50"), category="dining", date=day)
    session.commit()
    assert expense_list_totals(session, user_id=user.id) == (2, Decimal("25.50"))
    assert expense_list_totals(session, user_id=user.id, category="dining") == (1, Decimal("5.50"))


def _spend_on(session: Session, user_id, amount: str, day: dt.date, category: str = "fuel") -> None:
    expenses.create(session, user_id=user_id, amount=Decimal(amount), category=category, date=day)


def _by_category(session: Session, *, user_id, start: dt.date, end: dt.date) -> dict[str, Decimal]:
    return spend_summary(session, user_id=user_id, start=start, end=end)[1]


def test_spend_by_category_sums_exactly_largest_first(session: Session, make_user) -> None:
    user = make_user()
    for amount in ("0.10", "0.20", "0.10"):
        _spend_on(session, user.id, amount, dt.date(2026, 3, 5), "dining")
    _spend_on(session, user.id, "1234.50", dt.date(2026, 3, 6), "fuel")
    _spend_on(session, user.id, "12.34", dt.date(2026, 3, 7), "groceries")
    session.commit()
    result = _by_category(session, user_id=user.id, start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31))
    assert result == {"fuel": Decimal("1234.50"), "groceries": Decimal("12.34"), "dining": Decimal("0.40")}
    assert list(result) == ["fuel", "groceries", "dining"]
    assert all(v.as_tuple().exponent == -2 for v in result.values())


def test_spend_by_category_range_is_inclusive(session: Session, make_user) -> None:
    user = make_user()
    _spend_on(session, user.id, "1.00", dt.date(2026, 2, 28))
    _spend_on(session, user.id, "2.00", dt.date(2026, 3, 1))
    _spend_on(session, user.id, "4.00", dt.date(2026, 3, 31))
    _spend_on(session, user.id, "8.00", dt.date(2026, 4, 1))
    session.commit()
    assert _by_category(
        session, user_id=user.id, start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31)
    ) == {"fuel": Decimal("6.00")}
    assert (
        _by_category(session, user_id=user.id, start=dt.date(2026, 5, 1), end=dt.date(2026, 5, 31))
        == {}
    )


def test_spend_by_category_ignores_other_users(session: Session, make_user) -> None:
    me, other = make_user(), make_user()
    _spend_on(session, me.id, "10.00", dt.date(2026, 3, 2))
    _spend_on(session, other.id, "99.00", dt.date(2026, 3, 2))
    _spend_on(session, other.id, "5.00", dt.date(2026, 3, 2), "camping")
    session.commit()
    assert _by_category(
        session, user_id=me.id, start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31)
    ) == {"fuel": Decimal("10.00")}
