"""Break 8 of the second reliability probe (bench/reliability.py runs it): the review page served by
a real `scopewatch web` process with a login, over loopback sockets, and the folder lease between
two `scopewatch run` processes of which one runs under another host name (its own UTS namespace)."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

from tests.test_service_support import EXAMPLES, REPO, flagged_mail, ledger_messages

PASSWORD = "correct horse battery staple"


class Browser:
    """One client with its own cookie, from one loopback source address."""

    def __init__(self, port: int, source: str = "127.0.0.1"):
        self.port, self.source, self.cookie = port, source, ""

    def request(self, method: str, path: str, form: dict | None = None, timeout: float = 10):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout, source_address=(self.source, 0))
        headers = {"Host": f"127.0.0.1:{self.port}"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            text = resp.read().decode(errors="replace")
            set = resp.getheader("Set-Cookie")
            if set:
                self.cookie = set.split(";", 1)[0]
            return resp.status, resp.getheader("Location"), text
        finally:
            conn.close()

    def csrf(self, path: str = "/login") -> str:
        _, _, text = self.request("GET", path)
        found = re.search(r'name="csrf" value="([^"]+)"', text)
        return found.group(1) if found else ""

    def login(self, password: str = PASSWORD, next_: str = "/"):
        token = self.csrf()
        return self.request("POST", "/login", {"csrf": token, "password": password, "next": next_})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(root: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "scopewatch", "web", "-w", str(root), "--port", str(port)],
                            cwd=REPO, env={**os.environ, "SCOPEWATCH_WEB_PASSWORD": PASSWORD},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the page did not start: " + proc.stderr.read().decode()[-500:])


def _finding_ids(root: Path) -> tuple[list[int], list[int]]:
    from scopewatch.store.ledger import Ledger

    ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")
    try:
        flagged = [f.id for f in ledger.findings(verdict="out_of_scope")]
        in_scope = [f.id for f in ledger.findings(verdict="in_scope")]
        return flagged, in_scope
    finally:
        ledger.close()


def page(tmp: Path) -> None:
    from tests.web_workspace import make_workspace

    root = make_workspace(tmp / "ws")
    flagged, in_scope = _finding_ids(root)
    port = _free_port()
    proc = _serve(root, port)
    try:
        va = Browser(port)
        status, where, _ = va.login()
        token = va.csrf("/")
        captured = va.cookie
        va.request("POST", "/logout", {"csrf": token})
        thief = Browser(port)
        thief.cookie = captured
        status, where, _ = thief.request("POST", f"/finding/{flagged[0]}/dismiss", {"csrf": token, "reason": "other"})
        done = status == 302 and "/login" not in (where or "")
        print(f"  a session cookie captured before logout, used after it: dismiss -> {status} "
              f"({'the finding was dismissed' if done else 'refused'})")

        time_out_cookie = Browser(port)
        status, where, _ = time_out_cookie.request("GET", "/login?next=/%09/127.0.0.2:18467/")
        nxt = Browser(port, "127.0.0.20")
        status, where, _ = nxt.login(next_="/\t/127.0.0.2:18467/")
        browser_url = urljoin(f"http://127.0.0.1:{port}/login", re.sub(r"[\t\n\r]", "", where or ""))
        off = urlsplit(browser_url).netloc != f"127.0.0.1:{port}"
        print(f"  login with next=/%09/127.0.0.2:18467/ -> {status} Location {where!r}: "
              f"{'off-site (' + browser_url + ')' if off else 'stays on the page'}")

        half = []
        for _ in range(120):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            half.append(s)
        started = time.monotonic()
        try:
            status, _, _ = Browser(port, "127.0.0.30").request("GET", "/login", timeout=10)
            print(f"  with 120 half-open connections: GET /login -> {status} after {time.monotonic() - started:.1f} s")
        except OSError as exc:
            print(f"  with 120 half-open connections: unreachable ({type(exc).__name__} after {time.monotonic() - started:.1f} s)")
        finally:
            for s in half:
                s.close()
        time.sleep(1)
        va = Browser(port, "127.0.0.40")
        va.login()
        status, _, text = va.request("GET", "/finding/" + "9" * 23)
        print(f"  GET /finding/<23 digits> -> {status}{' with a traceback' if 'Traceback' in text else ''}")
        if in_scope:
            status, _, text = va.request("GET", f"/finding/{in_scope[0]}/send")
            print(f"  GET /finding/<in-scope id>/send -> {status}")
        status, _, _ = va.request("DELETE", f"/finding/{flagged[0]}")
        print(f"  DELETE /finding/<id> -> {status}")
        tried = refused = 0
        for n in range(2, 12):
            who = Browser(port, f"127.0.0.{n}")
            token = who.csrf()
            for _ in range(6):
                status, _, _ = who.request("POST", "/login", {"csrf": token, "password": "wrong", "next": "/"})
                tried += 1
                refused += status == 429
        print(f"  wrong passwords from 10 loopback addresses: {tried - refused} of {tried} checked, {refused} refused (429)")

    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
        tracebacks = err.decode(errors="replace").count("Traceback")
        print(f"  tracebacks in the page's log: {tracebacks}")


# --- the lease on another host ------------------------------------------------------------------------

def _maildir_root(tmp: Path) -> Path:
    root = tmp / "ws"
    root.mkdir(parents=True)
    shutil.copytree(EXAMPLES / "scopes", root / "scopes")
    for sub in ("new", "cur", "tmp"):
        (root / "mailbox" / sub).mkdir(parents=True)
    (root / "scopewatch.toml").write_text('database = "sqlite:///scopewatch.db"\n\n[[mailbox]]\nname = "work"\n'
                                          'maildir = "mailbox"\npoll_interval = 0.5\n')
    return root


def _recorded(url: str) -> int:
    try:
        return len(ledger_messages(url))
    except Exception:  # noqa: BLE001
        return 0


def lease(tmp: Path, rounds: int = 3) -> None:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        print("  skipped: a second host name needs `unshare --uts` as root")
        return
    root = _maildir_root(tmp)
    url = f"sqlite:///{root / 'scopewatch.db'}"
    taken = []
    for n in range(rounds):
        other = subprocess.Popen(
            ["unshare", "--uts", "sh", "-c", f"hostname otherhost; exec {sys.executable} -m scopewatch run -w {root}"],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        (root / "mailbox" / "new" / f"{n}.a.first").write_bytes(flagged_mail(f"a{n}"))
        deadline = time.monotonic() + 120
        while _recorded(url) < 2 * n + 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        here = subprocess.Popen([sys.executable, "-m", "scopewatch", "run", "-w", str(root)], cwd=REPO,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(5 + 7 * n)  # the standby settles, and the kill falls at another point of the renewal cycle
        os.killpg(other.pid, signal.SIGKILL)
        other.wait()
        killed = time.monotonic()
        (root / "mailbox" / "new" / f"{n}.b.second").write_bytes(flagged_mail(f"b{n}"))
        while _recorded(url) < 2 * n + 2 and time.monotonic() - killed < 180:
            time.sleep(0.1)
        took = time.monotonic() - killed
        taken.append(took)
        here.send_signal(signal.SIGTERM)
        try:
            here.wait(30)
        except subprocess.TimeoutExpired:
            here.kill()
    print("  standby on this host takes over from a worker killed on another host after: "
          + ", ".join(f"{t:.1f} s" for t in taken))
