"""When a person first wrote to the bot in a private chat: until then Telegram lets the bot
send them nothing, and /duty says so of a leader a 110 page would be trusted to

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 03:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# What shows a person wrote to the bot privately before this revision: registering (done
# only in a private chat), an invite link used (/start in a private chat), a request filed
# from their own chat, or a message the outbox delivered there. Each marks only those no
# earlier one did: when matters less than that they did.
_SEEN = (
    "SELECT MIN(used_at) FROM invites WHERE invites.used_by = users.id",
    "SELECT MIN(created_at) FROM tickets WHERE tickets.requester_chat_id = users.id",
    "SELECT MIN(sent_at) FROM outbox WHERE outbox.chat_id = users.id AND outbox.status = 'sent'",
)


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("private_chat_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE users SET private_chat_at = registered_at WHERE registered_at IS NOT NULL")
    for seen in _SEEN:
        op.execute(
            f"UPDATE users SET private_chat_at = ({seen}) "
            f"WHERE private_chat_at IS NULL AND ({seen}) IS NOT NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("private_chat_at")
