"""The digest built from the ledger (its numbers checked against the ledger report), sent on a
time-zone-aware schedule through a real SMTP server once per slot, a change request sent by SMTP
with its copy in Sent, and hostile client text through the whole path."""

from __future__ import annotations

import email
from datetime import datetime, timedelta, timezone
from email import policy
from zoneinfo import ZoneInfo

import pytest

from scopewatch.digest.build import OPEN, Schedule, build_digest, send_digest_if_due
from scopewatch.draft.service import draft_for_finding, send_finding
from scopewatch.draft.smtp import SmtpSettings
from scopewatch.errors import ConfigError, MessageError
from scopewatch.store import followup
from scopewatch.store.ledger import Ledger
from tests.test_digest_smtp import smtp_server  # noqa: F401  real aiosmtpd on 127.0.0.1
from tests.test_followup import MILA, drafts_in, env, checker, record, sample_outcomes  # noqa: F401

AMS = ZoneInfo("Europe/Amsterdam")


def plain(port: int) -> SmtpSettings:
    return SmtpSettings(host="127.0.0.1", port=port, security="plain", timeout=10)


def delivered(inbox) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(e.original_content, policy=policy.default) for e in inbox.envelopes]


# --- building -------------------------------------------------------------------------------------


def test_digest_numbers_match_the_ledger(env):
    ws = env.workspace
    now = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
    d = build_digest(env.ledger, ws, va_name="Mila", now=now)
    stored = env.ledger.findings()
    by_client = {c.client_id: c for c in d.clients}
    assert set(by_client) == {f.client for f in stored if f.client}
    for client_id, c in by_client.items():
        mine = [f for f in stored if f.client == client_id]
        open_out = [f for f in mine if f.verdict == "out_of_scope" and f.status in OPEN]
        to_check = [f for f in open_out if f.review and f.status == "new"]
        assert sorted(i.finding_id for i in c.flagged) == sorted(f.id for f in open_out if f not in to_check)
        assert sorted(i.finding_id for i in c.checks) == sorted(f.id for f in to_check)
        assert c.in_scope_count == sum(1 for f in mine if f.verdict == "in_scope")
        report = env.ledger.ledger_report(ws.agreements[client_id], today=now.date())
        assert c.totals == report.by_category and sum(c.totals.values()) == report.out_of_scope
        assert [(u.item_id, u.used, u.limit) for u in c.limits] == [(u.item, u.asked, u.limit) for u in report.usage]
        assert c.extra_value == report.extra_value
        assert c.client_name == ws.agreements[client_id].client


def test_a_confirmed_check_item_moves_out_of_to_check(env):
    checks = [f for f in env.ledger.findings(verdict="out_of_scope") if f.review and f.status == "new"]
    assert checks, "the sample has no low-confidence finding"
    f = checks[0]
    before = build_digest(env.ledger, env.workspace)
    assert f.id in {i.finding_id for c in before.clients for i in c.checks}
    env.ledger.set_status(f.id, "confirmed", who="mila", why="yes, that is extra")
    after = build_digest(env.ledger, env.workspace)
    assert f.id not in {i.finding_id for c in after.clients for i in c.checks}
    assert f.id in {i.finding_id for c in after.clients for i in c.flagged}


def test_the_digest_says_when_a_mailbox_was_not_read(env):
    from scopewatch.daemon import silent_gaps
    from scopewatch.digest.model import Watching

    env.ledger.note_fetch("work", "INBOX", ok=True)
    now = datetime.now(timezone.utc)
    watching = Watching(stale_after=600, folders=[("work", "INBOX"), ("work", "Clients")])
    fresh = build_digest(env.ledger, env.workspace, now=now + timedelta(minutes=5), watching=watching)
    assert fresh.silent == []  # read 5 minutes ago; Clients never read at all is a setup matter
    later = build_digest(env.ledger, env.workspace, now=now + timedelta(minutes=30), watching=watching)
    assert [(s.account, s.folder, s.until) for s in later.silent] == [("work", "INBOX", None)]
    last = {(c.account, c.folder): c.last_fetch_at for c in env.ledger.cursors()}
    gaps = silent_gaps(last, [("work", "INBOX")], 600, now=now + timedelta(hours=2))
    assert [(g.folder, g.until) for g in gaps] == [("INBOX", now + timedelta(hours=2))]
    assert silent_gaps(last, [("work", "INBOX")], 600, now=now + timedelta(minutes=1)) == []


