"""Expense tools: add, update, delete, list and summarise."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field

from wheels_wins.db import parse_uuid, to_money
from wheels_wins.models import Expense, FuelEntry, MaintenanceRecord
from wheels_wins.pam.tools.common import (
    Period,
    PositiveMoney,
    ShortText,
    holds_words,
    mid_sentence,
    money_text,
    on_trip,
    resolve_range,
    trip_underway,
)
from wheels_wins.pam.tools.corrections import update_fuel, update_maintenance
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.services import expense_owners
from wheels_wins.services.categories import CATEGORIES, infer_category, normalise_category
from wheels_wins.services.money import spend_summary


def expense_data(expense: Expense) -> dict[str, Any]:
    """The JSON view of an expense that tools return."""
    return {
        "id": str(expense.id), "amount": f"{expense.amount:.2f}", "category": expense.category,
        "date": expense.date.isoformat(), "description": expense.description, "merchant": expense.merchant,
    }


def expense_fields(expense: Expense) -> dict[str, Any]:
    """Editable fields, as stored in undo records."""
    return {k: v for k, v in expense_data(expense).items() if k != "id"}


def _chip(verb: str, expense: Expense, currency: str) -> str:
    """'Logged $40.00 groceries at Aldi'; an uncategorised purchase by what it was ('Logged $120.00 for the markets')."""
    where = f" at {expense.merchant}" if expense.merchant else ""
    if expense.category != "other":
        return f"{verb} {money_text(expense.amount, currency)} {expense.category}{where}"
    what = f" for {expense.description[:1].lower()}{expense.description[1:]}" if expense.description and not where else ""
    return f"{verb} {money_text(expense.amount, currency)}{where or what}"


@tool(mutates=True)
def add_expense(
    ctx: ToolContext,
    amount: PositiveMoney,
    category: str,
    date: dt.date | None = None,
    description: ShortText = "",
    merchant: ShortText = "",
) -> ToolResult:
    """Record money the user spent. category is one of: fuel, groceries, dining, camping, maintenance, insurance,
    registration, utilities, transport, entertainment, health, shopping, other. date defaults to today."""
    canonical = normalise_category(category)
    if canonical is None:
        return ToolResult.fail(f"'{category}' isn't a category I know. Try one of: {', '.join(CATEGORIES)}.")
    if date and date > ctx.today + dt.timedelta(days=1):
        return ToolResult.fail("That date is in the future; expenses record money already spent.")
    trip = trip_underway(ctx)
    expense = expense_repo.create(
        ctx.session, user_id=ctx.user_id, amount=amount, category=canonical, date=date or ctx.today,
        description=description or canonical.capitalize(), merchant=merchant, currency=ctx.user.currency, source="pam",
        trip_id=trip.id if trip else None,
    )
    return ToolResult(
        True, _chip("Logged", expense, ctx.user.currency) + on_trip(trip),
        {**expense_data(expense), "trip_id": str(trip.id) if trip else None},
        undo={"op": "delete", "kind": "expense", "id": str(expense.id)}, changed=("expenses",),
    )


@tool(mutates=True)
def update_expense(
    ctx: ToolContext,
    expense_id: str,
    amount: PositiveMoney | None = None,
    category: str | None = None,
    date: dt.date | None = None,
    description: ShortText | None = None,
    merchant: ShortText | None = None,
) -> ToolResult:
    """Change an existing expense (for corrections like "actually make that $35"). Only given fields change."""
    record_id = parse_uuid(expense_id)
    expense = expense_repo.get(ctx.session, user_id=ctx.user_id, expense_id=record_id) if record_id else None
    if expense is None:
        return ToolResult.fail("I couldn't find that expense.")
    before = expense_fields(expense)
    changes: dict[str, Any] = {}
    if amount is not None:
        changes["amount"] = amount
    if category is not None:
        canonical = normalise_category(category)
        if canonical is None:
            return ToolResult.fail(f"'{category}' isn't a category I know.")
        changes["category"] = canonical
    for key, value in (("date", date), ("description", description), ("merchant", merchant)):
        if value is not None:
            changes[key] = value
    if not changes:
        return ToolResult.fail("Tell me what to change: the amount, category, date, description or merchant.")
    if expense.source in ("fuel", "maintenance") and ({"amount", "date"} & changes.keys()):
        owned = _update_with_owner(ctx, expense, amount, date)  # the record's cost and day are its expense's
        rest = {k: v for k, v in changes.items() if k not in ("amount", "date")}
        if owned is not None and rest and owned.ok:  # the category, description or shop said in the same breath
            expense_repo.update(ctx.session, user_id=ctx.user_id, expense_id=expense.id, changes=rest)
        if owned is not None:
            return owned
    updated = expense_repo.update(ctx.session, user_id=ctx.user_id, expense_id=expense.id, changes=changes)
    assert updated is not None
    return ToolResult(
        True, _chip("Updated to", updated, ctx.user.currency), expense_data(updated),
        undo={"op": "restore", "kind": "expense", "id": str(updated.id), "fields": before}, changed=("expenses",),
    )


@tool(mutates=True)
def delete_expense(ctx: ToolContext, expense_id: str) -> ToolResult:
    """Delete one of the user's expenses."""
    record_id = parse_uuid(expense_id)
    expense = expense_repo.get(ctx.session, user_id=ctx.user_id, expense_id=record_id) if record_id else None
    if expense is None:
        return ToolResult.fail("I couldn't find that expense.")
    if expense.source in ("fuel", "maintenance"):
        return _delete_with_owner(ctx, expense)
    trip_id = str(expense.trip_id) if expense.trip_id else None
    fields = {**expense_fields(expense), "source": expense.source, "trip_id": trip_id}  # all undo needs to remake it
    expense_repo.delete(ctx.session, user_id=ctx.user_id, expense_id=expense.id)
    return ToolResult(
        True, _chip("Deleted", expense, ctx.user.currency), {"id": expense_id},
        undo={"op": "recreate", "kind": "expense", "fields": fields}, changed=("expenses",),
    )


