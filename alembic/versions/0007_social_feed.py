"""Social feed: reports of posts (each user reports a post at most once; it is hidden from them).

Revision ID: 0007
Revises: 0006

Photos, likes and comments use columns and tables that exist since 0001.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

import wheels_wins.db
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create post_reports."""
    op.create_table(
        "post_reports",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", wheels_wins.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", wheels_wins.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("post_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["social_posts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "post_id", name="uq_post_reports_user_post"),
    )
    with op.batch_alter_table("post_reports") as batch_op:
        batch_op.create_index(batch_op.f("ix_post_reports_post_id"), ["post_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_post_reports_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    """Drop post_reports."""
    with op.batch_alter_table("post_reports") as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_reports_user_id"))
        batch_op.drop_index(batch_op.f("ix_post_reports_post_id"))
    op.drop_table("post_reports")
