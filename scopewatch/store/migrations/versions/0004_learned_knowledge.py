"""Learning from the VA's decisions: the `learned` entries per client and their version counter,
the structured reason on events, and the work words, kinds and deciding entry on findings.
Existing rows are kept as they are: old events keep their free-text reason (decision NULL).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('learned',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=True),
    sa.Column('scope_item', sa.Text(), nullable=True),
    sa.Column('words', sa.JSON(), nullable=False),
    sa.Column('source_verdict', sa.String(length=20), nullable=False),
    sa.Column('source_category', sa.String(length=30), nullable=True),
    sa.Column('source_items', sa.JSON(), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=True),
    sa.Column('decision', sa.String(length=30), nullable=False),
    sa.Column('finding_id', sa.Integer(), nullable=True),
    sa.Column('decided_on', sa.DateTime(timezone=True), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('uses', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_learned_client_id_client')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learned'))
    )
    with op.batch_alter_table('learned', schema=None) as batch_op:
        batch_op.create_index('ix_learned_client_id', ['client_id'], unique=False)

    op.create_table('learned_state',
    sa.Column('client_id', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('client_id', name=op.f('pk_learned_state'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('decision', sa.JSON(), nullable=True))

    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.add_column(sa.Column('work_words', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('work_kinds', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('learned_id', sa.Integer(), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+ has it): batch mode would rebuild `finding` and `event`,
    # which other tables' rows refer to, and foreign keys forbid dropping them.
    for table, column in (('finding', 'learned_id'), ('finding', 'work_kinds'), ('finding', 'work_words'),
                          ('event', 'decision')):
        op.execute(f'ALTER TABLE {table} DROP COLUMN {column}')

    op.drop_table('learned_state')
    with op.batch_alter_table('learned', schema=None) as batch_op:
        batch_op.drop_index('ix_learned_client_id')

    op.drop_table('learned')
