"""Budget and income tools."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from wheels_wins.db import to_money
from wheels_wins.models import Budget
from wheels_wins.pam.tools.common import Period, PositiveMoney, ShortText, money_text, resolve_range
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import budgets as budget_repo
from wheels_wins.repositories import income as income_repo
from wheels_wins.services.categories import CATEGORIES, normalise_category
from wheels_wins.services.money import BudgetStatus, budget_statuses, spend_summary


def _save_budget(ctx: ToolContext, category: str, amount: Decimal, previous: Budget | None) -> ToolResult:
    """Store the monthly amount; undo puts back `previous` (or removes a budget that did not exist)."""
    previous_amount = f"{previous.amount:.2f}" if previous else None
    was = ""  # worded before upsert changes `previous`
    if previous is not None and previous.amount != amount:
        was = f" (was {money_text(previous.amount, ctx.user.currency)})"
    budget = budget_repo.upsert(ctx.session, user_id=ctx.user_id, category=category, amount=amount)
    return ToolResult(
        True, f"Set {category} budget to {money_text(budget.amount, ctx.user.currency)} a month{was}",
        {"category": category, "amount": f"{budget.amount:.2f}", "period": "monthly", "previous": previous_amount},
        undo={"op": "budget", "kind": "budget", "category": category, "previous": previous_amount}, changed=("budgets",),
    )


def _unknown_category(category: str) -> ToolResult:
    return ToolResult.fail(f"'{category}' isn't a category I know. Try one of: {', '.join(CATEGORIES)}.")


@tool(mutates=True)
def set_budget(
    ctx: ToolContext,
    category: str,
    amount: PositiveMoney | None = None,
    same_as: str | None = None,
    as_spent: Period | None = None,
) -> ToolResult:
    """Set the monthly budget for a spending category to `amount`, or to what another category's budget is
    (`same_as`: "make the groceries budget match the fuel budget"), or to what was spent on it in a period
    (`as_spent`: "set my dining budget to whatever I've spent on dining this month" is "this_month")."""
    canonical = normalise_category(category)
    if canonical is None:
        return _unknown_category(category)
    if amount is None and as_spent is not None:
        start, end, when = resolve_range(as_spent, None, None, ctx.today)
        spent = spend_summary(ctx.session, user_id=ctx.user_id, start=start, end=end)[1].get(canonical, Decimal(0))
        if spent <= 0:
            return ToolResult.fail(f"Nothing spent on {canonical} {when} yet. How much a month should the budget be?")
        amount = to_money(spent)
    if amount is None and same_as is None:
        return ToolResult.fail(f"How much a month should the {canonical} budget be?")
    if amount is None:
        other = normalise_category(same_as or "")
        if other is None:
            return _unknown_category(same_as or "")
        model = budget_repo.get(ctx.session, user_id=ctx.user_id, category=other)
        if model is None:
            return ToolResult.fail(f"There's no {other} budget to match yet. How much a month should {canonical} be?")
        amount = model.amount
    previous = budget_repo.get(ctx.session, user_id=ctx.user_id, category=canonical)
    return _save_budget(ctx, canonical, amount, previous)


Percent = Annotated[Decimal, Field(gt=0, le=1000, description="A percentage, e.g. 10 for 10%")]


@tool(mutates=True)
def adjust_budget(
    ctx: ToolContext,
    category: str,
    direction: Literal["raise", "lower"],
    by: PositiveMoney | None = None,
    percent: Percent | None = None,
) -> ToolResult:
    """Raise or lower an existing monthly budget by an amount or by a percentage ("bump my fuel budget up by $50",
    "cut dining by 10%", "halve the groceries budget" = lower by 50%). Give exactly one of `by` and `percent`."""
    canonical = normalise_category(category)
    if canonical is None:
        return _unknown_category(category)
    if (by is None) == (percent is None):
        return ToolResult.fail("Say how much to change it by: an amount like $50, or a percentage like 10%.")
    previous = budget_repo.get(ctx.session, user_id=ctx.user_id, category=canonical)
    if previous is None:
        return ToolResult.fail(
            f"There's no {canonical} budget to change yet. Set one first, e.g. “set my {canonical} budget to $400”."
        )
    change = by if by is not None else to_money(previous.amount * (percent or Decimal(0)) / 100)
    amount = previous.amount + change if direction == "raise" else previous.amount - change
    if amount <= 0:
        return ToolResult.fail(
            f"Your {canonical} budget is {money_text(previous.amount, ctx.user.currency)} a month, so lowering it by "
            f"{money_text(change, ctx.user.currency)} would leave nothing. Say the new amount instead."
        )
    return _save_budget(ctx, canonical, amount, previous)


def _budget_line(status: BudgetStatus, currency: str) -> str:
    """E.g. "Fuel: $120.00 of $300.00 spent, $180.00 left (40%)" or "... $40.00 over"."""
    spent = f"{status.category.capitalize()}: {money_text(status.spent, currency)} of {money_text(status.amount, currency)} spent"
    if status.remaining < 0:
        return f"{spent}, {money_text(-status.remaining, currency)} over"
    used = round(status.ratio * 100, 1)  # "37.5%"; a whole number without ".0"
    return f"{spent}, {money_text(status.remaining, currency)} left ({used:g}%)"


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
    data: dict[str, object] = {"items": items, "category": canonical}
    if len(statuses) > 1:  # "how much have I got left across all my budgets?"
        budgeted, spent = sum(s.amount for s in statuses), sum(s.spent for s in statuses)
        left = budgeted - spent
        data.update(total_amount=f"{budgeted:.2f}", total_spent=f"{spent:.2f}", total_remaining=f"{left:.2f}")
        overall = f"{money_text(left, currency)} left" if left >= 0 else f"{money_text(-left, currency)} over"
        summary += f". In all: {money_text(spent, currency)} of {money_text(budgeted, currency)} spent, {overall}"
    return ToolResult(True, summary, data)


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
    ctx: ToolContext,
    period: Period = "this_month",
    start: dt.date | None = None,
    end: dt.date | None = None,
    source: Annotated[str, Field(min_length=2, max_length=100)] | None = None,
) -> ToolResult:
    """Total income for a period (or between start and end dates); with `source`, only income from it (matched in
    the source or description, e.g. "markets", "pension")."""
    start, end, when = resolve_range(period, start, end, ctx.today)
    wanted = (source or "").strip() or None
    also = _SELLING if wanted and wanted.lower() in _SELLING else ()  # "selling our bits and pieces": sold, sales
    total = income_repo.total(ctx.session, user_id=ctx.user_id, start=start, end=end, source=wanted, also=also)
    data = {"period": period, "total": f"{total:.2f}", "start": start.isoformat(), "end": end.isoformat()}
    if wanted:
        return ToolResult(True, f"{money_text(total, ctx.user.currency)} from {wanted} {when}", {**data, "source": wanted})
    return ToolResult(True, f"{money_text(total, ctx.user.currency)} earned {when}", data)


_SELLING = ("sale", "sales", "sold", "selling", "sell")


@tool()
def net_income(
    ctx: ToolContext, period: Period = "this_month", start: dt.date | None = None, end: dt.date | None = None
) -> ToolResult:
    """What the user earned minus what they spent in a period (or between start and end dates): saved or behind."""
    start, end, when = resolve_range(period, start, end, ctx.today)
    earned = income_repo.total(ctx.session, user_id=ctx.user_id, start=start, end=end)
    spent, _ = spend_summary(ctx.session, user_id=ctx.user_id, start=start, end=end)
    net = earned - spent
    currency = ctx.user.currency
    outcome = f"{money_text(net, currency)} saved" if net >= 0 else f"{money_text(-net, currency)} more spent than earned"
    return ToolResult(
        True, f"{money_text(earned, currency)} earned and {money_text(spent, currency)} spent {when}: {outcome}",
        {"period": period, "start": start.isoformat(), "end": end.isoformat(), "earned": f"{earned:.2f}",
         "spent": f"{spent:.2f}", "net": f"{net:.2f}"},
    )
