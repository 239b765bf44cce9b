"""PAM's local engine on budgets changed by an amount, what was saved, fuel bought, dates corrected relative to the
record, shop names at the start of a sentence, and lists that also open their page."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlmodel import Session

from tests.pam.conversation import converse
from wheels_wins.models import User
from wheels_wins.pam.local.intents import classify
from wheels_wins.repositories import budgets as budget_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import income as income_repo
from wheels_wins.services.money import today_in

TODAY = dt.date(2026, 11, 18)


@pytest.mark.parametrize(
    ("text", "change", "amount"),
    [
        ("raise my groceries budget by $50", "raise", "50"),
        ("bump the fuel budget up by another 100", "raise", "100"),
        ("add $40 to the camping budget", "raise", "40"),
        ("give dining $25 more in the budget", "raise", "25"),
        ("cut my dining budget by 25 bucks", "lower", "25"),
        ("take $20 off the fuel budget", "lower", "20"),
        ("could you please reduce the groceries budget by $30", "lower", "30"),
    ],
)
def test_a_budget_changed_by_an_amount(text: str, change: str, amount: str) -> None:
    intent = classify(text, TODAY)
    assert intent.name == "change_budget", intent
    assert (intent.slots.get("change"), intent.slots["amount"]) == (change, Decimal(amount))


@pytest.mark.parametrize(
    ("text", "category", "change", "percent"),
    [
        ("halve my entertainment budget", "entertainment", "lower", "50"),
        ("double the camping budget", "camping", "raise", "100"),
        ("increase the fuel budget by 10%", "fuel", "raise", "10"),
        ("pls cut my dinning budget by 15 percent", "dining", "lower", "15"),
    ],
)
def test_a_budget_changed_by_a_share(text: str, category: str, change: str, percent: str) -> None:
    intent = classify(text, TODAY)
    assert intent.name == "change_budget" and "amount" not in intent.slots, intent
    assert (intent.slots["category"], intent.slots["change"], intent.slots["percent"]) == (
        category,
        change,
        Decimal(percent),
    )


async def test_halving_a_budget_and_raising_it_by_a_percentage(make_user, session: Session) -> None:
    user = make_user()
    turns = await converse(user, "set my dining budget to $250", "halve my dining budget", "raise it by 10%")
    assert turns[1].tool_calls[0].name == "adjust_budget" and "125.00" in turns[1].reply
    assert turns[2].tool_calls[0].name == "adjust_budget" and "137.50" in turns[2].reply
    assert budget_repo.get(session, user_id=user.id, category="dining").amount == Decimal("137.50")


@pytest.mark.parametrize(
    "text",
    ["set my fuel budget to $400 a month", "increase my groceries budget to $700", "up the dining budget to 300"],
)
def test_a_budget_set_to_an_amount_is_not_a_change(text: str) -> None:
    intent = classify(text, TODAY)
    assert intent.name == "set_budget" and "change" not in intent.slots, intent


async def test_raising_and_lowering_a_budget_start_from_what_it_was_and_undo_goes_back(
    make_user, session: Session
) -> None:
    user = make_user()
    turns = await converse(
        user,
        "set my groceries budget to $600",
        "raise my groceries budget by $50",
        "take $100 off the groceries budget",
    )
    assert [t.tool_calls[0].name for t in turns] == ["set_budget", "adjust_budget", "adjust_budget"]
    assert "650.00" in turns[1].reply and "600.00" in turns[1].reply
    assert budget_repo.get(session, user_id=user.id, category="groceries").amount == Decimal("550.00")

    await converse(user, "undo that")  # a new conversation: nothing of PAM's to undo there
    session.expire_all()
    assert budget_repo.get(session, user_id=user.id, category="groceries").amount == Decimal("550.00")


async def test_a_budget_set_to_match_another_takes_its_amount_and_explains_when_there_is_none(
    make_user, session: Session
) -> None:
    user = make_user()
    (missing,) = await converse(user, "set the groceries budget to match the fuel budget")
    assert not missing.tool_calls[0].result.ok and "no fuel budget" in missing.reply
    assert budget_repo.get(session, user_id=user.id, category="groceries") is None
    await converse(user, "set my fuel budget to $420 a month")
    (matched,) = await converse(user, "make the groceries budget the same as the fuel one")
    session.expire_all()
    assert budget_repo.get(session, user_id=user.id, category="groceries").amount == Decimal("420.00"), matched.reply


async def test_undo_after_a_budget_change_restores_the_amount_before_it(make_user, session: Session) -> None:
    user = make_user()
    await converse(user, "set my fuel budget to $300")
    first, _ = await converse(user, "bump the fuel budget up by $75", "undo that")
    assert first.tool_calls[0].result.ok
    session.expire_all()
    assert budget_repo.get(session, user_id=user.id, category="fuel").amount == Decimal("300.00")


async def test_a_budget_change_without_a_budget_or_below_zero_explains_and_changes_nothing(
    make_user, session: Session
) -> None:
    user = make_user()
    (missing,) = await converse(user, "raise my dining budget by $50")
    assert not missing.tool_calls[0].result.ok
    assert "no dining budget" in missing.reply.lower() and "set" in missing.reply.lower()
    assert budget_repo.get(session, user_id=user.id, category="dining") is None

    await converse(user, "set my dining budget to $80")
    (too_far,) = await converse(user, "cut my dining budget by $100")
    assert not too_far.tool_calls[0].result.ok and "80.00" in too_far.reply
    session.expire_all()
    assert budget_repo.get(session, user_id=user.id, category="dining").amount == Decimal("80.00")


@pytest.mark.parametrize(
    "text",
    [
        "how much have I saved this month, income minus spending?",
        "are we ahead this month?",
        "what's my net income this month?",
        "income minus expenses this month",
        "earnings vs spending this month",
    ],
)
def test_questions_about_what_is_left_of_the_income(text: str) -> None:
    intent = classify(text, TODAY)
    assert (intent.name, intent.slots.get("period")) == ("net_query", "this_month"), intent


async def test_what_was_saved_is_income_minus_spending_and_says_when_spending_was_more(
    make_user, session: Session
) -> None:
    user = make_user()
    today = today_in(user.timezone)
    income_repo.create(session, user_id=user.id, amount=Decimal("2000"), source="Wages", date=today)
    for amount, category in (("450.75", "groceries"), ("300", "camping")):
        expense_repo.create(session, user_id=user.id, amount=Decimal(amount), category=category, date=today)
    session.commit()
    (saved,) = await converse(user, "how much have we saved this month?")
    assert saved.tool_calls[0].name == "net_income"
    assert "1,249.25" in saved.reply and "2,000.00" in saved.reply and "750.75" in saved.reply

    expense_repo.create(session, user_id=user.id, amount=Decimal("1500"), category="maintenance", date=today)
    session.commit()
    (behind,) = await converse(user, "are we ahead this month?")
    assert "250.75 more spent than earned" in behind.reply


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("how many litres of fuel have I bought this month?", "this_month"),
        ("how much diesel did we put in last month?", "last_month"),
        ("how many gallons did I buy last month", "last_month"),
    ],
)
def test_questions_about_fuel_bought_by_volume(text: str, period: str) -> None:
    intent = classify(text, TODAY)
    assert (intent.name, intent.slots.get("period")) == ("fuel_query", period), intent


def test_a_question_about_fuel_money_is_still_about_spending() -> None:
    assert classify("how much have I spent on fuel this month?", TODAY).name == "spending_query"
    assert classify("how much fuel budget is left?", TODAY).name == "budget_status"


async def test_fuel_bought_adds_up_the_fill_ups_in_the_users_units(make_user) -> None:
    user = make_user()
    await converse(user, "filled up 55.5 litres for $100", "diesel top up 42.3 L, $80.10")
    (asked,) = await converse(user, "how many litres of fuel have I bought this month?")
    assert asked.tool_calls[0].name == "fuel_bought"
    assert "97.8 L" in asked.reply and "2 fill-ups" in asked.reply and "180.10" in asked.reply

    american = make_user(units="imperial")
    await converse(american, "filled up 10 gallons for $38")
    (gallons,) = await converse(american, "how many gallons did I buy this month?")
    assert "10 gal" in gallons.reply and "1 fill-up" in gallons.reply


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("no wait, it was the day before", -1),
        ("sorry, two days earlier", -2),
        ("oops it was 3 days before that", -3),
        ("make it a day later", 1),
    ],
)
def test_a_date_corrected_relative_to_the_record(text: str, days: int) -> None:
    intent = classify(text, TODAY)
    assert (intent.name, intent.slots.get("shift_days"), intent.slots.get("date")) == ("correction", days, None)


def test_the_day_before_yesterday_is_still_a_date() -> None:
    intent = classify("actually it was the day before yesterday", TODAY)
    assert intent.slots.get("date") == TODAY - dt.timedelta(days=2) and "shift_days" not in intent.slots


async def test_the_day_before_moves_the_expense_from_its_own_date(make_user, session: Session) -> None:
    user = make_user()
    made, moved = await converse(user, "spent $75 on fuel yesterday", "no wait, it was the day before")
    assert moved.tool_calls[0].name == "update_expense"
    expense = expense_repo.get(session, user_id=user.id, expense_id=uuid.UUID(made.tool_calls[0].result.data["id"]))
    assert expense.date == today_in(user.timezone) - dt.timedelta(days=2)


@pytest.mark.parametrize(
    ("text", "merchant", "category"),
    [
        ("Walmart groceries $87.43 yesterday", "Walmart", "groceries"),
        ("tesco shop 45 quid", "Tesco", "groceries"),
        ("$32 at walgreens", "Walgreens", "health"),
        ("paid 60 at autozone", "AutoZone", "maintenance"),
        ("trader joes 54.20", "Trader Joe's", "groceries"),
    ],
)
def test_a_chain_is_the_merchant_and_suggests_the_category(text: str, merchant: str, category: str) -> None:
    slots = classify(text, TODAY).slots
    assert (slots.get("merchant"), slots.get("category")) == (merchant, category), slots


def test_a_town_that_shares_a_chains_name_is_not_a_merchant() -> None:
    assert "merchant" not in classify("dinner in Napa $80", TODAY).slots


@pytest.mark.parametrize("text", ["YouTube paid out $87.12", "Etsy paid out 145.50 today"])
def test_a_payout_is_income_from_whoever_paid_it(text: str) -> None:
    intent = classify(text, TODAY)
    assert intent.name == "add_income" and intent.slots["source"] in ("YouTube", "Etsy"), intent


def test_paying_out_yourself_is_spending() -> None:
    intent = classify("I paid out $50 for the tow", TODAY)
    assert (intent.name, intent.slots["description"]) == ("add_expense", "Tow")


async def test_show_me_a_list_opens_its_page_and_a_question_only_answers(make_user: object) -> None:
    user: User = make_user()  # type: ignore[operator]
    shown, asked = await converse(user, "show me my trips", "what trips have I got?")
    assert [c.name for c in shown.tool_calls] == ["list_trips", "navigate"]
    assert shown.tool_calls[1].arguments == {"to": "/wheels"}
    assert [c.name for c in asked.tool_calls] == ["list_trips"]


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        (
            "set maintenance budget at 1.5k a month",
            "set_budget",
            {"category": "maintenance", "amount": Decimal("1500")},
        ),
        ("fuel budget 550 pm pls", "set_budget", {"category": "fuel", "amount": Decimal("550")}),
        ("fuel budget's too high knock it down to 380", "set_budget", {"category": "fuel", "amount": Decimal("380")}),
        ("cut eating out budget 20 percent", "change_budget", {"category": "dining", "percent": Decimal("20")}),
        ("got 1.2k for the house sit in Orange", "add_income", {"amount": Decimal("1200")}),
        ("Petro-Canada fill 118.60", "add_expense", {"merchant": "Petro-Canada", "category": "fuel"}),
        ("pak n save 148.20", "add_expense", {"merchant": "PAK'nSAVE", "category": "groceries"}),
        (
            "new prescription glasses 289 from specsavers",
            "add_expense",
            {"merchant": "Specsavers", "category": "health"},
        ),
        (
            "2 flat whites and a banana bread twelve fifty",
            "add_expense",
            {"category": "dining", "amount": Decimal("12.50")},
        ),
        ("open my service history", "navigate", {"to": "/wheels"}),
        ("push it back another two days", "correction", {"shift_days": 2}),
    ],
)
def test_terse_and_regional_phrasings(text: str, name: str, want: dict[str, object]) -> None:
    intent = classify(text, TODAY)
    assert intent.name == name and {k: intent.slots.get(k) for k in want} == want, intent


@pytest.mark.parametrize(
    ("text", "name", "days"),
    [
        ("whats my income been over the last fortnight", "income_query", 14),
        ("how many L did i put in over the past week", "fuel_query", 7),
    ],
)
def test_the_past_week_and_fortnight_end_today(text: str, name: str, days: int) -> None:
    intent = classify(text, TODAY)
    assert intent.name == name
    assert (intent.slots["start"], intent.slots["end"]) == (TODAY - dt.timedelta(days=days - 1), TODAY)


async def test_a_budget_follow_up_with_a_cue_changes_the_budget_just_set(make_user, session: Session) -> None:
    user = make_user()
    _, bumped = await converse(user, "set camping budget 800", "actually bump it 10%")
    assert bumped.tool_calls[0].name == "adjust_budget"
    assert budget_repo.get(session, user_id=user.id, category="camping").amount == Decimal("880.00")
