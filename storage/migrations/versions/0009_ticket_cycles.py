"""A team's response and its past cycles with a ticket, kept as they were: the ticket's
first response of its cycle (`responded_at`) with the accept deadline it was measured
against (`response_due_at`), and a row in `ticket_cycles` for each cycle a transfer, a
reassignment or a reopening ended, so that the rates of a finished period stay what they
were when the ticket moves on

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 23:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("responded_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("response_due_at", sa.DateTime(timezone=True), nullable=True)
        )
    # Tickets of before: their first response is what the rates took it for until now. Their
    # past cycles were not kept and cannot be told from the audit trail's notes alone.
    op.execute(
        "UPDATE tickets SET responded_at = COALESCE(accepted_at, paused_at, resolved_at), "
        "response_due_at = accept_due_at "
        "WHERE COALESCE(accepted_at, paused_at, resolved_at) IS NOT NULL"
    )
    op.create_table(
        "ticket_cycles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=48), nullable=False),
        sa.Column("line", sa.String(length=48), nullable=False),
        sa.Column("area", sa.String(length=48), nullable=True),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("filed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_by", sa.String(length=32), nullable=False),
        sa.Column("accept_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolve_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("responded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("paused_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("rating", sa.SmallInteger(), nullable=True),
        sa.Column("rated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reopen_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_cycles_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_cycles")),
    )
    with op.batch_alter_table("ticket_cycles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_cycles_ticket_id"), ["ticket_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ticket_cycles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_cycles_ticket_id"))
    op.drop_table("ticket_cycles")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("response_due_at")
        batch_op.drop_column("responded_at")
