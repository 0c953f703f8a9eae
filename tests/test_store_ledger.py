"""The ledger on SQLite and PostgreSQL: exactly-once recording, cursors, status history, leases and
the per-client report. Inputs are built straight from the shared dataclasses."""

from __future__ import annotations

import hashlib
import time
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from scopewatch.agreement.model import Agreement, Limit, Period, Rate, ScopeItem
from scopewatch.detect.findings import CheckResult, Finding
from scopewatch.errors import NotFoundError, StoreError
from scopewatch.parse.message import ParsedMessage
from scopewatch.store.ledger import IncomingMessage, Ledger

# --- builders (also used by the other test_store modules) -----------------------------------


def make_finding(
    verdict="out_of_scope", category="new_work", item=None, evidence="Could you also build us a website?",
    confidence=0.85, review=False,
) -> Finding:
    return Finding(
        verdict=verdict,
        category=category if verdict == "out_of_scope" else None,
        evidence=evidence,
        start=0,
        end=len(evidence),
        rules=["request.could_you", "scope.excluded"],
        scope_item=item,
        scope_item_description=f"clause {item}" if item else None,
        confidence=confidence,
        review=review,
        scope_item_kind="deliverable" if item else None,
        matched_terms=["website"],
        explanation=f"'{evidence}' asks for work outside the agreement",
    )


def make_agreement(text: str = "client: Acme\n", **kw) -> Agreement:
    defaults = dict(
        client_id="acme",
        client="Acme Bakery",
        contacts=("anna@acme.example",),
        deliverables=(
            ScopeItem("instagram-posts", "deliverable", "Instagram posts", ("post",), Limit(3, "week"), estimate_hours=1.0),
            ScopeItem("report", "deliverable", "Monthly report", ("report",), Limit(1, "month")),
            ScopeItem("replies", "deliverable", "Answer comments", ("comment",)),
        ),
        exclusions=(ScopeItem("website", "exclusion", "Website work", ("website",)),),
        period=Period(date(2026, 1, 1), date(2026, 12, 31)),
        rate=Rate(Decimal("45"), "EUR", "hour"),
        estimate_hours=2.0,
        source_text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        source_path="scopes/acme.yaml",
    )
    defaults.update(kw)
    return Agreement(**defaults)


def make_message(
    key: str,
    *,
    uid: int | None = None,
    uidvalidity: int | None = 7,
    message_id: str | None = "auto",
    findings: list[Finding] | None = None,
    client: str | None = "acme",
    agreement: Agreement | None = None,
    account: str = "work",
    folder: str = "INBOX",
    when: datetime | None = None,
    body: str | None = None,
) -> IncomingMessage:
    findings = [make_finding()] if findings is None else findings
    if message_id == "auto":
        message_id = f"<{key}@acme.example>"
    body = body if body is not None else f"Hello, message {key}. Could you also build us a website?"
    parsed = ParsedMessage(
        message_id=message_id,
        sender="anna@acme.example",
        sender_name="Anna",
        to=("va@example.org",),
        cc=(),
        subject=f"Question {key}",
        date=when or datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc),
        in_reply_to=None,
        references=(),
        language="en",
        new_text=body,
        body_text=body,
        is_reply=False,
        content_hash=hashlib.sha256(body.encode("utf-8", "surrogateescape")).hexdigest(),
    )
    result = CheckResult(
        source=f"{account}/{folder}/{key}",
        message_id=message_id,
        client=client,
        language="en",
        verdict=CheckResult.message_verdict(findings),
        findings=findings,
        sender=parsed.sender,
        subject=parsed.subject,
        client_name="Acme Bakery" if client else None,
        agreement_hash=agreement.content_hash if agreement else None,
    )
    if uid is None and uidvalidity is not None and ":" in key:
        uid = int(key.split(":")[1])
    return IncomingMessage(account, folder, key, uid, uidvalidity, parsed, result, agreement)


@pytest.fixture
def ledger(ledger_url):
    led = Ledger.open(ledger_url)
    yield led
    led.close()


# --- recording ------------------------------------------------------------------------------


def test_record_stores_message_findings_and_first_events(ledger):
    agreement = make_agreement()
    msg = make_message(
        "7:1",
        agreement=agreement,
        findings=[make_finding(), make_finding("in_scope", item="instagram-posts", evidence="Please post the cake.")],
    )
    out = ledger.record(msg)
    assert not out.duplicate and out.message_pk and len(out.finding_ids) == 2

    stored = ledger.findings()
    assert [f.id for f in stored] == out.finding_ids
    first = ledger.finding(out.finding_ids[0])
    assert first.status == "new" and first.client == "acme"
    assert first.to_finding() == msg.result.findings[0]
    assert first.message.message_id == "<7:1@acme.example>"
    assert first.message.subject == "Question 7:1" and "website" in first.message.new_text
    assert first.message.date == datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
    assert first.created_at.tzinfo is not None
    assert first.agreement_hash == agreement.content_hash

    events = ledger.events(first.id)
    assert [(e.from_status, e.to_status, e.who) for e in events] == [(None, "new", "scopewatch")]


