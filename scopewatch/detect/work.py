"""Finds the kind of work a text asks for, using the work catalogue: each catalogue word found in
a request sentence is weighed by its role (name, object, action, hint) and by whether it is the
thing asked for or only context ("for each episode", "in Exact"). Agreement items get their kinds
from the same words (detect/links.py) unless the VA wrote `kinds:` herself.

Compiled once per process and language (`WorkMatcher.get`), never per agreement or message.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from scopewatch.catalogue import Catalogue, Kind
from scopewatch.detect.nlp import lemma_table, lemmatize
from scopewatch.detect.terms import longest_first, term_forms

# How much one word says about the work asked for. An action alone names no work ("shift" is a
# calendar word only next to a time); the first action after the request cue is the verb of the
# request, and the first thing after it is its object.
WEIGHT = {"names": 3.0, "objects": 2.0, "actions": 1.0, "hints": 0.5}
CONTEXT_FACTOR = 0.25  # a thing after "for", "in", "on each": it only says where or for what
LEAD_ACTION = 2.0  # the verb of the request
LEAD_OBJECT = 0.5  # the first thing asked for after the cue
PAIR = 1.5  # an action of the kind next to its object
HINT_PAIR = 1.0  # an action of the kind next to one of its hints ("move ... to 3 pm")
_LIST_WORDS = {",", "and", "or", "&", "en", "of", "/"}
LEAD_WINDOW = 5  # how far after the request cue its verb may stand
FOUND_AT = 2.0  # least score for a kind to be the work asked for


@dataclass(frozen=True)
class WordHit:
    kind: str
    role: str  # names, objects, actions, hints, qualifiers
    start: int
    end: int
    text: str
    compound: bool = False


@dataclass
class WorkAsked:
    """The kind of work one request sentence asks for, with the words that showed it."""

    kind: Kind
    score: float
    action: str | None  # the client's verb for it ("chase"), when one was found
    object: str | None  # the client's word for the thing ("payment reminder")
    words: list[str]
    narrower: list[Kind] = field(default_factory=list)  # refinements named in the sentence ("holiday")
    context: list[str] = field(default_factory=list)  # words that only gave context
    start: int = 0  # first token of the evidence
    action_start: int | None = None  # where the kind's verb stands, when it is the request's verb
    named: bool = False  # the work is named ("credit control") or its verb stands with its object
    tokens: frozenset[int] = frozenset()  # the tokens of the evidence
    verbs: frozenset[int] = frozenset()  # tokens of multi-word actions ("fill in"): no prepositions
    things: tuple[str, ...] = ()  # the client's words for the things asked for, lower case

    @property
    def rule_id(self) -> str:
        return f"KIND:{self.kind.id}"

    @property
    def what(self) -> str:
        """The client's words for the work, for explanations and drafts."""
        if self.action and self.object:
            return f"{self.action} {self.object}"
        return self.object or self.action or self.kind.name


def _en_verb_forms(verb: str) -> set[str]:
    head, _, rest = verb.partition(" ")
    tail = f" {rest}" if rest else ""
    forms = {head, head + "s", head + "es", head + "ed", head + "d", head + "ing"}
    if head.endswith("e"):
        forms |= {head[:-1] + "ing", head + "d"}
    if head.endswith("y") and len(head) > 2 and head[-2] not in "aeiou":
        forms |= {head[:-1] + "ies", head[:-1] + "ied"}
    if len(head) >= 3 and head[-1] not in "aeiouwy" and head[-2] in "aeiou" and head[-3] not in "aeiou":
        forms |= {head + head[-1] + "ed", head + head[-1] + "ing"}  # cut -> cutting
    return {f + tail for f in forms}


