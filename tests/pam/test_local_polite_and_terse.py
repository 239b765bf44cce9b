"""The local engine on very polite, second-language and terse messages: the request inside the courtesy, "please to
post", "500/mo", "rego 845 paid", "take me there", and the spending questions that name a shop or only a category."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.pam.test_local_intents import check
from wheels_wins.pam.local.intents import classify

TUESDAY = dt.date(2026, 12, 1)

CASES: list[tuple[str, str, dict[str, Any]]] = [
    # the request inside the courtesy
    (
        "Would you be so kind as to record that we spent $88.10 at the tourist park in Cobar yesterday?",
        "add_expense",
        {"amount": "88.10", "category": "camping", "date": "yesterday"},
    ),
    (
        "I was wondering if you could note down $42 for a phone recharge, if that's no trouble at all.",
        "add_expense",
        {"amount": "42", "category": "utilities"},
    ),
    (
        "A lady at the market bought two of my paintings for $160 - would you mind recording it as income?",
        "add_income",
        {"amount": "160"},
    ),
    ("Would you mind taking me to my budgets?", "navigate", {"to": "/wins"}),
    (
        "I'm pleased to report that the van passed its roadworthy, $95",
        "add_expense",
        {"amount": "95", "category": "registration"},
    ),
    # second-language English
    (
        "please to post in community: who know good dentist in Kununurra?",
        "create_post",
        {"content_contains": "Kununurra"},
    ),
    (
        "please to put in calendar: the gas check on 14 January",
        "add_calendar",
        {"title_contains": "gas check", "date": "next:01-14"},
    ),
    (
        "I want make budget for eat outside 250 dollar every month",
        "set_budget",
        {"category": "dining", "amount": "250"},
    ),
    (
        "yesterday I am replace the tyres, mechanic take 900 dollar",
        "log_maintenance",
        {"task_contains": "tyre", "cost": "900", "date": "yesterday"},
    ),
    # terse fragments
    ("rego 712 paid", "add_expense", {"amount": "712", "category": "registration"}),
    ("fuel budget 450/mo", "set_budget", {"category": "fuel", "amount": "450"}),
    ("house sitting pay 900 rcvd", "add_income", {"amount": "900"}),
    ("brakes done 88k", "log_maintenance", {"odometer_km": 88000, "absent": ["cost"]}),
    ("oil change at 95k, $180", "log_maintenance", {"odometer_km": 95000, "cost": "180"}),
    ("dining last week?", "spending_query", {"category": "dining", "period": "last_week"}),
    # work on the van and pay received
    (
        "new alternator on the ute today, set me back $610",
        "log_maintenance",
        {"task_contains": "alternator", "cost": "610"},
    ),
    ("got my workamping check today, $1,200", "add_income", {"amount": "1200"}),
    ("got $300 for the house sitting job", "add_income", {"amount": "300"}),
    ("got $40 for the gig tickets", "add_expense", {"amount": "40", "category": "entertainment"}),
    ("I bought my wife a coffee $5", "add_expense", {"amount": "5", "category": "dining"}),
    # pages named by what is done there
    ("bring me to the page where I can change my photo", "navigate", {"to": "/you"}),
    ("I want to read what other nomads are saying, take me there", "navigate", {"to": "/social"}),
    ("take me back to the main screen", "navigate", {"to": "/"}),
    # questions
    (
        "how much have we spent at Bunnings this month?",
        "spending_query",
        {"merchant": "Bunnings", "absent": ["category"]},
    ),
    ("how much fuel money have we got left?", "budget_status", {"category": "fuel"}),
    # a new item after "and" is not a correction; a change after it is
    ("and 2 coffees $9", "add_expense", {"amount": "9", "category": "dining"}),
    ("and it was yesterday", "correction", {"date": "yesterday"}),
    ("should've said $550", "correction", {"amount": "550"}),
    ("that's wrong, remove it", "undo", {}),
    ("add the dentist $180", "add_expense", {"amount": "180", "category": "health"}),
]


@pytest.mark.parametrize(("text", "name", "want"), CASES)
def test_polite_second_language_and_terse_messages(text: str, name: str, want: dict[str, Any]) -> None:
    assert check(classify(text, TUESDAY), name, want, TUESDAY) == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("sorry, I meant Cairns to Mackay", ["Cairns", "Mackay"]),
        ("no, Brisbane to Cairns", ["Brisbane", "Cairns"]),
        ("I meant Sydney to Melbourne via Canberra", ["Sydney", "Canberra", "Melbourne"]),
    ],
)
def test_a_route_said_as_a_correction(text: str, places: list[str]) -> None:
    assert check(classify(text, TUESDAY), "correction", {"places": places}, TUESDAY) == []


@pytest.mark.parametrize("text", ["no, I meant $35 to the servo", "sorry, groceries to dining"])
def test_money_and_categories_are_not_routes(text: str) -> None:
    assert "places" not in classify(text, TUESDAY).slots


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        (
            "we'd like to drive from Perth to Albany, stopping at Bunbury and then Margaret River",
            "plan_trip",
            {"places": ["Perth", "Bunbury", "Margaret River", "Albany"]},
        ),
        (
            "plan a run from Port Augusta up to Coober Pedy, I'm after opals",
            "plan_trip",
            {"places": ["Port Augusta", "Coober Pedy"]},
        ),
        ("plan Brisbane to Cairns with a night in Mackay", "plan_trip", {"places": ["Brisbane", "Mackay", "Cairns"]}),
        ("could you add Gundagai as a stop on the way?", "add_trip_stop", {"place": "Gundagai"}),
        ("take me to the page where I can see what I've been spending", "navigate", {"to": "/wins"}),
        ("take me to where my trips and fuel logs live", "navigate", {"to": "/wheels"}),
        ("the client paid the invoice for the wedding photos, $1,800", "add_income", {"amount": "1800"}),
        ("I paid the invoice for the mechanic $300", "add_expense", {"amount": "300", "category": "maintenance"}),
        ("new lens from the camera shop $450", "add_expense", {"amount": "450", "category": "shopping"}),
        (
            "post this to the community board: road to Cape Leveque is open",
            "create_post",
            {"content_contains": "Cape Leveque"},
        ),
        ("tourist park two nights at $52, so $104 all up", "add_expense", {"amount": "104", "category": "camping"}),
    ],
)
def test_a_month_on_the_road(text: str, name: str, want: dict[str, Any]) -> None:
    assert check(classify(text, TUESDAY), name, want, TUESDAY) == []
