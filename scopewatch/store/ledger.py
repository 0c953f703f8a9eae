"""The request ledger: records each processed message exactly once with its findings, keeps the
mailbox cursors and leases, and serves the review side (flags, status changes, reports)."""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from functools import lru_cache
from datetime import date, datetime, time, timedelta, timezone
from typing import Callable, Iterable, Iterator

from sqlalchemy import Connection, Engine, Table, bindparam, case, delete, func, insert, literal, or_, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from scopewatch.agreement.model import Agreement
from scopewatch.errors import NotFoundError, StoreError
from scopewatch.store import db
from scopewatch.store.convert import (
    NEW,
    cursor_record,
    finding_record,
    finding_row,
    message_info,
    message_identity,
    message_row,
    plan_batch,
    storable_text,
)
from scopewatch.store.models import (
    AgreementVersion,
    Client,
    Event,
    Finding,
    Lease,
    Learned,
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


def _insert(dialect: str):
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


# The recording path's statements, built once: building a statement costs more than running it.
_PK, _MSG = ProcessedKey.__table__, Message.__table__
_STORED_KEYS = select(_PK.c.key, _PK.c.message_pk).where(
    _PK.c.account == bindparam("account"), _PK.c.folder == bindparam("folder"),
    _PK.c.key.in_(bindparam("keys", expanding=True)),
)
_STORED_IDENTITIES = select(_MSG.c.identity, _MSG.c.id).where(
    _MSG.c.account == bindparam("account"), _MSG.c.identity.in_(bindparam("identities", expanding=True))
)
_TRANSIENT_SQLSTATES = {"40P01", "40001"}  # deadlock_detected, serialization_failure


class _Transient(Exception):
    """A write transaction the database rolled back whole (deadlock): safe to run again."""


_TOP_ID = {t.name: select(func.max(t.c.id)) for t in (Message.__table__, Finding.__table__)}
_COUNT_USE = Learned.__table__.update().where(Learned.__table__.c.id == bindparam("entry")).values(
    uses=Learned.__table__.c.uses + bindparam("n"))
_NEXT_IDS = text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)")


