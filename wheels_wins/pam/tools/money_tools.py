"""Budget and income tools."""

from __future__ import annotations

import datetime as dt

from wheels_wins.pam.tools.common import Period, PositiveMoney, ShortText, money_text, resolve_range
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import budgets as budget_repo
from wheels_wins.repositories import income as income_repo
from wheels_wins.services.categories import CATEGORIES, normalise_category
from wheels_wins.services.money import BudgetStatus, budget_statuses


@tool(mutates=True)
def set_budget(ctx: ToolContext, category: str, amount: PositiveMoney) -> ToolResult:
    """Set the monthly budget for a spending category."""
    canonical = normalise_category(category)
    if canonical is None:
        return ToolResult.fail(f"'{category}' isn't a category I know. Try one of: {', '.join(CATEGORIES)}.")
    previous = budget_repo.get(ctx.session, user_id=ctx.user_id, category=canonical)
    previous_amount = f"{previous.amount:.2f}" if previous else None
    budget = budget_repo.upsert(ctx.session, user_id=ctx.user_id, category=canonical, amount=amount)
    return ToolResult(
        True, f"Set {canonical} budget to {money_text(budget.amount, ctx.user.currency)} a month",
        {"category": canonical, "amount": f"{budget.amount:.2f}", "period": "monthly"},
        undo={"op": "budget", "kind": "budget", "category": canonical, "previous": previous_amount}, changed=("budgets",),
    )


def _budget_line(status: BudgetStatus, currency: str) -> str:
    """E.g. "Fuel: $120.00 of $300.00 spent, $180.00 left (40%)" or "... $40.00 over"."""
    spent = f"{status.category.capitalize()}: {money_text(status.spent, currency)} of {money_text(status.amount, currency)} spent"
    if status.remaining < 0:
        return f"{spent}, {money_text(-status.remaining, currency)} over"
    return f"{spent}, {money_text(status.remaining, currency)} left ({round(status.ratio * 100)}%)"


@tool()
def budget_status(ctx: ToolContext, category: str | None = None) -> ToolResult:
    """This month's budgets: amount, spent and remaining, for one category or all."""
    canonical = normalise_category(category) if category else None
    statuses = budget_statuses(ctx.session, user_id=ctx.user_id, today=ctx.today)
    if canonical:
        statuses = [s for s in statuses if s.category == canonical]
    currency = ctx.user.currency
    items = [
        {"category": s.category, "amount": f"{s.amount:.2f}", "spent": f"{s.spent:.2f}", "remaining": f"{s.remaining:.2f}",
         "percent_used": round(s.ratio * 100)}
        for s in statuses
    ]
    if canonical and not statuses:
        return ToolResult(True, f"No {canonical} budget set", {"items": [], "category": canonical})
    summary = "; ".join(_budget_line(s, currency) for s in statuses) or "No budgets set"
    return ToolResult(True, summary, {"items": items, "category": canonical})


@tool(mutates=True)
def add_income(
    ctx: ToolContext, amount: PositiveMoney, source: ShortText, date: dt.date | None = None, description: ShortText = ""
) -> ToolResult:
    """Record money the user earned (work, selling things, house-sitting...). date defaults to today."""
    entry = income_repo.create(
        ctx.session, user_id=ctx.user_id, amount=amount, source=source or "Income", date=date or ctx.today,
        description=description, currency=ctx.user.currency,
    )
    return ToolResult(
        True, f"Recorded {money_text(entry.amount, ctx.user.currency)} income from {entry.source}",
        {"id": str(entry.id), "amount": f"{entry.amount:.2f}", "source": entry.source, "date": entry.date.isoformat()},
        undo={"op": "delete", "kind": "income", "id": str(entry.id)}, changed=("income",),
    )


@tool()
def income_summary(
    ctx: ToolContext, period: Period = "this_month", start: dt.date | None = None, end: dt.date | None = None
) -> ToolResult:
    """Total income for a period (or between start and end dates)."""
    start, end, when = resolve_range(period, start, end, ctx.today)
    total = income_repo.total(ctx.session, user_id=ctx.user_id, start=start, end=end)
    return ToolResult(
        True, f"{money_text(total, ctx.user.currency)} earned {when}",
        {"period": period, "total": f"{total:.2f}", "start": start.isoformat(), "end": end.isoformat()},
    )

