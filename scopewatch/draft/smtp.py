"""Sends a finished e-mail (the VA's digest, later a draft the VA confirmed) with smtplib,
encrypted unless the server is on this machine; every failure becomes one clear SmtpError."""

from __future__ import annotations

import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Callable

from scopewatch.loopback import is_loopback, peer_is_loopback
from scopewatch.errors import ConfigError, SmtpError

SECURITY = ("ssl", "starttls", "plain")


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str = "starttls"  # ssl (implicit TLS, 465), starttls (587) or plain (loopback only)
    username: str | None = None
    password: Callable[[], str] | None = None  # resolved only when a login happens
    timeout: float = 30.0
    ca_file: str | None = None  # extra CA bundle, for a self-hosted server with its own CA

    def where(self) -> str:
        return f"{self.host}:{self.port}"


def _tls_context(settings: SmtpSettings) -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    if settings.ca_file:
        try:
            ctx.load_verify_locations(cafile=settings.ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise ConfigError(f"SMTP ca_file {settings.ca_file} cannot be read: {exc}") from None
    return ctx


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.security not in SECURITY:
        raise ConfigError(f"SMTP security must be one of {', '.join(SECURITY)}, not {settings.security!r}")
    if settings.security == "plain" and not is_loopback(settings.host):
        raise ConfigError(
            f"SMTP security 'plain' sends the password and mail unencrypted; it is only allowed to "
            f"this machine (localhost), not {settings.host}. Use 'starttls' or 'ssl'."
        )
    if settings.security == "ssl":
        client: smtplib.SMTP = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=_tls_context(settings)
        )
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    try:
        client.ehlo()
        if settings.security == "starttls":
            if not client.has_extn("starttls"):
                raise SmtpError(f"SMTP server {settings.where()} does not offer STARTTLS; use security 'ssl' or another port")
            client.starttls(context=_tls_context(settings))
            client.ehlo()
        if settings.security == "plain" and not peer_is_loopback(client.sock):
            raise ConfigError(
                f"SMTP host {settings.host} connected to a server that is not on this machine; security "
                "'plain' would send the password unencrypted, so nothing was sent. Use 'starttls' or 'ssl'."
            )
        if settings.username:
            if settings.password is None:
                raise ConfigError(f"SMTP username {settings.username} is set but no password source is configured")
            client.login(settings.username, settings.password())
    except BaseException:
        _quit(client)
        raise
    return client


def _quit(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except Exception:  # the connection may already be gone; closing must never raise
        client.close()


def send_message(msg: EmailMessage, settings: SmtpSettings) -> None:
    """Send `msg` to its To/Cc/Bcc recipients; raises SmtpError (or ConfigError) on any problem."""
    where = settings.where()
    try:
        client = _connect(settings)
        try:
            refused = client.send_message(msg)
        finally:
            _quit(client)
    except (SmtpError, ConfigError):
        raise
    except smtplib.SMTPAuthenticationError as exc:
        raise SmtpError(f"SMTP server {where} refused the login for {settings.username}: {_reply(exc)}") from None
    except smtplib.SMTPRecipientsRefused as exc:
        who = ", ".join(f"{addr} ({_code(v)})" for addr, v in exc.recipients.items())
        raise SmtpError(f"SMTP server {where} refused every recipient: {who}") from None
    except smtplib.SMTPSenderRefused as exc:
        raise SmtpError(f"SMTP server {where} refused the sender {exc.sender}: {_reply(exc)}") from None
    except smtplib.SMTPDataError as exc:
        raise SmtpError(f"SMTP server {where} refused the message: {_reply(exc)}") from None
    except smtplib.SMTPNotSupportedError as exc:
        raise SmtpError(f"SMTP server {where} does not support a needed feature: {exc}") from None
    except (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError) as exc:
        raise SmtpError(f"SMTP server {where} closed the connection: {exc}") from None
    except smtplib.SMTPException as exc:
        raise SmtpError(f"SMTP error from {where}: {exc}") from None
    except ssl.SSLCertVerificationError as exc:
        raise SmtpError(f"SMTP server {where} presented a certificate that cannot be trusted: {exc.verify_message}") from None
    except ssl.SSLError as exc:
        raise SmtpError(f"TLS with SMTP server {where} failed: {exc.reason or exc}") from None
    except (socket.timeout, TimeoutError):
        raise SmtpError(f"SMTP server {where} did not answer within {settings.timeout:g} s") from None
    except socket.gaierror as exc:
        raise SmtpError(f"SMTP host {settings.host} cannot be found: {exc.strerror}") from None
    except ConnectionRefusedError:
        raise SmtpError(f"SMTP server {where} refused the connection (is it running on that port?)") from None
    except OSError as exc:
        raise SmtpError(f"cannot reach SMTP server {where}: {exc.strerror or exc}") from None
    if refused:
        who = ", ".join(f"{addr} ({_code(v)})" for addr, v in refused.items())
        raise SmtpError(f"SMTP server {where} accepted the message but refused some recipients: {who}")


def _code(value: tuple[int, bytes]) -> str:
    code, text = value
    return f"{code} {text.decode('utf-8', 'replace')}"


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return f"{exc.smtp_code} {text}"


def settings_from_config(smtp) -> SmtpSettings:
    """SmtpSettings for a checked `[smtp]` section (config.SmtpConfig); the password is resolved
    only when a login happens."""
    return SmtpSettings(
        host=smtp.host, port=smtp.port, security=smtp.security, username=smtp.username or None,
        password=smtp.password if smtp.username else None, ca_file=smtp.ca_file,
    )
