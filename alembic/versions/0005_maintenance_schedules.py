"""Maintenance schedules: recurring tasks every so many km and/or calendar months.

Revision ID: 0005
Revises: 0004

A schedule's "last done" is read from maintenance_records by task, so no existing row changes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

import wheels_wins.db
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create maintenance_schedules."""
    op.create_table(
        "maintenance_schedules",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", wheels_wins.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", wheels_wins.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("vehicle_id", sa.Uuid(), nullable=True),
        sa.Column("task", sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
        sa.Column("every_km", sa.Integer(), nullable=True),
        sa.Column("every_months", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("start_odometer_km", sa.Integer(), nullable=True),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.CheckConstraint(
            "every_km IS NOT NULL OR every_months IS NOT NULL", name="ck_maintenance_schedules_interval"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["vehicle_id"], ["vehicles.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("maintenance_schedules") as batch_op:
        batch_op.create_index(batch_op.f("ix_maintenance_schedules_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    """Drop maintenance_schedules."""
    with op.batch_alter_table("maintenance_schedules") as batch_op:
        batch_op.drop_index(batch_op.f("ix_maintenance_schedules_user_id"))
    op.drop_table("maintenance_schedules")
