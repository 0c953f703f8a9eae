"""Following findings up on a Maildir workspace with the real detector: change requests drafted
once into .Drafts with the right threading, sent detection, client replies linked (acceptance
only offered), the digest's numbers against the ledger, and hostile client text end to end."""

from __future__ import annotations

import email
import hashlib
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pytest
from click.testing import CliRunner

from scopewatch.cli import cli
from scopewatch.draft.service import VA, detect_sent, draft_for_finding, link_reply, reply_offer
from scopewatch.ingest.maildir import MaildirSource
from scopewatch.resources import examples_dir
from scopewatch.store import followup
from scopewatch.store.ledger import IncomingMessage, Ledger
from scopewatch.workspace import open_workspace

ACCOUNT = "maildir"  # the name scopewatch.toml's top-level `maildir =` gives the mailbox
MILA = VA("Mila Jansen", "mila@va.example", None)


@pytest.fixture(scope="session")
def checker():
    from scopewatch.detect.checker import Checker

    return Checker(open_workspace(examples_dir()))


def sample_mails() -> list[tuple[str, bytes]]:
    root = examples_dir() / "mailbox"
    files = sorted(p for sub in ("cur", "new") for p in (root / sub).iterdir() if p.is_file())
    return [(p.name.split(":2,")[0], p.read_bytes()) for p in files]


@pytest.fixture(scope="session")
def sample_outcomes(checker):
    mails = sample_mails()
    return list(zip(mails, checker.check_many(mails)))


@dataclass
class Env:
    root: Path
    url: str
    ledger: Ledger

    @property
    def workspace(self):
        return open_workspace(self.root)

    @property
    def maildir(self) -> Path:
        return self.root / "mailbox"

    def source(self) -> MaildirSource:
        src = MaildirSource(ACCOUNT, self.maildir)
        src.connect()
        return src

    def finding_by_text(self, text: str):
        hits = [f for f in self.ledger.findings(verdict="out_of_scope") if text in f.evidence]
        assert len(hits) == 1, f"expected one finding containing {text!r}, got {len(hits)}"
        return hits[0]

    def run(self, *args: str, input: str | None = None, env: dict | None = None):
        result = CliRunner().invoke(cli, [args[0], "-w", str(self.root), *args[1:]], input=input, env=env)
        return result


def record(ledger: Ledger, key: str, raw: bytes, out, account: str = ACCOUNT) -> None:
    ledger.record(
        IncomingMessage(
            account=account, folder="", key=key, uid=None, uidvalidity=None, parsed=out.parsed,
            result=out.result, agreement=out.agreement, content_hash=hashlib.sha256(raw).hexdigest(),
        )
    )


def make_workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(examples_dir() / "scopes", root / "scopes")
    for sub in ("cur", "new", "tmp"):
        (root / "mailbox" / sub).mkdir(parents=True)
    (root / "scopewatch.toml").write_text(
        'maildir = "mailbox"\n\n[va]\nname = "Mila Jansen"\naddress = "mila@va.example"\n', encoding="utf-8"
    )
    return root


@pytest.fixture
def env(tmp_path, sample_outcomes, monkeypatch):
    monkeypatch.setenv("USER", "mila")
    for var in ("SCOPEWATCH_DATABASE", "SCOPEWATCH_WORKSPACE", "SCOPEWATCH_MAILDIR"):
        monkeypatch.delenv(var, raising=False)
    root = make_workspace(tmp_path)
    url = f"sqlite:///{root / 'scopewatch.db'}"
    ledger = Ledger.open(url)
    for (key, raw), out in sample_outcomes:
        record(ledger, key, raw, out)
    yield Env(root, url, ledger)
    ledger.close()


def drafts_in(folder: Path) -> list[Path]:
    return sorted(p for sub in ("cur", "new") if (folder / sub).is_dir() for p in (folder / sub).iterdir())


def parse(raw: bytes) -> EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)


# --- drafts --------------------------------------------------------------------------------------


