"""From bytes to a table and a column mapping: encodings, delimiters, quoting, headers and bad files."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from wheels_wins.services.csv_import.mapping import ColumnMapping, guess_mapping
from wheels_wins.services.csv_import.reading import (
    MAX_FILE_BYTES,
    CsvImportError,
    check_size,
    decode,
    read_table,
    sniff_delimiter,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"


def _table(content: bytes):
    text, _ = decode(content)
    return read_table(text, sniff_delimiter(text))


def _fails(code: str, content: bytes, says: str = "") -> CsvImportError:
    with pytest.raises(CsvImportError) as caught:
        check_size(content)
        _table(content)
    assert caught.value.code == code, caught.value.message
    assert says in caught.value.message
    return caught.value


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_each_delimiter_is_detected(delimiter: str) -> None:
    rows = [["Date", "Description", "Amount"], ["01/03/2026", "Coffee", "-4.50"], ["02/03/2026", "Fuel", "-80.00"]]
    text = "\n".join(delimiter.join(row) for row in rows)
    assert sniff_delimiter(text) == delimiter
    table = read_table(text, delimiter)
    assert table.columns == ["Date", "Description", "Amount"] and len(table.rows) == 2


def test_commas_inside_quotes_do_not_split_and_quotes_are_unescaped() -> None:
    content = b'Date,Description,Amount\n01/03/2026,"Fish, chips ""and"" peas",-12.00\n02/03/2026,"A, B, C, D",-1.00\n'
    table = _table(content)
    assert table.width == 3
    assert table.rows[0].cells == ["01/03/2026", 'Fish, chips "and" peas', "-12.00"]


def test_a_quoted_value_may_span_lines_and_lines_are_numbered_from_the_file() -> None:
    content = b'Date,Description,Amount\n01/03/2026,"Two\nlines",-1.00\n02/03/2026,After,-2.00\n'
    table = _table(content)
    assert [(row.line, row.cells[1]) for row in table.rows] == [(2, "Two\nlines"), (4, "After")]


def test_semicolons_win_over_commas_in_the_values() -> None:
    text = "Date;Description;Amount\n01/03/2026;Cafe, Orange;-4,50\n02/03/2026;Fuel, BP;-80,00\n"
    assert sniff_delimiter(text) == ";"


def test_utf8_bom_is_removed() -> None:
    text, encoding = decode("Date,Description,Amount\n01/03/2026,Café,-4.50\n".encode("utf-8-sig"))
    assert encoding == "utf-8-sig" and text.startswith("Date") and "Café" in text


def test_windows_1252_falls_back() -> None:
    text, encoding = decode("Date,Description,Amount\n01/03/2026,Café – “best”,-4.50\n".encode("cp1252"))
    assert encoding == "cp1252" and "Café – “best”" in text


def test_utf16_with_bom_is_read() -> None:
    text, encoding = decode("Date\tDescription\tAmount\n01/03/2026\tCafé\t-4.50\n".encode("utf-16"))
    assert encoding == "utf-16" and "Café" in text and sniff_delimiter(text) == "\t"


def test_plain_utf8_is_utf8() -> None:
    assert decode("Date,Description\n01/03/2026,Café\n".encode())[1] == "utf-8"


def test_header_or_not() -> None:
    assert _table(b"Date,Description,Amount\n01/03/2026,Coffee,-4.50\n").has_header
    headless = _table(b"01/03/2026,Coffee,-4.50\n02/03/2026,Tea,-3.50\n")
    assert not headless.has_header and headless.columns == ["Column 1", "Column 2", "Column 3"]
    assert headless.rows[0].line == 1


def test_the_header_can_be_forced_either_way() -> None:
    text = "01/03/2026,Coffee,-4.50\n02/03/2026,Tea,-3.50\n"
    forced = read_table(text, ",", has_header=True)
    assert forced.columns == ["01/03/2026", "Coffee", "-4.50"] and len(forced.rows) == 1


def test_preamble_lines_before_the_table_are_skipped() -> None:
    content = b"Account: 123456\nStatement March 2026\n\nDate,Description,Amount\n01/03/2026,Coffee,-4.50\n"
    table = _table(content)
    assert table.header_line == 4 and table.preamble_lines == 3 and table.rows[0].line == 5


def test_a_stray_delimiter_after_every_record_is_ignored() -> None:
    table = _table(b"Date,Description,Amount\n01/03/2026,Coffee,-4.50,\n02/03/2026,Tea,-3.50,\n")
    assert table.width == 3 and table.rows[0].cells == ["01/03/2026", "Coffee", "-4.50"]


def test_blank_lines_are_skipped_but_keep_the_numbering() -> None:
    table = _table(b"Date,Description,Amount\n\n01/03/2026,Coffee,-4.50\n\n  \n02/03/2026,Tea,-3.50\n")
    assert [row.line for row in table.rows] == [3, 6]


def test_empty_files() -> None:
    _fails("empty_file", b"", "The file is empty")
    _fails("empty_file", b" \r\n\n  ")


def test_a_header_without_transactions() -> None:
    _fails("no_transactions", b"Date,Description,Amount\n", "no transactions")


def test_binary_garbage_is_refused() -> None:
    garbage = random.Random(7).randbytes(4000)
    _fails("not_csv", garbage, "not a text file")
    _fails("not_csv", b"\x00\x01\x02hello,world\n", "not a text file")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xls"),
    ],
)
def test_other_document_types_are_named(content: bytes, says: str) -> None:
    _fails("not_csv", content, says)


def test_a_single_column_is_not_a_statement() -> None:
    _fails("not_csv", b"hello world\nthis is prose\nnot a table\n", "only one column")


def test_too_large() -> None:
    error = _fails("too_large", b"x" * (MAX_FILE_BYTES + 1), "the limit is 5 MB")
    assert "5.0 MB" in error.message
    check_size(b"x" * MAX_FILE_BYTES)


def test_an_unclosed_quote_is_named_by_line() -> None:
    rest = b"02/03/2026,Tea,-1.00\n" * 8000  # past the csv module's 128 KB limit on one value
    content = b'Date,Description,Amount\n01/03/2026,Tea,-1.00\n01/03/2026,"Coffee,-4.50\n' + rest
    _fails("not_csv", content, "Line 3: a quoted value is never closed")


def test_mapping_from_header_names() -> None:
    table = _table(b"Transaction Date,Narrative,Debit Amount,Credit Amount,Balance\n01/03/2026,Coffee,4.50,,100\n")
    assert guess_mapping(table) == ColumnMapping(date=0, description=1, debit=2, credit=3)


def test_mapping_never_takes_the_balance_for_the_amount() -> None:
    table = _table(b"Date,Balance,Details,Amount\n01/03/2026,100.00,Coffee,-4.50\n")
    assert guess_mapping(table) == ColumnMapping(date=0, description=2, amount=3)


def test_mapping_from_contents_without_a_header() -> None:
    table = _table((FIXTURES / "cba_no_header.csv").read_bytes())
    assert guess_mapping(table) == ColumnMapping(date=0, description=2, amount=1)


def test_mapping_finds_merchant_and_category_columns() -> None:
    table = _table((FIXTURES / "nab_with_category.csv").read_bytes())
    assert guess_mapping(table) == ColumnMapping(date=0, description=5, amount=1, merchant=8, category=7)


@pytest.mark.parametrize(
    ("mapping", "says"),
    [
        (ColumnMapping(description=1, amount=2), "mapping.date: choose the column that holds the date"),
        (ColumnMapping(date=0, amount=2), "mapping.description"),
        (ColumnMapping(date=0, description=1), "mapping.amount: choose an amount column"),
        (ColumnMapping(date=0, description=1, amount=2, debit=3), "not both"),
        (ColumnMapping(date=0, description=1, amount=9), "mapping.amount: there is no column 9"),
        (ColumnMapping(date=0, description=0, amount=2), "mapping.description: column 0 is already the date column"),
        (ColumnMapping(date=0, description=1, amount=2, expense_sign="up"), "mapping.expense_sign"),  # type: ignore[arg-type]
    ],
)
def test_invalid_mappings_name_the_role(mapping: ColumnMapping, says: str) -> None:
    with pytest.raises(CsvImportError) as caught:
        mapping.validate(4)
    assert caught.value.code == "invalid_mapping"
    assert says in caught.value.message
