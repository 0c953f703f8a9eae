"""Follow-up schema: drafts and the findings they answer, client replies, the digest log, and the
threading headers of each message (so a reply drafted later lands in the thread).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('digest_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slot', sa.String(length=40), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recipient', sa.Text(), nullable=False),
    sa.Column('flagged', sa.Integer(), nullable=False),
    sa.Column('checks', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_digest_log')),
    sa.UniqueConstraint('slot', name=op.f('uq_digest_log_slot'))
    )
    op.create_table('draft',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_pk', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.String(length=1000), nullable=False),
    sa.Column('account', sa.String(length=200), nullable=False),
    sa.Column('folder', sa.String(length=500), nullable=True),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('to_addr', sa.Text(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('appended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent_how', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['message_pk'], ['message.id'], name=op.f('fk_draft_message_pk_message')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draft')),
    sa.UniqueConstraint('message_id', name=op.f('uq_draft_message_id'))
    )
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_message_pk'), ['message_pk'], unique=False)

    op.create_table('draft_finding',
    sa.Column('finding_id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['draft_id'], ['draft.id'], name=op.f('fk_draft_finding_draft_id_draft')),
    sa.ForeignKeyConstraint(['finding_id'], ['finding.id'], name=op.f('fk_draft_finding_finding_id_finding')),
    sa.PrimaryKeyConstraint('finding_id', name=op.f('pk_draft_finding'))
    )
    with op.batch_alter_table('draft_finding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_finding_draft_id'), ['draft_id'], unique=False)

    op.create_table('reply',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('finding_id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.String(length=1000), nullable=False),
    sa.Column('sender', sa.Text(), nullable=True),
    sa.Column('date', sa.DateTime(timezone=True), nullable=True),
    sa.Column('excerpt', sa.Text(), nullable=True),
    sa.Column('offer', sa.String(length=20), nullable=True),
    sa.Column('phrase', sa.Text(), nullable=True),
    sa.Column('linked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['finding_id'], ['finding.id'], name=op.f('fk_reply_finding_id_finding')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reply')),
    sa.UniqueConstraint('finding_id', 'message_id', name=op.f('uq_reply_finding_id_message_id'))
    )
    with op.batch_alter_table('reply', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reply_finding_id'), ['finding_id'], unique=False)

    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sender_name', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('in_reply_to', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('thread_references', sa.JSON(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_column('thread_references')
        batch_op.drop_column('in_reply_to')
        batch_op.drop_column('sender_name')

    with op.batch_alter_table('reply', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reply_finding_id'))

    op.drop_table('reply')
    with op.batch_alter_table('draft_finding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_finding_draft_id'))

    op.drop_table('draft_finding')
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_message_pk'))

    op.drop_table('draft')
    op.drop_table('digest_log')