def test_draft_goes_into_maildir_drafts_once_as_a_threaded_reply(env):
    f = env.finding_by_text("nieuwsbrief voor ze kunnen maken")
    src = env.source()
    first = draft_for_finding(env.ledger, env.workspace, f.id, MILA, source=src, who="mila")
    again = draft_for_finding(env.ledger, env.workspace, f.id, MILA, source=src, who="mila")
    assert first.created and first.appended
    assert not again.created and not again.appended and again.draft.message_id == first.draft.message_id

    files = drafts_in(env.maildir / ".Drafts")
    assert len(files) == 1 and files[0].name.endswith(":2,D")  # the Maildir draft flag
    msg = parse(files[0].read_bytes())
    original = followup.original_message(env.ledger, f.message_pk)
    assert msg["Message-ID"] == first.draft.message_id
    assert msg["In-Reply-To"] == original.message_id
    assert original.message_id in msg["References"].split()
    assert msg["To"].addresses[0].addr_spec == original.sender
    assert msg["Subject"] == "Re: " + original.subject
    assert "nieuwsbrief" in msg.get_content()

    stored = env.ledger.finding(f.id)
    assert stored.status == "drafted"
    history = env.ledger.events(f.id)
    assert history[-1].to_status == "drafted" and first.draft.message_id in history[-1].why
    assert followup.draft_for(env.ledger, f.id).folder == "Drafts"


TWO_REQUESTS = (
    b"From: Claire Hughes <claire.hughes@hughesfamily.example>\r\n"
    b"To: dave@brushandroller.example\r\n"
    b"Subject: Two more things\r\n"
    b"Message-ID: <two-things@hughesfamily.example>\r\n"
    b"Date: Tue, 17 Feb 2026 08:00:00 +0000\r\n\r\n"
    b"Hi Dave,\r\n\r\nCould you also paint the garden shed? And could you varnish the garage door too?\r\n"
    b"Maybe the fence one day.\r\n\r\nClaire\r\n"
)


def _record_with_findings(env, checker, raw, findings):
    """The real parse of `raw`, judged as `findings` say: drafting logic tested apart from detection."""
    from dataclasses import replace

    from scopewatch.detect.findings import CheckResult

    out = checker.check_bytes(raw, source="made")
    result = replace(out.result, findings=findings, verdict=CheckResult.message_verdict(findings))
    record(env.ledger, "made-" + out.parsed.message_id, raw, replace(out, result=result))
    return [f for f in env.ledger.findings(verdict="out_of_scope") if f.message.message_id == out.parsed.message_id]


def _oos(evidence: str, review: bool = False):
    from scopewatch.detect.findings import Finding

    return Finding(verdict="out_of_scope", category="new_work", evidence=evidence, start=0, end=len(evidence),
                   rules=["EN_ASK_COULD_YOU"], scope_item=None, scope_item_description=None,
                   confidence=0.3 if review else 0.9, review=review, matched_terms=[evidence.split()[-1].strip("?.")])


def test_one_draft_answers_every_confident_request_of_the_mail(env, checker):
    a, b, unsure = _record_with_findings(env, checker, TWO_REQUESTS, [
        _oos("Could you also paint the garden shed?"),
        _oos("And could you varnish the garage door too?"),
        _oos("Maybe the fence one day.", review=True),
    ])
    out = draft_for_finding(env.ledger, env.workspace, a.id, MILA, source=env.source())
    # Low-confidence requests of the mail stay out until the VA confirms them.
    assert out.draft.finding_ids == sorted([a.id, b.id])
    assert "garden shed" in out.text and "garage door" in out.text
    # The second request of that mail is answered already: no second draft for it.
    again = draft_for_finding(env.ledger, env.workspace, b.id, MILA, source=env.source())
    assert not again.created and again.draft.id == out.draft.id
    assert len(drafts_in(env.maildir / ".Drafts")) == 1
    assert {env.ledger.finding(i).status for i in (a.id, b.id)} == {"drafted"}
    assert env.ledger.finding(unsure.id).status == "new"


