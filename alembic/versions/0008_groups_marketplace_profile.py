"""Groups, marketplace photos, profile photo and notification choices.

Revision ID: 0008
Revises: 0007

Groups keep a member count; listings get photos and an index for browsing by status; users get a
profile photo and one on/off choice per kind of notification (all on, as before); a notification
the user deletes is only marked dismissed, so its dedupe key keeps the same notice from coming back.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

import wheels_wins.db
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOTIFICATION_CHOICES = ("notify_budget", "notify_maintenance", "notify_comments", "notify_likes")


def upgrade() -> None:
    """Add the columns, the index and listing_photos."""
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("avatar_path", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))
        for name in NOTIFICATION_CHOICES:
            batch_op.add_column(sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.true()))
    with op.batch_alter_table("notifications") as batch_op:
        batch_op.add_column(sa.Column("dismissed_at", wheels_wins.db.UTCDateTime(timezone=True), nullable=True))
    with op.batch_alter_table("social_groups") as batch_op:
        batch_op.add_column(sa.Column("member_count", sa.Integer(), nullable=False, server_default="0"))
    op.execute(
        "UPDATE social_groups SET member_count = "
        "(SELECT COUNT(*) FROM group_memberships WHERE group_memberships.group_id = social_groups.id)"
    )
    with op.batch_alter_table("marketplace_listings") as batch_op:
        batch_op.create_index("ix_marketplace_listings_status_created", ["status", "created_at"], unique=False)
    op.create_table(
        "listing_photos",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", wheels_wins.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", wheels_wins.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("listing_id", sa.Uuid(), nullable=False),
        sa.Column("photo_path", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["listing_id"], ["marketplace_listings.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("listing_photos") as batch_op:
        batch_op.create_index(batch_op.f("ix_listing_photos_listing_id"), ["listing_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_listing_photos_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    """Drop what upgrade added."""
    with op.batch_alter_table("listing_photos") as batch_op:
        batch_op.drop_index(batch_op.f("ix_listing_photos_user_id"))
        batch_op.drop_index(batch_op.f("ix_listing_photos_listing_id"))
    op.drop_table("listing_photos")
    with op.batch_alter_table("marketplace_listings") as batch_op:
        batch_op.drop_index("ix_marketplace_listings_status_created")
    with op.batch_alter_table("social_groups") as batch_op:
        batch_op.drop_column("member_count")
    with op.batch_alter_table("notifications") as batch_op:
        batch_op.drop_column("dismissed_at")
    with op.batch_alter_table("users") as batch_op:
        for name in reversed(NOTIFICATION_CHOICES):
            batch_op.drop_column(name)
        batch_op.drop_column("avatar_path")