def test_same_key_twice_is_a_duplicate(ledger):
    msg = make_message("7:1")
    first = ledger.record(msg)
    again = ledger.record(msg)
    assert again.duplicate and again.message_pk == first.message_pk and again.finding_ids == []
    assert len(ledger.findings()) == 1


def test_same_message_id_under_new_key_is_a_duplicate(ledger):
    first = ledger.record(make_message("7:1"))
    # After a UIDVALIDITY change the server hands the same mail out under a new key.
    rescan = make_message("9:1", uidvalidity=9, message_id="<7:1@acme.example>")
    again = ledger.record(rescan)
    assert again.duplicate and again.message_pk == first.message_pk
    assert ledger.known_keys("work", "INBOX", ["9:1"]) == {"9:1"}
    assert len(ledger.findings()) == 1


def test_same_content_without_message_id_is_a_duplicate(ledger):
    a = make_message("7:1", message_id=None, body="Can you make a flyer?")
    b = make_message("7:2", message_id=None, body="Can you make a flyer?")
    c = make_message("7:3", message_id=None, body="Can you make two flyers?")
    assert not ledger.record(a).duplicate
    assert ledger.record(b).duplicate
    assert not ledger.record(c).duplicate
    assert len(ledger.findings()) == 2


def test_message_id_is_per_account(ledger):
    ledger.record(make_message("7:1", account="work"))
    other = ledger.record(make_message("7:1", account="private"))
    assert not other.duplicate


def test_unreadable_message_is_recorded_once_with_its_error(ledger):
    result = CheckResult(source="work/INBOX/7:4", message_id=None, client=None, language=None,
                         verdict="error", error="not an e-mail message")
    msg = IncomingMessage("work", "INBOX", "7:4", 4, 7, None, result, None)
    out = ledger.record(msg)
    assert not out.duplicate and out.finding_ids == []
    assert ledger.record(msg).duplicate
    assert ledger.known_keys("work", "INBOX", ["7:4"]) == {"7:4"}
    assert ledger.cursor("work", "INBOX").last_uid == 4


def test_changed_agreement_is_a_new_version(ledger):
    v1, v2 = make_agreement("client: Acme\n"), make_agreement("client: Acme\nrate: 50\n")
    f1 = ledger.record(make_message("7:1", agreement=v1)).finding_ids[0]
    f2 = ledger.record(make_message("7:2", agreement=v1)).finding_ids[0]
    f3 = ledger.record(make_message("7:3", agreement=v2)).finding_ids[0]
    hashes = [ledger.finding(f).agreement_hash for f in (f1, f2, f3)]
    assert hashes == [v1.content_hash, v1.content_hash, v2.content_hash]


# --- cursor, keys, folder reset ---------------------------------------------------------------


def test_cursor_and_known_keys(ledger):
    assert ledger.cursor("work", "INBOX") is None
    for uid in (1, 2, 5):
        ledger.record(make_message(f"7:{uid}"))
    cur = ledger.cursor("work", "INBOX")
    assert (cur.uidvalidity, cur.last_uid) == (7, 5)
    assert ledger.known_keys("work", "INBOX", ["7:1", "7:3", "7:5", "7:6"]) == {"7:1", "7:5"}
    assert ledger.known_keys("work", "Archive", ["7:1"]) == set()
    # a re-recorded older key never moves the cursor back
    ledger.record(make_message("7:2"))
    assert ledger.cursor("work", "INBOX").last_uid == 5


def test_known_keys_handles_more_keys_than_one_query_takes(ledger):
    for uid in range(1, 4):
        ledger.record(make_message(f"7:{uid}"))
    asked = [f"7:{i}" for i in range(1, 1500)]
    assert ledger.known_keys("work", "INBOX", asked) == {"7:1", "7:2", "7:3"}


def test_maildir_keys_have_no_cursor(ledger):
    ledger.record(make_message("1700000000.M1P2.host", uidvalidity=None, folder=""))
    assert ledger.cursor("work", "") is None
    assert ledger.known_keys("work", "", ["1700000000.M1P2.host", "other"]) == {"1700000000.M1P2.host"}


