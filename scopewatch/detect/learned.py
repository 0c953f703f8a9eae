"""What detection does with what the VA taught it about one client: a request whose work words (or
kind of work) match an earlier decision gets that decision's verdict, with an explanation citing it.

The knowledge arrives as plain dataclasses (loaded by `store/`); it is consulted after the
agreement's own terms and before the shipped rules' generic "new work": an entry only corrects the
mistake the VA corrected (same verdict and category as detection gave then) and never overrides an
agreement clause the earlier request did not name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Iterable

from scopewatch.detect.findings import Finding
from scopewatch.detect.nlp import lemma_table
from scopewatch.words import lexicon

# What an entry says a matching request is.
IN_SCOPE, OUT_OF_SCOPE, NOT_A_REQUEST, ALREADY_AGREED = "in_scope", "out_of_scope", "not_a_request", "already_agreed"
OUTCOMES = (IN_SCOPE, OUT_OF_SCOPE, NOT_A_REQUEST, ALREADY_AGREED)
PHRASE, WORK_KIND, CUE = "phrase", "work_kind", "cue"

# How alike a request must be to an earlier decided one (cosine of their work words, each word
# weighted by how rare it is among this client's entries) for that decision to decide it.
PHRASE_SIMILAR = 0.35
# Precision first: turning a request detection found in scope into a flag takes more likeness.
FLAG_SIMILAR = 0.5
# A request this alike to a decided one is taken as the same request, whatever detection made of it.
SAME_REQUEST = 0.75
# A cue that was no request must be more alike: it sets the request aside altogether.
CUE_SIMILAR = 0.5
# A kind of work decides only when this many decisions agree on it and none disagrees.
KIND_SUPPORT = 2


@dataclass(frozen=True)
class LearnedEntry:
    """One learned thing, as detection needs it."""

    id: int
    kind: str  # phrase, work_kind, cue
    outcome: str  # one of OUTCOMES
    words: frozenset[str]  # work words (phrase, cue) or kind ids (work_kind)
    source_state: tuple[str, str | None]  # (in_scope | out_of_scope | check, category) detection gave
    source_items: frozenset[str]  # agreement clauses the request named
    category: str | None = None
    scope_item: str | None = None
    finding_id: int | None = None
    decided_on: datetime | None = None
    decision: str = ""


@dataclass
class ClientKnowledge:
    """Everything learned about one client, indexed by word for a quick look-up per request."""

    client_id: str
    entries: tuple[LearnedEntry, ...] = ()
    version: int = 0
    _by_word: dict[str, list[LearnedEntry]] = field(default_factory=dict, repr=False)
    _weight: dict[str, float] = field(default_factory=dict, repr=False)
    _norm: dict[int, float] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for e in self.entries:
            for w in e.words:
                self._by_word.setdefault(w, []).append(e)
        n = len(self.entries)
        # A word in few of the client's entries says more than one in many ("kamer", "post").
        self._weight = {w: math.log(1 + n / len(es)) for w, es in self._by_word.items()}
        self._unknown = math.log(1 + n) if n else 1.0
        for e in self.entries:
            self._norm[e.id] = math.sqrt(sum(self._weight[w] ** 2 for w in e.words)) or 1.0

    def similar(self, words: Iterable[str], kind: str, least: float = 0.0) -> list[tuple[LearnedEntry, float]]:
        """Entries of this kind sharing a word with `words` and at least `least` alike, best first."""
        words = set(words)
        if not words:
            return []
        weight, unknown = self._weight, self._unknown
        norm = math.sqrt(sum(weight.get(w, unknown) ** 2 for w in words))
        shared: dict[int, float] = {}
        found: dict[int, LearnedEntry] = {}
        for w in words:
            es = self._by_word.get(w)
            if not es:
                continue
            sq = weight[w] ** 2
            for e in es:
                if e.kind == kind:
                    shared[e.id] = shared.get(e.id, 0.0) + sq
                    found[e.id] = e
        cut = least * norm
        out = [(found[i], dot / (norm * self._norm[i])) for i, dot in shared.items() if dot >= cut * self._norm[i]]
        return sorted(out, key=lambda x: (-x[1], -x[0].id))  # the latest decision first among equals

    def candidates(self, words: Iterable[str]) -> dict[int, tuple[LearnedEntry, int]]:
        """Entries sharing a word with `words`: id -> (entry, words shared)."""
        found: dict[int, tuple[LearnedEntry, int]] = {}
        for w in set(words):
            for e in self._by_word.get(w, ()):
                prev = found.get(e.id)
                found[e.id] = (e, prev[1] + 1 if prev else 1)
        return found


def work_words(sentence, language: str) -> tuple[str, ...]:
    """The generalisable words of a request sentence, as lower-case lemmas in sentence order: the
    words of the work asked for, without the asking cue ("could you", "kun je even"), function words,
    names, numbers, dates, amounts, addresses."""
    lang = lexicon()[language]
    every = lexicon().every
    table = lemma_table(language)
    cue = {i for f in sentence.fired if f.rule.role != "work" for i in range(f.start, f.end)}
    span = sentence.span
    out: list[str] = []
    for tok in span:
        if tok.i in cue or not tok.is_alpha or len(tok.text) < 3:
            continue
        if tok.is_stop and tok.lower_ not in lang.learned_work_words:
            continue
        if tok.like_num or tok.like_email or tok.like_url:
            continue
        low = tok.lower_
        if tok.is_title and tok.i != span.start and not tok.is_sent_start:
            continue  # a name: "Tom", "Ghent", "Friday"
        if low in every.months or low in lang.weekdays or low in lang.numbers or low in lang.ordinals:
            continue
        out.append(table.get(low, low).lower())
    return tuple(dict.fromkeys(out))


def work_kinds(sentence) -> tuple[str, ...]:
    """The kinds of work the sentence names: the ids of the work rules that fired in it."""
    return tuple(dict.fromkeys(f.rule.id for f in sentence.fired if f.rule.role == "work"))


def _state(f: Finding) -> tuple[str, str | None]:
    if f.verdict == "in_scope":
        return ("in_scope", None)
    return ("check" if f.review else "out_of_scope", f.category)


def _same_mistake(entry: LearnedEntry, state, items: frozenset[str]) -> bool:
    """Whether the entry was decided on a request detection judged alike: the same verdict and
    category (firm or "check"), naming no agreement clause the earlier request did not name."""
    flat = lambda st: ("out_of_scope" if st[0] == "check" else st[0], st[1])  # noqa: E731
    return flat(entry.source_state) == flat(state) and items <= entry.source_items


def _best(knowledge: ClientKnowledge, words: tuple[str, ...], kinds: tuple[str, ...], state, items: frozenset[str]):
    """The decision that decides this request, or None: a cue it was no request, else the most
    similar decided request, else a kind of work several decisions agree on."""
    for entry, _sim in knowledge.similar(words, CUE, CUE_SIMILAR):
        if items <= entry.source_items:
            return entry
    for entry, sim in knowledge.similar(words, PHRASE, PHRASE_SIMILAR):
        # The same request again (nearly all its words) is the VA's even where detection now names a
        # clause it did not name then; a merely similar one only corrects the same mistake.
        if entry.outcome == OUT_OF_SCOPE and state[0] == "in_scope" and sim < FLAG_SIMILAR:
            continue
        if sim >= SAME_REQUEST or _same_mistake(entry, state, items):
            return entry
    votes: dict[tuple, list[LearnedEntry]] = {}
    for entry, _sim in knowledge.similar(kinds, WORK_KIND):
        if _same_mistake(entry, state, items):
            votes.setdefault((entry.outcome, entry.category, entry.scope_item), []).append(entry)
    if len(votes) == 1:
        agreed = next(iter(votes.values()))
        if len(agreed) >= KIND_SUPPORT:
            return max(agreed, key=lambda e: e.id)
    return None


def _when(entry: LearnedEntry) -> str:
    d = entry.decided_on
    return f"on {d.day} {d:%b}" if d else "earlier"


def revise(finding: Finding, sentence, hits, knowledge: ClientKnowledge | None, agreement, language: str) -> Finding:
    """The finding with its work words and kinds filled in and, when this client's knowledge has a
    matching decision, that decision's verdict and an explanation citing it. A request the VA
    taught is no request comes back with `set_aside` true."""
    words = work_words(sentence, language)
    kinds = work_kinds(sentence)
    finding = replace(finding, work_words=list(words), work_kinds=list(kinds))
    if knowledge is None or not knowledge.entries:
        return finding
    items = frozenset(h.item.id for h in hits)
    entry = _best(knowledge, words, kinds, _state(finding), items)
    if entry is None:
        return finding
    if (entry.outcome == OUT_OF_SCOPE and finding.verdict == "out_of_scope" and not finding.review
            and entry.category == finding.category):
        return finding  # the VA confirmed the like of it as it stands: nothing to change
    similar = "similar work" + (f" ({', '.join(sorted(entry.words & set(kinds)))})" if entry.kind == WORK_KIND else "")
    cite = f"finding {entry.finding_id}" if entry.finding_id else f"learned entry {entry.id}"
    if entry.outcome == NOT_A_REQUEST:
        return replace(finding, set_aside=True, learned=entry.id,
                       explanation=f"not a request: you marked a similar sentence {_when(entry)} as not a request, {cite}")
    if entry.outcome == ALREADY_AGREED:
        return replace(
            finding, review=True, confidence=min(finding.confidence, 0.5), learned=entry.id,
            explanation=f"{finding.explanation}; but a similar request {_when(entry)} was already agreed "
                        f"(an amendment or a quote), {cite}: check whether this one is too",
        )
    item = agreement.item(entry.scope_item) if entry.scope_item else None
    item_fields = dict(
        scope_item=entry.scope_item,
        scope_item_description=item.description if item else None,
        scope_item_kind=item.kind if item else None,
    )
    if entry.outcome == IN_SCOPE:
        what = "the client accepted a change request for " + similar if entry.decision == "accepted" else None
        why = (f"in scope: {what} {_when(entry)}, {cite}" if what else
               f"in scope: you marked a {'similar request' if entry.kind != WORK_KIND else similar} {_when(entry)} "
               f"as {entry.scope_item or 'in scope'}, {cite}")
        return replace(finding, verdict="in_scope", category=None, confidence=0.8, review=False, learned=entry.id,
                       explanation=why, **item_fields)
    label = entry.category + (f", {entry.scope_item}" if entry.scope_item else "")
    request = "a similar request" if entry.kind != WORK_KIND else similar
    return replace(finding, verdict="out_of_scope", category=entry.category, confidence=0.85, review=False,
                   learned=entry.id, explanation=f"out of scope: you confirmed {request} {_when(entry)} as {label}, {cite}",
                   **item_fields)


def words_of_text(text: str, language: str) -> tuple[str, ...]:
    """Work words of a stored request sentence without its parse, for findings stored before the
    ledger learned: the same filters as `work_words` except the asking cue, which only the rules know."""
    import re

    from spacy.util import get_lang_class

    lang = lexicon()[language] if language in ("en", "nl") else lexicon()["en"]
    stops = get_lang_class(language if language in ("en", "nl") else "en").Defaults.stop_words
    table = lemma_table(language if language in ("en", "nl") else "en")
    out: list[str] = []
    for n, m in enumerate(re.finditer(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)):
        word = m.group(0)
        low = word.lower()
        if len(word) < 3 or (low in stops and low not in lang.learned_work_words) or (n and word[:1].isupper() and not word.isupper()):
            continue
        if low in lexicon().every.months or low in lang.weekdays or low in lang.numbers or low in lang.ordinals:
            continue
        out.append(table.get(low, low).lower())
    return tuple(dict.fromkeys(out))
