"""Every error scopewatch raises on purpose, named by its cause.

The CLI turns these into one clear line and an exit code; anything else reaching the edge is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass


class ScopewatchError(Exception):
    """Base class: a problem the user can understand and fix."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file the user wrote (agreement, rule, config)."""

    file: str
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class ProblemsError(ScopewatchError):
    """Raised with every problem found, so the user can fix them all in one go."""

    exit_code = 2
    what = "file"

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in {self.what}"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))


class AgreementError(ProblemsError):
    """A scope agreement YAML file is invalid."""

    what = "scope agreements"


class RuleError(ProblemsError):
    """A rule file is invalid."""

    what = "rules"


class CatalogueError(ProblemsError):
    """A file of the work catalogue (rules/catalogue/) is invalid."""

    what = "the work catalogue"


class ConfigError(ScopewatchError):
    """scopewatch.toml or an environment setting is invalid."""

    exit_code = 2


class WorkspaceError(ScopewatchError):
    """The workspace folder is missing or not a scopewatch workspace."""

    exit_code = 2


class MessageError(ScopewatchError):
    """A message cannot be read at all (not e-mail, empty, unparseable)."""

    exit_code = 1


class DetectionTimeout(ScopewatchError):
    """A message's detection ran past its budget (a regex rule's matching time, or the CPU time of
    all of detection): the message gets one error verdict and the next one is read."""

    exit_code = 1

    def __init__(self, rule_id: str | None, seconds: float, *, where: str = "reading the mail"):
        self.rule_id, self.seconds = rule_id, seconds
        if rule_id is not None:
            text = (f"detection stopped: regex rule {rule_id} ran past the budget of {seconds:g} s matching time for "
                    f"one message (fix or disable the rule; `scopewatch rules lint` names risky patterns)")
        else:
            text = (f"detection stopped: this mail needed more than {seconds:g} s of CPU time ({where}), so it was "
                    f"not judged; read it yourself")
        super().__init__(text)


class DetectionStopped(ScopewatchError):
    """The service is stopping (SIGTERM): detection of the message in hand is dropped, and the
    message is read again at the next start."""

    def __init__(self):
        super().__init__("stopped before detection finished")


class NotFoundError(ScopewatchError):
    """A client, finding or other named thing does not exist."""

    exit_code = 3


class MailboxError(ScopewatchError):
    """The mailbox could not be reached or used (network, protocol, missing folder)."""

    exit_code = 4


class AuthenticationError(MailboxError):
    """The mail server refused the username or password."""

    exit_code = 5


class StoreError(ScopewatchError):
    """The ledger database could not be opened, migrated or written."""

    exit_code = 6


class TemplateError(ScopewatchError):
    """A draft or digest template is missing or broken."""

    exit_code = 2


class SmtpError(ScopewatchError):
    """The outgoing mail server could not be reached, refused the login or the message."""

    exit_code = 4


class DecisionError(ScopewatchError):
    """A review decision cannot be taken as given (two reasons at once, an unknown category)."""

    exit_code = 2