def test_reset_folder_starts_over_but_keeps_what_was_stored(ledger):
    for uid in (1, 2):
        ledger.record(make_message(f"7:{uid}"))
    ledger.reset_folder("work", "INBOX", 9)
    cur = ledger.cursor("work", "INBOX")
    assert (cur.uidvalidity, cur.last_uid) == (9, None)
    assert ledger.known_keys("work", "INBOX", ["7:1", "7:2"]) == set()
    # the rescan sees the same mails under new keys: recognised, nothing stored twice
    for uid in (1, 2):
        out = ledger.record(make_message(f"9:{uid}", uidvalidity=9, message_id=f"<7:{uid}@acme.example>"))
        assert out.duplicate
    new = ledger.record(make_message("9:3", uidvalidity=9))
    assert not new.duplicate
    assert ledger.cursor("work", "INBOX").last_uid == 3
    assert len(ledger.findings()) == 3


def test_key_from_an_old_uidvalidity_does_not_move_the_cursor(ledger):
    ledger.record(make_message("7:10"))
    ledger.reset_folder("work", "INBOX", 9)
    ledger.record(make_message("7:11"))  # late arrival from before the reset
    assert ledger.cursor("work", "INBOX").last_uid is None


def test_note_fetch_remembers_success_error_and_backlog(ledger):
    ledger.note_fetch("work", "INBOX", ok=False, error="connection lost")
    cur = ledger.cursor("work", "INBOX")
    assert cur.last_error == "connection lost" and cur.last_error_at and cur.last_fetch_at is None
    ledger.note_fetch("work", "INBOX", ok=True, backlog=12)
    cur = ledger.cursor("work", "INBOX")
    assert cur.last_fetch_at >= cur.last_error_at and cur.backlog == 12
    ledger.record(make_message("7:3"))
    cur = ledger.cursor("work", "INBOX")
    assert cur.last_uid == 3 and cur.backlog == 12
    assert [c.folder for c in ledger.cursors()] == ["INBOX"]


# --- review -----------------------------------------------------------------------------------


def test_status_changes_are_logged_in_order(ledger):
    fid = ledger.record(make_message("7:1")).finding_ids[0]
    assert ledger.set_status(fid, "confirmed", who="anna").status == "confirmed"
    ledger.set_status(fid, "confirmed", who="anna")  # no change, no event
    rec = ledger.set_status(fid, "dismissed", who="anna", why="they meant the existing site")
    assert rec.status == "dismissed"
    history = [(e.from_status, e.to_status, e.who, e.why) for e in ledger.events(fid)]
    assert history == [
        (None, "new", "scopewatch", "found in mail"),
        ("new", "confirmed", "anna", None),
        ("confirmed", "dismissed", "anna", "they meant the existing site"),
    ]


def test_unknown_finding_is_not_found(ledger):
    with pytest.raises(NotFoundError):
        ledger.finding(999)
    with pytest.raises(NotFoundError):
        ledger.set_status(999, "confirmed", who="va")
    with pytest.raises(NotFoundError):
        ledger.events(999)


def test_unknown_status_is_refused(ledger):
    fid = ledger.record(make_message("7:1")).finding_ids[0]
    with pytest.raises(ValueError):
        ledger.set_status(fid, "maybe", who="va")
    assert ledger.finding(fid).status == "new"


def test_findings_filter_by_client_status_and_date(ledger):
    a = ledger.record(make_message("7:1", when=datetime(2026, 2, 1, tzinfo=timezone.utc))).finding_ids[0]
    b = ledger.record(make_message("7:2", when=datetime(2026, 3, 1, tzinfo=timezone.utc))).finding_ids[0]
    c = ledger.record(make_message("7:3", client="other")).finding_ids[0]
    ledger.set_status(b, "confirmed", who="va")
    assert [f.id for f in ledger.findings(client="acme")] == [a, b]
    assert [f.id for f in ledger.findings(status="confirmed")] == [b]
    assert [f.id for f in ledger.findings(status=["new"])] == [a, c]
    assert [f.id for f in ledger.findings(client="acme", since=date(2026, 2, 15))] == [b]
    assert ledger.findings(client="nobody") == []


# --- leases -----------------------------------------------------------------------------------


