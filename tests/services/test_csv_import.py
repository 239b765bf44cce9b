"""The import workflow on both databases: upload, preview, change, commit or discard; per user, all or nothing."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from wheels_wins.models import Expense, ImportDraft
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import csv_import
from wheels_wins.services.csv_import import CsvImportError, ImportPreview

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"
HEADER = "Date,Description,Amount"


def _csv(*lines: str, header: str | None = HEADER) -> bytes:
    return ("\n".join([header, *lines] if header else lines) + "\n").encode()


def _upload(session: Session, user_id: uuid.UUID, content: bytes, name: str = "statement.csv") -> ImportPreview:
    preview = csv_import.create_draft(session, user_id=user_id, filename=name, content=content)
    session.commit()
    return preview


def _row(preview: ImportPreview, line: int):
    return next(row for row in preview.rows if row.line == line)


def _count(session: Session, model: type, user_id: uuid.UUID) -> int:
    return session.exec(select(func.count()).select_from(model).where(model.user_id == user_id)).one()  # type: ignore[attr-defined]


def test_a_headerless_bank_export_previews_with_credits_skipped(session: Session, make_user) -> None:
    user = make_user()
    preview = _upload(session, user.id, (FIXTURES / "cba_no_header.csv").read_bytes(), "CSVData.csv")
    assert preview.filename == "CSVData.csv"
    assert (preview.detected.delimiter, preview.detected.encoding, preview.detected.has_header) == (",", "utf-8", False)
    assert preview.detected.date_format == "%d/%m/%Y" and preview.detected.date_format_label == "DD/MM/YYYY"
    assert preview.columns == ["Column 1", "Column 2", "Column 3", "Column 4"]
    assert [(r.line, r.date, r.amount, r.skipped_reason) for r in preview.rows] == [
        (1, dt.date(2026, 3, 3), Decimal("45.20"), None),
        (2, dt.date(2026, 3, 4), Decimal("80.00"), None),
        (3, dt.date(2026, 3, 5), Decimal("2500.00"), "credit"),
        (4, dt.date(2026, 3, 6), Decimal("32.50"), None),
    ]
    assert [r.category for r in preview.rows] == ["groceries", "fuel", None, "camping"]
    assert _row(preview, 1).merchant == "WOOLWORTHS DUBBO"
    assert (preview.counts.total, preview.counts.to_import, preview.counts.credits) == (4, 3, 1)
    assert any("either way round" in w for w in preview.warnings)
    assert _count(session, Expense, user.id) == 0  # nothing is saved before the commit
    assert _count(session, ImportDraft, user.id) == 1


def test_debit_and_credit_columns(session: Session, make_user) -> None:
    preview = _upload(session, make_user().id, (FIXTURES / "westpac_debit_credit.csv").read_bytes())
    assert (preview.mapping.debit, preview.mapping.credit, preview.mapping.amount) == (3, 4, None)
    assert [(r.amount, r.skipped_reason) for r in preview.rows] == [
        (Decimal("95.10"), None),
        (Decimal("23.00"), "credit"),
        (Decimal("12.40"), None),
        (Decimal("30.00"), None),
    ]
    # The bank's "OTHER" category says nothing; what was bought decides.
    assert [r.category for r in preview.rows if r.include] == ["fuel", "dining", "utilities"]


def test_the_files_own_categories_and_merchants_are_used(session: Session, make_user) -> None:
    preview = _upload(session, make_user().id, (FIXTURES / "nab_with_category.csv").read_bytes())
    assert preview.detected.date_format == "%d %b %y"
    assert [(r.merchant, r.category, r.category_source) for r in preview.rows[:2]] == [
        ("Local Store", "groceries", "file"),
        ("The Pie Shop", "dining", "file"),
    ]
    assert _row(preview, 4).skipped_reason == "credit"


def test_semicolons_and_decimal_commas(session: Session, make_user) -> None:
    preview = _upload(session, make_user().id, (FIXTURES / "semicolon_decimal_comma.csv").read_bytes())
    assert preview.detected.delimiter == ";"
    assert [(r.amount, r.skipped_reason) for r in preview.rows] == [
        (Decimal("35.00"), None),
        (Decimal("1234.56"), None),
        (Decimal("12.00"), "credit"),
    ]


def test_positive_spending_is_a_setting_with_a_hint(session: Session, make_user) -> None:
    user = make_user()
    preview = _upload(session, user.id, (FIXTURES / "credit_card_positive.csv").read_bytes())
    assert preview.counts.credits == 2 and any("expense_sign" in w for w in preview.warnings)
    flipped = csv_import.update_draft(
        session, user_id=user.id, draft_id=preview.id, mapping={"expense_sign": "positive"}
    )
    assert [(r.description, r.skipped_reason) for r in flipped.rows] == [
        ("ALDI STORES ORANGE", None),
        ("SHELL COLES EXPRESS", None),
        ("PAYMENT THANK YOU", "credit"),
    ]
    assert not flipped.warnings


@pytest.mark.parametrize(
    ("amount", "expected", "reason"),
    [
        ("-12.00", "12.00", None),
        ("(12.00)", "12.00", None),
        ("12.00 DR", "12.00", None),
        ("$1,234.56-", "1234.56", None),
        ("12.00 CR", "12.00", "credit"),
        ("12.00", "12.00", "credit"),
        ("0.00", "0.00", "zero"),
    ],
)
def test_amount_notations(session: Session, make_user, amount: str, expected: str, reason: str | None) -> None:
    preview = _upload(session, make_user().id, _csv(f'01/03/2026,Coffee,"{amount}"'))
    [row] = preview.rows
    assert (row.amount, row.skipped_reason, row.include) == (Decimal(expected), reason, reason is None)


def test_cp1252_and_bom_files_keep_their_text(session: Session, make_user) -> None:
    user = make_user()
    cp1252 = _upload(session, user.id, "Date,Description,Amount\n01/03/2026,Café – Orange,-4.50\n".encode("cp1252"))
    assert cp1252.detected.encoding == "cp1252" and cp1252.rows[0].description == "Café – Orange"
    bom = _upload(session, user.id, "Date,Description,Amount\n01/03/2026,Café,-4.50\n".encode("utf-8-sig"))
    assert bom.detected.encoding == "utf-8-sig" and bom.columns[0] == "Date" and bom.detected.has_header


def test_bad_lines_are_listed_by_number_and_the_rest_import(session: Session, make_user) -> None:
    user = make_user()
    good = [f"{day:02d}/03/2026,Shop {day},-{day}.00" for day in range(1, 16)]
    content = _csv(
        *good, "32/13/2026,Mystery,-1.00", "17/03/2026,Three,Columns,Extra", "18/03/2026,Pie,abc", "19/03/2026,,"
    )
    preview = _upload(session, user.id, content)
    errors = {row.line: row.error for row in preview.rows if row.error}
    assert errors == {
        17: "Line 17: '32/13/2026' is not a date (expected DD/MM/YYYY)",
        18: "Line 18 has 4 columns, expected 3",
        19: "Line 19: 'abc' is not an amount",
        20: "Line 20: the amount is missing",
    }
    assert all(preview.rows[i].skipped_reason == "error" and not preview.rows[i].include for i in range(15, 19))
    assert (preview.counts.errors, preview.counts.to_import) == (4, 15)
    result = csv_import.commit_draft(session, user_id=user.id, draft_id=preview.id)
    session.commit()
    assert (result.imported, result.skipped, result.duplicates) == (15, 4, 0)


def test_an_unclosed_quote_near_the_end_is_named(session: Session, make_user) -> None:
    preview = _upload(
        session, make_user().id, _csv("01/03/2026,Tea,-1.00", '02/03/2026,"Coffee,-4.50', "03/03/2026,Pie,-5")
    )
    assert preview.rows[-1].error == "Line 3: a quoted value that starts here is never closed"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty_file"),
        (b"\n\n", "empty_file"),
        (bytes(range(256)) * 8, "not_csv"),
        (b"PK\x03\x04 workbook", "not_csv"),
        (b"Date,Description,Amount\n", "no_transactions"),
        (b"Name,Age\nBob,42\nAnn,37\n", "no_dates"),
        (b"x" * (csv_import.MAX_FILE_BYTES + 1), "too_large"),
    ],
)
def test_unusable_files_are_refused_and_nothing_is_kept(session: Session, make_user, content: bytes, code: str) -> None:
    user = make_user()
    with pytest.raises(CsvImportError) as caught:
        csv_import.create_draft(session, user_id=user.id, filename="bad.csv", content=content)
    assert caught.value.code == code and caught.value.message
    session.commit()
    assert _count(session, ImportDraft, user.id) == 0


def test_duplicates_of_existing_expenses_and_of_earlier_rows(session: Session, make_user) -> None:
    user = make_user()
    expense_repo.create(
        session,
        user_id=user.id,
        amount=Decimal("45.20"),
        category="groceries",
        date=dt.date(2026, 3, 3),
        description="woolworths  dubbo",
    )
    session.commit()
    content = _csv("03/03/2026,WOOLWORTHS DUBBO,-45.20", "04/03/2026,Coffee,-4.50", "04/03/2026,Coffee,-4.50")
    preview = _upload(session, user.id, content)
    assert [(r.line, r.duplicate, r.include) for r in preview.rows] == [
        (2, True, False),
        (3, False, True),
        (4, True, False),
    ]
    assert preview.counts.duplicates == 2 and preview.counts.to_import == 1
    result = csv_import.commit_draft(session, user_id=user.id, draft_id=preview.id, include_lines=[4])
    session.commit()
    assert (result.imported, result.duplicates, result.skipped) == (2, 1, 0)
    again = _upload(session, user.id, content)
    assert all(row.duplicate for row in again.rows) and again.counts.to_import == 0


def test_category_order_rules_then_learned_then_file_then_inferred(session: Session, make_user) -> None:
    user = make_user()
    csv_import.save_rule(session, user_id=user.id, keyword="Bunnings", category="maintenance")
    csv_import.save_rule(session, user_id=user.id, keyword="bp", category="transport")
    expense_repo.create(
        session,
        user_id=user.id,
        amount=Decimal("9.00"),
        category="entertainment",
        date=dt.date(2026, 1, 1),
        merchant="Coffee Club",
        description="coffee",
    )
    expense_repo.create(
        session,
        user_id=user.id,
        amount=Decimal("9.00"),
        category="health",
        date=dt.date(2026, 1, 2),
        merchant="Zed Traders Sydney",
    )
    session.commit()
    content = _csv(
        "01/03/2026,BUNNINGS WAREHOUSE DUBBO,-30.00,groceries",  # rule beats the file's category
        "02/03/2026,COFFEE CLUB,-5.00,",  # learned: this exact merchant was entertainment
        "03/03/2026,BPAY TELSTRA,-50.00,",  # "bp" is a whole word only: not BPAY
        "04/03/2026,Shop,-7.00,Eating out",  # the file's category
        "05/03/2026,ZED TRADERS DUBBO,-8.00,",  # similar: same first word as a merchant they chose before
        "06/03/2026,Thing,-9.00,",  # nothing knows: other
        header="Date,Description,Amount,Category",
    )
    preview = _upload(session, user.id, content)
    assert [(r.category, r.category_source) for r in preview.rows] == [
        ("maintenance", "rule"),
        ("entertainment", "learned"),
        ("utilities", "inferred"),
        ("dining", "file"),
        ("health", "similar"),
        ("other", "default"),
    ]


def test_other_users_rules_expenses_and_drafts_are_invisible(session: Session, make_user) -> None:
    owner, other = make_user(), make_user()
    csv_import.save_rule(session, user_id=other.id, keyword="coffee", category="health")
    expense_repo.create(
        session,
        user_id=other.id,
        amount=Decimal("4.50"),
        category="health",
        date=dt.date(2026, 3, 1),
        description="Coffee",
    )
    session.commit()
    preview = _upload(session, owner.id, _csv("01/03/2026,Coffee,-4.50"))
    assert (preview.rows[0].category, preview.rows[0].duplicate) == ("dining", False)

    assert csv_import.get_preview(session, user_id=other.id, draft_id=preview.id) is None
    assert csv_import.update_draft(session, user_id=other.id, draft_id=preview.id, date_format="%m/%d/%Y") is None
    assert csv_import.commit_draft(session, user_id=other.id, draft_id=preview.id) is None
    assert csv_import.discard_draft(session, user_id=other.id, draft_id=preview.id) is False
    assert csv_import.list_drafts(session, user_id=other.id) == []
    session.commit()
    assert _count(session, Expense, other.id) == 1 and _count(session, Expense, owner.id) == 0
    assert csv_import.get_preview(session, user_id=owner.id, draft_id=preview.id).detected.date_format == "%d/%m/%Y"
    rule = csv_import.list_rules(session, user_id=other.id)[0]
    assert csv_import.delete_rule(session, user_id=owner.id, rule_id=rule.id) is False
    assert csv_import.list_rules(session, user_id=owner.id) == []


def test_commit_saves_expenses_learns_changed_categories_and_drops_the_draft(session: Session, make_user) -> None:
    user = make_user()
    trip = trip_repo.create(session, user_id=user.id, title="Outback loop", status="active")
    session.commit()
    content = _csv(
        "01/03/2026,VISA PURCHASE MOUNTAIN MART 1234 ORANGE,-20.00", "02/03/2026,Coffee,-4.50", "03/03/2026,Pay,900"
    )
    preview = _upload(session, user.id, content)
    result = csv_import.commit_draft(
        session, user_id=user.id, draft_id=preview.id, categories={2: "camping"}, currency="NZD", trip_id=trip.id
    )
    session.commit()
    assert (result.imported, result.skipped, result.duplicates, result.rules_learned) == (2, 1, 0, 1)
    rows, _ = expense_repo.list_page(session, user_id=user.id, sort="date", descending=False)
    assert [(e.date, e.amount, e.category, e.merchant, e.source, e.currency, e.trip_id) for e in rows] == [
        (dt.date(2026, 3, 1), Decimal("20.00"), "camping", "MOUNTAIN MART ORANGE", "import", "NZD", trip.id),
        (dt.date(2026, 3, 2), Decimal("4.50"), "dining", "Coffee", "import", "NZD", trip.id),
    ]
    assert [(r.keyword, r.category) for r in csv_import.list_rules(session, user_id=user.id)] == [
        ("mountain mart orange", "camping")
    ]
    assert csv_import.get_preview(session, user_id=user.id, draft_id=preview.id) is None
    later = _upload(session, user.id, _csv("05/04/2026,MOUNTAIN MART ORANGE,-11.00"))
    assert (later.rows[0].category, later.rows[0].category_source) == ("camping", "rule")


def test_commit_rejects_another_users_trip(session: Session, make_user) -> None:
    owner, other = make_user(), make_user()
    trip = trip_repo.create(session, user_id=other.id, title="Theirs", status="active")
    session.commit()
    preview = _upload(session, owner.id, _csv("01/03/2026,Coffee,-4.50"))
    with pytest.raises(CsvImportError, match="trip_id"):
        csv_import.commit_draft(session, user_id=owner.id, draft_id=preview.id, trip_id=trip.id)


def test_a_failure_mid_commit_leaves_nothing(session: Session, make_user) -> None:
    user = make_user()
    lines = [f"{(dt.date(2026, 1, 1) + dt.timedelta(days=i % 300)):%d/%m/%Y},Shop {i},-1.00" for i in range(2500)]
    preview = _upload(session, user.id, _csv(*lines))
    seen: list[tuple[int, int]] = []

    def explode(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= 2000:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        csv_import.commit_draft(session, user_id=user.id, draft_id=preview.id, progress=explode)
    session.rollback()
    assert seen == [(1000, 2500), (2000, 2500)]
    assert _count(session, Expense, user.id) == 0
    assert csv_import.get_preview(session, user_id=user.id, draft_id=preview.id).counts.to_import == 2500


def test_committing_twice_at_once_imports_once(engine: Engine, session: Session, make_user) -> None:
    user = make_user()
    preview = _upload(session, user.id, _csv("01/03/2026,Coffee,-4.50", "02/03/2026,Tea,-3.00"))
    outcome: list[object] = []

    def second_click() -> None:
        with Session(engine, expire_on_commit=False) as other:
            try:
                outcome.append(csv_import.commit_draft(other, user_id=user.id, draft_id=preview.id))
                other.commit()
            except OperationalError as exc:
                outcome.append(exc)  # SQLite may refuse the stale writer outright; nothing is written either way

    with Session(engine, expire_on_commit=False) as first:
        assert csv_import.commit_draft(first, user_id=user.id, draft_id=preview.id).imported == 2
        racer = threading.Thread(target=second_click)
        racer.start()
        time.sleep(0.5)  # the second commit is now waiting on the draft
        first.commit()
    racer.join(10)
    assert outcome and (outcome[0] is None or isinstance(outcome[0], OperationalError))
    assert _count(session, Expense, user.id) == 2


def test_progress_is_reported_in_chunks(session: Session, make_user) -> None:
    user = make_user()
    seen: list[tuple[int, int]] = []
    lines = [f"{(dt.date(2026, 1, 1) + dt.timedelta(days=i % 90)):%d/%m/%Y},Shop {i},-2.00" for i in range(2100)]
    preview = csv_import.create_draft(
        session, user_id=user.id, filename="big.csv", content=_csv(*lines), progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(1000, 2100), (2000, 2100), (2100, 2100)]
    seen.clear()
    csv_import.commit_draft(session, user_id=user.id, draft_id=preview.id, progress=lambda d, t: seen.append((d, t)))
    session.commit()
    assert seen == [(1000, 2100), (2000, 2100), (2100, 2100)]
    assert _count(session, Expense, user.id) == 2100


def test_changing_the_date_format_and_mapping(session: Session, make_user) -> None:
    user = make_user()
    preview = _upload(session, user.id, _csv("03/04/2026,Coffee,-4.50,Cafe", header="Date,Description,Amount,Shop"))
    assert preview.rows[0].date == dt.date(2026, 4, 3)
    changed = csv_import.update_draft(
        session, user_id=user.id, draft_id=preview.id, date_format="%m/%d/%Y", mapping={"merchant": 3}
    )
    session.commit()
    assert (changed.rows[0].date, changed.rows[0].merchant) == (dt.date(2026, 3, 4), "Cafe")
    # The draft lives in the database: a new session (a reconnect, a restart) sees the same choices.
    with Session(session.get_bind(), expire_on_commit=False) as fresh:
        again = csv_import.get_preview(fresh, user_id=user.id, draft_id=preview.id)
    assert (again.detected.date_format, again.mapping.merchant, again.rows[0].date) == (
        "%m/%d/%Y",
        3,
        dt.date(2026, 3, 4),
    )


def test_row_choices_are_saved_on_the_draft(session: Session, make_user) -> None:
    user = make_user()
    preview = _upload(session, user.id, _csv("01/03/2026,Coffee,-4.50", "02/03/2026,Tea,-3.00", "03/03/2026,Pie,-6.00"))
    changed = csv_import.update_draft(
        session, user_id=user.id, draft_id=preview.id, categories={"3": "groceries"}, exclude_lines=[4]
    )
    session.commit()
    assert [(r.line, r.category, r.category_source, r.include) for r in changed.rows] == [
        (2, "dining", "inferred", True),
        (3, "groceries", "chosen", True),
        (4, "dining", "inferred", False),
    ]
    assert changed.counts.excluded == 1
    result = csv_import.commit_draft(session, user_id=user.id, draft_id=preview.id)
    session.commit()
    assert (result.imported, result.skipped, result.rules_learned) == (2, 1, 1)


@pytest.mark.parametrize(
    ("changes", "code", "says"),
    [
        ({"mapping": {"amount": 7}}, "invalid_mapping", "mapping.amount: there is no column 7"),
        ({"mapping": {"amount": None}}, "invalid_mapping", "mapping.amount: choose an amount column"),
        ({"mapping": {"colour": 1}}, "invalid_mapping", "mapping.colour"),
        ({"date_format": "%Q"}, "invalid_setting", "date_format: must be one of"),
        ({"delimiter": "x"}, "invalid_setting", "delimiter"),
        ({"encoding": "rot13"}, "invalid_setting", "encoding"),
        ({"categories": {2: "spaceships"}}, "invalid_category", "categories.2: unknown category 'spaceships'"),
        ({"categories": {99: "dining"}}, "unknown_line", "categories.99: line 99 is not a transaction"),
        ({"exclude_lines": [1]}, "unknown_line", "exclude_lines: line 1"),
    ],
)
def test_invalid_changes_name_the_field_and_change_nothing(
    session: Session, make_user, changes: dict, code: str, says: str
) -> None:
    user = make_user()
    preview = _upload(session, user.id, _csv("01/03/2026,Coffee,-4.50"))
    with pytest.raises(CsvImportError) as caught:
        csv_import.update_draft(session, user_id=user.id, draft_id=preview.id, **changes)
    assert caught.value.code == code and says in caught.value.message
    session.rollback()
    assert csv_import.get_preview(session, user_id=user.id, draft_id=preview.id) == preview


def test_an_unguessable_column_is_left_for_the_user(session: Session, make_user) -> None:
    user = make_user()
    preview = _upload(session, user.id, _csv("01/03/2026,Coffee,n/a", "02/03/2026,Tea,n/a", header="When,What,Note"))
    assert preview.mapping_error == "mapping.amount: choose an amount column, or debit and credit columns"
    assert preview.rows == [] and preview.sample == [["01/03/2026", "Coffee", "n/a"], ["02/03/2026", "Tea", "n/a"]]
    with pytest.raises(CsvImportError, match="mapping.amount"):
        csv_import.commit_draft(session, user_id=user.id, draft_id=preview.id)


def test_a_new_delimiter_or_header_reads_the_file_again(session: Session, make_user) -> None:
    user = make_user()
    preview = _upload(session, user.id, b"Date|Description|Amount\n01/03/2026|Coffee, Tea|-4.50\n")
    with pytest.raises(CsvImportError) as caught:
        csv_import.update_draft(session, user_id=user.id, draft_id=preview.id, delimiter=",")
    assert caught.value.code == "invalid_setting"
    assert caught.value.message == "delimiter: read that way, the file has a header but no transactions"
    session.rollback()
    headless = csv_import.update_draft(session, user_id=user.id, draft_id=preview.id, has_header=False)
    assert headless.columns == ["Column 1", "Column 2", "Column 3"] and headless.detected.has_header is False
    assert headless.rows[0].error == "Line 1: 'Date' is not a date (expected DD/MM/YYYY); 'Amount' is not an amount"
    assert headless.rows[1].amount == Decimal("4.50")


def test_old_drafts_are_pruned(session: Session, make_user) -> None:
    user = make_user()
    ids = [_upload(session, user.id, _csv(f"0{i % 9 + 1}/03/2026,Coffee,-4.50"), f"s{i}.csv").id for i in range(12)]
    kept = csv_import.list_drafts(session, user_id=user.id)
    assert len(kept) == csv_import.MAX_DRAFTS
    assert {d.id for d in kept} == set(ids[-csv_import.MAX_DRAFTS :])


def test_filenames_are_reduced_to_a_safe_base_name(session: Session, make_user) -> None:
    user = make_user()
    assert _upload(session, user.id, _csv("01/03/2026,A,-1"), "../../etc/pass\x00wd.csv").filename == "passwd.csv"
    assert _upload(session, user.id, _csv("01/03/2026,A,-1"), "C:\\Users\\me\\march.csv").filename == "march.csv"
    assert _upload(session, user.id, _csv("01/03/2026,A,-1"), "").filename == "statement.csv"


def test_rules_are_normalised_and_upserted(session: Session, make_user) -> None:
    user = make_user()
    first = csv_import.save_rule(session, user_id=user.id, keyword="  Woolworths!! ", category="supermarket")
    second = csv_import.save_rule(session, user_id=user.id, keyword="WOOLWORTHS", category="shopping")
    assert (first.id, second.keyword, second.category) == (second.id, "woolworths", "shopping")
    with pytest.raises(CsvImportError, match="keyword"):
        csv_import.save_rule(session, user_id=user.id, keyword="!", category="fuel")
    with pytest.raises(CsvImportError, match="category: unknown category 'rockets'"):
        csv_import.save_rule(session, user_id=user.id, keyword="nasa", category="rockets")
