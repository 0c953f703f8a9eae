"""The VA's workspace folder: `scopes/` (one agreement per client), optional own `rules/` and
`templates/` that override the shipped ones, and later `scopewatch.toml` and the ledger."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from scopewatch.agreement.model import Agreement
from scopewatch.errors import WorkspaceError
from scopewatch import resources


def default_workspace() -> Path:
    """$SCOPEWATCH_WORKSPACE, else the current folder."""
    return Path(os.environ.get("SCOPEWATCH_WORKSPACE", ".")).expanduser()


@dataclass
class Workspace:
    root: Path
    agreements: dict[str, Agreement] = field(default_factory=dict)

    @property
    def scopes_dir(self) -> Path:
        return self.root / "scopes"

    @property
    def user_rules_dir(self) -> Path:
        return self.root / "rules"

    @property
    def user_templates_dir(self) -> Path:
        return self.root / "templates"

    def rules_dirs(self) -> list[Path]:
        """Shipped rules first, then the user's: a later folder overrides an earlier one by id."""
        dirs = [resources.rules_dir()]
        if self.user_rules_dir.is_dir():
            dirs.append(self.user_rules_dir)
        return dirs

    def catalogue(self):
        """The work catalogue: shipped kinds plus the workspace's own rules/catalogue/ (read once
        per process)."""
        from scopewatch.catalogue import load_catalogue

        return load_catalogue(self.rules_dirs())

    def template_dirs(self) -> list[Path]:
        """The user's templates first: Jinja2 takes the first match by name."""
        dirs = []
        if self.user_templates_dir.is_dir():
            dirs.append(self.user_templates_dir)
        dirs.append(resources.templates_dir())
        return dirs

    def agreement_for_sender(self, address: str) -> Agreement | None:
        for agreement in self.agreements.values():
            if agreement.claims_sender(address):
                return agreement
        return None


def open_workspace(root: Path | str | None = None, *, load_agreements: bool = True) -> Workspace:
    """Open a workspace folder and load (and validate) all its agreements."""
    from scopewatch.agreement.load import load_agreements as _load

    path = Path(root) if root is not None else default_workspace()
    if not path.is_dir():
        raise WorkspaceError(f"workspace folder {path} does not exist (create it with `scopewatch init {path}`)")
    ws = Workspace(root=path)
    if load_agreements:
        if not ws.scopes_dir.is_dir():
            raise WorkspaceError(
                f"{path} has no scopes/ folder: put one agreement per client in {ws.scopes_dir}/CLIENT.yaml"
            )
        ws.agreements = _load(ws.scopes_dir)
    return ws