def test_lease_is_exclusive_until_it_expires(ledger):
    assert ledger.acquire_lease("work", "INBOX", "worker-a", ttl=0.6)
    assert not ledger.acquire_lease("work", "INBOX", "worker-b", ttl=30)
    assert ledger.acquire_lease("work", "INBOX", "worker-a", ttl=0.6)  # renewal
    assert ledger.acquire_lease("work", "Archive", "worker-b", ttl=30)  # other folder is free
    time.sleep(0.8)  # worker-a died without releasing
    assert ledger.acquire_lease("work", "INBOX", "worker-b", ttl=30)
    assert not ledger.acquire_lease("work", "INBOX", "worker-a", ttl=30)
    ledger.release_lease("work", "INBOX", "worker-a")  # not the holder: changes nothing
    assert not ledger.acquire_lease("work", "INBOX", "worker-a", ttl=30)
    ledger.release_lease("work", "INBOX", "worker-b")
    assert ledger.acquire_lease("work", "INBOX", "worker-a", ttl=30)


# --- report -----------------------------------------------------------------------------------


def test_ledger_report_counts_requests_per_window(ledger):
    agreement = make_agreement()
    today = date(2026, 3, 4)  # a Wednesday; ISO week runs Mon 2 .. Sun 8 March
    this_week = datetime(2026, 3, 2, 10, tzinfo=timezone.utc)
    last_week = datetime(2026, 2, 24, 10, tzinfo=timezone.utc)
    before_period = datetime(2025, 12, 20, 10, tzinfo=timezone.utc)

    posts = [make_finding("in_scope", item="instagram-posts", evidence=f"Post {i} please.") for i in range(4)]
    extra = make_finding("out_of_scope", "quantity", item="instagram-posts", evidence="And a fifth post?")
    ledger.record(make_message("7:1", when=this_week, agreement=agreement, findings=posts[:2]))
    ledger.record(make_message("7:2", when=this_week, agreement=agreement, findings=[posts[2], extra]))
    ledger.record(make_message("7:3", when=last_week, agreement=agreement, findings=[posts[3]]))
    web = ledger.record(make_message("7:4", when=this_week, agreement=agreement,
                                     findings=[make_finding("out_of_scope", "excluded", item="website")]))
    dismissed = ledger.record(make_message("7:5", when=this_week, agreement=agreement,
                                           findings=[make_finding("out_of_scope", "new_work")]))
    ledger.set_status(dismissed.finding_ids[0], "dismissed", who="va")
    ledger.record(make_message("7:6", when=this_week, agreement=agreement, findings=[]))
    ledger.record(make_message("7:7", when=before_period, agreement=agreement, findings=[make_finding()]))
    ledger.record(make_message("7:8", when=this_week, client="other", findings=[make_finding()]))
    assert web.finding_ids

    rep = ledger.ledger_report(agreement, today=today)
    assert rep.messages == 6
    assert rep.by_verdict == {"in_scope": 2, "no_request": 1, "out_of_scope": 3}
    assert rep.findings == 6 and rep.in_scope == 4 and rep.out_of_scope == 2 and rep.dismissed == 1
    assert rep.by_category == {"excluded": 1, "quantity": 1}
    usage = {u.item: u for u in rep.usage}
    assert set(usage) == {"instagram-posts", "report"}
    posts_usage = usage["instagram-posts"]
    assert (posts_usage.asked, posts_usage.limit, posts_usage.over) == (4, 3, True)
    assert (posts_usage.window_start, posts_usage.window_end) == (date(2026, 3, 2), date(2026, 3, 8))
    assert posts_usage.label() == "instagram-posts: 4 of 3 this week"
    assert (usage["report"].asked, usage["report"].window_start) == (0, date(2026, 3, 1))
    # quantity request: the item's own estimate (1 h); website: the agreement's default (2 h). Nobody
    # confirmed them yet: shown apart, not counted as extra work asked for.
    assert rep.extra_hours is None and rep.extra_value is None
    assert (rep.unconfirmed, rep.unconfirmed_hours, rep.unconfirmed_value) == (2, 3.0, Decimal("135.00"))
    assert rep.currency == "EUR" and rep.to_json()["usage"][0]["over"] is True
    # Confirmed (one drafted by the service alone stays unconfirmed), they count.
    ledger.set_status(web.finding_ids[0], "confirmed", who="va")
    quantity = [f for f in ledger.findings(client=agreement.client_id, verdict="out_of_scope")
                if f.category == "quantity"][0]
    ledger.set_status(quantity.id, "drafted", who="scopewatch")
    rep = ledger.ledger_report(agreement, today=today)
    assert (rep.extra_hours, rep.extra_value) == (2.0, Decimal("90.00"))
    assert (rep.unconfirmed, rep.unconfirmed_hours, rep.unconfirmed_value) == (1, 1.0, Decimal("45.00"))


