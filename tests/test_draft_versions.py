"""One reply per mail, always the VA's latest text, in the mailbox: saving an edit replaces the copy
in Drafts (the new version appended, the earlier one removed, exactly once), a crash between the two
steps leaves one copy after a restart, a copy changed in the mail program is never thrown away
unseen, and dismissing removes the copy whoever wrote it, after one confirmation when the VA edited
it. Each on a real Dovecot (IMAP) and on a Maildir."""

from __future__ import annotations

import email
import os
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest

from scopewatch.draft import versions
from scopewatch.draft.service import (
    draft_for_finding, edit_draft, follow_up, needs_confirmation, reconcile_drafts, withdraw,
)
from scopewatch.ingest.maildir import MaildirSource
from scopewatch.parse.body import text_digest
from scopewatch.store import followup, swaps
from scopewatch.store.ledger import Ledger
from tests.test_followup import MILA, checker, env, sample_outcomes  # noqa: F401
from tests.test_followup import make_workspace, record

REPO = Path(__file__).resolve().parents[1]


class Box:
    """The same questions asked of a Maildir's .Drafts and of a Dovecot Drafts folder."""

    def __init__(self, kind, ledger, ws, make_source, *, server=None, user=None, maildir=None, db_url=None):
        self.kind, self.ledger, self.ws = kind, ledger, ws
        self._make, self.server, self.user, self.maildir, self.db_url = make_source, server, user, maildir, db_url

    def source(self):
        return self._make()

    def drafts(self) -> list:
        if self.kind == "dovecot":
            from tests.test_followup_imap import fetch_all

            return fetch_all(self.server, self.user, "Drafts")
        folder = self.maildir / ".Drafts"
        files = sorted(p for sub in ("cur", "new") if (folder / sub).is_dir() for p in (folder / sub).iterdir())
        return [email.message_from_bytes(p.read_bytes(), policy=policy.default) for p in files]

    def edit_in_mail_program(self, message_id: str, old: str, new: str) -> None:
        """What a mail program does on saving a draft: the copy replaced by an edited one."""
        [msg] = [m for m in self.drafts() if m["Message-ID"] == message_id]
        raw = bytes(msg).replace(old.encode(), new.encode())
        assert raw != bytes(msg)
        if self.kind == "dovecot":
            conn = self.server.imap(self.user)
            try:
                conn.select('"Drafts"')
                conn.uid("STORE", "1:*", "+FLAGS", "(\\Deleted)")
                conn.expunge()
            finally:
                conn.logout()
            self.server.append(self.user, "Drafts", raw, flags="\\Draft")
        else:
            folder = self.maildir / ".Drafts" / "cur"
            for p in folder.iterdir():
                if message_id.encode() in p.read_bytes():
                    p.write_bytes(raw)


@pytest.fixture(scope="module")
def drafts_dovecot():
    """One private Dovecot for this module (drafts do not depend on IDLE: no need to run twice)."""
    from tests.dovecot import _start

    server = _start(idle=True)
    yield server
    server.cleanup()


@pytest.fixture
def imap_box(request, tmp_path, sample_outcomes, monkeypatch):
    from scopewatch.ingest.imap import ImapSource
    from scopewatch.workspace import open_workspace

    server = request.getfixturevalue("drafts_dovecot")
    monkeypatch.delenv("SCOPEWATCH_DATABASE", raising=False)
    user, password = server.add_user()
    server.create_folder(user, "Drafts")
    root = make_workspace(tmp_path)
    ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")
    for (key, raw), out in sample_outcomes:
        record(ledger, key, raw, out, account="work")
    sources = []

    def source():
        sources.append(ImapSource("work", server.host, server.port, "plain", user, password, timeout=10))
        sources[-1].connect()
        return sources[-1]

    yield Box("dovecot", ledger, open_workspace(root), source, server=server, user=user)
    for src in sources:
        src.close()
    ledger.close()


@pytest.fixture(params=["maildir", pytest.param("dovecot", marks=pytest.mark.dovecot)])
def box(request):
    if request.param == "maildir":
        e = request.getfixturevalue("env")
        return Box("maildir", e.ledger, e.workspace, e.source, maildir=e.maildir, db_url=e.url)
    return request.getfixturevalue("imap_box")


