"""What keeps the page the VA's own: loopback only unless a login is configured, a signed session
cookie (Secure, HttpOnly, SameSite=Strict) naming a session the server keeps (logout ends it, so a
copied cookie is worth nothing afterwards), a CSRF token on every form, no change by GET, a login
limited per address and in all, `next` only ever a path on this site, and headers that forbid
scripts, framing and sniffing."""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import threading
import time
from collections import deque
from urllib.parse import urlsplit

from flask import Flask, abort, redirect, request, session, url_for
from werkzeug.routing import IntegerConverter

LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")
# Endpoints a visitor may reach before logging in.
OPEN_ENDPOINTS = ("login", "login_post", "static_file")
LOGIN_ATTEMPTS = 5  # failed logins per address ...
LOGIN_WINDOW = 15 * 60.0  # ... within this many seconds, then 429 until the oldest one ages out
# Failed logins from all addresses together in the same window: many addresses (a botnet, or every
# address of 127.0.0.0/8 behind a proxy) cannot add up to a guessing run.
LOGIN_ATTEMPTS_TOTAL = 20
SESSION_SECONDS = 12 * 3600

CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")


def is_loopback(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1 (with or without brackets)."""
    host = (host or "").strip().strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _hostname(host_header: str) -> str:
    """The name part of a Host header ("127.0.0.1:8465" -> "127.0.0.1", "[::1]:80" -> "::1")."""
    return urlsplit(f"//{host_header}").hostname or ""


class LoginLimiter:
    """Failed logins per client address, and from all addresses together, in a sliding window;
    thread-safe, in memory."""

    _ALL = "\0all"

    def __init__(self, attempts: int = LOGIN_ATTEMPTS, window: float = LOGIN_WINDOW, clock=time.monotonic,
                 total: int = LOGIN_ATTEMPTS_TOTAL):
        self.attempts, self.window, self.clock, self.total = attempts, window, clock, total
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, who: str) -> deque[float]:
        now = self.clock()
        q = self._failures.setdefault(who, deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        if not q and who != self._ALL:
            del self._failures[who]  # an address that stopped trying is forgotten
            return self._failures.setdefault(who, q)
        return q

    def _wait(self, q: deque[float], limit: int) -> int:
        if len(q) < limit:
            return 0
        return max(1, int(q[len(q) - limit] + self.window - self.clock()) + 1)

    def wait_seconds(self, who: str) -> int:
        """0 when `who` may try now, else the seconds until the next try is allowed."""
        with self._lock:
            return max(self._wait(self._recent(who), self.attempts), self._wait(self._recent(self._ALL), self.total))

    def failed(self, who: str) -> None:
        with self._lock:
            now = self.clock()
            self._recent(who).append(now)
            self._recent(self._ALL).append(now)

    def succeeded(self, who: str) -> None:
        with self._lock:
            self._failures.pop(who, None)


class Sessions:
    """The logged-in sessions this process knows: the cookie only names one, so logging out (or a
    restart) ends it for every copy of the cookie."""

    def __init__(self, seconds: float = SESSION_SECONDS, clock=time.monotonic):
        self.seconds, self.clock = seconds, clock
        self._live: dict[str, float] = {}
        self._lock = threading.Lock()

    def start(self) -> str:
        sid = secrets.token_urlsafe(32)
        with self._lock:
            now = self.clock()
            self._live = {k: t for k, t in self._live.items() if t > now}
            self._live[sid] = now + self.seconds
        return sid

    def alive(self, sid: str | None) -> bool:
        with self._lock:
            until = self._live.get(sid or "")
            return until is not None and until > self.clock()

    def end(self, sid: str | None) -> None:
        with self._lock:
            self._live.pop(sid or "", None)


class _LedgerId(IntegerConverter):
    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", 2**63 - 1)
        super().__init__(url_map, *args, **kwargs)


def csrf_token() -> str:
    """This session's CSRF token (made on first use); every form carries it as `csrf`."""
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return token


def check_password(given: str, expected: str) -> bool:
    return bool(given) and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def install(app: Flask, *, login_password: str | None) -> None:
    """Wire the checks into `app`. Without `login_password` the page answers loopback only."""
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),  # new per start: a restart logs everyone out
        SESSION_COOKIE_NAME="scopewatch_session",
        SESSION_COOKIE_SECURE=True,  # browsers treat http://127.0.0.1 and localhost as secure too
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        PERMANENT_SESSION_LIFETIME=SESSION_SECONDS,
        MAX_CONTENT_LENGTH=1024 * 1024,
    )
    app.config["SCOPEWATCH_LOGIN"] = login_password is not None
    # A finding id too large for the ledger is no page (404), not a database error (500).
    app.url_map.converters["int"] = _LedgerId
    limiter = LoginLimiter()
    app.extensions["scopewatch_limiter"] = limiter
    sessions = app.extensions["scopewatch_sessions"] = Sessions()
    app.jinja_env.globals["csrf_token"] = csrf_token

    @app.before_request
    def _guard():
        if request.routing_exception is not None:
            raise request.routing_exception  # 404 / 405 before anything else is looked at
        if session.get("user") and not sessions.alive(session.get("sid")):
            session.clear()  # logged out (or the process restarted): this cookie is worth nothing
        if login_password is None:
            # No login: only this machine may use the page, and only under a loopback name (a
            # foreign site's name resolving to 127.0.0.1, DNS rebinding, gets nothing).
            if not is_loopback(request.remote_addr or ""):
                abort(403, "this page has no login, so it answers only on this machine")
            if not is_loopback(_hostname(request.host)):
                abort(400, "open the page as http://127.0.0.1:PORT or http://localhost:PORT")
        if request.method not in ("GET", "HEAD"):
            origin = request.headers.get("Origin")
            if origin and origin != "null" and urlsplit(origin).netloc != request.host:
                abort(403, "a form from another site was refused")
            sent = request.form.get("csrf", "")
            if not sent or not hmac.compare_digest(sent, session.get("csrf") or ""):
                abort(400, "the form was out of date or not from this page: reload the page and try again")
        if login_password is not None and not session.get("user") and request.endpoint not in OPEN_ENDPOINTS:
            if request.method in ("GET", "HEAD"):
                return redirect(url_for("login", next=request.full_path if request.query_string else request.path))
            abort(401, "log in first")
        return None

    @app.after_request
    def _headers(response):
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers.setdefault("Cache-Control", "no-store")
        return response


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path on this site only (never another host). A browser
    drops tabs and line breaks from a URL, so "/\t/host" would be "//host": any control
    character, space or backslash makes it "/"."""
    if not target or any(ord(c) <= 0x20 or c in "\\\x7f" for c in target):
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


def log_in(app: Flask) -> None:
    """Start a logged-in session in the cookie and on the server (after the password was right)."""
    session.clear()  # a new session on login: nothing set before it carries over
    session["user"] = "va"
    session["sid"] = app.extensions["scopewatch_sessions"].start()
    session.permanent = True


def log_out(app: Flask) -> None:
    """End the session on the server too: a copy of the cookie no longer logs anyone in."""
    app.extensions["scopewatch_sessions"].end(session.get("sid"))
    session.clear()
