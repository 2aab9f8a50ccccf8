"""When a retailer registered without their shop's name or licence number was reminded to add
them: once, so that a retailer who registered before shops were asked (0012) hears of it,
and no one is asked again at every request

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 11:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nobody has been reminded yet: every retailer without a shop or licence hears of it once.
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("shop_reminded_at", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("shop_reminded_at")
