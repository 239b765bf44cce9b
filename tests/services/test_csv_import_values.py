"""Reading one cell of a statement: exact amounts in every bank's notation, and dates one format per column."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wheels_wins.services.csv_import.values import (
    DATE_FORMATS,
    clean_date_text,
    detect_date_format,
    has_side_marker,
    looks_like_date,
    parse_amount,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-12.00", "-12.00"),
        ("12.00", "12.00"),
        ("+12", "12.00"),
        ("$1,234.56", "1234.56"),
        ("-$1,234.56", "-1234.56"),
        ("$-12.00", "-12.00"),
        ("(12.00)", "-12.00"),
        ("($1,000.00)", "-1000.00"),
        ("12.00-", "-12.00"),
        ("12.00 DR", "-12.00"),
        ("12.00DR", "-12.00"),
        ("12.00 dr", "-12.00"),
        ("DR 12.00", "-12.00"),
        ("12.00 CR", "12.00"),
        ("12.00 Cr.", "12.00"),
        ("-12.00 DR", "-12.00"),  # both say money out; not a double negative
        ("AUD 45.00", "45.00"),
        ("A$3.10", "3.10"),
        ("45.00 AUD", "45.00"),
        ("\u221212.50", "-12.50"),  # the Unicode minus sign
        ("1 234.56", "1234.56"),
        ("12,50", "12.50"),
        ("-1.234,56", "-1234.56"),
        ("1,234", "1234.00"),
        (".5", "0.50"),
        ("0.10", "0.10"),
        ("12.340", "12.34"),
        ("9999999999.99", "9999999999.99"),
    ],
)
def test_amounts_parse_exactly(text: str, expected: str) -> None:
    amount = parse_amount(text)
    assert amount == Decimal(expected)
    assert isinstance(amount, Decimal) and amount.as_tuple().exponent == -2


def test_a_blank_amount_is_none() -> None:
    assert parse_amount("") is None
    assert parse_amount("   ") is None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("abc", "'abc' is not an amount"),
        ("12.345", "'12.345' has more than two decimal places"),
        ("1.2.3", "is not an amount"),
        ("12..00", "is not an amount"),
        ("$", "is not an amount"),
        ("10000000000.00", "is too large"),
        ("NaN", "is not an amount"),
        ("1e5", "is not an amount"),
    ],
)
def test_bad_amounts_say_why(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=says.replace("(", r"\(").replace(".", r"\.")):
        parse_amount(text)


def test_side_markers() -> None:
    assert has_side_marker("12.00 DR") and has_side_marker("CR 5") and has_side_marker("5.00cr")
    assert not has_side_marker("-12.00") and not has_side_marker("(12.00)")


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("%Y-%m-%d", "2026-03-07", dt.date(2026, 3, 7)),
        ("%Y-%m-%d", "2026-03-07T10:15:00+10:00", dt.date(2026, 3, 7)),
        ("%Y-%m-%d", "2026-03-07 10:15", dt.date(2026, 3, 7)),
        ("%Y/%m/%d", "2026/03/07", dt.date(2026, 3, 7)),
        ("%d/%m/%Y", "7/3/2026", dt.date(2026, 3, 7)),
        ("%d/%m/%Y", "07/03/2026 9:05 pm", dt.date(2026, 3, 7)),
        ("%d/%m/%Y", "Sat 07/03/2026", dt.date(2026, 3, 7)),
        ("%d-%m-%Y", "07-03-2026", dt.date(2026, 3, 7)),
        ("%d.%m.%Y", "07.03.2026", dt.date(2026, 3, 7)),
        ("%d/%m/%y", "07/03/26", dt.date(2026, 3, 7)),
        ("%m/%d/%Y", "03/07/2026", dt.date(2026, 3, 7)),
        ("%m/%d/%y", "3/7/26", dt.date(2026, 3, 7)),
        ("%d %b %Y", "3 Mar 2026", dt.date(2026, 3, 3)),
        ("%d %b %Y", "3 March 2026", dt.date(2026, 3, 3)),
        ("%d %b %Y", "03 SEPT 2026", dt.date(2026, 9, 3)),
        ("%d %b %Y", "Tuesday, 3 March 2026", dt.date(2026, 3, 3)),
        ("%d-%b-%Y", "03-Mar-2026", dt.date(2026, 3, 3)),
        ("%d %b %y", "02 Mar 26", dt.date(2026, 3, 2)),
        ("%b %d %Y", "Mar 3, 2026", dt.date(2026, 3, 3)),
        ("%Y%m%d", "20260303", dt.date(2026, 3, 3)),
    ],
)
def test_each_date_format(code: str, text: str, expected: dt.date) -> None:
    assert DATE_FORMATS[code].parse(text) == expected


@pytest.mark.parametrize("text", ["32/01/2026", "29/02/2026", "00/01/2026", "31/04/2026", "3 Foo 2026", "yesterday"])
def test_impossible_dates_do_not_parse(text: str) -> None:
    assert DATE_FORMATS["%d/%m/%Y"].parse(text) is None
    assert DATE_FORMATS["%d %b %Y"].parse(text) is None


def test_clean_date_text_drops_weekday_and_time() -> None:
    assert clean_date_text("  Mon 02/03/2026 14:30:01 ") == "02/03/2026"
    assert clean_date_text("2026-03-02T00:00:00Z") == "2026-03-02"


def test_ambiguous_dates_prefer_day_first_for_australians() -> None:
    fmt, read = detect_date_format(["03/04/2026", "05/04/2026", "12/01/2026"])
    assert (fmt.code, read) == ("%d/%m/%Y", 3)
    assert DATE_FORMATS["%d/%m/%Y"].parse("03/04/2026") == dt.date(2026, 4, 3)


def test_ambiguous_dates_go_month_first_when_asked() -> None:
    fmt, _ = detect_date_format(["03/04/2026", "05/04/2026"], prefer_day_first=False)
    assert fmt.code == "%m/%d/%Y"


def test_one_unambiguous_row_decides_the_whole_column() -> None:
    day_first, _ = detect_date_format(["03/04/2026", "13/04/2026", "05/04/2026"])
    assert day_first.code == "%d/%m/%Y"
    month_first, _ = detect_date_format(["03/04/2026", "04/13/2026", "05/04/2026"])
    assert month_first.code == "%m/%d/%Y"


def test_the_format_reading_most_rows_wins_when_none_reads_all() -> None:
    fmt, read = detect_date_format(["13/04/2026", "14/04/2026", "32/13/2026", ""])
    assert (fmt.code, read) == ("%d/%m/%Y", 2)


def test_iso_and_named_months_are_detected() -> None:
    assert detect_date_format(["2026-03-01", "2026-12-31"])[0].code == "%Y-%m-%d"
    assert detect_date_format(["3 Mar 2026", "12 March 2026"])[0].code == "%d %b %Y"


def test_nothing_datelike_detects_nothing() -> None:
    assert detect_date_format(["coffee", "12.50", ""]) == (None, 0)
    assert not looks_like_date("-45.20") and looks_like_date("2026-03-01")


def test_labels_are_for_people() -> None:
    assert DATE_FORMATS["%d/%m/%Y"].label == "DD/MM/YYYY"
    assert DATE_FORMATS["%d %b %Y"].label == "DD Mon YYYY"
    assert DATE_FORMATS["%Y%m%d"].label == "YYYYMMDD"
