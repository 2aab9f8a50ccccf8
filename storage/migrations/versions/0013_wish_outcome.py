"""How a wish ended, as the team that resolved it said: granted, granted in part, or not
to be granted (已实现, 部分实现, 无法实现)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Wishes resolved before this revision could only be resolved as done: they read
    # 已实现, as the wish list counted them then.
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("wish_outcome", sa.String(length=24), nullable=True))
    op.execute(
        "UPDATE tickets SET wish_outcome = 'granted' "
        "WHERE kind = 'wish' AND resolved_at IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("wish_outcome")
