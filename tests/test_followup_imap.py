"""Change requests on a real Dovecot: appended to the SPECIAL-USE Drafts folder with \\Draft, threaded
to the client's mail, never twice; sent detection from Sent read-only; `send` files its copy in Sent
as \\Seen."""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage
from email.utils import make_msgid

import pytest

from scopewatch.draft.service import detect_sent, draft_for_finding, send_finding
from scopewatch.draft.smtp import SmtpSettings
from scopewatch.ingest.imap import ImapSource
from scopewatch.store import followup
from tests.test_digest_smtp import smtp_server  # noqa: F401
from tests.test_followup import MILA, checker, make_workspace, record, sample_outcomes  # noqa: F401

pytestmark = pytest.mark.dovecot

ACCOUNT = "work"


@pytest.fixture
def imap_env(dovecot_server, tmp_path, sample_outcomes, monkeypatch):
    from scopewatch.store.ledger import Ledger
    from scopewatch.workspace import open_workspace

    monkeypatch.delenv("SCOPEWATCH_DATABASE", raising=False)
    user, password = dovecot_server.add_user()
    root = make_workspace(tmp_path)
    ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")
    for (key, raw), out in sample_outcomes:
        record(ledger, key, raw, out, account=ACCOUNT)

    def source(**kw) -> ImapSource:
        src = ImapSource(ACCOUNT, dovecot_server.host, dovecot_server.port, "plain", user, password, timeout=10, **kw)
        src.connect()
        return src

    sources: list[ImapSource] = []

    def make(**kw):
        sources.append(source(**kw))
        return sources[-1]

    yield dovecot_server, user, ledger, open_workspace(root), make
    for s in sources:
        s.close()
    ledger.close()


def finding(ledger, text):
    [f] = [f for f in ledger.findings(verdict="out_of_scope") if text in f.evidence]
    return f


def fetch_all(server, user, folder) -> list[EmailMessage]:
    conn = server.imap(user)
    try:
        conn.select(f'"{folder}"', readonly=True)
        _, data = conn.uid("SEARCH", None, "ALL")
        out = []
        for uid in data[0].split():
            _, parts = conn.uid("FETCH", uid, "(BODY.PEEK[])")
            out.append(email.message_from_bytes(parts[0][1], policy=policy.default))
        return out
    finally:
        conn.logout()


def test_draft_lands_in_special_use_drafts_with_the_draft_flag_once(imap_env):
    server, user, ledger, ws, source = imap_env
    server.create_folder(user, "Drafts")  # \Drafts by SPECIAL-USE; the configured name differs
    f = finding(ledger, "spare bedroom")
    src = source(drafts_folder="Concepten")
    first = draft_for_finding(ledger, ws, f.id, MILA, source=src)
    again = draft_for_finding(ledger, ws, f.id, MILA, source=source(drafts_folder="Concepten"))
    assert first.appended and not again.appended and first.draft.folder == "Drafts"
    assert "Concepten" not in server.folders(user)

    flags = server.flags(user, "Drafts")
    assert len(flags) == 1 and "\\Draft" in next(iter(flags.values()))
    [msg] = fetch_all(server, user, "Drafts")
    original = followup.original_message(ledger, f.message_pk)
    assert msg["Message-ID"] == first.draft.message_id
    assert msg["In-Reply-To"] == original.message_id
    assert msg["References"].split()[-1] == original.message_id
    assert msg["Subject"] == "Re: " + original.subject
    assert ledger.finding(f.id).status == "drafted"


def test_drafts_folder_is_created_under_the_configured_name_when_missing(imap_env):
    server, user, ledger, ws, source = imap_env
    f = finding(ledger, "nieuwsbrief voor ze kunnen maken")
    out = draft_for_finding(ledger, ws, f.id, MILA, source=source(drafts_folder="Concepten"))
    assert out.draft.folder == "Concepten"
    assert len(server.flags(user, "Concepten")) == 1


def test_crash_after_append_is_recognised_on_the_server(imap_env):
    server, user, ledger, ws, source = imap_env
    server.create_folder(user, "Drafts")
    f = finding(ledger, "spare bedroom")
    out = draft_for_finding(ledger, ws, f.id, MILA)  # stored, not in the mailbox
    server.append(user, "Drafts", out.draft.raw, flags="\\Draft")  # appended, then the "crash"
    again = draft_for_finding(ledger, ws, f.id, MILA, source=source())
    assert not again.appended and again.draft.folder == "Drafts"
    assert len(server.flags(user, "Drafts")) == 1


def test_sent_detection_reads_sent_without_changing_it(imap_env):
    server, user, ledger, ws, source = imap_env
    server.create_folder(user, "Drafts")
    server.create_folder(user, "Sent")
    a = finding(ledger, "spare bedroom")
    b = finding(ledger, "nieuwsbrief voor ze kunnen maken")
    da = draft_for_finding(ledger, ws, a.id, MILA, source=source()).draft
    db = draft_for_finding(ledger, ws, b.id, MILA, source=source()).draft
    src = source()
    assert detect_sent(src, ledger) == []

    # a: the VA sent the draft as it was from her mail client (same Message-ID in Sent).
    server.append(user, "Sent", da.raw)
    # b: she rewrote it (new Message-ID) and deleted the draft.
    reply = EmailMessage()
    reply["From"] = "mila@va.example"
    reply["To"] = "anna@bakkerijdevries.example"
    reply["Subject"] = "Re: Idee: nieuwsbrief"
    reply["Message-ID"] = make_msgid(domain="va.example")
    reply["In-Reply-To"] = db.original_message_id
    reply["References"] = db.original_message_id
    reply.set_content("Hoi Anna, een nieuwsbrief doe ik graag als extra werk.")
    server.append(user, "Sent", reply.as_bytes())
    assert detect_sent(src, ledger) == [da.id]  # b's draft is still in Drafts
    conn = server.imap(user)
    try:
        conn.select('"Drafts"')
        _, data = conn.uid("SEARCH", None, "HEADER", "Message-ID", f'"{db.message_id}"')
        conn.uid("STORE", data[0].split()[0], "+FLAGS", "(\\Deleted)")
        conn.expunge()
    finally:
        conn.logout()
    assert detect_sent(src, ledger) == [db.id]
    assert ledger.finding(a.id).status == "sent" and ledger.finding(b.id).status == "sent"
    assert followup.draft_for(ledger, a.id).sent_how == "seen-in-sent"
    assert followup.draft_for(ledger, b.id).sent_how == "reply-in-sent"
    assert all("\\Seen" not in fl for fl in server.flags(user, "Sent").values())  # read with EXAMINE + PEEK


def test_send_files_a_seen_copy_in_sent(imap_env, smtp_server):
    server, user, ledger, ws, source = imap_env
    inbox, port = smtp_server
    f = finding(ledger, "spare bedroom")
    smtp = SmtpSettings("127.0.0.1", port, "plain", timeout=10)
    sent = send_finding(ledger, ws, f.id, MILA, smtp, source=source(), who="mila")
    assert "Sent" in server.folders(user)
    [(uid, fl)] = server.flags(user, "Sent").items()
    assert "\\Seen" in fl
    [copy] = fetch_all(server, user, "Sent")
    assert copy["Message-ID"] == sent.message_id
    assert re.search(rb"Message-ID: " + re.escape(sent.message_id.encode()), inbox.envelopes[0].original_content)
    assert ledger.finding(f.id).status == "sent"
    assert "copy filed in Sent" in ledger.events(f.id)[-1].why
