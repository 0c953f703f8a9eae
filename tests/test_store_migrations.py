"""The shipped Alembic migrations build exactly the schema the models declare, on both databases,
and can be run again (and undone) without harm."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from scopewatch.store import db
from scopewatch.store.ledger import Ledger
from scopewatch.store.models import Base


def _diff(engine):
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, Base.metadata)


def test_migration_creates_exactly_the_models(ledger_url):
    engine = db.make_engine(ledger_url)
    try:
        db.upgrade(engine)
        assert _diff(engine) == []
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        head = ScriptDirectory.from_config(db.alembic_config()).get_current_head()
        assert db.current_revision(engine) == head
    finally:
        engine.dispose()


def test_upgrade_twice_is_harmless_and_downgrade_empties(ledger_url):
    Ledger.open(ledger_url).close()
    Ledger.open(ledger_url).close()  # already at head: nothing to do
    engine = db.make_engine(ledger_url)
    try:
        with engine.begin() as conn:
            command.downgrade(db.alembic_config(conn), "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        db.upgrade(engine)
        assert _diff(engine) == []
    finally:
        engine.dispose()


def test_unmigrated_database_differs_from_the_models(ledger_url):
    # Guards the test above: compare_metadata does notice a missing schema.
    engine = db.make_engine(ledger_url)
    try:
        assert _diff(engine) != []
    finally:
        engine.dispose()
