"""scopewatch.toml and SCOPEWATCH_... settings: defaults, environment overrides, lazy passwords,
every configuration error naming its key and the fix, and `scopewatch init`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scopewatch.cli import cli
from scopewatch.config import load_config
from scopewatch.errors import ConfigError


def ws(tmp_path: Path, text: str = "") -> Path:
    root = tmp_path / "ws"
    root.mkdir(exist_ok=True)
    if text:
        (root / "scopewatch.toml").write_text(text)
    return root


IMAP = """
[[mailbox]]
name = "work"
host = "imap.example.com"
username = "va@example.com"
password_env = "WORK_PW"
"""


def test_defaults_for_one_imap_mailbox(tmp_path):
    cfg = load_config(ws(tmp_path, IMAP), environ={})
    (box,) = cfg.mailboxes
    assert (box.kind, box.security, box.port, box.folders, box.idle, box.poll_interval) == (
        "imap", "ssl", None, ["INBOX"], True, 60.0)
    assert cfg.database_url == f"sqlite:///{(tmp_path / 'ws' / 'scopewatch.db').resolve()}"
    assert (cfg.log_level, cfg.log_format, cfg.metrics_host, cfg.stale_after, cfg.auto_draft) == (
        "info", "text", "127.0.0.1", 900.0, "confirmed")


def test_environment_overrides_the_file_and_can_add_a_mailbox(tmp_path):
    env = {
        "SCOPEWATCH_DATABASE": "postgresql+psycopg://va@db/scopewatch",
        "SCOPEWATCH_MAILBOX_WORK_HOST": "imap.fastmail.com",
        "SCOPEWATCH_MAILBOX_WORK_FOLDERS": "INBOX, Clients",
        "SCOPEWATCH_MAILBOX_WORK_IDLE": "false",
        "SCOPEWATCH_MAILBOX_WORK_POLL_INTERVAL": "2m",
        "SCOPEWATCH_MAILBOX_WORK_PASSWORD": "from-env",
        "SCOPEWATCH_MAILBOX_SIDE_JOB_HOST": "127.0.0.1",
        "SCOPEWATCH_MAILBOX_SIDE_JOB_SECURITY": "plain",
        "SCOPEWATCH_MAILBOX_SIDE_JOB_USERNAME": "me",
        "SCOPEWATCH_MAILBOX_SIDE_JOB_PASSWORD": "pw2",
        "SCOPEWATCH_LOGGING_FORMAT": "json",
        "SCOPEWATCH_SERVICE_METRICS_PORT": "9464",
        "SCOPEWATCH_SERVICE_STALE_AFTER": "1h",
        "SCOPEWATCH_DIGEST_TIMEZONE": "Europe/Amsterdam",
    }
    cfg = load_config(ws(tmp_path, IMAP), environ=env)
    work, side = cfg.mailboxes
    assert cfg.database_url == "postgresql+psycopg://va@db/scopewatch"
    assert (work.host, work.folders, work.idle, work.poll_interval) == ("imap.fastmail.com", ["INBOX", "Clients"], False, 120.0)
    assert work.password() == "from-env"  # wins over password_env
    assert (side.name, side.host, side.security, side.password()) == ("side_job", "127.0.0.1", "plain", "pw2")
    assert (cfg.log_format, cfg.metrics_port, cfg.stale_after, cfg.digest_timezone) == ("json", 9464, 3600.0, "Europe/Amsterdam")


def test_passwords_resolve_lazily_from_env_file_or_command(tmp_path, monkeypatch):
    secret = tmp_path / "pw.txt"
    secret.write_text("file-secret\n")
    text = f"""
