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
    from scopewatch.workspace import NO_WORKSPACE_FIX, is_workspace, locate

    root = locate(workspace)
    if not is_workspace(root):
        # A ledger is only ever made inside a workspace, never in a folder that happens to be current.
        raise WorkspaceError(f"{root} is not a scopewatch workspace (no scopewatch.toml or scopes/): {NO_WORKSPACE_FIX}")
    from scopewatch.config import configured_database

    configured = configured_database(root)
    if configured:
        return configured
    return f"sqlite:///{(root / 'scopewatch.db').resolve()}"
