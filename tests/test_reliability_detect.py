"""The second reliability probe's breaks in detection, mail in -> verdict out: no mail stalls its
reading (work linear in the text, caps, a CPU budget that ends in one error verdict, a stop seen at
once), invisible characters do not hide a request, bidi controls are never printed raw, the sender
is the address and not the display name, and one slow workspace rule is named alone."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time

import pytest

from tests.test_service_support import EXAMPLES, REPO, shared_checker, workspace

CLAIRE = "Claire Hughes <claire.hughes@hughesfamily.example>"
ASK = "Could you also paint the spare bedroom?"


def mail(body: str, sender: str = CLAIRE, *, subject: str = "one more thing", html: bool = False) -> bytes:
    kind = "text/html" if html else "text/plain"
    return (f"From: {sender}\nTo: dave@collinsdecorating.example\nSubject: {subject}\n"
            f"Message-ID: <{time.time_ns()}@test.example>\nMIME-Version: 1.0\n"
            f"Content-Type: {kind}; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{body}\n").encode()


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    return shared_checker(workspace(tmp_path_factory.mktemp("rel")))


# --- 1. no mail stalls its reading ------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "paint " * 33_000,  # one work verb 33,000 times: quadratic before (25 s for 4,000)
    "Could you also paint the spare bedroom and the hallway? " * 4_000,
    "Could you also do these:\n" + "- paint the spare bedroom\n" * 8_000,
    "paint\n" * 33_000,
])
def test_a_long_hostile_mail_gets_its_verdict_in_bounded_time(checker, body):
    started = time.thread_time()
    result = checker.check_bytes(mail(body)).result
    took = time.thread_time() - started
    # Generous: these take a second or two; before, the first alone ran past 600 s.
    assert took < 60, took
    assert result.verdict in ("out_of_scope", "in_scope", "no_request"), result.error


def test_what_the_caps_leave_out_is_said(checker):
    result = checker.check_bytes(mail("Could you also paint the spare bedroom and the hallway? " * 3_000)).result
    assert result.verdict == "out_of_scope" and len(result.findings) == 50
    notes = " ".join(result.truncated)
    assert "sentences capped at 1,000" in notes and "requests capped at 200" in notes and "findings capped at 50" in notes


def test_a_mail_over_its_cpu_budget_is_one_error_verdict_and_the_next_mail_is_judged(tmp_path):
    from scopewatch.detect.checker import Checker
    from scopewatch.workspace import open_workspace

    checker = Checker(open_workspace(workspace(tmp_path)), budget_seconds=0.2)
    long = mail("Could you also paint the spare bedroom and the hallway? " * 4_000)
    outcomes = list(checker.check_many([("long", long), ("next", mail(ASK))]))
    assert [o.result.verdict for o in outcomes] == ["error", "out_of_scope"]
    error = outcomes[0].result.error
    assert "more than 0.2 s of CPU time" in error and "read it yourself" in error
    assert outcomes[0].result.client == "hughes-house"


def test_a_stop_is_seen_within_a_mails_detection(tmp_path):
    """SIGTERM sets the stop flag: the message in hand is dropped (read again at the next start)
    within moments, however long it would take."""
    from scopewatch.detect.checker import Checker
    from scopewatch.workspace import open_workspace

    checker = Checker(open_workspace(workspace(tmp_path)), budget_seconds=600)
    checker.warm_up()
    stop = threading.Event()
    heavy = [(f"m{n}", mail("Could you also paint the spare bedroom and the hallway? " * 4_000)) for n in range(20)]
    threading.Timer(0.5, stop.set).start()
    started = time.monotonic()
    outcomes = list(checker.check_many(heavy, stop=stop))
    assert time.monotonic() - started < 5 + 0.5
    assert len(outcomes) < len(heavy) and all(o.result.verdict != "error" for o in outcomes)


def test_the_5_mb_mail_of_one_word_is_checked_by_the_command_in_bounded_time(tmp_path):
    path = tmp_path / "big.eml"
    path.write_bytes(mail("paint " * 850_000))
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "scopewatch", "check", "--json", "-w", str(EXAMPLES), str(path)],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert time.monotonic() - started < 120, "it took past 600 s before"
    doc = json.loads(proc.stdout)
    assert doc["verdict"] in ("out_of_scope", "error") and "body truncated" in doc["truncated"], doc


# --- 5. invisible characters ------------------------------------------------------------------------

DISGUISES = {
    "no-break spaces": ASK.replace(" ", "\u00a0"),
    "narrow no-break spaces": ASK.replace(" ", "\u202f"),
    "zero-width spaces in words": ASK.replace("Could", "Co\u200buld").replace("also", "al\u200bso"),
    "a BOM": "\ufeff" + ASK.replace("you", "\ufeffyou"),
    "LRM marks": ASK.replace("Could", "Co\u200euld").replace(" also", " \u200ealso"),
    "an RLO override": ASK.replace("spare", "\u202espare").replace("?", "\u202c?"),
    "a soft hyphen and full-width letters": ASK.replace("paint", "pa\u00adint").replace("Could", "Ｃｏｕｌｄ"),
    "a combining accent": ASK.replace("spare bedroom", "spare bedroom, cafe\u0301 style"),
}


@pytest.mark.parametrize("name", DISGUISES)
def test_invisible_characters_do_not_hide_a_request(checker, name):
    result = checker.check_bytes(mail(f"Hi Dave,\n\n{DISGUISES[name]}\n\nClaire")).result
    assert result.verdict == "out_of_scope", (name, result.findings)
    (finding,) = result.findings
    # The evidence is what the client wrote, and its offsets point into the text as written.
    assert finding.evidence.replace("\u00a0", " ")
    parsed = checker.check_bytes(mail(f"Hi Dave,\n\n{DISGUISES[name]}\n\nClaire")).parsed
    assert " ".join(parsed.new_text[finding.start:finding.end].split()) == finding.evidence


def test_nbsp_in_html_does_not_hide_a_request(checker):
    html = "<p>Hi Dave,</p><p>" + ASK.replace(" ", "&nbsp;") + "</p><p>Claire</p>"
    assert checker.check_bytes(mail(html, html=True)).result.verdict == "out_of_scope"


def test_bidi_controls_are_never_printed_raw(tmp_path):
    path = tmp_path / "rlo.eml"
    path.write_bytes(mail(f"Hi Dave,\n\n{DISGUISES['an RLO override']}\n\nClaire", subject="\u202eevil subject"))
    for args in ([], ["--json"]):
        proc = subprocess.run([sys.executable, "-m", "scopewatch", "check", *args, "-w", str(EXAMPLES), str(path)],
                              cwd=REPO, capture_output=True, text=True, timeout=120)
        assert "\u202e" not in proc.stdout and "\u202c" not in proc.stdout
        assert ("[U+202E]" if not args else "\\u202e") in proc.stdout, proc.stdout


def test_a_draft_quotes_the_client_without_bidi_controls(checker):
    from scopewatch.draft.render import render_change_request
    from scopewatch.detect.checker import Checker  # noqa: F401

    out = checker.check_bytes(mail(f"Hi Dave,\n\n{DISGUISES['an RLO override']}\n\nClaire", subject="\u202eplans"))
    draft = render_change_request(out.agreement, [(1, out.result.findings[0])], out.parsed, va_name="Dave",
                                  va_address="dave@collinsdecorating.example",
                                  template_dirs=checker.workspace.template_dirs())
    assert "\u202e" not in draft.text and "\u202e" not in draft.subject and "[U+202E]" not in draft.text


# --- 7. the sender is the address -------------------------------------------------------------------

def test_an_address_in_the_display_name_does_not_make_the_sender(checker):
    out = checker.check_bytes(mail("Kun je ook de website aanpassen?", "anna@bakkerijdevries.example <stranger@evil.example>"))
    assert out.result.verdict == "unknown_sender" and out.result.client is None
    assert out.parsed.sender == "stranger@evil.example" and out.parsed.sender_name == ""
    assert "display name shows another address" in out.parsed.defects


def test_look_alike_contacts_are_a_lint_warning(tmp_path):
    root = workspace(tmp_path)
    path = root / "scopes" / "devries-social.yaml"
    path.write_text(path.read_text().replace("- anna@bakkerijdevries.example", "- \u0430nna@bakkerijdevries.example"))
    proc = subprocess.run([sys.executable, "-m", "scopewatch", "scope", "lint", "-w", str(root)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0
    assert "contacts[0]: '\u0430nna@bakkerijdevries.example' looks like 'anna@bakkerijdevries.example'" in proc.stdout
    assert "cyrillic small letter a" in proc.stdout


# --- 6. a slow workspace rule -----------------------------------------------------------------------

SLOW = r"""
- id: MY_WORDS_AT_END
  description: a run of words at the end of a sentence
  language: any
  role: ask
  score: 1.0
  pattern: {regex: '(\w+\s?){1,16}$'}
  examples:
    match: ["Could you do it"]
