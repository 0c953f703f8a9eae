"""What every mailbox source hands to the pipeline: the fetched message, a folder's state, and the
MailSource protocol that IMAP and Maildir sources both implement."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterator, Protocol, runtime_checkable

# known_keys callbacks are asked in slices of this size so a huge first backlog never turns into
# one enormous SQL IN (...) clause.
KNOWN_KEYS_CHUNK = 500


@dataclass(frozen=True)
class FetchedMessage:
    account: str  # mailbox name from the config
    folder: str  # "INBOX", or the Maildir subfolder name ("" for the top Maildir)
    key: str  # IMAP "<uidvalidity>:<uid>"; Maildir: the unique file name part (before ":2,")
    uid: int | None  # IMAP UID; None for Maildir
    uidvalidity: int | None  # IMAP UIDVALIDITY; None for Maildir
    raw: bytes
    internal_date: datetime | None = None


@dataclass(frozen=True)
class FolderState:
    uidvalidity: int | None
    uidnext: int | None
    exists: int


@runtime_checkable
class MailSource(Protocol):
    account: str
    supports_idle: bool

    def connect(self) -> None: ...

    def close(self) -> None: ...

    def folder_state(self, folder: str) -> FolderState: ...

    def pending(
        self, folder: str, above_uid: int, known_keys: Callable[[list[str]], set[str]]
    ) -> list[str]: ...

    def fetch(self, folder: str, keys: list[str]) -> Iterator[FetchedMessage]: ...

    def wait(self, folder: str, timeout: float) -> bool: ...

    def append_draft(self, raw: bytes) -> str | None: ...


def unknown_keys(keys: list[str], known_keys: Callable[[list[str]], set[str]]) -> list[str]:
    """The keys the ledger has not processed yet, in the order given."""
    known: set[str] = set()
    for start in range(0, len(keys), KNOWN_KEYS_CHUNK):
        chunk = keys[start : start + KNOWN_KEYS_CHUNK]
        known |= set(known_keys(chunk))
    return [k for k in keys if k not in known]


def stop_requested(stop: threading.Event | None) -> bool:
    return stop is not None and stop.is_set()


def pause(seconds: float, stop: threading.Event | None) -> None:
    """Sleep between polls, waking at once when the service is asked to stop."""
    if stop is not None:
        stop.wait(seconds)
    else:
        time.sleep(seconds)
