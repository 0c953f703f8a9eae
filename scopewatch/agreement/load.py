"""Reads the VA's hand-written scope agreement YAML files into validated `Agreement` dataclasses.

Every problem is collected with its file, line and field path (never just the first one), so the VA
can fix a file in one go; `lint_agreements` adds the checks that span files (one contact, one client).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from scopewatch import resources
from scopewatch.agreement.model import Agreement, BrokenAgreement
from scopewatch.catalogue import Catalogue, load_catalogue
from scopewatch.agreement.validate import MAX_AGREEMENT_CHARS, ContactAt, check_agreement_text
from scopewatch.errors import AgreementError, CatalogueError, Problem

YAML_SUFFIXES = (".yaml", ".yml")
MAX_AGREEMENT_BYTES = 4 * MAX_AGREEMENT_CHARS  # UTF-8 takes up to 4 bytes a character


@dataclass
class _FileResult:
    """What one file yields: the agreement when it is valid, its problems, and where each contact
    sits (kept even when the file has other problems, so the cross-file check still runs)."""

    path: Path
    agreement: Agreement | None = None
    problems: list[Problem] = field(default_factory=list)
    contacts: list[ContactAt] = field(default_factory=list)
    loose_contacts: tuple[str, ...] = ()  # address-like text anywhere in the file


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


@dataclass
class AgreementFiles:
    """Every agreement file of a scopes folder: the valid ones by client id, the ones that cannot be
    used (each with its problems), and problems of the folder itself (it is missing, or the work
    catalogue that `kinds:` are checked against is broken)."""

    agreements: dict[str, Agreement] = field(default_factory=dict)
    broken: dict[str, BrokenAgreement] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # every problem, folder and files

    @property
    def folder_problems(self) -> list[Problem]:
        files = {b.path for b in self.broken.values()}
        return [p for p in self.problems if p.file not in files]


def lint_agreements(scopes_dir: Path, catalogue: Catalogue | None = None) -> tuple[dict[str, Agreement], list[Problem]]:
    """Validate every `*.yaml`/`*.yml` in `scopes_dir` and check them against each other.

    Never raises for content problems: returns the valid agreements keyed by client id and
    every problem found. An agreement whose file has any problem is left out of the dict.
    """
    found = read_agreements(scopes_dir, catalogue)
    return found.agreements, found.problems


def read_agreements(scopes_dir: Path, catalogue: Catalogue | None = None) -> AgreementFiles:
    """Read every agreement file in `scopes_dir`: one broken file costs that client only."""
    scopes_dir = Path(scopes_dir)
    if not scopes_dir.is_dir():
        what = "is not a folder" if scopes_dir.exists() else "does not exist"
        return AgreementFiles(problems=[
            Problem(
                str(scopes_dir),
                "",
                f"the scopes folder {what}; create it and put one agreement per client in it "
                "as CLIENT.yaml",
            )
        ])
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
    out = AgreementFiles(problems=problems)
    for result in results:
        problems.extend(result.problems)
        if not result.problems and result.agreement is not None:
            out.agreements[result.agreement.client_id] = result.agreement
        elif result.path.stem not in out.broken:
            contacts = tuple(c for c, _line, _index in result.contacts) or result.loose_contacts
            out.broken[result.path.stem] = BrokenAgreement(
                result.path.stem, str(result.path),
                tuple(result.problems) or (Problem(str(result.path), "", "cannot be read"),), contacts)
    return out


def load_agreements(scopes_dir: Path) -> dict[str, Agreement]:
    """All agreements in `scopes_dir` keyed by client id; AgreementError if any has a problem."""
    agreements, problems = lint_agreements(scopes_dir)
    if problems:
        raise AgreementError(problems)
    return agreements


# --- files ------------------------------------------------------------------------------------


def _agreement_files(scopes_dir: Path) -> list[Path]:
    # Dot files are editor locks and macOS resource forks (`.#x.yaml`, `._x.yaml`), never agreements.
    # Anything else named like an agreement is one, whatever it is (a folder, a FIFO, a dangling
    # link): skipping it silently would leave its client's mail unknown_sender.
    return sorted(
        p
        for p in scopes_dir.iterdir()
        if p.suffix.lower() in YAML_SUFFIXES and not p.name.startswith(".")
    )


_NOT_A_FILE = {stat.S_IFDIR: "a folder", stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFSOCK: "a socket",
               stat.S_IFCHR: "a device", stat.S_IFBLK: "a device"}
_ADDRESS_LIKE = re.compile(r"(?<![\w.+-])(?:[\w.+-]+)?@[\w-]+(?:\.[\w-]+)+")


def _read_bytes(path: Path) -> bytes | str:
    """The file's bytes, or why it cannot be read. Never blocks: a FIFO is opened without waiting
    for a writer and refused, like anything else that is not a regular file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        if path.is_symlink():
            return f"is a link to {os.readlink(path)}, which does not exist"
        return "file does not exist"
    except IsADirectoryError:
        return "is a folder, not an agreement file; move it out of scopes/ or rename it"
    except OSError as exc:
        return f"cannot read the file: {exc.strerror or exc}"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = _NOT_A_FILE.get(stat.S_IFMT(info.st_mode), "not a regular file")
            return f"is {what}, not an agreement file; move it out of scopes/ or rename it"
        if info.st_size > MAX_AGREEMENT_BYTES:
            return (f"the file is {info.st_size / 1e6:.1f} MB; an agreement may be at most "
                    f"{MAX_AGREEMENT_CHARS / 1e6:g} MB (limit: agreement size)")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(MAX_AGREEMENT_BYTES + 1)
    except OSError as exc:
        return f"cannot read the file: {exc.strerror or exc}"
    finally:
        os.close(fd)


def _read_file(path: Path, catalogue: Catalogue | None = None, labels=None) -> _FileResult:
    result = _FileResult(path)
    label = str(path)
    raw = _read_bytes(path)
    if isinstance(raw, str):
        result.problems.append(Problem(label, "", raw))
        return result
    # What looks like an address anywhere in the file: when the file is broken, these still tell
    # which mail is this client's (so it gets an error verdict naming the file, not unknown_sender).
    result.loose_contacts = tuple(dict.fromkeys(
        m.group(0).lower() for m in _ADDRESS_LIKE.finditer(raw[:MAX_AGREEMENT_BYTES].decode("utf-8", "replace"))))
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
