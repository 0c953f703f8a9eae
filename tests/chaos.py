"""The chaos scenarios (no tests here): a real `scopewatch run` against a private Dovecot on loopback,
killed with -9 at random points of ingest and drafting, a Dovecot restarted under it, hostile rules,
large agreements. Each scenario takes fixed counts, finishes by itself and returns its figures;
tests/test_chaos.py runs them small and asserts, bench/chaos.py runs them large and prints."""

from __future__ import annotations

import imaplib
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.test_service_support import REPO, flagged_mail, workspace

SERVICE = """
[[mailbox]]
name = "work"
host = "127.0.0.1"
port = {port}
security = "plain"
username = "{user}"
password_env = "CHAOS_PW"
idle = {idle}
poll_interval = 0.5

[va]
name = "Dave Collins"
address = "dave@collinsdecorating.example"

[draft]
auto_draft = "all"

[service]
lease_ttl = 60
backoff_initial = {backoff}
backoff_max = 300
batch_size = {batch}
"""


def service_workspace(tmp: Path, server, user: str, *, batch: int = 10, backoff: float = 1.0) -> tuple[Path, str, dict]:
    """A workspace watching `user`'s INBOX with the real lease TTL (60 s) and backoff (1 s .. 300 s)."""
    toml = SERVICE.format(port=server.port, user=user, idle="true" if server.idle else "false", batch=batch,
                          backoff=backoff)
    root = workspace(tmp, toml)
    return root, f"sqlite:///{root / 'scopewatch.db'}", {"CHAOS_PW": server.passwords[user]}


def _query(url: str, sql: str) -> list[tuple]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    except Exception:  # the database or its tables are not there yet
        return []
    finally:
        engine.dispose()


def count(url: str, table: str, where: str = "") -> int:
    rows = _query(url, f"select count(*) from {table} {where}")
    return rows[0][0] if rows else 0


