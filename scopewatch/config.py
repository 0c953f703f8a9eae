"""The service settings: `scopewatch.toml` in the workspace, overridden by `SCOPEWATCH_...`
environment variables, checked up front so every mistake names its key and the fix.

Environment mapping (for containers; an environment value wins over the file):

    SCOPEWATCH_DATABASE                     database
    SCOPEWATCH_MAILDIR                      maildir (a local Maildir mailbox named "maildir")
    SCOPEWATCH_<SECTION>_<KEY>              [section] key, for logging, service, va, draft, digest, smtp
                                            e.g. SCOPEWATCH_LOGGING_LEVEL=debug,
                                            SCOPEWATCH_SERVICE_METRICS_PORT=9464
    SCOPEWATCH_MAILBOX_<NAME>_<KEY>         key of the [[mailbox]] called NAME (upper case, every
                                            character that is not a letter or digit as "_"),
                                            e.g. SCOPEWATCH_MAILBOX_WORK_HOST; naming a mailbox the
                                            file does not have adds it
    SCOPEWATCH_MAILBOX_<NAME>_PASSWORD      the password itself (environment only, never the file)
    SCOPEWATCH_SMTP_<KEY>                   [smtp] key, e.g. SCOPEWATCH_SMTP_HOST=smtp.fastmail.com
    SCOPEWATCH_SMTP_PASSWORD                the SMTP password itself (environment only)
    SCOPEWATCH_WEB_<KEY>                    [web] key, e.g. SCOPEWATCH_WEB_HOST=0.0.0.0
    SCOPEWATCH_WEB_PASSWORD                 the web page's login password or token (environment only)

List values (folders) are comma-separated, booleans are true/false/yes/no/1/0.
Without a scopewatch.toml, a workspace with a `mailbox/` Maildir watches that (the bundled sample).
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
import subprocess
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from scopewatch.errors import ConfigError

CONFIG_NAME = "scopewatch.toml"
ENV_PREFIX = "SCOPEWATCH_"
SECURITY_MODES = ("ssl", "starttls", "plain")
AUTO_DRAFT = ("confirmed", "all", "off")
LOG_FORMATS = ("text", "json")
LOG_LEVELS = ("debug", "info", "warning", "error")
DIGEST_FREQUENCIES = ("daily", "weekdays", "weekly", "off")

MAILBOX_KEYS = (
    "name", "maildir", "host", "port", "security", "username", "password_env", "password_file",
    "password_command", "folders", "drafts_folder", "sent_folder", "idle", "poll_interval",
)
SECTION_KEYS = {
    "logging": ("level", "format"),
    "service": (
        "metrics_port", "metrics_host", "stale_after", "failing_after", "lease_ttl", "batch_size",
        "backoff_initial", "backoff_max", "auth_attempts", "detection_budget", "batch_megabytes",
    ),
    "va": ("name", "address"),
    "draft": ("auto_draft", "default_estimate_hours"),
    "digest": ("time", "timezone", "frequency", "to", "language"),
    "smtp": ("host", "port", "security", "username", "password_env", "password_file", "password_command", "ca_file"),
    "web": ("serve", "host", "port", "base_url", "password_env", "password_file", "password_command"),
}
WEB_DEFAULT_PORT = 8465
DIGEST_LANGUAGES = ("en", "nl")
SMTP_DEFAULT_PORTS = {"ssl": 465, "starttls": 587, "plain": 25}
TOP_KEYS = ("database", "maildir", "mailbox", *SECTION_KEYS)

# Secrets resolved so far; the log redactor masks every one of them.
_secrets: set[str] = set()


def known_secrets() -> set[str]:
    return set(_secrets)


def remember_secret(value: str) -> str:
    if value and len(value) >= 3:
        _secrets.add(value)
    return value


@dataclass
class MailboxConfig:
    """One watched mailbox: an IMAP account (`kind` "imap") or a local Maildir (`kind` "maildir")."""

    name: str
    kind: str = "imap"
    host: str = ""
    port: int | None = None
    security: str = "ssl"
    username: str = ""
    password_env: str | None = None
    password_file: str | None = None
    password_command: str | None = None
    password_value: str | None = field(default=None, repr=False)  # from the environment only
    folders: list[str] = field(default_factory=lambda: ["INBOX"])
    drafts_folder: str = "Drafts"
    sent_folder: str = "Sent"
    idle: bool = True
    poll_interval: float = 60.0
    maildir: Path | None = None

    def password(self) -> str:
        """The password, resolved now (environment, file or command); never stored in the config."""
        return resolve_password(f"mailbox {self.name!r}", self)


def resolve_password(where: str, src: "MailboxConfig | SmtpConfig | WebConfig") -> str:
    """The password of `src` from the first source it names: the environment value, the variable
    in password_env, the first line of password_file, or password_command's first output line."""
    if src.password_value:
        return remember_secret(src.password_value)
    if src.password_env:
        value = os.environ.get(src.password_env)
        if not value:
            raise ConfigError(
                f"{where}: password_env names ${src.password_env}, which is not set; "
                f"export it (or use password_file / password_command)"
            )
        return remember_secret(value)
    if src.password_file:
        path = Path(src.password_file).expanduser()
        try:
            value = path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(
                f"{where}: password_file {path} cannot be read ({exc.strerror or exc}); "
                f"create it with the password on one line, readable only by you (chmod 600)"
            ) from None
        if not value:
            raise ConfigError(f"{where}: password_file {path} is empty; put the password in it")
        return remember_secret(value)
    if src.password_command:
        try:
            proc = subprocess.run(
                shlex.split(src.password_command), capture_output=True, text=True, timeout=30
            )
        except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
            raise ConfigError(
                f"{where}: password_command could not run ({type(exc).__name__}); "
                f"check the command in scopewatch.toml"
            ) from None
        value = proc.stdout.strip().splitlines()[0] if proc.stdout.strip() else ""
        if proc.returncode != 0 or not value:
            # Its output is never shown: it might be (part of) the password.
            raise ConfigError(
                f"{where}: password_command exited with {proc.returncode} and "
                f"{'no password' if not value else 'an error'}; run it by hand to see why"
            )
        return remember_secret(value)
    raise ConfigError(f"{where}: no password source (set password_env, password_file or password_command)")


