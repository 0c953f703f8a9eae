"""The ledger side of learning: the learned entries per client (written by `store/decisions.py`),
loaded for detection as plain dataclasses and reloaded only when a client's version counter moved,
listed, forgotten, exported as agreement terms, and the per-rule decision counts (`rules stats`)."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select

from scopewatch.detect.learned import WORK_KIND, ClientKnowledge, LearnedEntry
from scopewatch.errors import NotFoundError
from scopewatch.store.ledger import Ledger, _insert
from scopewatch.store.models import Finding, Learned, LearnedState, Message

__all__ = ["LearnedRecord", "RuleStat", "bump", "entries", "export_yaml", "forget", "knowledge", "rule_stats"]


@dataclass
class LearnedRecord:
    """One learned entry as the VA sees it in `scopewatch learned`."""

    id: int
    client: str
    kind: str
    outcome: str
    category: str | None
    scope_item: str | None
    words: list[str]
    source_verdict: str
    source_category: str | None
    source_items: list[str]
    decision: str
    finding_id: int | None
    decided_on: datetime | None
    evidence: str
    who: str
    created_at: datetime
    uses: int

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("decided_on", "created_at"):
            d[k] = d[k].isoformat() if d[k] else None
        return d


def _record(row: Learned) -> LearnedRecord:
    return LearnedRecord(
        id=row.id, client=row.client_id, kind=row.kind, outcome=row.outcome, category=row.category,
        scope_item=row.scope_item, words=list(row.words or []), source_verdict=row.source_verdict,
        source_category=row.source_category, source_items=list(row.source_items or []), decision=row.decision,
        finding_id=row.finding_id, decided_on=row.decided_on, evidence=row.evidence, who=row.who,
        created_at=row.created_at, uses=row.uses or 0,
    )


_ENTRY_COLUMNS = (Learned.id, Learned.kind, Learned.outcome, Learned.words, Learned.source_verdict,
                  Learned.source_category, Learned.source_items, Learned.category, Learned.scope_item,
                  Learned.finding_id, Learned.decided_on, Learned.decision)


def _entry(row) -> LearnedEntry:
    return LearnedEntry(
        id=row.id, kind=row.kind, outcome=row.outcome, words=frozenset(row.words or ()),
        source_state=(row.source_verdict, row.source_category), source_items=frozenset(row.source_items or ()),
        category=row.category, scope_item=row.scope_item, finding_id=row.finding_id,
        decided_on=row.decided_on, decision=row.decision,
    )


def bump(session, client_id: str) -> None:
    """Raise the client's knowledge version, in the caller's transaction: every worker reloads it."""
    t = LearnedState.__table__
    ins = _insert(session.bind.dialect.name)(t).values(client_id=client_id, version=1)
    session.execute(ins.on_conflict_do_update(index_elements=[t.c.client_id], set_={"version": t.c.version + 1}))


class _Cache:
    """What one process has loaded: client -> (version, knowledge)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.clients: dict[str, ClientKnowledge] = {}


def knowledge(ledger: Ledger) -> dict[str, ClientKnowledge]:
    """Every client's learned knowledge, for `Checker.use_learned`. Cheap to call per batch: one
    small query of the version counters, and a reload only of the clients whose counter moved
    (another worker's decision included)."""
    cache = ledger.__dict__.setdefault("_learned_cache", _Cache())
    with cache.lock, ledger._session() as s:
        versions = dict(s.execute(select(LearnedState.client_id, LearnedState.version)).all())
        stale = [c for c, v in versions.items() if c not in cache.clients or cache.clients[c].version != v]
        for client_id in stale:
            # Plain rows, not ORM objects: a client with thousands of entries loads in milliseconds.
            rows = s.execute(select(*_ENTRY_COLUMNS).where(Learned.client_id == client_id).order_by(Learned.id))
            cache.clients[client_id] = ClientKnowledge(client_id, tuple(_entry(r) for r in rows), versions[client_id])
        for gone in set(cache.clients) - set(versions):
            del cache.clients[gone]
        return dict(cache.clients)


