"""Finds the agreement's terms in a message: case-insensitive, on word boundaries, on lemmas and
on simple plural forms, multi-word terms included. One PhraseMatcher pair per agreement version.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from scopewatch.agreement.model import Agreement, ScopeItem
from scopewatch.detect.nlp import lemma_table, lemmatize
from scopewatch.words import lexicon

_NL_LONG_VOWELS = ("aa", "ee", "oo", "uu")


@dataclass(frozen=True)
class TermHit:
    item: ScopeItem
    term: str  # the agreement's term that matched
    text: str  # what the client wrote
    start: int  # token offsets in the doc
    end: int
    compound: bool = False  # matched as the head of a Dutch compound ("productfoto" -> "foto")


def longest_first(hits: list) -> list:
    """The hits (with .start/.end token offsets) that no longer hit overlaps; hits on exactly the
    same tokens are all kept. Linear: kept hits never overlap each other unless they are equal, so
    each token remembers the one span covering it."""
    hits = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    owner: dict[int, tuple[int, int]] = {}
    kept = []
    for h in hits:
        span = (h.start, h.end)
        if all(owner.get(i, span) == span for i in range(h.start, h.end)):
            kept.append(h)
            for i in range(h.start, h.end):
                owner[i] = span
    return kept


def _en_forms(word: str) -> set[str]:
    forms = {word, word + "s", word + "es"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms.add(word[:-1] + "ies")
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
    if word.endswith("f"):
        forms.add(word[:-1] + "ves")
    return forms


def _nl_forms(word: str) -> set[str]:
    forms = {word, word + "s", word + "'s", word + "en", word + "n", word + "tje", word + "je", word + "tjes", word + "jes"}
    if len(word) > 3 and word[-1] not in "aeiou" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms.add(word + word[-1] + "en")  # bed -> bedden
    for v in _NL_LONG_VOWELS:
        if word[-3:-1] == v:
            forms.add(word[:-3] + v[0] + word[-1] + "en")  # muur -> muren, raam -> ramen
    if word.endswith("'s"):
        forms.add(word[:-2])
    for suffix in ("en", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.add(word[: -len(suffix)])
    if word.endswith("en") and len(word) > 4 and word[-3] not in "aeiou" and word[-4] in "aeiou":
        stem = word[:-2]
        forms.add(stem[:-1] + stem[-2] + stem[-1])  # muren -> muur
    return forms


def term_forms(term: str, language: str) -> set[str]:
    """The written forms of a term: itself plus plural/singular of its last word."""
    term = " ".join(term.lower().split())
    head, _, last = term.rpartition(" ")
    forms = _nl_forms(last) if language == "nl" else _en_forms(last)
    return {f"{head} {f}" if head else f for f in forms}


def _lemma_table(nlp: Language):
    try:
        return lemma_table(nlp.lang)
    except Exception:  # a language without lookup data: no compound check
        return None


def _same_head(lemma: str, term: str) -> bool:
    lemma, term = lemma.lower(), term.lower()
    return any(lemma.endswith(f) for f in term_forms(term, "nl"))


def _terms_with_unit(item: ScopeItem) -> list[str]:
    """The clause's terms plus the unit its limit counts in ("revision round" -> also "round"):
    that is the word a client uses when she counts ("we've had our two rounds")."""
    terms = list(item.terms)
    unit = item.limit.unit if item.limit and item.limit.unit else None
    # A limit in hours or days counts time, not something a client names when she asks for work.
    if unit and unit.split()[-1].lower() not in lexicon().every.time_units:
        for extra in (unit, unit.split()[-1]):
            if len(extra) >= 3 and extra.lower() not in (t.lower() for t in terms):
                terms.append(extra)
    return terms


class _Tokens:
    """The lower-case tokens spaCy's tokenizer makes of a text, without running it on plain words.
    The tokenizer treats each whitespace-separated chunk on its own, and a chunk no special case,
    prefix, suffix or infix rule applies to stays one token; only the other chunks go through it."""

    def __init__(self, nlp: Language):
        tok = nlp.tokenizer
        self._nlp = nlp
        self._rules = getattr(tok, "rules", None) or {}
        self._prefix, self._suffix, self._infix = tok.prefix_search, tok.suffix_search, tok.infix_finditer
        self._cache: dict[str, tuple[str, ...]] = {}

    def _chunk(self, chunk: str) -> tuple[str, ...]:
        out = self._cache.get(chunk)
        if out is None:
            # Letters only: no prefix, suffix or infix rule applies (they all need punctuation or digits).
            plain = chunk not in self._rules and (chunk.isalpha() or not (self._prefix and self._prefix(chunk))) \
                and (chunk.isalpha() or not (self._suffix and self._suffix(chunk))
                     and not (self._infix and next(self._infix(chunk), None)))
            out = (chunk.lower(),) if plain else tuple(t.lower_ for t in self._nlp.make_doc(chunk))
            self._cache[chunk] = out
        return out

    def chunks(self, chunks: list[str]) -> tuple[str, ...]:
        if len(chunks) == 1:
            out = self._cache.get(chunks[0])
            return out if out is not None else self._chunk(chunks[0])
        return tuple(t for chunk in chunks for t in self._chunk(chunk))


class TermMatcher:
    """Matches every term of one agreement in docs of one language.

    Terms are kept as token tuples in two dicts (written forms, lemmas) and looked up at each
    token of the spans searched: building it is one pass over the terms, with spaCy's tokenizer
    called only for terms with punctuation, digits or tokenizer exceptions, so a 60,000-term
    agreement compiles in well under a second (a PhraseMatcher took ~0.25 ms per term)."""

    def __init__(self, nlp: Language, agreement: Agreement, language: str):
        self.language = language
        self._nlp = nlp
        self.items: dict[str, ScopeItem] = {}
        self._forms: dict[tuple[str, ...], list[tuple[ScopeItem, str]]] = {}
        self._lemmas: dict[tuple[str, ...], list[tuple[ScopeItem, str]]] = {}
        self._lengths: set[int] = set()
        self._heads: dict[str, tuple[ScopeItem, str]] = {}
        table = lemma_table(nlp.lang) if "lemmatizer" not in nlp.pipe_names else None
        tokens = _Tokens(nlp)
        forms_of = _nl_forms if language == "nl" else _en_forms
        last_forms: dict[str, list[tuple[str, ...]]] = {}  # a last word's forms, as tokens: asked once
        lemma_of: dict[str, str] = {}
        forms, lemmas_table, lengths = self._forms, self._lemmas, self._lengths

        for item in agreement.items():
            self.items[item.id] = item
            for term in _terms_with_unit(item):
                entry = (item, term)
                chunks = term.lower().split()
                if not chunks:
                    continue
                # term_forms varies the last word only: the words before it are tokenized once,
                # and the forms of a last word many terms share are made once.
                last = chunks[-1]
                endings = last_forms.get(last)
                if endings is None:
                    endings = last_forms[last] = [tokens.chunks([f]) for f in sorted(forms_of(last))]
                head = tokens.chunks(chunks[:-1]) if len(chunks) > 1 else ()
                for ending in endings:
                    key = head + ending
                    found = forms.get(key)
                    if found is None:
                        forms[key] = [entry]
                        lengths.add(len(key))
                    else:
                        found.append(entry)
                words = head + tokens.chunks([last])
                if table is not None:
                    lemma = []
                    for w in words:
                        lw = lemma_of.get(w)
                        if lw is None:
                            lw = lemma_of[w] = (table.get(w) or w).lower()
                        lemma.append(lw)
                    words = tuple(lemma)
                lemmas_table.setdefault(words, []).append(entry)
                lengths.add(len(words))
                if language == "nl" and " " not in term.strip():
                    for f in term_forms(term, language):
                        if len(f) >= 4:
                            self._heads.setdefault(f, entry)

    def _lookups(self, doc: Doc, starts, budget):
        """(start, end, item, term) for every term at a token where a searched span starts one."""
        n = len(doc)
        lengths = sorted(self._lengths)
        lower = [t.lower_ for t in doc]
        lemma = [t.lemma_ for t in doc]
        for i in starts:
            if budget is not None:
                budget.tick("finding the agreement's terms")
            for size in lengths:
                if i + size > n:
                    break
                for table, words in ((self._forms, lower), (self._lemmas, lemma)):
                    found = table.get(tuple(words[i:i + size]))
                    if found:
                        for item, term in found:
                            yield i, i + size, item, term

    def _lemmatize(self, doc: Doc, spans) -> None:
        for span in spans if spans is not None else [doc]:
            lemmatize(self._nlp, span)

    def find(self, doc: Doc, spans=None, budget=None) -> list[TermHit]:
        """All term hits in a whole doc (or in these spans of it), longest first where two overlap
        ('living room' beats 'room'); `budget` (detect/budget.py) bounds the work.

        Always called on a Doc: spaCy's Matcher and PhraseMatcher disagree on offsets for Spans.
        """
        hits: dict[tuple[int, int, str], TermHit] = {}
        self._lemmatize(doc, spans)
        inside = range(len(doc)) if spans is None else sorted({i for s in spans for i in range(s.start, s.end)})
        for start, end, item, term in self._lookups(doc, inside, budget):
            hits.setdefault((start, end, item.id), TermHit(item, term, doc[start:end].text, start, end))
        if self._heads:
            table = _lemma_table(self._nlp)
            prefixes = lexicon()[self.language].ordered["verb_prefixes"]
            for i in inside:
                tok = doc[i]
                if budget is not None:
                    budget.tick("finding the agreement's terms")
                low = tok.lower_
                if len(low) < 7:
                    continue
                # The head of a Dutch compound is its last part: try each suffix of 4+ letters
                # that leaves a modifier of 3+ letters in front.
                for cut in range(3, len(low) - 3):
                    found = self._heads.get(low[cut:])
                    if found is not None:
                        item, term = found
                        known = table.get(low) if table is not None else None
                        if known is not None and not _same_head(known, term):
                            # A word of its own, not a compound: "facturen" is factuur, not f-act-uren.
                            break
                        if known is None and low.endswith("en") and low.startswith(prefixes):
                            break  # "versturen" is a verb, not a kind of "uren"
                        key = (tok.i, tok.i + 1, item.id)
                        hits.setdefault(key, TermHit(item, term, tok.text, tok.i, tok.i + 1, compound=True))
                        break
        # Two clauses may share a word: keep both only when they cover the same tokens.
        kept = sorted(longest_first(list(hits.values())), key=lambda h: h.start)
        return budget.cap(kept, "candidate spans") if budget is not None else kept
