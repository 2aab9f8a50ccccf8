"""A retailer's shop name (店名) and tobacco retail licence number (烟草专卖零售许可证号): the
delivery, ordering and licence teams serving a retailer's request need to know which shop

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-09 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nobody registered before this revision gave them: both stay empty until the retailer
    # adds them (👤 登记信息), which the team card shows as not given.
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("shop_name", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("licence_number", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("licence_number")
        batch_op.drop_column("shop_name")
