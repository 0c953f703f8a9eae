"""One workspace, found the way git finds a repository: --workspace, $SCOPEWATCH_WORKSPACE, the
nearest folder upwards with scopewatch.toml or scopes/, else the default `scopewatch init` saved.
Outside any workspace a command says so in one line and leaves no file behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from scopewatch.cli import cli
from scopewatch.workspace import locate, saved_default, user_settings_file

from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "detect"


def _ws(tmp_path: Path) -> Path:
    root = tmp_path / "va"
    shutil.copytree(DATA / "scopes", root / "scopes")
    return root


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def _run(args, cwd: Path, env: dict | None = None):
    full = dict(os.environ, **(env or {}))
    full["PYTHONPATH"] = str(REPO)
    return subprocess.run([sys.executable, "-m", "scopewatch", *args], cwd=cwd, env=full,
                          capture_output=True, text=True, timeout=120)


def test_found_from_a_subfolder(tmp_path):
    root = _ws(tmp_path)
    deep = root / "notes" / "march"
    deep.mkdir(parents=True)
    assert locate(cwd=deep) == root.resolve()
    res = _run(["flags"], cwd=deep)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "no flags"
    assert (root / "scopewatch.db").is_file() and not (deep / "scopewatch.db").exists()


def test_outside_any_workspace_is_one_line_naming_the_fix_and_writes_nothing(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for args in (["flags"], ["show", "6"], ["review"], ["digest"], ["ledger", "x"], ["status"],
                 ["check", "nothing.eml"], ["db", "upgrade"], ["scope", "lint"]):
        res = _run(args, cwd=elsewhere)
        assert res.returncode == 2, (args, res.stdout, res.stderr)
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1, (args, res.stderr)
        assert lines[0].startswith("error: no scopewatch workspace in ")
        assert "--workspace DIR" in lines[0] and "scopewatch init DIR" in lines[0]
    assert _files(elsewhere) == set()


def test_a_named_folder_that_is_no_workspace_gets_no_ledger(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    res = CliRunner().invoke(cli, ["flags", "--workspace", str(plain)])
    assert res.exit_code == 2
    assert "is not a scopewatch workspace (no scopewatch.toml or scopes/)" in res.output
    assert _files(plain) == set()
    res = CliRunner().invoke(cli, ["flags", "--workspace", str(tmp_path / "missing")])
    assert res.exit_code == 2 and "does not exist" in res.output
    assert not (tmp_path / "missing").exists()


def test_environment_wins_over_the_current_folder_and_option_over_both(tmp_path):
    one = _ws(tmp_path / "a")
    two = _ws(tmp_path / "b")
    assert locate(cwd=one) == one.resolve()
    os.environ["SCOPEWATCH_WORKSPACE"] = str(two)  # undone by the conftest fixture
    assert locate(cwd=one) == two
    assert locate(one, cwd=tmp_path) == one


def test_init_saves_a_default_used_from_elsewhere(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    res = _run(["init", str(tmp_path / "va"), "--default", "--client", "Mark Jensen", "--client-email",
                "mark@jensen.example", "--trade", "admin-va"], cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "is your default workspace now" in res.stdout
    settings = user_settings_file()
    assert settings.is_file() and str(settings).startswith(os.environ["XDG_CONFIG_HOME"])
    assert saved_default() == (tmp_path / "va").resolve()
    res = _run(["scope", "lint"], cwd=elsewhere)
    assert res.returncode == 0, res.stderr
    assert "1 agreement checked" in res.stdout
    res = _run(["flags"], cwd=elsewhere)
    assert res.returncode == 0 and res.stdout.strip() == "no flags"
    assert _files(elsewhere) == set() and (tmp_path / "va" / "scopewatch.db").is_file()
    # a workspace around the current folder still wins over the default
    other = _ws(tmp_path / "other")
    assert locate(cwd=other) == other.resolve()


def test_init_without_a_terminal_does_not_set_a_default(tmp_path):
    res = _run(["init", str(tmp_path / "va")], cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert saved_default() is None and not user_settings_file().exists()


def test_scope_lint_warns_about_a_description_that_reads_as_a_note(tmp_path):
    root = tmp_path / "va"
    (root / "scopes").mkdir(parents=True)
    (root / "scopes" / "jensen.yaml").write_text(
        "client: Mark Jensen\ncontacts: [mark@jensen.example]\n"
        "deliverables:\n  - id: inbox\n    description: Daily inbox triage\n    terms: [inbox]\n"
        "exclusions:\n  - id: tax\n    description: Tax returns (her accountant does these)\n    terms: [tax]\n"
        "  - id: books\n    description: Bookkeeping (done by the client)\n    client_text: bookkeeping\n    terms: [books]\n",
        encoding="utf-8")
    res = CliRunner().invoke(cli, ["scope", "lint", "-w", str(root)])
    assert res.exit_code == 0, res.output  # a warning, not a problem
    warnings = [line for line in res.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1
    assert "jensen.yaml:8: exclusions[0].description: reads as a note to yourself" in warnings[0]
    assert "add client_text:" in warnings[0]


def test_init_writes_no_example_client_and_fills_in_the_va(tmp_path):
    """Without a first client no agreement is written at all (an example client would stay active
    and could match real mail); the VA's name, address and language go into scopewatch.toml."""
    root = tmp_path / "va"
    res = CliRunner().invoke(cli, ["init", str(root), "--name", "Sanne Visser", "--email", "sanne@va.example",
                                   "--language", "nl", "--no-default"])
    assert res.exit_code == 0, res.output
    assert list((root / "scopes").iterdir()) == []
    assert "New client" in res.output
    from scopewatch.config import load_config

    cfg = load_config(root, environ={"SCOPEWATCH_WORK_PASSWORD": "x"})
    assert (cfg.va_name, cfg.va_address, cfg.digest_language) == ("Sanne Visser", "sanne@va.example", "nl")
    res = CliRunner().invoke(cli, ["scope", "lint", "-w", str(root)])
    assert res.exit_code == 0 and "0 agreements checked, 0 problems" in res.output


def test_init_makes_the_first_clients_agreement_from_the_trade_starter(tmp_path):
    root = tmp_path / "va"
    res = CliRunner().invoke(cli, ["init", str(root), "--language", "nl", "--client", "Bakkerij de Vries",
                                   "--client-email", "anna@bakkerijdevries.example", "--trade", "social-media",
                                   "--no-default"])
    assert res.exit_code == 0, res.output
    path = root / "scopes" / "bakkerij-de-vries.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Startafspraak: social media.")  # the starter's comments, in Dutch
    assert "client: Bakkerij de Vries" in text and "anna@bakkerijdevries.example" in text
    from scopewatch.agreement.load import load_agreement_file

    agreement = load_agreement_file(path)
    assert agreement.language == "nl" and agreement.trade == "social-media"
    assert agreement.checklist_answer("paid-ads") == "excluded"
    res = CliRunner().invoke(cli, ["scope", "lint", "-w", str(root)])
    assert res.exit_code == 0 and "warning" not in res.output, res.output
    # A client without an address, or a trade that has no starter, is refused before anything is written.
    for args, message in [(["--client", "X"], "needs their e-mail address"),
                          (["--client", "X", "--client-email", "x@x.example", "--trade", "plumber"],
                           "no starter for the trade 'plumber'")]:
        res = CliRunner().invoke(cli, ["init", str(tmp_path / "other"), *args, "--no-default"])
        assert res.exit_code != 0 and message in res.output, res.output
        assert not (tmp_path / "other" / "scopewatch.toml").exists()
