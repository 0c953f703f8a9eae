"""The `scopewatch` command line. Each command parses its options and calls one function;
errors scopewatch raises on purpose become one clear line and an exit code here, at the edge.
The commands live in the modules of this package, grouped by what the VA does with them."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from scopewatch import __version__
from scopewatch.errors import ScopewatchError

WORKSPACE_OPTION = click.option(
    "--workspace",
    "-w",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Workspace folder (default: $SCOPEWATCH_WORKSPACE, else the nearest folder upwards with "
    "scopewatch.toml or scopes/, else the default set by `scopewatch init`).",
)


def friendly_errors(fn):
    """Turn ScopewatchError into `error: ...` on stderr and its exit code, never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ScopewatchError as exc:
            echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper


from scopewatch.terminal import echo, echo_json  # noqa: E402,F401  (every command prints through these)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="scopewatch")
def cli():
    """scopewatch: flags client requests that fall outside the agreed scope of work.

    \b
    Quick start on the bundled sample:
        scopewatch demo
    """


DATABASE_OPTION = click.option(
    "--database",
    metavar="URL",
    default=None,
    help="Ledger database (default: $SCOPEWATCH_DATABASE or sqlite:///WORKSPACE/scopewatch.db).",
)


def main() -> None:
    cli(prog_name="scopewatch")


# Registering the commands: each module adds its commands to `cli` when imported.
from scopewatch.cli import detection, followup, ledger, service  # noqa: E402,F401

if __name__ == "__main__":
    main()
