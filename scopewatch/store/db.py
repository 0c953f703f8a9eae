"""Opening the ledger database (SQLite tuned for one writer at a time, or PostgreSQL) and bringing
its schema up to date with the Alembic migrations shipped in `store/migrations/`."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from scopewatch.errors import StoreError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Any fixed number: PostgreSQL advisory lock so two processes starting at once migrate one by one.
_MIGRATION_LOCK = 0x5C0BE
# Execution option asking SQLite for BEGIN IMMEDIATE: a write transaction that first reads must
# hold the write lock from the start, or a concurrent writer makes it fail instead of wait.
WRITE = {"scopewatch_write": True}


def safe_url(url: str) -> str:
    """The URL with any password masked, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid database URL>"


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets WAL, foreign keys and a busy timeout on every connection."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(
            f"invalid database URL {url!r}: use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
        ) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        db = parsed.database
        if db and db != ":memory:" and not Path(db).expanduser().parent.is_dir():
            raise StoreError(f"cannot open ledger {safe_url(url)}: folder {Path(db).parent} does not exist")
        engine = create_engine(parsed, connect_args={"timeout": 30})
        _tune_sqlite(engine)
        return engine
    if backend == "postgresql":
        if parsed.get_driver_name() in ("psycopg2", "") or parsed.drivername == "postgresql":
            # psycopg (3) is the driver we ship with; plain postgresql:// would ask for psycopg2.
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except (ImportError, SQLAlchemyError) as exc:
            raise StoreError(f"cannot use {safe_url(url)}: {exc} (install scopewatch[postgres])") from None
    raise StoreError(f"unsupported database {safe_url(url)}: use sqlite:/// or postgresql+psycopg://")


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Take transaction control away from the sqlite3 module so BEGIN is ours to emit.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        try:
            wal = cur.execute("PRAGMA journal_mode=WAL").fetchone()[0].lower() == "wal"
        except Exception:  # noqa: BLE001 - some filesystems refuse WAL; the default journal works
            wal = False
        # WAL + synchronous=NORMAL: a commit is in the WAL file (handed to the OS) before COMMIT
        # returns, and only checkpoints wait for fsync. So a process crash (kill -9) loses nothing
        # committed: the OS still writes the file, the next open replays the WAL. A power loss can
        # drop the last few commits but never corrupts the database (WAL frames are checksummed,
        # a torn tail is ignored); those messages' keys were in the same transactions, so they are
        # simply fetched and processed again. Without WAL, NORMAL could corrupt on power loss: FULL.
        cur.execute("PRAGMA synchronous=NORMAL" if wal else "PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if conn.get_execution_options().get("scopewatch_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def alembic_config(connection=None):
    """An Alembic Config pointing at the shipped migrations; no alembic.ini needed."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision`, one process at a time."""
    from alembic import command

    try:
        conn = engine.execution_options(**WRITE).connect()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open ledger {safe_url(str(engine.url))}: {_first_line(exc)}") from None
    try:
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            command.upgrade(alembic_config(conn), revision)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate ledger {safe_url(str(engine.url))}: {_first_line(exc)}") from None
    finally:
        conn.close()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open ledger {safe_url(str(engine.url))}: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
