"""team_chats: the forum topic a team was bound in, so its cards, reminders and digests
go to that topic and two teams can share one group with topics

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
    # Existing bindings have no topic: their messages keep going where they went.
    with op.batch_alter_table("team_chats", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thread_id", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("team_chats", schema=None) as batch_op:
        batch_op.drop_column("thread_id")
