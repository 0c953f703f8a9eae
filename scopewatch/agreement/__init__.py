"""A client's scope agreement: what is delivered, what is not, limits, duties, rate and period.

The agreement is the VA's own YAML file in the workspace's `scopes/` folder; every stage reads
the plain dataclasses in `model.py`, and only `load.py` knows about YAML.
"""

from scopewatch.agreement.model import (  # noqa: F401
    Agreement,
    Limit,
    Period,
    Rate,
    ScopeItem,
)
