"""Finds the shipped rules, templates and sample workspace, in a wheel or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    # In a wheel the folders are copied into the package; in an editable install or a
    # checkout they sit at the repository's top level, next to the package.
    inside = _PACKAGE / "_shipped" / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def rules_dir() -> Path:
    """The shipped rules folder."""
    return _shipped("rules")


def templates_dir() -> Path:
    """The shipped templates folder."""
    return _shipped("templates")


def examples_dir() -> Path:
    """The bundled sample workspace."""
    return _shipped("examples")
