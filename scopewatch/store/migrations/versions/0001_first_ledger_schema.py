"""First ledger schema: clients, agreement versions, cursors, messages, findings, events, leases.

Revision ID: 0001
Revises: 
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('client',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client'))
    )
    op.create_table('lease',
    sa.Column('account', sa.String(length=200), nullable=False),
    sa.Column('folder', sa.String(length=500), nullable=False),
    sa.Column('holder', sa.String(length=200), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('account', 'folder', name=op.f('pk_lease'))
    )
    op.create_table('mailbox_cursor',
    sa.Column('account', sa.String(length=200), nullable=False),
    sa.Column('folder', sa.String(length=500), nullable=False),
    sa.Column('uidvalidity', sa.BigInteger(), nullable=True),
    sa.Column('last_uid', sa.BigInteger(), nullable=True),
    sa.Column('last_fetch_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_error_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('backlog', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('account', 'folder', name=op.f('pk_mailbox_cursor'))
    )
    op.create_table('agreement_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.String(length=200), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('source_text', sa.Text(), nullable=False),
    sa.Column('source_path', sa.String(length=1000), nullable=True),
    sa.Column('first_seen', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_agreement_version_client_id_client')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_version')),
    sa.UniqueConstraint('client_id', 'content_hash', name=op.f('uq_agreement_version_client_id_content_hash'))
    )
    op.create_table('message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account', sa.String(length=200), nullable=False),
    sa.Column('identity', sa.String(length=1000), nullable=False),
    sa.Column('message_id', sa.Text(), nullable=True),
    sa.Column('folder', sa.String(length=500), nullable=False),
    sa.Column('uid', sa.BigInteger(), nullable=True),
    sa.Column('uidvalidity', sa.BigInteger(), nullable=True),
    sa.Column('key', sa.String(length=500), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=True),
    sa.Column('sender', sa.Text(), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('date', sa.DateTime(timezone=True), nullable=True),
    sa.Column('client_id', sa.String(length=200), nullable=True),
    sa.Column('language', sa.String(length=10), nullable=True),
    sa.Column('verdict', sa.String(length=20), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('new_text', sa.Text(), nullable=True),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_message_client_id_client')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message')),
    sa.UniqueConstraint('account', 'identity', name=op.f('uq_message_account_identity'))
    )
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.create_index('ix_message_client_date', ['client_id', 'date'], unique=False)

    op.create_table('finding',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_pk', sa.Integer(), nullable=False),
    sa.Column('agreement_version_id', sa.Integer(), nullable=True),
    sa.Column('verdict', sa.String(length=20), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('part', sa.String(length=10), nullable=False),
    sa.Column('rules', sa.JSON(), nullable=False),
    sa.Column('scope_item', sa.Text(), nullable=True),
    sa.Column('scope_item_description', sa.Text(), nullable=True),
    sa.Column('scope_item_kind', sa.String(length=30), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('review', sa.Boolean(), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.Column('matched_terms', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agreement_version_id'], ['agreement_version.id'], name=op.f('fk_finding_agreement_version_id_agreement_version')),
    sa.ForeignKeyConstraint(['message_pk'], ['message.id'], name=op.f('fk_finding_message_pk_message')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_finding'))
    )
    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_finding_message_pk'), ['message_pk'], unique=False)
        batch_op.create_index(batch_op.f('ix_finding_status'), ['status'], unique=False)

    op.create_table('processed_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account', sa.String(length=200), nullable=False),
    sa.Column('folder', sa.String(length=500), nullable=False),
    sa.Column('uidvalidity', sa.BigInteger(), nullable=True),
    sa.Column('key', sa.String(length=500), nullable=False),
    sa.Column('message_pk', sa.Integer(), nullable=True),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['message_pk'], ['message.id'], name=op.f('fk_processed_key_message_pk_message')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processed_key')),
    sa.UniqueConstraint('account', 'folder', 'key', name=op.f('uq_processed_key_account_folder_key'))
    )
    with op.batch_alter_table('processed_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_processed_key_message_pk'), ['message_pk'], unique=False)

    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('finding_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('why', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['finding_id'], ['finding.id'], name=op.f('fk_event_finding_id_finding')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_finding_id'), ['finding_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_finding_id'))

    op.drop_table('event')
    with op.batch_alter_table('processed_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_processed_key_message_pk'))

    op.drop_table('processed_key')
    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_finding_status'))
        batch_op.drop_index(batch_op.f('ix_finding_message_pk'))

    op.drop_table('finding')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_index('ix_message_client_date')

    op.drop_table('message')
    op.drop_table('agreement_version')
    op.drop_table('mailbox_cursor')
    op.drop_table('lease')
    op.drop_table('client')
