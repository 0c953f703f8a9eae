"""`security = "plain"` only for a server on this machine: literal loopback addresses and
`localhost` pass, a name passes only when every address it resolves to is loopback, and the
connected peer is checked again before the password is sent."""

from __future__ import annotations

import socket
import socketserver
import threading

import pytest

from scopewatch.config import load_config
from scopewatch.errors import ConfigError
from scopewatch.loopback import is_loopback


def _resolving(monkeypatch, table: dict[str, list[str]]):
    real = socket.getaddrinfo

    def fake(host, *args, **kwargs):
        if host in table:
            return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, 0)) for a in table[host]]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)


def test_literal_loopback_and_localhost_pass_names_only_when_every_address_is_loopback(monkeypatch):
    _resolving(monkeypatch, {
        "mail.localhost": ["127.0.0.1", "::1"],
        "evil.localhost": ["203.0.113.7"],
        "mixed.example": ["127.0.0.1", "203.0.113.7"],
    })
    for host in ("localhost", "127.0.0.1", "127.8.9.10", "::1", "[::1]", "mail.localhost"):
        assert is_loopback(host), host
    for host in ("evil.localhost", "mixed.example", "203.0.113.7", "0.0.0.0", "", "no-such-host.invalid"):
        assert not is_loopback(host), host


def test_config_refuses_plain_to_a_localhost_name_that_points_elsewhere(tmp_path, monkeypatch):
    _resolving(monkeypatch, {"imap.localhost": ["203.0.113.7"]})
    (tmp_path / "scopes").mkdir()
    (tmp_path / "scopewatch.toml").write_text(
        '[[mailbox]]\nname = "work"\nhost = "imap.localhost"\nsecurity = "plain"\nusername = "u"\npassword_env = "PW"\n'
    )
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path, environ={"PW": "secret"})
    assert "imap.localhost" in str(err.value) and "plain" in str(err.value)


def _outside_address() -> str | None:
    """An address of this machine that is not loopback (the test server listens there)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
        address = probe.getsockname()[0]
    except OSError:
        return None
    finally:
        probe.close()
    return None if address.startswith("127.") else address


class _FakeImap(socketserver.StreamRequestHandler):
    seen: list[bytes] = []

    def handle(self):
        self.wfile.write(b"* OK [CAPABILITY IMAP4rev1 IDLE] ready\r\n")
        for line in self.rfile:
            _FakeImap.seen.append(line)
            tag = line.split(b" ", 1)[0]
            if b"CAPABILITY" in line.upper():
                self.wfile.write(b"* CAPABILITY IMAP4rev1 IDLE\r\n")
            self.wfile.write(tag + b" OK done\r\n")


def test_the_password_is_not_sent_when_the_connected_server_is_not_on_this_machine():
    from scopewatch.ingest.imap import ImapSource

    address = _outside_address()
    if address is None:
        pytest.skip("this machine has no address besides loopback to listen on")
    server = socketserver.ThreadingTCPServer((address, 0), _FakeImap)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        source = ImapSource("work", "127.0.0.1", server.server_address[1], "plain", "anna", "s3cret", timeout=5)
        source.host = address  # what a name may resolve to by the time the service connects
        with pytest.raises(ConfigError) as err:
            source.connect()
        assert "not on this machine" in str(err.value) and "not sent" in str(err.value)
        assert not any(b"LOGIN" in line.upper() or b"s3cret" in line for line in _FakeImap.seen), _FakeImap.seen
    finally:
        server.shutdown()
        server.server_close()