def folder_message_ids(server, user: str, folder: str) -> list[tuple[int, str]]:
    """(UID, Message-ID) of every message in a folder, read over IMAP without touching flags."""
    conn = server.imap(user)
    try:
        typ, _ = conn.select(folder, readonly=True)
        if typ != "OK":
            return []
        typ, data = conn.uid("FETCH", "1:*", "(UID BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
        out = []
        for item in data or []:
            if isinstance(item, tuple):
                uid = int(re.search(rb"UID (\d+)", item[0]).group(1))
                mid = item[1].decode("utf-8", "replace").partition(":")[2].strip()
                out.append((uid, mid))
        return out
    finally:
        conn.logout()


@dataclass
class Comparison:
    """The ledger against the mailbox after the last run."""

    inbox: int = 0
    lost: int = 0  # INBOX mail the ledger never recorded
    duplicated: int = 0  # recorded twice (key or Message-ID), or a draft twice in Drafts
    drafts_in_ledger: int = 0
    drafts_in_mailbox: int = 0
    drafts_lost: int = 0  # the ledger says in Drafts, Drafts does not have it
    drafts_orphaned: int = 0  # in Drafts, unknown to the ledger
    status_mismatches: int = 0  # a finding's status disagrees with whether its draft is in Drafts
    not_drafted: int = 0  # firm out-of-scope findings left without a draft


def compare(server, user: str, url: str) -> Comparison:
    c = Comparison()
    inbox = folder_message_ids(server, user, "INBOX")
    c.inbox = len(inbox)
    keys = [k for (k,) in _query(url, "select key from processed_key where account='work' and folder='INBOX'")]
    done = {int(k.split(":")[1]) for k in keys}
    c.lost = sum(1 for uid, _ in inbox if uid not in done)
    mids = [m for (m,) in _query(url, "select message_id from message where account='work'")]
    c.duplicated = (len(keys) - len(set(keys))) + (len(mids) - len(set(mids)))
    in_drafts: dict[str, int] = {}
    for _uid, mid in folder_message_ids(server, user, "Drafts"):
        in_drafts[mid] = in_drafts.get(mid, 0) + 1
    c.drafts_in_mailbox = sum(in_drafts.values())
    drafts = _query(url, "select id, message_id, folder from draft")
    c.drafts_in_ledger = len(drafts)
    known = {mid for _id, mid, _f in drafts}
    c.duplicated += sum(n - 1 for n in in_drafts.values())
    c.drafts_orphaned = sum(n for mid, n in in_drafts.items() if mid not in known)
    c.drafts_lost = sum(1 for _id, mid, folder in drafts if folder is not None and mid not in in_drafts)
    rows = _query(url, "select f.id, f.status, f.review, d.message_id from finding f "
                       "left join draft_finding df on df.finding_id = f.id left join draft d on d.id = df.draft_id "
                       "where f.verdict = 'out_of_scope'")
    for _fid, status, review, mid in rows:
        there = mid is not None and mid in in_drafts
        if status in ("new", "confirmed", "drafted") and (status == "drafted") != there:
            c.status_mismatches += 1
        if not review and not there:
            c.not_drafted += 1
    return c


def _wait(predicate, timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return bool(predicate())


def _append(server, user: str, mails: list[bytes]) -> None:
    conn = server.imap(user)
    try:
        for raw in mails:
            typ, data = conn.append("INBOX", None, None, raw)
            assert typ == "OK", data
    finally:
        conn.logout()


def service(root: Path, env: dict, log: Path) -> subprocess.Popen:
    """`scopewatch run` in its own process group, its log appended to `log` (a pipe nobody reads
    would fill up and stall it on a long run)."""
    with log.open("ab") as fh:
        return subprocess.Popen([sys.executable, "-m", "scopewatch", "run", "--workspace", str(root)], cwd=REPO,
                                env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=fh,
                                start_new_session=True)


def _kill(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(10)


def _stop(proc: subprocess.Popen, timeout: float = 30) -> int:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        return -1


def _finished(server, user: str, url: str) -> bool:
    c = compare(server, user, url)
    return c.lost == 0 and c.not_drafted == 0 and c.status_mismatches == 0


@dataclass
class KillFigures:
    kills: int = 0
    in_ingest: int = 0  # killed while mail was still being recorded
    in_drafting: int = 0  # killed while drafts were being made
    resumed_seconds: list[float] = field(default_factory=list)  # restart -> first new work recorded
    comparison: Comparison = field(default_factory=Comparison)


def kill_rounds(server, tmp: Path, *, kills: int = 20, per_round: int = 8, seed: int = 12) -> KillFigures:
    """`kills` rounds: deliver `per_round` client mails (one out-of-scope request each), start the
    service, kill -9 it at a random point of recording (even rounds) or drafting (odd rounds); then
    one clean run to the end, and the ledger compared with INBOX and Drafts."""
    rng = random.Random(seed)
    user, _ = server.add_user()
    # Batches of two, so a round's mail is recorded in several transactions a kill can fall between.
    root, url, env = service_workspace(tmp, server, user, batch=2)
    figures = KillFigures()
    for n in range(kills):
        _append(server, user, [flagged_mail(f"chaos{n}x{k}") for k in range(per_round)])
        messages, drafts = count(url, "message"), count(url, "draft", "where folder is not null")
        started = time.monotonic()
        proc = service(root, env, tmp / "kills.log")
        try:
            _wait(lambda: count(url, "message") > messages or count(url, "draft") > drafts, 90)
            figures.resumed_seconds.append(time.monotonic() - started)
            if n % 2 == 0:  # inside recording: after some of this round's mail is stored
                # early in the round: on an idle machine a round's recording takes only tens of ms
                target = messages + rng.randint(1, per_round // 2)
                _wait(lambda: count(url, "message") >= target, 60, step=0.01)
            else:  # inside drafting: after some of this round's drafts are in Drafts
                target = drafts + rng.randint(0, per_round - 2)
                _wait(lambda: count(url, "draft", "where folder is not null") > target, 90, step=0.01)
            if n % 2:
                time.sleep(rng.uniform(0, 0.15))
            busy_ingest = count(url, "message") < messages + per_round
            busy_drafting = count(url, "draft", "where folder is not null") < drafts + per_round
            _kill(proc)
        finally:
            _kill(proc)
        figures.kills += 1
        figures.in_ingest += busy_ingest
        figures.in_drafting += busy_drafting and not busy_ingest
    proc = service(root, env, tmp / "kills.log")
    try:
        _wait(lambda: _finished(server, user, url), 180, step=0.5)
    finally:
        _stop(proc)
    figures.comparison = compare(server, user, url)
    return figures


@dataclass
class RestartFigures:
    pickup_seconds: list[float] = field(default_factory=list)  # server back -> the new mail recorded
    comparison: Comparison = field(default_factory=Comparison)
    escapes_clean: bool = False  # `show` of a mail full of escape sequences printed none
    truncated_stored: list[str] = field(default_factory=list)


def dovecot_restarts(server, tmp: Path, *, restarts: int = 7, down_seconds: float = 1.0) -> RestartFigures:
    """The service runs while Dovecot is stopped and started `restarts` times; after each start one
    mail is delivered and the time until it is recorded is measured (the first mail is full of
    terminal escapes, the second has more MIME parts than are read)."""
    from tests.test_terminal_safety import HOSTILE
    from tests.test_truncation import many_parts

    user, _ = server.add_user()
    root, url, env = service_workspace(tmp, server, user, backoff=1.0)
    _append(server, user, [flagged_mail("before")])
    figures = RestartFigures()
    proc = service(root, env, tmp / "restarts.log")
    try:
        assert _wait(lambda: count(url, "message") == 1, 90), "the service never started"
        for n in range(restarts):
            server.stop()
            time.sleep(down_seconds)
            server.start()
            before = count(url, "message")
            mail = HOSTILE if n == 0 else many_parts(250, f"parts{n}") if n == 1 else flagged_mail(f"restart{n}")
            back = time.monotonic()
            _append(server, user, [mail])
            _wait(lambda: count(url, "message") > before, 120, step=0.02)
            figures.pickup_seconds.append(time.monotonic() - back)
        _wait(lambda: _finished(server, user, url), 60, step=0.5)
    finally:
        _stop(proc)
    figures.comparison = compare(server, user, url)
    ids = [i for (i,) in _query(url, "select f.id from finding f join message m on m.id = f.message_pk "
                                     "where m.message_id like '%escape-1%'")]
    if ids:
        shown = subprocess.run([sys.executable, "-m", "scopewatch", "show", str(ids[0]), "-w", str(root)],
                               cwd=REPO, capture_output=True, text=True, timeout=120)
        figures.escapes_clean = shown.returncode == 0 and not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", shown.stdout)
    figures.truncated_stored = [t for (t,) in _query(url, "select truncated from message where truncated is not null and truncated != 'null'")]
    return figures


@dataclass
class HostileFigures:
    worst_detection_seconds: float = 0.0  # per message, hostile rule on hostile mail
    median_detection_seconds: float = 0.0
    sigterm_seconds: float | None = None  # SIGTERM during detection -> the process gone
    exit_code: int | None = None
    recorded_good: int = 0
    recorded_errors: int = 0
    rejected_at_load: bool = False


SLOW_RULE = """
- id: CHAOS_SLOW
  description: Polynomial on long words; passes the shape check, the time budget stops it
  language: any
  role: ask
  score: 1.0
  pattern: {regex: "\\\\w*\\\\w*\\\\w*\\\\w*\\\\w*\\\\w*$"}
  examples:
    match: ["Could you aaa"]
"""
CATASTROPHIC_RULE = SLOW_RULE.replace("CHAOS_SLOW", "CHAOS_CATASTROPHIC").replace(
    "\\\\w*\\\\w*\\\\w*\\\\w*\\\\w*\\\\w*$", "(a+)+$")


def hostile_mail(tag: str, length: int = 4000) -> bytes:
    head, _, _ = flagged_mail(tag).partition(b"\n\n")
    return head + b"\n\nCould you also paint the spare bedroom " + b"a" * length + b"!\n"


def hostile_rules(server, tmp: Path, *, hostile: int = 10, good: int = 3) -> HostileFigures:
    """A catastrophic rule is refused at start-up; a slow one that passes the check runs under the
    budget: the first hostile mail of a batch gets an error verdict naming the rule, which sits out
    the rest of the batch, the good mails around it are recorded, and a SIGTERM during detection
    stops the service within seconds."""
    from scopewatch.detect.checker import Checker
    from scopewatch.workspace import open_workspace

    figures = HostileFigures()
    user, _ = server.add_user()
    root, url, env = service_workspace(tmp, server, user, batch=100)
    (root / "rules").mkdir()
    (root / "rules" / "bad.yaml").write_text(CATASTROPHIC_RULE)
    refused = subprocess.run([sys.executable, "-m", "scopewatch", "scan", "-w", str(root)], cwd=REPO,
                             capture_output=True, text=True, timeout=120, env={**os.environ, **env})
    figures.rejected_at_load = refused.returncode != 0 and "CHAOS_CATASTROPHIC" in refused.stderr
    (root / "rules" / "bad.yaml").write_text(SLOW_RULE)

    checker = Checker(open_workspace(root))
    checker.warm_up()
    times = []
    for n in range(hostile):
        started = time.monotonic()
        checker.check_bytes(hostile_mail(f"timing{n}"))
        times.append(time.monotonic() - started)
    figures.worst_detection_seconds, figures.median_detection_seconds = max(times), statistics.median(times)

    mails = [flagged_mail(f"good{k}") for k in range(good)]
    mails += [hostile_mail(f"hostile{k}") for k in range(hostile)]
    mails += [flagged_mail(f"after{k}") for k in range(good)]
    _append(server, user, mails)
    log = tmp / "hostile.log"
    proc = service(root, env, log)
    try:
        _wait(lambda: log.is_file() and b"to catch up on" in log.read_bytes(), 120, step=0.05)
        time.sleep(1.5 + good * 0.1)  # into the hostile mails
        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
            figures.sigterm_seconds = time.monotonic() - sent
        except subprocess.TimeoutExpired:
            pass
        figures.exit_code = proc.returncode
    finally:
        _kill(proc)
    finish = subprocess.run([sys.executable, "-m", "scopewatch", "scan", "-w", str(root)], cwd=REPO,
                            capture_output=True, text=True, timeout=600, env={**os.environ, **env})
    assert finish.returncode == 0, finish.stderr[-2000:]
    figures.recorded_errors = count(url, "message", "where verdict = 'error'")
    figures.recorded_good = count(url, "message", "where verdict = 'out_of_scope'")
    return figures


def agreement_load_times(tmp: Path, sizes: tuple[int, ...] = (5_000, 20_000, 58_863)) -> list[tuple[int, int, float, float]]:
    """(terms, bytes, wall seconds, CPU seconds) to load and compile an agreement of each size: file
    to TermMatcher (CPU time as well: the wall clock of a shared machine says little)."""
    from scopewatch.agreement.load import load_agreement_file
    from scopewatch.detect.nlp import Pipelines
    from scopewatch.detect.terms import TermMatcher
    from tests.test_agreement_limits import big_agreement

    nlp = Pipelines().get("en")
    out = []
    for n in sizes:
        path = tmp / f"big{n}.yaml"
        path.write_text(big_agreement(n))
        started, cpu = time.monotonic(), time.process_time()
        TermMatcher(nlp, load_agreement_file(path), "en")
        out.append((n, path.stat().st_size, time.monotonic() - started, time.process_time() - cpu))
    return out
