"""Whether a person's phone was typed rather than shared as their Telegram contact card:
nobody checked a typed number is theirs, and the team's card says so

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 18:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Before, registration took only a shared card, but a number typed during a 110 call was
    # kept too; which was which is not known, so none is marked: as the card read before.
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("phone_typed", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("phone_typed")
