"""Where a workspace's ledger lives: the one place that decides the database URL."""

from __future__ import annotations

import os
from pathlib import Path

from scopewatch.errors import WorkspaceError


def database_url(workspace: Path | str | None, explicit: str | None = None) -> str:
    """`explicit` (e.g. --database), else $SCOPEWATCH_DATABASE, else `database` in the workspace's
    scopewatch.toml, else `sqlite:///<workspace>/scopewatch.db`."""
    if explicit:
        return explicit
    env = os.environ.get("SCOPEWATCH_DATABASE", "").strip()
    if env:
        return env
    from scopewatch.workspace import default_workspace

    root = Path(workspace).expanduser() if workspace is not None else default_workspace()
    if not root.is_dir():
        raise WorkspaceError(f"workspace folder {root} does not exist (create it with `scopewatch init {root}`)")
    from scopewatch.config import configured_database

    configured = configured_database(root)
    if configured:
        return configured
    return f"sqlite:///{(root / 'scopewatch.db').resolve()}"