def _update_with_owner(
    ctx: ToolContext, expense: Expense, amount: Decimal | None, date: dt.date | None
) -> ToolResult | None:
    """Change a fill-up's or maintenance record's cost or day through that record (its expense follows, and undo
    puts the record back); None when no record owns the expense."""
    owner = expense_owners.owner_of(ctx.session, user=ctx.user, expense=expense)
    if isinstance(owner, FuelEntry):
        return update_fuel(ctx, fuel_id=str(owner.id), total_cost=amount, date=date)
    if isinstance(owner, MaintenanceRecord):
        return update_maintenance(ctx, maintenance_id=str(owner.id), cost=amount, date=date)
    return None


def _delete_with_owner(ctx: ToolContext, expense: Expense) -> ToolResult:
    """Delete a fill-up's or maintenance record's expense by deleting that record (it takes its expense with it)."""
    what = f"{money_text(expense.amount, ctx.user.currency)} {expense.category}"
    deleted = expense_owners.delete_with_owner(ctx.session, user=ctx.user, expense=expense)
    if deleted is None:  # the record went but its expense stayed: an ordinary expense now
        expense_repo.delete(ctx.session, user_id=ctx.user_id, expense_id=expense.id)
        fields = {**expense_fields(expense), "trip_id": str(expense.trip_id) if expense.trip_id else None}
        return ToolResult(True, f"Deleted {what}", {"id": str(expense.id)},
                          undo={"op": "recreate", "kind": "expense", "fields": fields}, changed=("expenses",))
    kind, fields = deleted
    record = "fill-up" if kind == "fuel" else f"{mid_sentence(fields['task'])} record"
    return ToolResult(
        True, f"Deleted {what} ({expense.date:%-d %b}) with its {record}", {"id": str(expense.id), "owner": kind},
        undo={"op": "recreate", "kind": kind, "fields": fields}, changed=("expenses", kind),
    )


