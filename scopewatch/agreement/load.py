"""Reads the VA's hand-written scope agreement YAML files into validated `Agreement` dataclasses.

Every problem is collected with its file, line and field path (never just the first one), so the VA
can fix a file in one go; `lint_agreements` adds the checks that span files (one contact, one client).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from scopewatch import resources
from scopewatch.agreement.model import Agreement
from scopewatch.catalogue import Catalogue, load_catalogue
from scopewatch.agreement.validate import ContactAt, check_agreement_text
from scopewatch.errors import AgreementError, CatalogueError, Problem

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class _FileResult:
    """What one file yields: the agreement when it is valid, its problems, and where each contact
    sits (kept even when the file has other problems, so the cross-file check still runs)."""

    path: Path
    agreement: Agreement | None = None
    problems: list[Problem] = field(default_factory=list)
    contacts: list[ContactAt] = field(default_factory=list)


# --- public API -------------------------------------------------------------------------------


def workspace_catalogue(scopes_dir: Path) -> tuple[Catalogue | None, list[Problem]]:
    """The work catalogue an agreement's `kinds:` are checked against: the shipped one plus the
    workspace's own `rules/catalogue/` (the workspace is the folder holding `scopes/`)."""
    dirs = [resources.rules_dir(), Path(scopes_dir).parent / "rules"]
    try:
        return load_catalogue(dirs), []
    except CatalogueError as exc:
        return None, exc.problems


def workspace_labels(scopes_dir: Path):
    """How the checklist's kinds of work read in each language (agreement/checklist.py), from the
    workspace's templates/agreements/ or the shipped ones; None when they cannot be read."""
    from scopewatch.agreement.checklist import checklist_data, template_dirs_for
    from scopewatch.errors import ConfigError

    try:
        return checklist_data(template_dirs_for(Path(scopes_dir)))
    except ConfigError:
        return None  # the page and `scope lint` report the broken file; agreements still load


def load_agreement_file(path: Path, catalogue: Catalogue | None = None) -> Agreement:
    """Load and validate one agreement file; raise AgreementError listing every problem in it."""
    if catalogue is None:
        catalogue, _ = workspace_catalogue(Path(path).parent)
    result = _read_file(Path(path), catalogue, workspace_labels(Path(path).parent))
    if result.problems or result.agreement is None:
        raise AgreementError(result.problems)
    return result.agreement


def lint_agreements(scopes_dir: Path, catalogue: Catalogue | None = None) -> tuple[dict[str, Agreement], list[Problem]]:
    """Validate every `*.yaml`/`*.yml` in `scopes_dir` and check them against each other.

    Never raises for content problems: returns the valid agreements keyed by client id and
    every problem found. An agreement whose file has any problem is left out of the dict.
    """
    scopes_dir = Path(scopes_dir)
    if not scopes_dir.is_dir():
        what = "is not a folder" if scopes_dir.exists() else "does not exist"
        return {}, [
            Problem(
                str(scopes_dir),
                "",
                f"the scopes folder {what}; create it and put one agreement per client in it "
                "as CLIENT.yaml",
            )
        ]
    results: list[_FileResult] = []
    seen_ids: dict[str, Path] = {}
    problems: list[Problem] = []
    if catalogue is None:
        catalogue, problems = workspace_catalogue(scopes_dir)
    labels = workspace_labels(scopes_dir)
    for path in _agreement_files(scopes_dir):
        result = _read_file(path, catalogue, labels)
        earlier = seen_ids.get(path.stem)
        if earlier is not None:
            result.problems.append(
                Problem(
                    str(path),
                    "",
                    f"client id '{path.stem}' is already used by {earlier}; "
                    "keep one file per client (rename or remove one of them)",
                )
            )
        else:
            seen_ids[path.stem] = path
        results.append(result)
    _check_contacts_across(results)
    agreements: dict[str, Agreement] = {}
    for result in results:
        problems.extend(result.problems)
        if not result.problems and result.agreement is not None:
            agreements[result.agreement.client_id] = result.agreement
    return agreements, problems


