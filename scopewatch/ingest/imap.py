"""IMAP mailbox source: reads client mail read-only (EXAMINE + BODY.PEEK[]), waits with IDLE or
polling, and notices a dead connection quickly so the caller can reconnect. Its only write is a draft
appended to the Drafts folder."""

from __future__ import annotations

import logging
import socket
import ssl
import threading
import time
from datetime import datetime, timezone
from typing import Any, Callable, Iterator

import imapclient
from imapclient import exceptions as imap_errors
from imapclient.imapclient import SocketTimeout

from scopewatch.loopback import is_loopback, peer_is_loopback
from scopewatch.errors import AuthenticationError, ConfigError, MailboxError
from scopewatch.ingest.base import FetchedMessage, FolderState, pause, stop_requested, unknown_keys
from scopewatch.ingest.reduce import MAX_TEXT_BYTES, MAX_WHOLE_BYTES, assemble, text_sections

log = logging.getLogger(__name__)

SECURITY_MODES = ("ssl", "starttls", "plain")
FETCH_BATCH = 100
FETCH_BYTES = 8_000_000  # whole messages fetched in one command: no answer holds more than this
# RFC 2177 lets servers drop an IDLE after 29 minutes; renewing well inside that also keeps NAT
# boxes and proxies from forgetting the connection.
IDLE_RENEW_SECONDS = 600.0
# Longest single idle_check: a BYE or EOF is seen at once, this bounds everything else.
IDLE_SLICE_SECONDS = 30.0
# imapclient 4.x swallows EOF inside idle_check and returns [] immediately, forever. This many
# early empty returns in a row means the server has gone.
FAST_EMPTY_LIMIT = 3
# Steps in which polling sleeps, so a stop flag set from a signal handler is honoured quickly.
POLL_STEP_SECONDS = 0.5
DRAFTS_SPECIAL_USE = rb"\Drafts"  # RFC 6154 folder attribute
DRAFT_FLAG = rb"\Draft"
SENT_SPECIAL_USE = rb"\Sent"
SEEN_FLAG = rb"\Seen"


def _new_mail_in(responses: list[Any]) -> bool:
    """Whether untagged responses announce mail (EXISTS, or RECENT with a count above zero)."""
    for resp in responses:
        if isinstance(resp, tuple) and len(resp) >= 2 and isinstance(resp[0], int):
            if resp[1] == b"EXISTS" or (resp[1] == b"RECENT" and resp[0] > 0):
                return True
    return False


def _bye_in(responses: list[Any]) -> str | None:
    for resp in responses:
        if isinstance(resp, tuple) and resp and resp[0] == b"BYE":
            return " ".join(
                p.decode("utf-8", "replace") if isinstance(p, bytes) else str(p) for p in resp[1:]
            )
    return None


def _peer_closed(sock: socket.socket) -> bool:
    """Whether the server has closed the TCP connection (FIN received, nothing left to read)."""
    try:
        raw = socket.socket(fileno=socket.dup(sock.fileno()))
    except OSError:
        return True
    try:
        raw.setblocking(False)
        return raw.recv(1, socket.MSG_PEEK) == b""
    except (BlockingIOError, InterruptedError):
        return False
    except OSError:
        return True
    finally:
        raw.close()


def _enable_keepalive(sock: socket.socket) -> None:
    # A silently dead peer (network gone, laptop asleep) then errors the socket within ~2 minutes
    # instead of leaving IDLE waiting forever.
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        for name, value in (("TCP_KEEPIDLE", 60), ("TCP_KEEPINTVL", 15), ("TCP_KEEPCNT", 4)):
            if hasattr(socket, name):
                sock.setsockopt(socket.IPPROTO_TCP, getattr(socket, name), value)
    except OSError as exc:
        log.debug("could not enable TCP keepalive: %s", exc)


def parse_key(key: str) -> tuple[int, int]:
    """Split an IMAP message key "<uidvalidity>:<uid>"."""
    try:
        uidvalidity, uid = key.split(":", 1)
        return int(uidvalidity), int(uid)
    except ValueError:
        raise MailboxError(f"not an IMAP message key: {key!r} (expected UIDVALIDITY:UID)") from None