@tool()
def list_expenses(
    ctx: ToolContext,
    period: Period = "this_month",
    category: str | None = None,
    limit: int = 10,
    start: dt.date | None = None,
    end: dt.date | None = None,
    largest_first: bool = False,
    search: ShortText | None = None,
) -> ToolResult:
    """List the user's recent expenses for a period (or start/end dates), optionally one category; with
    `largest_first`, the biggest first ("what was my biggest purchase this month?" is limit 1); with `search`, those
    whose description or merchant contains it, to answer "did I already log lunch today?"."""
    start, end, when = resolve_range(period, start, end, ctx.today)
    if search:
        return _logged_yet(ctx, search, start, end, when)
    canonical = normalise_category(category) if category else None
    rows, total = expense_repo.list_page(
        ctx.session, user_id=ctx.user_id, start=start, end=end, category=canonical, limit=max(1, min(limit, 50)),
        sort="amount" if largest_first else "date",
    )
    items = [expense_data(e) for e in rows]
    label = f"{canonical + ' ' if canonical else ''}expenses {when}"
    data = {"items": items, "count": total, "period": period}
    if largest_first and rows:
        named = "; ".join(
            f"{money_text(e.amount, ctx.user.currency)} {e.description or e.category} ({e.date:%-d %b})" for e in rows
        )
        heading = f"Biggest {canonical + ' ' if canonical else ''}expense{'s' if len(rows) > 1 else ''} {when}"
        return ToolResult(True, f"{heading}: {named}", data)
    return ToolResult(True, f"{total} {label}", data)


def purchase_text(expense: Expense) -> str:
    """"weekly shop at Woolworths", "fuel"."""
    what = mid_sentence(expense.description or expense.category)
    return f"{what} at {expense.merchant}" if expense.merchant and expense.merchant.lower() not in what.lower() else what


def same_purchase_key(amount: object, date: object, description: str | None, merchant: str | None) -> tuple[str, ...]:
    """What two records of the same purchase share (amount, date, what and where, in any case): from an expense's
    fields or from the JSON a tool returned for it."""
    money = f"{Decimal(str(amount)):.2f}" if amount is not None else ""
    return money, str(date), (description or "").strip().lower(), (merchant or "").strip().lower()


def expense_key(expense: Expense) -> tuple[str, ...]:
    """`same_purchase_key` of a stored expense."""
    return same_purchase_key(expense.amount, expense.date, expense.description, expense.merchant)


# How many of the period's expenses are read when no description or shop holds the words together.
_WORD_BY_WORD_ROWS = 200


def search_expenses(
    ctx: ToolContext,
    words: str,
    start: dt.date,
    end: dt.date,
    *,
    category: str | None = None,
    amount: Decimal | None = None,
    limit: int = 10,
) -> tuple[list[Expense], int]:
    """The user's expenses (newest first, and how many in all) whose description or shop contains `words`, within
    `category` and of `amount` when given; when none does, the words are read as a category ("the diesel" is a fuel
    expense described as "Fuel 60 L", "the caravan park fee" a camping one)."""

    def found(search: str | None, in_category: str | None) -> tuple[list[Expense], int]:
        rows, total = expense_repo.list_page(ctx.session, user_id=ctx.user_id, start=start, end=end,
                                             category=in_category, search=search, limit=limit)
        if amount is None:
            return rows, total
        rows = [e for e in rows if e.amount == amount]
        return rows, len(rows)

    words = words.strip()
    rows, total = found(words or None, category)
    if not rows and len(words.split()) > 1:  # "the bunnings tarp": "tarp" bought at Bunnings, each word somewhere
        every, _ = expense_repo.list_page(ctx.session, user_id=ctx.user_id, start=start, end=end, category=category,
                                          limit=_WORD_BY_WORD_ROWS)
        wanted = words.lower().split()
        rows = [e for e in every if holds_words(f"{e.description} {e.merchant} {e.category}", wanted)
                and (amount is None or e.amount == amount)][:limit]
        total = len(rows)
    read_as = category or (normalise_category(words) or infer_category(words) if words else None)
    if not rows and words and read_as:  # "the port augusta caravan park": a camping expense
        rows, total = found(None, read_as)
    return rows, total