def text_of(msg) -> str:
    return msg.get_body(("plain",)).get_content()


def _drafted(box: Box, words: str):
    f = next(f for f in box.ledger.findings(verdict="out_of_scope") if words in f.evidence)
    d = draft_for_finding(box.ledger, box.ws, f.id, MILA, source=box.source()).draft
    assert [m["Message-ID"] for m in box.drafts()] == [d.message_id]
    return f, d


def test_saving_an_edit_leaves_exactly_one_copy_in_drafts_with_the_new_text(box):
    f, first = _drafted(box, "spare bedroom")
    mine = "Hi Claire,\n\nHappy to do the spare bedroom as well: shall I send you a quote?\n\nMila\n"
    d = edit_draft(box.ledger, box.ws, f.id, MILA, mine, who="mila", source=box.source())
    [copy] = box.drafts()
    assert copy["Message-ID"] == d.message_id != first.message_id
    assert "shall I send you a quote?" in text_of(copy)
    assert copy["In-Reply-To"] == first.original_message_id and copy["Subject"] == first.subject
    assert not d.pending and d.in_mailbox and d.edited_at is not None
    # Saving again: still one copy, the latest text.
    d2 = edit_draft(box.ledger, box.ws, f.id, MILA, mine.replace("a quote", "two options"), who="mila",
                    source=box.source())
    [copy] = box.drafts()
    assert copy["Message-ID"] == d2.message_id and "two options" in text_of(copy)
    assert swaps.pending(box.ledger) == []
    whys = [e.why or "" for e in box.ledger.events(f.id)]
    assert any(w.startswith("draft edited") for w in whys)
    assert any(f"replaces {d.message_id}" in w for w in whys), whys


def test_dismiss_after_an_edit_asks_once_then_leaves_no_copy(box):
    f, _first = _drafted(box, "spare bedroom")
    edit_draft(box.ledger, box.ws, f.id, MILA, "Hi Claire,\n\nLet us talk on Monday.\n\nMila\n", who="mila",
               source=box.source())
    question = needs_confirmation(box.ledger, f.id, box.source())
    assert question and "your edited version" in question and "removes it from Drafts" in question
    box.ledger.set_status(f.id, "dismissed", who="mila")
    # Without the VA's word the edited reply stays (and the line says so) ...
    line = withdraw(box.ledger, box.ws, f.id, MILA, source=box.source(), who="mila")
    assert "was edited by you" in line and len(box.drafts()) == 1
    # ... with it, the copy goes, whoever wrote it.
    line = withdraw(box.ledger, box.ws, f.id, MILA, source=box.source(), who="mila", confirmed=True)
    assert line == "its edited draft was removed from Drafts"
    assert box.drafts() == [] and followup.draft_for(box.ledger, f.id) is None


def test_a_copy_changed_in_the_mail_program_is_never_thrown_away_unseen(box):
    f, d = _drafted(box, "spare bedroom")
    box.edit_in_mail_program(d.message_id, "Best regards,", "Speak soon,")
    state = versions.copy_state(box.source(), followup.draft_for(box.ledger, f.id))
    assert state.state == "changed" and "Speak soon," in state.text
    # The page opened before that change: saving is refused, the copy in Drafts is untouched.
    with pytest.raises(versions.DraftChanged) as refused:
        edit_draft(box.ledger, box.ws, f.id, MILA, "Hi Claire,\n\nMy text.\n\nMila\n", who="mila", source=box.source())
    assert "Speak soon," in refused.value.text
    [copy] = box.drafts()
    assert "Speak soon," in text_of(copy)
    # The page showed her the changed copy (`seen`): now her save replaces it.
    edit_draft(box.ledger, box.ws, f.id, MILA, state.text.replace("Speak soon,", "Talk soon,"), who="mila",
               source=box.source(), seen=state.digest)
    [copy] = box.drafts()
    assert "Talk soon," in text_of(copy) and "Speak soon," not in text_of(copy)


def test_dismiss_removes_a_copy_edited_in_the_mail_program_after_confirmation(box):
    f, d = _drafted(box, "spare bedroom")
    box.edit_in_mail_program(d.message_id, "Best regards,", "Speak soon,")
    assert needs_confirmation(box.ledger, f.id, box.source()) is not None
    box.ledger.set_status(f.id, "dismissed", who="mila")
    withdraw(box.ledger, box.ws, f.id, MILA, source=box.source(), who="mila", confirmed=True)
    assert box.drafts() == []


