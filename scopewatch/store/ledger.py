"""The request ledger: records each processed message exactly once with its findings, keeps the
mailbox cursors and leases, and serves the review side (flags, status changes, reports)."""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta, timezone
from typing import Iterable, Iterator

from sqlalchemy import Engine, case, delete, func, literal, or_, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from scopewatch.agreement.model import Agreement
from scopewatch.errors import NotFoundError, StoreError
from scopewatch.store import db
from scopewatch.store.convert import storable_date, storable_text, cursor_record, finding_record, message_identity
from scopewatch.store.models import (
    AgreementVersion,
    Client,
    Event,
    Finding,
    Lease,
    MailboxCursor,
    Message,
    ProcessedKey,
    UTCDateTime,
    utcnow,
)
from scopewatch.store.records import (
    FINDING_STATUSES,
    Cursor,
    EventRecord,
    FindingRecord,
    IncomingMessage,
    MessageInfo,
    RecordOutcome,
)
from scopewatch.store.report import LedgerReport, ReportRow, build_report

__all__ = [
    "Cursor",
    "EventRecord",
    "FindingRecord",
    "IncomingMessage",
    "Ledger",
    "LedgerReport",
    "MessageInfo",
    "RecordOutcome",
    "FINDING_STATUSES",
]

_KEY_CHUNK = 500  # keys per IN (...) query: well under SQLite's bound-parameter limit
SYSTEM = "scopewatch"  # `who` on events written by the service itself


def _insert(session: Session):
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