@dataclass
class SmtpConfig:
    """The `[smtp]` server the digest and `scopewatch send` go through; the password, like a
    mailbox's, comes from the environment, a file or a command, never from the config file."""

    host: str
    port: int = 587
    security: str = "starttls"
    username: str = ""
    password_env: str | None = None
    password_file: str | None = None
    password_command: str | None = None
    password_value: str | None = field(default=None, repr=False)  # SCOPEWATCH_SMTP_PASSWORD
    ca_file: str | None = None

    @property
    def has_password(self) -> bool:
        return bool(self.password_value or self.password_env or self.password_file or self.password_command)

    def password(self) -> str:
        return resolve_password("[smtp]", self)


@dataclass
class WebConfig:
    """The `[web]` review page: where it listens, whether `scopewatch run` serves it too, the
    address the digest links to, and the login password's source (env, file or command) that a
    page listening beyond loopback needs."""

    serve: bool = False  # `scopewatch run` serves the page as well
    host: str = "127.0.0.1"
    port: int = WEB_DEFAULT_PORT
    base_url: str | None = None  # e.g. "http://127.0.0.1:8465": the digest links each item there
    password_env: str | None = None
    password_file: str | None = None
    password_command: str | None = None
    password_value: str | None = field(default=None, repr=False)  # SCOPEWATCH_WEB_PASSWORD

    @property
    def has_password(self) -> bool:
        return bool(self.password_value or self.password_env or self.password_file or self.password_command)

    def password(self) -> str:
        return resolve_password("[web]", self)