def test_digest_shows_draft_ready_and_leaves_out_settled_findings(env):
    a = env.finding_by_text("spare bedroom")
    b = env.finding_by_text("front door")
    draft_for_finding(env.ledger, env.workspace, a.id, MILA, source=env.source())
    env.ledger.set_status(b.id, "dismissed", who="mila", why="agreed by phone")
    d = build_digest(env.ledger, env.workspace)
    items = {i.finding_id: i for c in d.clients for i in c.flagged + c.checks}
    assert items[a.id].draft_ready is True
    assert b.id not in items
    assert all(not i.draft_ready for fid, i in items.items() if fid != a.id)


def test_digest_since_keeps_mail_from_that_day_on(env):
    d = build_digest(env.ledger, env.workspace, since=datetime(2026, 2, 15, tzinfo=timezone.utc))
    ids = {i.finding_id for c in d.clients for i in c.flagged + c.checks}
    assert ids
    for f in env.ledger.findings(verdict="out_of_scope"):
        assert (f.id in ids) == (f.message.date >= datetime(2026, 2, 15, tzinfo=timezone.utc) and f.status in OPEN)


def test_cli_digest_print_and_html(env, tmp_path):
    res = env.run("digest")
    assert res.exit_code == 0, res.output
    assert "scopewatch confirm" in res.output and "Bakkerij de Vries" in res.output
    out = tmp_path / "digest.html"
    res = env.run("digest", "--html", str(out))
    assert res.exit_code == 0, res.output
    html = out.read_text()
    assert html.lstrip().lower().startswith("<!doctype html") and "Claire" in html


# --- the schedule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "local, frequency, slot",
    [
        (datetime(2026, 11, 26, 7, 59, tzinfo=AMS), "daily", None),
        (datetime(2026, 11, 26, 8, 0, tzinfo=AMS), "daily", "2026-11-26"),
        (datetime(2026, 11, 26, 23, 30, tzinfo=AMS), "daily", "2026-11-26"),  # 22:30 UTC, still the 26th there
        (datetime(2026, 11, 28, 9, 0, tzinfo=AMS), "weekdays", None),  # a Saturday
        (datetime(2026, 11, 23, 7, 0, tzinfo=AMS), "weekly", None),  # Monday before eight
        (datetime(2026, 11, 23, 8, 5, tzinfo=AMS), "weekly", "2026-W48"),
        (datetime(2026, 11, 27, 8, 5, tzinfo=AMS), "weekly", "2026-W48"),  # a restart later that week
        (datetime(2026, 3, 29, 8, 0, tzinfo=AMS), "daily", "2026-03-29"),  # the day summer time starts
        (datetime(2026, 11, 26, 9, 0, tzinfo=AMS), "off", None),
    ],
)
def test_schedule_slots_follow_the_local_clock(local, frequency, slot):
    s = Schedule(time="08:00", timezone="Europe/Amsterdam", frequency=frequency)
    assert s.due_slot(local.astimezone(timezone.utc)) == slot


def test_bad_schedule_settings_are_config_errors():
    with pytest.raises(ConfigError):
        Schedule(timezone="Mars/Olympus").due_slot(datetime.now(timezone.utc))
    with pytest.raises(ConfigError):
        Schedule(time="8 uur").due_slot(datetime.now(timezone.utc))


