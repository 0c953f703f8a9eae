"""Drafts follow the VA's decisions on a real Dovecot: a new request of a mail that has a reply in
Drafts updates that reply (the new version appended, the old one removed), `dismiss` takes an
unedited draft out of Drafts, a draft the VA edited is never touched, client mail never is, and
every change is an event in the findings' history."""

from __future__ import annotations

import email
from email import policy

import pytest

from scopewatch.draft.service import body_text, draft_for_finding, edit_draft, withdraw
from scopewatch.store import followup
from tests.test_followup import MILA, checker, sample_outcomes  # noqa: F401
from tests.test_followup_imap import fetch_all, imap_env  # noqa: F401

pytestmark = pytest.mark.dovecot


def _same_mail_pair(ledger):
    """Two out-of-scope findings of one client mail (the sample's "Paint for the landing")."""
    by_mail: dict[int, list] = {}
    for f in ledger.findings(verdict="out_of_scope"):
        by_mail.setdefault(f.message_pk, []).append(f)
    pair = next(fs for fs in by_mail.values() if len(fs) == 2 and fs[0].message.subject == "Paint for the landing")
    return pair


def test_a_new_request_of_the_same_mail_replaces_its_reply_in_drafts(imap_env):
    server, user, ledger, ws, source = imap_env
    server.create_folder(user, "Drafts")
    first, second = _same_mail_pair(ledger)
    # the VA set the second one aside at first, so the reply answered only the first
    ledger.set_status(second.id, "dismissed", who="mila")
    old = draft_for_finding(ledger, ws, first.id, MILA, source=source()).draft
    assert old.finding_ids == [first.id] and len(fetch_all(server, user, "Drafts")) == 1
    # then she changed her mind: confirmed, and drafted
    ledger.set_status(second.id, "confirmed", who="mila", why="it is extra after all")
    out = draft_for_finding(ledger, ws, second.id, MILA, source=source(), who="mila")
    new = out.draft
    assert new.id == old.id and new.message_id != old.message_id
    assert sorted(new.finding_ids) == sorted([first.id, second.id])
    [msg] = fetch_all(server, user, "Drafts")  # one reply per mail: the old version is gone
    assert msg["Message-ID"] == new.message_id
    text = msg.get_body(("plain",)).get_content()
    assert second.evidence.split()[0] in text and "A few of the things you asked for" in text
    assert ledger.finding(second.id).status == "drafted"
    for f in (first, second):
        whys = [e.why or "" for e in ledger.events(f.id)]
        assert any(f"replaces {old.message_id}" in w for w in whys), whys


def test_dismiss_takes_the_unedited_draft_out_of_drafts_and_leaves_client_mail_alone(imap_env):
    server, user, ledger, ws, source = imap_env
    server.create_folder(user, "Drafts")
    f = next(f for f in ledger.findings(verdict="out_of_scope") if "spare bedroom" in f.evidence)
    d = draft_for_finding(ledger, ws, f.id, MILA, source=source()).draft
    # a client mail that even carries the same Message-ID sits in the INBOX: it must not be touched
    raw = d.raw.replace(b"Subject: Re:", b"Subject: Fwd:")
    server.append(user, "INBOX", raw)
    inbox_before = server.flags(user, "INBOX")
    ledger.set_status(f.id, "dismissed", who="mila", why="agreed by phone")
    line = withdraw(ledger, ws, f.id, MILA, source=source(), who="mila")
    assert line == "its draft was removed from Drafts"
    assert fetch_all(server, user, "Drafts") == []
    assert server.flags(user, "INBOX") == inbox_before and len(fetch_all(server, user, "INBOX")) == len(inbox_before)
    assert followup.draft_for(ledger, f.id) is None
    assert ledger.events(f.id)[-1].why == f"finding {f.id} dismissed: draft {d.message_id} removed from Drafts"


def test_a_draft_the_va_edited_is_kept_and_reported(imap_env):
    server, user, ledger, ws, source = imap_env
    server.create_folder(user, "Drafts")
    f = next(f for f in ledger.findings(verdict="out_of_scope") if "spare bedroom" in f.evidence)
    d = draft_for_finding(ledger, ws, f.id, MILA, source=source()).draft
    # edited in her mail program: the copy in Drafts is no longer what scopewatch wrote
    conn = server.imap(user)
    try:
        conn.select('"Drafts"')
        conn.uid("STORE", "1:*", "+FLAGS", "(\\Deleted)")
        conn.expunge()
    finally:
        conn.logout()
    edited = d.raw.replace(b"Best regards,", b"Speak soon,")
    server.append(user, "Drafts", edited, flags="\\Draft")
    ledger.set_status(f.id, "dismissed", who="mila")
    line = withdraw(ledger, ws, f.id, MILA, source=source(), who="mila")
    assert "was edited by you, so it stays in Drafts" in line
    [msg] = fetch_all(server, user, "Drafts")
    assert "Speak soon," in msg.get_body(("plain",)).get_content()
    assert followup.draft_for(ledger, f.id) is not None

    # edited with scopewatch itself: also kept
    g = next(x for x in ledger.findings(verdict="out_of_scope") if "front door" in x.evidence)
    draft_for_finding(ledger, ws, g.id, MILA, source=source())
    edit_draft(ledger, ws, g.id, MILA, "Hi Claire,\n\nLet us talk about the door on Monday.\n\nMila", who="mila")
    ledger.set_status(g.id, "dismissed", who="mila")
    assert "was edited by you" in withdraw(ledger, ws, g.id, MILA, source=source(), who="mila")
    assert len(fetch_all(server, user, "Drafts")) == 2