def _logged_yet(ctx: ToolContext, search: str, start: dt.date, end: dt.date, when: str) -> ToolResult:
    """"Yes, 2 today: lunch $22.00 (3 Dec); …", saying so when two look like the same purchase twice."""
    rows, total = search_expenses(ctx, search, start, end)
    data = {"items": [expense_data(e) for e in rows], "count": total, "search": search}
    if not rows:
        return ToolResult(True, f"Nothing like “{search}” logged {when}", data)
    text = f"Yes, {total} {when}: {purchases_listed(rows, ctx.user.currency)}"
    keys = [expense_key(e) for e in rows]
    if len(set(keys)) < len(keys):
        text += ". Two of them look like the same purchase; say “delete one of them” if it's a double-up"
    return ToolResult(True, text, data)


def purchase_line(expense: Expense, currency: str) -> str:
    """"lunch at the pub $22.00 (3 Dec)"."""
    return f"{purchase_text(expense)} {money_text(expense.amount, currency)} ({expense.date:%-d %b})"


def purchases_listed(rows: list[Expense], currency: str) -> str:
    """"lunch at the pub $22.00 (3 Dec); fuel $80.00 (2 Dec)"."""
    return "; ".join(purchase_line(e, currency) for e in rows)


def _side_by_side(
    named: list[str], by_category: dict[str, Decimal], when: str, currency: str, data: dict[str, Any]
) -> ToolResult:
    """"$149.85 on entertainment and dining this month (entertainment $64.50, dining $85.35): $20.85 more on dining"."""
    spent = {c: by_category.get(c, Decimal("0.00")) for c in named}
    together = sum(spent.values(), Decimal("0.00"))
    names = ", ".join(named[:-1]) + f" and {named[-1]}"
    each = ", ".join(f"{c} {money_text(v, currency)}" for c, v in spent.items())
    text = f"{money_text(together, currency)} on {names} {when} ({each})"
    if len(named) == 2:
        (a, x), (b, y) = spent.items()
        if x != y:
            more, less = (a, b) if x > y else (b, a)
            text += f": {money_text(abs(x - y), currency)} more on {more} than {less}"
    return ToolResult(True, text, {**data, "categories": {c: f"{v:.2f}" for c, v in spent.items()},
                                   "total": f"{together:.2f}"})


