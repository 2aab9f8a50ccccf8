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
    # Who they are (kind) and a phone: the phone is asked only after the name, so they went
    # through the name question, and registration had a name of their own. Updated_at
    # stands for when, the best known. A kind and a name without a phone cannot be told
    # apart: a registration whose phone (and place) was skipped stores the same as
    # /start, 零售户, /cancel with the profile's name filled in. Those are left unregistered,
    # erring on the side of asking again: /start then asks 您是 once more, as a first
    # registration, rather than telling someone who never registered to update it. Staff
    # the config makes 职工 who shared a phone on a call count as registered: their name
    # is then the profile's, which /start and 👤 登记信息 let them correct.
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("registered_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(
        "UPDATE users SET registered_at = COALESCE(updated_at, created_at) "
        "WHERE kind IS NOT NULL AND phone <> ''"
    )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("registered_at")