def _nl_verb_forms(verb: str) -> set[str]:
    words = verb.split()
    head = words[-1]  # Dutch puts the infinitive last: "achteraan zitten"
    lead = " ".join(words[:-1])
    forms = {head}
    if head.endswith("en") and len(head) > 4:
        stem = head[:-2]
        if len(stem) >= 2 and stem[-1] == stem[-2]:
            stem = stem[:-1]  # zetten -> zet
        elif len(stem) >= 3 and stem[-2] in "aeiou" and stem[-3] not in "aeiou" and stem[-1] not in "aeiou":
            stem = stem[:-1] + stem[-2] + stem[-1]  # maken -> maak, sturen -> stuur
        if stem.endswith("z"):
            stem = stem[:-1] + "s"
        if stem.endswith("v"):
            stem = stem[:-1] + "f"
        # Present and participle only: every extra form is a new vocabulary entry at start-up, and
        # the lemma table covers the rest of the verbs it knows.
        forms |= {stem, stem + "t", "ge" + stem + "t", "ge" + stem + "d"}
    return {f"{lead} {f}" if lead else f for f in forms}


def _forms(phrase: str, role: str, language: str) -> set[str]:
    if role == "actions":
        return _nl_verb_forms(phrase) if language == "nl" else _en_verb_forms(phrase)
    # Plurals only: the catalogue lists both forms where the singular means something else
    # ("books" is bookkeeping, "book" is a verb); no Dutch diminutives, which the catalogue
    # lists where clients use them ("fotootje").
    forms = {f for f in term_forms(phrase, language) if len(f) >= len(phrase)}
    if language == "nl":
        forms = {f for f in forms if f == phrase or not f.endswith(("je", "jes", "n'", "'n")) and not (f.endswith("n") and not f.endswith("en"))}
    return forms


def _phrase_doc(nlp: Language, phrase: str) -> Doc:
    """A phrase as the tokenizer would split it; plain words skip the tokenizer's affix rules,
    which cost most of the catalogue's start-up."""
    words = phrase.split()
    if all(w.isalpha() for w in words):
        return Doc(nlp.vocab, words=words)
    return nlp.make_doc(phrase)


_NL_VERB_PREFIXES = ("ver", "be", "ge", "ont", "her", "op", "af", "aan", "uit", "toe", "mee", "door", "over", "onder", "na", "weg", "in", "om", "bij", "terug")


