"""Reading one cell: bank-statement amounts as exact Decimals, and dates in one format per column.

Dates are matched with precompiled patterns rather than `strptime` or dateparser: a column has
one format, chosen once by what parses its values (day-first before month-first when both do,
as an Australian reader expects), and each distinct value is read once. That keeps 10,000 rows
in milliseconds and never reads "03/04" one way on one line and the other way on the next.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

CENTS = Decimal("0.01")
MAX_AMOUNT = Decimal("9999999999.99")  # NUMERIC(12,2)

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_PARTS = {"%d": r"(?P<d>\d{1,2})", "%m": r"(?P<m>\d{1,2})", "%Y": r"(?P<Y>\d{4})", "%y": r"(?P<y>\d{2})"}
_PARTS["%b"] = r"(?P<b>[A-Za-z]{3,9})\.?"
_COMPACT = {"%Y%m%d": r"(?P<Y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"}
_LABELS = {"%d": "DD", "%m": "MM", "%Y": "YYYY", "%y": "YY", "%b": "Mon"}
_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_TIME_TAIL = re.compile(
    r"(?:T|\s+|,\s*)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$", re.IGNORECASE
)


@dataclass(frozen=True)
class DateFormat:
    """One supported date layout: `code` in strftime notation, `label` for people ("DD/MM/YYYY")."""

    code: str
    label: str
    pattern: re.Pattern[str] = field(repr=False, compare=False)

    def parse(self, text: str) -> dt.date | None:
        """The date `text` names in this format, or None."""
        match = self.pattern.fullmatch(clean_date_text(text))
        if match is None:
            return None
        parts = match.groupdict()
        if parts.get("b") is not None:
            month = _MONTHS.get(parts["b"].lower())
            if month is None:
                return None
        else:
            month = int(parts["m"])
        year = int(parts["Y"]) if parts.get("Y") is not None else _century(int(parts["y"]))
        try:
            return dt.date(year, month, int(parts["d"]))
        except ValueError:
            return None


def _century(two_digits: int) -> int:
    return 2000 + two_digits if two_digits < 70 else 1900 + two_digits


def _compile(code: str) -> DateFormat:
    if code in _COMPACT:
        return DateFormat(code, "YYYYMMDD", re.compile(_COMPACT[code]))
    pattern, label, i = "", "", 0
    while i < len(code):
        token = code[i : i + 2]
        if token in _PARTS:
            pattern += _PARTS[token]
            label += _LABELS[token]
            i += 2
            continue
        char = code[i]
        pattern += r",?\s+" if char == " " else re.escape(char)
        label += char
        i += 1
    return DateFormat(code, label, re.compile(pattern, re.IGNORECASE))


_ISO = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d")
_DAY_FIRST = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%d-%m-%y", "%d.%m.%y")
_MONTH_FIRST = ("%m/%d/%Y", "%m-%d-%Y", "%m.%d.%Y", "%m/%d/%y", "%m-%d-%y")
_NAMED = ("%d %b %Y", "%d-%b-%Y", "%d/%b/%Y", "%d %b %y", "%d-%b-%y", "%b %d %Y", "%b-%d-%Y")
DATE_FORMATS: dict[str, DateFormat] = {
    code: _compile(code) for code in (*_ISO, *_DAY_FIRST, *_MONTH_FIRST, *_NAMED, "%Y%m%d")
}
"""Every supported date format by its strftime code."""


def clean_date_text(text: str) -> str:
    """`text` without surrounding space, a leading weekday or a trailing time of day."""
    text = _WEEKDAY.sub("", text.strip())
    return _TIME_TAIL.sub("", text).strip()


def preference(prefer_day_first: bool = True) -> tuple[DateFormat, ...]:
    """Formats in the order ties are settled: ISO, then day-first or month-first as preferred, then named months."""
    first, second = (_DAY_FIRST, _MONTH_FIRST) if prefer_day_first else (_MONTH_FIRST, _DAY_FIRST)
    return tuple(DATE_FORMATS[code] for code in (*_ISO, *first, *second, *_NAMED, "%Y%m%d"))


def detect_date_format(values: Iterable[str], *, prefer_day_first: bool = True) -> tuple[DateFormat | None, int]:
    """The format that reads the most of `values` (ties go to the preferred one) and how many it reads.

    "03/04/2026" alone reads both ways and goes to day-first when preferred; one "13/04/2026"
    in the column settles it, because month-first then fails a row.
    """
    counts = Counter(text for text in (v.strip() for v in values) if text)
    best: DateFormat | None = None
    best_read = 0
    for fmt in preference(prefer_day_first):
        read = sum(n for text, n in counts.items() if fmt.parse(text) is not None)
        if read > best_read:
            best, best_read = fmt, read
            if read == sum(counts.values()):
                break
    return best, best_read


def looks_like_date(text: str) -> bool:
    """Whether any supported format reads `text`."""
    return any(fmt.parse(text) is not None for fmt in DATE_FORMATS.values())


_SIMPLE = re.compile(r"-?\d{1,10}(?:\.\d{1,2})?")
_MARKER = re.compile(r"^(?:(?P<pre>DR|CR)\.?\s+)?(?P<body>.*?)(?:\s*(?P<post>DR|CR)\.?)?$", re.IGNORECASE)
_CURRENCY = re.compile(r"\b(?:AUD|NZD|USD|CAD|EUR|GBP)\b|(?:AU|NZ|US|A|C)?\$|[€£¥]", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f']+")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+,\d{1,2}")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_PLAIN = re.compile(r"\d+(?:\.\d*)?|\.\d+")
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2012": "-"})


def parse_amount(text: str) -> Decimal | None:
    """The signed amount in `text` (negative = money out), exact to the cent; None for a blank cell.

    Reads "$1,234.56", "-12.00", "12.00-", "(12.00)", "12.00 DR" (out) and "12.00 CR" (in), currency
    codes and symbols, and a decimal comma ("12,50"). Raises ValueError saying what is wrong otherwise.
    """
    raw = text.strip()
    if not raw:
        return None
    if _SIMPLE.fullmatch(raw):  # the usual "-45.20": skip the general path
        return Decimal(raw).quantize(CENTS)
    marker = _MARKER.fullmatch(raw)
    body = marker["body"] if marker else raw
    side = ((marker["pre"] or marker["post"] or "") if marker else "").upper()
    body = _SPACES.sub("", _CURRENCY.sub("", body.translate(_MINUS)))
    negative = False
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1]
    if body.startswith(("-", "+")):
        negative, body = negative or body[0] == "-", body[1:]
    elif body.endswith(("-", "+")):
        negative, body = negative or body[-1] == "-", body[:-1]
    body = _CURRENCY.sub("", body)
    if _THOUSANDS_COMMA.fullmatch(body):
        body = body.replace(",", "")
    elif _THOUSANDS_DOT.fullmatch(body):
        body = body.replace(".", "").replace(",", ".")
    elif _DECIMAL_COMMA.fullmatch(body):
        body = body.replace(",", ".")
    elif not _PLAIN.fullmatch(body):
        raise ValueError(f"'{raw}' is not an amount")
    try:
        amount = Decimal(body)
    except InvalidOperation:
        raise ValueError(f"'{raw}' is not an amount") from None
    if amount != amount.quantize(CENTS):
        raise ValueError(f"'{raw}' has more than two decimal places")
    if amount > MAX_AMOUNT:
        raise ValueError(f"'{raw}' is too large")
    amount = amount.quantize(CENTS)
    if side:
        return -amount if side == "DR" else amount
    return -amount if negative else amount


def has_side_marker(text: str) -> bool:
    """Whether an amount says its own side with DR or CR (which no sign convention overrides)."""
    marker = _MARKER.fullmatch(text.strip())
    return bool(marker and (marker["pre"] or marker["post"]))


def looks_like_amount(text: str) -> bool:
    """Whether `text` reads as an amount (blank does not count)."""
    try:
        return parse_amount(text) is not None
    except ValueError:
        return False
