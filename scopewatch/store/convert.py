"""Between pipeline dataclasses and ledger rows: text and dates made storable on any database,
the identity that makes a message unique, and rows turned back into plain records."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone

from scopewatch.detect.findings import Finding as DetectedFinding
from scopewatch.store.models import AgreementVersion, Finding, MailboxCursor, Message
from scopewatch.store.records import Cursor, FindingRecord, IncomingMessage, MessageInfo

_MAX_IDENTITY = 900


def storable_text(value: str | None) -> str | None:
    """Text any database accepts: PostgreSQL refuses NUL characters, and neither database can
    store lone surrogates (left over from undecodable mail bytes)."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value.replace("\x00", "\ufffd")


def storable_date(value: datetime | None) -> datetime | None:
    """A mail date that fits in UTC; absurd header dates (year 1 with an offset) become None."""
    if value is None:
        return None
    try:
        return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
    except (OverflowError, ValueError):
        return None


def identity_of_message_id(mid: str) -> str:
    """The ledger identity a Message-ID is stored under (long ones are hashed to fit the column)."""
    mid = storable_text(mid.strip())
    if len(mid) > _MAX_IDENTITY:
        return "mid-sha256:" + hashlib.sha256(mid.encode("utf-8", "surrogatepass")).hexdigest()
    return mid


def message_identity(msg: IncomingMessage) -> str:
    """Message-ID when there is one, else the content hash, else the mailbox key."""
    mid = (msg.parsed.message_id if msg.parsed else None) or msg.result.message_id
    if mid and mid.strip():
        return identity_of_message_id(mid)
    chash = (msg.parsed.content_hash if msg.parsed else None) or msg.content_hash
    if chash:
        return "sha256:" + chash
    # Unreadable and no raw hash given: the key is the only identity there is.
    return f"key:{msg.folder}/{msg.key}"


NEW = object()  # BatchPlan.known_pk of a message stored now or repeating one earlier in the batch


@dataclass
class BatchPlan:
    """What recording a batch will do with each message (indexes into the batch)."""

    known_pk: list  # message pk of a duplicate of something already stored, else NEW
    new: list[int] = field(default_factory=list)  # stored now
    keyed: list[int] = field(default_factory=list)  # their key is marked processed now
    same_as: dict[int, int] = field(default_factory=dict)  # repeats the message at that earlier index


def plan_batch(
    msgs: list[IncomingMessage], identities: list[str], done_keys: dict[tuple, int | None], stored: dict[tuple, int]
) -> BatchPlan:
    """Sort a batch the way recording its messages one by one would: a key already processed or a
    stored identity is a duplicate; so is a key or identity seen earlier in the same batch."""
    plan = BatchPlan(known_pk=[NEW] * len(msgs))
    first_of_key: dict[tuple, int] = {}
    first_of_identity: dict[tuple, int] = {}
    for i, m in enumerate(msgs):
        key, ident = (m.account, m.folder, m.key), (m.account, identities[i])
        if key in done_keys:
            plan.known_pk[i] = done_keys[key]
        elif key in first_of_key:
            plan.same_as[i] = first_of_key[key]
        else:
            first_of_key[key] = i
            plan.keyed.append(i)
            if ident in stored:
                plan.known_pk[i] = stored[ident]
            elif ident in first_of_identity:
                plan.same_as[i] = first_of_identity[ident]
            else:
                first_of_identity[ident] = i
                plan.new.append(i)
    return plan


def message_row(msg: IncomingMessage, pk: int, identity: str, client_id: str | None, now: datetime) -> dict:
    """The `message` table row for one processed message (Core insert values, explicit id)."""
    p, r = msg.parsed, msg.result
    return {
        "id": pk,
        "account": msg.account,
        "identity": identity,
        "message_id": storable_text((p.message_id if p else None) or r.message_id),
        "folder": msg.folder,
        "uid": msg.uid,
        "uidvalidity": msg.uidvalidity,
        "key": msg.key,
        "content_hash": (p.content_hash if p else None) or msg.content_hash,
        "sender": storable_text((p.sender if p else None) or r.sender),
        "subject": storable_text(p.subject if p else r.subject),
        "date": storable_date(p.date) if p else None,
        "client_id": client_id,
        "language": (p.language if p else None) or r.language,
        "verdict": r.verdict,
        "error": storable_text(r.error),
        "new_text": storable_text(p.new_text) if p else None,
        "processed_at": now,
        "sender_name": storable_text(p.sender_name) if p else None,
        "in_reply_to": storable_text(p.in_reply_to) if p else None,
        "thread_references": [storable_text(x) for x in p.references] if p else None,
        "truncated": list(r.truncated) or None,
    }


def finding_row(f: DetectedFinding, pk: int, message_pk: int, version_id: int | None, now: datetime) -> dict:
    """The `finding` table row for one detected finding, status "new" (explicit id)."""
    return {
        "id": pk,
        "message_pk": message_pk,
        "agreement_version_id": version_id,
        "verdict": f.verdict,
        "category": f.category,
        "evidence": storable_text(f.evidence),
        "start": f.start,
        "end": f.end,
        "part": f.part,
        "rules": [storable_text(x) for x in f.rules],
        "scope_item": f.scope_item,
        "scope_item_description": storable_text(f.scope_item_description),
        "scope_item_kind": f.scope_item_kind,
        "confidence": float(f.confidence),
        "review": bool(f.review),
        "explanation": storable_text(f.explanation),
        "matched_terms": [storable_text(x) for x in f.matched_terms],
        "status": "new",
        "created_at": now,
        "work_words": [storable_text(x) for x in f.work_words],
        "work_kinds": list(f.work_kinds),
        "learned_id": f.learned,
    }


def cursor_record(row: MailboxCursor) -> Cursor:
    return Cursor(
        account=row.account,
        folder=row.folder,
        uidvalidity=row.uidvalidity,
        last_uid=row.last_uid,
        last_fetch_at=row.last_fetch_at,
        last_error=row.last_error,
        last_error_at=row.last_error_at,
        backlog=row.backlog,
    )


def message_info(m: Message) -> MessageInfo:
    return MessageInfo(
        message_id=m.message_id,
        sender=m.sender,
        subject=m.subject,
        date=m.date,
        new_text=m.new_text,
        language=m.language,
        account=m.account,
        folder=m.folder,
        verdict=m.verdict,
        key=m.key,
        truncated=tuple(m.truncated or ()),
    )


def finding_record(f: Finding, m: Message, v: AgreementVersion | None) -> FindingRecord:
    return FindingRecord(
        id=f.id,
        status=f.status,
        created_at=f.created_at,
        client=m.client_id,
        message=message_info(m),
        verdict=f.verdict,
        category=f.category,
        evidence=f.evidence,
        start=f.start,
        end=f.end,
        rules=list(f.rules or []),
        scope_item=f.scope_item,
        scope_item_description=f.scope_item_description,
        confidence=f.confidence,
        review=f.review,
        part=f.part,
        scope_item_kind=f.scope_item_kind,
        matched_terms=list(f.matched_terms or []),
        explanation=f.explanation,
        message_pk=m.id,
        agreement_hash=v.content_hash if v is not None else None,
        agreement_path=v.source_path if v is not None else None,
        work_words=list(f.work_words) if f.work_words is not None else None,
        work_kinds=list(f.work_kinds or []),
        learned_id=f.learned_id,
    )
