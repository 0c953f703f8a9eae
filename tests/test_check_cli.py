"""`scopewatch check`, `rules lint` and `eval` from the command line: the JSON contract scripts rely
on, the readable report, stdin, broken input and broken rules."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from scopewatch.cli import cli

DATA = Path(__file__).parent / "data" / "detect"
LABELLED = Path(__file__).parent / "labelled"

FENCE = (
    b"From: Jane Hart <jane@hart.example.com>\r\nTo: va@example.com\r\nSubject: walls\r\n"
    b"Message-ID: <fence@hart.example.com>\r\n\r\nHi Sam,\r\n\r\nCould you also do the fence while you're here?\r\n\r\n"
    b"Kind regards,\r\nJane\r\n"
)
WEBSITE = (
    "From: anna@bakkerijdevries.example.nl\r\nTo: va@example.com\r\nSubject: paasactie\r\n"
    "Message-ID: <web@bakkerijdevries.example.nl>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    "Hoi!\r\n\r\nKun je meteen ook de openingstijden op de website aanpassen?\r\n\r\nGroetjes,\r\nAnna\r\n"
).encode()


def _write(tmp_path: Path, name: str, raw: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(raw)
    return p


def test_json_is_one_object_per_input_in_order(tmp_path):
    files = [
        _write(tmp_path, "1.eml", FENCE),
        _write(tmp_path, "2.eml", b""),
        _write(tmp_path, "3.eml", WEBSITE),
        _write(tmp_path, "4.eml", b"From: nobody@else.example\r\nSubject: hi\r\n\r\nCould you also do the fence?\r\n"),
    ]
    res = CliRunner().invoke(cli, ["check", "--workspace", str(DATA), "--json", *map(str, files)])
    assert res.exit_code == 3, res.output  # the empty file is not e-mail: the worst case wins
    lines = [json.loads(line) for line in res.output.splitlines()]
    assert [d["source"] for d in lines] == [str(f) for f in files]
    assert [d["verdict"] for d in lines] == ["out_of_scope", "error", "out_of_scope", "unknown_sender"]
    fence = lines[0]
    assert fence["client"] == "painter" and fence["language"] == "en" and fence["message_id"] == "<fence@hart.example.com>"
    (f,) = fence["findings"]
    for key in ("verdict", "category", "evidence", "start", "end", "rules", "scope_item", "scope_item_description", "confidence"):
        assert key in f
    assert f["category"] == "excluded" and f["scope_item"] == "exterior"
    assert f["evidence"] == "Could you also do the fence while you're here?"
    assert "\n" not in lines[1]["error"] and lines[1]["error"]
    web = lines[2]["findings"][0]
    assert (lines[2]["language"], web["category"], web["scope_item"]) == ("nl", "excluded", "website")
    assert web["rules"][0] == "NL_ASK_KUN_JE"
    assert lines[3]["client"] is None and lines[3]["findings"] == []


def test_stdin_and_readable_report():
    res = CliRunner().invoke(cli, ["check", "--workspace", str(DATA), "-"], input=FENCE)
    assert res.exit_code == 1, res.output  # out of scope
    out = res.output
    assert "OUT OF SCOPE - excluded" in out
    assert "Could you also do the fence while you're here?" in out
    assert "exterior - Exterior work" in out  # the clause it was compared with
    assert "EN_ASK_COULD_YOU" in out and "Polite question" in out  # rule id with its description


def test_exit_codes_tell_clean_flagged_and_missing_input_apart(tmp_path):
    fence = _write(tmp_path, "fence.eml", FENCE)
    clean = _write(tmp_path, "clean.eml", FENCE.replace(b"Could you also do the fence while you're here?",
                                                        b"The living room looks great, thank you."))
    run = lambda *a: CliRunner().invoke(cli, ["check", "--workspace", str(DATA), "--json", *map(str, a)])
    assert run(clean).exit_code == 0
    assert run(clean, fence).exit_code == 1
    missing = tmp_path / "gone.eml"
    res = run(fence, missing, clean)
    assert res.exit_code == 3
    docs = [json.loads(line) for line in res.output.splitlines()]
    assert [d["verdict"] for d in docs] == ["out_of_scope", "error", "in_scope" if docs[2]["findings"] else "no_request"]
    assert docs[1]["source"] == str(missing) and docs[1]["error"] == f"no such file: {missing}"
    text = CliRunner().invoke(cli, ["check", "--workspace", str(DATA), str(missing)])
    assert text.exit_code == 3 and f"no such file: {missing}" in text.output
    assert "no message headers" not in text.output


def test_an_unreadable_file_is_named_unreadable(tmp_path, monkeypatch):
    locked = _write(tmp_path, "locked.eml", FENCE)
    real = Path.open

    def open_(self, *args, **kwargs):
        # What a file without read permission does (the test suite may run as root, who reads all).
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    res = CliRunner().invoke(cli, ["check", "--workspace", str(DATA), "--json", str(locked)])
    assert res.exit_code == 3
    doc = json.loads(res.output)
    assert doc["verdict"] == "error" and doc["error"] == "cannot be read: Permission denied"


def test_missing_workspace_is_one_clear_line(tmp_path):
    res = CliRunner().invoke(cli, ["check", "--workspace", str(tmp_path / "nope"), "x.eml"])
    assert res.exit_code == 2
    assert res.output.startswith("error: ") and "Traceback" not in res.output


def test_rules_lint_passes_on_the_shipped_rules():
    res = CliRunner().invoke(cli, ["rules", "lint", "--workspace", str(DATA)])
    assert res.exit_code == 0, res.output
    assert "problem" in res.output and "0 problems" in res.output


def test_rules_lint_reports_broken_user_rules(tmp_path):
    ws = tmp_path / "ws"
    shutil.copytree(DATA, ws)
    (ws / "rules").mkdir()
    (ws / "rules" / "bad.yaml").write_text(
        "- id: EN_MY_RULE\n  description: mine\n  language: en\n  role: asks\n  score: 1\n  pattern: {phrases: [x]}\n"
        "- id: EN_MY_OTHER\n  description: mine\n  language: en\n  role: ask\n  score: 1\n"
        "  pattern: {phrases: [pretty please]}\n  examples: {match: [\"Could you do it?\"]}\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(cli, ["rules", "lint", "--workspace", str(ws)])
    assert res.exit_code == 2
    assert "bad.yaml:1: EN_MY_RULE.role: 'asks' is not one of" in res.output
    assert "did you mean 'ask'" in res.output
    # once the first rule is fixed, the examples are run too
    (ws / "rules" / "bad.yaml").write_text(
        "- id: EN_MY_OTHER\n  description: mine\n  language: en\n  role: ask\n  score: 1\n"
        "  pattern: {phrases: [pretty please]}\n  examples: {match: [\"Could you do it?\"]}\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(cli, ["rules", "lint", "--workspace", str(ws)])
    assert res.exit_code == 2
    assert "EN_MY_OTHER.examples.match: does not match: 'Could you do it?'" in res.output


def test_eval_prints_figures_per_language():
    res = CliRunner().invoke(cli, ["eval", str(LABELLED), "--split", "dev", "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert set(report["languages"]) == {"en", "nl"}
    assert report["overall"]["messages"] > 100
    assert set(report["categories"]) == {"new_work", "excluded", "quantity", "deadline", "client_duty"}


def _mail(sender: str, subject: str, body: str, n: int) -> bytes:
    return (f"From: {sender}\r\nTo: va@example.com\r\nSubject: {subject}\r\nMessage-ID: <m{n}@example.com>\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\nHi Sam,\r\n\r\n{body}\r\n\r\nThanks,\r\nDana\r\n").encode()


def _small_corpus(tmp_path: Path) -> Path:
    """Three labelled mails: a firm flag, a request nothing in the agreement names (a "check"),
    and an in-scope one."""
    corpus = tmp_path / "corpus"
    (corpus / "scopes").mkdir(parents=True)
    shutil.copy(LABELLED / "scopes" / "en-admin.yaml", corpus / "scopes" / "en-admin.yaml")
    (corpus / "mail" / "en" / "dev").mkdir(parents=True)
    sender = "dana@whitfieldadvisory.example.com"
    mails = {
        "0001.eml": ("gift", "Could you also pick up a birthday present for my mother?", "out_of_scope,excluded"),
        "0002.eml": ("one thing", "Could you sort out the thingy for Thursday?", "out_of_scope,new_work"),
        "0003.eml": ("meeting", "Could you schedule a call with Mark next week?", "in_scope,"),
    }
    rows = ["file,client,verdict,categories,note"]
    for n, (name, (subject, body, label)) in enumerate(mails.items()):
        (corpus / "mail" / "en" / "dev" / name).write_bytes(_mail(sender, subject, body, n))
        rows.append(f"en/dev/{name},en-admin,{label},")
    (corpus / "labels-en.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return corpus


def test_eval_counts_checks_both_ways(tmp_path):
    corpus = _small_corpus(tmp_path)
    res = CliRunner().invoke(cli, ["eval", str(corpus), "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    overall = report["overall"]
    for entry in (overall, report["languages"]["en"], *report["categories"].values()):
        assert {"precision", "recall", "f1", "false_flag_rate", "check_rate", "with_checks"} <= set(entry)
    # The vague request is a check: missed by firm flags alone, caught when checks count.
    assert overall["out_of_scope"]["tp"] == 1 and overall["out_of_scope"]["fn"] == 1
    assert overall["with_checks"]["out_of_scope"]["tp"] == 2 and overall["with_checks"]["recall"] == 1.0
    assert overall["check_rate"] == round(1 / 3, 3)
    assert report["categories"]["new_work"]["with_checks"]["tp"] == 1 and report["categories"]["new_work"]["tp"] == 0
    assert "wrong" not in report  # errors only when asked for
    res = CliRunner().invoke(cli, ["eval", str(corpus), "--json", "--errors"])
    assert [w["file"] for w in json.loads(res.output)["wrong"]] == ["en/dev/0002.eml"]
    text = CliRunner().invoke(cli, ["eval", str(corpus)]).output
    assert "counting checks as flags:" in text and "mails with a check 1 (33.3%)" in text