def test_scheduled_digest_is_sent_once_per_slot_even_after_a_restart(env, smtp_server):
    inbox, port = smtp_server
    schedule = Schedule("08:00", "Europe/Amsterdam", "daily")
    before = datetime(2026, 11, 26, 7, 59, tzinfo=AMS)
    at = datetime(2026, 11, 26, 8, 1, tzinfo=AMS)
    kw = dict(to="mila@va.example", from_="scopewatch@va.example", va_name="Mila")
    assert send_digest_if_due(env.ledger, env.workspace, plain(port), schedule, now=before, **kw) is None
    assert send_digest_if_due(env.ledger, env.workspace, plain(port), schedule, now=at, **kw) == "2026-11-26"
    assert send_digest_if_due(env.ledger, env.workspace, plain(port), schedule, now=at + timedelta(minutes=5), **kw) is None
    restarted = Ledger.open(env.url)
    try:
        assert send_digest_if_due(restarted, env.workspace, plain(port), schedule, now=at + timedelta(hours=1), **kw) is None
    finally:
        restarted.close()
    [msg] = delivered(inbox)
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert inbox.envelopes[0].rcpt_tos == ["mila@va.example"]
    text = msg.get_body(("plain",)).get_content()
    n_open = sum(1 for f in env.ledger.findings(verdict="out_of_scope") if f.status in OPEN)
    assert text.count("scopewatch confirm ") == n_open


def test_next_digest_holds_only_what_was_found_since_the_last(env, smtp_server, sample_outcomes, checker):
    inbox, port = smtp_server
    schedule = Schedule("00:00", "UTC", "daily")
    kw = dict(to="mila@va.example", from_="scopewatch@va.example")
    day1 = datetime.now(timezone.utc)
    assert send_digest_if_due(env.ledger, env.workspace, plain(port), schedule, now=day1, **kw)
    # A new client mail arrives; the next day's digest tells only about it.
    raw = (
        b"From: Anna de Vries <anna@bakkerijdevries.example>\r\nTo: mila@va.example\r\n"
        b"Subject: Flyers\r\nMessage-ID: <flyers-1@bakkerijdevries.example>\r\n"
        b"Date: Tue, 3 Mar 2026 10:00:00 +0100\r\n\r\n"
        b"Hoi,\r\n\r\nZou je ook flyers voor de paasactie kunnen ontwerpen?\r\n\r\nGroetjes, Anna\r\n"
    )
    record(env.ledger, "flyers", raw, checker.check_bytes(raw, source="flyers"))
    new = [f for f in env.ledger.findings(verdict="out_of_scope") if "flyers" in f.evidence]
    assert new
    assert send_digest_if_due(env.ledger, env.workspace, plain(port), schedule, now=day1 + timedelta(days=1), **kw)
    assert len(inbox.envelopes) == 2
    last = delivered(inbox)[-1].get_body(("plain",)).get_content()
    assert "flyers" in last
    assert last.count("scopewatch confirm ") == len(new)
    # Nothing new the day after: the slot is handled, but no e-mail goes out.
    assert send_digest_if_due(env.ledger, env.workspace, plain(port), schedule, now=day1 + timedelta(days=2), **kw)
    assert len(inbox.envelopes) == 2


def test_empty_digest_is_not_sent(tmp_path, smtp_server, monkeypatch):
    from scopewatch.workspace import open_workspace
    from tests.test_followup import make_workspace

    inbox, port = smtp_server
    root = make_workspace(tmp_path)
    ledger = Ledger.open(f"sqlite:///{root / 'x.db'}")
    try:
        slot = send_digest_if_due(ledger, open_workspace(root), plain(port), Schedule("00:00", "UTC", "daily"),
                                  to="mila@va.example", from_="scopewatch@va.example")
        assert slot is not None and inbox.envelopes == []
    finally:
        ledger.close()


def test_cli_digest_send_over_smtp(env, smtp_server):
    inbox, port = smtp_server
    args = ["digest", "--send", "--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--smtp-security", "plain"]
    res = env.run(*args)
    assert res.exit_code == 0, res.output
    assert "digest sent to mila@va.example" in res.output
    res = env.run(*args)
    assert res.exit_code == 0 and "nothing new" in res.output
    assert len(inbox.envelopes) == 1


