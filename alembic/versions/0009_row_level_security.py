"""Row Level Security on every user-owned table (PostgreSQL only).

Revision ID: 0009
Revises: 0008

Each table's rows are readable and writable only in a transaction whose `app.user_id` is the row's
owner (or inside a system block, `app.system`); the community's tables are readable by any signed-in
user. The tables FORCE row security, so the owner role is held to it too; only superusers and
BYPASSRLS roles are not, which is why the app connects as its own role. The bearer-credential tables
get a function that looks a token up by hash and makes the transaction act for its owner, in one
statement. SQLite has no RLS: nothing happens. The SQL is written out here, frozen with the revision.
"""

from collections.abc import Sequence

from alembic import op

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
CREDENTIAL_TABLES = ("auth_sessions", "personal_access_tokens")

SETTING_FUNCTIONS = (
    """CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
    $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$""",
    """CREATE OR REPLACE FUNCTION app_is_system() RETURNS boolean LANGUAGE sql STABLE AS
    $$ SELECT coalesce(current_setting('app.system', true), '') = 'on' $$""",
)


def _credential_function(table: str) -> str:
    # The one row with this hash, whoever owns it, and the transaction then acts for its owner: what a
    # system block and as_user do, in one round trip on every authenticated request.
    return f"""CREATE OR REPLACE FUNCTION app_credential_{table}(hash text) RETURNS SETOF {table}
    LANGUAGE plpgsql VOLATILE AS $$
    DECLARE
        hit {table};
        prior text := current_setting('app.system', true);
    BEGIN
        PERFORM set_config('app.system', 'on', true);
        SELECT * INTO hit FROM {table} WHERE token_hash = hash;
        PERFORM set_config('app.system', coalesce(prior, ''), true);
        IF hit.id IS NOT NULL THEN
            PERFORM set_config('app.user_id', hit.user_id::text, true);
            RETURN NEXT hit;
        END IF;
    END $$"""


def _protect(table: str, *, owner_column: str = "user_id", readable_by_all: bool = False) -> None:
    # Sub-selects make the settings one InitPlan per statement instead of two function calls per row.
    mine = f"({owner_column} = (SELECT app_user_id()) OR (SELECT app_is_system()))"
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY {table}_owner ON {table} USING {mine} WITH CHECK {mine}")
    if readable_by_all:
        signed_in = "((SELECT app_user_id()) IS NOT NULL OR (SELECT app_is_system()))"
        op.execute(f"CREATE POLICY {table}_read ON {table} FOR SELECT USING {signed_in}")


def _unprotect(table: str) -> None:
    op.execute(f"DROP POLICY IF EXISTS {table}_owner ON {table}")
    op.execute(f"DROP POLICY IF EXISTS {table}_read ON {table}")
    op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")


def upgrade() -> None:
    """Create the helpers and put every user-owned table (and users) under RLS."""
    if op.get_context().dialect.name != "postgresql":
        return
    for statement in (*SETTING_FUNCTIONS, *(_credential_function(table) for table in CREDENTIAL_TABLES)):
        op.execute(statement)
    for table in PRIVATE_TABLES:
        _protect(table)
    for table in COMMUNITY_TABLES:
        _protect(table, readable_by_all=True)
    # Display names and photos on community cards come from users: readable when signed in, changed only by its owner.
    _protect("users", owner_column="id", readable_by_all=True)


def downgrade() -> None:
    """Drop the policies and the helpers."""
    if op.get_context().dialect.name != "postgresql":
        return
    for table in (*PRIVATE_TABLES, *COMMUNITY_TABLES, "users"):
        _unprotect(table)
    for table in CREDENTIAL_TABLES:
        op.execute(f"DROP FUNCTION IF EXISTS app_credential_{table}(text)")
    op.execute("DROP FUNCTION IF EXISTS app_user_id()")
    op.execute("DROP FUNCTION IF EXISTS app_is_system()")
