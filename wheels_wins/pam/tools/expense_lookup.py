"""Expenses named by what they were rather than by id, for requests about records PAM did not just make: "delete the
$12 laundromat expense", "yesterday's diesel should be $29 not $92"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wheels_wins.models import Expense
from wheels_wins.pam.tools.common import PositiveMoney, ShortText, money_text
from wheels_wins.pam.tools.expenses import delete_expense, expense_data, update_expense
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.services.categories import normalise_category

# How far back a described expense is looked for when no date is said.
LOOKBACK_DAYS = 90


def _described(
    ctx: ToolContext, text: str, amount: PositiveMoney | None, date: dt.date | None, category: str | None
) -> list[Expense]:
    """The user's expenses matching every criterion given, newest first; the text is read as a category when no
    description or shop contains it ("the diesel one" is a fuel expense described as "Fuel 60 L")."""
    start, end = (date, date) if date else (ctx.today - dt.timedelta(days=LOOKBACK_DAYS), ctx.today)
    canonical = normalise_category(category) if category else None

    def found(search: str | None, in_category: str | None) -> list[Expense]:
        rows, _ = expense_repo.list_page(
            ctx.session, user_id=ctx.user_id, start=start, end=end, category=in_category, search=search, limit=20
        )
        return [e for e in rows if amount is None or e.amount == amount]

    text = text.strip()
    if not (text or canonical or amount is not None or date):
        return []
    rows = found(text or None, canonical)
    read_as = canonical or (normalise_category(text) if text else None)
    if not rows and (read_as or amount is not None):
        rows = found(None, read_as)
    return rows


def _the_one(ctx: ToolContext, rows: list[Expense], asked: str, then: dict[str, Any]) -> Expense | ToolResult:
    """The one expense meant, or the reply that asks which: it lists them, and keeps what is to be done (`then`: the
    tool and its arguments but the id) so that "the $9 one" can follow."""
    if not rows:
        return ToolResult.fail(f"I couldn't find {asked}.")
    first = rows[0]
    if all((e.amount, e.date, e.description, e.merchant) == (first.amount, first.date, first.description, first.merchant)
           for e in rows):
        return first  # the same purchase recorded twice or more: any one of them
    listed = "; ".join(f"{e.description or e.category} {money_text(e.amount, ctx.user.currency)} ({e.date:%-d %b})"
                       for e in rows[:5])
    return ToolResult(True, f"Which one? I found {len(rows)}: {listed}",
                      {"items": [expense_data(e) for e in rows[:5]], "then": then})


def _asked(text: str, amount: PositiveMoney | None, date: dt.date | None, category: str | None) -> str:
    what = " ".join(p for p in (f"${amount}" if amount is not None else "", text or category or "") if p)
    return f"a {what} expense" + (f" on {date:%-d %b}" if date else "") if what else "that expense"


@tool(mutates=True)
def delete_expense_described(
    ctx: ToolContext,
    description: ShortText = "",
    amount: PositiveMoney | None = None,
    date: dt.date | None = None,
    category: str | None = None,
) -> ToolResult:
    """Delete the expense the user describes (words of its description or shop, its amount, date or category) when
    it was not just recorded in this conversation: "delete the $12 laundromat expense"."""
    found = _described(ctx, description, amount, date, category)
    chosen = _the_one(ctx, found, _asked(description, amount, date, category), {"tool": "delete_expense", "arguments": {}})
    return chosen if isinstance(chosen, ToolResult) else delete_expense(ctx, expense_id=str(chosen.id))


@tool(mutates=True)
def update_expense_described(
    ctx: ToolContext,
    description: ShortText = "",
    amount: PositiveMoney | None = None,
    date: dt.date | None = None,
    category: str | None = None,
    new_amount: PositiveMoney | None = None,
    new_category: str | None = None,
    new_date: dt.date | None = None,
) -> ToolResult:
    """Correct the expense the user describes (as for delete_expense_described; `amount` is its current amount) when it
    was not just recorded here: "yesterday's diesel expense should be $29 not $92" is amount 92, new_amount 29."""
    changes = {"amount": new_amount, "category": new_category, "date": new_date}
    then = {"tool": "update_expense", "arguments": {k: str(v) for k, v in changes.items() if v is not None}}
    found = _described(ctx, description, amount, date, category)
    chosen = _the_one(ctx, found, _asked(description, amount, date, category), then)
    return chosen if isinstance(chosen, ToolResult) else update_expense(ctx, expense_id=str(chosen.id), **changes)