def test_a_confirmed_low_confidence_request_joins_the_draft(env, checker):
    a, _b, unsure = _record_with_findings(env, checker, TWO_REQUESTS, [
        _oos("Could you also paint the garden shed?"),
        _oos("And could you varnish the garage door too?"),
        _oos("Maybe the fence one day.", review=True),
    ])
    env.ledger.set_status(unsure.id, "confirmed", who="mila")
    out = draft_for_finding(env.ledger, env.workspace, a.id, MILA, source=env.source())
    assert unsure.id in out.draft.finding_ids and "fence" in out.text


def test_a_crash_after_the_append_does_not_make_a_second_draft(env):
    f = env.finding_by_text("nieuwsbrief voor ze kunnen maken")
    src = env.source()
    # Render and store the draft, put it into Drafts, then "crash" before the ledger hears of it.
    from scopewatch.draft.render import draft_bytes
    from scopewatch.draft.service import render_for_finding

    rendered, rec, ids = render_for_finding(env.ledger, env.workspace, f.id, MILA)
    d, created = followup.claim_draft(
        env.ledger, message_pk=rec.message_pk, finding_ids=ids, message_id=rendered.message_id,
        account=ACCOUNT, language=rendered.language, to=rendered.to, subject=rendered.subject,
        raw=draft_bytes(rendered),
    )
    assert created and not d.in_mailbox
    src.append_draft(d.raw)
    out = draft_for_finding(env.ledger, env.workspace, f.id, MILA, source=src)  # after the restart
    assert not out.appended and out.draft.folder == "Drafts"
    assert len(drafts_in(env.maildir / ".Drafts")) == 1
    assert env.ledger.finding(f.id).status == "drafted"


def test_a_failed_append_leaves_no_draft_behind(env, monkeypatch):
    from scopewatch.errors import MailboxError

    f = env.finding_by_text("nieuwsbrief voor ze kunnen maken")
    src = env.source()

    def broken(raw):
        raise MailboxError("disk full")

    monkeypatch.setattr(src, "append_draft", broken)
    with pytest.raises(MailboxError):
        draft_for_finding(env.ledger, env.workspace, f.id, MILA, source=src)
    assert followup.draft_for(env.ledger, f.id) is None
    assert env.ledger.finding(f.id).status == "new"
    monkeypatch.undo()
    out = draft_for_finding(env.ledger, env.workspace, f.id, MILA, source=env.source())
    assert out.appended and len(drafts_in(env.maildir / ".Drafts")) == 1


def test_cli_draft_print_then_save_once(env):
    f = env.finding_by_text("spare bedroom")
    shown = env.run("draft", str(f.id), "--print")
    assert shown.exit_code == 0, shown.output
    assert "To: Claire Hughes <claire.hughes@hughesfamily.example>" in shown.output
    assert "spare bedroom" in shown.output and "£" in shown.output
    assert drafts_in(env.maildir / ".Drafts") == []  # --print stores nothing
    assert followup.draft_for(env.ledger, f.id) is None

    saved = env.run("draft", str(f.id))
    assert saved.exit_code == 0, saved.output
    assert "saved in maildir/Drafts" in saved.output
    again = env.run("draft", str(f.id))
    assert again.exit_code == 0 and "no second draft" in again.output
    assert len(drafts_in(env.maildir / ".Drafts")) == 1
    assert env.ledger.finding(f.id).status == "drafted"


def test_cli_draft_of_unknown_or_in_scope_finding_is_one_clear_line(env):
    missing = env.run("draft", "9999", "--print")
    assert missing.exit_code == 3 and missing.output.startswith("error: no finding 9999")
    in_scope = next(f for f in env.ledger.findings(verdict="in_scope"))
    res = env.run("draft", str(in_scope.id), "--print")
    assert res.exit_code == 1 and "in scope" in res.output and "Traceback" not in res.output