# --- sending a change request ---------------------------------------------------------------------


def test_send_finding_over_smtp_files_a_sent_copy_and_never_twice(env, smtp_server):
    inbox, port = smtp_server
    f = env.finding_by_text("spare bedroom")
    out = draft_for_finding(env.ledger, env.workspace, f.id, MILA, source=env.source())
    sent = send_finding(env.ledger, env.workspace, f.id, MILA, plain(port), source=env.source(), who="mila")
    assert sent.sent_how == "smtp"
    [msg] = delivered(inbox)
    assert msg["Message-ID"] == out.draft.message_id
    assert inbox.envelopes[0].rcpt_tos == ["claire.hughes@hughesfamily.example"]
    original = followup.original_message(env.ledger, f.message_pk)
    assert msg["In-Reply-To"] == original.message_id
    copies = drafts_in(env.maildir / ".Sent")
    assert len(copies) == 1 and copies[0].name.endswith(":2,S")
    assert env.ledger.finding(f.id).status == "sent"
    with pytest.raises(MessageError, match="sent already"):
        send_finding(env.ledger, env.workspace, f.id, MILA, plain(port), source=env.source())
    assert len(inbox.envelopes) == 1


def test_cli_send_asks_first_and_sends_the_edited_text(env, smtp_server):
    from scopewatch.draft.service import edit_draft

    inbox, port = smtp_server
    f = env.finding_by_text("spare bedroom")
    edit_draft(env.ledger, env.workspace, f.id, MILA, "Hi Claire,\n\nHappy to quote for the bedroom.\n\nMila\n", who="mila")
    args = ["send", str(f.id), "--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--smtp-security", "plain"]
    res = env.run(*args, input="n\n")
    assert res.exit_code == 0 and "Send this to" in res.output and "not sent" in res.output
    assert inbox.envelopes == []
    res = env.run(*args, input="y\n")
    assert res.exit_code == 0, res.output
    [msg] = delivered(inbox)
    assert msg.get_content().replace("\r\n", "\n").startswith("Hi Claire,\n\nHappy to quote for the bedroom.")
    assert msg["Subject"] == "Re: The other room..."
    assert env.ledger.finding(f.id).status == "sent"
    assert len(drafts_in(env.maildir / ".Sent")) == 1
    res = env.run(*args, "--yes")
    assert res.exit_code == 0 and "sent already" in res.output
    assert len(inbox.envelopes) == 1


def test_smtp_down_leaves_the_finding_unsent(env):
    from scopewatch.errors import SmtpError
    from tests.test_digest_smtp import free_port

    f = env.finding_by_text("spare bedroom")
    with pytest.raises(SmtpError):
        send_finding(env.ledger, env.workspace, f.id, MILA, plain(free_port()), source=env.source())
    assert env.ledger.finding(f.id).status == "new"
    assert followup.draft_for(env.ledger, f.id).sent_at is None


# --- hostile client text, end to end ---------------------------------------------------------------

HOSTILE = (
    b"From: =?utf-8?q?Anna=0D=0ABcc=3A_evil=40attacker=2Eexample?= <anna@bakkerijdevries.example>\r\n"
    b"To: mila@va.example\r\n"
    b"Subject: =?utf-8?q?Nieuwsbrief=0D=0ABcc=3A_victim=40attacker=2Eexample?=\r\n"
    b"Message-ID: <hostile-1@bakkerijdevries.example>\r\n"
    b"References: <a@x.example>\r\n <b@x.example>\r\n"
    b"Date: Wed, 14 Jan 2026 10:00:00 +0100\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
    b"Hoi Mila,\r\n\r\nZou je ook een nieuwsbrief <script>alert(1)</script> voor ze kunnen maken?\r\n\r\n"
    b"Groetjes, Anna\r\n"
)


