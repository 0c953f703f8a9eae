"""Where `security = "plain"` may go: a server on this machine only. A literal loopback address and
`localhost` itself pass at once; any other name passes only when every address it resolves to is a
loopback one ("mail.localhost" pointed elsewhere does not). The connected socket's peer is checked
again before a password is sent, so a name that resolves differently at connect time cannot leak it."""

from __future__ import annotations

import ipaddress
import socket


def _loopback_address(text: str) -> bool:
    try:
        return ipaddress.ip_address(text.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1, `localhost`, and names all of whose addresses are loopback."""
    name = host.strip().strip("[]").rstrip(".").lower()
    if not name:
        return False
    if name == "localhost" or _loopback_address(name):
        return True
    try:
        ipaddress.ip_address(name)
        return False  # a literal address that is not loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(name, None)
    except (OSError, UnicodeError):
        return False
    addresses = {info[4][0] for info in infos}
    return bool(addresses) and all(_loopback_address(a) for a in addresses)


def peer_is_loopback(sock: socket.socket | None) -> bool:
    """Whether a connected socket's other end is on this machine."""
    if sock is None:
        return False
    try:
        peer = sock.getpeername()
    except OSError:
        return False
    return isinstance(peer, tuple) and _loopback_address(str(peer[0]))
