"""What `scope lint` and the agreement page tell the VA about an agreement beyond its problems:
warnings she would act on (a contact with look-alike letters, a description that reads as a note, a
deliverable no kind of work links to, a checklist answer an item contradicts). The problems
themselves come from agreement/load.py."""

from __future__ import annotations

from typing import Iterable

from scopewatch.agreement.checklist import conflicts
from scopewatch.agreement.contacts import lookalike_contacts
from scopewatch.agreement.model import Agreement
from scopewatch.agreement.wording import note_like
from scopewatch.errors import Problem


def warnings(agreements: Iterable[Agreement], catalogue, pipelines=None) -> list[Problem]:
    """Every warning of these agreements, in file order. `catalogue` None skips the ones that need
    the work catalogue (it is broken, and that is a problem of its own)."""
    agreements = list(agreements)
    out = [w for a in agreements for w in (*lookalike_contacts(a), *note_like(a))]
    if catalogue is None or not agreements:
        return out
    from scopewatch.detect.links import agreement_links, unlinked_items
    from scopewatch.detect.nlp import Pipelines

    pipelines = pipelines or Pipelines()
    out += unlinked_items(agreements, catalogue, pipelines)
    for a in agreements:
        if a.checklist:
            out += conflicts(a, agreement_links(a, catalogue, pipelines))
    return out