def test_ledger_report_without_period_rate_or_estimates(ledger):
    agreement = make_agreement(period=Period(), rate=None, estimate_hours=None)
    old = datetime(2020, 5, 1, tzinfo=timezone.utc)
    ledger.record(make_message("7:1", when=old, agreement=agreement, findings=[make_finding()]))
    rep = ledger.ledger_report(agreement, today=date(2026, 3, 4))
    assert rep.messages == 1 and rep.out_of_scope == 1
    assert rep.extra_hours is None and rep.extra_value is None and rep.unconfirmed == 1
    assert rep.unconfirmed_hours is None and rep.unconfirmed_value is None  # nothing to estimate it with


# --- opening ----------------------------------------------------------------------------------


def test_open_refuses_an_unmigrated_database_when_not_migrating(ledger_url):
    with pytest.raises(StoreError, match="db upgrade"):
        Ledger.open(ledger_url, migrate=False)
    Ledger.open(ledger_url).close()
    Ledger.open(ledger_url, migrate=False).close()


def test_open_reports_bad_urls_in_one_line(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Ledger.open(f"sqlite:///{tmp_path}/missing/dir/ledger.db")
    with pytest.raises(StoreError, match="unsupported database"):
        Ledger.open("mysql://localhost/db")
    with pytest.raises(StoreError, match="invalid database URL"):
        Ledger.open("not a url")


def test_timestamps_are_utc_even_when_given_in_another_zone(ledger):
    cest = timezone(timedelta(hours=2))
    fid = ledger.record(make_message("7:1", when=datetime(2026, 6, 1, 12, 0, tzinfo=cest))).finding_ids[0]
    assert ledger.finding(fid).message.date == datetime(2026, 6, 1, 10, 0, tzinfo=timezone.utc)


def test_hostile_mail_text_is_stored_not_lost(ledger):
    # NUL bytes (PostgreSQL refuses them), lone surrogates from undecodable bytes (no database
    # stores them), a year-1 date with an offset and a Message-ID longer than any index likes.
    body = "Can you fix this?\x00 bytes: \udcff\udcfe end"
    msg = make_message("7:1", body=body, message_id="<" + "x" * 2000 + "@acme.example>",
                       findings=[make_finding(evidence="Can you fix this?\x00")])
    msg.parsed.subject = "Broken \udc80 subject"
    msg.parsed.date = datetime(1, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=5)))
    out = ledger.record(msg)
    assert not out.duplicate
    rec = ledger.finding(out.finding_ids[0])
    assert rec.evidence == "Can you fix this?\ufffd"
    assert rec.message.new_text.startswith("Can you fix this?\ufffd bytes: ")
    assert rec.message.subject.startswith("Broken ") and rec.message.date is None
    assert rec.message.message_id.startswith("<xxx")
    assert ledger.record(make_message("7:2", body="other", message_id=msg.parsed.message_id)).duplicate


@pytest.mark.parametrize(
    "per, today, window",
    [
        ("week", date(2026, 3, 8), (date(2026, 3, 2), date(2026, 3, 8))),  # a Sunday ends its ISO week
        ("week", date(2026, 12, 31), (date(2026, 12, 28), date(2027, 1, 3))),
        ("month", date(2026, 2, 14), (date(2026, 2, 1), date(2026, 2, 28))),
        ("quarter", date(2026, 11, 26), (date(2026, 10, 1), date(2026, 12, 31))),
        ("quarter", date(2026, 2, 1), (date(2026, 1, 1), date(2026, 3, 31))),
        ("project", date(2026, 2, 1), (date(2026, 1, 5), date(2026, 3, 31))),
    ],
)
def test_limit_windows(per, today, window):
    from scopewatch.store.report import limit_window

    assert limit_window(per, today, date(2026, 1, 5), date(2026, 3, 31)) == window


def test_a_crash_mid_record_leaves_nothing_half_stored(ledger, monkeypatch):
    msg = make_message("7:1", agreement=make_agreement())
    real = Ledger._mark_processed

    def crash(self, *args):
        real(self, *args)  # message, findings, events and key are written ...
        raise RuntimeError("power cut")  # ... but the transaction never commits

    monkeypatch.setattr(Ledger, "_mark_processed", crash)
    with pytest.raises(RuntimeError):
        ledger.record(msg)
    assert ledger.findings() == [] and ledger.cursor("work", "INBOX") is None
    assert ledger.known_keys("work", "INBOX", ["7:1"]) == set()

    monkeypatch.setattr(Ledger, "_mark_processed", real)
    out = ledger.record(msg)  # the restart processes it again, exactly once
    assert not out.duplicate and len(ledger.findings()) == 1
    assert ledger.finding(out.finding_ids[0]).agreement_hash == msg.agreement.content_hash
