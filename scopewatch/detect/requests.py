"""Runs the request rules of one language over a doc and scores each sentence: a sentence whose
rules add up to the request threshold is a request, and the roles that fired tell the judge how."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from types import SimpleNamespace

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from scopewatch.detect.budget import Budget
from scopewatch.detect.regex_safety import compile_rule_regex
from scopewatch.detect.rules import Rule
from scopewatch.errors import DetectionTimeout

REQUEST_THRESHOLD = 1.0
UNION_SECONDS = 0.05  # the joined ask regexes take well under a millisecond on a sentence
_MARKER = re.compile(r"^([-*•–·>]|\d{1,2}[.)])$")
ASKING = ("ask", "adjust")


@dataclass
class Fired:
    rule: Rule
    start: int  # token offsets in the doc (regex hits are mapped to tokens)
    end: int


@dataclass
class Sentence:
    span: Span
    fired: list[Fired] = field(default_factory=list)
    item: bool = False  # follows a list marker ("-", "2.")

    @property
    def rules(self) -> list[Rule]:
        seen: dict[str, Rule] = {}
        for f in self.fired:
            seen.setdefault(f.rule.id, f.rule)
        return list(seen.values())

    @property
    def score(self) -> float:
        return sum(r.score for r in self.rules)

    def roles(self) -> set[str]:
        return {r.role for r in self.rules}

    def fired_role(self, role: str) -> list[Fired]:
        return [f for f in self.fired if f.rule.role == role]

    @property
    def is_request(self) -> bool:
        rules = self.rules
        return self.score >= REQUEST_THRESHOLD and any(r.role in ASKING and r.score > 0 for r in rules)

    @property
    def adjust_only(self) -> bool:
        """Feedback on work already made ("the logo should be bigger"), with no other ask."""
        roles = self.roles()
        # Being an item of a requested list says nothing about what kind of request it is.
        return "adjust" in roles and not any(r.role == "ask" and r.score > 0 and r.kind != "list_after" for r in self.rules)


def _union(rules: list[Rule]) -> SimpleNamespace | None:
    """The rules' regexes as one alternation, to tell quickly that none of them matches; None when
    they cannot be joined (group names used twice)."""
    if not rules:
        return None
    try:
        compiled = compile_rule_regex("|".join(f"(?:{r.pattern})" for r in rules))
    except Exception:  # regex.error: a name defined twice; each rule then runs alone
        return None
    return SimpleNamespace(id=",".join(r.id for r in rules), compiled=compiled)


class RequestFinder:
    """All request rules of one language, compiled once into a Matcher, a PhraseMatcher and regexes."""

    def __init__(self, nlp: Language, rules: list[Rule]):
        self.rules = {r.id: r for r in rules}
        self._tokens = Matcher(nlp.vocab)
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._regexes: list[Rule] = []
        # Dutch writes compounds as one word ("evaluatieformulier", "Facebookpagina"): work words
        # also match as the head (end) of a longer word, and long ones as its first part.
        self._compound_heads: dict[str, Rule] = {}
        self._compound_mods: dict[str, Rule] = {}
        if nlp.lang == "nl":
            for rule in rules:
                if rule.kind == "phrases" and rule.role == "work":
                    for p in rule.pattern:
                        p = p.lower()
                        if " " not in p and len(p) >= 4:
                            self._compound_heads.setdefault(p, rule)
                            if len(p) >= 6:
                                self._compound_mods.setdefault(p, rule)
        for rule in rules:
            if rule.kind == "tokens":
                self._tokens.add(rule.id, rule.pattern)
            elif rule.kind == "phrases":
                self._phrases.add(rule.id, [nlp.make_doc(p.lower()) for p in rule.pattern])
            elif rule.kind == "regex":
                self._regexes.append(rule)
        self._list_rules = [r for r in rules if r.kind == "list_after"]
        self._subject_regexes = [r for r in self._regexes if r.part == "subject"]
        self._regexes = [r for r in self._regexes if r.part != "subject"]
        self._ask_regexes = [r for r in self._regexes if r.role in ASKING and r.score > 0]
        self._cue_regexes = [r for r in self._regexes if not (r.role in ASKING and r.score > 0)]
        self._any_ask = _union(self._ask_regexes)

    def _matches(self, doc: Doc) -> list[Fired]:
        # Always on a whole Doc: spaCy's matchers disagree on offsets for Spans.
        strings = doc.vocab.strings
        fired = [
            Fired(self.rules[strings[match_id]], start, end)
            for matcher in (self._tokens, self._phrases)
            for match_id, start, end in matcher(doc)
        ]
        if self._compound_heads:
            fired.extend(self._compounds(doc))
        return fired

    def _compounds(self, doc: Doc) -> list[Fired]:
        found = []
        for tok in doc:
            low = tok.lower_
            if len(low) < 8 or not tok.is_alpha:
                continue
            rule = None
            for cut in range(3, len(low) - 3):
                rule = self._compound_heads.get(low[cut:])
                if rule is not None:
                    break
            if rule is None:
                for cut in range(len(low) - 3, 5, -1):
                    rule = self._compound_mods.get(low[:cut])
                    if rule is not None:
                        break
            if rule is not None:
                found.append(Fired(rule, tok.i, tok.i + 1))
        return found

    def sentences(self, doc: Doc, budget: Budget | None = None, *, subject: bool = False) -> list[Sentence]:
        """The doc's sentences with the rules that fired in each. Regex rules share `budget` (one
        per message; a fresh one when not given) and raise DetectionTimeout when it runs out.
        `subject`: the doc is the subject of a short mail, so the subject rules are read too."""
        budget = budget or Budget()
        sents = []
        item = False
        for s in budget.sentences(doc.sents, "subject" if subject else "text"):
            text = s.text.strip()
            if not text:
                continue
            if _MARKER.match(text):
                item = True  # the next sentence is a list item
                continue
            sentence = Sentence(s)
            sentence.item = item
            sents.append(sentence)
            item = False
        if not sents:
            return sents
        starts = [s.span.start for s in sents]
        for f in self._matches(doc):
            # A pattern may look at the word before it ("not after 'ik'"): the match belongs to
            # the sentence of its last token.
            sents[bisect_right(starts, f.end - 1) - 1].fired.append(f)
        if self._list_rules:
            self._list_items(sents, budget)
        if self._regexes or subject:
            for s in sents:
                budget.tick("matching the rules")
                text = s.span.text
                # One search for all ask regexes first: most sentences ask nothing, and one call costs
                # a fraction of thirty.
                if self._may_ask(text, budget):
                    self._search(s, text, self._ask_regexes, budget)
                if subject:
                    self._search(s, text, self._subject_regexes, budget)
                # Cue regexes only matter in a sentence that asks for something: skipping the rest
                # saves most of the regex time on long mails.
                if any(f.rule.role in ASKING and f.rule.score > 0 for f in s.fired):
                    self._search(s, text, self._cue_regexes, budget)
        return sents

    def _may_ask(self, text: str, budget: Budget) -> bool:
        """Whether any ask regex may match (the joined search), True when unsure. A joined search
        that is slow holds a slow rule: from then on each rule runs alone, so the budget names the
        slow one alone instead of all of them."""
        if self._any_ask is None or any(r.id in budget.off for r in self._ask_regexes):
            return True
        try:
            return bool(budget.search(self._any_ask, text, limit=UNION_SECONDS))
        except DetectionTimeout:
            if budget.regex_spent >= budget.regex_seconds:
                raise  # the message's whole budget is gone, not only this search's share
            self._any_ask = None
            return True

    def _list_items(self, sents: list[Sentence], budget: Budget) -> None:
        """Bullet or numbered items under a line that introduces a list of requests."""
        active: Rule | None = None
        for s in sents:
            if active is not None and s.item:
                s.fired.append(Fired(active, s.span.start, s.span.start + 1))
                continue
            active = next((r for r in self._list_rules if budget.search(r, s.span.text.strip())), None)

    @staticmethod
    def _search(s: Sentence, text: str, rules: list[Rule], budget: Budget) -> None:
        for rule in rules:
            m = budget.search(rule, text)
            if m:
                span = s.span.char_span(m.start(), m.end(), alignment_mode="expand")
                start, end = (span.start, span.end) if span is not None else (s.span.start, s.span.end)
                s.fired.append(Fired(rule, start, end))

    def fires(self, rule_id: str, doc: Doc) -> bool:
        """Whether one rule fires anywhere in the doc: the rule examples test uses this."""
        rule = self.rules[rule_id]
        if rule.kind == "list_after":
            return any(f.rule.id == rule_id for s in self.sentences(doc) for f in s.fired)
        if rule.kind == "regex":
            budget = Budget()
            return any(budget.search(rule, s.text) for s in doc.sents)
        return any(f.rule.id == rule_id for f in self._matches(doc))
