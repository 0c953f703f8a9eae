"""Two `scopewatch run` processes sharing one PostgreSQL ledger and one mailbox folder: one holds
the folder lease and every message is stored once; when the holder is killed the other takes over."""

from __future__ import annotations

import signal
import time

import pytest

from tests.test_service_support import (
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

pytestmark = [pytest.mark.dovecot, pytest.mark.postgres]


def _live_holder(url: str) -> str | None:
    from datetime import datetime, timezone

    from scopewatch.store.ledger import Ledger

    ledger = Ledger.open(url, migrate=False)
    try:
        now = datetime.now(timezone.utc)
        live = [h for a, f, h, exp in ledger.leases() if (a, f) == ("work", "INBOX") and exp > now]
        return live[0] if live else None
    finally:
        ledger.close()


def test_two_services_share_a_folder_one_at_a_time_and_take_over(dovecot_server, pg_url, tmp_path):
    server = dovecot_server
    user, _ = server.add_user()
    root = workspace(tmp_path, imap_toml(server, user, database=pg_url, lease_ttl=3, batch=10))
    env = imap_env(server, user)
    base = sample_mails()
    append_many(server, user, [fresh_id(base[n % len(base)], f"pg{n}") for n in range(60)])

    def count():
        try:
            return len(ledger_messages(pg_url))
        except Exception:
            return 0

    procs = [cli("run", "--workspace", str(root), env=env) for _ in range(2)]
    try:
        assert wait_for(lambda: count() >= 60, 90), f"only {count()} of 60 stored"
        holder = wait_for(lambda: _live_holder(pg_url), 10)
        assert holder, "nobody holds the folder lease"
        pid = int(holder.split(":")[1])
        by_pid = {p.pid: p for p in procs}
        assert pid in by_pid, f"lease held by {holder}, not one of the two services"
        standby = next(p for p in procs if p.pid != pid)
        by_pid[pid].send_signal(signal.SIGKILL)
        by_pid[pid].wait(10)
        server.append(user, raw=flagged_mail("after-takeover"))
        assert wait_for(lambda: count() >= 61, 30), "the standby service did not take over"
        taken = wait_for(lambda: (h := _live_holder(pg_url)) and h != holder and h, 10)
        assert taken and int(taken.split(":")[1]) == standby.pid
        time.sleep(1.0)
    finally:
        for p in procs:
            if p.poll() is None:
                rc, _out, err = stop_process(p)
                assert rc == 0, err[-2000:]
    rows = ledger_messages(pg_url)
    assert len(rows) == 61
    assert len({k for _a, k, _m in rows}) == 61
    assert len({m for _a, _k, m in rows}) == 61
