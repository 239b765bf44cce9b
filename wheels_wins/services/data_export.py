"""Everything a user owns, as one zip: a JSON and a CSV file per table, plus their profile.

The tables are `USER_OWNED_TABLES`, so a table added there is exported without touching this
module. Secrets never leave the database: `SECRET_COLUMNS` (the password hash, session and
access-token hashes) are dropped from every file. Money and other decimals are written as exact
strings, timestamps as ISO 8601 in UTC, ids as UUID strings, stored files as text (or `base64:`).
The user's photos (post and listing photos, the profile photo) come along under `photos/`, at the
paths the rows' `photo_path` and `avatar_path` name.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import json
import uuid
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlmodel import Session

from wheels_wins.db import utcnow
from wheels_wins.models import USER_OWNED_TABLES, User
from wheels_wins.repositories import row_security
from wheels_wins.services import photos

SECRET_COLUMNS = frozenset({"password_hash", "token_hash"})
PHOTO_COLUMNS = ("photo_path", "avatar_path")
PROFILE = "profile"
FOLDER = "wheels-wins-export"


def _value(value: Any) -> Any:
    """A column value as JSON can hold it without losing anything."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, bytes):  # an uploaded statement awaiting import: text when it is text
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return "base64:" + base64.b64encode(value).decode("ascii")
    return value


def _columns(table: Table) -> list[str]:
    return [column.name for column in table.columns if column.name not in SECRET_COLUMNS]


def _rows(session: Session, table: Table, where: Any) -> list[dict[str, Any]]:
    columns = _columns(table)
    order = [table.c[name] for name in ("created_at", "id") if name in table.c]
    result = session.execute(select(*(table.c[name] for name in columns)).where(where).order_by(*order))
    return [{name: _value(value) for name, value in zip(columns, row, strict=True)} for row in result]


def owned_tables() -> list[Table]:
    """The tables exported, in a stable order (by name)."""
    return sorted((model.__table__ for model in USER_OWNED_TABLES), key=lambda table: table.name)  # type: ignore[attr-defined]


def collect(session: Session, *, user_id: uuid.UUID) -> dict[str, list[dict[str, Any]]]:
    """The user's profile and every row of theirs, by table name, with secrets left out."""
    row_security.as_user(session, user_id)
    users: Table = User.__table__  # type: ignore[attr-defined]
    data = {PROFILE: _rows(session, users, users.c.id == user_id)}
    for table in owned_tables():
        data[table.name] = _rows(session, table, table.c.user_id == user_id)
    return data


def _csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row[name]) for name in columns])
    return out.getvalue()


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def filename(today: dt.date | None = None) -> str:
    """The download's name, dated."""
    return f"{FOLDER}-{(today or utcnow().date()).isoformat()}.zip"


def build_zip(session: Session, *, user_id: uuid.UUID) -> bytes:
    """The user's data as zip bytes: `<table>.json` and `<table>.csv` per table, `profile.*` and a manifest."""
    data = collect(session, user_id=user_id)
    stored = photo_files(data)
    users: Table = User.__table__  # type: ignore[attr-defined]
    columns = {PROFILE: _columns(users), **{table.name: _columns(table) for table in owned_tables()}}
    manifest = {
        "exported_at": utcnow().isoformat(),
        "user_id": str(user_id),
        "files": {name: {"rows": len(rows), "columns": columns[name]} for name, rows in data.items()},
        "photos": len(stored),
        "notes": "Amounts are exact decimal strings; times are ISO 8601 in UTC. Passwords and token hashes are left out.",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{FOLDER}/manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        for name, rows in data.items():
            archive.writestr(f"{FOLDER}/{name}.json", json.dumps(rows, indent=2, ensure_ascii=False))
            archive.writestr(f"{FOLDER}/{name}.csv", _csv(columns[name], rows))
        for relative, path in stored.items():  # JPEGs: already compressed
            archive.write(path, f"{FOLDER}/photos/{relative}", compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()


def photo_files(data: dict[str, list[dict[str, Any]]]) -> dict[str, Path]:
    """The stored photo files the exported rows point at, by their relative path (missing files are skipped)."""
    relatives = {row[column] for rows in data.values() for row in rows for column in PHOTO_COLUMNS if row.get(column)}
    found = {relative: photos.resolve(relative) for relative in sorted(relatives)}
    return {relative: path for relative, path in found.items() if path is not None}
