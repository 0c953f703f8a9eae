"""The VA's workspace folder: `scopes/` (one agreement per client), optional own `rules/` and
`templates/` that override the shipped ones, `scopewatch.toml` and the ledger. Commands find it the
way git finds a repository: --workspace, $SCOPEWATCH_WORKSPACE, the nearest folder upwards that holds
`scopewatch.toml` or `scopes/`, else the default the VA set once with `scopewatch init`."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from scopewatch.agreement.model import Agreement, BrokenAgreement
from scopewatch.errors import AgreementError, WorkspaceError
from scopewatch import resources


CONFIG_NAME = "scopewatch.toml"
USER_SETTINGS = "settings.toml"  # in the user's config folder: `workspace = "PATH"`, the default

NO_WORKSPACE_FIX = (
    "run it inside a workspace (a folder with scopewatch.toml or scopes/), pass --workspace DIR, "
    "set SCOPEWATCH_WORKSPACE, or make one with `scopewatch init DIR`"
)


def is_workspace(path: Path) -> bool:
    """A folder holding scopewatch.toml or scopes/: what the search upwards stops at."""
    return (path / CONFIG_NAME).is_file() or (path / "scopes").is_dir()


def user_config_dir(environ: dict[str, str] | None = None) -> Path:
    """Where scopewatch keeps the user's own settings, per the platform's convention: %APPDATA% on
    Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME (else ~/.config) elsewhere."""
    env = os.environ if environ is None else environ
    if sys.platform == "win32":
        base = env.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Application Support")
    else:
        base = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base).expanduser() / "scopewatch"


def user_settings_file(environ: dict[str, str] | None = None) -> Path:
    return user_config_dir(environ) / USER_SETTINGS


def saved_default() -> Path | None:
    """The default workspace `scopewatch init` stored, if any."""
    import tomllib

    path = user_settings_file()
    if not path.is_file():
        return None
    try:
        with open(path, "rb") as fh:
            value = tomllib.load(fh).get("workspace")
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise WorkspaceError(f"{path}: cannot be read ({exc}); fix or delete it") from None
    return Path(value).expanduser() if isinstance(value, str) and value else None


def save_default(root: Path) -> Path:
    """Make `root` the default workspace for commands run outside any workspace."""
    path = user_settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    quoted = str(root.expanduser().resolve()).replace("\\", "\\\\").replace('"', '\\"')
    path.write_text(f'# written by `scopewatch init`: the workspace used outside any workspace folder\n'
                    f'workspace = "{quoted}"\n', encoding="utf-8")
    return path


def locate(explicit: Path | str | None = None, *, cwd: Path | None = None) -> Path:
    """The workspace a command works on: `explicit` (--workspace), else $SCOPEWATCH_WORKSPACE, else
    the nearest folder upwards from `cwd` with scopewatch.toml or scopes/, else the saved default.
    Raises WorkspaceError (one line naming the fix) when none is found or the named one is missing."""
    env = os.environ.get("SCOPEWATCH_WORKSPACE", "").strip()
    for given, how in ((explicit, "--workspace"), (env or None, "SCOPEWATCH_WORKSPACE")):
        if given is None:
            continue
        path = Path(given).expanduser()
        if not path.is_dir():
            raise WorkspaceError(f"workspace folder {path} does not exist (named by {how}; create it with `scopewatch init {path}`)")
        return path
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if is_workspace(folder):
            return folder
    default = saved_default()
    if default is not None:
        if not default.is_dir():
            raise WorkspaceError(
                f"the default workspace {default} (set in {user_settings_file()}) does not exist; "
                f"{NO_WORKSPACE_FIX}"
            )
        return default
    raise WorkspaceError(f"no scopewatch workspace in {here} or any folder above it: {NO_WORKSPACE_FIX}")


def default_workspace() -> Path:
    """The workspace found without --workspace (see `locate`)."""
    return locate(None)


@dataclass
class Workspace:
    root: Path
    agreements: dict[str, Agreement] = field(default_factory=dict)
    # Agreement files that cannot be used, by client id: that client's mail gets an error verdict
    # naming the file; every other client is served.
    broken: dict[str, BrokenAgreement] = field(default_factory=dict)
    _stamp: tuple = field(default=(), repr=False, compare=False)

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

    def broken_for_sender(self, address: str) -> BrokenAgreement | None:
        """The broken agreement whose readable contacts claim `address` (no valid one does)."""
        for broken in self.broken.values():
            if broken.claims_sender(address):
                return broken
        return None

    def load_agreements(self) -> None:
        """Read scopes/ again: the valid agreements and the broken ones. Only a problem of the folder
        itself (missing, or a broken work catalogue) raises: one client's file never stops the others."""
        from scopewatch.agreement.load import read_agreements

        if not self.scopes_dir.is_dir():
            raise WorkspaceError(
                f"{self.root} has no scopes/ folder: put one agreement per client in {self.scopes_dir}/CLIENT.yaml"
            )
        stamp = self._scopes_stamp()
        found = read_agreements(self.scopes_dir)
        if found.folder_problems:
            raise AgreementError(found.folder_problems)
        self.agreements, self.broken, self._stamp = found.agreements, found.broken, stamp

    def refresh(self) -> bool:
        """Read the agreements again when a file in scopes/ changed since (a few stat calls when
        none did); True when they were read again."""
        if self._scopes_stamp() == self._stamp:
            return False
        self.load_agreements()
        return True

    def _scopes_stamp(self) -> tuple:
        try:
            entries = sorted(os.scandir(self.scopes_dir), key=lambda e: e.name)
        except OSError:
            return ()
        stamp = []
        for entry in entries:
            try:
                info = os.stat(entry.path)  # through a link: the file it points at
                stamp.append((entry.name, info.st_mode, info.st_mtime_ns, info.st_size))
            except OSError:
                stamp.append((entry.name, None, None, None))
        return tuple(stamp)


def open_workspace(root: Path | str | None = None, *, load_agreements: bool = True) -> Workspace:
    """Open a workspace folder and read its agreements: the valid ones, and those that cannot be
    used in `broken` (`scope lint` lists their problems)."""
    path = locate(root)
    ws = Workspace(root=path)
    if load_agreements:
        ws.load_agreements()
    return ws
