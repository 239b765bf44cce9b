"""Personal access tokens: long-lived read-only or read-write bearer tokens for integrations.

Revision ID: 0006
Revises: 0005

Only the SHA-256 of a token is stored, with its first characters for recognising it in a list.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

import wheels_wins.db
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create personal_access_tokens."""
    op.create_table(
        "personal_access_tokens",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", wheels_wins.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", wheels_wins.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("scope", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("prefix", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("last_used_at", wheels_wins.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", wheels_wins.db.UTCDateTime(timezone=True), nullable=True),
        sa.CheckConstraint("scope IN ('read', 'write')", name="ck_personal_access_tokens_scope"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("personal_access_tokens") as batch_op:
        batch_op.create_index(batch_op.f("ix_personal_access_tokens_token_hash"), ["token_hash"], unique=True)
        batch_op.create_index(batch_op.f("ix_personal_access_tokens_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    """Drop personal_access_tokens."""
    with op.batch_alter_table("personal_access_tokens") as batch_op:
        batch_op.drop_index(batch_op.f("ix_personal_access_tokens_user_id"))
        batch_op.drop_index(batch_op.f("ix_personal_access_tokens_token_hash"))
    op.drop_table("personal_access_tokens")
