"""The local engine on dictated and run-on messages: cents said after the dollars, "point" decimals, the figure
that was paid among rates, passive spending, questions at the end of a story, and changes to a planned trip."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from tests.pam.test_local_intents import check
from wheels_wins.pam.local.amounts import best_amount
from wheels_wins.pam.local.intents import classify
from wheels_wins.pam.local.normalise import sentences, spoken_numbers
from wheels_wins.pam.local.times import find_time
from wheels_wins.services.categories import infer_category

TUESDAY = dt.date(2026, 12, 1)

CASES: list[tuple[str, str, dict[str, Any]]] = [
    # money said the way people dictate it
    ("dropped in at the bakery dollar sign 12 point 80", "add_expense", {"amount": "12.80", "category": "dining"}),
    ("servo in Hay 61 litres 131 dollars 45", "log_fuel", {"litres": "61", "total_cost": "131.45"}),
    ("the park fee was fifty five dollars twenty", "add_expense", {"amount": "55.20", "category": "camping"}),
    ("pies at the roadhouse came to thirty one fifty", "add_expense", {"amount": "31.50", "category": "dining"}),
    ("parking was twelve fifty", "add_expense", {"amount": "12.50", "category": "transport"}),
    ("sold the old awning for two hundred and forty dollars fifty", "add_income", {"amount": "240.50"}),
    # among several figures, the one paid
    (
        "the showground is 35 a night and we're staying four nights so we paid the 140 up front",
        "add_expense",
        {"amount": "140", "category": "camping"},
    ),
    ("lift the groceries budget from 600 to 750 please", "set_budget", {"category": "groceries", "amount": "750"}),
    ("put a limit of $200 a month on eating out", "set_budget", {"category": "dining", "amount": "200"}),
    # who paid whom
    ("$41.20 was paid at the vet for worming tablets", "add_expense", {"amount": "41.20", "category": "health"}),
    ("we were paid $600 for minding the station", "add_income", {"amount": "600"}),
    ("$950 was paid to us for the harvest work", "add_income", {"amount": "950", "source_contains": "harvest"}),
    # a tour is a tour, whoever runs it
    ("school of the air tour this morning $24", "add_expense", {"amount": "24", "category": "entertainment"}),
    # questions at the end of a story
    (
        "we've been eating out a lot lately, how much has that come to this month",
        "spending_query",
        {"category": "dining", "period": "this_month"},
    ),
    ("what's the damage for last month", "spending_query", {"period": "last_month"}),
    ("total spending last week, just the figure", "spending_query", {"period": "last_week"}),
    # the calendar
    (
        "Dad has the specialist on friday morning at 9",
        "add_calendar",
        {"date": "next:friday", "title_contains": "specialist"},
    ),
    # the community and the pages
    ("stick a post up: free firewood at the Eucla campground", "create_post", {"content_contains": "free firewood"}),
    ("go to the money page i want to check something", "navigate", {"to": "/wins"}),
    # work on the van said in the passive
    (
        "the diff oil on the ute was changed at 143,200 km",
        "log_maintenance",
        {"task_contains": "diff oil", "odometer_km": 143200},
    ),
    # routes with asides
    (
        "map a route Longreach to Winton going via Barcaldine",
        "plan_trip",
        {"places": ["Longreach", "Barcaldine", "Winton"]},
    ),
    (
        "route please dubbo to bourke but via nyngan cause the road is better",
        "plan_trip",
        {"places": ["Dubbo", "Nyngan", "Bourke"]},
    ),
    # changes to the trip just planned
    ("add Coffs Harbour as a stop", "add_trip_stop", {"place": "Coffs Harbour"}),
    ("put Tamworth in the route too", "add_trip_stop", {"place": "Tamworth"}),
    ("let's stop in Gundagai on the way", "add_trip_stop", {"place": "Gundagai"}),
    ("take Canberra out of the trip", "remove_trip_stop", {"place": "Canberra"}),
    # corrections
    ("file that under groceries", "correction", {"category": "groceries"}),
    ("oops it was 48 litres not 84", "correction", {"litres": "48", "absent": ["amount"]}),
    ("no that should be 260 i mixed the numbers up", "correction", {"amount": "260"}),
    ("move it to March 3rd", "correction", {"future_date": "next:03-03"}),
]


@pytest.mark.parametrize(("text", "name", "want"), CASES)
def test_dictated_and_run_on_messages(text: str, name: str, want: dict[str, Any]) -> None:
    assert check(classify(text, TUESDAY), name, want, TUESDAY) == []


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("dollar sign 54 point 20", "$54.20"),
        ("96 dollars 40", "$96.40"),
        ("312 dollars fifty", "$312.50"),
        ("40 bucks and 25", "$40.25"),
        ("50 dollars 20 litres", "50 dollars 20 litres"),  # a measure, not cents
        ("paid 60 dollars 10 days ago", "paid 60 dollars 10 days ago"),
        ("12 point 5 litres", "12.5 litres"),
    ],
)
def test_spoken_money_becomes_figures(said: str, written: str) -> None:
    assert spoken_numbers(said) == written


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("forty two fifty", "42.50"),
        ("twelve fifty", "12.50"),
        ("one fifty", "150"),  # a single digit before tens is hundreds, as in a shop
        ("a hundred and twelve fifty five", "112.55"),
        ("one hundred fifty", "150"),
    ],
)
def test_shop_talk_cents(text: str, amount: str) -> None:
    found = best_amount(f"it came to {text}")
    assert found is not None and found.amount == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("tomorrow arvo at 3", 15),
        ("friday morning at 9", 9),
        ("at 7 in the evening", 19),
        ("at 6 tonight", 18),
    ],
)
def test_an_hour_placed_by_the_part_of_the_day(text: str, hour: int) -> None:
    found = find_time(text)
    assert found is not None and found.time == dt.time(hour)


@pytest.mark.parametrize("text", ["meet at 3", "site at 12", "paid at 3 pumps"])
def test_a_bare_hour_without_a_part_of_the_day_is_not_a_time(text: str) -> None:
    assert find_time(text) is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("royal flying doctor tour", "entertainment"),
        ("fuel pump", "maintenance"),
        ("doctor", "health"),
        ("coffee and a tour", "dining"),  # not back to back: the first thing named
    ],
)
def test_of_two_things_named_back_to_back_the_second_is_the_head(text: str, category: str) -> None:
    assert infer_category(text) == category


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Add Dubbo to the trip. Marg wants her sausage fix!", ["Add Dubbo to the trip.", "Marg wants her sausage fix!"]),
        ("filled up in dubbo. then drove on", ["filled up in dubbo.", "then drove on"]),
        ("See Dr. Patel at 3. Then St. Kilda via Mt. Isa?", ["See Dr. Patel at 3.", "Then St. Kilda via Mt. Isa?"]),
        ("paid $12.50 for parking", ["paid $12.50 for parking"]),
        ("via Fitzroy Crossing, Halls Ck. and Warmun. Thanks!", ["via Fitzroy Crossing, Halls Ck. and Warmun.", "Thanks!"]),
    ],
)
def test_a_message_splits_into_its_sentences(text: str, want: list[str]) -> None:
    assert sentences(text) == want