def test_auto_draft_confirmed_only_by_default_and_all_when_asked(env):
    from scopewatch.draft.service import auto_draft

    f = env.finding_by_text("spare bedroom")
    src = env.source()
    assert auto_draft(env.ledger, env.workspace, src, MILA) == []  # nothing confirmed yet
    env.ledger.set_status(f.id, "confirmed", who="mila")
    made = auto_draft(env.ledger, env.workspace, src, MILA)
    assert [o.draft.finding_ids for o in made] == [[f.id]]
    assert auto_draft(env.ledger, env.workspace, src, MILA) == []  # once

    made_all = auto_draft(env.ledger, env.workspace, src, MILA, mode="all")
    confident = [x for x in env.ledger.findings(verdict="out_of_scope") if not x.review]
    assert {i for o in made_all for i in o.draft.finding_ids} | {f.id} == {x.id for x in confident}
    assert len(drafts_in(env.maildir / ".Drafts")) == len({x.message_pk for x in confident})
    assert auto_draft(env.ledger, env.workspace, src, MILA, mode="all") == []
    assert auto_draft(env.ledger, env.workspace, src, MILA, mode="off") == []


# --- sent detection and the client's answer ---------------------------------------------------


def _deliver(folder: Path, raw: bytes, name: str) -> None:
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "cur" / f"{name}:2,S").write_bytes(raw)


def test_detect_sent_when_the_draft_appears_in_sent(env):
    f = env.finding_by_text("spare bedroom")
    out = draft_for_finding(env.ledger, env.workspace, f.id, MILA, source=env.source())
    src = env.source()
    assert detect_sent(src, env.ledger) == []  # still only in Drafts
    _deliver(env.maildir / ".Sent", out.draft.raw, "sent1")
    assert detect_sent(src, env.ledger) == [out.draft.id]
    assert env.ledger.finding(f.id).status == "sent"
    assert followup.draft_for(env.ledger, f.id).sent_how == "seen-in-sent"
    assert detect_sent(src, env.ledger) == []  # once


def test_detect_sent_when_the_draft_is_gone_and_a_reply_is_in_sent(env):
    f = env.finding_by_text("spare bedroom")
    out = draft_for_finding(env.ledger, env.workspace, f.id, MILA, source=env.source())
    original = followup.original_message(env.ledger, f.message_pk)
    # The VA rewrote it in her mail client: a new Message-ID, but a reply in the same thread.
    reply = EmailMessage()
    reply["From"] = "mila@va.example"
    reply["To"] = original.sender
    reply["Subject"] = "Re: " + original.subject
    reply["Message-ID"] = make_msgid(domain="va.example")
    reply["In-Reply-To"] = original.message_id
    reply.set_content("Hi Claire, happy to do the bedroom as extra work.")
    _deliver(env.maildir / ".Sent", reply.as_bytes(), "own-reply")
    src = env.source()
    assert detect_sent(src, env.ledger) == []  # the draft is still in Drafts: not sent yet
    for p in drafts_in(env.maildir / ".Drafts"):
        p.unlink()
    assert detect_sent(src, env.ledger) == [out.draft.id]
    assert env.ledger.finding(f.id).status == "sent"


def _client_reply(parent_id: str, text: str, sender: str = "claire.hughes@hughesfamily.example") -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Claire Hughes <{sender}>"
    msg["To"] = "mila@va.example"
    msg["Subject"] = "Re: The other room..."
    msg["Date"] = format_datetime(datetime(2026, 2, 6, 9, 0, tzinfo=timezone.utc))
    msg["Message-ID"] = make_msgid(domain="hughesfamily.example")
    msg["In-Reply-To"] = parent_id
    msg["References"] = parent_id
    msg.set_content(text)
    return msg.as_bytes()


