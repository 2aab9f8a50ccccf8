"""The replies a step gave, kept with its inbox record: an update Telegram sends again was
never confirmed (the bot stopped between the step's commit and its replies reaching the
person), so the repeat shows them again instead of nothing

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 15:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


_KEPT = sa.text("replies IS NOT NULL")


def upgrade() -> None:
    # Updates handled before kept nothing: a repeat of one shows nothing, as it did.
    with op.batch_alter_table("processed_updates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("replies", sa.JSON(), nullable=True))
        # The hourly tidy looks for the few still kept, not through the whole history.
        batch_op.create_index(
            "ix_processed_updates_kept",
            ["processed_at"],
            unique=False,
            sqlite_where=_KEPT,
            postgresql_where=_KEPT,
        )


def downgrade() -> None:
    with op.batch_alter_table("processed_updates", schema=None) as batch_op:
        batch_op.drop_index("ix_processed_updates_kept", sqlite_where=_KEPT, postgresql_where=_KEPT)
        batch_op.drop_column("replies")
