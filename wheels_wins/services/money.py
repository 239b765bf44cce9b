"""Money rules: the user's today and month, summaries, budget status and formatting.

The summaries are cached per user and range (`services.cache`); `services.money_changes`
retires a user's entries after any committed write to their expenses, budgets or income.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session

from wheels_wins.db import to_money
from wheels_wins.repositories import budgets as budget_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import income as income_repo
from wheels_wins.services.cache import get_cache
from wheels_wins.services.currency import currency_symbol
from wheels_wins.services.money_changes import is_unsettled
from wheels_wins.settings import get_settings

T = TypeVar("T")
ZERO = Decimal("0.00")


def zone(timezone: str | None) -> ZoneInfo:
    """The user's ZoneInfo, falling back to UTC for unknown names."""
    try:
        return ZoneInfo(timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def today_in(timezone: str | None) -> dt.date:
    """Today's date where the user is."""
    return dt.datetime.now(zone(timezone)).date()


def month_range(day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the month containing `day`."""
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def format_money(amount: Decimal | int | str | None, currency: str = "AUD") -> str:
    """`$1,234.50` style text in the user's currency (codes without a symbol are prefixed)."""
    value = to_money(amount or 0)
    symbol = currency_symbol(currency)
    sign = "-" if value < 0 else ""
    return f"{sign}{symbol}{abs(value):,.2f}"


@dataclass(frozen=True)
class BudgetStatus:
    """One category's budget this month."""

    category: str
    amount: Decimal
    spent: Decimal
    remaining: Decimal

    @property
    def ratio(self) -> float:
        """Share of the budget spent (0 when the budget is zero)."""
        return float(self.spent / self.amount) if self.amount else 0.0


@dataclass(frozen=True)
class MonthSummary:
    """Spend, income and budgets for one period."""

    start: dt.date
    end: dt.date
    total: Decimal
    by_category: dict[str, Decimal]
    income: Decimal = ZERO
    budgets: list[BudgetStatus] = field(default_factory=list)

    @property
    def budget_total(self) -> Decimal:
        """Sum of all monthly budgets."""
        return sum((b.amount for b in self.budgets), ZERO)

    @property
    def net(self) -> Decimal:
        """Income minus spending."""
        return self.income - self.total


def _cached(
    session: Session,
    *,
    user_id: uuid.UUID,
    name: str,
    compute: Callable[[], T],
    dump: Callable[[T], Any],
    load: Callable[[Any], T],
    ttl: float | None = None,
    refresh: bool = False,
) -> T:
    """`compute()` through the summary cache, unless this session holds uncommitted money changes.

    `refresh` recomputes and stores even on a hit; `ttl` overrides CACHE_TTL_SECONDS (the rollup job
    keeps its entries a day: any write retires them through the generation, so age alone never makes them wrong).
    """
    if is_unsettled(session, user_id):
        return compute()
    cache = get_cache()
    # The generation is read before the database, so a value computed from older data lands under an old key.
    key = f"money:{user_id}:{cache.generation(user_id)}:{name}"
    hit = None if refresh else cache.get(key)
    if hit is not None:
        return load(hit)
    value = compute()
    cache.set(key, dump(value), ttl=ttl or get_settings().cache_ttl_seconds)
    return value


def _ordered(by_category: dict[str, Decimal]) -> tuple[Decimal, dict[str, Decimal]]:
    ordered = dict(sorted(by_category.items(), key=lambda item: item[1], reverse=True))
    return sum(ordered.values(), ZERO), ordered


def _statuses(session: Session, user_id: uuid.UUID, spent: dict[str, Decimal]) -> list[BudgetStatus]:
    return [
        BudgetStatus(b.category, b.amount, spent.get(b.category, ZERO), b.amount - spent.get(b.category, ZERO))
        for b in budget_repo.list_all(session, user_id=user_id)
    ]


def _dump_spend(value: tuple[Decimal, dict[str, Decimal]]) -> dict[str, Any]:
    return {"total": str(value[0]), "by": [[c, str(a)] for c, a in value[1].items()]}


def _load_spend(data: dict[str, Any]) -> tuple[Decimal, dict[str, Decimal]]:
    return Decimal(data["total"]), {c: Decimal(a) for c, a in data["by"]}


def _dump_statuses(statuses: list[BudgetStatus]) -> list[list[str]]:
    return [[s.category, str(s.amount), str(s.spent), str(s.remaining)] for s in statuses]


def _load_statuses(data: list[list[str]]) -> list[BudgetStatus]:
    return [BudgetStatus(c, Decimal(a), Decimal(s), Decimal(r)) for c, a, s, r in data]


def _dump_month(summary: MonthSummary) -> dict[str, Any]:
    return {
        "start": summary.start.isoformat(),
        "end": summary.end.isoformat(),
        "income": str(summary.income),
        "budgets": _dump_statuses(summary.budgets),
        **_dump_spend((summary.total, summary.by_category)),
    }


def _load_month(data: dict[str, Any]) -> MonthSummary:
    total, by_category = _load_spend(data)
    return MonthSummary(
        start=dt.date.fromisoformat(data["start"]),
        end=dt.date.fromisoformat(data["end"]),
        total=total,
        by_category=by_category,
        income=Decimal(data["income"]),
        budgets=_load_statuses(data["budgets"]),
    )


def spend_summary(
    session: Session, *, user_id: uuid.UUID, start: dt.date, end: dt.date
) -> tuple[Decimal, dict[str, Decimal]]:
    """Total and per-category spend between start and end inclusive (largest first)."""
    return _cached(
        session,
        user_id=user_id,
        name=f"spend:{start}:{end}",
        compute=lambda: _ordered(expense_repo.sum_by_category(session, user_id=user_id, start=start, end=end)),
        dump=_dump_spend,
        load=_load_spend,
    )


def expense_list_totals(
    session: Session,
    *,
    user_id: uuid.UUID,
    start: dt.date | None = None,
    end: dt.date | None = None,
    category: str | None = None,
    trip_id: uuid.UUID | None = None,
    search: str | None = None,
) -> tuple[int, Decimal]:
    """How many expenses match the list's filters and their sum (counting 100k rows is the list's slow part)."""
    filters = {"start": start, "end": end, "category": category, "trip_id": trip_id, "search": search}
    return _cached(
        session,
        user_id=user_id,
        name="list:" + ":".join(str(value) for value in filters.values()),
        compute=lambda: expense_repo.count_and_total(session, user_id=user_id, **filters),
        dump=lambda value: [value[0], str(value[1])],
        load=lambda value: (int(value[0]), Decimal(value[1])),
    )


def budget_statuses(session: Session, *, user_id: uuid.UUID, today: dt.date) -> list[BudgetStatus]:
    """Every budget with this month's spend and what remains."""
    start, end = month_range(today)

    def compute() -> list[BudgetStatus]:
        return _statuses(session, user_id, expense_repo.sum_by_category(session, user_id=user_id, start=start, end=end))

    return _cached(
        session, user_id=user_id, name=f"budgets:{start}", compute=compute, dump=_dump_statuses, load=_load_statuses
    )


def month_summary(
    session: Session, *, user_id: uuid.UUID, today: dt.date, ttl: float | None = None, refresh: bool = False
) -> MonthSummary:
    """This month at a glance: spend by category, income and budgets (`refresh`/`ttl`: see `_cached`)."""
    start, end = month_range(today)

    def compute() -> MonthSummary:
        spent = expense_repo.sum_by_category(session, user_id=user_id, start=start, end=end)
        total, by_category = _ordered(spent)
        return MonthSummary(
            start=start,
            end=end,
            total=total,
            by_category=by_category,
            income=income_repo.total(session, user_id=user_id, start=start, end=end),
            budgets=_statuses(session, user_id, spent),
        )

    return _cached(
        session,
        user_id=user_id,
        name=f"month:{start}",
        compute=compute,
        dump=_dump_month,
        load=_load_month,
        ttl=ttl,
        refresh=refresh,
    )