def entries(ledger: Ledger, *, client: str | None = None) -> list[LearnedRecord]:
    """The learned entries, oldest first."""
    q = select(Learned).order_by(Learned.client_id, Learned.id)
    if client is not None:
        q = q.where(Learned.client_id == client)
    with ledger._session() as s:
        return [_record(r) for r in s.scalars(q)]


def forget(ledger: Ledger, entry_id: int) -> LearnedRecord:
    """Remove one learned entry; detection stops using it at every worker's next batch. The
    decision itself stays in the finding's history."""
    with ledger._session(write=True) as s:
        row = s.get(Learned, entry_id)
        if row is None:
            raise NotFoundError(f"no learned entry {entry_id} (list them with `scopewatch learned`)")
        gone = _record(row)
        s.execute(delete(Learned).where(Learned.id == entry_id))
        bump(s, row.client_id)
    return gone


def export_yaml(records: list[LearnedRecord], agreement=None) -> str:
    """The learned phrases as agreement terms per clause, YAML to paste into the agreement: in-scope
    phrases under `deliverables`, confirmed out-of-scope ones under `exclusions`."""
    import yaml

    sections: dict[str, dict[str, list[str]]] = {"deliverables": {}, "exclusions": {}}
    for r in records:
        if r.kind == WORK_KIND or not r.words or not r.scope_item:
            continue
        if r.outcome == "in_scope":
            section = "deliverables"
        elif r.outcome == "out_of_scope" and r.category == "excluded":
            section = "exclusions"
        else:
            continue
        term = " ".join(r.words)
        known = set()
        if agreement is not None and (item := agreement.item(r.scope_item)) is not None:
            known = {t.lower() for t in item.terms}
        if term not in known:
            sections[section].setdefault(r.scope_item, [])
            if term not in sections[section][r.scope_item]:
                sections[section][r.scope_item].append(term)
    doc = {name: [{"id": item, "terms": terms} for item, terms in sorted(items.items())]
           for name, items in sections.items() if items}
    client = records[0].client if records else (agreement.client_id if agreement is not None else "?")
    head = (f"# Learned by scopewatch from your decisions on {client}'s mail. Add these terms to the\n"
            f"# clauses with the same id in scopes/{client}.yaml (multi-word terms match those words in a row;\n"
            f"# keep the ones that read as the client's words for the work), then `scopewatch forget` the entries.\n")
    if not doc:
        return head + "# (nothing learned that belongs in the agreement's terms yet)\n"
    return head + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100)


@dataclass
class RuleStat:
    """How one rule did over the ledger, SpamAssassin hit-frequencies style."""

    rule: str
    fired: int  # findings it took part in
    flagged: int  # of which out of scope
    confirmed: int  # findings the VA confirmed (or took further: drafted, sent, accepted, declined)
    dismissed: int

    @property
    def precision(self) -> float | None:
        decided = self.confirmed + self.dismissed
        return self.confirmed / decided if decided else None

    def to_json(self) -> dict[str, Any]:
        p = self.precision
        return {**asdict(self), "precision": round(p, 3) if p is not None else None}


CONFIRMED = ("confirmed", "drafted", "sent", "accepted", "declined")


def rule_stats(ledger: Ledger, *, client: str | None = None) -> list[RuleStat]:
    """Per rule: findings fired, flagged, confirmed, dismissed, most fired first."""
    q = select(Finding.rules, Finding.verdict, Finding.status).join(Message, Finding.message_pk == Message.id)
    if client is not None:
        q = q.where(Message.client_id == client)
    counts: dict[str, Counter] = {}
    with ledger._session() as s:
        for rules, verdict, status in s.execute(q):
            for rid in dict.fromkeys(rules or ()):
                c = counts.setdefault(rid, Counter())
                c["fired"] += 1
                c["flagged"] += verdict == "out_of_scope"
                c["confirmed"] += status in CONFIRMED
                c["dismissed"] += status == "dismissed"
    stats = [RuleStat(rid, c["fired"], c["flagged"], c["confirmed"], c["dismissed"]) for rid, c in counts.items()]
    return sorted(stats, key=lambda r: (-r.fired, r.rule))


def learned_count(ledger: Ledger, client: str) -> int:
    with ledger._session() as s:
        return s.scalar(select(func.count()).select_from(Learned).where(Learned.client_id == client)) or 0
