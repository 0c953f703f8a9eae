"""`scopewatch review` driven like a VA would at the terminal: edit a draft in $EDITOR (a fake editor
script), confirm it into Drafts, dismiss with a reason, skip, quit; every decision is in the log."""

from __future__ import annotations

import stat
from datetime import timezone
from zoneinfo import ZoneInfo
import sys

import pytest

from scopewatch.store import followup
from tests.test_followup import drafts_in, env, checker, sample_outcomes  # noqa: F401

EDIT_LINE = "P.S. I can start on Monday if you agree."


@pytest.fixture
def editor(tmp_path) -> dict[str, str]:
    """A fake $EDITOR that appends a line to the file it is given, as the VA typing would."""
    script = tmp_path / "fake-editor"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        f"with open(sys.argv[1], 'a', encoding='utf-8') as fh:\n"
        f"    fh.write({EDIT_LINE!r} + '\\n')\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return {"EDITOR": str(script), "VISUAL": str(script)}


def test_review_walk_edit_confirm_dismiss_skip_quit(env, editor):
    queue = env.ledger.findings(client="hughes-house", status="new", verdict="out_of_scope")
    first, second, third, fourth = queue[:4]
    keys = "e\nc\n" + "d\nalready in the quote\n" + "x\ns\n" + "q\n"
    res = env.run("review", "--client", "hughes-house", input=keys, env=editor)
    assert res.exit_code == 0, res.output

    # What the VA saw: the explanation and the draft of the first finding.
    assert f"Finding {first.id}:" in res.output and "Why:" in res.output
    assert "Draft:" in res.output and "Draft (edited):" in res.output
    assert "c = confirm and draft" in res.output
    assert "Error: 'x' is not one of" in res.output  # a wrong key asks again
    assert "review: 1 confirmed, 1 dismissed, 1 edited, 1 skipped" in res.output

    # c: confirmed, then drafted into Drafts with the VA's edit in it.
    assert env.ledger.finding(first.id).status == "drafted"
    [file] = drafts_in(env.maildir / ".Drafts")
    assert EDIT_LINE.encode() in file.read_bytes().replace(b"=\r\n", b"")
    assert followup.draft_for(env.ledger, first.id).edited_at is not None
    whys = [(e.from_status, e.to_status, e.why) for e in env.ledger.events(first.id)]
    assert ("new", "new", "draft edited") in whys
    assert ("new", "confirmed", "confirmed in review") in whys
    assert whys[-1][:2] == ("confirmed", "drafted")
    assert all(e.who == "mila" for e in env.ledger.events(first.id)[1:])

    # d: dismissed with the reason given.
    assert env.ledger.finding(second.id).status == "dismissed"
    assert env.ledger.events(second.id)[-1].why == "already in the quote"
    # s: still new, the skip logged.
    assert env.ledger.finding(third.id).status == "new"
    assert env.ledger.events(third.id)[-1].why == "skipped in review"
    # q: untouched.
    assert env.ledger.finding(fourth.id).status == "new"
    assert len(env.ledger.events(fourth.id)) == 1


def test_review_with_an_editor_that_changes_nothing_keeps_the_draft(env, tmp_path):
    noop = tmp_path / "noop-editor"
    noop.write_text("#!/bin/sh\nexit 0\n")
    noop.chmod(0o755)
    res = env.run("review", "--client", "hughes-house", input="e\nq\n", env={"EDITOR": str(noop), "VISUAL": str(noop)})
    assert res.exit_code == 0, res.output
    assert "draft unchanged" in res.output
    first = env.ledger.findings(client="hughes-house", status="new", verdict="out_of_scope")[0]
    assert followup.draft_for(env.ledger, first.id) is None


def test_review_with_nothing_new(env):
    for f in env.ledger.findings(status="new"):
        env.ledger.set_status(f.id, "dismissed", who="mila")
    res = env.run("review")
    assert res.exit_code == 0 and "no new findings to review" in res.output


def test_review_without_va_address_still_reviews(env, monkeypatch):
    (env.root / "scopewatch.toml").write_text('maildir = "mailbox"\n')
    res = env.run("review", "--client", "northgate-admin", input="c\nq\n")
    assert res.exit_code == 0, res.output
    assert "drafts cannot be shown" in res.output
    first = env.ledger.findings(client="northgate-admin", verdict="out_of_scope")[0]
    assert env.ledger.finding(first.id).status == "confirmed"
    assert drafts_in(env.maildir / ".Drafts") == []


def test_an_editor_that_cannot_start_is_one_line_and_the_walk_goes_on(env):
    queue = env.ledger.findings(client="hughes-house", status="new", verdict="out_of_scope")
    broken = {"EDITOR": "/nonexistent/editor-that-is-not-there", "VISUAL": "/nonexistent/editor-that-is-not-there"}
    res = env.run("review", "--client", "hughes-house", input="e\ns\nd\nnot a request\nq\n", env=broken)
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.output.splitlines() if "could not start" in ln]
    assert len(lines) == 1 and "/nonexistent/editor-that-is-not-there" in lines[0]
    assert "set $EDITOR" in lines[0] and "Traceback" not in res.output
    # and the walk went on: a line after every decision
    assert f"finding {queue[0].id}: skipped, still new" in res.output
    assert f"finding {queue[1].id}: dismissed" in res.output
    assert f"finding {queue[2].id}: left as it is; review ended" in res.output
    assert env.ledger.finding(queue[1].id).status == "dismissed"
    assert followup.draft_for(env.ledger, queue[0].id) is None


def test_single_keys_without_enter_on_a_terminal(capsys):
    from scopewatch.review import read_key

    keys = iter(["x", "C"])
    assert read_key("c = confirm, q = quit", ["c", "q"], interactive=True, getchar=lambda: next(keys)) == "c"
    out = capsys.readouterr().out
    assert "'x' is not one of c, q" in out and out.rstrip().endswith("c")
    with pytest.raises(KeyboardInterrupt):
        read_key("c = confirm", ["c"], interactive=True, getchar=lambda: "\x03")

    def no_raw_mode():
        raise OSError("not a terminal")

    import click
    from click.testing import CliRunner

    @click.command()
    def ask():
        click.echo("got " + read_key("c = confirm", ["c", "q"], interactive=True, getchar=no_raw_mode))

    res = CliRunner().invoke(ask, input="q\n")  # falls back to a typed line
    assert res.output.strip().endswith("got q")


def test_show_and_flags_speak_the_vas_local_time(env):
    f = env.ledger.findings(client="hughes-house", verdict="out_of_scope")[0]
    utc = env.run("show", str(f.id))
    assert utc.exit_code == 0 and f"{f.message.date.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC" in utc.output
    toml = env.root / "scopewatch.toml"
    toml.write_text(toml.read_text() + '\n[digest]\ntimezone = "Europe/Amsterdam"\n')
    local = env.run("show", str(f.id))
    when = f.message.date.astimezone(ZoneInfo("Europe/Amsterdam"))
    assert local.exit_code == 0 and f"{when:%Y-%m-%d %H:%M} {when.tzname()}" in local.output, local.output
    assert " UTC" not in local.output.split("History:")[0]
