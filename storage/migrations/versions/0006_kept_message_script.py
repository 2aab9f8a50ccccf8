"""The script each kept message (a team card, a ladder's reminder or alert) was sent in, so
that its edits are said in the same one: a card sent in 繁體 to a leader's private chat
stays 繁體 when it is edited, even after the leader changed their script with /lang

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 13:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Messages kept before were all sent in Simplified: no script says so.
    with op.batch_alter_table("ticket_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("script", sa.String(length=24), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ticket_messages", schema=None) as batch_op:
        batch_op.drop_column("script")