@dataclass
class Config:
    workspace: Path
    database_url: str
    mailboxes: list[MailboxConfig] = field(default_factory=list)
    log_level: str = "info"
    log_format: str = "text"
    metrics_port: int | None = None
    metrics_host: str = "127.0.0.1"
    stale_after: float = 15 * 60.0
    failing_after: float = 5 * 60.0  # `status` fails when a mailbox keeps failing this long
    lease_ttl: float = 15.0  # renewed every third of it by a thread of its own: another host takes over within it
    batch_size: int = 100
    batch_megabytes: int = 16  # a batch also ends at this many megabytes of mail (two are in hand at once)
    backoff_initial: float = 1.0
    backoff_max: float = 300.0
    auth_attempts: int = 3
    detection_budget: float = 5.0  # CPU seconds of detection per message (detect/budget.py)
    va_name: str | None = None
    va_address: str | None = None
    auto_draft: str = "confirmed"
    default_estimate_hours: float | None = None
    digest_time: str = "08:00"
    digest_timezone: str = "UTC"
    digest_frequency: str = "daily"
    digest_to: str | None = None
    digest_language: str = "en"
    smtp: SmtpConfig | None = None  # None: no [smtp] host configured
    web: "WebConfig" = field(default_factory=lambda: WebConfig())
    source_file: Path | None = None

    @property
    def maildir(self) -> Path | None:
        """The first Maildir mailbox's folder, if any."""
        for m in self.mailboxes:
            if m.kind == "maildir":
                return m.maildir
        return None

    def mailbox(self, name: str) -> MailboxConfig:
        for m in self.mailboxes:
            if m.name == name:
                return m
        raise ConfigError(
            f"no mailbox named {name!r} in {self.source_file or CONFIG_NAME} "
            f"(known: {', '.join(m.name for m in self.mailboxes) or 'none'})"
        )


# --- reading ------------------------------------------------------------------------------------


def env_name(name: str) -> str:
    """How a mailbox name appears in environment variable names."""
    return re.sub(r"[^A-Za-z0-9]", "_", name).upper()


def _suggest(key: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    return f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(known)})"


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def configured_database(workspace: Path) -> str | None:
    """Only the `database` setting of the workspace's scopewatch.toml (no other checks)."""
    path = Path(workspace) / CONFIG_NAME
    if not path.is_file():
        return None
    value = read_toml(path).get("database")
    return _database(value, Path(workspace), str(path)) if value else None


def _database(value: Any, workspace: Path, where: str) -> str:
    if not isinstance(value, str) or "://" not in value:
        raise ConfigError(
            f"{where}: database must be a URL such as \"sqlite:///scopewatch.db\" or "
            f"\"postgresql+psycopg://USER@HOST/DB\", not {value!r}"
        )
    if value.startswith("sqlite:///") and not value.startswith("sqlite:////"):
        rest = value[len("sqlite:///"):]
        if rest and rest != ":memory:" and not Path(rest).expanduser().is_absolute():
            # A relative SQLite path means "inside the workspace", wherever the service starts.
            return f"sqlite:///{(workspace / rest).resolve()}"
    return value


