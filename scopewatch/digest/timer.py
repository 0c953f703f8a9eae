"""The service's digest clock: from the main loop it asks `send_digest_if_due` every half minute
once the mailboxes have been read through, and turns any failure (SMTP down, ledger busy) into one
log line and a later retry, so the service itself never stops over a digest."""

from __future__ import annotations

import logging
import time
from typing import Callable

from scopewatch.config import Config
from scopewatch.digest.build import Schedule, send_digest_if_due
from scopewatch.digest.model import Silence, Watching
from scopewatch.draft.smtp import SmtpSettings, settings_from_config
from scopewatch.store.ledger import Ledger
from scopewatch.workspace import Workspace

log = logging.getLogger("scopewatch.digest")

CHECK_SECONDS = 30.0  # how often the schedule is looked at
RETRY_MAX_SECONDS = 15 * 60.0  # failed sends are retried sooner at first, then every 15 minutes


class DigestTimer:
    """Call `tick()` as often as you like; it does real work at most every `every` seconds."""

    def __init__(self, ledger: Ledger, workspace: Workspace, smtp: SmtpSettings, schedule: Schedule, *, to: str,
                 from_: str, va_name: str = "", language: str = "en", ready: Callable[[], bool] = lambda: True,
                 every: float = CHECK_SECONDS, clock: Callable[[], float] = time.monotonic, holder: str | None = None,
                 watching: Watching | None = None, base_url: str | None = None):
        self.ledger, self.workspace, self.smtp, self.schedule = ledger, workspace, smtp, schedule
        self.to, self.from_, self.va_name, self.language = to, from_, va_name, language
        self.ready, self.every, self.clock, self.holder = ready, every, clock, holder
        self.watching = watching
        self.base_url = base_url
        self.failures = 0
        self._next = 0.0

    def tick(self) -> str | None:
        """Send the digest if its slot has come (see `send_digest_if_due`); the slot handled, or None."""
        now = self.clock()
        if now < self._next:
            return None
        self._next = now + self.every
        try:
            if not self.ready():
                # Mail still being read: a digest now would leave it out until the next slot.
                return None
            slot = send_digest_if_due(
                self.ledger, self.workspace, self.smtp, self.schedule, to=self.to, from_=self.from_,
                va_name=self.va_name, language=self.language, holder=self.holder, watching=self.watching,
                base_url=self.base_url,
            )
        except Exception as exc:  # SMTP, ledger or template trouble: log it, the service goes on
            self.failures += 1
            delay = min(self.every * 2 ** self.failures, max(RETRY_MAX_SECONDS, self.every))
            self._next = now + delay
            log.warning("digest not sent: %s; trying again in %s", _one_line(exc), _duration(delay))
            return None
        if slot is not None and self.watching is not None:
            self.watching.gaps = []  # told once: the next digest names only new silences
        if self.failures:
            log.info("digest: the earlier problem is gone")
        self.failures = 0
        return slot


def digest_timer(config: Config, ledger: Ledger, workspace: Workspace, *, ready: Callable[[], bool] = lambda: True,
                 every: float = CHECK_SECONDS, holder: str | None = None,
                 gaps: list[Silence] | None = None) -> DigestTimer | None:
    """The scheduled digest as `[digest]` and `[smtp]` describe it, or None (with one log line saying
    why) when it is off, has no SMTP server, or no one to go to."""
    if config.digest_frequency == "off":
        log.info("digest: frequency = \"off\", no scheduled digest")
        return None
    if config.smtp is None:
        log.info("digest: no [smtp] host in scopewatch.toml, so the digest is not e-mailed "
                 "(`scopewatch digest` shows it)")
        return None
    to = config.digest_to or config.va_address
    if not to:
        log.warning("digest: no recipient; set [digest] to or [va] address in scopewatch.toml")
        return None
    schedule = Schedule(config.digest_time, config.digest_timezone, config.digest_frequency)
    log.info("digest: %s at %s %s to %s via %s:%d", config.digest_frequency, config.digest_time,
             config.digest_timezone, to, config.smtp.host, config.smtp.port)
    return DigestTimer(ledger, workspace, settings_from_config(config.smtp), schedule, to=to,
                       from_=config.va_address or to, va_name=config.va_name or "",
                       language=config.digest_language, ready=ready, every=every, holder=holder,
                       watching=watching_from(config, gaps), base_url=config.web.base_url)


def watching_from(config: Config, gaps: list[Silence] | None = None) -> Watching:
    """The digest's view of which folders should be read, from the config."""
    return Watching(stale_after=config.stale_after,
                    folders=[(box.name, folder) for box in config.mailboxes for folder in box.folders],
                    gaps=list(gaps or []))


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if getattr(exc, "exit_code", None) is not None else f"{type(exc).__name__}: {text}"


def _duration(seconds: float) -> str:
    return f"{seconds / 60:.0f} min" if seconds >= 120 else f"{seconds:.0f} s"