class ImapSource:
    """One IMAP account. Not thread-safe: one thread drives it; another may only set `stop`."""

    def __init__(
        self,
        name: str,
        host: str,
        port: int | None = None,
        security: str = "ssl",
        username: str = "",
        password: Callable[[], str] | str = "",
        drafts_folder: str = "Drafts",
        sent_folder: str = "Sent",
        timeout: float = 60.0,
        *,
        idle: bool = True,
        poll_interval: float = 60.0,
        stop: threading.Event | None = None,
        ssl_context: ssl.SSLContext | None = None,
        fetch_batch: int = FETCH_BATCH,
        idle_renew: float = IDLE_RENEW_SECONDS,
        idle_slice: float = IDLE_SLICE_SECONDS,
    ):
        if security not in SECURITY_MODES:
            raise ConfigError(
                f"mailbox {name!r}: security must be one of {', '.join(SECURITY_MODES)}, "
                f"not {security!r}"
            )
        if security == "plain" and not is_loopback(host):
            raise ConfigError(
                f"mailbox {name!r}: security = \"plain\" would send the password and all mail "
                f"unencrypted to {host}; plain is only allowed for a server on this machine "
                f"(localhost, 127.0.0.0/8, ::1, or a name whose every address is one of those). "
                f"Use \"ssl\" or \"starttls\"."
            )
        self.account = name
        self.host = host
        self.port = port if port is not None else (993 if security == "ssl" else 143)
        self.security = security
        self.username = username
        self._password = password
        self.drafts_folder = drafts_folder
        self.sent_folder = sent_folder
        self.timeout = timeout
        self.idle = idle
        self.poll_interval = poll_interval
        self.stop = stop
        self.ssl_context = ssl_context
        self.fetch_batch = max(1, fetch_batch)
        self.idle_renew = idle_renew
        self.idle_slice = idle_slice
        self.supports_idle = False
        self._client: imapclient.IMAPClient | None = None
        self._selected: str | None = None
        # folder -> (uidvalidity, uidnext) as last seen by pending(): what counts as "new" in wait()
        self._baseline: dict[str, tuple[int | None, int | None]] = {}

    # --- connection -----------------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        return self._client is not None

    def _where(self) -> str:
        return f"{self.host}:{self.port}"

    def connect(self) -> None:
        self.close()
        context = self.ssl_context or ssl.create_default_context()
        try:
            client = imapclient.IMAPClient(
                self.host,
                port=self.port,
                ssl=self.security == "ssl",
                ssl_context=context if self.security == "ssl" else None,
                timeout=SocketTimeout(connect=self.timeout, read=self.timeout),
            )
        except ssl.SSLCertVerificationError as exc:
            raise MailboxError(
                f"mailbox {self.account!r}: TLS certificate of {self._where()} not trusted: "
                f"{exc.verify_message or exc}"
            ) from None
        except ssl.SSLError as exc:
            raise MailboxError(
                f"mailbox {self.account!r}: TLS handshake with {self._where()} failed "
                f"({exc.reason or exc}); is that a plain-text port? IMAP over TLS is usually port 993"
            ) from None
        except (OSError, imap_errors.IMAPClientError) as exc:
            raise MailboxError(
                f"mailbox {self.account!r}: cannot reach {self._where()}: {_describe(exc)}"
            ) from None
        try:
            client.normalise_times = False  # keep INTERNALDATE timezone-aware
            if self.security == "starttls":
                if not client.has_capability("STARTTLS"):
                    raise MailboxError(
                        f"mailbox {self.account!r}: {self._where()} does not offer STARTTLS; "
                        f"use security = \"ssl\" (usually port 993)"
                    )
                client.starttls(context)
                client.socket().settimeout(self.timeout)
            _enable_keepalive(client.socket())
            if self.security == "plain" and not peer_is_loopback(client.socket()):
                raise ConfigError(
                    f"mailbox {self.account!r}: {self.host} connected to a server that is not on this machine; "
                    "security = \"plain\" would send the password unencrypted, so it was not sent. "
                    "Use \"ssl\" or \"starttls\"."
                )
            password = self._password() if callable(self._password) else self._password
            try:
                client.login(self.username, password)
            except imap_errors.LoginError as exc:
                raise AuthenticationError(
                    f"mailbox {self.account!r}: {self._where()} refused the login for "
                    f"{self.username!r}: {_describe(exc)}"
                ) from None
            self.supports_idle = client.has_capability("IDLE")
        except ssl.SSLCertVerificationError as exc:
            _shutdown(client)
            raise MailboxError(
                f"mailbox {self.account!r}: TLS certificate of {self._where()} not trusted: "
                f"{exc.verify_message or exc}"
            ) from None
        except (OSError, imap_errors.IMAPClientError) as exc:
            _shutdown(client)
            raise MailboxError(
                f"mailbox {self.account!r}: connection to {self._where()} failed: {_describe(exc)}"
            ) from None
        except BaseException:
            _shutdown(client)
            raise
        self._client = client
        self._selected = None
        log.debug("%s: connected to %s (IDLE %s)", self.account, self._where(), self.supports_idle)

    def close(self) -> None:
        client, self._client, self._selected = self._client, None, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:
            _shutdown(client)

    def _drop(self) -> None:
        client, self._client, self._selected = self._client, None, None
        if client is not None:
            _shutdown(client)

    def _need(self) -> imapclient.IMAPClient:
        if self._client is None:
            raise MailboxError(f"mailbox {self.account!r}: not connected to {self._where()}")
        return self._client

    def _call(self, action: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run one IMAP command, turning library and socket errors into MailboxError."""
        try:
            return fn(*args, **kwargs)
        except imap_errors.LoginError as exc:
            raise AuthenticationError(f"mailbox {self.account!r}: {_describe(exc)}") from None
        except (imap_errors.IMAPClientAbortError, imap_errors.ProtocolError, OSError, EOFError) as exc:
            raise self._lost(action, _describe(exc)) from None
        except imap_errors.IMAPClientError as exc:
            raise MailboxError(
                f"mailbox {self.account!r}: {action} failed: {_describe(exc)}"
            ) from None

    def _lost(self, action: str, detail: str) -> MailboxError:
        self._drop()
        return MailboxError(
            f"connection lost to mailbox {self.account!r} ({self._where()}) while {action}: {detail}"
        )

    # --- reading --------------------------------------------------------------------------------

    def _examine(self, folder: str) -> dict:
        """Open `folder` read-only (EXAMINE): the server then cannot set \\Seen or other flags."""
        client = self._need()
        info = self._call(f"opening folder {folder!r}", client.select_folder, folder, readonly=True)
        self._selected = folder
        return info

    def folder_state(self, folder: str) -> FolderState:
        info = self._examine(folder)
        return FolderState(
            uidvalidity=info.get(b"UIDVALIDITY"),
            uidnext=info.get(b"UIDNEXT"),
            exists=int(info.get(b"EXISTS", 0)),
        )

    def pending(
        self, folder: str, above_uid: int, known_keys: Callable[[list[str]], set[str]]
    ) -> list[str]:
        info = self._examine(folder)
        uidvalidity = info.get(b"UIDVALIDITY")
        uidnext = info.get(b"UIDNEXT")
        uids: list[int] = []
        if int(info.get(b"EXISTS", 0)) > 0:
            found = self._call(
                f"searching folder {folder!r}",
                self._need().search,
                ["UID", f"{max(above_uid, 0) + 1}:*"],
            )
            # "n:*" always matches the highest UID, even when it is below n.
            uids = sorted(u for u in found if u > above_uid)
        if uids and (uidnext is None or uids[-1] >= uidnext):
            uidnext = uids[-1] + 1
        self._baseline[folder] = (uidvalidity, uidnext)
        return unknown_keys([f"{uidvalidity}:{uid}" for uid in uids], known_keys)

    def fetch(self, folder: str, keys: list[str]) -> Iterator[FetchedMessage]:
        if not keys:
            return
        info = self._examine(folder)
        uidvalidity = info.get(b"UIDVALIDITY")
        uids: list[int] = []
        for key in keys:
            key_validity, uid = parse_key(key)
            if key_validity != uidvalidity:
                raise MailboxError(
                    f"mailbox {self.account!r}: folder {folder!r} was recreated (UIDVALIDITY "
                    f"{key_validity} -> {uidvalidity}); message {key} no longer exists, "
                    f"list pending messages again"
                )
            uids.append(uid)
        for start in range(0, len(uids), self.fetch_batch):
            batch = uids[start : start + self.fetch_batch]
            # Sizes first: a large message is read without its attachments (ingest/reduce.py), and
            # small ones are fetched whole in commands of at most FETCH_BYTES, so no answer from
            # the server holds more than that.
            sizes = self._call(f"sizing {len(batch)} messages in {folder!r}", self._need().fetch, batch,
                               ["RFC822.SIZE", "INTERNALDATE"])
            group: list[int] = []
            group_bytes = 0
            for uid in batch:
                item = sizes.get(uid)
                if not item:
                    log.info("%s: %s UID %s vanished before it was read", self.account, folder, uid)
                    continue
                size = item.get(b"RFC822.SIZE") or 0
                if size > MAX_WHOLE_BYTES or (group and group_bytes + size > FETCH_BYTES):
                    yield from self._whole(folder, uidvalidity, group, sizes)
                    group, group_bytes = [], 0
                if size > MAX_WHOLE_BYTES:
                    raw = self._reduced(folder, uid, size)
                    if raw is not None:
                        yield self._message(folder, uidvalidity, uid, raw, item)
                    continue
                group.append(uid)
                group_bytes += size
            yield from self._whole(folder, uidvalidity, group, sizes)

    def _message(self, folder: str, uidvalidity, uid: int, raw, item: dict) -> FetchedMessage:
        return FetchedMessage(
            account=self.account,
            folder=folder,
            key=f"{uidvalidity}:{uid}",
            uid=uid,
            uidvalidity=uidvalidity,
            raw=bytes(raw) if raw is not None else b"",
            internal_date=_plain_tz(item.get(b"INTERNALDATE")),
        )

    def _whole(self, folder: str, uidvalidity, uids: list[int], sizes: dict) -> Iterator[FetchedMessage]:
        if not uids:
            return
        # BODY.PEEK[] never sets \Seen (RFC 3501 6.4.5); RFC822 and BODY[] would.
        data = self._call(f"fetching {len(uids)} messages from {folder!r}", self._need().fetch, uids, ["BODY.PEEK[]"])
        for uid in uids:
            item = data.get(uid)
            if not item or b"BODY[]" not in item:
                log.info("%s: %s UID %s vanished before it was read", self.account, folder, uid)
                continue
            yield self._message(folder, uidvalidity, uid, item[b"BODY[]"], sizes.get(uid) or {})

    def _reduced(self, folder: str, uid: int, size: int) -> bytes | None:
        """A large message as its header and inline text parts only (BODYSTRUCTURE, BODY.PEEK[n]),
        each text part at most MAX_TEXT_BYTES: a 50 MB attachment is never downloaded."""
        client = self._need()
        try:
            found = client.fetch([uid], ["BODYSTRUCTURE"]).get(uid) or {}
            structure = found.get(b"BODYSTRUCTURE")
        except (imap_errors.IMAPClientAbortError, OSError, EOFError) as exc:
            raise self._lost(f"reading the structure of UID {uid} in {folder!r}", _describe(exc)) from None
        except Exception as exc:  # noqa: BLE001 - a structure imapclient cannot read: the text alone
            log.info("%s: %s UID %s: unreadable BODYSTRUCTURE (%s); reading its first text only", self.account,
                     folder, uid, _describe(exc))
            structure = None
        single = structure is None or not (getattr(structure, "is_multipart", False))
        if single:
            want = ["BODY.PEEK[HEADER]", f"BODY.PEEK[TEXT]<0.{MAX_TEXT_BYTES}>"]
            sections, missed = [], 0
        else:
            sections, missed = text_sections(structure)
            want = ["BODY.PEEK[HEADER]"] + [f"BODY.PEEK[{n}.MIME]" for n, _ in sections] + [
                f"BODY.PEEK[{n}]" if part_size <= MAX_TEXT_BYTES else f"BODY.PEEK[{n}]<0.{MAX_TEXT_BYTES}>"
                for n, part_size in sections]
        data = self._call(f"fetching the text of UID {uid} ({size:,} bytes) from {folder!r}", client.fetch, [uid], want)
        item = data.get(uid)
        if not item or b"BODY[HEADER]" not in item:
            log.info("%s: %s UID %s vanished before it was read", self.account, folder, uid)
            return None
        header = bytes(item[b"BODY[HEADER]"] or b"")
        if single:
            return assemble(header, [(b"", bytes(_section(item, "TEXT") or b""))], single=True)
        parts = [(bytes(item.get(f"BODY[{n}.MIME]".encode()) or b""), bytes(_section(item, n) or b""))
                 for n, _ in sections]
        return assemble(header, parts, missed=missed)

    # --- waiting --------------------------------------------------------------------------------

    def wait(self, folder: str, timeout: float, stop: threading.Event | None = None) -> bool:
        """Block until new mail may be in `folder` (True), `timeout` passes or `stop` is set (False).

        Raises MailboxError("connection lost ...") when the server goes away; reconnect then."""
        stop = stop if stop is not None else self.stop
        deadline = time.monotonic() + max(0.0, timeout)
        info = self._examine(folder)
        current = (info.get(b"UIDVALIDITY"), info.get(b"UIDNEXT"))
        seen = self._baseline.setdefault(folder, current)
        if current[0] != seen[0] or (current[1] or 0) > (seen[1] or 0):
            return True  # arrived between the last pending() and now
        if stop_requested(stop):
            return False
        if self.idle and self.supports_idle:
            return self._wait_idle(folder, deadline, stop)
        return self._wait_poll(folder, deadline, stop)

    def _wait_idle(self, folder: str, deadline: float, stop: threading.Event | None) -> bool:
        client = self._need()
        while True:
            now = time.monotonic()
            if now >= deadline or stop_requested(stop):
                return False
            renew_at = now + self.idle_renew
            self._call(f"starting IDLE on {folder!r}", client.idle)
            fast_empty = 0
            new_mail = False
            while True:
                now = time.monotonic()
                if now >= deadline or now >= renew_at or stop_requested(stop):
                    break
                slice_ = min(deadline - now, renew_at - now, self.idle_slice)
                if stop is not None:
                    slice_ = min(slice_, 1.0)  # check the stop flag at least every second
                started = time.monotonic()
                responses = self._call(f"waiting (IDLE) on {folder!r}", client.idle_check, slice_)
                bye = _bye_in(responses)
                if bye is not None:
                    raise self._lost(f"waiting (IDLE) on {folder!r}", f"server said BYE: {bye}")
                if _new_mail_in(responses):
                    new_mail = True
                    break
                if responses or time.monotonic() - started >= slice_ * 0.5:
                    fast_empty = 0
                    continue
                fast_empty += 1
                if fast_empty >= FAST_EMPTY_LIMIT or _peer_closed(client.socket()):
                    raise self._lost(f"waiting (IDLE) on {folder!r}", "server closed the connection")
            _, responses = self._call(f"ending IDLE on {folder!r}", client.idle_done)
            if new_mail or _new_mail_in(responses):
                return True

    def _wait_poll(self, folder: str, deadline: float, stop: threading.Event | None) -> bool:
        client = self._need()
        next_check = time.monotonic() + self.poll_interval
        while True:
            now = time.monotonic()
            if now >= deadline or stop_requested(stop):
                return False
            if now >= next_check:
                # NOOP both proves the connection alive and collects EXISTS for the open folder.
                _, responses = self._call(f"checking {folder!r} (NOOP)", client.noop)
                bye = _bye_in(responses)
                if bye is not None:
                    raise self._lost(f"checking {folder!r}", f"server said BYE: {bye}")
                if _new_mail_in(responses):
                    return True
                next_check = time.monotonic() + self.poll_interval
                continue
            pause(min(next_check - now, deadline - now, POLL_STEP_SECONDS), stop)

    # --- the one write: a draft -----------------------------------------------------------------

    def drafts_folder_name(self) -> str:
        """The folder drafts go to: the server's SPECIAL-USE \\Drafts, else the configured name."""
        client = self._need()
        folders = self._call("listing folders", client.list_folders)
        for flags, _delim, name in folders:
            if DRAFTS_SPECIAL_USE in flags:
                return name
        names = {name for _flags, _delim, name in folders}
        if self.drafts_folder not in names:
            try:
                self._call(f"creating folder {self.drafts_folder!r}", client.create_folder, self.drafts_folder)
            except MailboxError:
                if not self.connected or not self._call(
                    "checking the drafts folder", client.folder_exists, self.drafts_folder
                ):
                    raise
        return self.drafts_folder

    def append_draft(self, raw: bytes) -> str | None:
        folder = self.drafts_folder_name()
        self._call(
            f"saving a draft into {folder!r}",
            self._need().append,
            folder,
            raw,
            flags=[DRAFT_FLAG],
        )
        return folder


    def draft_copy(self, message_id: str) -> bytes | None:
        """The message with this Message-ID in Drafts as it is now (BODY.PEEK[]), or None."""
        folder = self.drafts_folder_name()
        keys = self.find_header(folder, "Message-ID", message_id)
        if not keys:
            return None
        uid = parse_key(keys[0])[1]
        data = self._call(f"reading a draft in {folder!r}", self._need().fetch, [uid], ["BODY.PEEK[]"])
        item = data.get(uid) or {}
        raw = item.get(b"BODY[]")
        return bytes(raw) if raw is not None else None

    def remove_draft(self, message_id: str, unchanged: Callable[[bytes], bool]) -> bool:
        """Delete scopewatch's own draft from the Drafts folder, and nothing else: only messages in
        Drafts with this Message-ID whose content `unchanged` accepts (the VA did not edit it) are
        flagged \\Deleted and expunged by UID (UIDPLUS). True when one was removed. Client mail in
        any other folder is never opened for writing."""
        client = self._need()
        folder = self.drafts_folder_name()
        keys = self.find_header(folder, "Message-ID", message_id)
        if not keys:
            return False
        uids = [parse_key(k)[1] for k in keys]
        data = self._call(f"reading a draft in {folder!r}", client.fetch, uids, ["BODY.PEEK[]"])
        ours = [u for u in uids if (data.get(u) or {}).get(b"BODY[]") is not None and unchanged(bytes(data[u][b"BODY[]"]))]
        if not ours:
            return False
        # The only read-write SELECT scopewatch makes, and only of the Drafts folder.
        self._call(f"opening {folder!r} to replace a draft", client.select_folder, folder, readonly=False)
        self._selected = folder
        try:
            self._call(f"removing an old draft from {folder!r}", client.delete_messages, ours)
            if client.has_capability("UIDPLUS"):
                self._call(f"removing an old draft from {folder!r}", client.uid_expunge, ours)
        finally:
            self._examine(folder)  # back to read-only
        return True

    # --- follow-up: the Sent folder, and whether a draft is still there ------------------------

    def _special_folder(self, attribute: bytes, configured: str) -> str | None:
        """The folder with SPECIAL-USE `attribute`, else `configured` when it exists, else None."""
        folders = self._call("listing folders", self._need().list_folders)
        for flags, _delim, name in folders:
            if attribute in flags:
                return name
        return configured if configured in {name for _f, _d, name in folders} else None

    def sent_folder_name(self) -> str | None:
        """The server's SPECIAL-USE \\Sent folder, else the configured name when it exists."""
        return self._special_folder(SENT_SPECIAL_USE, self.sent_folder)

    def append_sent(self, raw: bytes) -> str:
        """File a copy of a message the VA sent (through `scopewatch send`) into Sent, as seen."""
        client = self._need()
        folder = self.sent_folder_name()
        if folder is None:
            folder = self.sent_folder
            self._call(f"creating folder {folder!r}", client.create_folder, folder)
        self._call(f"saving the sent copy into {folder!r}", client.append, folder, raw, flags=[SEEN_FLAG])
        return folder

    def find_header(self, folder: str, header: str, value: str) -> list[str]:
        """Keys of the messages in `folder` whose `header` contains `value` (UID SEARCH HEADER, on
        the folder opened read-only). A folder that does not exist holds nothing."""
        client = self._need()
        if not self._call(f"checking folder {folder!r}", client.folder_exists, folder):
            return []
        info = self._examine(folder)
        if int(info.get(b"EXISTS", 0)) == 0:
            return []
        # The value is ours (a Message-ID we made or stored), but never let a quote or line
        # break reach the command line.
        clean = "".join(ch for ch in value if ch >= " " and ch not in '"\\')
        uids = self._call(f"searching folder {folder!r}", client.search, ["HEADER", header, clean])
        uidvalidity = info.get(b"UIDVALIDITY")
        return [f"{uidvalidity}:{uid}" for uid in sorted(uids)]


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    if isinstance(exc, TimeoutError):  # socket.timeout is an alias of TimeoutError
        return f"no answer within the time limit ({text or 'timed out'})"
    if text.startswith(("b'", 'b"')) and text[-1:] in ("'", '"'):
        text = text[2:-1]  # imaplib puts raw server bytes into its messages
    return text or type(exc).__name__


def _section(item: dict, name: str):
    """A fetched body section, whole (BODY[1]) or partial (BODY[1]<0>)."""
    return item.get(f"BODY[{name}]".encode(), item.get(f"BODY[{name}]<0>".encode()))


def _plain_tz(value: Any) -> datetime | None:
    """INTERNALDATE with a standard-library timezone (imapclient uses its own tzinfo class)."""
    if not isinstance(value, datetime):
        return None
    offset = value.utcoffset()
    return value.replace(tzinfo=timezone(offset)) if offset is not None else value


def _shutdown(client: imapclient.IMAPClient) -> None:
    try:
        client.shutdown()
    except Exception:
        pass