def load_config(workspace: Path | str, *, environ: dict[str, str] | None = None) -> Config:
    """Read WORKSPACE/scopewatch.toml and the SCOPEWATCH_... environment into a checked Config."""
    root = Path(workspace).expanduser()
    env = dict(os.environ if environ is None else environ)
    path = root / CONFIG_NAME
    data = read_toml(path) if path.is_file() else {}
    where = str(path)
    problems: list[str] = []

    def fail(msg: str) -> None:
        problems.append(msg)

    for key in data:
        if key not in TOP_KEYS:
            if key == "mailboxes":
                fail(f"{where}: {key}: write each mailbox as [[mailbox]]")
            else:
                fail(f"{where}: unknown key {key!r}{_suggest(key, TOP_KEYS)}")

    sections: dict[str, dict[str, Any]] = {}
    for section, keys in SECTION_KEYS.items():
        table = data.get(section, {})
        if not isinstance(table, dict):
            fail(f"{where}: {section} must be a table: write [{section}] on its own line")
            table = {}
        table = dict(table)
        for key in list(table):
            if section in ("smtp", "web") and key == "password":
                fail(
                    f"{where}: [{section}] password: a password must never be written in the config file; use "
                    f"password_env = \"VAR\", password_file = \"PATH\" or password_command = \"...\", or set "
                    f"{ENV_PREFIX}{section.upper()}_PASSWORD"
                )
                del table[key]
            elif key not in keys:
                fail(f"{where}: [{section}] unknown key {key!r}{_suggest(key, keys)}")
        for key in keys:
            value = env.get(f"{ENV_PREFIX}{section.upper()}_{key.upper()}")
            if value is not None:
                table[key] = value
        sections[section] = table
    for section in ("smtp", "web"):
        if env.get(f"{ENV_PREFIX}{section.upper()}_PASSWORD"):
            sections[section]["__password"] = env[f"{ENV_PREFIX}{section.upper()}_PASSWORD"]

    cfg = Config(workspace=root, database_url="", source_file=path if path.is_file() else None)

    # database
    db_value = env.get(f"{ENV_PREFIX}DATABASE", "").strip() or data.get("database")
    if db_value:
        try:
            cfg.database_url = _database(db_value, root, f"{where}: database")
        except ConfigError as exc:
            fail(str(exc))
    else:
        cfg.database_url = f"sqlite:///{(root / 'scopewatch.db').resolve()}"

    # mailboxes
    raw_boxes = data.get("mailbox", [])
    if isinstance(raw_boxes, dict):
        raw_boxes = [raw_boxes]
    if not isinstance(raw_boxes, list):
        fail(f"{where}: mailbox must be written as [[mailbox]] tables")
        raw_boxes = []
    entries: list[dict[str, Any]] = []
    for n, entry in enumerate(raw_boxes, 1):
        if not isinstance(entry, dict):
            fail(f"{where}: mailbox #{n} must be a [[mailbox]] table")
            continue
        entry = dict(entry)
        entry.setdefault("name", f"mailbox{n}" if len(raw_boxes) > 1 else "mail")
        entries.append(entry)
    top_maildir = env.get(f"{ENV_PREFIX}MAILDIR") or data.get("maildir")
    if top_maildir:
        entries.append({"name": "maildir", "maildir": top_maildir})

    # Environment: SCOPEWATCH_MAILBOX_<NAME>_<KEY>; a NAME not in the file adds a mailbox.
    env_keys = sorted(set(MAILBOX_KEYS) - {"name"} | {"password"}, key=len, reverse=True)
    by_env = {env_name(str(e.get("name"))): e for e in entries}
    for var, value in sorted(env.items()):
        if not var.startswith(f"{ENV_PREFIX}MAILBOX_"):
            continue
        rest = var[len(f"{ENV_PREFIX}MAILBOX_"):]
        for key in env_keys:
            suffix = "_" + key.upper()
            if rest.endswith(suffix) and len(rest) > len(suffix):
                box = rest[: -len(suffix)]
                entry = by_env.get(box)
                if entry is None:
                    entry = by_env[box] = {"name": box.lower()}
                    entries.append(entry)
                entry["__password" if key == "password" else key] = value
                break
        else:
            fail(
                f"environment: {var} is not a mailbox setting; use {ENV_PREFIX}MAILBOX_<NAME>_<KEY> "
                f"with KEY one of {', '.join(k.upper() for k in sorted(env_keys))}"
            )

    seen_names: set[str] = set()
    for entry in entries:
        box = _mailbox(entry, root, where, fail)
        if box is None:
            continue
        if box.name in seen_names:
            fail(f"{where}: two mailboxes are named {box.name!r}; give each [[mailbox]] its own name")
        seen_names.add(box.name)
        cfg.mailboxes.append(box)

    if not cfg.mailboxes and not path.is_file() and _is_maildir(root / "mailbox"):
        cfg.mailboxes.append(MailboxConfig(name="mailbox", kind="maildir", maildir=root / "mailbox", poll_interval=2.0))

    _sections(cfg, sections, where, fail)
    if problems:
        raise ConfigError("\n".join(problems) if len(problems) == 1 else
                          f"{len(problems)} problems in the configuration:\n" + "\n".join(f"  {p}" for p in problems))
    return cfg


def _is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() and (path / "new").is_dir()


