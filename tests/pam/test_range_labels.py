"""How PAM names a range of days in its replies: the year once when both ends share it, on each end when not."""

from __future__ import annotations

import datetime as dt

import pytest

from wheels_wins.pam.tools.common import resolve_range

TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (dt.date(2025, 3, 1), dt.date(2025, 3, 31), "between 1 Mar and 31 Mar 2025"),
        (dt.date(2024, 7, 1), dt.date(2025, 6, 30), "between 1 Jul 2024 and 30 Jun 2025"),  # a financial year
        (dt.date(2026, 11, 4), TODAY, "since 4 Nov"),
        (dt.date(2025, 12, 1), TODAY, "since 1 Dec 2025"),
        (TODAY, TODAY, "today"),
    ],
)
def test_a_range_is_named_with_its_years(start: dt.date, end: dt.date, label: str) -> None:
    assert resolve_range("this_month", start, end, TODAY) == (min(start, end), max(start, end), label)
