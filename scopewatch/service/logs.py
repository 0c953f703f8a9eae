"""Service logging on stderr, readable text or JSON lines, with a filter that masks every password
scopewatch has resolved and keeps protocol chatter (which carries mail bodies) out of the logs."""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime, timezone
from typing import Callable, Iterable, TextIO

from scopewatch.config import known_secrets

MASK = "***"
MAX_MESSAGE = 600  # a log line never carries more than this: no room for a mail body
# Libraries that log whole protocol exchanges (LOGIN with the password, FETCH with the body) at
# debug level; only their warnings reach our logs.
CHATTY_LOGGERS = ("imapclient", "imaplib", "sqlalchemy.engine", "alembic", "spacy")
EXTRA_FIELDS = ("account", "folder", "key", "client", "verdict", "findings", "event")


class RedactingFilter(logging.Filter):
    """Masks known secrets in the final message and drops debug chatter of protocol libraries."""

    def __init__(self, secrets: Callable[[], Iterable[str]] = known_secrets):
        super().__init__()
        self._secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING and record.name.split(".")[0] in {n.split(".")[0] for n in CHATTY_LOGGERS}:
            return False
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the line
            message = str(record.msg)
        message = redact(message, self._secrets())
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE] + "…"
        record.msg, record.args = message, None
        if record.exc_info:
            # Tracebacks can quote local values; keep only the exception's one line, redacted.
            exc = record.exc_info[1]
            record.msg = f"{message}: {redact(f'{type(exc).__name__}: {exc}', self._secrets())[:MAX_MESSAGE]}"
            record.exc_info = None
            record.exc_text = None
        return True


def redact(text: str, secrets: Iterable[str]) -> str:
    for secret in sorted(secrets, key=len, reverse=True):
        if secret and secret in text:
            text = text.replace(secret, MASK)
    return text


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        doc = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in EXTRA_FIELDS:
            if hasattr(record, name):
                doc[name] = getattr(record, name)
        return json.dumps(doc, ensure_ascii=False, default=str)


TEXT_FORMAT = "%(asctime)s %(levelname)-7s %(message)s"


def setup_logging(level: str = "info", fmt: str = "text", stream: TextIO | None = None) -> logging.Handler:
    """Send scopewatch's logs to stderr (or `stream`); returns the handler (to remove it in tests)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(RedactingFilter())
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter(TEXT_FORMAT, datefmt="%Y-%m-%d %H:%M:%S"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_scopewatch", False)]:
        root.removeHandler(old)
    handler._scopewatch = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    for name in CHATTY_LOGGERS:
        chatty = logging.getLogger(name)
        chatty.setLevel(logging.WARNING)
        # spaCy brings its own stderr handler; one format for every line means ours only.
        for own in list(chatty.handlers):
            chatty.removeHandler(own)
        chatty.propagate = True
    return handler