def _mailbox(entry: dict[str, Any], root: Path, where: str, fail: Callable[[str], None]) -> MailboxConfig | None:
    name = str(entry.get("name", "")).strip()
    at = f"{where}: mailbox {name!r}"
    if not name:
        fail(f"{where}: a [[mailbox]] has an empty name; give it name = \"work\" or similar")
        return None
    ok = True
    for key in entry:
        if key == "password":
            fail(
                f"{at}: password: a password must never be written in the config file (anyone who can "
                f"read the file or its backups gets the mailbox); use password_env = \"VAR\", "
                f"password_file = \"PATH\" or password_command = \"...\", or set "
                f"{ENV_PREFIX}MAILBOX_{env_name(name)}_PASSWORD"
            )
            ok = False
        elif key not in MAILBOX_KEYS and key != "__password":
            fail(f"{at}: unknown key {key!r}{_suggest(key, MAILBOX_KEYS)}")
            ok = False
    box = MailboxConfig(name=name)
    if entry.get("maildir"):
        box.kind = "maildir"
        box.maildir = (root / Path(str(entry["maildir"])).expanduser()).resolve()
        box.poll_interval = 2.0
        if entry.get("host"):
            fail(f"{at}: has both maildir and host; a mailbox is either a local Maildir or an IMAP server")
            ok = False
    else:
        box.host = str(entry.get("host", "")).strip()
        if not box.host:
            fail(f"{at}: host is missing; set host = \"imap.example.com\" (or maildir = \"PATH\" for a local Maildir)")
            ok = False
        box.security = str(entry.get("security", "ssl")).strip().lower()
        if box.security not in SECURITY_MODES:
            fail(f"{at}: security must be one of {', '.join(SECURITY_MODES)}, not {entry.get('security')!r}")
            ok = False
        elif box.security == "plain" and box.host:
            from scopewatch.loopback import is_loopback

            if not is_loopback(box.host):
                fail(
                    f"{at}: security = \"plain\" would send the password and all mail unencrypted to "
                    f"{box.host}; plain is only allowed for a server on this machine (localhost, "
                    f"127.0.0.1, ::1). Use security = \"ssl\" (port 993) or \"starttls\" (port 143)"
                )
                ok = False
        box.username = str(entry.get("username", "")).strip()
        if not box.username:
            fail(f"{at}: username is missing; set username = \"you@example.com\"")
            ok = False
        box.password_value = entry.get("__password") or None
        for key in ("password_env", "password_file", "password_command"):
            value = entry.get(key)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                fail(f"{at}: {key} must be a non-empty string")
                ok = False
            elif value:
                setattr(box, key, value.strip())
        if box.password_file and not Path(box.password_file).expanduser().is_absolute():
            box.password_file = str((root / box.password_file).resolve())
        if not (box.password_value or box.password_env or box.password_file or box.password_command):
            fail(
                f"{at}: no password source; set password_env = \"VAR\" (the variable holding it), "
                f"password_file = \"PATH\" or password_command = \"...\", or {ENV_PREFIX}MAILBOX_"
                f"{env_name(name)}_PASSWORD in the environment"
            )
            ok = False
        if "port" in entry:
            port = _int(entry["port"])
            if port is None or not 0 < port < 65536:
                fail(f"{at}: port must be a number from 1 to 65535, not {entry['port']!r}")
                ok = False
            box.port = port
    folders = entry.get("folders", ["INBOX"])
    if isinstance(folders, str):
        folders = [f.strip() for f in folders.split(",") if f.strip()]
    if not isinstance(folders, list) or not folders or not all(isinstance(f, str) and f for f in folders):
        fail(f"{at}: folders must be a list of folder names, e.g. folders = [\"INBOX\"]")
        ok = False
    else:
        box.folders = list(dict.fromkeys(folders))
    for key in ("drafts_folder", "sent_folder"):
        if key in entry:
            if not isinstance(entry[key], str) or not entry[key].strip():
                fail(f"{at}: {key} must be a folder name")
                ok = False
            else:
                setattr(box, key, entry[key].strip())
    if "idle" in entry:
        idle = _bool(entry["idle"])
        if idle is None:
            fail(f"{at}: idle must be true or false, not {entry['idle']!r}")
            ok = False
        else:
            box.idle = idle
    if "poll_interval" in entry:
        seconds = _seconds(entry["poll_interval"])
        if seconds is None or seconds <= 0:
            fail(f"{at}: poll_interval must be a positive number of seconds (or \"2m\"), not {entry['poll_interval']!r}")
            ok = False
        else:
            box.poll_interval = seconds
    return box if ok else None