@pytest.mark.parametrize(
    "text, offer",
    [
        ("Sounds good, please go ahead.\n\nClaire", "accept"),
        ("No thanks, let's leave it for now.", "decline"),
        ("Could you tell me which paint you would use?", None),
    ],
)
def test_client_reply_is_linked_and_a_clear_answer_only_offered(env, checker, text, offer):
    f = env.finding_by_text("spare bedroom")
    out = draft_for_finding(env.ledger, env.workspace, f.id, MILA, source=env.source())
    raw = _client_reply(out.draft.message_id, text)
    parsed = checker.check_bytes(raw, source="reply").parsed
    assert link_reply(env.ledger, parsed) == [f.id]
    assert link_reply(env.ledger, parsed) == []  # linked once
    assert env.ledger.finding(f.id).status == "drafted"  # never accepted or declined silently
    [r] = followup.replies(env.ledger, f.id)
    assert r.offer == offer and r.message_id == parsed.message_id
    last = env.ledger.events(f.id)[-1]
    assert last.from_status == last.to_status == "drafted"
    if offer:
        assert last.why.startswith(f"{'acceptance' if offer == 'accept' else 'decline'} offered")
        assert f"scopewatch {offer} {f.id}" in last.why


def test_reply_to_the_original_mail_links_only_answered_findings(env, checker):
    f = env.finding_by_text("spare bedroom")
    original = followup.original_message(env.ledger, f.message_pk)
    parsed = checker.check_bytes(_client_reply(original.message_id, "Akkoord!"), source="r").parsed
    assert link_reply(env.ledger, parsed) == []  # no change request went out: nothing to link
    draft_for_finding(env.ledger, env.workspace, f.id, MILA, source=env.source())
    parsed = checker.check_bytes(_client_reply(original.message_id, "Go ahead, thanks!"), source="r").parsed
    assert link_reply(env.ledger, parsed) == [f.id]
    assert followup.replies(env.ledger, f.id)[0].offer == "accept"


@pytest.mark.parametrize(
    "text, offer",
    [
        ("Akkoord!", "accept"),
        ("Prima, doe maar.", "accept"),
        ("Ja graag, plan het maar in.", "accept"),
        ("Sounds good, please go ahead", "accept"),
        ("Laat maar, dat doen we zelf wel.", "decline"),
        ("No thanks, not now.", "decline"),
        ("Niet akkoord, dat is te veel.", None),
        ("Before you go ahead: what would it cost?", None),
        ("Can you go ahead with the other one?", None),
        ("Could you also do the hallway?", None),
        ("", None),
    ],
)
def test_reply_offer_is_precise(text, offer):
    assert reply_offer(text)[0] == offer


def test_accept_and_decline_commands_record_the_outcome(env):
    a = env.finding_by_text("spare bedroom")
    b = env.finding_by_text("front door")
    res = env.run("decline", str(b.id), "--reason", "Claire will do it herself")
    assert res.exit_code == 0, res.output
    assert env.ledger.finding(b.id).status == "declined"
    assert env.ledger.events(b.id)[-1].why == "Claire will do it herself"
    assert env.ledger.events(b.id)[-1].who == "mila"
    res = env.run("accept", str(a.id))
    assert res.exit_code == 0, res.output
    assert "amendment change-" in res.output
    assert env.ledger.finding(a.id).status == "accepted"
    again = env.run("accept", str(a.id))
    assert again.exit_code == 0 and "already" in again.output
    bad = env.run("accept", str(b.id))
    assert bad.exit_code == 1 and "declined" in bad.output


# --- both databases ------------------------------------------------------------------------------


