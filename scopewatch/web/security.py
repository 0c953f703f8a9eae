"""What keeps the page the VA's own: loopback only unless a login is configured, a signed session
cookie (Secure, HttpOnly, SameSite=Strict), a CSRF token on every form, no change by GET, a
rate-limited login, and headers that forbid scripts, framing and sniffing."""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import threading
import time
from collections import deque
from urllib.parse import urlsplit

from flask import Flask, abort, redirect, request, session, url_for

LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")
# Endpoints a visitor may reach before logging in.
OPEN_ENDPOINTS = ("login", "login_post", "static_file")
LOGIN_ATTEMPTS = 5  # failed logins per address ...
LOGIN_WINDOW = 15 * 60.0  # ... within this many seconds, then 429 until the oldest one ages out

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
    """Failed logins per client address in a sliding window; thread-safe, in memory."""

    def __init__(self, attempts: int = LOGIN_ATTEMPTS, window: float = LOGIN_WINDOW, clock=time.monotonic):
        self.attempts, self.window, self.clock = attempts, window, clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, who: str) -> deque[float]:
        now = self.clock()
        q = self._failures.setdefault(who, deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def wait_seconds(self, who: str) -> int:
        """0 when `who` may try now, else the seconds until the next try is allowed."""
        with self._lock:
            q = self._recent(who)
            if len(q) < self.attempts:
                return 0
            return max(1, int(q[0] + self.window - self.clock()) + 1)

    def failed(self, who: str) -> None:
        with self._lock:
            self._recent(who).append(self.clock())

    def succeeded(self, who: str) -> None:
        with self._lock:
            self._failures.pop(who, None)


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
        PERMANENT_SESSION_LIFETIME=12 * 3600,
        MAX_CONTENT_LENGTH=1024 * 1024,
    )
    app.config["SCOPEWATCH_LOGIN"] = login_password is not None
    limiter = LoginLimiter()
    app.extensions["scopewatch_limiter"] = limiter
    app.jinja_env.globals["csrf_token"] = csrf_token

    @app.before_request
    def _guard():
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
    """Where to go after logging in: a path on this site only (never another host)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
