"""The review commands as the VA types them: flags, show, confirm, dismiss, ledger, db upgrade."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from scopewatch.agreement.load import load_agreement_file
from scopewatch.cli import cli
from scopewatch.store.ledger import Ledger
from tests.test_store_ledger import make_finding, make_message

AGREEMENT = """\
client: Acme Bakery
contacts:
  - anna@acme.example
language: en
rate: {amount: 40, currency: EUR, per: hour}
estimate_hours: 2
deliverables:
  - id: instagram-posts
    description: Instagram posts with photo and caption
    terms: [instagram, post]
    limit: {count: 3, per: week}
    estimate_hours: 1
  - id: replies
    description: Answer comments on weekdays
    terms: [comment, reply]
exclusions:
  - id: website
    description: Website and web shop
    terms: [website, webshop]
"""


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    root = tmp_path / "va"
    (root / "scopes").mkdir(parents=True)
    (root / "scopes" / "acme.yaml").write_text(AGREEMENT, encoding="utf-8")
    monkeypatch.delenv("SCOPEWATCH_DATABASE", raising=False)
    monkeypatch.setenv("USER", "anna-va")
    return root


@pytest.fixture
def filled(workspace, ledger_url):
    """A ledger with three flags and one in-scope request for acme, mailed today."""
    agreement = load_agreement_file(workspace / "scopes" / "acme.yaml")
    now = datetime.now(timezone.utc).replace(microsecond=0)
    led = Ledger.open(ledger_url)
    ids = []
    website = make_finding("out_of_scope", "excluded", item="website",
                           evidence="Could you also redo our website before the spring sale starts next month?")
    ids += led.record(make_message("7:1", when=now, agreement=agreement, findings=[website])).finding_ids
    posts = [make_finding("in_scope", item="instagram-posts", evidence=f"Post number {i}, please.") for i in range(3)]
    more = make_finding("out_of_scope", "quantity", item="instagram-posts", evidence="And a fourth post?")
    ids += led.record(make_message("7:2", when=now, agreement=agreement, findings=[*posts, more])).finding_ids
    flyer = make_finding("out_of_scope", "new_work", evidence="Can you design a flyer?", confidence=0.4, review=True)
    ids += led.record(make_message("7:3", when=now - timedelta(days=400), agreement=agreement,
                                   findings=[flyer])).finding_ids
    led.close()
    return {"url": ledger_url, "website": ids[0], "posts": ids[1:4], "more": ids[4], "flyer": ids[5]}


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result


def test_flags_lists_out_of_scope_requests(workspace, filled):
    res = run("flags", "-w", workspace, "--database", filled["url"])
    assert res.exit_code == 0, res.output
    lines = res.output.strip().splitlines()
    assert lines[0].split()[:3] == ["ID", "DATE", "CLIENT"]
    assert [int(line.split()[0]) for line in lines[1:]] == [filled["flyer"], filled["website"], filled["more"]]
    assert "new_work (check)" in lines[1] and "0.40" in lines[1]
    assert "Could you also redo our website" in res.output and "…" in lines[2]  # shortened
    assert "Post number" not in res.output


def test_flags_filters_and_json(workspace, filled):
    today = datetime.now(timezone.utc).date().isoformat()
    res = run("flags", "-w", workspace, "--database", filled["url"], "--since", today, "--json", "--all")
    assert res.exit_code == 0, res.output
    objs = [json.loads(line) for line in res.output.splitlines()]
    assert {o["id"] for o in objs} == {filled["website"], filled["more"], *filled["posts"]}
    assert all(o["client"] == "acme" and o["message"]["account"] == "work" for o in objs)
    res = run("flags", "-w", workspace, "--database", filled["url"], "--status", "confirmed")
    assert res.output.strip() == "no flags matching these filters"
    res = run("flags", "-w", workspace, "--database", filled["url"], "--status", "bogus")
    assert res.exit_code == 2


def test_show_explains_the_finding(workspace, filled):
    res = run("show", "-w", workspace, "--database", filled["url"], filled["website"])
    assert res.exit_code == 0, res.output
    out = res.output
    assert f"Finding {filled['website']}: out of scope (excluded)" in out
    assert "request.could_you, scope.excluded" in out
    assert '"Could you also redo our website before the spring sale starts next month?"' in out
    assert "website (deliverable): clause website" in out
    clause = load_agreement_file(workspace / "scopes" / "acme.yaml").item("website")
    assert f"acme.yaml:{clause.line} (unchanged since)" in out
    assert "  | Hello, message 7:1." in out
    assert "scopewatch  -> new" in out


def test_show_says_when_the_agreement_changed_since(workspace, filled):
    path = workspace / "scopes" / "acme.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "acceptance: Anna approves on Thursdays\n", encoding="utf-8")
    out = run("show", "-w", workspace, "--database", filled["url"], filled["website"]).output
    assert "acme.yaml, version" in out and "(the file has changed since)" in out


def test_confirm_and_dismiss_log_who_and_why(workspace, filled):
    fid = filled["more"]
    res = run("confirm", "-w", workspace, "--database", filled["url"], fid)
    assert res.exit_code == 0 and res.output.strip() == f"finding {fid}: new -> confirmed"
    res = run("dismiss", "-w", workspace, "--database", filled["url"], fid, "--reason", "agreed by phone")
    assert res.output.strip() == f"finding {fid}: confirmed -> dismissed (agreed by phone)"
    res = run("dismiss", "-w", workspace, "--database", filled["url"], fid)
    assert res.output.strip() == f"finding {fid} is already dismissed"
    out = run("show", "-w", workspace, "--database", filled["url"], fid).output
    assert "anna-va  new -> confirmed" in out
    assert "anna-va  confirmed -> dismissed  (agreed by phone)" in out
    led = Ledger.open(filled["url"])
    try:
        assert [e.who for e in led.events(fid)] == ["scopewatch", "anna-va", "anna-va"]
    finally:
        led.close()


def test_unknown_finding_is_one_line_error(workspace, filled):
    res = CliRunner().invoke(cli, ["show", "-w", str(workspace), "--database", filled["url"], "999"])
    assert res.exit_code == 3
    assert res.output.strip() == "error: no finding 999 in the ledger (list them with `scopewatch flags`)"


def data_findings(url):
    from scopewatch.store.ledger import Ledger

    ledger = Ledger.open(url)
    try:
        return ledger.findings(verdict="out_of_scope")
    finally:
        ledger.close()


def test_ledger_report_for_a_client(workspace, filled):
    res = run("ledger", "acme", "-w", workspace, "--database", filled["url"])
    assert res.exit_code == 0, res.output
    out = res.output
    assert out.startswith("Ledger for Acme Bakery (acme), all time")
    assert "3 messages: 3 out of scope" in out
    assert "6 requests: 3 in scope, 3 out of scope" in out
    assert "instagram-posts: 4 of 3 this week" in out and "OVER" in out
    # website + flyer at the default 2 h, the fourth post at its own 1 h; EUR 40 an hour. Nobody
    # confirmed them yet: shown apart, not as extra work asked for.
    assert "Not confirmed yet (not counted above): 3 requests, about 5 h, EUR 200.00" in out
    assert "Extra work requested (confirmed)" not in out
    data = json.loads(run("ledger", "acme", "-w", workspace, "--database", filled["url"], "--json").output)
    assert data["by_category"] == {"excluded": 1, "new_work": 1, "quantity": 1}
    assert (data["unconfirmed"], data["unconfirmed_hours"], data["unconfirmed_value"]) == (3, 5.0, "200.00")
    website = [f for f in data_findings(filled["url"]) if f.category == "excluded"][0]
    assert run("confirm", str(website.id), "-w", workspace, "--database", filled["url"]).exit_code == 0
    out = run("ledger", "acme", "-w", workspace, "--database", filled["url"]).output
    assert "Extra work requested (confirmed): 2 h, worth EUR 80.00" in out
    assert "Not confirmed yet (not counted above): 2 requests, about 3 h, EUR 120.00" in out
    res = CliRunner().invoke(cli, ["ledger", "nobody", "-w", str(workspace), "--database", filled["url"]])
    assert res.exit_code == 3 and "known clients: acme" in res.output


def test_db_upgrade_then_default_database_in_workspace(workspace):
    res = run("db", "upgrade", "-w", workspace)
    assert res.exit_code == 0, res.output
    from alembic.script import ScriptDirectory
    from scopewatch.store import db

    head = ScriptDirectory.from_config(db.alembic_config()).get_current_head()
    assert f"upgraded from schema none to {head}" in res.output
    assert (workspace / "scopewatch.db").is_file()
    assert f"is up to date (schema {head})" in run("db", "upgrade", "-w", workspace).output
    assert run("flags", "-w", workspace).output.strip() == "no flags"


def test_database_from_environment(workspace, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    monkeypatch.setenv("SCOPEWATCH_DATABASE", url)
    assert run("db", "upgrade", "-w", workspace).exit_code == 0
    assert (tmp_path / "elsewhere.db").is_file() and not (workspace / "scopewatch.db").exists()


def test_unreachable_database_is_one_line_error(workspace):
    res = CliRunner().invoke(
        cli, ["flags", "-w", str(workspace), "--database", "postgresql+psycopg://nobody:secret@127.0.0.1:1/x"]
    )
    assert res.exit_code == 6
    assert res.output.startswith("error: cannot open ledger postgresql+psycopg://nobody:***@127.0.0.1:1/x")
    assert len(res.output.strip().splitlines()) == 1 and "secret" not in res.output