def test_a_crash_between_append_and_removal_leaves_one_copy_after_restart(box):
    f, first = _drafted(box, "spare bedroom")
    src = box.source()

    def killed(*_a, **_k):
        raise KeyboardInterrupt("killed between the append and the removal")

    src.remove_draft = killed
    with pytest.raises(KeyboardInterrupt):
        edit_draft(box.ledger, box.ws, f.id, MILA, "Hi Claire,\n\nThe new text.\n\nMila\n", who="mila", source=src)
    assert len(box.drafts()) == 2  # the new version went in, the old one is still there
    d = followup.draft_for(box.ledger, f.id)
    assert d.pending and "The new text." in versions.body_text(d.raw)
    # The restart: the service's first pass brings Drafts in line, once.
    reconcile_drafts(box.ledger, box.source())
    reconcile_drafts(box.ledger, box.source())
    [copy] = box.drafts()
    d = followup.draft_for(box.ledger, f.id)
    assert copy["Message-ID"] == d.message_id and "The new text." in text_of(copy) and not d.pending


def test_a_save_the_mailbox_could_not_take_is_finished_by_the_service(box):
    f, first = _drafted(box, "spare bedroom")
    d = edit_draft(box.ledger, box.ws, f.id, MILA, "Hi Claire,\n\nSaved while offline.\n\nMila\n", who="mila")
    assert d.pending and [m["Message-ID"] for m in box.drafts()] == [first.message_id]
    follow_up(box.ledger, box.ws, box.source(), MILA)
    [copy] = box.drafts()
    assert "Saved while offline." in text_of(copy)
    assert not followup.draft_for(box.ledger, f.id).pending


def test_correcting_a_drafted_request_rewrites_its_unedited_reply(box):
    from scopewatch.draft.service import refresh_after_correction
    from scopewatch.store import decisions

    f, first = _drafted(box, "spare bedroom")
    decisions.confirm(box.ledger, f.id, who="mila", category="excluded", item="exterior",
                      agreement=box.ws.agreements["hughes-house"])
    line = refresh_after_correction(box.ledger, box.ws, f.id, MILA, source=box.source(), who="mila")
    assert line.startswith("its reply was written anew")
    [copy] = box.drafts()
    assert copy["Message-ID"] != first.message_id and "as not included" in text_of(copy)


CRASH = r"""
import os, sys
from scopewatch.draft.service import VA, edit_draft
from scopewatch.ingest.maildir import MaildirSource
from scopewatch.store.ledger import Ledger
from scopewatch.workspace import open_workspace

root, fid = sys.argv[1], int(sys.argv[2])
def killed(self, *a, **k):
    os._exit(9)  # the process dies between appending the new version and removing the old one
MaildirSource.remove_draft = killed
ledger = Ledger.open(f"sqlite:///{root}/scopewatch.db")
src = MaildirSource("maildir", f"{root}/mailbox")
src.connect()
edit_draft(ledger, open_workspace(root), fid, VA("Mila Jansen", "mila@va.example", None),
           "Hi Claire,\n\nWritten just before the crash.\n\nMila\n", who="mila", source=src)
"""


def test_a_process_killed_mid_replacement_leaves_one_copy_after_restart(env):
    """A real kill (os._exit in another process, its claim left behind): the next process takes the
    dead one's claim over at once and finishes the replacement."""
    box = Box("maildir", env.ledger, env.workspace, env.source, maildir=env.maildir)
    f, first = _drafted(box, "spare bedroom")
    done = subprocess.run([sys.executable, "-c", CRASH, str(env.root), str(f.id)], cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, timeout=120)
    assert done.returncode == 9, done.stderr.decode()[-2000:]
    assert len(box.drafts()) == 2
    restarted = Ledger.open(env.url)
    try:
        [pending] = swaps.pending(restarted)
        reconcile_drafts(restarted, MaildirSource("maildir", env.maildir))
        [copy] = box.drafts()
        d = followup.draft_for(restarted, f.id)
        assert copy["Message-ID"] == d.message_id == pending.new_message_id
        assert "Written just before the crash." in text_of(copy) and swaps.pending(restarted) == []
        assert text_digest(bytes(copy)) == text_digest(d.raw)
    finally:
        restarted.close()


