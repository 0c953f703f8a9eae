"""The service over a Maildir (no mail server): the bundled sample end to end with `scopewatch scan`,
new files noticed while running, files never renamed or moved, restarts without repeats, and a dry
run that writes nothing at all."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.test_service_support import (
    EXAMPLES,
    REPO,
    ThreadedService,
    flagged_mail,
    ledger_messages,
    wait_for,
    workspace,
)


def _sample_workspace(tmp_path: Path, toml: str | None = None) -> Path:
    root = tmp_path / "sample"
    shutil.copytree(EXAMPLES, root)
    if toml is not None:
        (root / "scopewatch.toml").write_text(toml)
    return root


def _files(maildir: Path) -> list[tuple[str, float]]:
    return sorted((str(p.relative_to(maildir)), p.stat().st_mtime) for p in maildir.rglob("*") if p.is_file())


def _scan(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCOPEWATCH_")}
    return subprocess.run([sys.executable, "-m", "scopewatch", "scan", "-w", str(root), *args],
                          cwd=REPO, capture_output=True, text=True, timeout=120, env=env)


def test_scan_over_the_bundled_sample_then_again_finds_nothing_new(tmp_path):
    root = _sample_workspace(tmp_path)
    before = _files(root / "mailbox")
    first = _scan(root, "--json")
    assert first.returncode == 0, first.stderr
    doc = json.loads(first.stdout)
    total = sum(1 for sub in ("cur", "new") for p in (root / "mailbox" / sub).iterdir() if p.is_file())
    assert doc["processed"] == total and doc["duplicates"] == 0
    assert set(doc["flagged"]) == {"devries-social", "hughes-house", "northgate-admin"}
    assert all(v["messages"] >= 1 and v["requests"] >= v["messages"] for v in doc["flagged"].values())
    again = _scan(root)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[0] == "0 messages processed"
    assert _files(root / "mailbox") == before  # nothing renamed, moved or touched
    rows = ledger_messages(f"sqlite:///{root / 'scopewatch.db'}")
    assert len(rows) == total == len({k for _a, k, _m in rows})


def test_dry_run_reports_but_stores_nothing(tmp_path):
    root = _sample_workspace(tmp_path)
    proc = _scan(root, "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "dry run, nothing stored" in proc.stdout
    assert "out_of_scope" in proc.stdout or "out of scope" in proc.stdout
    assert not (root / "scopewatch.db").exists()
    assert not list(root.glob("scopewatch.db*"))


def test_running_service_notices_new_maildir_mail_and_restarts_without_repeats(tmp_path):
    maildir = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    (maildir / "cur" / "1700000000.M1P1.host:2,S").write_bytes(flagged_mail("md-old"))
    root = workspace(tmp_path, f'maildir = "{maildir}"\n[service]\nlease_ttl = 3\n')
    url = f"sqlite:///{root / 'scopewatch.db'}"
    keys = lambda: [k for _a, k, _m in ledger_messages(url)]  # noqa: E731
    with ThreadedService(root) as svc:
        assert wait_for(lambda: len(keys()) == 1, 15)
        time.sleep(0.3)
        started = time.monotonic()
        (maildir / "new" / "1700000001.M2P1.host").write_bytes(flagged_mail("md-new"))
        assert wait_for(lambda: len(keys()) == 2, 10)
        took = time.monotonic() - started
        assert svc.error is None
    assert took <= 2.0 + 1.0, f"new Maildir mail took {took:.2f} s"  # poll interval 2 s
    # A mail client marks the new mail read (new/ -> cur/ with :2,S): the same message, not a new one.
    os.rename(maildir / "new" / "1700000001.M2P1.host", maildir / "cur" / "1700000001.M2P1.host:2,S")
    with ThreadedService(root):
        time.sleep(1.5)
    assert sorted(keys()) == ["1700000000.M1P1.host", "1700000001.M2P1.host"]
    assert (maildir / "cur" / "1700000000.M1P1.host:2,S").exists()


def test_running_service_drafts_confirmed_findings_and_links_the_clients_answer(tmp_path):
    from email.message import EmailMessage
    from email.utils import make_msgid

    from scopewatch.store import followup
    from scopewatch.store.ledger import Ledger

    maildir = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    (maildir / "cur" / "1700000000.M1P1.host:2,S").write_bytes(flagged_mail("md-draft"))
    root = workspace(tmp_path, f'maildir = "{maildir}"\n[va]\nname = "Dave"\naddress = "dave@brush.example"\n'
                               f'[service]\nlease_ttl = 3\n')
    url = f"sqlite:///{root / 'scopewatch.db'}"
    ledger = Ledger.open(url)
    drafts = maildir / ".Drafts"
    try:
        with ThreadedService(root) as svc:
            assert wait_for(lambda: ledger.findings(verdict="out_of_scope"), 15)
            time.sleep(1.5)
            assert not drafts.exists() or not any(drafts.rglob("*,S=*")), "drafted before the VA confirmed"
            (finding,) = ledger.findings(verdict="out_of_scope")
            ledger.set_status(finding.id, "confirmed", who="dave")
            # The draft row is claimed first, then appended to Drafts, then the finding moves on.
            assert wait_for(lambda: ledger.finding(finding.id).status == "drafted", 10), "finding never drafted"
            draft = followup.draft_for(ledger, finding.id)
            assert draft is not None, "no draft for the confirmed finding"
            assert len([p for p in (drafts / "cur").iterdir()]) == 1
            reply = EmailMessage()
            reply["From"] = "Claire Hughes <claire.hughes@hughesfamily.example>"
            reply["To"] = "dave@brush.example"
            reply["Subject"] = "Re: " + (draft.subject or "")
            reply["Message-ID"] = make_msgid(domain="hughesfamily.example")
            reply["In-Reply-To"] = draft.message_id
            reply.set_content("Sounds good, please go ahead.\n\nClaire")
            (maildir / "new" / "1700000009.M9P1.host").write_bytes(reply.as_bytes())
            answers = wait_for(lambda: followup.replies(ledger, finding.id), 10)
            assert answers and answers[0].offer == "accept"
            assert ledger.finding(finding.id).status == "drafted"  # never accepted by itself
            assert svc.error is None
    finally:
        ledger.close()
