"""The resolve deadline a team is chased by when it got a ticket too late to keep the promise
made to the requester (a supervisor's 改派 of an overdue call): a window of its own from
when it got the ticket, given back time while waiting for the requester as the promise is

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 21:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Tickets moved before kept no window of their own: chased by the promise, as they were.
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("team_resolve_due_at", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("team_resolve_due_at")
