"""Alembic: the migrations go up, down and up again on both backends, and end exactly at the models."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlmodel import SQLModel

import wheels_wins.models  # noqa: F401  (registers every table)
from alembic import command
from tests.conftest import PG_ADMIN_URL, postgres_available
from wheels_wins.db import make_engine

ALEMBIC_INI = Path(__file__).resolve().parent.parent / "alembic.ini"


def _alembic_config(url: str) -> Config:
    cfg = Config(str(ALEMBIC_INI))
    cfg.attributes["database_url"] = url
    cfg.attributes["skip_logging"] = True
    return cfg


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of each backend, dropped afterwards; PostgreSQL is only optional off CI."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrations.db'}"
        return
    if not postgres_available():
        pytest.skip("PostgreSQL at 127.0.0.1:5432 is unreachable")
    name = f"ww_migrations_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def _current_revision(url: str) -> str | None:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def _schema_differences(url: str) -> list[object]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            return compare_metadata(context, SQLModel.metadata)
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade_round_trip(fresh_url: str) -> None:
    cfg = _alembic_config(fresh_url)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    model_tables = set(SQLModel.metadata.tables)

    command.upgrade(cfg, "head")
    assert _current_revision(fresh_url) == head
    assert _tables(fresh_url) == model_tables | {"alembic_version"}

    command.downgrade(cfg, "base")
    assert _current_revision(fresh_url) is None
    assert _tables(fresh_url) <= {"alembic_version"}

    command.upgrade(cfg, "head")
    assert _current_revision(fresh_url) == head
    assert _tables(fresh_url) == model_tables | {"alembic_version"}


def test_migrated_schema_matches_the_models(fresh_url: str) -> None:
    command.upgrade(_alembic_config(fresh_url), "head")
    assert _schema_differences(fresh_url) == []


def test_schema_comparison_notices_a_model_without_a_migration(fresh_url: str) -> None:
    command.upgrade(_alembic_config(fresh_url), "head")
    engine = make_engine(fresh_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP INDEX ix_expenses_user_category_date"))
    finally:
        engine.dispose()
    differences = _schema_differences(fresh_url)
    assert [(d[0], d[1].name) for d in differences] == [("add_index", "ix_expenses_user_category_date")]


def test_workers_starting_together_migrate_once(fresh_url: str) -> None:
    """Every worker runs `alembic upgrade head` as it starts; on PostgreSQL they take turns instead of colliding."""
    if not fresh_url.startswith("postgresql"):
        pytest.skip("SQLite is one file for one host; the lock is PostgreSQL's")
    env = {**os.environ, "DATABASE_URL": fresh_url}
    command_line = [sys.executable, "-m", "alembic", "-c", str(ALEMBIC_INI), "upgrade", "head"]
    workers = [
        subprocess.Popen(
            command_line, env=env, cwd=ALEMBIC_INI.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        for _ in range(3)
    ]
    outputs = [worker.communicate(timeout=120)[0].decode() for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0, 0], outputs
    assert _current_revision(fresh_url) == ScriptDirectory.from_config(_alembic_config(fresh_url)).get_current_head()
    assert _schema_differences(fresh_url) == []
