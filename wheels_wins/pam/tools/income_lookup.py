"""Income named by where it came from or its amount, for requests about entries PAM did not just make: "take off the
200 from the market, that sale fell through"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from wheels_wins.models import IncomeEntry
from wheels_wins.pam.tools.common import PositiveMoney, ShortText, holds_words, lookback, money_text, newer_copies
from wheels_wins.pam.tools.corrections import delete_income, update_income
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import income as income_repo

# How far back, and how many entries, described income is looked for.
_LOOKBACK_DAYS, _LOOKED_AT = 90, 100
_NOT_A_SOURCE = frozenset("the a an from for of my our income entry payment money one that this pay wages cash earnings".split())


def _named(ctx: ToolContext, words: list[str], date: dt.date | None) -> list[IncomeEntry]:
    """The user's income entries (newest first) whose source or description holds the words, on `date` or lately."""
    start, end = lookback(ctx, date, _LOOKBACK_DAYS)
    rows, _ = income_repo.list_page(ctx.session, user_id=ctx.user_id, start=start, end=end, limit=_LOOKED_AT)
    return [e for e in rows if holds_words(f"{e.source} {e.description}", words)]


def _source_words(description: str) -> list[str]:
    return [w for w in description.lower().split() if w not in _NOT_A_SOURCE]


def delete_income_described(
    ctx: ToolContext, description: str, amount: Decimal | None, date: dt.date | None
) -> ToolResult | None:
    """Delete the one income entry the words (of its source or description) describe, with its amount and date when
    given; a reply listing them when several do; None when none does (an amount alone names no income: "delete the
    $200 expense" must not delete $200 of pension)."""
    words = [w for w in _source_words(description) if not w.lstrip("$").replace(".", "").isdigit()]
    found = [e for e in _named(ctx, words, date) if amount is None or e.amount == amount]
    if not found:
        return None
    if len(found) > 1:
        listed = "; ".join(f"{money_text(e.amount, ctx.user.currency)} from {e.source} ({e.date:%-d %b})" for e in found[:5])
        return ToolResult.fail(f"I found {len(found)} income entries like that: {listed}. Say its amount and date.")
    return delete_income(ctx, income_id=str(found[0].id))


def delete_income_twice(ctx: ToolContext, description: str, date: dt.date | None) -> ToolResult | None:
    """Delete the newer of an income entry the words describe that was recorded twice (same amount, day and
    source); None when there is no such pair."""
    twice = newer_copies(_named(ctx, _source_words(description), date), lambda e: (e.amount, e.date, e.source.lower()))
    return delete_income(ctx, income_id=str(twice[0].id)) if twice else None


@tool(mutates=True)
def update_income_described(
    ctx: ToolContext,
    description: ShortText = "",
    amount: PositiveMoney | None = None,
    date: dt.date | None = None,
    new_amount: PositiveMoney | None = None,
    new_date: dt.date | None = None,
) -> ToolResult:
    """Correct a past income entry named by its source or description (and its old amount or date): "the pub shifts
    came to 685 in the end" is description "pub shifts", new_amount 685."""
    found = [e for e in _named(ctx, _source_words(description), date) if amount is None or e.amount == amount]
    if not found:
        return ToolResult.fail(f"I couldn't find income from “{description}”.")
    return update_income(ctx, income_id=str(found[0].id), amount=new_amount, date=new_date)
