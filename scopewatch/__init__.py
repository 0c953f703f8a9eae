"""scopewatch: protects a freelancer's agreed scope of work, straight from the mailbox.

The package is laid out by pipeline stage: ingest -> parse -> detect -> store -> draft/digest,
with `cli/` (the command line) and `daemon.py` on top wiring the stages together.
"""

__version__ = "0.1.0"