"""


def test_rules_lint_times_each_rule_and_refuses_a_slow_one_by_id(tmp_path):
    root = workspace(tmp_path)
    (root / "rules").mkdir()
    (root / "rules" / "mine.yaml").write_text(SLOW)
    proc = subprocess.run([sys.executable, "-m", "scopewatch", "rules", "lint", "-w", str(root)],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "MY_WORDS_AT_END.pattern: too slow" in proc.stdout and "limit: rule speed" in proc.stdout


def test_a_rule_slow_at_run_time_is_named_alone_and_sits_out_the_batch(tmp_path):
    from scopewatch.detect.checker import Checker
    from scopewatch.workspace import open_workspace

    root = workspace(tmp_path)
    (root / "rules").mkdir()
    (root / "rules" / "mine.yaml").write_text(SLOW)
    checker = Checker(open_workspace(root))  # its own: load does not time rules, lint does
    mails = [(p.name, p.read_bytes()) for p in sorted((EXAMPLES / "mailbox" / "cur").iterdir())[:12]]
    results = [o.result for o in checker.check_many(mails)]
    errors = [r for r in results if r.verdict == "error"]
    assert len(errors) == 1, [r.error for r in errors]
    assert "regex rule MY_WORDS_AT_END ran past" in errors[0].error and "switched off" in errors[0].error
    assert "NL_" not in errors[0].error and "EN_" not in errors[0].error
    assert all(r.verdict in ("out_of_scope", "in_scope", "no_request", "unknown_sender") for r in results if r not in errors)
