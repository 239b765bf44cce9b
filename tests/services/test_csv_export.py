"""CSV export: the expense list's filters, exact money, and cells a spreadsheet will not run as formulas."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from sqlmodel import Session

from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import csv_export
from wheels_wins.services.csv_import import create_draft, update_draft


def _rows(text: str) -> list[list[str]]:
    assert text.startswith(csv_export.BOM)
    return list(csv.reader(io.StringIO(text[1:], newline="")))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+61 400 000 000", "'+61 400 000 000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\r\nCR", "'\r\nCR"),
        ("-12.50", "-12.50"),
        ("+7", "+7"),
        ("Coffee = good", "Coffee = good"),
        ("", ""),
    ],
)
def test_safe_cell(value: str, expected: str) -> None:
    assert csv_export.safe_cell(value) == expected


def test_to_csv_layout() -> None:
    text = csv_export.to_csv(
        [(dt.date(2026, 3, 1), "=cmd|' /C calc'!A0", 'Café, "Best"', "dining", Decimal("4.5"), "AUD", None)]
    )
    assert text.startswith("\ufeffdate,description,merchant,category,amount,currency,trip\r\n")
    assert _rows(text) == [
        list(csv_export.COLUMNS),
        ["2026-03-01", "'=cmd|' /C calc'!A0", 'Café, "Best"', "dining", "4.50", "AUD", ""],
    ]
    assert not csv_export.to_csv([], bom=False).startswith(csv_export.BOM)


def test_export_follows_the_list_filters(session: Session, make_user) -> None:
    user, other = make_user(), make_user()
    trip = trip_repo.create(session, user_id=user.id, title="Nullarbor", status="active")
    add = expense_repo.create
    add(
        session,
        user_id=user.id,
        amount=Decimal("80.00"),
        category="fuel",
        date=dt.date(2026, 3, 2),
        description="Diesel",
        merchant="BP Ceduna",
        trip_id=trip.id,
    )
    add(
        session,
        user_id=user.id,
        amount=Decimal("12.30"),
        category="dining",
        date=dt.date(2026, 3, 5),
        description="Pie",
        merchant="Bakery",
    )
    add(
        session,
        user_id=user.id,
        amount=Decimal("1234.56"),
        category="maintenance",
        date=dt.date(2026, 4, 1),
        description="Tyres",
    )
    add(
        session,
        user_id=other.id,
        amount=Decimal("5.00"),
        category="fuel",
        date=dt.date(2026, 3, 2),
        description="Diesel",
    )
    session.commit()

    every = _rows(csv_export.export_expenses(session, user_id=user.id))
    assert [r[0] for r in every[1:]] == ["2026-04-01", "2026-03-05", "2026-03-02"]  # newest first, like the list
    assert every[3] == ["2026-03-02", "Diesel", "BP Ceduna", "fuel", "80.00", "AUD", "Nullarbor"]
    assert every[1][4] == "1234.56"

    def lines(**filters) -> list[str]:
        return [r[1] for r in _rows(csv_export.export_expenses(session, user_id=user.id, **filters))[1:]]

    assert lines(start=dt.date(2026, 3, 3), end=dt.date(2026, 3, 31)) == ["Pie"]
    assert lines(category="fuel") == ["Diesel"]
    assert lines(trip_id=trip.id) == ["Diesel"]
    assert lines(search="bakery") == ["Pie"]
    assert lines(search="nothing like it") == []
    assert len(_rows(csv_export.export_expenses(session, user_id=other.id))) == 2


def test_an_exported_file_imports_back_as_duplicates(session: Session, make_user) -> None:
    user = make_user()
    expense_repo.create(
        session,
        user_id=user.id,
        amount=Decimal("80.00"),
        category="fuel",
        date=dt.date(2026, 3, 2),
        description="Diesel",
        merchant="BP",
    )
    session.commit()
    text = csv_export.export_expenses(session, user_id=user.id)
    preview = create_draft(session, user_id=user.id, filename="export.csv", content=text.encode())
    assert preview.detected.encoding == "utf-8-sig" and preview.detected.date_format == "%Y-%m-%d"
    assert (preview.mapping.merchant, preview.mapping.category) == (2, 3)
    flipped = update_draft(session, user_id=user.id, draft_id=preview.id, mapping={"expense_sign": "positive"})
    assert [(r.amount, r.category, r.duplicate) for r in flipped.rows] == [(Decimal("80.00"), "fuel", True)]


def test_export_filename() -> None:
    today = dt.date(2026, 3, 9)
    assert (
        csv_export.export_filename(dt.date(2026, 3, 1), dt.date(2026, 3, 31), today=today)
        == "expenses-2026-03-01-to-2026-03-31.csv"
    )
    assert csv_export.export_filename(dt.date(2026, 3, 1), None, today=today) == "expenses-from-2026-03-01.csv"
    assert csv_export.export_filename(None, dt.date(2026, 3, 31), today=today) == "expenses-to-2026-03-31.csv"
    assert csv_export.export_filename(None, None, today=today) == "expenses-2026-03-09.csv"
