"""outbox: claim in the order rows were written, and keep each chat's ticket rows in line

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 18:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from alembic.operations import BatchOperations

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_PENDING = sa.text("status = 'pending'")


def _pending_index(batch_op: BatchOperations, name: str, columns: list[str]) -> None:
    batch_op.create_index(
        name, columns, unique=False, sqlite_where=_PENDING, postgresql_where=_PENDING
    )


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_pending", sqlite_where=_PENDING, postgresql_where=_PENDING)
        _pending_index(batch_op, "ix_outbox_pending", ["priority", "id"])
        _pending_index(batch_op, "ix_outbox_pending_line", ["chat_id", "ticket_id", "id"])


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_outbox_pending_line", sqlite_where=_PENDING, postgresql_where=_PENDING
        )
        batch_op.drop_index("ix_outbox_pending", sqlite_where=_PENDING, postgresql_where=_PENDING)
        _pending_index(batch_op, "ix_outbox_pending", ["priority", "not_before", "id"])
