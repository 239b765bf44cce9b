"""Bank-statement import of 10,000 rows: preview and commit times on SQLite and PostgreSQL.

Run: `.venv/bin/python bench/bench_import.py [rows]`. PostgreSQL is used when it answers at
127.0.0.1:5432 (user postgres, trust auth): a scratch database is created and dropped.
Each backend gets a user with 2,000 earlier expenses and 20 keyword rules, so duplicates and
learned categories are looked up as they would be for a real traveller. The REST figures are
the same steps through the API (multipart upload, JSON preview of every row, commit).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import random
import socket
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("RATE_LIMITS_ENABLED", "false")
os.environ.setdefault("SEED_DEMO", "false")

from sqlalchemy import create_engine, text  # noqa: E402
from sqlmodel import Session, SQLModel  # noqa: E402

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
MERCHANTS = (
    "WOOLWORTHS {n} DUBBO", "BP {n} ORANGE", "COLES EXPRESS {n} BATHURST", "BIG4 HOLIDAY PARK PARKES",
    "CAFE MOCHA {n}", "BUNNINGS WAREHOUSE {n}", "TELSTRA PREPAID", "PRICELINE PHARMACY {n}", "ALDI STORES {n}",
    "SQ *THE PIE SHOP", "CALTEX {n} COBAR", "NRMA ROADSIDE", "KMART {n}", "IGA {n} BOURKE", "UNKNOWN TRADER {n}",
)  # fmt: skip


def statement(rows: int, seed: int = 1) -> bytes:
    """A realistic bank CSV: day-first dates, a few credits, quoted descriptions, a balance column."""
    rng = random.Random(seed)
    start = dt.date(2025, 1, 1)
    lines = ["Date,Description,Amount,Balance"]
    balance = Decimal("5000.00")
    for i in range(rows):
        day = start + dt.timedelta(days=i * 400 // rows)
        if rng.random() < 0.05:
            amount = Decimal(rng.randrange(1000, 300000)) / 100
            description = "SALARY ACME PTY LTD"
        else:
            amount = -Decimal(rng.randrange(100, 40000)) / 100
            description = "VISA PURCHASE " + rng.choice(MERCHANTS).format(n=rng.randrange(1000, 9999))
        balance += amount
        lines.append(f'{day:%d/%m/%Y},"{description} REF{i:06d}",{amount:.2f},{balance:.2f}')
    return ("\r\n".join(lines) + "\r\n").encode()


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


@contextmanager
def backend(name: str) -> Iterator[str]:
    """A fresh database URL for `name`, removed afterwards."""
    if name == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{folder}/bench.db"
        return
    db = f"ww_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{db}"'))
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{db}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
        admin.dispose()


def _use(url: str) -> Any:
    os.environ["DATABASE_URL"] = url
    from wheels_wins.db import get_engine
    from wheels_wins.settings import get_settings

    get_engine.cache_clear()
    get_settings.cache_clear()
    import wheels_wins.models  # noqa: F401  (registers every table)

    engine = get_engine()
    SQLModel.metadata.create_all(engine)
    return engine


def _seed_user(session: Session) -> uuid.UUID:
    from wheels_wins.models import User
    from wheels_wins.repositories import expenses as expense_repo
    from wheels_wins.services import csv_import

    user = User(email=f"bench-{uuid.uuid4().hex[:8]}@example.com", full_name="Bench Traveller")
    session.add(user)
    session.flush()
    rng = random.Random(2)
    past = [
        {
            "amount": Decimal(rng.randrange(100, 9000)) / 100,
            "category": rng.choice(("groceries", "fuel", "dining", "camping", "shopping")),
            "date": dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700)),
            "description": rng.choice(MERCHANTS).format(n=rng.randrange(1000, 9999)),
            "merchant": rng.choice(MERCHANTS).format(n="").strip(),
        }
        for _ in range(2000)
    ]
    expense_repo.bulk_create(session, user_id=user.id, rows=past, source="manual")
    for keyword in ("woolworths", "bp", "caltex", "big4", "aldi", "iga", "kmart", "nrma", "telstra", "priceline"):
        csv_import.save_rule(session, user_id=user.id, keyword=keyword, category="other")
    for i in range(10):
        csv_import.save_rule(session, user_id=user.id, keyword=f"shop number {i}", category="shopping")
    session.commit()
    return user.id


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def bench_service(engine: Any, content: bytes) -> dict[str, float]:
    """Service calls in one transaction each, as the UI makes them."""
    from wheels_wins.services import csv_import

    figures: dict[str, float] = {}
    with Session(engine, expire_on_commit=False) as session:
        user_id = _seed_user(session)

        def upload() -> Any:
            preview = csv_import.create_draft(session, user_id=user_id, filename="bench.csv", content=content)
            session.commit()
            return preview

        preview, figures["preview (upload)"] = _timed(upload)
        _, figures["preview again"] = _timed(
            lambda: csv_import.get_preview(session, user_id=user_id, draft_id=preview.id)
        )

        def commit() -> Any:
            result = csv_import.commit_draft(session, user_id=user_id, draft_id=preview.id)
            session.commit()
            return result

        result, figures["commit"] = _timed(commit)
        again, figures["preview of a re-upload (all duplicates)"] = _timed(upload)
        assert result.imported == preview.counts.to_import and again.counts.to_import == 0, (result, again.counts)
        print(f"    rows={preview.counts.total} imported={result.imported} credits={preview.counts.credits}")
    return figures


def bench_rest(engine: Any, content: bytes) -> dict[str, float]:
    """The same through the REST API in-process (multipart upload, JSON of every row)."""
    import httpx

    from wheels_wins.api.app import fastapi_app
    from wheels_wins.db import utcnow
    from wheels_wins.repositories import sessions as sessions_repo
    from wheels_wins.services.auth import hash_token

    with Session(engine, expire_on_commit=False) as session:
        user_id = _seed_user(session)
        token = uuid.uuid4().hex
        sessions_repo.create(
            session, user_id=user_id, token_hash=hash_token(token), expires_at=utcnow() + dt.timedelta(hours=1)
        )
        session.commit()
    headers = {"Authorization": f"Bearer {token}"}

    async def run() -> dict[str, float]:
        figures: dict[str, float] = {}
        transport = httpx.ASGITransport(app=fastapi_app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench", timeout=120) as client:
            started = time.perf_counter()
            upload = await client.post("/api/v1/imports", files={"file": ("b.csv", content)}, headers=headers)
            figures["POST /imports"] = time.perf_counter() - started
            assert upload.status_code == 201, upload.text
            draft_id = upload.json()["id"]
            started = time.perf_counter()
            done = await client.post(f"/api/v1/imports/{draft_id}/commit", json={}, headers=headers)
            figures["POST /imports/{id}/commit"] = time.perf_counter() - started
            assert done.status_code == 200, done.text
            started = time.perf_counter()
            export = await client.get("/api/v1/expenses/export", headers=headers)
            figures["GET /expenses/export (all)"] = time.perf_counter() - started
            assert export.status_code == 200
        return figures

    return asyncio.run(run())


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    content = statement(rows)
    print(f"CSV import bench: {rows} rows, {len(content) / 1024:.0f} KB")
    backends = ["sqlite"] + (["postgresql"] if _reachable("127.0.0.1", 5432) else [])
    if "postgresql" not in backends:
        print("PostgreSQL at 127.0.0.1:5432 is unreachable; SQLite only")
    for name in backends:
        with backend(name) as url:
            engine = _use(url)
            print(f"== {name}")
            for label, seconds in (bench_service(engine, content) | bench_rest(engine, content)).items():
                print(f"  {label:<42} {seconds * 1000:8.0f} ms")
            engine.dispose()


if __name__ == "__main__":
    main()
