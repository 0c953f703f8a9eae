"""Sending the digest through a real SMTP server (aiosmtpd on 127.0.0.1): plain on loopback,
login, STARTTLS and implicit TLS with a throwaway certificate, and clear errors when it goes wrong."""

from __future__ import annotations

import email
import shutil
import socket
import ssl
import subprocess
from datetime import datetime, timezone
from email import policy
from pathlib import Path

import pytest

from scopewatch import resources
from scopewatch.digest.model import ClientDigest, Digest, DigestItem
from scopewatch.digest.render import compose_digest
from scopewatch.draft.smtp import SmtpSettings, is_loopback, send_message
from scopewatch.errors import ConfigError, SmtpError
from tests.conftest import skip_or_fail

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult
except ImportError:  # pragma: no cover - aiosmtpd is in the test extra
    Controller = None


class Inbox:
    """An aiosmtpd handler that keeps every delivered envelope."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@refused.example"):
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == b"mila" and auth_data.password == b"s3cret"
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def smtp_server(request):
    """Start an SMTP server on a free loopback port; options come from indirect parametrisation."""
    if Controller is None:
        skip_or_fail("aiosmtpd is not installed (pip install aiosmtpd)")
    options = getattr(request, "param", {}) or {}
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for localhost / 127.0.0.1."""
    openssl = shutil.which("openssl")
    if not openssl:
        skip_or_fail("openssl is not installed, so no test certificate can be made")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


def server_tls(certificate) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(*map(str, certificate))
    return ctx


def digest_message():
    digest = Digest(
        datetime(2026, 2, 3, 18, 0, tzinfo=timezone.utc), None, "Mila Jansen",
        [ClientDigest("devries", "Bakkerij de Vries", flagged=[DigestItem(
            41, "Kun je ook een nieuwsbrief maken?", "new_work", None, None, 0.9, "Nieuwsbrief",
            "anna@bakkerij.example", None, True, [])], in_scope_count=2)],
    )
    return compose_digest(digest, [resources.templates_dir()], to="Mila <mila@va.example>",
                          from_="scopewatch <scopewatch@va.example>")


def delivered(inbox: Inbox):
    assert len(inbox.envelopes) == 1
    env = inbox.envelopes[0]
    return env, email.message_from_bytes(env.content, policy=policy.default)


def test_digest_arrives_as_multipart_alternative(smtp_server):
    inbox, port = smtp_server
    send_message(digest_message(), SmtpSettings("127.0.0.1", port, "plain", timeout=10))
    env, msg = delivered(inbox)
    assert env.mail_from == "scopewatch@va.example" and env.rcpt_tos == ["mila@va.example"]
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert "Kun je ook een nieuwsbrief maken?" in msg.get_body(("plain",)).get_content()
    assert "scopewatch confirm 41" in msg.get_body(("html",)).get_content()
    assert msg["Subject"] == "scopewatch: 1 request outside scope for 1 client"


# Login without TLS is acceptable here only because the server is on loopback, as in production.
AUTH = {"authenticator": authenticator, "auth_require_tls": False, "auth_required": True}
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")


@pytest.mark.parametrize("smtp_server", [AUTH], indirect=True)
def test_login_uses_the_password_source(smtp_server):
    inbox, port = smtp_server
    calls = []

    def password():
        calls.append(1)
        return "s3cret"

    send_message(digest_message(), SmtpSettings("localhost", port, "plain", "mila", password, timeout=10))
    delivered(inbox)
    assert calls == [1]


@pytest.mark.parametrize("smtp_server", [AUTH], indirect=True)
def test_wrong_password_is_a_clear_error(smtp_server):
    inbox, port = smtp_server
    with pytest.raises(SmtpError, match=r"refused the login for mila: 535"):
        send_message(digest_message(), SmtpSettings("127.0.0.1", port, "plain", "mila", lambda: "nope", timeout=10))
    assert inbox.envelopes == []


def test_refused_recipient_is_reported(smtp_server):
    inbox, port = smtp_server
    msg = digest_message()
    msg.replace_header("To", "mila@va.example, ghost@refused.example")
    with pytest.raises(SmtpError, match=r"refused some recipients: ghost@refused.example \(550"):
        send_message(msg, SmtpSettings("127.0.0.1", port, "plain", timeout=10))
    env, _ = delivered(inbox)
    assert env.rcpt_tos == ["mila@va.example"]


def test_starttls_required_but_not_offered(smtp_server):
    inbox, port = smtp_server
    with pytest.raises(SmtpError, match="does not offer STARTTLS"):
        send_message(digest_message(), SmtpSettings("127.0.0.1", port, "starttls", timeout=10))
    assert inbox.envelopes == []


def test_starttls_with_a_trusted_certificate(certificate):
    if Controller is None:
        skip_or_fail("aiosmtpd is not installed (pip install aiosmtpd)")
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=server_tls(certificate),
                            require_starttls=True, authenticator=authenticator, auth_required=True)
    controller.start()
    try:
        settings = SmtpSettings("localhost", port, "starttls", "mila", lambda: "s3cret", timeout=10,
                                ca_file=str(certificate[0]))
        send_message(digest_message(), settings)
        delivered(inbox)
        # the same server with no trust in its certificate: refused before any password is sent
        untrusted = SmtpSettings("localhost", port, "starttls", "mila", lambda: pytest.fail("password asked"),
                                 timeout=10)
        with pytest.raises(SmtpError, match="certificate that cannot be trusted"):
            send_message(digest_message(), untrusted)
    finally:
        controller.stop()


def test_implicit_tls(certificate):
    if Controller is None:
        skip_or_fail("aiosmtpd is not installed (pip install aiosmtpd)")
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, ssl_context=server_tls(certificate))
    controller.start()
    try:
        send_message(digest_message(), SmtpSettings("localhost", port, "ssl", timeout=10, ca_file=str(certificate[0])))
        delivered(inbox)
    finally:
        controller.stop()


def test_nothing_listening_is_a_clear_error():
    port = free_port()
    with pytest.raises(SmtpError, match=rf"127.0.0.1:{port} refused the connection"):
        send_message(digest_message(), SmtpSettings("127.0.0.1", port, "plain", timeout=5))


def test_plain_smtp_only_to_this_machine():
    assert is_loopback("localhost") and is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("[::1]")
    assert not is_loopback("smtp.example.com") and not is_loopback("10.0.0.1")
    # refused before any connection is attempted
    with pytest.raises(ConfigError, match="only allowed to this machine"):
        send_message(digest_message(), SmtpSettings("smtp.example.com", 25, "plain"))
    with pytest.raises(ConfigError, match="security must be one of"):
        send_message(digest_message(), SmtpSettings("127.0.0.1", 25, "tls"))
