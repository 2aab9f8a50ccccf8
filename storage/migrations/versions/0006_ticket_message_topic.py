"""ticket_messages: the forum topic a kept message was sent to, so two copies of a ticket's
card in one group with topics (two teams' topics, or a team's and the oversight team's)
are told apart and each is edited

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 12:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Messages kept before were sent without a topic, or are told apart by chat alone.
    with op.batch_alter_table("ticket_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thread_id", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ticket_messages", schema=None) as batch_op:
        batch_op.drop_column("thread_id")
