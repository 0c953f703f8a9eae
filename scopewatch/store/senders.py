"""Which client a sender's earlier mail was filed under: when a client's agreement file cannot be
read at all (a folder, a FIFO, an unreadable file), this still tells that client's new mail apart,
so it gets an error verdict naming the file instead of passing as an unknown sender."""

from __future__ import annotations

from sqlalchemy import select

from scopewatch.store.models import Message


def client_of_sender(ledger, address: str) -> str | None:
    """The client id of the latest stored message from `address` that was filed under a client."""
    address = (address or "").strip().lower()
    if not address:
        return None
    with ledger._session() as s:
        return s.scalar(
            select(Message.client_id)
            .where(Message.sender == address, Message.client_id.is_not(None))
            .order_by(Message.id.desc())
            .limit(1)
        )