@tool()
def spending_summary(
    ctx: ToolContext,
    period: Period = "this_month",
    category: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    merchant: Annotated[str, Field(min_length=2, max_length=100)] | None = None,
    categories: Annotated[list[str], Field(max_length=8)] | None = None,
    leave_out: Annotated[str, Field(min_length=2, max_length=100)] | None = None,
    also_all_time: bool = False,
) -> ToolResult:
    """How much the user spent in a period (or between start and end dates), in total and by category; with
    `merchant`, only at that shop (matched in the merchant or description, e.g. "Bunnings"); with `categories`,
    those categories side by side and together ("fuel vs groceries", "entertainment and dining combined"); with
    `leave_out`, the total without the purchases those words name ("leaving the Spirit of Tasmania fare out"); with
    `also_all_time`, a shop's total over all time as well (the question named no period)."""
    start_given, end_given = start is not None, end is not None
    start, end, when = resolve_range(period, start, end, ctx.today)
    currency = ctx.user.currency
    shop = (merchant or "").strip()
    if leave_out and leave_out.strip() and not shop:
        total, _ = spend_summary(ctx.session, user_id=ctx.user_id, start=start, end=end)
        count, left = expense_repo.count_and_total(ctx.session, user_id=ctx.user_id, start=start, end=end,
                                                   search=leave_out.strip())
        kind = normalise_category(leave_out)
        if not count and kind:  # "leave out the insurance payment": the insurance category
            count, left = expense_repo.count_and_total(ctx.session, user_id=ctx.user_id, start=start, end=end, category=kind)
        data = {"period": period, "start": start.isoformat(), "end": end.isoformat(), "total": f"{total - left:.2f}",
                "left_out": f"{left:.2f}"}
        if not count:
            return ToolResult(True, f"{money_text(total, currency)} spent {when}; nothing matched “{leave_out.strip()}”", data)
        return ToolResult(True, f"{money_text(total - left, currency)} spent {when} leaving out {leave_out.strip()} "
                                f"({money_text(left, currency)}); {money_text(total, currency)} with it", data)
    if shop:
        count, spent = expense_repo.count_and_total(ctx.session, user_id=ctx.user_id, start=start, end=end, search=shop)
        data = {"period": period, "start": start.isoformat(), "end": end.isoformat(), "merchant": shop,
                "total": f"{spent:.2f}", "count": count}
        times = f" ({count} time{'s' if count != 1 else ''})" if count else ""
        text = f"{money_text(spent, currency)} at {shop} {when}{times}"
        if also_all_time and period != "all_time" and not (start_given and end_given):
            ever_count, ever = expense_repo.count_and_total(ctx.session, user_id=ctx.user_id, search=shop)
            if ever_count > count:  # "how much have I spent at Tesco?": this month, and all up
                text += f"; {money_text(ever, currency)} all up ({ever_count} times)"
                data["all_time_total"] = f"{ever:.2f}"
        return ToolResult(True, text, data)
    total, by_category = spend_summary(ctx.session, user_id=ctx.user_id, start=start, end=end)
    named = [c for c in dict.fromkeys(normalise_category(c) for c in categories or []) if c]
    if len(named) >= 2:
        return _side_by_side(named, by_category, when, currency, {"period": period, "start": start.isoformat(),
                                                                  "end": end.isoformat()})
    canonical = normalise_category(category) if category else None
    data: dict[str, Any] = {
        "period": period, "start": start.isoformat(), "end": end.isoformat(), "total": f"{total:.2f}",
        "by_category": {k: f"{v:.2f}" for k, v in by_category.items()},
    }
    if canonical:
        spent = by_category.get(canonical, Decimal("0.00"))
        data["category"], data["category_total"] = canonical, f"{spent:.2f}"
        count, _ = expense_repo.count_and_total(ctx.session, user_id=ctx.user_id, start=start, end=end, category=canonical)
        each = f" ({count} purchases, {money_text(to_money(spent / count), currency)} on average)" if count > 1 else ""
        return ToolResult(True, f"{money_text(spent, currency)} on {canonical} {when}{each}", data)
    if start == end:  # one day ("what did I spend yesterday?"): what was bought, which a follow-up can then correct
        rows, count = expense_repo.list_page(ctx.session, user_id=ctx.user_id, start=start, end=end, limit=6)
        if 0 < count <= len(rows):
            data["items"] = [expense_data(e) for e in rows]
            bought = "; ".join(f"{purchase_text(e)} {money_text(e.amount, currency)}" for e in rows)
            return ToolResult(True, f"{money_text(total, currency)} spent {when}: {bought}", data)
    top = sorted(((v, k) for k, v in by_category.items() if v > 0), reverse=True)[:5]
    parts = [f"{category} ({money_text(amount, currency)})" for amount, category in top]
    if len(parts) > 1:
        rest = parts[1:]
        breakdown = f": most on {parts[0]}, then {', '.join(rest[:-1]) + ' and ' if len(rest) > 1 else ''}{rest[-1]}"
    else:
        breakdown = f", all on {top[0][1]}" if top else ""
    return ToolResult(True, f"{money_text(total, currency)} spent {when}{breakdown}", data)
