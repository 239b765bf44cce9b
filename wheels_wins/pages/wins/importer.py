"""Importing a bank statement: upload, check what was detected, adjust columns and rows, then import.

The uploaded file lives as a draft in the database (never in the public upload folder) until it is
imported or discarded, so a reconnect or a restart loses nothing: opening the dialog again carries on.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.db import parse_uuid
from wheels_wins.pages.wins.expenses import ExpensesState
from wheels_wins.pages.wins.insights import InsightsState
from wheels_wins.pages.wins.summary import WinsState
from wheels_wins.services import csv_import, money
from wheels_wins.services.categories import CATEGORIES
from wheels_wins.state.auth import current_user, current_user_id, run_in_session
from wheels_wins.state.notifications import NotificationsState

ROWS_SHOWN = 100
ERRORS_SHOWN = 20
NONE = "none"
ROLES = (("date", "Date"), ("description", "Description"), ("amount", "Amount"), ("debit", "Debit"),
         ("credit", "Credit"), ("merchant", "Merchant"))


@dataclasses.dataclass
class ImportRow:
    """One line of the statement as it would be imported."""

    line: int
    date: str
    description: str
    amount: str
    category: str
    include: bool
    status: str
    flagged: bool
    locked: bool


@dataclasses.dataclass
class ColumnChoice:
    """A column of the file that a role can be mapped to."""

    value: str
    label: str


def _status(row: csv_import.PreviewRow) -> str:
    if row.error:
        return row.error
    if row.skipped_reason == "credit":
        return "Money in (not an expense)"
    if row.skipped_reason == "zero":
        return "Zero amount"
    if row.duplicate:
        return "Already recorded" if not row.include else "Duplicate, importing anyway"
    return ""


def _row(row: csv_import.PreviewRow, currency: str) -> ImportRow:
    return ImportRow(
        line=row.line,
        date=row.date.strftime("%-d %b %Y") if row.date else "",
        description=row.description,
        amount=money.format_money(row.amount, currency) if row.amount is not None else "",
        category=row.category or "other",
        include=row.include,
        status=_status(row),
        flagged=bool(row.error or row.duplicate),
        locked=row.skipped_reason is not None,
    )


class ImportState(rx.State):
    """The import dialog: which step, the draft's preview, and import progress."""

    open: bool = False
    step: str = "upload"
    draft_id: str = ""
    filename: str = ""
    detected: str = ""
    warnings: list[str] = []
    mapping_error: str = ""
    error: str = ""
    columns: rx.Field[list[ColumnChoice]] = rx.field(default_factory=list)
    mapping: dict[str, str] = {}
    expense_sign: str = "negative"
    rows: rx.Field[list[ImportRow]] = rx.field(default_factory=list)
    problems: list[str] = []
    counts: dict[str, int] = {}
    busy: bool = False
    progress: int = 0
    result: str = ""

    def _show(self, preview: csv_import.ImportPreview, currency: str) -> None:
        d = preview.detected
        delimiter = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "pipes"}.get(d.delimiter, repr(d.delimiter))
        self.step, self.error = "review", ""
        self.draft_id, self.filename = str(preview.id), preview.filename
        self.detected = (f"Columns split by {delimiter}, {d.encoding}, dates as {d.date_format_label or 'unknown'}"
                         f"{', first line is a header' if d.has_header else ', no header line'}.")
        self.warnings, self.mapping_error = list(preview.warnings), preview.mapping_error or ""
        self.columns = [ColumnChoice(str(i), f"{i + 1}: {name}"[:40]) for i, name in enumerate(preview.columns)]
        self.mapping = {role: str(getattr(preview.mapping, role)) if getattr(preview.mapping, role) is not None else NONE
                        for role, _ in ROLES}
        self.expense_sign = preview.mapping.expense_sign
        self.rows = [_row(r, currency) for r in preview.rows[:ROWS_SHOWN]]
        self.problems = [r.error for r in preview.rows if r.error][:ERRORS_SHOWN]
        self.counts = dataclasses.asdict(preview.counts)

    @rx.event
    async def open_dialog(self):
        """Open the importer, carrying on with an unfinished upload if there is one."""
        user = await current_user(self)
        if user is None:
            return
        self.open, self.result, self.error, self.busy = True, "", "", False
        drafts = await run_in_session(lambda s: csv_import.list_drafts(s, user_id=user.id))
        if not drafts:
            self.step = "upload"
            return
        latest = drafts[0].id
        preview = await run_in_session(lambda s: csv_import.get_preview(s, user_id=user.id, draft_id=latest))
        if preview is None:
            self.step = "upload"
        else:
            self._show(preview, user.currency)

    @rx.event
    def set_open(self, is_open: bool):
        """Close (the draft stays for next time)."""
        if not self.busy:
            self.open = is_open

    @rx.event
    async def upload(self, files: list[rx.UploadFile]):
        """Read the chosen statement and keep it as a draft; nothing is imported yet."""
        user = await current_user(self)
        if user is None or not files:
            return
        self.busy, self.error = True, ""
        yield
        content = await files[0].read()
        name = files[0].name or "statement.csv"
        try:
            preview = await run_in_session(
                lambda s: csv_import.create_draft(s, user_id=user.id, filename=name, content=content)
            )
        except csv_import.CsvImportError as problem:
            self.busy, self.error = False, str(problem)
            return
        self.busy = False
        self._show(preview, user.currency)

    async def _update(self, **changes: Any):
        user = await current_user(self)
        draft_id = parse_uuid(self.draft_id)
        if user is None or draft_id is None:
            return
        try:
            preview = await run_in_session(
                lambda s: csv_import.update_draft(s, user_id=user.id, draft_id=draft_id, **changes)
            )
        except csv_import.CsvImportError as problem:
            self.error = str(problem)
            return
        if preview is None:
            self.step, self.error = "upload", "That upload has gone; choose the file again."
            return
        self._show(preview, user.currency)

    @rx.event
    async def set_column(self, role: str, value: str):
        """Point a role (date, amount...) at another column, or at none."""
        if role not in dict(ROLES):
            return
        mapping = {r: (int(v) if v.isdigit() else None) for r, v in {**self.mapping, role: value}.items()}
        await self._update(mapping={**mapping, "expense_sign": self.expense_sign})

    @rx.event
    async def set_expense_sign(self, sign: str):
        """Whether spending shows as negative (bank accounts) or positive (many card exports) amounts."""
        if sign in ("negative", "positive"):
            mapping = {r: (int(v) if v.isdigit() else None) for r, v in self.mapping.items()}
            await self._update(mapping={**mapping, "expense_sign": sign})

    @rx.event
    async def set_row_included(self, line: int, include: bool):
        """Leave a row out, or let a flagged duplicate in."""
        await self._update(**({"include_lines": [line]} if include else {"exclude_lines": [line]}))

    @rx.event
    async def set_row_category(self, line: int, category: str):
        """Change one row's category (remembered for that merchant next time)."""
        if category in CATEGORIES:
            await self._update(categories={line: category})

    @rx.event
    async def discard(self):
        """Throw the upload away without importing anything."""
        user_id = await current_user_id(self)
        draft_id = parse_uuid(self.draft_id)
        if user_id is not None and draft_id is not None:
            await run_in_session(lambda s: csv_import.discard_draft(s, user_id=user_id, draft_id=draft_id))
        self.step, self.draft_id, self.rows, self.problems = "upload", "", [], []

    @rx.event(background=True)
    async def confirm(self):
        """Import the included rows in one transaction, showing progress as chunks are written."""
        async with self:
            user = await current_user(self)
            draft_id = parse_uuid(self.draft_id)
            if user is None or draft_id is None or self.busy:
                return
            self.busy, self.progress, self.step, self.error = True, 0, "importing", ""
        done = {"rows": 0, "total": 1}
        finished = threading.Event()

        def progress(rows: int, total: int) -> None:
            done["rows"], done["total"] = rows, max(total, 1)

        def work(session: Session) -> csv_import.CommitResult | None:
            try:
                return csv_import.commit_draft(
                    session, user_id=user.id, draft_id=draft_id, currency=user.currency, progress=progress
                )
            finally:
                finished.set()

        job = asyncio.ensure_future(run_in_session(work))
        while not finished.is_set():
            await asyncio.sleep(0.15)
            async with self:
                self.progress = round(done["rows"] / done["total"] * 100)
        try:
            result = await job
        except csv_import.CsvImportError as problem:
            async with self:
                self.busy, self.step, self.error = False, "review", str(problem)
            return
        async with self:
            self.busy, self.progress, self.step = False, 100, "done"
            if result is None:
                self.step, self.error = "upload", "That upload has gone; choose the file again."
                return
            self.draft_id = ""
            learned = f" {result.rules_learned} category choice(s) remembered." if result.rules_learned else ""
            self.result = (f"Imported {result.imported} expense{'s' if result.imported != 1 else ''}; "
                           f"{result.duplicates} duplicate(s) and {result.skipped} other line(s) left out.{learned}")
        yield [ExpensesState.load, WinsState.load, InsightsState.load, NotificationsState.refresh_count]