def load_agreements(scopes_dir: Path) -> dict[str, Agreement]:
    """All agreements in `scopes_dir` keyed by client id; AgreementError if any has a problem."""
    agreements, problems = lint_agreements(scopes_dir)
    if problems:
        raise AgreementError(problems)
    return agreements


# --- files ------------------------------------------------------------------------------------


def _agreement_files(scopes_dir: Path) -> list[Path]:
    # Dot files are editor locks and macOS resource forks (`.#x.yaml`, `._x.yaml`), never agreements.
    return sorted(
        p
        for p in scopes_dir.iterdir()
        if p.suffix.lower() in YAML_SUFFIXES and p.is_file() and not p.name.startswith(".")
    )


def _read_file(path: Path, catalogue: Catalogue | None = None, labels=None) -> _FileResult:
    result = _FileResult(path)
    label = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        result.problems.append(Problem(label, "", "file does not exist"))
        return result
    except OSError as exc:
        result.problems.append(Problem(label, "", f"cannot read the file: {exc.strerror or exc}"))
        return result
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        result.problems.append(
            Problem(
                label,
                "",
                f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8 in your editor",
                line,
            )
        )
        return result
    return _check(result, text, raw, catalogue, labels)


def _check(result: _FileResult, text: str, raw: bytes, catalogue, labels) -> _FileResult:
    path = result.path
    agreement, result.problems, result.contacts = check_agreement_text(text, str(path), path.stem, catalogue, labels)
    if agreement is not None:
        digest = hashlib.sha256(raw).hexdigest()
        result.agreement = replace(agreement, source_path=str(path), source_text=text, content_hash=digest)
    return result


def check_in_workspace(scopes_dir: Path, client_id: str, text: str) -> tuple[Agreement | None, list[Problem]]:
    """Validate `text` as if it were `scopes/CLIENT.yaml`, against the workspace's catalogue and its
    other agreements (a contact may belong to one client only), without writing anything."""
    scopes_dir = Path(scopes_dir)
    catalogue, problems = workspace_catalogue(scopes_dir)
    labels = workspace_labels(scopes_dir)
    mine = _check(_FileResult(scopes_dir / f"{client_id}.yaml"), text, text.encode("utf-8"), catalogue, labels)
    others = [_read_file(p, catalogue, labels) for p in (_agreement_files(scopes_dir) if scopes_dir.is_dir() else [])
              if p.stem != client_id]
    _check_contacts_across([*others, mine])
    return (mine.agreement if not mine.problems else None), [*problems, *mine.problems]


def _check_contacts_across(results: list[_FileResult]) -> None:
    """A contact (address or @domain) may belong to one client only, or mail would be filed under
    whichever agreement happened to load first. An address under another client's @domain is
    just as ambiguous. Each problem goes to the later file and names the earlier one."""
    owners: dict[str, tuple[_FileResult, int | None]] = {}
    for result in results:
        for contact, line, _ in result.contacts:
            owners.setdefault(contact, (result, line))
    for result in results:
        found = []
        for contact, line, index in result.contacts:
            owner, why = owners[contact], "is also a contact of"
            if owner[0] is result and not contact.startswith("@"):
                domain = "@" + contact.rpartition("@")[2]
                owner, why = owners.get(domain, owner), f"is also covered by '{domain}' of"
            other, other_line = owner
            if other is result:
                continue
            where = f"{other.path}:{other_line}" if other_line else str(other.path)
            found.append(
                Problem(
                    str(result.path),
                    f"contacts[{index}]",
                    f"'{contact}' {why} client '{other.path.stem}' ({where}); "
                    "an address or @domain can belong to one client only",
                    line,
                )
            )
        if found:
            result.problems = sorted(result.problems + found, key=lambda p: p.line or 0)
