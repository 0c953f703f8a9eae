"""Replacing a copy in the mailbox's Drafts, exactly once: the new version is appended (unless it is
there already), the earlier copy removed (only in Drafts, only when its text is one scopewatch
knows, or any text once the VA confirmed), and then the owner records the result and the journal
entry (store/swaps.py) is closed in one transaction. A crash at any step leaves the journal entry,
and `resume` carries it on: at most one copy ever stays in Drafts.

Any kind of copy can use it: register an `Owner` for its kind ("draft" is a change-request reply,
see draft/versions.py) that says whether the replacement is still wanted and how to record it."""

from __future__ import annotations

import logging
import os
import socket
import uuid
from dataclasses import dataclass
from typing import Any, Callable

from scopewatch.errors import MailboxError
from scopewatch.parse.body import text_digest
from scopewatch.store import swaps
from scopewatch.store.ledger import SYSTEM, Ledger
from scopewatch.store.swaps import Swap

log = logging.getLogger(__name__)

_TOKEN = uuid.uuid4().hex[:8]


def holder() -> str:
    """This process as a claim's holder: host:pid:random, as folder leases name theirs, so the
    claim of a process killed on this host is seen as dead at once."""
    return f"{socket.gethostname()}:{os.getpid()}:{_TOKEN}"


def _holder_is_dead(holder: str) -> bool:
    from scopewatch.service.health import holder_is_dead  # the same judgement folder leases use

    return holder_is_dead(holder)


@dataclass(frozen=True)
class Owner:
    """What a kind of copy tells the mechanism. `wanted(ledger, swap)`: is the replacement still
    wanted (False: the owner was sent or withdrawn, the journal entry is dropped and nothing is
    appended); `finish(ledger, swap, folder, who)`: record the new copy in `folder` and close the
    entry (store: `swaps.done` in the same transaction)."""

    kind: str
    wanted: Callable[[Ledger, Swap], bool]
    finish: Callable[[Ledger, Swap, str, str], Any]


OWNERS: dict[str, Owner] = {}


def register(owner: Owner) -> None:
    OWNERS[owner.kind] = owner


def drafts_folder(source: Any) -> str:
    name = getattr(source, "drafts_folder_name", None)
    return name() if callable(name) else source.drafts_folder


def removable(swap: Swap) -> Callable[[bytes], bool]:
    """Which earlier copies may go: any text with `remove_any`, else only a text scopewatch wrote
    or the VA saw before she saved (never an edit made in her mail program since)."""
    if swap.remove_any:
        return lambda raw: True
    known = set(swap.remove_digests)
    return lambda raw: text_digest(raw) in known


@dataclass
class Carried:
    folder: str
    appended: bool  # the new version was appended now (False: it was there already)
    removed: list[str]  # Message-IDs of earlier copies removed now
    left: list[str]  # earlier copies left in Drafts because they were changed since (both stay)


def carry_out(ledger: Ledger, source: Any, swap: Swap, *, who: str = SYSTEM) -> Carried | None:
    """Do one journalled replacement in `source`'s Drafts and record it. None when another process
    holds it right now, or it is no longer wanted (then it is dropped). MailboxError propagates
    with the entry released, to be resumed later."""
    owner = OWNERS.get(swap.owner_kind)
    if owner is None:
        log.warning("mailbox swap %s: no handler for %r; left for a scopewatch that knows it", swap.id, swap.owner)
        return None
    taken = swaps.claim(ledger, swap.id, holder(), holder_is_dead=_holder_is_dead)
    if taken is None:
        return None
    try:
        if not owner.wanted(ledger, taken):
            swaps.drop(ledger, taken.id)
            return None
        folder = drafts_folder(source)
        appended = False
        if not source.find_header(folder, "Message-ID", taken.new_message_id):
            folder = source.append_draft(taken.new_raw) or folder
            appended = True
        removed, left = [], []
        may_go = removable(taken)
        for old in taken.old_message_ids:
            if old == taken.new_message_id:
                continue
            if source.remove_draft(old, may_go):
                removed.append(old)
            elif source.draft_copy(old) is not None:
                left.append(old)  # changed in the mail program since: never thrown away unseen
    except BaseException:
        swaps.release(ledger, taken.id, holder())
        raise
    owner.finish(ledger, taken, folder, who)
    return Carried(folder, appended, removed, left)


def resume(ledger: Ledger, source: Any, *, who: str = SYSTEM) -> list[int]:
    """Carry on every replacement journalled for this mailbox (after a crash, or one the page or a
    command could not finish because the mailbox was unreachable). Returns the swap ids done."""
    done = []
    for swap in swaps.pending(ledger, account=source.account):
        try:
            if carry_out(ledger, source, swap, who=who) is not None:
                done.append(swap.id)
        except MailboxError:
            raise  # the caller reconnects; the entry waits
    if done:
        log.info("%s: %d cop%s in Drafts replaced by the newer version", source.account, len(done),
                 "ies" if len(done) != 1 else "y")
    return done
