"""Expenses named by what they were rather than by id, for requests about records PAM did not just make: "delete the
$12 laundromat expense", "yesterday's diesel should be $29 not $92"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wheels_wins.models import Expense
from wheels_wins.pam.tools.common import PositiveMoney, ShortText, lookback, money_text, newer_copies
from wheels_wins.pam.tools.expenses import (
    delete_expense,
    expense_data,
    expense_key,
    purchase_line,
    search_expenses,
    update_expense,
)
from wheels_wins.pam.tools.income_lookup import delete_income_described, delete_income_twice, update_income_described
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.services.categories import normalise_category

# How far back a described expense is looked for when no date is said.
LOOKBACK_DAYS = 90
# How many matches are looked at, and how many of several "Which one?" lists.
_LOOKED_AT, _SHOWN = 20, 5


def _described(
    ctx: ToolContext, text: str, amount: PositiveMoney | None, date: dt.date | None, category: str | None
) -> list[Expense]:
    """The user's expenses matching every criterion given, newest first (see `search_expenses`); an amount alone
    is looked for among all of them ("delete the $12 laundromat one" when no description says laundromat)."""
    start, end = lookback(ctx, date, LOOKBACK_DAYS)
    canonical = normalise_category(category) if category else None
    if not (text.strip() or canonical or amount is not None or date):
        return []
    rows, _ = search_expenses(ctx, text, start, end, category=canonical, amount=amount, limit=_LOOKED_AT)
    if not rows and amount is not None and not canonical and text.strip():
        rows, _ = search_expenses(ctx, "", start, end, amount=amount, limit=_LOOKED_AT)
    return rows


def _the_one(
    ctx: ToolContext, rows: list[Expense], described: tuple[str, PositiveMoney | None, dt.date | None, str | None],
    then: dict[str, Any], again: dict[str, Any],
) -> Expense | ToolResult:
    """The one expense of `rows` (those `_described` found for the words, amount, date and category), or the reply
    that asks which: it lists them, and keeps what is to be done (`then`: the tool and its arguments but the id) so
    that "the $9 one" can follow, and the request itself (`again`: this tool and its arguments) so that an amount
    among those not listed can be looked for. When none has the amount said, those without it are listed."""
    text, amount, date, category = described
    if rows:
        return _which_of(ctx, rows, then, again)
    others = _described(ctx, text, None, date, category) if amount is not None else []
    if not others:
        return ToolResult.fail(f"I couldn't find {_asked(text, amount, date, category)}.")
    note = f"None of them is {money_text(amount, ctx.user.currency)}. " if amount is not None else ""
    return _which_of(ctx, others, then, again, note=note)


def _which_of(
    ctx: ToolContext, rows: list[Expense], then: dict[str, Any], again: dict[str, Any], note: str = ""
) -> Expense | ToolResult:
    """The one expense of those found, or "Which one? …" listing the latest few (always, after a `note`)."""
    if not note and len({expense_key(e) for e in rows}) == 1:
        return rows[0]  # the same purchase recorded twice or more: any one of them
    shown = rows[:_SHOWN]
    found = f"I found {len(rows)}" + (f"; the latest {_SHOWN}" if len(rows) > _SHOWN else "")
    bullets = "".join(f"\n- {purchase_line(e, ctx.user.currency)}" for e in shown)  # a list reads better than a run-on line
    one = len(rows) == 1
    question = f"Did you mean {purchase_line(rows[0], ctx.user.currency)}?" if one else f"Which one? {found}:{bullets}"
    return ToolResult(True, f"{note}{question}",
                      {"items": [expense_data(e) for e in shown], "then": then, "again": again})


def _described_args(description: str, date: dt.date | None, category: str | None) -> dict[str, str]:
    """A description's words, date and category as tool arguments, leaving out those not given."""
    given = {"description": description, "date": date.isoformat() if date else "", "category": category or ""}
    return {k: v for k, v in given.items() if v}


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
    latest: bool = False,
    duplicate: bool = False,
) -> ToolResult:
    """Delete the expense the user describes (words of its description or shop, its amount, date or category) when
    it was not just recorded in this conversation: "delete the $12 laundromat expense"; with `latest`, the most
    recent that matches ("delete my last fill-up"); with `duplicate`, the newer of one recorded twice ("I logged the
    bunnings tarp twice"). A fill-up's or maintenance record's expense goes with its record; income that matches
    when no expense does is deleted instead ("take off the 200 from the market")."""
    described = (description, amount, date, category)
    found = _described(ctx, description, amount, date, category)
    if latest or duplicate:
        twice = newer_copies(found, expense_key) if duplicate else found  # the newer of the same purchase twice
        if not twice and duplicate and not category:  # "my etsy payout is in there twice": income recorded twice
            income = delete_income_twice(ctx, description, date)
            if income is not None:
                return income
        if not twice:
            return ToolResult.fail(f"I couldn't find {_asked(*described)} recorded twice." if duplicate and found
                                   else f"I couldn't find {_asked(*described)}.")
        return delete_expense(ctx, expense_id=str(twice[0].id))
    if not category and (description or amount is not None) and not found:
        income = delete_income_described(ctx, description, amount, date)  # "take off the 200 from the market": money in
        if income is not None:
            return income
    again = {"tool": "delete_expense_described", "arguments": _described_args(description, date, category)}
    chosen = _the_one(ctx, found, described, {"tool": "delete_expense", "arguments": {}}, again)
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
    new_merchant: ShortText | None = None,
) -> ToolResult:
    """Correct the expense the user describes (as for delete_expense_described; `amount` is its current amount) when it
    was not just recorded here: "yesterday's diesel expense should be $29 not $92" is amount 92, new_amount 29."""
    changes = {"amount": new_amount, "category": new_category, "date": new_date, "merchant": new_merchant}
    then = {"tool": "update_expense", "arguments": {k: str(v) for k, v in changes.items() if v is not None}}
    again = {"tool": "update_expense_described",
             "arguments": {**_described_args(description, date, category),
                           **{f"new_{k}": v for k, v in then["arguments"].items()}}}
    found = _described(ctx, description, amount, date, category)
    if not found and description and not (category or new_category or new_merchant):
        income = update_income_described(ctx, description, amount, date, new_amount, new_date)
        if income.ok:  # "the market stall money last Saturday was actually $340": money that came in
            return income
    chosen = _the_one(ctx, found, (description, amount, date, category), then, again)
    return chosen if isinstance(chosen, ToolResult) else update_expense(ctx, expense_id=str(chosen.id), **changes)