class WorkMatcher:
    """Every word of the catalogue for one language, in one PhraseMatcher pair."""

    _cache: dict[tuple, "WorkMatcher"] = {}
    _lock = threading.Lock()

    @classmethod
    def get(cls, nlp: Language, catalogue: Catalogue) -> "WorkMatcher":
        key = (catalogue.key, id(catalogue), nlp.lang, id(nlp))
        m = cls._cache.get(key)
        if m is None:
            with cls._lock:
                m = cls._cache.get(key)
                if m is None:
                    m = cls._cache[key] = cls(nlp, catalogue)
        return m

    def __init__(self, nlp: Language, catalogue: Catalogue):
        self.nlp = nlp
        self.language = lang = nlp.lang
        self.catalogue = catalogue
        self.context_before = catalogue.context_before.get(lang, frozenset())
        self.skip_before = catalogue.skip_before.get(lang, frozenset())
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self._keys: dict[str, tuple[str, str]] = {}
        self._heads: dict[str, list[tuple[str, str]]] = {}
        self.action_kinds: dict[str, set[str]] = {}
        self._owner_cache: dict[str, set[str]] = {}
        for kind in catalogue.kinds.values():
            words = kind.words.get(lang)
            if words is None:
                continue
            for role in ("names", "objects", "actions", "hints", "qualifiers"):
                phrases = getattr(words, role)
                if not phrases:
                    continue
                key = f"{kind.id}|{role}"
                self._keys[key] = (kind.id, role)
                # A verb form that is also a little word ("in" from "innen") would fire everywhere.
                little = self.context_before | self.skip_before
                forms = sorted({f for p in phrases for f in _forms(p, role, lang) if f == p or (len(f) >= 3 and f not in little)})
                self._lower.add(key, [_phrase_doc(nlp, f) for f in forms])
                if role == "actions":
                    # Verbs also by lemma ("stuurt", "chased"); things only by their written forms,
                    # since a lemma turns "filing" into "file" and "posts" into the verb "post".
                    lemma_docs = []
                    for p in phrases:
                        d = nlp.make_doc(p)
                        lemmatize(nlp, d)
                        lemma_docs.append(d)
                    self._lemma.add(key, lemma_docs)
                if role == "actions":
                    for p in phrases:
                        self.action_kinds.setdefault(p, set()).add(kind.id)
                if lang == "nl" and role in ("names", "objects"):
                    # Dutch compounds: "tankbonnen" is a kind of "bon", "betalingsherinnering" a "herinnering".
                    for p in phrases:
                        if " " not in p and len(p) >= 4:
                            for f in term_forms(p, "nl"):
                                if len(f) >= max(4, len(p)):
                                    self._heads.setdefault(f, []).append((kind.id, role))

    # --- words ------------------------------------------------------------------------------
    def words(self, doc: Doc, spans=None, budget=None) -> list[WordHit]:
        """Catalogue words in the doc (or in these spans of it), longest first where they overlap;
        `budget` (detect/budget.py) bounds the work."""
        if spans is None:
            lemmatize(self.nlp, doc)
        else:
            for s in spans:
                lemmatize(self.nlp, s)
        found: dict[tuple[int, int, str, str], WordHit] = {}
        strings = doc.vocab.strings
        tick = budget.tick if budget is not None else (lambda where=None: None)
        inside = None if spans is None else {i for s in spans for i in range(s.start, s.end)}
        for matcher in (self._lower, self._lemma):
            for match_id, start, end in matcher(doc):
                tick("finding the kind of work")
                if inside is not None and start not in inside:
                    continue
                kind, role = self._keys[strings[match_id]]
                found.setdefault((start, end, kind, role), WordHit(kind, role, start, end, doc[start:end].text))
        if self._heads:
            table = lemma_table(self.language)
            covered = {i for (s, e, _, _) in found for i in range(s, e)}
            # Only the request sentences: a Python loop over every token of a long mail costs.
            for tok in (t for s in spans for t in s) if spans is not None else doc:
                tick("finding the kind of work")
                low = tok.lower_
                if len(low) < 7 or not tok.is_alpha or tok.i in covered:
                    continue
                for cut in range(3, len(low) - 3):
                    heads = self._heads.get(low[cut:])
                    if heads is None:
                        continue
                    known = table.get(low)
                    if known is None and low.endswith("en") and low.startswith(_NL_VERB_PREFIXES):
                        break  # "versturen" is a verb, not a kind of "uren"
                    for kind, role in heads:
                        found.setdefault((tok.i, tok.i + 1, kind, role), WordHit(kind, role, tok.i, tok.i + 1, tok.text, True))
                    break
        # A word may be both a verb and a thing of one kind ("link", "post"): it counts as both,
        # but only once per role.
        hits = list(found.values())
        if inside is not None:
            hits = [h for h in hits if h.start in inside]
        # Longest wins: "unpaid invoice" is credit control, not invoicing.
        kept = sorted(longest_first(hits), key=lambda h: (h.start, h.kind))
        return budget.cap(kept, "candidate spans") if budget is not None else kept

    def is_context(self, doc: Doc, hit: WordHit, floor: int, verbs: frozenset[int] = frozenset()) -> bool:
        """Whether a thing stands after a preposition or "each": "for each episode", "in Exact",
        also further down a list that follows it ("with reach, followers and best posts").

        `verbs` are the tokens of actions found: "look after our socials" is no context."""
        i = hit.start - 1
        steps = 0
        while i >= floor and steps < 8:
            tok = doc[i]
            low = tok.lower_
            if low in self.context_before and i not in verbs:
                return True
            if low in _LIST_WORDS:
                steps += 1
                i -= 1
                # the list item before the comma: skip one or two words of it
                for _ in range(2):
                    if i >= floor and doc[i].is_alpha and doc[i].lower_ not in self.context_before:
                        i -= 1
                continue
            if low not in self.skip_before:
                return False
            i -= 1
            steps += 1
        return False

    # --- a request sentence -----------------------------------------------------------------
    def asked(self, span: Span, hits: list[WordHit], cue_end: int | None = None, stop: int | None = None,
              budget=None) -> WorkAsked | None:
        """The kind of work this sentence asks for, or None when the catalogue names none.

        `cue_end` is where the request cue ends ("could you" ...), `stop` where a subordinate
        clause starts ("... when you're done with the hallway")."""
        doc = span.doc
        stop = span.end if stop is None else stop
        cue = span.start if cue_end is None else cue_end
        hits = [h for h in hits if span.start <= h.start < stop]
        if not hits:
            return None
        kinds = self.catalogue.kinds
        score: dict[str, float] = {}
        has_thing: set[str] = set()
        context_words: dict[str, list[str]] = {}
        verbs = frozenset(i for h in hits if h.role == "actions" and h.end - h.start > 1 for i in range(h.start, h.end))
        ctx = {id(h): self.is_context(doc, h, span.start, verbs) for h in hits if h.role != "actions"}
        things = [h for h in hits if h.role in ("names", "objects") and not ctx[id(h)]]
        first_thing = min((h.start for h in things if h.start >= cue), default=None)
        if first_thing is None:
            first_thing = min((h.start for h in things), default=None)
        actions = [h for h in hits if h.role == "actions"]
        # The verb of the request stands right after its cue ("could you | chase ...").
        lead_at = min((h.start for h in actions if cue <= h.start <= cue + LEAD_WINDOW), default=None)
        if self.language == "nl" and actions and not any(h.start == span.start for h in actions):
            # "Kun je de post van vrijdag boosten?": a Dutch question puts the verb last; only an
            # imperative ("Boek de bonnen ...") starts with it.
            lead_at = max(h.start for h in actions)
        for h in hits:
            if h.role == "qualifiers":
                continue
            w = WEIGHT[h.role]
            if h.role != "actions" and ctx[id(h)]:
                w *= CONTEXT_FACTOR
                context_words.setdefault(h.kind, []).append(h.text)
            elif h.role in ("names", "objects"):
                has_thing.add(h.kind)
                if h.start == first_thing:
                    w += LEAD_OBJECT
            elif h.role == "actions" and h.start == lead_at:
                w += LEAD_ACTION
            score[h.kind] = score.get(h.kind, 0.0) + w
        paired: set[str] = set()
        # Only hits within 8 tokens of an action can pair with it: look them up by position, in
        # the hits' own order (a list of every hit per action was quadratic in a long sentence).
        by_start = sorted(range(len(hits)), key=lambda n: hits[n].start)
        starts = [hits[n].start for n in by_start]
        for a in actions:
            if budget is not None:
                budget.tick("finding the kind of work")
            window = sorted(by_start[bisect_left(starts, a.start - 8):bisect_right(starts, a.start + 8)])
            for h in (hits[n] for n in window):
                if h.kind != a.kind or (h.start, h.end) == (a.start, a.end):
                    continue
                if h.role in ("names", "objects") and not ctx[id(h)]:
                    score[a.kind] += PAIR
                    paired.add(a.kind)
                    break
                if h.role == "hints" or (h.role in ("names", "objects") and ctx[id(h)]):
                    score[a.kind] += HINT_PAIR
                    has_thing.add(a.kind)  # "move the 10 o'clock": a verb with its time is calendar work
                    break
        lead = [h for h in actions if h.start == lead_at]
        for a in lead:
            # A verb only one kind uses ("boost", "retouch", "translate") makes the request that
            # work, whatever thing it is done to: "boost the post" is advertising.
            if a.kind in has_thing or len(self.action_kinds.get(a.text.lower(), self._owners(a))) != 1:
                continue
            if self.language == "nl" and a.start != span.start:
                near = [h for h in things if 0 <= a.start - h.end <= 6]  # "... de post boosten"
            else:
                near = [h for h in things if 0 <= h.start - a.end <= 4]  # "boost the post"
            if near:
                # It makes the kind a candidate, not a sure one: "renew the parking permit".
                score[a.kind] += PAIR
                has_thing.add(a.kind)
        candidates = [(s, k) for k, s in score.items() if k in has_thing and s >= FOUND_AT]
        if not candidates:
            return None
        best_score, best = max(candidates, key=lambda c: (c[0], -min(h.start for h in hits if h.kind == c[1])))
        kind = kinds[best]
        mine = [h for h in hits if h.kind == best]
        action = next((h.text for h in mine if h.role == "actions"), None)
        obj = next((h.text for h in mine if h.role in ("names", "objects") and not ctx[id(h)]), None)
        quals = {h.kind for h in hits if h.role == "qualifiers"}
        family = set(self.catalogue.ancestors(best))
        narrower = [kinds[q] for q in sorted(quals) if q != best and set(kinds[q].broader) & family]
        ev = [h.text for h in mine if h.role != "qualifiers"]
        named = any(h.role == "names" and not ctx[id(h)] for h in mine) or best in paired
        lead_here = next((h.start for h in mine if h.role == "actions" and h.start == lead_at), None)
        return WorkAsked(
            kind=kind, score=round(best_score, 2), action=action, object=obj, words=ev, narrower=narrower,
            context=[w for k, ws in context_words.items() if k != best for w in ws],
            start=min(h.start for h in mine), action_start=lead_here, named=named,
            tokens=frozenset(i for h in mine if h.role != "qualifiers" for i in range(h.start, h.end)), verbs=verbs,
            things=tuple(h.text.lower() for h in mine if h.role in ("names", "objects") and not ctx[id(h)]),
        )

    def asked_in(self, text: str) -> WorkAsked | None:
        """The kind of work a piece of text asks for (the catalogue's examples use this)."""
        doc = self.nlp(text)
        return self.asked(doc[:], self.words(doc))

    def _owners(self, hit: WordHit) -> set[str]:
        """The kinds whose actions include the verb of this hit ("chased" -> chase)."""
        word = hit.text.lower()
        got = self._owner_cache.get(word)
        if got is None:
            got = {k for p, ks in self.action_kinds.items() for k in ks if word in _forms(p, "actions", self.language)}
            if not got:  # matched by its lemma only
                got = {hit.kind}
            self._owner_cache[word] = got
        return got

