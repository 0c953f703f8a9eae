"""Replacing a copy in the mailbox's Drafts exactly once: the `mailbox_swap` journal (append the new
version, remove the old one, then record it), resumed after a crash at any step.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('mailbox_swap',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account', sa.String(length=200), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('old_message_ids', sa.JSON(), nullable=False),
    sa.Column('remove_digests', sa.JSON(), nullable=False),
    sa.Column('remove_any', sa.Boolean(), nullable=False),
    sa.Column('new_message_id', sa.String(length=1000), nullable=False),
    sa.Column('new_raw', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('claimed_by', sa.String(length=200), nullable=True),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mailbox_swap')),
    sa.UniqueConstraint('owner', name=op.f('uq_mailbox_swap_owner'))
    )
    with op.batch_alter_table('mailbox_swap', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mailbox_swap_account'), ['account'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('mailbox_swap', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mailbox_swap_account'))
    op.drop_table('mailbox_swap')
