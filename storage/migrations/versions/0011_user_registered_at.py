"""When a person finished registering: their name alone cannot tell, as the desk calls
everyone by their Telegram profile's name until they register

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Who they are (kind) with a name: a registration finished, with or without its phone.
    # Updated_at stands for when, the best known. /start, 零售户, /cancel with the profile's
    # name filled in stores the same, and cannot be told apart from a registration whose
    # phone was skipped; those are counted as registered, erring on the side of never
    # asking someone who did register to do it all again (they are offered 更新登记信息,
    # as before this revision). From now on the desk records the finish itself.
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("registered_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(
        "UPDATE users SET registered_at = COALESCE(updated_at, created_at) "
        "WHERE kind IS NOT NULL AND name <> ''"
    )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("registered_at")
