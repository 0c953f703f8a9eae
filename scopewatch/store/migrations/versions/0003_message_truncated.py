"""What of each message was not read (MIME parts over the limit, a body cut short, findings over
the per-message cap), so `check`, the ledger and the digest say so instead of staying silent.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('message') as batch:
        batch.add_column(sa.Column('truncated', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('message') as batch:
        batch.drop_column('truncated')
