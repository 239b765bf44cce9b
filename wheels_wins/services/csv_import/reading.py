"""From uploaded bytes to a table: size and content checks, encoding, delimiter, preamble and header."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass

from wheels_wins.services.csv_import.values import looks_like_date

MAX_FILE_BYTES = 5 * 1024 * 1024
DELIMITERS = (",", ";", "\t", "|")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1")
_SAMPLE_LINES = 60
_MAX_PREAMBLE = 30
_SIGNATURES = (
    (b"%PDF", "This is a PDF. Download the statement as CSV instead"),
    (b"PK\x03\x04", "This is an Excel workbook or a zip file. Save it as CSV (comma delimited) first"),
    (b"\xd0\xcf\x11\xe0", "This is an old Excel (.xls) file. Save it as CSV (comma delimited) first"),
    (b"{\\rtf", "This is a Word/RTF document, not a CSV file"),
)


class CsvImportError(ValueError):
    """The file or a requested change cannot be used as a whole.

    `code` is stable for callers: too_large, empty_file, not_csv, no_transactions, invalid_setting,
    invalid_mapping, invalid_category, unknown_line. `field` names what to fix when there is one.
    """

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


@dataclass(frozen=True)
class RawRow:
    """One record of the file: the physical line it starts on, its cells, and the lines it spans."""

    line: int
    cells: list[str]
    spans: int = 1


@dataclass(frozen=True)
class Table:
    """The transactions part of a file: column names, width and the records after the header."""

    columns: list[str]
    has_header: bool
    header_line: int | None
    width: int
    rows: list[RawRow]
    preamble_lines: int


def check_size(content: bytes) -> None:
    """Refuse an empty or too large upload with a message saying so."""
    if len(content) > MAX_FILE_BYTES:
        size = len(content) / (1024 * 1024)
        raise CsvImportError(
            "too_large", f"The file is {size:.1f} MB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB"
        )
    if not content.strip():
        raise CsvImportError("empty_file", "The file is empty")


def decode(content: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of `content` and the encoding that read it (a BOM, then UTF-8, then Windows-1252)."""
    for signature, message in _SIGNATURES:
        if content.startswith(signature):
            raise CsvImportError("not_csv", message)
    if encoding is not None:
        try:
            return _checked(content.decode(encoding)), encoding
        except (UnicodeDecodeError, LookupError):
            raise CsvImportError(
                "invalid_setting", f"encoding: the file cannot be read as {encoding}", "encoding"
            ) from None
    if content.startswith(b"\xef\xbb\xbf"):
        return _checked(content.decode("utf-8-sig", errors="replace")), "utf-8-sig"
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(content.decode("utf-16", errors="replace")), "utf-16"
    if b"\x00" in content[:65536]:
        raise CsvImportError("not_csv", "This is not a text file (it holds binary data); choose the CSV export")
    for name in ("utf-8", "cp1252"):
        try:
            return _checked(content.decode(name)), name
        except UnicodeDecodeError:
            continue
    raise CsvImportError("not_csv", "The file's text cannot be read; save it as UTF-8 CSV and try again")


def _checked(text: str) -> str:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    if "\x00" in sample or controls > max(2, len(sample) // 100):
        raise CsvImportError("not_csv", "This is not a text file (it holds binary data); choose the CSV export")
    return text


def _records(text: str, delimiter: str, limit: int | None = None) -> list[RawRow]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', skipinitialspace=True)
    rows: list[RawRow] = []
    previous = 0
    try:
        for cells in reader:
            start, previous = previous + 1, reader.line_num
            if cells and any(cell.strip() for cell in cells):
                rows.append(RawRow(start, [cell.strip() for cell in cells], previous - start + 1))
                if limit is not None and len(rows) >= limit:
                    break
    except csv.Error:
        raise CsvImportError(
            "not_csv", f"Line {previous + 1}: a quoted value is never closed, so the rest of the file cannot be read"
        ) from None
    return rows


def _common_width(rows: list[RawRow]) -> tuple[int, int]:
    """The most common number of cells among records with more than one (preamble lines have one), and its count."""
    widths = Counter(len(row.cells) for row in rows if len(row.cells) > 1)
    return widths.most_common(1)[0] if widths else (1, 0)


def _consistency(rows: list[RawRow]) -> tuple[float, int]:
    width, count = _common_width(rows)
    return (count / len(rows) if rows else 0.0), width


def sniff_delimiter(text: str) -> str:
    """The delimiter: csv.Sniffer's guess when it splits the sample evenly, else the most consistent of , ; tab |."""
    lines = [line for line in text.splitlines()[: _SAMPLE_LINES * 2] if line.strip()][:_SAMPLE_LINES]
    sample = "\n".join(lines)
    scores = {d: _consistency(_records(sample, d)) for d in DELIMITERS}
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        sniffed = None
    best = max(DELIMITERS, key=lambda d: scores[d])  # max keeps the first of equals: comma wins ties
    if sniffed in scores and scores[sniffed][0] >= scores[best][0] and scores[sniffed][1] > 1:
        return sniffed
    if scores[best][1] <= 1:
        raise CsvImportError("not_csv", "The file has only one column; a bank statement CSV has several")
    return best


def read_table(text: str, delimiter: str, has_header: bool | None = None) -> Table:
    """The records of `text`, after any preamble lines, with the header found (or as told by `has_header`)."""
    rows = _records(text, delimiter)
    if not rows:
        raise CsvImportError("empty_file", "The file is empty")
    width = _common_width(rows[:200])[0]
    start = next((i for i, row in enumerate(rows[:_MAX_PREAMBLE]) if len(row.cells) == width), 0)
    if start > 0 and len(rows[start - 1].cells) == width - 1 and _last_column_blank(rows[start:], width):
        start, width = start - 1, width - 1  # every record ends with a stray delimiter the header lacks
    if has_header is None:
        has_header = _looks_like_header(rows[start], rows[start + 1 : start + 6])
    if has_header:
        header = rows[start]
        names = [cell or f"Column {i + 1}" for i, cell in enumerate(header.cells[:width])]
        names += [f"Column {i + 1}" for i in range(len(names), width)]
        body = rows[start + 1 :]
    else:
        header, names, body = None, [f"Column {i + 1}" for i in range(width)], rows[start:]
    if not body:
        raise CsvImportError("no_transactions", "The file has a header but no transactions")
    return Table(
        columns=names,
        has_header=has_header,
        header_line=header.line if header else None,
        width=width,
        rows=[_trimmed(row, width) for row in body],
        preamble_lines=rows[start].line - 1,
    )


def _last_column_blank(rows: list[RawRow], width: int) -> bool:
    sized = [row for row in rows[:200] if len(row.cells) == width]
    return bool(sized) and all(not row.cells[-1] for row in sized)


def _trimmed(row: RawRow, width: int) -> RawRow:
    if len(row.cells) > width and not any(row.cells[width:]):
        return RawRow(row.line, row.cells[:width], row.spans)
    return row


def _looks_like_header(first: RawRow, following: list[RawRow]) -> bool:
    if any(looks_like_date(cell) for cell in first.cells):
        return False
    return any(looks_like_date(cell) for row in following for cell in row.cells) or not following