# --- the terminal: `draft --edit`, `dismiss`, and `review` under auto_draft = "all" ----------------

EDIT_LINE = "P.S. Edited in the terminal: we can talk it through on Monday."


@pytest.fixture
def editor(tmp_path) -> dict[str, str]:
    """A fake $EDITOR that appends a line to the file it is given, as the VA typing would."""
    import stat

    script = tmp_path / "fake-editor"
    script.write_text(f"#!{sys.executable}\nimport sys\nwith open(sys.argv[1], 'a', encoding='utf-8') as fh:\n"
                      f"    fh.write({EDIT_LINE!r} + '\\n')\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return {"EDITOR": str(script), "VISUAL": str(script)}


def _maildir_drafts(env) -> list:
    return Box("maildir", env.ledger, env.workspace, env.source, maildir=env.maildir).drafts()


def test_draft_edit_in_the_terminal_puts_the_reply_into_drafts_then_replaces_it(env, editor):
    f = env.finding_by_text("spare bedroom")
    res = env.run("draft", str(f.id), "--edit", env=editor)  # no reply yet: edited, then into Drafts
    assert res.exit_code == 0, res.output
    [copy] = _maildir_drafts(env)
    assert EDIT_LINE in text_of(copy)
    res = env.run("draft", str(f.id), "--edit", env=editor)
    assert res.exit_code == 0, res.output
    assert "Saved: your edited version is in maildir/" in res.output
    [copy] = _maildir_drafts(env)
    assert text_of(copy).count(EDIT_LINE) == 2 and copy["Message-ID"] == followup.draft_for(env.ledger, f.id).message_id


def test_dismiss_asks_before_taking_an_edited_reply_out_of_drafts(env, editor):
    f = env.finding_by_text("spare bedroom")
    env.run("draft", str(f.id))
    env.run("draft", str(f.id), "--edit", env=editor)
    res = env.run("dismiss", str(f.id), "--not-a-request", input="n\n")
    assert res.exit_code == 0, res.output
    assert "is your edited version" in res.output and "not dismissed" in res.output
    assert env.ledger.finding(f.id).status == "drafted" and len(_maildir_drafts(env)) == 1
    res = env.run("dismiss", str(f.id), "--not-a-request", input="y\n")
    assert res.exit_code == 0, res.output
    assert "its edited draft was removed from Drafts" in res.output
    assert env.ledger.finding(f.id).status == "dismissed" and _maildir_drafts(env) == []


def test_every_decision_on_a_reply_the_service_drafted_by_itself(env):
    """Under auto_draft = "all" a drafted request still waits for the VA in `review`: dismissed with
    a reason (its reply leaves Drafts), corrected (its reply says the corrected thing)."""
    from scopewatch.draft.service import auto_draft

    auto_draft(env.ledger, env.workspace, env.source(), MILA, mode="all")
    drafted = [f for f in env.ledger.findings(client="hughes-house", status="drafted")
               if len(followup.draft_for(env.ledger, f.id).finding_ids) == 1]
    first, second = drafted[0], drafted[1]
    before = len(_maildir_drafts(env))
    keys = "d\nn\n" + "k\nexcluded\nwallpaper\n" + "q\n"
    res = env.run("review", "--client", "hughes-house", input=keys)
    assert res.exit_code == 0, res.output
    assert f"finding {first.id}: dismissed; its draft was removed from Drafts" in res.output
    assert env.ledger.finding(first.id).status == "dismissed"
    assert f"finding {second.id}: confirmed; its reply was written anew" in res.output
    after = _maildir_drafts(env)
    assert len(after) == before - 1
    reply = followup.draft_for(env.ledger, second.id)
    [copy] = [m for m in after if m["Message-ID"] == reply.message_id]
    assert "Stripping or hanging wallpaper" in text_of(copy)
    # Confirmed by a person now: the next review does not ask about it again.
    res = env.run("review", "--client", "hughes-house", input="q\n")
    assert f"Finding {second.id}:" not in res.output and f"Finding {first.id}:" not in res.output