@lru_cache(maxsize=None)
def _cursor_move(dialect: str):
    """Upsert of a folder's cursor to the highest UID recorded (account, folder, uidvalidity, last_uid)."""
    t = MailboxCursor.__table__
    ins = _insert(dialect)(t)
    return ins.on_conflict_do_update(
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

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A write transaction on a plain connection: the recording path needs no ORM session."""
        try:
            with self._writer.begin() as conn:
                yield conn
        except IntegrityError:
            raise
        except DBAPIError as exc:
            # PostgreSQL rolled the whole transaction back to break a deadlock between workers
            # (or a serialization failure): nothing of it was stored, so the caller may try again.
            if getattr(exc.orig, "sqlstate", None) in _TRANSIENT_SQLSTATES:
                raise _Transient(db._first_line(exc)) from exc
            raise StoreError(f"ledger database error: {db._first_line(exc)}") from None
        except SQLAlchemyError as exc:
            raise StoreError(f"ledger database error: {db._first_line(exc)}") from None

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
                return self._record_batch([msg])[0]
            except (IntegrityError, _Transient):
                # Another worker stored the same message (or key) first, or the two deadlocked and
                # this transaction was rolled back; look again.
                continue
        raise StoreError(f"could not record {msg.account}/{msg.folder}/{msg.key}: keeps conflicting")

    def record_many(self, msgs: list[IncomingMessage]) -> list[RecordOutcome]:
        """Store a batch of processed messages in ONE transaction: each with its findings and their
        first events, its processed key, and one cursor move per folder. Per message the outcome is
        what `record` would give: a duplicate (same key, Message-ID or content hash, already stored or
        earlier in this batch) stores nothing new and holds none of the others back. A crash before
        the commit loses the whole batch and nothing else: its keys are simply fetched again."""
        msgs = list(msgs)
        if not msgs:
            return []
        try:
            return self._record_batch(msgs)
        except (IntegrityError, _Transient):
            # A concurrent worker stored some of these first and this batch rolled back whole: one
            # by one now, so each message sees what the other worker stored.
            return [self.record(m) for m in msgs]

    def _record_batch(self, msgs: list[IncomingMessage]) -> list[RecordOutcome]:
        learned: dict[tuple, object] = {}
        now = utcnow()
        with self._write() as conn:
            done_keys = self._stored_keys(conn, msgs)
            identities = [message_identity(m) for m in msgs]
            fresh = [i for i, m in enumerate(msgs) if (m.account, m.folder, m.key) not in done_keys]
            stored = self._stored_identities(conn, [msgs[i] for i in fresh], [identities[i] for i in fresh])
            plan = plan_batch(msgs, identities, done_keys, stored)
            outcomes: list[RecordOutcome | None] = [
                RecordOutcome(pk, [], True) if pk is not NEW else None for pk in plan.known_pk
            ]
            new, keyed, same_as = plan.new, plan.keyed, plan.same_as

            message_rows, finding_rows, finding_owner = [], [], []
            for i, pk in zip(new, self._allocate_ids(conn, Message.__table__, len(new))):
                m = msgs[i]
                client_id = self._ensure_client(conn, m, learned)
                version_id = self._ensure_agreement_version(conn, m, learned)
                message_rows.append(message_row(m, pk, identities[i], client_id, now))
                outcomes[i] = RecordOutcome(pk, [], False)
                for f in m.result.findings:
                    finding_rows.append((f, pk, version_id))
                    finding_owner.append(i)
            finding_ids = self._allocate_ids(conn, Finding.__table__, len(finding_rows))
            finding_rows = [finding_row(f, fid, pk, vid, now) for fid, (f, pk, vid) in zip(finding_ids, finding_rows)]
            for i, fid in zip(finding_owner, finding_ids):
                outcomes[i].finding_ids.append(fid)  # type: ignore[union-attr]
            for i, j in same_as.items():  # ascending, so j is settled already
                outcomes[i] = RecordOutcome(outcomes[j].message_pk, [], True)  # type: ignore[union-attr]

            if message_rows:
                conn.execute(insert(Message.__table__), message_rows)
            if finding_rows:
                conn.execute(insert(Finding.__table__), finding_rows)
                conn.execute(
                    insert(Event.__table__),
                    [
                        {"finding_id": fid, "from_status": None, "to_status": "new", "who": SYSTEM,
                         "why": "found in mail", "at": now}
                        for fid in finding_ids
                    ],
                )
            self._mark_processed(conn, [(msgs[i], outcomes[i].message_pk) for i in keyed], now)  # type: ignore[union-attr]
            self._count_learned_uses(conn, [msgs[i] for i in new])
        self._known.update(learned)  # only now: a rolled-back insert must not be remembered
        return outcomes  # type: ignore[return-value]

    @staticmethod
    def _count_learned_uses(conn: Connection, msgs: list[IncomingMessage]) -> None:
        """Each learned entry that decided a request of a newly stored message has decided once more."""
        uses: dict[int, int] = {}
        for m in msgs:
            for entry_id in m.result.learned_uses:
                uses[entry_id] = uses.get(entry_id, 0) + 1
        for entry_id, n in sorted(uses.items()):
            conn.execute(_COUNT_USE, {"entry": entry_id, "n": n})

    def _stored_keys(self, conn: Connection, msgs: list[IncomingMessage]) -> dict[tuple, int | None]:
        """(account, folder, key) -> message pk, for the keys of `msgs` already processed."""
        groups: dict[tuple[str, str], list[str]] = {}
        for m in msgs:
            groups.setdefault((m.account, m.folder), []).append(m.key)
        found: dict[tuple, int | None] = {}
        for (account, folder), keys in groups.items():
            keys = list(dict.fromkeys(keys))
            for i in range(0, len(keys), _KEY_CHUNK):
                params = {"account": account, "folder": folder, "keys": keys[i : i + _KEY_CHUNK]}
                found.update(((account, folder, key), pk) for key, pk in conn.execute(_STORED_KEYS, params))
        return found

    def _stored_identities(self, conn: Connection, msgs: list[IncomingMessage], identities: list[str]) -> dict[tuple, int]:
        """(account, identity) -> message pk, for the messages of `msgs` already stored."""
        groups: dict[str, list[str]] = {}
        for m, ident in zip(msgs, identities):
            groups.setdefault(m.account, []).append(ident)
        found: dict[tuple, int] = {}
        for account, idents in groups.items():
            idents = list(dict.fromkeys(idents))
            for i in range(0, len(idents), _KEY_CHUNK):
                params = {"account": account, "identities": idents[i : i + _KEY_CHUNK]}
                found.update(((account, ident), pk) for ident, pk in conn.execute(_STORED_IDENTITIES, params))
        return found

    def _allocate_ids(self, conn: Connection, table: Table, n: int) -> list[int]:
        """`n` fresh primary keys for `table`, so a batch's rows can refer to each other without a
        round trip per row."""
        if n == 0:
            return []
        if conn.dialect.name == "postgresql":
            return list(conn.execute(_NEXT_IDS, {"t": table.name, "n": n}).scalars())
        # SQLite: every recording transaction begins IMMEDIATE and so holds the database's single
        # write lock until it commits; no other writer can insert between this read and ours.
        top = conn.execute(_TOP_ID[table.name]).scalar() or 0
        return list(range(top + 1, top + 1 + n))

    def _mark_processed(self, conn: Connection, keyed: list[tuple[IncomingMessage, int | None]], now: datetime) -> None:
        """Write the processed keys and move each folder's cursor once."""
        if not keyed:
            return
        conn.execute(
            insert(ProcessedKey.__table__),
            [
                {"account": m.account, "folder": m.folder, "uidvalidity": m.uidvalidity, "key": m.key,
                 "message_pk": pk, "processed_at": now}
                for m, pk in keyed
            ],
        )
        # Messages are recorded oldest first (the source's `pending` order), so the highest UID
        # recorded has every lower pending UID recorded before it. Maildir has no UIDs: the
        # processed keys are the whole story there.
        tops: dict[tuple, int] = {}
        for m, _pk in keyed:
            if m.uid is not None:
                where = (m.account, m.folder, m.uidvalidity)
                tops[where] = max(tops.get(where, m.uid), m.uid)
        move = _cursor_move(conn.dialect.name)
        for (account, folder, uidvalidity), uid in tops.items():  # in order of first appearance
            conn.execute(move, {"account": account, "folder": folder, "uidvalidity": uidvalidity, "last_uid": uid})

    def _ensure_client(self, conn: Connection, msg: IncomingMessage, learned: dict) -> str | None:
        a, r = msg.agreement, msg.result
        client_id = r.client or (a.client_id if a else None)
        if not client_id:
            return None
        name = (a.client if a and a.client_id == client_id else None) or r.client_name or client_id
        self._put_client(conn, client_id, name, learned)
        return client_id

    def _put_client(self, conn: Connection, client_id: str, name: str, learned: dict) -> None:
        if ("client", client_id) in self._known or ("client", client_id) in learned:
            return
        conn.execute(_insert(conn.dialect.name)(Client).values(id=client_id, name=name).on_conflict_do_nothing())
        learned[("client", client_id)] = True

    def _ensure_agreement_version(self, conn: Connection, msg: IncomingMessage, learned: dict) -> int | None:
        a = msg.agreement
        if a is None:
            if not (msg.result.agreement_hash and msg.result.client):
                return None
            chash, client_id = msg.result.agreement_hash, msg.result.client
        else:
            chash = a.content_hash or hashlib.sha256(a.source_text.encode("utf-8")).hexdigest()
            client_id = a.client_id
        cached = self._known.get(("version", client_id, chash)) or learned.get(("version", client_id, chash))
        if cached is not None:
            return cached  # type: ignore[return-value]
        if a is not None:
            self._put_client(conn, a.client_id, a.client, learned)
            conn.execute(
                _insert(conn.dialect.name)(AgreementVersion)
                .values(
                    client_id=a.client_id,
                    content_hash=chash,
                    source_text=storable_text(a.source_text),
                    source_path=a.source_path,
                    first_seen=utcnow(),
                )
                .on_conflict_do_nothing()
            )
        version_id = conn.execute(
            select(AgreementVersion.id).where(
                AgreementVersion.client_id == client_id, AgreementVersion.content_hash == chash
            )
        ).scalar()
        if version_id is not None:
            learned[("version", client_id, chash)] = version_id
        return version_id

    def reset_folder(self, account: str, folder: str, uidvalidity: int) -> None:
        """The folder's UIDVALIDITY changed: start its cursor over. Messages already stored stay;
        re-seen ones are recognised by Message-ID or content hash."""
        with self._session(write=True) as s:
            t = MailboxCursor.__table__
            ins = _insert(self.dialect)(t).values(account=account, folder=folder, uidvalidity=uidvalidity, last_uid=None)
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

    def acquire_lease(self, account: str, folder: str, holder: str, ttl: float,
                      holder_is_dead: Callable[[str], bool] | None = None) -> bool:
        """Take (or renew) the right to work this folder for `ttl` seconds. False when another
        holder's lease has not expired yet, unless `holder_is_dead` says that holder is gone (a
        process of this host killed with -9): then its lease is taken over at once."""
        now = utcnow()
        with self._session(write=True) as s:
            t = Lease.__table__
            ins = _insert(self.dialect)(t).values(
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
            if current not in (None, holder) and holder_is_dead is not None and holder_is_dead(current):
                taken = s.execute(
                    update(Lease)
                    .where(Lease.account == account, Lease.folder == folder, Lease.holder == current)
                    .values(holder=holder, expires_at=now + timedelta(seconds=ttl))
                )
                if taken.rowcount == 1:
                    return True
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
            ins = _insert(self.dialect)(t).values(account=account, folder=folder, **values)
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

    def truncated_messages(self, *, since: datetime | None = None, found_after: datetime | None = None) -> list[MessageInfo]:
        """Messages not read in full (a limit was reached), mail dated from `since` and recorded
        after `found_after`, oldest first: the digest lists them so a missed request is looked at."""
        when = func.coalesce(Message.date, Message.processed_at)
        q = select(Message).where(Message.truncated.is_not(None)).order_by(when, Message.id)
        if since is not None:
            q = q.where(when >= literal(since, UTCDateTime()))
        if found_after is not None:
            q = q.where(Message.processed_at > literal(found_after, UTCDateTime()))
        with self._session() as s:
            return [message_info(m) for m in s.scalars(q) if m.truncated]

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
            rows = list(s.execute(
                select(Finding.id, day, Finding.status, Finding.verdict, Finding.category, Finding.scope_item)
                .join(Message, Finding.message_pk == Message.id)
                .where(Message.client_id == agreement.client_id)
            ))
        # Drafted is confirmed only when a person confirmed it (auto_draft = "all" drafts alone).
        from scopewatch.store.decisions import confirmed_by_va

        by_va = confirmed_by_va(self, [fid for fid, _d, st, v, _c, _i in rows if st == "drafted" and v == "out_of_scope"])
        findings = [
            ReportRow(d.date(), st, v, c, item,
                      confirmed=st in ("confirmed", "sent", "accepted", "declined") or (st == "drafted" and fid in by_va))
            for fid, d, st, v, c, item in rows
        ]
        return build_report(agreement, messages, findings, today)
