"""The client's copy of the agreement ("What we agreed"): one letter per agreement version and
mailbox, so it lands in Drafts once, and the next one can say what changed since.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agreement_letter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.String(length=200), nullable=False),
    sa.Column('agreement_version_id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.String(length=1000), nullable=False),
    sa.Column('account', sa.String(length=200), nullable=False),
    sa.Column('folder', sa.String(length=500), nullable=True),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('to_addr', sa.Text(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('appended_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['agreement_version_id'], ['agreement_version.id'],
                            name=op.f('fk_agreement_letter_agreement_version_id_agreement_version')),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_agreement_letter_client_id_client')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_letter')),
    sa.UniqueConstraint('agreement_version_id', 'account', name=op.f('uq_agreement_letter_agreement_version_id_account')),
    sa.UniqueConstraint('message_id', name=op.f('uq_agreement_letter_message_id'))
    )
    with op.batch_alter_table('agreement_letter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_letter_client_id'), ['client_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('agreement_letter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_letter_client_id'))
    op.drop_table('agreement_letter')