def test_hostile_client_text_never_reaches_a_header_or_raw_html(env, checker, smtp_server, tmp_path):
    inbox, port = smtp_server
    out = checker.check_bytes(HOSTILE, source="hostile")
    assert out.result.verdict == "out_of_scope", out.result
    record(env.ledger, "hostile", HOSTILE, out)
    [f] = [x for x in env.ledger.findings(verdict="out_of_scope") if "<script>" in x.evidence]

    drafted = draft_for_finding(env.ledger, env.workspace, f.id, MILA, source=env.source())
    raw = drafted.draft.raw
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert b"\r\nBcc:" not in head and b"\nBcc:" not in head
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert msg["Bcc"] is None
    assert [a.addr_spec for a in msg["To"].addresses] == ["anna@bakkerijdevries.example"]
    assert "\n" not in msg["Subject"] and msg["Subject"].startswith("Re: Nieuwsbrief")
    assert msg["In-Reply-To"] == "<hostile-1@bakkerijdevries.example>"

    send_finding(env.ledger, env.workspace, f.id, MILA, plain(port), source=env.source())
    assert inbox.envelopes[-1].rcpt_tos == ["anna@bakkerijdevries.example"]  # no smuggled Bcc

    html_file = tmp_path / "d.html"
    # The draft was sent, so the digest lists it no more; dismissing nothing else, ask for it plainly.
    env.ledger.set_status(f.id, "confirmed", who="mila")
    res = env.run("digest", "--html", str(html_file))
    assert res.exit_code == 0, res.output
    html = html_file.read_text()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- next steps by status, and the client's answer ---------------------------------------------------


def test_digest_steps_follow_the_status_and_bring_the_clients_answer(env, smtp_server, checker):
    from scopewatch.draft.service import accept_finding, link_reply
    from tests.test_followup import _client_reply

    inbox, port = smtp_server
    a = env.finding_by_text("spare bedroom")
    out = draft_for_finding(env.ledger, env.workspace, a.id, MILA, source=env.source())
    d = build_digest(env.ledger, env.workspace)
    [item] = [i for c in d.clients for i in c.flagged + c.checks if i.finding_id == a.id]
    assert (item.status, item.draft_ready, item.offer) == ("drafted", True, None)
    text = compose_digest_text(d)
    assert f"scopewatch send {a.id}" in text and f"scopewatch confirm {a.id}" not in text

    schedule = Schedule("00:00", "UTC", "daily")
    kw = dict(to="mila@va.example", from_="scopewatch@va.example")
    day1 = datetime.now(timezone.utc)
    assert send_digest_if_due(env.ledger, env.workspace, plain(port), schedule, now=day1, **kw)
    assert len(inbox.envelopes) == 1
    # After that digest the client says yes to the change request: the next digest brings it, though
    # the request itself was found before the last digest.
    parsed = checker.check_bytes(_client_reply(out.draft.message_id, "Sounds good, please go ahead.\n\nClaire"),
                                 source="reply").parsed
    assert link_reply(env.ledger, parsed) == [a.id]
    assert send_digest_if_due(env.ledger, env.workspace, plain(port), schedule, now=day1 + timedelta(days=1), **kw)
    assert len(inbox.envelopes) == 2
    msg = delivered(inbox)[-1]
    body = msg.get_body(("plain",)).get_content()
    assert "client answer to record" in msg["Subject"]
    assert f"#{a.id} " in body and "Client's answer: yes" in body
    assert f"scopewatch accept {a.id}" in body and f"scopewatch decline {a.id}" in body
    assert body.count("scopewatch confirm ") == 0  # nothing else is new since the last digest
    # Once the VA accepted, the answer is settled and no longer listed.
    accept_finding(env.ledger, env.workspace, a.id, who="mila")
    later = build_digest(env.ledger, env.workspace)
    assert all(i.finding_id != a.id for c in later.clients for i in c.answers + c.flagged + c.checks)


def compose_digest_text(d) -> str:
    from scopewatch.digest.render import render_digest
    from scopewatch import resources

    return render_digest(d, [resources.templates_dir()])[0]
