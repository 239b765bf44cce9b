"""Undo PAM's last change: each mutating tool stored how to reverse itself."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from wheels_wins.db import parse_uuid
from wheels_wins.models import PamMessage
from wheels_wins.pam.tools.common import record_named
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import budgets as budget_repo
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import income as income_repo
from wheels_wins.repositories import pam as pam_repo
from wheels_wins.repositories import posts as post_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.repositories import users as user_repo
from wheels_wins.services import expense_owners, vehicle_log
from wheels_wins.services import trips as trip_service


def _entry_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """An expense's or income entry's stored JSON fields with their amount and date typed again."""
    return {**fields, "amount": Decimal(fields["amount"]), "date": dt.date.fromisoformat(fields["date"])}


def _delete(ctx: ToolContext, record: dict[str, Any]) -> bool:
    record_id = parse_uuid(record["id"])
    if record_id is None:
        return False
    deleters: dict[str, Callable[[], bool]] = {
        "expense": lambda: expense_repo.delete(ctx.session, user_id=ctx.user_id, expense_id=record_id),
        "income": lambda: income_repo.delete(ctx.session, user_id=ctx.user_id, income_id=record_id),
        "trip": lambda: trip_repo.delete_trip(ctx.session, user_id=ctx.user_id, trip_id=record_id),
        "fuel": lambda: vehicle_log.delete_fuel(ctx.session, user=ctx.user, fuel_id=record_id),
        "maintenance": lambda: vehicle_log.delete_maintenance(ctx.session, user=ctx.user, record_id=record_id),
        "schedule": lambda: vehicle_log.delete_schedule(ctx.session, user=ctx.user, schedule_id=record_id),
        "calendar": lambda: calendar_repo.delete(ctx.session, user_id=ctx.user_id, event_id=record_id),
        "post": lambda: post_repo.delete(ctx.session, user_id=ctx.user_id, post_id=record_id),
    }
    return deleters[record["kind"]]()


def _money(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def _restore(ctx: ToolContext, kind: str, record_id: uuid.UUID, fields: dict[str, Any]) -> bool:
    """Put back the fields a correction changed; False when the record is gone."""
    date = dt.date.fromisoformat(fields["date"]) if fields.get("date") else None
    restorers: dict[str, Callable[[], object | None]] = {
        "expense": lambda: expense_repo.update(
            ctx.session, user_id=ctx.user_id, expense_id=record_id, changes=_entry_fields(fields)
        ),
        "income": lambda: income_repo.update(
            ctx.session, user_id=ctx.user_id, income_id=record_id,
            changes={**fields, "amount": Decimal(fields["amount"]), "date": date},
        ),
        "fuel": lambda: vehicle_log.update_fuel(
            ctx.session, user=ctx.user, fuel_id=record_id,
            changes={**fields, "litres": Decimal(fields["litres"]), "total_cost": Decimal(fields["total_cost"]),
                     "price_per_litre": None, "date": date},
        ),
        "maintenance": lambda: vehicle_log.update_maintenance(
            ctx.session, user=ctx.user, record_id=record_id, changes={**fields, "cost": _money(fields["cost"]), "date": date}
        ),
        "post": lambda: post_repo.update(ctx.session, user_id=ctx.user_id, post_id=record_id, changes=fields),
        "calendar": lambda: calendar_repo.update(
            ctx.session, user_id=ctx.user_id, event_id=record_id,
            changes={**fields, "start": dt.datetime.fromisoformat(fields["start"]),
                     **({"end": dt.datetime.fromisoformat(fields["end"]) if fields["end"] else None} if "end" in fields else {})},
        ),
    }
    return restorers[kind]() is not None


def reverse(ctx: ToolContext, record: dict[str, Any]) -> bool:
    """Apply one stored undo record; False when its target no longer exists."""
    op = record["op"]
    if op == "delete":
        return _delete(ctx, record)
    if op == "restore":
        record_id = parse_uuid(record["id"])
        return record_id is not None and _restore(ctx, record.get("kind", "expense"), record_id, record["fields"])
    if op == "recreate":
        if record.get("kind") == "calendar":
            fields = record["fields"]
            calendar_repo.create(
                ctx.session, user_id=ctx.user_id, title=fields["title"], start=dt.datetime.fromisoformat(fields["start"]),
                end=dt.datetime.fromisoformat(fields["end"]) if fields.get("end") else None, all_day=fields["all_day"],
                kind=fields["kind"], description=fields.get("description") or "",
            )
        elif record.get("kind") in ("fuel", "maintenance"):
            expense_owners.remake(ctx.session, user=ctx.user, kind=record["kind"], fields=record["fields"])
        elif record.get("kind") == "trip":
            trip_service.remake_trip(ctx.session, user=ctx.user, fields=record["fields"])
        elif record.get("kind") == "income":
            income_repo.create(ctx.session, user_id=ctx.user_id, currency=ctx.user.currency,
                               **_entry_fields(record["fields"]))
        else:
            fields = _entry_fields(record["fields"])
            trip_id = parse_uuid(fields.pop("trip_id", None))
            if trip_id and trip_repo.get(ctx.session, user_id=ctx.user_id, trip_id=trip_id) is None:
                trip_id = None  # the trip went in the meantime
            expense_repo.create(ctx.session, user_id=ctx.user_id, currency=ctx.user.currency, trip_id=trip_id, **fields)
        return True
    if op == "budget":
        if record["previous"] is None:
            return budget_repo.delete(ctx.session, user_id=ctx.user_id, category=record["category"])
        budget_repo.upsert(ctx.session, user_id=ctx.user_id, category=record["category"], amount=Decimal(record["previous"]))
        return True
    if op == "stops":
        trip_id = parse_uuid(record["id"])
        trip = trip_repo.get(ctx.session, user_id=ctx.user_id, trip_id=trip_id) if trip_id else None
        if trip is None:
            return False
        stops = [trip_service.Stop(s["name"], s["lat"], s["lon"]) for s in record["stops"]]
        trip_service.set_stops(ctx.session, user=ctx.user, trip=trip, stops=stops)
        return True
    if op == "restore_post":  # a post deleted with its comments and likes
        return post_repo.restore(ctx.session, user_id=ctx.user_id, kept=post_repo.kept_from_json(record["kept"]))
    if op == "profile":
        return user_repo.update_profile(ctx.session, user_id=ctx.user_id, **record["fields"]) is not None
    return False


UNDO_VERBS = {"delete": "Removed", "restore": "Restored", "restore_post": "Restored", "recreate": "Restored", "budget": "Reverted", "stops": "Restored", "profile": "Restored"}
EVERY_DOMAIN = ("expenses", "fuel", "maintenance", "trips", "budgets", "income", "calendar", "posts", "profile")


def undo_call(ctx: ToolContext, message: PamMessage, index: int) -> ToolResult:
    """Reverse one stored change of one of PAM's messages (the chip's Undo button and "undo that")."""
    if not 0 <= index < len(message.tool_calls):
        return ToolResult.fail("There's nothing of mine to undo there.")
    call = message.tool_calls[index]
    if not (call.get("ok") and call.get("undo")):
        return ToolResult.fail("That can't be undone.")
    if call.get("undone"):
        return ToolResult.fail("That was already undone.")
    reversed_now = reverse(ctx, call["undo"])
    pam_repo.mark_undone(ctx.session, message=message, index=index)
    if not reversed_now:  # a no-op that still commits the mark, so it isn't offered again
        return ToolResult(True, "That change was already removed, so there was nothing to undo.", {"undone": None})
    verb, said = UNDO_VERBS.get(call["undo"]["op"], "Undid"), call.get("summary", call["name"])
    named = record_named(said) if call["undo"]["op"] in ("delete", "recreate", "restore_post") else None
    summary = f"{verb} {named}" if named else f"{verb}: {said}"  # "Removed $40.00 groceries", "Reverted: Set…"
    return ToolResult(True, f"Undone — {summary}", {"undone": call["name"]}, changed=EVERY_DOMAIN)


@tool(mutates=True)
def undo_last_change(ctx: ToolContext) -> ToolResult:
    """Undo the most recent change PAM made for the user in this conversation ("undo that"): every change of the
    reply that made it, newest first, since one request ("$40 at Aldi and $25 on coffees") is one thing to undo."""
    found = pam_repo.last_undoable(ctx.session, user_id=ctx.user_id, conversation_id=ctx.conversation_id)
    if found is None:
        return ToolResult.fail("There's nothing of mine to undo.")
    message, last = found
    pending = [i for i in range(last, -1, -1) if pam_repo.is_undoable(message.tool_calls[i])]
    results = [undo_call(ctx, message, index) for index in pending]
    if len(results) == 1:
        return results[0]
    said = "; ".join(r.summary.removeprefix("Undone — ") for r in results)
    undone = [r.data.get("undone") for r in results if r.data.get("undone")]
    return ToolResult(True, f"Undone — {said}", {"undone": undone[0] if undone else None, "undone_all": undone},
                      changed=EVERY_DOMAIN)

