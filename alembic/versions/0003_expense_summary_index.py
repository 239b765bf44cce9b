"""A covering index for spending summaries: (user_id, date, category, amount) replaces (user_id, date).

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the covering index, then drop the one it covers."""
    op.create_index(
        "ix_expenses_user_date_category_amount", "expenses", ["user_id", "date", "category", "amount"], unique=False
    )
    op.drop_index("ix_expenses_user_date", table_name="expenses")


def downgrade() -> None:
    """Back to the plain (user_id, date) index."""
    op.create_index("ix_expenses_user_date", "expenses", ["user_id", "date"], unique=False)
    op.drop_index("ix_expenses_user_date_category_amount", table_name="expenses")
