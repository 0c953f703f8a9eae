"""A private PostgreSQL 15 server for the tests: started once per session in its own temp folder on
a free loopback port, stopped afterwards. $SCOPEWATCH_TEST_PG_URL points at an existing server
instead. Missing binaries skip the tests, except under CI=true where they fail."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest


def skip_or_fail(reason: str) -> None:
    # Imported late: conftest imports this module, and scripts may import it first.
    from tests.conftest import skip_or_fail as _skip_or_fail

    _skip_or_fail(reason)

PG_BIN = Path(os.environ.get("SCOPEWATCH_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_owner(cmd: list[str], owner: str | None) -> list[str]:
    # PostgreSQL refuses to run as root: run its binaries as the `postgres` OS user instead.
    return ["runuser", "-u", owner, "--", *cmd] if owner else cmd


def _start_server():
    """(url, stop) for a fresh server, or raises RuntimeError/skips with the reason."""
    for tool in ("initdb", "pg_ctl", "postgres"):
        if not (PG_BIN / tool).exists():
            skip_or_fail(f"PostgreSQL binaries not found in {PG_BIN} (set SCOPEWATCH_TEST_PG_URL to use a server)")
    owner = None
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            skip_or_fail("running as root and there is no `postgres` OS user to run PostgreSQL as")
        if not shutil.which("runuser"):
            skip_or_fail("running as root and `runuser` is missing, cannot drop to the postgres user")
        owner = "postgres"
    base = Path(tempfile.mkdtemp(prefix="scopewatch-pg-"))
    data, log = base / "data", base / "server.log"
    if owner:
        shutil.chown(base, user=owner)
    os.chmod(base, 0o700)
    port = _free_port()

    def run(cmd: list[str]) -> None:
        proc = subprocess.run(_as_owner(cmd, owner), capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(cmd[:2])} failed: {proc.stderr.strip()} {tail}")

    run([str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"])
    opts = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
    run([str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", opts, "-w", "-t", "60", "start"])

    def stop() -> None:
        subprocess.run(
            _as_owner([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], owner),
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(base, ignore_errors=True)

    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", stop


@pytest.fixture(scope="session")
def pg_server() -> str:
    """URL of a PostgreSQL server (its maintenance database) that tests may create databases on."""
    url = os.environ.get("SCOPEWATCH_TEST_PG_URL")
    if url:
        yield url
        return
    try:
        url, stop = _start_server()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        skip_or_fail(f"could not start a private PostgreSQL server: {exc}")
    try:
        yield url
    finally:
        stop()


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """A fresh, empty database on the test server for one test; dropped afterwards."""
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(pg_server)
    name = f"scopewatch_t_{uuid.uuid4().hex[:12]}"
    conninfo = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield admin.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request, tmp_path) -> str:
    """An empty ledger database URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    return request.getfixturevalue("pg_url")