def asks_for(work: WorkAsked | None, kind_id: str) -> bool:
    """Whether the work found is this kind, one narrower than it, or refined to it."""
    if work is None:
        return False
    return kind_id in work.kind.broader or work.kind.id == kind_id or any(n.id == kind_id for n in work.narrower)


def example_problems(catalogue: Catalogue, pipelines) -> list:
    """One problem per catalogue example that is not read as its kind says (`rules lint` and
    the test suite run these)."""
    from scopewatch.errors import Problem

    out = []
    for lang in ("en", "nl"):
        matcher = WorkMatcher.get(pipelines.get(lang), catalogue)
        for kind in catalogue.kinds.values():
            for text in kind.match_examples.get(lang, ()):
                work = matcher.asked_in(text)
                if not asks_for(work, kind.id):
                    got = f"reads as {work.kind.id}" if work else "finds no kind of work"
                    out.append(Problem(kind.source, f"{kind.id}.examples.{lang}.match", f"{got}: {text!r}", kind.line))
            for text in kind.no_match_examples.get(lang, ()):
                if asks_for(matcher.asked_in(text), kind.id):
                    out.append(Problem(kind.source, f"{kind.id}.examples.{lang}.no_match", f"reads as this kind but should not: {text!r}", kind.line))
    return out