def test_follow_up_records_on_both_databases_and_under_races(ledger_url, sample_outcomes, tmp_path):
    import threading

    ledger = Ledger.open(ledger_url)
    try:
        for (key, raw), out in sample_outcomes:
            record(ledger, key, raw, out)
        f = next(x for x in ledger.findings(verdict="out_of_scope") if "spare bedroom" in x.evidence)
        results = []

        def claim(n: int) -> None:
            results.append(
                followup.claim_draft(
                    ledger, message_pk=f.message_pk, finding_ids=[f.id], message_id=f"<race-{n}@va.example>",
                    account=ACCOUNT, language="en", to="claire@x.example", subject="Re: x", raw=b"Subject: x\r\n\r\nhi\r\n",
                )
            )

        threads = [threading.Thread(target=claim, args=(n,)) for n in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sum(created for _d, created in results) == 1
        assert len({d.id for d, _c in results}) == 1
        d = followup.draft_for(ledger, f.id)
        assert d.raw == b"Subject: x\r\n\r\nhi\r\n" and d.finding_ids == [f.id]

        followup.mark_appended(ledger, d.id, "Drafts")
        assert followup.mark_sent(ledger, d.id, "smtp", who="mila") is True
        assert followup.mark_sent(ledger, d.id, "smtp", who="mila") is False
        assert ledger.finding(f.id).status == "sent"
        kw = dict(message_id="<r1@x.example>", sender="claire@x.example", date=None, excerpt="ok", offer="accept", phrase="go ahead")
        assert followup.record_reply(ledger, f.id, **kw) is True
        assert followup.record_reply(ledger, f.id, **kw) is False
        assert followup.log_digest(ledger, "2026-11-26", recipient="mila@va.example", flagged=3, checks=1) is True
        assert followup.log_digest(ledger, "2026-11-26", recipient="mila@va.example", flagged=3, checks=1) is False
        assert followup.last_digest(ledger) is not None and followup.digest_slot_taken(ledger, "2026-11-26")
    finally:
        ledger.close()


def test_follow_up_after_a_poll_drafts_confirmed_and_notices_sent(env):
    from scopewatch.draft.service import follow_up

    f = env.finding_by_text("spare bedroom")
    env.ledger.set_status(f.id, "confirmed", who="mila")
    src = env.source()
    first = follow_up(env.ledger, env.workspace, src, MILA)
    assert len(first.drafted) == 1 and first.sent == []
    d = followup.draft_for(env.ledger, f.id)
    _deliver(env.maildir / ".Sent", d.raw, "sent-by-va")
    second = follow_up(env.ledger, env.workspace, src, MILA)
    assert second.drafted == [] and second.sent == [d.id]
    assert follow_up(env.ledger, env.workspace, src, None).drafted == []  # no VA address: no drafts


def test_a_crash_between_append_and_ledger_update_is_repaired_from_drafts(env):
    """Killed after the copy reached Drafts but before the ledger knew: the next pass records the
    copy it finds (no second one) and the findings become drafted; findings an older version left
    `new` beside a draft in Drafts are moved too."""
    from scopewatch.draft.render import draft_bytes
    from scopewatch.draft.service import reconcile_drafts, render_for_finding

    f = env.finding_by_text("spare bedroom")
    rendered, rec, ids = render_for_finding(env.ledger, env.workspace, f.id, MILA)
    claimed, _ = followup.claim_draft(
        env.ledger, message_pk=rec.message_pk, finding_ids=ids, message_id=rendered.message_id,
        account=rec.message.account, language=rendered.language, to=rendered.to, subject=rendered.subject,
        raw=draft_bytes(rendered),
    )
    src = env.source()
    src.append_draft(claimed.raw)  # ... and the process dies here
    assert env.ledger.finding(f.id).status == "new"
    assert reconcile_drafts(env.ledger, src) == [claimed.id]
    assert env.ledger.finding(f.id).status == "drafted"
    assert followup.draft_for(env.ledger, f.id).in_mailbox
    assert len(drafts_in(env.maildir / ".Drafts")) == 1
    assert reconcile_drafts(env.ledger, src) == []  # nothing left to repair

    other = env.finding_by_text("nieuwsbrief voor ze kunnen maken")
    out = draft_for_finding(env.ledger, env.workspace, other.id, MILA, source=src)
    env.ledger.set_status(other.id, "new", who="old-version", why="left behind by a crash")
    assert reconcile_drafts(env.ledger, src) == [out.draft.id]
    assert env.ledger.finding(other.id).status == "drafted"
