"""Alembic environment: targets SQLModel.metadata and the configured database."""

from __future__ import annotations

from logging.config import fileConfig

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

import wheels_wins.models  # noqa: F401  (registers every table)
from alembic import context
from wheels_wins.db import make_engine
from wheels_wins.repositories.row_security import grant_sql
from wheels_wins.settings import get_settings

config = context.config
if config.config_file_name is not None and not config.attributes.get("skip_logging"):
    fileConfig(config.config_file_name)

target_metadata = SQLModel.metadata
# Several workers start at once and each runs `alembic upgrade head`: on PostgreSQL the first takes
# this lock for its transaction, the others wait and then find nothing left to do.
MIGRATION_LOCK_KEY = 0x5757_0001


def _serialise(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})


def _url() -> str:
    return config.attributes.get("database_url") or get_settings().migration_database_url


def _grant_app_role(connection: Connection) -> None:
    """When the app connects as its own role (so that RLS binds it), let that role use the tables."""
    if connection.dialect.name != "postgresql":
        return
    app_url = config.attributes.get("app_database_url") or get_settings().effective_database_url
    role = make_url(app_url).username
    if role and role != connection.execute(text("SELECT current_user")).scalar_one():
        for statement in grant_sql(role):
            connection.execute(text(statement))


def _migrate(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        _serialise(connection)
        context.run_migrations()
        _grant_app_role(connection)


def run_migrations_offline() -> None:
    """Emit SQL without a connection."""
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run against a live connection (batch mode so SQLite can alter tables)."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    engine = make_engine(_url())
    with engine.connect() as conn:
        _migrate(conn)
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
