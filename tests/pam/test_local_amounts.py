"""Money and vehicle quantities in free text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wheels_wins.pam.local.amounts import MoneyMention, best_amount, parse_money
from wheels_wins.pam.local.quantities import first_quantity, parse_quantity


def amounts(text: str, *, strict: bool = False) -> list[tuple[str, bool]]:
    return [(str(m.amount), m.explicit) for m in parse_money(text, strict=strict)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("$45", [("45.00", True)]),
        ("$1,250", [("1250.00", True)]),
        ("$1,250.75 for tyres", [("1250.75", True)]),
        ("1250 dollars", [("1250.00", True)]),
        ("65 bucks", [("65.00", True)]),
        ("$67.50", [("67.50", True)]),
        ("38 dollars", [("38.00", True)]),
        ("AUD 20", [("20.00", True)]),
        ("20 AUD", [("20.00", True)]),
        ("$20 AUD", [("20.00", True)]),
        ("A$30", [("30.00", True)]),
        ("$12.40", [("12.40", True)]),
        ("$ 45", [("45.00", True)]),
        ("a hundred and twenty dollars", [("120.00", True)]),
        ("fifty bucks", [("50.00", True)]),
        ("forty-five dollars", [("45.00", True)]),
        ("twelve hundred dollars", [("1200.00", True)]),
        ("two thousand five hundred dollars", [("2500.00", True)]),
        ("one dollar", [("1.00", True)]),
        ("two grand", [("2000.00", True)]),
        ("2 grand", [("2000.00", True)]),
        ("a tenner", [("10.00", True)]),
        ("$1.5k", [("1500.00", True)]),
        ("$2k", [("2000.00", True)]),
        ("2k", [("2000.00", False)]),
        ("50c", [("0.50", True)]),
        ("75 cents", [("0.75", True)]),
        ("$5.555", [("5.56", True)]),
    ],
)
def test_money_forms(text: str, want: list[tuple[str, bool]]) -> None:
    assert amounts(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Filled up with 62 litres for $118.40 at 85,300 km", ["118.40"]),
        ("on 3 March", []),
        ("log a tyre rotation at 92000km", []),
        ("diesel top up: 45.5 L, $89.90", ["89.90"]),
        ("$1.89/L", []),
        ("189.9c/L", []),
        ("1.899 a litre", []),
        ("odo 85300", []),
        ("at 85,000 kms", []),
        ("60 ltrs", []),
        ("bought 2 pies for 12", ["12.00"]),
        ("site 12 for 3 nights", []),
        ("spent 20 at 3pm on 15/3", ["20.00"]),
        ("in 2026 we paid 400", ["400.00"]),
        ("remind me at 10:30 on 2026-03-15", []),
        ("two days ago I spent 30", ["30.00"]),
        ("E10 for 40", ["40.00"]),
        ("a 4x4 for 2 weeks", []),
        ("call me on 0412345678", []),
        ("it was 10% off", []),
        ("<script>alert(1)</script>", []),
        ("<b>5</b> stars", []),
        ("coffee (4.50)", ["4.50"]),
        ("camp fees at Cape Le Grand were $30", ["30.00"]),
        ("the Thousand Islands tour", []),
    ],
)
def test_quantities_dates_and_counts_are_not_money(text: str, want: list[str]) -> None:
    assert [a for a, _ in amounts(text)] == want


def test_bare_numbers_only_when_not_strict() -> None:
    assert amounts("make the groceries budget 650") == [("650.00", False)]
    assert amounts("make the groceries budget 650", strict=True) == []
    assert amounts("no, it was 40") == [("40.00", False)]
    assert amounts("make it forty") == [("40.00", False)]
    assert amounts("two pies") == []


def test_mentions_carry_spans_and_currency() -> None:
    text = "Spent US$20 at the duty free"
    [mention] = parse_money(text)
    assert text[mention.start : mention.end] == "US$20"
    assert mention == MoneyMention(Decimal("20.00"), 6, 11, True, "USD")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("sorry, $35 not $30", "35.00"),
        ("change it from 30 to 35", "35.00"),
        ("it was 40 not 30", "40.00"),
        ("3 nights at $45 a night, $135 all up", "135.00"),
        ("paid 38 dollars for the caravan park", "38.00"),
        ("make the groceries budget 650", "650.00"),
        ("Remind me to pay the insurance $890 on Friday", "890.00"),
        ("nothing to see here", None),
    ],
)
def test_best_amount(text: str, want: str | None) -> None:
    best = best_amount(text)
    assert (str(best.amount) if best else None) == want


def test_best_amount_can_refuse_bare_numbers() -> None:
    assert best_amount("make the groceries budget 650", allow_bare=False) is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("62 litres", [("litres", "62")]),
        ("45.5 L", [("litres", "45.5")]),
        ("45.5L", [("litres", "45.5")]),
        ("60 ltrs", [("litres", "60")]),
        ("85,300 km", [("km", "85300")]),
        ("92000km", [("km", "92000")]),
        ("odo 85300", [("odometer", "85300")]),
        ("odometer reading 85,300", [("odometer", "85300")]),
        ("85,300 on the odo", [("odometer", "85300")]),
        ("at 85,000 kms", [("odometer", "85000")]),
        ("at 85k km", [("odometer", "85000")]),
        ("$1.89/L", [("price_per_litre", "1.890")]),
        ("189.9c/L", [("price_per_litre", "1.899")]),
        ("1.899 a litre", [("price_per_litre", "1.899")]),
        ("$2.05 per litre", [("price_per_litre", "2.050")]),
        ("203.9 cpl", [("price_per_litre", "2.039")]),
        (
            "62 litres at $1.899 a litre at 85,300 km",
            [("litres", "62"), ("price_per_litre", "1.899"), ("odometer", "85300")],
        ),
        ("drove 300 km today", [("km", "300")]),
    ],
)
def test_quantities(text: str, want: list[tuple[str, str]]) -> None:
    assert [(q.kind, str(q.value)) for q in parse_quantity(text)] == want


def test_first_quantity() -> None:
    assert first_quantity("62 litres for $118.40", "litres") == Decimal(62)
    assert first_quantity("62 litres for $118.40", "odometer") is None


@pytest.mark.parametrize(
    ("said", "typed"),
    [
        ("one hundred and twelve dollars and fifty cents at coles", "$112.50 at coles"),
        ("seventy two litres of diesel for one hundred and forty dollars", "72 litres of diesel for 140 dollars"),
        ("at one hundred and twelve thousand kilometres", "at 112000 kilometres"),
        ("fifty cents", "50 cents"),
        ("one fifty for the powered site", "one fifty for the powered site"),  # said as in a shop: parsed as 150
        ("a hundred and twenty bucks", "120 bucks"),
        ("two nights at the park", "two nights at the park"),
        ("one of those days", "one of those days"),
    ],
)
def test_spoken_numbers_become_digits_where_they_are_amounts_or_measures(said: str, typed: str) -> None:
    from wheels_wins.pam.local.normalise import spoken_numbers

    assert spoken_numbers(said) == typed