class Ledger:
    """One ledger database. Thread-safe: every call opens its own short session."""

    def __init__(self, engine: Engine):
        self._engine = engine
        self._writer = engine.execution_options(**db.WRITE)
        # Clients and agreement versions known to be committed: skips 3-4 statements per record.
        self._known: dict[tuple, object] = {}

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> "Ledger":
        """Open `sqlite:///path` or `postgresql+psycopg://...`, upgrading the schema when `migrate`."""
        engine = db.make_engine(url)
        try:
            if migrate:
                db.upgrade(engine)
            else:
                from alembic.script import ScriptDirectory

                head = ScriptDirectory.from_config(db.alembic_config()).get_current_head()
                current = db.current_revision(engine)
                if current != head:
                    raise StoreError(
                        f"ledger {db.safe_url(url)} is at schema {current or 'none'}, this scopewatch "
                        f"needs {head}: run `scopewatch db upgrade`"
                    )
        except SQLAlchemyError as exc:
            engine.dispose()
            raise StoreError(f"cannot open ledger {db.safe_url(url)}: {db._first_line(exc)}") from None
        except StoreError:
            engine.dispose()
            raise
        return cls(engine)

    def close(self) -> None:
        self._engine.dispose()

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    @contextmanager
    def _session(self, *, write: bool = False) -> Iterator[Session]:
        session = Session(self._writer if write else self._engine, expire_on_commit=False)
        try:
            with session.begin():
                yield session
        except IntegrityError:
            raise
        except SQLAlchemyError as exc:
            raise StoreError(f"ledger database error: {db._first_line(exc)}") from None
        finally:
            session.close()

    # --- processing side ------------------------------------------------------------------

    def cursor(self, account: str, folder: str) -> Cursor | None:
        with self._session() as s:
            row = s.get(MailboxCursor, (account, folder))
            return cursor_record(row) if row is not None else None

    def cursors(self) -> list[Cursor]:
        """Every mailbox folder's cursor, for `scopewatch status`."""
        with self._session() as s:
            rows = s.scalars(select(MailboxCursor).order_by(MailboxCursor.account, MailboxCursor.folder))
            return [cursor_record(r) for r in rows]

    def known_keys(self, account: str, folder: str, keys: list[str]) -> set[str]:
        """Which of `keys` have already been processed in this folder."""
        found: set[str] = set()
        keys = list(dict.fromkeys(keys))
        with self._session() as s:
            for i in range(0, len(keys), _KEY_CHUNK):
                chunk = keys[i : i + _KEY_CHUNK]
                found.update(
                    s.scalars(
                        select(ProcessedKey.key).where(
                            ProcessedKey.account == account,
                            ProcessedKey.folder == folder,
                            ProcessedKey.key.in_(chunk),
                        )
                    )
                )
        return found

    def record(self, msg: IncomingMessage) -> RecordOutcome:
        """Store one processed message, its findings, their first events and the cursor move in one
        transaction. Seen before (same key, Message-ID or content hash): nothing new, duplicate=True."""
        for _attempt in range(5):
            try:
                return self._record_once(msg)
            except IntegrityError:
                # Another worker stored the same message (or key) first; look again.
                continue
        raise StoreError(f"could not record {msg.account}/{msg.folder}/{msg.key}: keeps conflicting")

    def _record_once(self, msg: IncomingMessage) -> RecordOutcome:
        learned: dict[tuple, object] = {}
        with self._session(write=True) as s:
            seen = s.scalar(
                select(ProcessedKey).where(
                    ProcessedKey.account == msg.account,
                    ProcessedKey.folder == msg.folder,
                    ProcessedKey.key == msg.key,
                )
            )
            if seen is not None:
                return RecordOutcome(seen.message_pk, [], True)
            identity = message_identity(msg)
            existing = s.scalar(
                select(Message.id).where(Message.account == msg.account, Message.identity == identity)
            )
            if existing is not None:
                self._mark_processed(s, msg, existing)
                return RecordOutcome(existing, [], True)

            client_id = self._ensure_client(s, msg, learned)
            version_id = self._ensure_agreement_version(s, msg, learned)
            p, r = msg.parsed, msg.result
            message = Message(
                account=msg.account,
                identity=identity,
                message_id=storable_text((p.message_id if p else None) or r.message_id),
                folder=msg.folder,
                uid=msg.uid,
                uidvalidity=msg.uidvalidity,
                key=msg.key,
                content_hash=(p.content_hash if p else None) or msg.content_hash,
                sender=storable_text((p.sender if p else None) or r.sender),
                subject=storable_text(p.subject if p else r.subject),
                date=storable_date(p.date) if p else None,
                client_id=client_id,
                language=(p.language if p else None) or r.language,
                verdict=r.verdict,
                error=storable_text(r.error),
                new_text=storable_text(p.new_text) if p else None,
                sender_name=storable_text(p.sender_name) if p else None,
                in_reply_to=storable_text(p.in_reply_to) if p else None,
                thread_references=[storable_text(x) for x in p.references] if p else None,
            )
            s.add(message)
            s.flush()
            rows = [
                Finding(
                    message_pk=message.id,
                    agreement_version_id=version_id,
                    verdict=f.verdict,
                    category=f.category,
                    evidence=storable_text(f.evidence),
                    start=f.start,
                    end=f.end,
                    part=f.part,
                    rules=[storable_text(x) for x in f.rules],
                    scope_item=f.scope_item,
                    scope_item_description=storable_text(f.scope_item_description),
                    scope_item_kind=f.scope_item_kind,
                    confidence=float(f.confidence),
                    review=bool(f.review),
                    explanation=storable_text(f.explanation),
                    matched_terms=[storable_text(x) for x in f.matched_terms],
                    status="new",
                )
                for f in r.findings
            ]
            s.add_all(rows)
            s.flush()
            s.add_all(
                Event(finding_id=row.id, from_status=None, to_status="new", who=SYSTEM, why="found in mail")
                for row in rows
            )
            self._mark_processed(s, msg, message.id)
            outcome = RecordOutcome(message.id, [row.id for row in rows], False)
        self._known.update(learned)  # only now: a rolled-back insert must not be remembered
        return outcome

    def _mark_processed(self, s: Session, msg: IncomingMessage, message_pk: int) -> None:
        s.add(
            ProcessedKey(
                account=msg.account,
                folder=msg.folder,
                uidvalidity=msg.uidvalidity,
                key=msg.key,
                message_pk=message_pk,
            )
        )
        s.flush()
        if msg.uid is None:
            return  # Maildir: no UIDs, the processed keys are the whole story
        # Messages are recorded oldest first (the source's `pending` order), so the highest UID
        # recorded has every lower pending UID recorded before it.
        t = MailboxCursor.__table__
        ins = _insert(s)(t).values(
            account=msg.account, folder=msg.folder, uidvalidity=msg.uidvalidity, last_uid=msg.uid
        )
        s.execute(
            ins.on_conflict_do_update(
                index_elements=[t.c.account, t.c.folder],
                set_={
                    "last_uid": case(
                        (t.c.last_uid.is_(None), ins.excluded.last_uid),
                        (t.c.last_uid < ins.excluded.last_uid, ins.excluded.last_uid),
                        else_=t.c.last_uid,
                    ),
                    "uidvalidity": func.coalesce(t.c.uidvalidity, ins.excluded.uidvalidity),
                },
                # A key from another UIDVALIDITY must not move this cursor: reset_folder first.
                where=or_(t.c.uidvalidity.is_(None), t.c.uidvalidity == ins.excluded.uidvalidity),
            )
        )

    def _ensure_client(self, s: Session, msg: IncomingMessage, learned: dict) -> str | None:
        a, r = msg.agreement, msg.result
        client_id = r.client or (a.client_id if a else None)
        if not client_id:
            return None
        name = (a.client if a and a.client_id == client_id else None) or r.client_name or client_id
        self._put_client(s, client_id, name, learned)
        return client_id

    def _put_client(self, s: Session, client_id: str, name: str, learned: dict) -> None:
        if ("client", client_id) in self._known:
            return
        s.execute(_insert(s)(Client).values(id=client_id, name=name).on_conflict_do_nothing())
        learned[("client", client_id)] = True

    def _ensure_agreement_version(self, s: Session, msg: IncomingMessage, learned: dict) -> int | None:
        a = msg.agreement
        if a is None:
            if not (msg.result.agreement_hash and msg.result.client):
                return None
            return s.scalar(
                select(AgreementVersion.id).where(
                    AgreementVersion.client_id == msg.result.client,
                    AgreementVersion.content_hash == msg.result.agreement_hash,
                )
            )
        chash = a.content_hash or hashlib.sha256(a.source_text.encode("utf-8")).hexdigest()
        cached = self._known.get(("version", a.client_id, chash))
        if cached is not None:
            return cached  # type: ignore[return-value]
        self._put_client(s, a.client_id, a.client, learned)
        s.execute(
            _insert(s)(AgreementVersion)
            .values(
                client_id=a.client_id,
                content_hash=chash,
                source_text=storable_text(a.source_text),
                source_path=a.source_path,
            )
            .on_conflict_do_nothing()
        )
        version_id = s.scalar(
            select(AgreementVersion.id).where(
                AgreementVersion.client_id == a.client_id, AgreementVersion.content_hash == chash
            )
        )
        learned[("version", a.client_id, chash)] = version_id
        return version_id

    def reset_folder(self, account: str, folder: str, uidvalidity: int) -> None:
        """The folder's UIDVALIDITY changed: start its cursor over. Messages already stored stay;
        re-seen ones are recognised by Message-ID or content hash."""
        with self._session(write=True) as s:
            t = MailboxCursor.__table__
            ins = _insert(s)(t).values(account=account, folder=folder, uidvalidity=uidvalidity, last_uid=None)
            s.execute(
                ins.on_conflict_do_update(
                    index_elements=[t.c.account, t.c.folder],
                    set_={"uidvalidity": uidvalidity, "last_uid": None},
                )
            )
            # Keys embed the old UIDVALIDITY and can never be seen again.
            s.execute(
                delete(ProcessedKey).where(
                    ProcessedKey.account == account,
                    ProcessedKey.folder == folder,
                    ProcessedKey.uidvalidity.is_not(None),
                    ProcessedKey.uidvalidity != uidvalidity,
                )
            )

    def acquire_lease(self, account: str, folder: str, holder: str, ttl: float) -> bool:
        """Take (or renew) the right to work this folder for `ttl` seconds. False when another
        holder's lease has not expired yet."""
        now = utcnow()
        with self._session(write=True) as s:
            t = Lease.__table__
            ins = _insert(s)(t).values(
                account=account, folder=folder, holder=holder, expires_at=now + timedelta(seconds=ttl)
            )
            s.execute(
                ins.on_conflict_do_update(
                    index_elements=[t.c.account, t.c.folder],
                    set_={"holder": ins.excluded.holder, "expires_at": ins.excluded.expires_at},
                    where=or_(t.c.holder == ins.excluded.holder, t.c.expires_at < now),
                )
            )
            current = s.scalar(select(Lease.holder).where(Lease.account == account, Lease.folder == folder))
            return current == holder

    def leases(self) -> list[tuple[str, str, str, datetime]]:
        """(account, folder, holder, expires_at) of every folder lease, live or expired, for status."""
        with self._session() as s:
            rows = s.execute(
                select(Lease.account, Lease.folder, Lease.holder, Lease.expires_at).order_by(Lease.account, Lease.folder)
            )
            return [tuple(r) for r in rows]

    def release_lease(self, account: str, folder: str, holder: str) -> None:
        with self._session(write=True) as s:
            s.execute(
                delete(Lease).where(Lease.account == account, Lease.folder == folder, Lease.holder == holder)
            )

    def note_fetch(
        self, account: str, folder: str, *, ok: bool, error: str | None = None, backlog: int | None = None
    ) -> None:
        """Remember how the last fetch of this folder went, for `scopewatch status`."""
        now = utcnow()
        values: dict = {"last_fetch_at": now} if ok else {"last_error": error or "unknown error", "last_error_at": now}
        if backlog is not None:
            values["backlog"] = backlog
        with self._session(write=True) as s:
            t = MailboxCursor.__table__
            ins = _insert(s)(t).values(account=account, folder=folder, **values)
            s.execute(ins.on_conflict_do_update(index_elements=[t.c.account, t.c.folder], set_=values))

    # --- review side ----------------------------------------------------------------------

    def findings(
        self,
        *,
        client: str | None = None,
        status: str | Iterable[str] | None = None,
        since: date | datetime | None = None,
        message_pk: int | None = None,
        verdict: str | None = None,
    ) -> list[FindingRecord]:
        """Stored findings, oldest mail first; `since` compares with the mail's date."""
        when = func.coalesce(Message.date, Finding.created_at)
        q = (
            select(Finding, Message, AgreementVersion)
            .join(Message, Finding.message_pk == Message.id)
            .outerjoin(AgreementVersion, Finding.agreement_version_id == AgreementVersion.id)
            .order_by(when, Finding.id)
        )
        if client is not None:
            q = q.where(Message.client_id == client)
        if status is not None:
            q = q.where(Finding.status.in_([status] if isinstance(status, str) else list(status)))
        if since is not None:
            if not isinstance(since, datetime):
                since = datetime.combine(since, time(), tzinfo=timezone.utc)
            q = q.where(when >= literal(since, UTCDateTime()))
        if message_pk is not None:
            q = q.where(Finding.message_pk == message_pk)
        if verdict is not None:
            q = q.where(Finding.verdict == verdict)
        with self._session() as s:
            return [finding_record(f, m, v) for f, m, v in s.execute(q)]

    def finding(self, finding_id: int) -> FindingRecord:
        q = (
            select(Finding, Message, AgreementVersion)
            .join(Message, Finding.message_pk == Message.id)
            .outerjoin(AgreementVersion, Finding.agreement_version_id == AgreementVersion.id)
            .where(Finding.id == finding_id)
        )
        with self._session() as s:
            row = s.execute(q).first()
        if row is None:
            raise NotFoundError(f"no finding {finding_id} in the ledger (list them with `scopewatch flags`)")
        return finding_record(*row)

    def set_status(self, finding_id: int, status: str, *, who: str, why: str | None = None) -> FindingRecord:
        """Move a finding to `status`, logging who and why; setting the current status is a no-op."""
        if status not in FINDING_STATUSES:
            raise ValueError(f"unknown finding status {status!r}; known: {', '.join(FINDING_STATUSES)}")
        with self._session(write=True) as s:
            row = s.get(Finding, finding_id)
            if row is None:
                raise NotFoundError(f"no finding {finding_id} in the ledger (list them with `scopewatch flags`)")
            if row.status != status:
                s.add(Event(finding_id=finding_id, from_status=row.status, to_status=status, who=who, why=why))
                row.status = status
        return self.finding(finding_id)

    def events(self, finding_id: int) -> list[EventRecord]:
        with self._session() as s:
            if s.get(Finding, finding_id) is None:
                raise NotFoundError(f"no finding {finding_id} in the ledger (list them with `scopewatch flags`)")
            rows = s.scalars(select(Event).where(Event.finding_id == finding_id).order_by(Event.at, Event.id))
            return [
                EventRecord(e.id, e.finding_id, e.from_status, e.to_status, e.who, e.at, e.why) for e in rows
            ]

    def ledger_report(self, agreement: Agreement, *, today: date | None = None) -> LedgerReport:
        """All requests of this client over the agreement period; see `store/report.py`."""
        today = today or datetime.now(timezone.utc).date()
        day = func.coalesce(Message.date, Message.processed_at)
        with self._session() as s:
            messages = [
                (d.date(), v)
                for d, v in s.execute(
                    select(day, Message.verdict).where(Message.client_id == agreement.client_id)
                )
            ]
            findings = [
                ReportRow(d.date(), st, v, c, item)
                for d, st, v, c, item in s.execute(
                    select(day, Finding.status, Finding.verdict, Finding.category, Finding.scope_item)
                    .join(Message, Finding.message_pk == Message.id)
                    .where(Message.client_id == agreement.client_id)
                )
            ]
        return build_report(agreement, messages, findings, today)
