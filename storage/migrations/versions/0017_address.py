"""Where a person said they are, typed at registration's place question (城关镇人民路12号):
the shop's or the house's door, which a town's button does not tell

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 18:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nobody's address was kept before: it is asked again only when they register again.
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("address", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("address")
