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
