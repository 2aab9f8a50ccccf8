"""ticket_messages: the team a ladder reminder's buttons were sent for

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ticket_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team_id", sa.String(length=48), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ticket_messages", schema=None) as batch_op:
        batch_op.drop_column("team_id")
