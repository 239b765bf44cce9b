"""Which column holds what: a best guess from header names and contents, which the user may change."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any, Literal

from wheels_wins.services.csv_import.reading import CsvImportError, Table
from wheels_wins.services.csv_import.values import looks_like_amount, looks_like_date

ExpenseSign = Literal["negative", "positive"]
ROLES = ("date", "description", "amount", "debit", "credit", "merchant", "category")

# Header names per role, best first; a name equal to one of these wins over one merely containing a hint.
# fmt: off
_NAMES: dict[str, tuple[str, ...]] = {
    "date": (
        "date", "transaction date", "trans date", "txn date", "posted date", "posting date", "post date",
        "date posted", "booking date", "effective date", "value date", "processed date",
    ),
    "description": (
        "description", "transaction description", "narrative", "details", "transaction details", "particulars",
        "memo", "narration", "transaction", "reference", "payee", "name",
    ),
    "amount": ("amount", "transaction amount", "amount aud", "aud amount", "amt", "net amount", "value"),
    "debit": (
        "debit", "debits", "debit amount", "withdrawal", "withdrawals", "withdrawal amount", "money out", "paid out",
        "out", "spent", "dr",
    ),
    "credit": (
        "credit", "credits", "credit amount", "deposit", "deposits", "deposit amount", "money in", "paid in", "in",
        "received", "cr",
    ),
    "merchant": ("merchant", "merchant name", "payee", "vendor", "store", "business name", "counterparty"),
    "category": ("category", "categories", "spending category", "budget category"),
}
# fmt: on
_HINTS: dict[str, tuple[str, ...]] = {
    "date": ("date",),
    "description": ("desc", "narrat", "detail"),
    "amount": ("amount",),
    "debit": ("debit", "withdraw"),
    "credit": ("credit", "deposit"),
    "merchant": ("merchant",),
    "category": ("categor",),
}
_NEVER = ("balance", "running total")
_NAME_CLEAN = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class ColumnMapping:
    """Column positions (0-based) for each role; either `amount`, or `debit` and/or `credit`.

    `expense_sign` says which amounts are spending in a single amount column: "negative" (bank
    accounts) or "positive" (many credit-card exports). DR/CR markers and debit/credit columns
    say it themselves.
    """

    date: int | None = None
    description: int | None = None
    amount: int | None = None
    debit: int | None = None
    credit: int | None = None
    merchant: int | None = None
    category: int | None = None
    expense_sign: ExpenseSign = "negative"

    def as_dict(self) -> dict[str, Any]:
        """The mapping as JSON-ready data."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ColumnMapping:
        """A mapping from stored or submitted data (unknown keys are ignored)."""
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})

    def validate(self, width: int) -> None:
        """Raise CsvImportError naming the field unless every role points at a distinct existing column."""
        for role in ROLES:
            index = getattr(self, role)
            if index is not None and (not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < width):
                raise _invalid(role, f"there is no column {index!r}; columns are numbered 0 to {width - 1}")
        if self.date is None:
            raise _invalid("date", "choose the column that holds the date")
        if self.description is None:
            raise _invalid("description", "choose the column that describes the transaction")
        if self.amount is None and self.debit is None and self.credit is None:
            raise _invalid("amount", "choose an amount column, or debit and credit columns")
        if self.amount is not None and (self.debit is not None or self.credit is not None):
            raise _invalid("amount", "choose either one amount column or debit/credit columns, not both")
        if self.expense_sign not in ("negative", "positive"):
            raise _invalid("expense_sign", "must be 'negative' or 'positive'")
        used = [getattr(self, role) for role in ROLES if getattr(self, role) is not None]
        if len(used) != len(set(used)):
            twice = next(i for i in used if used.count(i) > 1)
            roles = [role for role in ROLES if getattr(self, role) == twice]
            raise _invalid(roles[1], f"column {twice} is already the {roles[0]} column")


def _invalid(role: str, message: str) -> CsvImportError:
    return CsvImportError("invalid_mapping", f"mapping.{role}: {message}", f"mapping.{role}")


def _clean(name: str) -> str:
    return _NAME_CLEAN.sub(" ", name.lower()).strip()


def _by_name(names: list[str], role: str, taken: set[int]) -> int | None:
    free = [(i, name) for i, name in enumerate(names) if i not in taken and not any(n in name for n in _NEVER)]
    for wanted in _NAMES[role]:
        for i, name in free:
            if name == wanted:
                return i
    for i, name in free:
        if any(hint in name for hint in _HINTS[role]):
            return i
    return None


def _share(rows: list[list[str]], index: int, test: Any) -> float:
    values = [row[index] for row in rows if index < len(row) and row[index]]
    return sum(1 for v in values if test(v)) / len(values) if values else 0.0


def guess_mapping(table: Table) -> ColumnMapping:
    """The likeliest mapping: header names first, then what the columns hold (dates, amounts, text)."""
    sample = [row.cells for row in table.rows[:200] if len(row.cells) == table.width]
    names = [_clean(name) for name in table.columns] if table.has_header else [""] * table.width
    found: dict[str, int | None] = {}
    taken: set[int] = set()
    for role in ("date", "debit", "credit", "amount", "description", "merchant", "category"):
        index = _by_name(names, role, taken) if table.has_header else None
        if role == "amount" and (found.get("debit") is not None or found.get("credit") is not None):
            index = None
        found[role] = index
        if index is not None:
            taken.add(index)
    free = [i for i in range(table.width) if i not in taken and not any(n in names[i] for n in _NEVER)]
    if found["date"] is None:
        found["date"] = next((i for i in free if _share(sample, i, looks_like_date) >= 0.8), None)
        free = [i for i in free if i != found["date"]]
    numeric = [i for i in free if _share(sample, i, looks_like_amount) >= 0.8]
    if found["amount"] is None and found["debit"] is None and found["credit"] is None and numeric:
        found["amount"] = numeric[0]
    if found["description"] is None:
        text = [
            i for i in free if i not in numeric and i != found["amount"] and _share(sample, i, looks_like_date) < 0.5
        ]
        if text:
            found["description"] = max(text, key=lambda i: _text_score(sample, i))
    return ColumnMapping(**found)


def _text_score(rows: list[list[str]], index: int) -> tuple[int, float]:
    values = [row[index] for row in rows if index < len(row)]
    distinct = len(set(values))
    return distinct, sum(len(v) for v in values) / max(len(values), 1)
