"""Learning from the VA's decisions: each kind of decision teaches detection for that client only,
the explanation cites the decision, and what was learned can be listed, exported and forgotten."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from scopewatch.cli import cli
from scopewatch.detect.checker import Checker
from scopewatch.store import decisions
from scopewatch.store.learned import entries, forget, knowledge, rule_stats
from scopewatch.store.ledger import IncomingMessage, Ledger
from scopewatch.workspace import open_workspace

AGREEMENT = """\
client: {name}
contacts: ["{contact}"]
language: en
rate: {{amount: 40, currency: EUR, per: hour}}
deliverables:
  - id: calendar
    description: Keeping the diary and meetings
    terms: [meeting, appointment, diary]
  - id: travel
    description: Booking trips
    terms: [trip, flight, train]
exclusions:
  - id: website
    description: Website changes
    terms: [website]
"""

DANA, OLGA = "dana@office.example", "olga@other.example"


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    root = tmp_path / "va"
    (root / "scopes").mkdir(parents=True)
    (root / "scopes" / "dana.yaml").write_text(AGREEMENT.format(name="Dana Office", contact=DANA), encoding="utf-8")
    (root / "scopes" / "olga.yaml").write_text(AGREEMENT.format(name="Olga Other", contact=OLGA), encoding="utf-8")
    monkeypatch.delenv("SCOPEWATCH_DATABASE", raising=False)
    monkeypatch.setenv("USER", "mila")
    return root


@pytest.fixture
def checker(workspace):
    return Checker(open_workspace(workspace))


@pytest.fixture
def ledger(ledger_url):
    led = Ledger.open(ledger_url)
    yield led
    led.close()


_n = iter(range(1, 10_000))


def mail(body: str, sender: str = DANA, day: int = 3) -> bytes:
    n = next(_n)
    return (f"From: Client <{sender}>\nTo: va@example.org\nSubject: note {n}\n"
            f"Date: Tue, {day} Nov 2026 09:00:00 +0000\nMessage-ID: <m{n}@example.org>\n\n{body}\n").encode()


def watch(ledger: Ledger, checker: Checker, raw: bytes):
    """What `scopewatch run` does with one message: fresh knowledge, check, record."""
    checker.use_learned(knowledge(ledger))
    out = checker.check_bytes(raw, "test")
    stored = ledger.record(IncomingMessage(
        account="work", folder="INBOX", key=hashlib.sha1(raw).hexdigest(), uid=None, uidvalidity=None,
        parsed=out.parsed, result=out.result, agreement=out.agreement, content_hash=hashlib.sha256(raw).hexdigest()))
    return out.result, stored.finding_ids


def test_in_scope_dismissal_is_learned_and_cited(ledger, checker, workspace):
    result, [fid] = watch(ledger, checker, mail("Could you shift my Friday call with Tom to Monday?"))
    assert result.findings[0].verdict == "out_of_scope"  # no agreement term names a call
    agreement = open_workspace(workspace).agreements["dana"]
    done = decisions.dismiss(ledger, fid, who="mila", in_scope="calendar", agreement=agreement)
    assert done.finding.status == "dismissed"
    assert [(r.outcome, r.scope_item, r.words) for r in done.learned] == [("in_scope", "calendar", ["shift", "call"])]
    assert ledger.events(fid)[-1].why == "in scope: calendar"

    later, [later_id] = watch(ledger, checker, mail("Can you shift the call with Anna to Thursday?", day=10))
    f = later.findings[0]
    assert later.verdict == "in_scope" and f.scope_item == "calendar"
    assert f.explanation == f"in scope: you marked a similar request on 3 Nov as calendar, finding {fid}"
    assert ledger.finding(later_id).learned_id == done.learned[0].id
    assert entries(ledger, client="dana")[0].uses == 1

    # A deliverable the agreement does not have is refused, with the ones it has.
    with pytest.raises(Exception, match="no deliverable of dana's agreement.*calendar, travel"):
        decisions.dismiss(ledger, later_id, who="mila", in_scope="parking", agreement=agreement)


def test_not_a_request_sets_like_sentences_aside(ledger, checker):
    result, [fid] = watch(ledger, checker, mail("Could you guess how happy we are with the new kitchen?"))
    assert result.flagged
    decisions.dismiss(ledger, fid, who="mila", not_a_request=True)
    later, ids = watch(ledger, checker, mail("Could you guess how happy we are with the kitchen?", day=9))
    assert later.verdict == "no_request" and ids == []
    assert entries(ledger)[0].outcome == "not_a_request" and entries(ledger)[0].uses == 1


def test_confirm_with_a_category_and_clause_flags_like_requests(ledger, checker, workspace):
    result, [fid] = watch(ledger, checker, mail("Could you also renew the parking permit for the office?"))
    assert result.review_only  # a "check": nothing in the agreement names it
    agreement = open_workspace(workspace).agreements["dana"]
    done = decisions.confirm(ledger, fid, who="mila", category="excluded", item="website", agreement=agreement)
    assert (done.finding.category, done.finding.scope_item, done.finding.review) == ("excluded", "website", False)
    assert ledger.events(fid)[-1].why == "as excluded, website"

    later, _ = watch(ledger, checker, mail("Could you renew the parking permit for the van?", day=12))
    f = later.findings[0]
    assert later.flagged and (f.category, f.scope_item) == ("excluded", "website")
    assert f.explanation == f"out of scope: you confirmed a similar request on 3 Nov as excluded, website, finding {fid}"


def test_already_agreed_makes_a_like_request_a_check(ledger, checker):
    result, [fid] = watch(ledger, checker, mail("Could you update the website banner?"))
    assert result.flagged and result.findings[0].category == "excluded"
    decisions.dismiss(ledger, fid, who="mila", already_agreed=True)
    later, _ = watch(ledger, checker, mail("Could you update the website banner for spring?", day=5))
    f = later.findings[0]
    assert not later.flagged and later.review_only
    assert f"already agreed (an amendment or a quote), finding {fid}" in f.explanation


def test_free_text_dismissal_teaches_nothing(ledger, checker):
    _, [fid] = watch(ledger, checker, mail("Could you update the website banner?"))
    decisions.dismiss(ledger, fid, who="mila", reason="agreed by phone")
    assert entries(ledger) == [] and ledger.events(fid)[-1].why == "agreed by phone"
    later, _ = watch(ledger, checker, mail("Could you update the website banner?", day=6))
    assert later.flagged


def test_two_reasons_at_once_are_refused(ledger, checker):
    _, [fid] = watch(ledger, checker, mail("Could you update the website banner?"))
    with pytest.raises(Exception, match="give one reason"):
        decisions.dismiss(ledger, fid, who="mila", in_scope="calendar", not_a_request=True)


def test_accepted_change_request_is_learned(ledger, checker, workspace):
    from scopewatch.draft.service import accept_finding

    _, [fid] = watch(ledger, checker, mail("Could you also renew the parking permit for the office?"))
    decisions.confirm(ledger, fid, who="mila", category="new_work")
    amendment, added = accept_finding(ledger, open_workspace(workspace), fid, who="mila")
    assert added
    accepted = [r for r in entries(ledger) if r.decision == "accepted"]
    assert [(r.outcome, r.scope_item) for r in accepted] == [("in_scope", amendment.id)]


def test_learning_is_per_client(ledger, checker):
    _, [fid] = watch(ledger, checker, mail("Could you shift my Friday call with Tom to Monday?"))
    decisions.dismiss(ledger, fid, who="mila", in_scope="calendar")
    olga, _ = watch(ledger, checker, mail("Can you shift the call with Anna to Thursday?", sender=OLGA))
    assert olga.verdict == "out_of_scope" and olga.findings[0].learned is None
    dana, _ = watch(ledger, checker, mail("Can you shift the call with Anna to Thursday?"))
    assert dana.verdict == "in_scope"


def test_forget_takes_a_correction_back(ledger, checker):
    _, [fid] = watch(ledger, checker, mail("Could you shift my Friday call with Tom to Monday?"))
    entry = decisions.dismiss(ledger, fid, who="mila", in_scope="calendar").learned[0]
    forget(ledger, entry.id)
    assert entries(ledger) == []
    later, _ = watch(ledger, checker, mail("Can you shift the call with Anna to Thursday?"))
    assert later.verdict == "out_of_scope"
    assert ledger.events(fid)[-1].why == "in scope: calendar"  # the decision itself stays in the history
    with pytest.raises(Exception, match="no learned entry"):
        forget(ledger, entry.id)


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_the_commands_decide_list_export_and_forget(ledger_url, ledger, checker, workspace):
    common = ["-w", workspace, "--database", ledger_url]
    _, [call] = watch(ledger, checker, mail("Could you shift my Friday call with Tom to Monday?"))
    _, [permit] = watch(ledger, checker, mail("Could you also renew the parking permit for the office?"))
    res = run("dismiss", call, "--in-scope", "calendar", *common)
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == [f"finding {call}: new -> dismissed (in scope: calendar)",
                                       f'  learned 1: "shift call" -> in scope (calendar)']
    res = run("dismiss", call, "--in-scope", "nonsense", *common)
    assert res.exit_code == 3 and "no deliverable" in res.output
    res = run("confirm", permit, "--category", "excluded", "--item", "website", *common)
    assert res.exit_code == 0 and '"renew park permit office" -> excluded (website)' in res.output

    listed = run("learned", "--client", "dana", *common).output.splitlines()
    assert listed[0].split()[:5] == ["ID", "CLIENT", "LEARNED", "FROM", "USED"]
    assert "dismiss in scope on 2026-11-03 (finding" in listed[1]
    as_json = [json.loads(line) for line in run("learned", "--json", *common).output.splitlines()]
    assert [(o["id"], o["outcome"], o["finding_id"], o["uses"]) for o in as_json] == [
        (1, "in_scope", call, 0), (2, "out_of_scope", permit, 0)]
    assert run("learned", "--client", "olga", *common).output.startswith("nothing learned yet for olga")

    exported = run("learned", "--export", "dana", *common).output
    assert exported.startswith("# Learned by scopewatch")
    assert yaml.safe_load(exported) == {"deliverables": [{"id": "calendar", "terms": ["shift call"]}],
                                        "exclusions": [{"id": "website", "terms": ["renew park permit office"]}]}

    res = run("forget", "1", *common)
    assert res.output.strip() == 'forget learned entry 1'.replace("forget", "forgot") + ' (dana: "shift call" -> in scope (calendar))'
    assert [o["id"] for o in map(json.loads, run("learned", "--json", *common).output.splitlines())] == [2]


def test_review_walk_dismisses_with_a_learned_reason(ledger_url, ledger, checker, workspace):
    _, [fid] = watch(ledger, checker, mail("Could you shift my Friday call with Tom to Monday?"))
    res = CliRunner().invoke(cli, ["review", "-w", str(workspace), "--database", ledger_url],
                             input="d\ni nonsense\ni calendar\nq\n", catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "i ITEM = in scope of that deliverable, n = not a request" in res.output
    assert "error: 'nonsense' is no deliverable" in res.output  # asked again
    assert 'learned 1: "shift call" -> in scope (calendar)' in res.output
    assert ledger.finding(fid).status == "dismissed" and entries(ledger)[0].scope_item == "calendar"


def test_rules_stats_names_a_rule_the_va_keeps_dismissing(ledger_url, ledger, checker, workspace):
    ids = []
    for text in ["Could you guess how happy we are?", "Could you guess the view from up here?",
                 "Could you guess our faces!", "Could you guess the weather?"]:
        ids += watch(ledger, checker, mail(text))[1]
    for fid in ids[:3]:
        decisions.dismiss(ledger, fid, who="mila", reason="just chatting")
    stats = {r.rule: r for r in rule_stats(ledger)}
    ask = stats["EN_ASK_COULD_YOU"]
    assert (ask.fired, ask.confirmed, ask.dismissed, ask.precision) == (4, 0, 3, 0.0)
    out = run("rules", "stats", "-w", workspace, "--database", ledger_url).output
    assert "Candidates to switch off" in out and "EN_ASK_COULD_YOU: 3 dismissed, 0 confirmed" in out
    assert "never switches a rule off by itself" in out
    data = json.loads(run("rules", "stats", "--json", "-w", workspace, "--database", ledger_url).output)
    assert data["switch_off_candidates"] == ["EN_ASK_COULD_YOU"]
    # Nothing was switched off: the same sentence is still a request.
    assert watch(ledger, checker, mail("Could you guess the view from up here?"))[0].findings


def test_knowledge_reloads_only_when_a_client_changed(ledger, checker):
    _, [fid] = watch(ledger, checker, mail("Could you shift my Friday call with Tom to Monday?"))
    decisions.dismiss(ledger, fid, who="mila", in_scope="calendar")
    first = knowledge(ledger)["dana"]
    assert knowledge(ledger)["dana"] is first  # nothing changed: the same object, no reload
    _, [other] = watch(ledger, checker, mail("Could you also renew the parking permit for the office?"))
    decisions.dismiss(ledger, other, who="mila", not_a_request=True)
    assert knowledge(ledger)["dana"] is not first and len(knowledge(ledger)["dana"].entries) == 2


def test_a_second_worker_sees_new_knowledge_at_its_next_message(pg_url, workspace):
    """Two `scopewatch run` processes on one PostgreSQL ledger: what one learns, the other uses
    at its next message, without a restart."""
    one, two = Ledger.open(pg_url), Ledger.open(pg_url)
    try:
        checker_one, checker_two = Checker(open_workspace(workspace)), Checker(open_workspace(workspace))
        assert watch(two, checker_two, mail("Can you shift the call with Anna to Thursday?"))[0].verdict == "out_of_scope"
        _, [fid] = watch(one, checker_one, mail("Could you shift my Friday call with Tom to Monday?"))
        entry = decisions.dismiss(one, fid, who="mila", in_scope="calendar").learned[0]
        result, [later] = watch(two, checker_two, mail("Can you shift the call with Bob to Friday?"))
        assert result.verdict == "in_scope" and result.findings[0].learned == entry.id
        assert two.finding(later).learned_id == entry.id
        forget(two, entry.id)  # and a forget on the second reaches the first
        assert watch(one, checker_one, mail("Can you shift the call with Eve to Monday?"))[0].verdict == "out_of_scope"
    finally:
        one.close()
        two.close()
