"""`scopewatch run` as a real process against a real Dovecot: kill -9 in the middle of a backlog
loses and repeats nothing, SIGTERM exits 0, `status` tells a running from a stopped service,
metrics are served over HTTP, and logs never show the password or a mail body."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.dovecot import free_port
from tests.test_service_support import (
    REPO,
    append_many,
    cli,
    flagged_mail,
    fresh_id,
    imap_env,
    imap_toml,
    ledger_messages,
    sample_mails,
    stop_process,
    wait_for,
    workspace,
)

pytestmark = pytest.mark.dovecot


def _setup(server, tmp_path, **kw):
    user, _ = server.add_user()
    root = workspace(tmp_path, imap_toml(server, user, **kw))
    return user, root, f"sqlite:///{root / 'scopewatch.db'}", imap_env(server, user)


def _count(url):
    try:
        return len(ledger_messages(url))
    except Exception:  # the database file or its tables are not there yet
        return 0


def test_kill_9_mid_backlog_then_restart_processes_every_message_exactly_once(dovecot_server, tmp_path):
    server = dovecot_server
    user, root, url, env = _setup(server, tmp_path, batch=10)
    base = sample_mails()
    mails = [fresh_id(base[n % len(base)], f"k{n}") for n in range(300)]
    append_many(server, user, mails)
    proc = cli("run", "--workspace", str(root), env=env)
    try:
        got = wait_for(lambda: _count(url) >= 40, 60)
        assert got, f"no progress before the kill: {proc.stderr.read1().decode() if proc.poll() is not None else ''}"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    killed_at = _count(url)
    assert killed_at < 300, "the backlog finished before the kill; nothing was tested"
    proc = cli("run", "--workspace", str(root), env=env)
    try:
        assert wait_for(lambda: _count(url) >= 300, 90), f"only {_count(url)} of 300 after the restart"
        time.sleep(1.0)
    finally:
        rc, _out, err = stop_process(proc)
    assert rc == 0, err[-2000:]
    rows = ledger_messages(url)
    assert len(rows) == 300
    assert len({k for _a, k, _m in rows}) == 300
    assert len({m for _a, _k, m in rows}) == 300


def test_sigterm_exits_0_and_status_tells_running_from_stopped(dovecot_server, tmp_path):
    server = dovecot_server
    user, root, url, env = _setup(server, tmp_path)
    toml = (root / "scopewatch.toml").read_text().replace("[service]", '[service]\nstale_after = "3s"')
    (root / "scopewatch.toml").write_text(toml)

    def status():
        proc = subprocess.run([sys.executable, "-m", "scopewatch", "status", "-w", str(root), "--json"],
                              cwd=REPO, capture_output=True, text=True, timeout=60)
        import json

        return proc.returncode, json.loads(proc.stdout) if proc.stdout.strip() else proc.stderr

    rc, doc = status()
    assert rc == 1 and doc["folders"][0]["state"] == "never"  # never run: unhealthy

    server.append(user, raw=flagged_mail("status"))
    proc = cli("run", "--workspace", str(root), env=env)
    try:
        assert wait_for(lambda: _count(url) == 1, 60)
        time.sleep(4)  # longer than stale_after: the running service keeps its fetch time fresh
        rc, doc = status()
        assert rc == 0, doc
        folder = doc["folders"][0]
        assert folder["state"] == "watching" and folder["waiting_review"] == 1 and folder["backlog"] == 0
    finally:
        rc, _out, err = stop_process(proc, signal.SIGTERM)
    assert rc == 0, err[-2000:]
    assert "SIGTERM received" in err and "stopped" in err
    rc, doc = status()  # right after SIGTERM: stopped, and the exit code says so
    assert rc == 1 and doc["folders"][0]["state"] == "stopped" and not doc["folders"][0]["running"], doc
    assert doc["problems"][0].startswith("work/INBOX: scopewatch is not running: stopped")
    time.sleep(3.5)
    rc, doc = status()
    assert rc == 1 and doc["folders"][0]["stale"], doc


def test_status_right_after_kill_9_says_stopped(dovecot_server, tmp_path):
    server = dovecot_server
    user, root, url, env = _setup(server, tmp_path)
    server.append(user, raw=flagged_mail("killed"))
    proc = cli("run", "--workspace", str(root), env=env)
    try:
        assert wait_for(lambda: _count(url) == 1, 60)
        rc, _doc = _status(root)
        assert rc == 0, _doc
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    rc, doc = _status(root)  # the lease is still unexpired, but its holder is gone
    assert rc == 1, doc
    folder = doc["folders"][0]
    assert folder["state"] == "stopped" and not folder["running"] and not folder["stale"]
    assert "ended without stopping (killed or crashed)" in doc["problems"][0]


def _status(root):
    import json

    proc = subprocess.run([sys.executable, "-m", "scopewatch", "status", "-w", str(root), "--json"],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    return proc.returncode, json.loads(proc.stdout) if proc.stdout.strip() else proc.stderr


def test_metrics_are_served_over_http(dovecot_server, tmp_path):
    server = dovecot_server
    user, root, url, env = _setup(server, tmp_path)
    server.append(user, raw=flagged_mail("metrics"))
    port = free_port()
    proc = cli("run", "--workspace", str(root), "--metrics-port", str(port), env=env)
    try:
        assert wait_for(lambda: _count(url) == 1, 60)

        def scrape():
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2) as resp:
                    return resp.read().decode()
            except OSError:
                return ""

        text = wait_for(lambda: (t := scrape()) and "scopewatch_processing_seconds_count 1.0" in t and t, 10)
        assert text, scrape()
    finally:
        rc, _out, err = stop_process(proc)
    assert rc == 0, err[-2000:]
    assert re.search(r'scopewatch_messages_processed_total\{account="work",folder="INBOX",verdict="out_of_scope"\} 1\.0', text)
    assert re.search(r'scopewatch_findings_total\{category="[a-z_]+",verdict="out_of_scope"\} 1\.0', text)
    assert re.search(r'scopewatch_last_fetch_timestamp_seconds\{account="work",folder="INBOX"\} \d\.\d+e\+09', text)
    assert "scopewatch_imap_reconnects_total" in text or "scopewatch_imap_reconnects" in text


def test_logs_never_show_the_password_or_a_mail_body(dovecot_server, tmp_path):
    server = dovecot_server
    fmt = "json" if server.idle else "text"  # each log format once, each server mode once
    user, root, url, env = _setup(server, tmp_path)
    phrase = "purple-elephant-secret-phrase"
    raw = flagged_mail("redact").replace(b"\n\n", f"\n\n{phrase} is in this body.\n\n".encode(), 1)
    server.append(user, raw=raw)
    proc = subprocess.run(
        [sys.executable, "-m", "scopewatch", "scan", "-w", str(root), "--log-level", "debug", "--log-format", fmt],
        cwd=REPO, capture_output=True, text=True, timeout=120, env={**__import__("os").environ, **env},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "1 message processed" in proc.stdout
    logs = proc.stderr
    assert "out_of_scope" in logs  # the message was logged, at debug level
    assert server.passwords[user] not in logs
    assert phrase not in logs and phrase not in proc.stdout
    if fmt == "json":
        import json

        lines = [json.loads(line) for line in logs.splitlines() if line.strip()]
        assert lines and all({"time", "level", "message"} <= set(d) for d in lines)
