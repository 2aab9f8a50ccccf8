"""The call-back (回访) a low rating owes: when it is due and whose leaders owe it, and once
made, when, by whom and what the requester said

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Tickets rated low before were told to the leaders once, with nothing to record or
    # chase: they owe nothing now (a call-back asked for weeks ago is no longer "due").
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("callback_due_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("callback_team", sa.String(length=48), nullable=True))
        batch_op.add_column(sa.Column("callback_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("callback_by", sa.BigInteger(), nullable=True))
        batch_op.add_column(
            sa.Column("callback_note", sa.Text(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("callback_note")
        batch_op.drop_column("callback_by")
        batch_op.drop_column("callback_at")
        batch_op.drop_column("callback_team")
        batch_op.drop_column("callback_due_at")