def _sections(cfg: Config, s: dict[str, dict[str, Any]], where: str, fail: Callable[[str], None]) -> None:
    log = s["logging"]
    if "level" in log:
        level = str(log["level"]).lower()
        if level not in LOG_LEVELS:
            fail(f"{where}: [logging] level must be one of {', '.join(LOG_LEVELS)}, not {log['level']!r}")
        cfg.log_level = level
    if "format" in log:
        fmt = str(log["format"]).lower()
        if fmt not in LOG_FORMATS:
            fail(f"{where}: [logging] format must be \"text\" or \"json\", not {log['format']!r}")
        cfg.log_format = fmt

    svc = s["service"]
    if svc.get("metrics_port") not in (None, ""):
        port = _int(svc["metrics_port"])
        if port is None or not 0 <= port < 65536:
            fail(f"{where}: [service] metrics_port must be a port number (e.g. 9464), not {svc['metrics_port']!r}")
        cfg.metrics_port = port
    if "metrics_host" in svc:
        cfg.metrics_host = str(svc["metrics_host"]).strip() or "127.0.0.1"
    for key, minimum in (("stale_after", 1), ("failing_after", 1), ("lease_ttl", 1), ("backoff_initial", 0.01),
                         ("backoff_max", 0.01), ("detection_budget", 0.1)):
        if key in svc:
            seconds = _seconds(svc[key])
            if seconds is None or seconds < minimum:
                fail(f"{where}: [service] {key} must be a duration such as 900, \"15m\" or \"1h\", not {svc[key]!r}")
            else:
                setattr(cfg, key, seconds)
    for key in ("batch_size", "auth_attempts", "batch_megabytes"):
        if key in svc:
            value = _int(svc[key])
            if value is None or value < 1:
                fail(f"{where}: [service] {key} must be a whole number of at least 1, not {svc[key]!r}")
            else:
                setattr(cfg, key, value)

    va = s["va"]
    cfg.va_name = str(va["name"]).strip() if va.get("name") else None
    if va.get("address"):
        address = str(va["address"]).strip()
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", address):
            fail(f"{where}: [va] address must be an e-mail address such as \"you@example.com\", not {address!r}")
        cfg.va_address = address

    draft = s["draft"]
    if "auto_draft" in draft:
        mode = str(draft["auto_draft"]).lower()
        if mode not in AUTO_DRAFT:
            fail(f"{where}: [draft] auto_draft must be one of {', '.join(AUTO_DRAFT)}, not {draft['auto_draft']!r}")
        cfg.auto_draft = mode
    if draft.get("default_estimate_hours") not in (None, ""):
        try:
            hours = float(draft["default_estimate_hours"])
            if hours <= 0:
                raise ValueError
            cfg.default_estimate_hours = hours
        except (TypeError, ValueError):
            fail(f"{where}: [draft] default_estimate_hours must be a positive number, not {draft['default_estimate_hours']!r}")

    digest = s["digest"]
    if "time" in digest:
        value = str(digest["time"]).strip()
        if not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", value):
            fail(f"{where}: [digest] time must be HH:MM (24-hour clock), not {digest['time']!r}")
        cfg.digest_time = value
    if "timezone" in digest:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        tz = str(digest["timezone"]).strip()
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            fail(f"{where}: [digest] timezone must be an IANA name such as \"Europe/Amsterdam\", not {tz!r}")
        cfg.digest_timezone = tz
    if "frequency" in digest:
        freq = str(digest["frequency"]).lower()
        if freq not in DIGEST_FREQUENCIES:
            fail(f"{where}: [digest] frequency must be one of {', '.join(DIGEST_FREQUENCIES)}, not {digest['frequency']!r}")
        cfg.digest_frequency = freq
    if digest.get("to"):
        cfg.digest_to = str(digest["to"]).strip()
    if "language" in digest:
        lang = str(digest["language"]).strip().lower()
        if lang not in DIGEST_LANGUAGES:
            fail(f"{where}: [digest] language must be \"en\" or \"nl\", not {digest['language']!r}")
        cfg.digest_language = lang

    cfg.smtp = _smtp(cfg.workspace, s["smtp"], where, fail)
    cfg.web = _web(cfg.workspace, s["web"], where, fail)


