"""Row Level Security on every user-owned table (PostgreSQL only).

Revision ID: 0009
Revises: 0008

Each table's rows are readable and writable only in a transaction whose `app.user_id` is the row's
owner (or inside a system block); the community's tables are readable by any signed-in user. The
tables FORCE row security, so the owner role is held to it too; only superusers and BYPASSRLS
roles are not, which is why the app connects as its own role. SQLite has no RLS: nothing happens.
"""

from collections.abc import Sequence

from alembic import op
from wheels_wins.repositories.row_security import DROP_FUNCTIONS_SQL, FUNCTIONS_SQL, drop_policy_sql, owner_policy_sql

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PRIVATE_TABLES = (
    "auth_sessions",
    "personal_access_tokens",
    "expenses",
    "budgets",
    "income_entries",
    "import_drafts",
    "category_rules",
    "vehicles",
    "trips",
    "trip_waypoints",
    "saved_places",
    "fuel_entries",
    "maintenance_records",
    "maintenance_schedules",
    "calendar_events",
    "pam_conversations",
    "pam_messages",
    "pam_feedback",
    "notifications",
    "post_reports",
)
COMMUNITY_TABLES = (
    "social_groups",
    "group_memberships",
    "social_posts",
    "post_comments",
    "post_likes",
    "marketplace_listings",
    "listing_photos",
)


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    """Create the policy helpers and put every user-owned table (and users) under RLS."""
    if op.get_context().dialect.name != "postgresql":
        return
    _run(list(FUNCTIONS_SQL))
    for table in PRIVATE_TABLES:
        _run(owner_policy_sql(table))
    for table in COMMUNITY_TABLES:
        _run(owner_policy_sql(table, readable_by_all=True))
    # Display names and photos on community cards come from users: readable when signed in, changed only by its owner.
    _run(owner_policy_sql("users", owner_column="id", readable_by_all=True))


def downgrade() -> None:
    """Drop the policies and the helpers."""
    if op.get_context().dialect.name != "postgresql":
        return
    for table in PRIVATE_TABLES:
        _run(drop_policy_sql(table))
    for table in (*COMMUNITY_TABLES, "users"):
        _run(drop_policy_sql(table, readable_by_all=True))
    _run(list(DROP_FUNCTIONS_SQL))
