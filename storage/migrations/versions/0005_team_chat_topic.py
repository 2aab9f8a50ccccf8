"""Forum topics: the topic a team was bound in (team_chats), so its cards, reminders and
notices go there and two teams can share one group with topics; and the topic each kept
message was sent to (ticket_messages), so two copies of a ticket's card in one group (two
teams' topics, or a team's and the oversight team's) are told apart and each is edited

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 11:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing bindings and kept messages have no topic: they go and are found as before.
    with op.batch_alter_table("team_chats", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thread_id", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("ticket_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thread_id", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ticket_messages", schema=None) as batch_op:
        batch_op.drop_column("thread_id")
    with op.batch_alter_table("team_chats", schema=None) as batch_op:
        batch_op.drop_column("thread_id")