def _web(root: Path, table: dict[str, Any], where: str, fail: Callable[[str], None]) -> WebConfig:
    at = f"{where}: [web]"
    web = WebConfig()
    if "serve" in table:
        serve = _bool(table["serve"])
        if serve is None:
            fail(f"{at} serve must be true or false, not {table['serve']!r}")
        else:
            web.serve = serve
    if table.get("host") not in (None, ""):
        web.host = str(table["host"]).strip()
    if table.get("port") not in (None, ""):
        port = _int(table["port"])
        if port is None or not 0 <= port < 65536:
            fail(f"{at} port must be a port number (e.g. {WEB_DEFAULT_PORT}), not {table['port']!r}")
        else:
            web.port = port
    if table.get("base_url") not in (None, ""):
        url = str(table["base_url"]).strip().rstrip("/")
        if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", url):
            fail(f"{at} base_url must be the page's address such as \"http://127.0.0.1:{WEB_DEFAULT_PORT}\", not {table['base_url']!r}")
        else:
            web.base_url = url
    web.password_value = table.get("__password") or None
    for key in ("password_env", "password_file", "password_command"):
        value = table.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            fail(f"{at} {key} must be a non-empty string")
        elif value:
            setattr(web, key, value.strip())
    if web.password_file and not Path(web.password_file).expanduser().is_absolute():
        web.password_file = str((root / web.password_file).resolve())
    return web


def _smtp(root: Path, table: dict[str, Any], where: str, fail: Callable[[str], None]) -> SmtpConfig | None:
    at = f"{where}: [smtp]"
    host = str(table.get("host") or "").strip()
    if not host:
        # port and security alone are harmless defaults (the generated file has them); a login is not.
        named = sorted(k for k in ("username", "password_env", "password_file", "password_command")
                       if table.get(k) not in (None, ""))
        if named:
            fail(f"{at} host is missing ({', '.join(named)} set); add host = \"smtp.example.com\" or {ENV_PREFIX}SMTP_HOST")
        return None
    box = SmtpConfig(host=host)
    box.security = str(table.get("security", "starttls")).strip().lower()
    if box.security not in SECURITY_MODES:
        fail(f"{at} security must be one of {', '.join(SECURITY_MODES)}, not {table.get('security')!r}")
        box.security = "starttls"
    elif box.security == "plain":
        from scopewatch.loopback import is_loopback

        if not is_loopback(host):
            fail(
                f"{at} security = \"plain\" would send the password and your mail unencrypted to {host}; "
                f"plain is only allowed for a server on this machine (localhost, 127.0.0.1, ::1). Use "
                f"security = \"starttls\" (port 587) or \"ssl\" (port 465)"
            )
    box.port = SMTP_DEFAULT_PORTS[box.security]
    if table.get("port") not in (None, ""):
        port = _int(table["port"])
        if port is None or not 0 < port < 65536:
            fail(f"{at} port must be a number from 1 to 65535, not {table['port']!r}")
        else:
            box.port = port
    box.username = str(table.get("username") or "").strip()
    box.password_value = table.get("__password") or None
    for key in ("password_env", "password_file", "password_command", "ca_file"):
        value = table.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            fail(f"{at} {key} must be a non-empty string")
        elif value:
            setattr(box, key, value.strip())
    for key in ("password_file", "ca_file"):
        value = getattr(box, key)
        if value and not Path(value).expanduser().is_absolute():
            setattr(box, key, str((root / value).resolve()))
    if box.username and not box.has_password:
        fail(
            f"{at} username {box.username!r} has no password source; set password_env = \"VAR\", "
            f"password_file = \"PATH\" or password_command = \"...\", or {ENV_PREFIX}SMTP_PASSWORD"
        )
    elif not box.username and (box.password_env or box.password_file or box.password_command):
        fail(f"{at} a password source is set but username is missing; add username = \"you@example.com\"")
    return box


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "on", "1"):
        return True
    if text in ("false", "no", "off", "0"):
        return False
    return None


_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0}


def _seconds(value: Any) -> float | None:
    """900, 0.5, "15m", "90s", "1h" -> seconds."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(s|m|min|h|)\s*", str(value).lower())
    return float(match.group(1)) * _UNITS[match.group(2)] if match else None