[[mailbox]]
name = "a"
host = "h"
username = "u"
password_env = "A_PW"
[[mailbox]]
name = "b"
host = "h"
username = "u"
password_file = "{secret}"
[[mailbox]]
name = "c"
host = "h"
username = "u"
password_command = "{sys.executable} -c 'print(\\"cmd-secret\\")'"
"""
    cfg = load_config(ws(tmp_path, text), environ={})  # A_PW not set yet: loading still works
    monkeypatch.setenv("A_PW", "env-secret")
    assert [m.password() for m in cfg.mailboxes] == ["env-secret", "file-secret", "cmd-secret"]
    from scopewatch.config import known_secrets

    assert {"env-secret", "file-secret", "cmd-secret"} <= known_secrets()


@pytest.mark.parametrize(
    "text, expected",
    [
        (IMAP + 'password = "hunter2"\n', ["password: a password must never be written in the config file", "password_env"]),
        (IMAP.replace('host = "imap.example.com"', 'host = "mail.example.com"\nsecurity = "plain"'),
         ['security = "plain" would send the password', "mail.example.com", "ssl"]),
        (IMAP.replace('host = "imap.example.com"', 'host = "h"\nsecurity = "tls"'), ["security must be one of ssl, starttls, plain"]),
        (IMAP.replace('password_env = "WORK_PW"', ""), ["no password source", "SCOPEWATCH_MAILBOX_WORK_PASSWORD"]),
        (IMAP.replace('host = "imap.example.com"', ""), ["host is missing"]),
        (IMAP.replace('username = "va@example.com"', ""), ["username is missing"]),
        (IMAP + "port = 99999\n", ["port must be a number from 1 to 65535"]),
        (IMAP + "idle = \"sometimes\"\n", ["idle must be true or false"]),
        (IMAP + "poll_interval = -1\n", ["poll_interval must be a positive number"]),
        (IMAP + "folders = []\n", ["folders must be a list of folder names"]),
        (IMAP + "fodlers = [\"INBOX\"]\n", ["unknown key 'fodlers'", "did you mean 'folders'"]),
        (IMAP + IMAP, ["two mailboxes are named 'work'"]),
        (IMAP + 'maildir = "x"\n', ["both maildir and host"]),
        ("databse = \"sqlite:///x.db\"\n", ["unknown key 'databse'", "did you mean 'database'"]),
        ("database = \"scopewatch.db\"\n", ["database must be a URL"]),
        ("[mailboxes]\nname = \"x\"\n", ["write each mailbox as [[mailbox]]"]),
        ("[logging]\nlevel = \"loud\"\n", ["[logging] level must be one of debug, info, warning, error"]),
        ("[logging]\nformat = \"xml\"\n", ["[logging] format must be \"text\" or \"json\""]),
        ("[service]\nmetrics_port = \"web\"\n", ["[service] metrics_port must be a port number"]),
        ("[service]\nstale_after = \"soon\"\n", ["[service] stale_after must be a duration"]),
        ("[service]\nbatch_size = 0\n", ["[service] batch_size must be a whole number of at least 1"]),
        ("[service]\nmetrcs_port = 1\n", ["[service] unknown key 'metrcs_port'", "did you mean 'metrics_port'"]),
        ("[va]\naddress = \"not an address\"\n", ["[va] address must be an e-mail address"]),
        ("[draft]\nauto_draft = \"always\"\n", ["[draft] auto_draft must be one of confirmed, all, off"]),
        ("[draft]\ndefault_estimate_hours = -2\n", ["[draft] default_estimate_hours must be a positive number"]),
        ("[digest]\ntime = \"8am\"\n", ["[digest] time must be HH:MM"]),
        ("[digest]\ntimezone = \"Mars/Olympus\"\n", ["[digest] timezone must be an IANA name"]),
        ("[digest]\nfrequency = \"hourly\"\n", ["[digest] frequency must be one of daily, weekdays, weekly, off"]),
        ("logging = 3\n", ["logging must be a table"]),
        ("database = \"sqlite:///x.db\"\n[[mailbox]\n", ["not valid TOML"]),
    ],
)
def test_every_config_error_names_the_key_and_the_fix(tmp_path, text, expected):
    with pytest.raises(ConfigError) as info:
        load_config(ws(tmp_path, text), environ={})
    message = str(info.value)
    for part in expected:
        assert part in message, message
    assert "hunter2" not in message


def test_environment_errors_are_named_too(tmp_path):
    with pytest.raises(ConfigError, match="SCOPEWATCH_MAILBOX_WORK_COLOUR is not a mailbox setting"):
        load_config(ws(tmp_path, IMAP), environ={"SCOPEWATCH_MAILBOX_WORK_COLOUR": "blue"})
    with pytest.raises(ConfigError, match=r"\[logging\] level must be one of"):
        load_config(ws(tmp_path, IMAP), environ={"SCOPEWATCH_LOGGING_LEVEL": "loud"})


def test_all_problems_are_reported_at_once(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_config(ws(tmp_path, '[logging]\nlevel = "x"\nformat = "y"\n'), environ={})
    assert str(info.value).startswith("2 problems in the configuration")


def test_password_sources_fail_with_a_clear_line_and_never_show_output(tmp_path, monkeypatch):
    text = IMAP.replace('password_env = "WORK_PW"', f'password_command = "{sys.executable} -c \\"print(123456); raise SystemExit(3)\\""')
    (box,) = load_config(ws(tmp_path, text), environ={}).mailboxes
    with pytest.raises(ConfigError) as info:
        box.password()
    assert "exited with 3" in str(info.value) and "123456" not in str(info.value)
    (box,) = load_config(ws(tmp_path, IMAP), environ={}).mailboxes
    monkeypatch.delenv("WORK_PW", raising=False)
    with pytest.raises(ConfigError, match=r"password_env names \$WORK_PW, which is not set"):
        box.password()
    box.password_env, box.password_file = None, str(tmp_path / "missing")
    with pytest.raises(ConfigError, match="password_file .* cannot be read"):
        box.password()


def test_maildir_settings_and_the_sample_fallback(tmp_path):
    root = ws(tmp_path, 'maildir = "mail"\n')
    (box,) = load_config(root, environ={}).mailboxes
    assert (box.kind, box.name, box.maildir) == ("maildir", "maildir", (root / "mail").resolve())
    bare = tmp_path / "bare"
    for sub in ("cur", "new"):
        (bare / "mailbox" / sub).mkdir(parents=True)
    (box,) = load_config(bare, environ={}).mailboxes
    assert (box.kind, box.maildir) == ("maildir", bare / "mailbox")
    assert load_config(tmp_path / "nothing", environ={}).mailboxes == []


def test_relative_sqlite_database_lives_in_the_workspace(tmp_path):
    root = ws(tmp_path, 'database = "sqlite:///ledger/va.db"\n')
    assert load_config(root, environ={}).database_url == f"sqlite:///{(root / 'ledger' / 'va.db').resolve()}"
    from scopewatch.store.url import database_url

    assert database_url(root) == f"sqlite:///{(root / 'ledger' / 'va.db').resolve()}"


def test_init_writes_a_working_workspace_and_refuses_to_overwrite(tmp_path, monkeypatch):
    target = tmp_path / "va"
    runner = CliRunner()
    res = runner.invoke(cli, ["init", str(target)])
    assert res.exit_code == 0, res.output
    assert "Next steps" in res.output and "scopewatch run --workspace" in res.output
    toml = (target / "scopewatch.toml").read_text()
    assert "SCOPEWATCH_MAILBOX_<NAME>_PASSWORD" in toml and "password =" not in toml.replace("password_", "")
    monkeypatch.setenv("SCOPEWATCH_WORK_PASSWORD", "x")
    cfg = load_config(target)
    assert [m.name for m in cfg.mailboxes] == ["work"] and cfg.digest_timezone == "Europe/Amsterdam"
    res = runner.invoke(cli, ["scope", "lint", "--workspace", str(target)])
    assert res.exit_code == 0, res.output
    (target / "scopewatch.toml").write_text("# mine\n")
    res = runner.invoke(cli, ["init", str(target)])
    assert res.exit_code == 2 and "never overwrites" in res.output
    assert (target / "scopewatch.toml").read_text() == "# mine\n"


def test_config_error_at_the_cli_is_one_line_with_exit_code_2(tmp_path):
    root = ws(tmp_path, IMAP + 'password = "hunter2"\n')
    res = CliRunner().invoke(cli, ["scan", "--workspace", str(root)])
    assert res.exit_code == 2
    assert res.output.startswith("error: ") and "Traceback" not in res.output and "hunter2" not in res.output
