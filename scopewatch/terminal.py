"""What the command line writes to the VA's terminal: every line passes `strip_controls`, so client
text (a subject, a sentence, a server's error) cannot clear the screen, set the window title or
hide a link, whether the output goes to a terminal or a pipe; bidi controls are shown as [U+202E]
(escaped as \\u202e in JSON), so a mail cannot turn its words around on screen."""

from __future__ import annotations

import json

import click

from scopewatch.parse.controls import show_bidi, strip_controls

_C1 = {c: f"\\u{c:04x}" for c in [*range(0x80, 0xA0), 0x61C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def echo(message=None, **kwargs) -> None:
    """click.echo for text that may hold client words."""
    if isinstance(message, str):
        message = show_bidi(strip_controls(message))
    click.echo(message, **kwargs)


def echo_json(obj) -> None:
    """One JSON document on a line: C0 controls are escaped by json, C1 and bidi controls (which
    json keeps raw with ensure_ascii=False, and a terminal obeys) are escaped here."""
    click.echo(json.dumps(obj, ensure_ascii=False, default=str).translate(_C1))
