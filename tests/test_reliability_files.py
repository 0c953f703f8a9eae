"""One client's agreement file is that client's problem: a broken, refused, unreadable or odd file
(a folder, a FIFO, a dangling link) is named by `scope lint`, `status`, the digest and the page, that
client's mail gets an error verdict naming it, and every other client is served. Agreement limits
count what aliases expand to, and nothing reaches spaCy that it refuses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from tests.test_service_support import EXAMPLES, REPO, workspace

CLAIRE = "Claire Hughes <claire.hughes@hughesfamily.example>"


def mail(body: str, sender: str = CLAIRE, tag: str = "m") -> bytes:
    return (f"From: {sender}\nTo: dave@collinsdecorating.example\nSubject: one more thing\n"
            f"Message-ID: <{tag}.{time.time_ns()}@test.example>\n\nHi,\n\n{body}\n\nThanks\n").encode()


def scopewatch(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scopewatch", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout)


def maildir_workspace(tmp_path):
    root = workspace(tmp_path)
    shutil.copytree(EXAMPLES / "mailbox", root / "mailbox")
    (root / "scopewatch.toml").write_text('maildir = "mailbox"\n')
    return root


def ledger_rows(root) -> list[tuple]:
    from sqlalchemy import create_engine, text

    engine = create_engine(f"sqlite:///{root / 'scopewatch.db'}")
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text("select message_id, client_id, verdict, error from message"))]
    finally:
        engine.dispose()


# --- 3. per-client isolation ------------------------------------------------------------------------

def test_a_broken_agreement_stops_only_its_own_client(tmp_path):
    root = maildir_workspace(tmp_path)
    (root / "scopes" / "zz-broken.yaml").write_text("client: [unclosed\ncontacts: [boss@broken.example]\n")
    (root / "mailbox" / "new" / "1.broken").write_bytes(mail("Could you paint the shed?", "boss@broken.example", "b"))
    proc = scopewatch("scan", "--json", "-w", str(root))
    summary = json.loads(proc.stdout)
    assert proc.returncode == 2, proc.stderr  # said, after every other client's mail was read
    assert summary["processed"] == 37 and summary["verdicts"]["out_of_scope"] == 19
    assert "zz-broken.yaml" in next(iter(summary["agreements_not_used"]))
    rows = {m: (c, v, e) for m, c, v, e in ledger_rows(root)}
    broken = [r for r in rows.values() if r[0] == "zz-broken"]
    assert len(broken) == 1 and broken[0][1] == "error" and "zz-broken.yaml cannot be used" in broken[0][2]
    assert "invalid YAML" in broken[0][2]

    # `check` reads the other clients' mail too, and says why it exits 2.
    other = tmp_path / "claire.eml"
    other.write_bytes(mail("Could you also paint the spare bedroom?"))
    proc = scopewatch("check", "--json", "-w", str(root), str(other))
    assert proc.returncode == 2 and json.loads(proc.stdout)["verdict"] == "out_of_scope"
    assert "zz-broken.yaml cannot be used" in proc.stderr

    # `status` is UNHEALTHY for that client, by name.
    proc = scopewatch("status", "--json", "-w", str(root))
    doc = json.loads(proc.stdout)
    assert proc.returncode == 1 and "zz-broken" in doc["agreements"]
    assert any(p.startswith("client zz-broken: the agreement") and "zz-broken.yaml" in p for p in doc["problems"])


ODD = {  # client -> what its agreement file becomes, and what `scope lint` says about it
    "hughes-house": ("folder", "is a folder"),
    "devries-social": ("fifo", "is a FIFO"),
    "northgate-admin": ("dangling link", "which does not exist"),
}
SENDERS = {"hughes-house": CLAIRE, "devries-social": "Anna <anna@bakkerijdevries.example>",
           "northgate-admin": "Mark <mark@northgate-advisory.example>"}


def test_an_odd_agreement_file_is_named_and_its_clients_mail_is_an_error(tmp_path):
    root = maildir_workspace(tmp_path)
    assert scopewatch("scan", "-w", str(root)).returncode == 0  # each client's mail is filed under it
    sent = {}
    for client, (odd, _said) in ODD.items():
        target = root / "scopes" / f"{client}.yaml"
        target.unlink()
        if odd == "folder":
            target.mkdir()
        elif odd == "fifo":
            os.mkfifo(target)
        else:
            target.symlink_to(root / "scopes" / "gone.yaml")
        raw = mail("Could you also do the other room?", SENDERS[client], tag=client)
        (root / "mailbox" / "new" / f"9.{client}").write_bytes(raw)
        sent[raw.split(b"Message-ID: ", 1)[1].split(b"\n", 1)[0].decode()] = client
    proc = scopewatch("scan", "-w", str(root), timeout=120)  # a FIFO never blocks the read
    assert proc.returncode == 2, proc.stdout + proc.stderr
    rows = {m: (c, v, e) for m, c, v, e in ledger_rows(root)}
    for mid, client in sent.items():
        got_client, verdict, error = rows[mid]
        # Before, each was an unknown sender, and nothing named the file.
        assert (got_client, verdict) == (client, "error") and f"{client}.yaml cannot be used" in error
    lint = scopewatch("scope", "lint", "-w", str(root), timeout=120)
    assert lint.returncode == 2
    for client, (_odd, said) in ODD.items():
        assert any(f"{client}.yaml" in line and said in line for line in lint.stdout.splitlines()), lint.stdout


def test_an_unreadable_agreement_is_named(tmp_path, monkeypatch):
    from scopewatch.agreement import load
    from scopewatch.workspace import open_workspace

    root = workspace(tmp_path)
    locked = root / "scopes" / "hughes-house.yaml"
    real = os.open

    def refuse(path, *args, **kwargs):
        # What a file without read permission does (the suite may run as root, who reads all).
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(load.os, "open", refuse)
    ws = open_workspace(root)
    assert "hughes-house" not in ws.agreements and sorted(ws.agreements) == ["devries-social", "northgate-admin"]
    assert ws.broken["hughes-house"].reason == f"{locked}: cannot read the file: Permission denied"


def test_the_digest_and_the_page_name_a_broken_agreement(tmp_path):
    from scopewatch.digest.build import build_digest
    from scopewatch.digest.render import render_digest
    from scopewatch.store.ledger import Ledger
    from scopewatch.web import create_app
    from scopewatch.workspace import open_workspace

    root = maildir_workspace(tmp_path)
    assert scopewatch("scan", "-w", str(root)).returncode == 0
    app = create_app(root, host="127.0.0.1")
    client = app.test_client()
    local = {"REMOTE_ADDR": "127.0.0.1"}
    try:
        (root / "scopes" / "hughes-house.yaml").write_text("client: [unclosed\n")  # broken while the page runs
        assert client.get("/", environ_base=local).status_code == 200
        page = client.get("/service", environ_base=local).get_data(as_text=True)
        assert "hughes-house: the agreement" in page and "hughes-house.yaml cannot be used" in page
    finally:
        app.extensions["scopewatch_close"]()
    ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")
    ws = open_workspace(root)
    try:
        digest = build_digest(ledger, ws)
    finally:
        ledger.close()
    for language in ("en", "nl"):
        text, html = render_digest(digest, ws.template_dirs(), language=language)
        assert "hughes-house.yaml" in text and "hughes-house.yaml" in html
    assert "cannot be used" in render_digest(digest, ws.template_dirs(), language="en")[0]


# --- 4. agreement limits count what aliases expand to -----------------------------------------------

def _agreement(items: str) -> str:
    return ("client: Aliased Ltd\ncontacts: [boss@aliased.example]\nlanguage: en\n"
            "rate: {amount: 50, currency: EUR, per: hour}\ndeliverables:\n" + items)


def test_a_long_description_reused_by_alias_is_refused_at_once(tmp_path):
    root = workspace(tmp_path)
    text = ("Paint the walls and ceilings of the living room, hallway and stairs; " * 300)[:20_000]
    items = [f"  - id: item0\n    description: &d \"{text}\"\n    terms: [thing0]\n"]
    items += [f"  - id: item{n}\n    description: *d\n    terms: [thing{n}]\n" for n in range(1, 500)]
    (root / "scopes" / "aliased.yaml").write_text(_agreement("".join(items)))
    started = time.monotonic()
    proc = scopewatch("scope", "lint", "-w", str(root), timeout=300)
    assert time.monotonic() - started < 60, "lint ran past 300 s before"
    assert proc.returncode == 2
    assert "deliverables[0].description: is 20,000 characters long" in proc.stdout and "limit: text length" in proc.stdout
    assert "limit: expanded size" in proc.stdout


def test_many_short_descriptions_by_alias_are_refused_by_what_they_expand_to(tmp_path):
    from scopewatch.agreement.validate import check_agreement_text

    text = "Paint the walls. " * 280
    items = [f"  - id: item0\n    description: &d \"{text}\"\n    terms: [thing0]\n"]
    items += [f"  - id: item{n}\n    description: *d\n    terms: [thing{n}]\n" for n in range(1, 500)]
    agreement, problems, _ = check_agreement_text(_agreement("".join(items)), "x.yaml", "x")
    assert agreement is None and [p.field for p in problems] == [problems[0].field]
    assert "limit: expanded size" in problems[0].message


def test_a_huge_description_is_a_problem_not_a_traceback_and_its_clients_mail_an_error(tmp_path):
    root = workspace(tmp_path)
    big = " ".join(f"word{n % 997}" for n in range(400_000))[:1_900_000]
    (root / "scopes" / "huge.yaml").write_text(_agreement(f"  - id: big\n    description: \"{big}\"\n    terms: [big]\n"))
    proc = scopewatch("scope", "lint", "-w", str(root), timeout=300)
    assert proc.returncode == 2 and "Traceback" not in proc.stdout + proc.stderr and "E088" not in proc.stdout
    assert "limit: text length" in proc.stdout
    one = tmp_path / "boss.eml"
    one.write_bytes(mail("Could you also paint the shed?", "Boss <boss@aliased.example>"))
    proc = scopewatch("check", "--json", "-w", str(root), str(one))
    doc = json.loads(proc.stdout)
    assert doc["verdict"] == "error" and "huge.yaml cannot be used" in doc["error"] and "E088" not in doc["error"]
