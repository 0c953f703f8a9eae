"""Allows `python -m scopewatch`."""

from scopewatch.cli import main

main()
