"""Maildir mailbox source: reads messages from new/ and cur/ without moving, renaming or flagging
them, polls for new mail, and saves drafts into the Maildir++ `.Drafts` folder."""

from __future__ import annotations

import itertools
import os
import socket
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from scopewatch.errors import MailboxError
from scopewatch.ingest.base import FetchedMessage, FolderState, pause, stop_requested, unknown_keys
from scopewatch.ingest.reduce import read_message

TOP_FOLDER_ALIASES = ("", "INBOX")
POLL_STEP_SECONDS = 0.5
_counter = itertools.count(1)


def message_key(filename: str) -> str:
    """The unique part of a Maildir file name: everything before the ":2,<flags>" info."""
    return filename.split(":", 1)[0]


class MaildirSource:
    """A local Maildir (Maildir++ subfolders as `.Name`). Only the drafts folder is ever written."""

    supports_idle = False

    def __init__(
        self,
        name: str,
        root: str | os.PathLike[str],
        *,
        poll_interval: float = 2.0,
        drafts_folder: str = "Drafts",
        stop: threading.Event | None = None,
        sent_folder: str = "Sent",
    ):
        self.account = name
        self.root = Path(root).expanduser()
        self.poll_interval = poll_interval
        self.drafts_folder = drafts_folder
        self.sent_folder = sent_folder
        self.stop = stop
        # folder -> keys known at the last pending(): what counts as "new" in wait()
        self._baseline: dict[str, set[str]] = {}

    # --- folders --------------------------------------------------------------------------------

    def folder_path(self, folder: str) -> Path:
        if folder in TOP_FOLDER_ALIASES:
            return self.root
        if "/" in folder or folder in (".", "..") or folder.startswith("."):
            raise MailboxError(f"mailbox {self.account!r}: not a Maildir folder name: {folder!r}")
        return self.root / f".{folder}"

    def _check_folder(self, folder: str) -> Path:
        path = self.folder_path(folder)
        if not (path / "cur").is_dir() or not (path / "new").is_dir():
            shown = "the top Maildir" if path == self.root else f"folder {folder!r}"
            raise MailboxError(
                f"mailbox {self.account!r}: {shown} is not a Maildir (no new/ and cur/ in {path})"
            )
        return path

    def _scan(self, folder: str) -> dict[str, tuple[float, Path]]:
        """key -> (mtime, file) for every message in new/ and cur/ of `folder`."""
        path = self._check_folder(folder)
        found: dict[str, tuple[float, Path]] = {}
        for sub in ("new", "cur"):
            try:
                entries = list(os.scandir(path / sub))
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise MailboxError(f"mailbox {self.account!r}: cannot read {path / sub}: {exc}") from None
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    if not entry.is_file():
                        continue
                    mtime = entry.stat().st_mtime
                except FileNotFoundError:
                    continue  # a mail client moved it from new/ to cur/ while we listed
                found.setdefault(message_key(entry.name), (mtime, Path(entry.path)))
        return found

    # --- MailSource -----------------------------------------------------------------------------

    def connect(self) -> None:
        if not self.root.is_dir():
            raise MailboxError(f"mailbox {self.account!r}: Maildir not found: {self.root}")
        self._check_folder("")

    def close(self) -> None:
        pass

    def folder_state(self, folder: str) -> FolderState:
        return FolderState(uidvalidity=None, uidnext=None, exists=len(self._scan(folder)))

    def pending(
        self, folder: str, above_uid: int, known_keys: Callable[[list[str]], set[str]]
    ) -> list[str]:
        found = self._scan(folder)
        self._baseline[folder] = set(found)
        ordered = sorted(found, key=lambda k: (found[k][0], k))
        return unknown_keys(ordered, known_keys)

    def fetch(self, folder: str, keys: list[str]) -> Iterator[FetchedMessage]:
        found = self._scan(folder)
        for key in keys:
            raw = None
            for attempt in range(2):
                hit = found.get(key)
                if hit is None:
                    break
                try:
                    with open(hit[1], "rb") as fh:
                        # A large message without its attachments: memory stays bounded.
                        raw = read_message(fh, os.fstat(fh.fileno()).st_size)
                    break
                except FileNotFoundError:
                    # Renamed by a mail client (flags changed, new/ -> cur/) since the scan.
                    if attempt == 0:
                        found = self._scan(folder)
                except OSError as exc:
                    raise MailboxError(
                        f"mailbox {self.account!r}: cannot read {hit[1]}: {exc}"
                    ) from None
            if raw is None:
                continue  # deleted by the mailbox owner; nothing left to read
            mtime = found[key][0]
            yield FetchedMessage(
                account=self.account,
                folder=folder,
                key=key,
                uid=None,
                uidvalidity=None,
                raw=raw,
                internal_date=datetime.fromtimestamp(mtime, tz=timezone.utc),
            )

    def wait(self, folder: str, timeout: float, stop: threading.Event | None = None) -> bool:
        """Poll new/ and cur/ until a message key appears that pending() has not listed (True),
        or `timeout` passes or `stop` is set (False)."""
        stop = stop if stop is not None else self.stop
        deadline = time.monotonic() + max(0.0, timeout)
        path = self._check_folder(folder)
        baseline = self._baseline.get(folder)
        if baseline is None:
            baseline = self._baseline[folder] = set(self._scan(folder))
        elif set(self._scan(folder)) - baseline:
            return True
        stamp = self._dir_stamp(path)
        next_check = time.monotonic() + self.poll_interval
        while True:
            now = time.monotonic()
            if now >= deadline or stop_requested(stop):
                return False
            if now >= next_check:
                new_stamp = self._dir_stamp(path)
                # Listing a big cur/ costs; only do it when a directory changed, or when its
                # mtime is so recent that a coarse-grained clock could hide a second change.
                if new_stamp != stamp or self._recent(new_stamp):
                    if set(self._scan(folder)) - baseline:
                        return True
                    stamp = new_stamp
                next_check = time.monotonic() + self.poll_interval
                continue
            pause(min(next_check - now, deadline - now, POLL_STEP_SECONDS), stop)

    @staticmethod
    def _dir_stamp(path: Path) -> tuple[int, int]:
        stamps = []
        for sub in ("new", "cur"):
            try:
                stamps.append((path / sub).stat().st_mtime_ns)
            except FileNotFoundError:
                stamps.append(0)
        return stamps[0], stamps[1]

    @staticmethod
    def _recent(stamp: tuple[int, int]) -> bool:
        return time.time_ns() - max(stamp) < 2_000_000_000

    def append_draft(self, raw: bytes) -> str | None:
        """Deliver `raw` into `.Drafts` the safe Maildir way: write in tmp/, then rename into cur/
        with the D (draft) flag."""
        return self._deliver(self.drafts_folder, raw, "D", "a draft")

    def append_sent(self, raw: bytes) -> str:
        """File a copy of a message the VA sent into `.Sent`, marked seen (S)."""
        return self._deliver(self.sent_folder, raw, "S", "the sent copy")

    def draft_copy(self, message_id: str) -> bytes | None:
        """The message with this Message-ID in .Drafts as it is now, or None."""
        for key in self.find_header(self.drafts_folder, "Message-ID", message_id):
            file = self._scan(self.drafts_folder).get(key)
            if file is not None:
                try:
                    return file[1].read_bytes()
                except FileNotFoundError:
                    continue
        return None

    def remove_draft(self, message_id: str, unchanged) -> bool:
        """Delete scopewatch's own unedited draft from .Drafts, and only there (see ImapSource)."""
        removed = False
        for key in self.find_header(self.drafts_folder, "Message-ID", message_id):
            file = self._scan(self.drafts_folder).get(key)
            if file is None:
                continue
            try:
                if unchanged(file[1].read_bytes()):
                    file[1].unlink()
                    removed = True
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise MailboxError(f"mailbox {self.account!r}: cannot remove the old draft {file[1]}: {exc}") from None
        return removed

    def find_header(self, folder: str, header: str, value: str) -> list[str]:
        """Keys of the messages in `folder` whose `header` contains `value` (case-insensitive), like
        IMAP SEARCH HEADER; a folder that does not exist holds nothing. Reads headers only."""
        from email.parser import BytesHeaderParser
        from email import policy as email_policy

        path = self.folder_path(folder)
        if not (path / "cur").is_dir() and not (path / "new").is_dir():
            return []
        needle = value.strip().lower()
        parser = BytesHeaderParser(policy=email_policy.compat32)
        keys = []
        for key, (_mtime, file) in sorted(self._scan(folder).items()):
            try:
                with open(file, "rb") as fh:
                    head = fh.read(65536).split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise MailboxError(f"mailbox {self.account!r}: cannot read {file}: {exc}") from None
            for v in parser.parsebytes(head).get_all(header, []):
                if needle in " ".join(str(v).split()).lower():
                    keys.append(key)
                    break
        return keys

    def _deliver(self, folder: str, raw: bytes, flag: str, what: str) -> str:
        path = self.folder_path(folder)
        try:
            for sub in ("tmp", "new", "cur"):
                (path / sub).mkdir(parents=True, exist_ok=True)
            marker = path / "maildirfolder"  # Maildir++: marks a subfolder for Dovecot/Courier
            if path != self.root and not marker.exists():
                marker.touch()
            now = time.time()
            host = socket.gethostname().replace("/", r"\057").replace(":", r"\072")
            unique = f"{int(now)}.M{int(now * 1_000_000) % 1_000_000}P{os.getpid()}Q{next(_counter)}.{host}"
            tmp = path / "tmp" / unique
            with open(tmp, "xb") as fh:
                fh.write(raw)
                fh.flush()
                os.fsync(fh.fileno())
            final = path / "cur" / f"{unique},S={len(raw)}:2,{flag}"
            os.rename(tmp, final)
        except OSError as exc:
            raise MailboxError(
                f"mailbox {self.account!r}: cannot save {what} into {path}: {exc}"
            ) from None
        return folder
