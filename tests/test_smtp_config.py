"""`[smtp]` in scopewatch.toml: defaults, the SCOPEWATCH_SMTP_* environment, password sources
(never a literal), each mistake named with its fix, the generated file of `scopewatch init`, and
`scopewatch digest --send` / `scopewatch send` using it against a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import email
import sys
from email import policy
from pathlib import Path

import pytest
from click.testing import CliRunner

from scopewatch.cli import cli
from scopewatch.config import known_secrets, load_config
from scopewatch.errors import ConfigError
from scopewatch.outbox import smtp_settings
from tests.test_digest_smtp import AUTH, free_port, smtp_server  # noqa: F401  real aiosmtpd on 127.0.0.1
from tests.test_followup import MILA, checker, drafts_in, env, sample_outcomes  # noqa: F401


def ws(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "ws"
    root.mkdir(exist_ok=True)
    (root / "scopewatch.toml").write_text(text)
    return root


def error(tmp_path: Path, text: str, environ: dict | None = None) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(ws(tmp_path, text), environ=environ or {})
    return str(info.value)


def delivered(inbox) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(e.original_content, policy=policy.default) for e in inbox.envelopes]


# --- reading -------------------------------------------------------------------------------------


def test_no_smtp_host_means_no_smtp_and_commands_say_how_to_set_it(tmp_path):
    cfg = load_config(ws(tmp_path, '[smtp]\nsecurity = "ssl"\n'), environ={})
    assert cfg.smtp is None
    with pytest.raises(ConfigError, match=r'\[smtp\] host = "smtp.example.com"'):
        smtp_settings(cfg)


@pytest.mark.parametrize("security, port", [("starttls", 587), ("ssl", 465), ("plain", 25)])
def test_port_follows_the_security_mode(tmp_path, security, port):
    cfg = load_config(ws(tmp_path, f'[smtp]\nhost = "localhost"\nsecurity = "{security}"\n'), environ={})
    assert (cfg.smtp.host, cfg.smtp.security, cfg.smtp.port, cfg.smtp.username) == ("localhost", security, port, "")
    settings = smtp_settings(cfg)
    assert (settings.port, settings.username, settings.password) == (port, None, None)


def test_password_env_is_read_only_when_a_login_happens(tmp_path, monkeypatch):
    root = ws(tmp_path, '[smtp]\nhost = "smtp.example.com"\nusername = "mila"\npassword_env = "MY_SMTP_PW"\n')
    monkeypatch.delenv("MY_SMTP_PW", raising=False)
    cfg = load_config(root, environ={})  # loading never needs the password
    settings = smtp_settings(cfg)
    with pytest.raises(ConfigError, match=r"password_env names \$MY_SMTP_PW, which is not set"):
        settings.password()
    monkeypatch.setenv("MY_SMTP_PW", "app-password-42")
    assert settings.password() == "app-password-42"
    assert "app-password-42" in known_secrets()  # the log redactor masks it from now on


def test_password_file_relative_to_the_workspace_and_password_command(tmp_path):
    root = ws(tmp_path, '[smtp]\nhost = "smtp.example.com"\nusername = "mila"\npassword_file = "smtp.pw"\n')
    (root / "smtp.pw").write_text("from-a-file\n")
    cfg = load_config(root, environ={})
    assert cfg.smtp.password_file == str((root / "smtp.pw").resolve())
    assert cfg.smtp.password() == "from-a-file"
    (root / "pw.py").write_text("print('from-a-command')\n")
    (root / "scopewatch.toml").write_text(
        f'[smtp]\nhost = "smtp.example.com"\nusername = "mila"\npassword_command = "{sys.executable} {root / "pw.py"}"\n'
    )
    cfg = load_config(root, environ={})
    assert cfg.smtp.password() == "from-a-command"


def test_environment_sets_every_key_and_wins_over_the_file(tmp_path):
    root = ws(tmp_path, '[smtp]\nhost = "smtp.file.example"\nport = 2525\nusername = "file-user"\npassword_env = "X"\n')
    env = {
        "SCOPEWATCH_SMTP_HOST": "smtp.fastmail.com",
        "SCOPEWATCH_SMTP_PORT": "465",
        "SCOPEWATCH_SMTP_SECURITY": "ssl",
        "SCOPEWATCH_SMTP_USERNAME": "mila@fastmail.example",
        "SCOPEWATCH_SMTP_PASSWORD": "env-secret",
    }
    smtp = load_config(root, environ=env).smtp
    assert (smtp.host, smtp.port, smtp.security, smtp.username) == ("smtp.fastmail.com", 465, "ssl", "mila@fastmail.example")
    assert smtp.password() == "env-secret"  # the environment's password comes before the file's source
    # Environment only, no file at all.
    only_env = load_config(tmp_path / "empty", environ={"SCOPEWATCH_SMTP_HOST": "127.0.0.1",
                                                         "SCOPEWATCH_SMTP_SECURITY": "plain"}).smtp
    assert (only_env.host, only_env.port, only_env.security) == ("127.0.0.1", 25, "plain")


# --- mistakes ------------------------------------------------------------------------------------


def test_a_literal_password_is_refused(tmp_path):
    msg = error(tmp_path, '[smtp]\nhost = "smtp.example.com"\nusername = "mila"\npassword = "hunter22"\n')
    assert "[smtp] password" in msg and "never be written in the config file" in msg
    assert "SCOPEWATCH_SMTP_PASSWORD" in msg and "hunter22" not in msg


def test_plain_only_to_this_machine(tmp_path):
    msg = error(tmp_path, '[smtp]\nhost = "smtp.example.com"\nsecurity = "plain"\n')
    assert "unencrypted to smtp.example.com" in msg and 'security = "starttls"' in msg
    for host in ("localhost", "127.0.0.1", "::1"):
        cfg = load_config(ws(tmp_path, f'[smtp]\nhost = "{host}"\nsecurity = "plain"\n'), environ={})
        assert cfg.smtp.security == "plain"


@pytest.mark.parametrize(
    "text, expected",
    [
        ('host = "smtp.example.com"\nsecurity = "tls"', "security must be one of ssl, starttls, plain, not 'tls'"),
        ('host = "smtp.example.com"\nport = 0', "port must be a number from 1 to 65535, not 0"),
        ('host = "smtp.example.com"\nport = "abc"', "port must be a number from 1 to 65535"),
        ('host = "smtp.example.com"\nusername = "mila"', "username 'mila' has no password source"),
        ('host = "smtp.example.com"\npassword_env = "PW"', "a password source is set but username is missing"),
        ('username = "mila"\npassword_env = "PW"', "host is missing (password_env, username set)"),
        ('host = "smtp.example.com"\nusername = "mila"\npassword_env = ""', "password_env must be a non-empty string"),
        ('host = "smtp.example.com"\nuser = "mila"', "unknown key 'user' (did you mean 'username'?)"),
    ],
)
def test_each_mistake_names_its_key(tmp_path, text, expected):
    msg = error(tmp_path, f"[smtp]\n{text}\n")
    assert expected in msg, msg
    assert "[smtp]" in msg


def test_bad_environment_value_is_reported_like_a_file_value(tmp_path):
    msg = error(tmp_path, "", environ={"SCOPEWATCH_SMTP_HOST": "smtp.example.com", "SCOPEWATCH_SMTP_PORT": "x"})
    assert "[smtp] port must be a number" in msg


def test_digest_language_setting(tmp_path):
    assert load_config(ws(tmp_path, '[digest]\nlanguage = "nl"\n'), environ={}).digest_language == "nl"
    assert "[digest] language must be" in error(tmp_path, '[digest]\nlanguage = "de"\n')


# --- scopewatch init -----------------------------------------------------------------------------


def test_init_writes_an_smtp_section_that_works_once_filled_in(tmp_path):
    target = tmp_path / "va"
    res = CliRunner().invoke(cli, ["init", str(target)])
    assert res.exit_code == 0 and "[smtp] host" in res.output and "scopewatch digest --send" in res.output
    toml_path = target / "scopewatch.toml"
    text = toml_path.read_text()
    assert "[smtp]" in text and "SCOPEWATCH_SMTP_PASSWORD" in text
    env = {"SCOPEWATCH_WORK_PASSWORD": "x"}
    assert load_config(target, environ=env).smtp is None  # as written: no host, no digest e-mail
    filled = (text.replace('# host = "smtp.example.com"', 'host = "smtp.example.com"')
                  .replace('# username = "you@example.com"\n# The password', 'username = "you@example.com"\n# The password')
                  .replace('# password_env = "SCOPEWATCH_SMTP_PASSWORD_VAR"', 'password_env = "MY_SMTP"'))
    toml_path.write_text(filled)
    smtp = load_config(target, environ=env).smtp
    assert (smtp.host, smtp.port, smtp.security, smtp.username, smtp.password_env) == (
        "smtp.example.com", 587, "starttls", "you@example.com", "MY_SMTP")


# --- the commands use it -------------------------------------------------------------------------


def with_smtp(env, text: str) -> None:
    path = env.root / "scopewatch.toml"
    path.write_text(path.read_text() + "\n[smtp]\n" + text)


@pytest.mark.parametrize("smtp_server", [AUTH], indirect=True)
def test_digest_send_takes_server_and_login_from_the_config(env, smtp_server, monkeypatch):
    inbox, port = smtp_server
    with_smtp(env, f'host = "127.0.0.1"\nport = {port}\nsecurity = "plain"\nusername = "mila"\npassword_env = "MILA_SMTP"\n')
    monkeypatch.delenv("MILA_SMTP", raising=False)
    res = env.run("digest", "--send")
    assert res.exit_code != 0 and "$MILA_SMTP, which is not set" in res.output
    assert "Traceback" not in res.output and inbox.envelopes == []
    monkeypatch.setenv("MILA_SMTP", "s3cret")
    res = env.run("digest", "--send")
    assert res.exit_code == 0, res.output
    assert "digest sent to mila@va.example" in res.output
    [msg] = delivered(inbox)
    assert msg.get_content_type() == "multipart/alternative"


def test_options_override_the_config(env, smtp_server):
    inbox, port = smtp_server
    dead = free_port()
    with_smtp(env, f'host = "127.0.0.1"\nport = {dead}\nsecurity = "plain"\n')
    res = env.run("digest", "--send")
    assert res.exit_code != 0 and f"127.0.0.1:{dead}" in res.output and inbox.envelopes == []
    res = env.run("digest", "--send", "--smtp-port", str(port))
    assert res.exit_code == 0, res.output
    assert len(inbox.envelopes) == 1


def test_digest_language_from_the_config(env, smtp_server):
    inbox, port = smtp_server
    path = env.root / "scopewatch.toml"
    path.write_text(path.read_text().replace("[va]", '[digest]\nlanguage = "nl"\n\n[va]')
                    + f'\n[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "plain"\n')
    assert env.run("digest", "--send").exit_code == 0
    [msg] = delivered(inbox)
    assert "buiten de afspraak" in msg["Subject"]
    assert "Bevestigen:" in msg.get_body(("plain",)).get_content()


def test_send_takes_the_server_from_the_config(env, smtp_server):
    inbox, port = smtp_server
    with_smtp(env, f'host = "127.0.0.1"\nport = {port}\nsecurity = "plain"\n')
    f = env.finding_by_text("spare bedroom")
    res = env.run("send", str(f.id), "--yes")
    assert res.exit_code == 0, res.output
    [msg] = delivered(inbox)
    assert inbox.envelopes[0].rcpt_tos == ["claire.hughes@hughesfamily.example"]
    assert msg["Subject"].startswith("Re: ")
    assert env.ledger.finding(f.id).status == "sent"
    assert len(drafts_in(env.maildir / ".Sent")) == 1


def test_send_without_any_smtp_server_stores_nothing(env):
    f = env.finding_by_text("spare bedroom")
    res = env.run("send", str(f.id), "--yes")
    assert res.exit_code != 0 and "no SMTP server" in res.output and "[smtp] host" in res.output
    assert env.ledger.finding(f.id).status == "new"
