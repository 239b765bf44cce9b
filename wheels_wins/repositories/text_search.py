"""Case-insensitive "contains" matching in SQL, the same on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func, or_


def contains(text: str, *columns: Any) -> ColumnElement[bool]:
    """A condition true where any of `columns` contains `text`, ignoring case; LIKE's wildcards in `text` mean
    themselves ("%" finds a percent sign)."""
    needle = text.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return or_(*(func.lower(column).like(f"%{needle}%", escape="\\") for column in columns))
