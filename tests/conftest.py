"""Shared pytest fixtures. Fixture modules for real services register themselves here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = (REPO.parent / "shared" / "corpus").resolve()


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def skip_or_fail(reason: str) -> None:
    """A missing service skips the test on a developer machine, but fails loudly under CI=true."""
    if in_ci():
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS

from tests.pg import ledger_url, pg_server, pg_url  # noqa: E402,F401  PostgreSQL + ledger fixtures
from tests.dovecot import dovecot, dovecot_server, private_dovecot  # noqa: E402,F401  real Dovecot IMAP fixtures


@pytest.fixture(autouse=True)
def _own_user_config(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's default workspace (`scopewatch init` may save one)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("user-config")))
    monkeypatch.delenv("SCOPEWATCH_WORKSPACE", raising=False)


def _own_wording(template_dirs) -> bool:
    """Rendered with the VA's own reply templates or wording (a workspace's templates/): her words."""
    from scopewatch import resources

    shipped = resources.templates_dir().resolve()
    names = ("change_request.en.txt.j2", "change_request.nl.txt.j2", "openings.yaml", "plurals.yaml")
    return any(Path(d).resolve() != shipped and any((Path(d) / n).is_file() for n in names)
               for d in (template_dirs or ()))


@pytest.fixture(autouse=True)
def _every_draft_is_checked(monkeypatch):
    """Every change-request reply any test renders with the shipped templates is read by the draft
    checker (tests/draft_checker.py); a fault fails that test, naming the sentence and why."""
    import sys

    from scopewatch.draft import render
    from tests.draft_checker import check_draft

    original = render.render_change_request
    faults: list[str] = []

    def checked(agreement, findings, message, **kwargs):
        draft = original(agreement, findings, message, **kwargs)
        if not _own_wording(kwargs.get("template_dirs")):
            found = [df.finding if isinstance(df, render.DraftFinding) else render.DraftFinding(*df).finding
                     for df in findings]
            found = [f for f in found if f.verdict == "out_of_scope"]
            for fault in check_draft(draft, agreement, found, message):
                faults.append(f"{fault}\n--- the reply ---\n{draft.reply}")
        return draft

    for module in list(sys.modules.values()):
        if getattr(module, "render_change_request", None) is original:
            monkeypatch.setattr(module, "render_change_request", checked)
    yield
    if faults:
        pytest.fail("the draft checker found faults in a rendered reply:\n" + "\n\n".join(dict.fromkeys(faults)),
                    pytrace=False)
