"""Regex rules that cannot hang detection: a static look at each pattern for the shapes that make a
backtracking matcher take exponential time (rejected in `rules lint` and at load, with the reason);
the rest run under a per-message matching budget with the `regex` module's timeout (detect/budget.py;
the standard library's `re` can neither be interrupted nor release the GIL while it matches)."""

from __future__ import annotations

import re
import string
from re import _constants as C  # noqa: N812 - the parser's own opcode names
from re import _parser as sre_parse

import regex

# Characters the shape check reasons with: enough to tell letters, digits, spaces and punctuation apart.
_ALPHABET = frozenset(string.printable + "éëïöüàçñ\u00a0")
_WORD = frozenset(c for c in _ALPHABET if c.isalnum() or c == "_")
_DIGIT = frozenset(c for c in _ALPHABET if c.isdigit())
_SPACE = frozenset(c for c in _ALPHABET if c.isspace())
_CATEGORIES = {
    C.CATEGORY_DIGIT: _DIGIT, C.CATEGORY_NOT_DIGIT: _ALPHABET - _DIGIT,
    C.CATEGORY_SPACE: _SPACE, C.CATEGORY_NOT_SPACE: _ALPHABET - _SPACE,
    C.CATEGORY_WORD: _WORD, C.CATEGORY_NOT_WORD: _ALPHABET - _WORD,
    C.CATEGORY_LINEBREAK: frozenset("\n"), C.CATEGORY_NOT_LINEBREAK: _ALPHABET - {"\n"},
}
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT)  # POSSESSIVE_REPEAT never backtracks into itself
_LOTS = 16  # a repeat allowing more than this many rounds counts as unbounded


def compile_rule_regex(pattern: str) -> regex.Pattern:
    """A rule's pattern for matching: case-insensitive, `re`-compatible syntax (VERSION0)."""
    return regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)


def catastrophic_reason(pattern: str) -> str | None:
    """Why this pattern can take exponential time on some input, or None. Looks for a repeated group
    holding another repeat that can hand characters to the next round ((a+)+, (\\w+\\s?)*), a
    repeated group that can match nothing ((a?)*), and repeated alternatives one of which matches
    what the other does ((a|aa)+, (\\w|\\d)*)."""
    try:
        tree = sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return None  # reported as an invalid expression elsewhere
    try:
        return _walk(list(tree))
    except RecursionError:
        return "nested too deeply to check"


def _walk(seq: list) -> str | None:
    for op, av in seq:
        if op in _REPEATS and _unbounded(av[1]):
            body = list(av[2])
            why = _repeat_problem(body)
            if why:
                return why
        for sub in _children(op, av):
            why = _walk(sub)
            if why:
                return why
    return None


def _repeat_problem(body: list) -> str | None:
    if _nullable(body):
        return "a repeated group can match nothing, so the matcher may try it endlessly (like (a?)*)"
    start = _first(body)
    inner = _inner_repeat_overlap(body, start)
    if inner:
        return (f"nested quantifier: inside a repeated group, {inner}, so a long text that does not match "
                "is split between the rounds in exponentially many ways (like (a+)+)")
    for op, av in _unwrap(body):
        if op is C.BRANCH:
            branches = [list(b) for b in av[1]]
            for i, a in enumerate(branches):
                for b in branches[i + 1:]:
                    if _first(a) & _first(b) and (_chars(a) <= _chars(b) or _chars(b) <= _chars(a)):
                        return ("repeated alternatives that match the same text (like (a|aa)+): the matcher "
                                "tries every way of splitting it, which takes exponential time")
    return None


def _inner_repeat_overlap(body: list, wrap: frozenset) -> str | None:
    """An unbounded repeat in `body` whose characters may also start what follows it (within the
    body, or the body's next round): the classic ambiguity of (a+)+ and (\\w+\\s?)+."""
    for n, (op, av) in enumerate(body):
        rest = body[n + 1:]
        follow = _first(rest) | (wrap if _nullable(rest) else frozenset())
        if op in _REPEATS and av[1] > av[0] and _chars(list(av[2])) & follow:
            return "a repeat followed by what it can match itself"
        if op is C.BRANCH and any(_nullable(list(b)) for b in av[1]) and _chars([(op, av)]) & follow:
            return "an optional part followed by what it can match itself"
        if op is C.SUBPATTERN and av[3] is not None:
            why = _inner_repeat_overlap(list(av[3]), follow)
            if why:
                return why
        if op is C.BRANCH:
            for b in av[1]:
                why = _inner_repeat_overlap(list(b), follow)
                if why:
                    return why
    return None


def _unbounded(maximum: int) -> bool:
    return maximum == C.MAXREPEAT or maximum > _LOTS


def _unwrap(body: list) -> list:
    """A body that is one group: look inside it."""
    while len(body) == 1 and body[0][0] is C.SUBPATTERN:
        body = list(body[0][1][3])
    return body


def _children(op, av) -> list[list]:
    if op in _REPEATS or op is C.POSSESSIVE_REPEAT:
        return [list(av[2])]
    if op is C.SUBPATTERN:
        return [list(av[3])]
    if op is C.BRANCH:
        return [list(b) for b in av[1]]
    if op in (C.ASSERT, C.ASSERT_NOT):
        return [list(av[1])]
    if op is C.ATOMIC_GROUP:
        return [list(av)]
    if op is C.GROUPREF_EXISTS:
        return [list(x) for x in av[1:] if x is not None]
    return []


def _atom(op, av) -> frozenset | None:
    """The characters one single-character node matches (case folded both ways)."""
    if op is C.LITERAL:
        c = chr(av)
        return frozenset({c, c.lower(), c.upper()})
    if op is C.NOT_LITERAL:
        return _ALPHABET - {chr(av), chr(av).lower(), chr(av).upper()}
    if op is C.ANY:
        return _ALPHABET
    if op is C.IN:
        chars: set[str] = set()
        negate = False
        for iop, iav in av:
            if iop is C.NEGATE:
                negate = True
            elif iop is C.LITERAL:
                chars |= {chr(iav), chr(iav).lower(), chr(iav).upper()}
            elif iop is C.RANGE:
                chars |= {c for c in _ALPHABET if iav[0] <= ord(c.lower()) <= iav[1] or iav[0] <= ord(c.upper()) <= iav[1]}
            elif iop is C.CATEGORY:
                chars |= _CATEGORIES.get(iav, _ALPHABET)
        return _ALPHABET - chars if negate else frozenset(chars)
    if op is C.GROUPREF:
        return _ALPHABET
    return None


def _first(seq: list) -> frozenset:
    """Characters a match of `seq` can start with."""
    out: set[str] = set()
    for op, av in seq:
        atom = _atom(op, av)
        if atom is not None:
            return frozenset(out | atom)
        if op in _REPEATS or op is C.POSSESSIVE_REPEAT:
            out |= _first(list(av[2]))
            if av[0] > 0 and not _nullable(list(av[2])):
                return frozenset(out)
        elif op is C.SUBPATTERN or op is C.ATOMIC_GROUP:
            sub = list(av[3]) if op is C.SUBPATTERN else list(av)
            out |= _first(sub)
            if not _nullable(sub):
                return frozenset(out)
        elif op is C.BRANCH:
            branches = [list(b) for b in av[1]]
            for b in branches:
                out |= _first(b)
            if not any(_nullable(b) for b in branches):
                return frozenset(out)
        elif op is C.GROUPREF_EXISTS:
            return frozenset(out | _ALPHABET)
        # AT (anchors) and lookarounds match no characters
    return frozenset(out)


def _chars(seq: list) -> frozenset:
    """Every character a match of `seq` can contain."""
    out: set[str] = set()
    for op, av in seq:
        atom = _atom(op, av)
        if atom is not None:
            out |= atom
        elif op is C.GROUPREF_EXISTS:
            out |= _ALPHABET
        else:
            for sub in _children(op, av):
                if op not in (C.ASSERT, C.ASSERT_NOT):
                    out |= _chars(sub)
    return frozenset(out)


def _nullable(seq: list) -> bool:
    """Whether `seq` can match the empty string."""
    for op, av in seq:
        if _atom(op, av) is not None:
            return False
        if (op in _REPEATS or op is C.POSSESSIVE_REPEAT) and av[0] > 0 and not _nullable(list(av[2])):
            return False
        if op is C.SUBPATTERN and not _nullable(list(av[3])):
            return False
        if op is C.ATOMIC_GROUP and not _nullable(list(av)):
            return False
        if op is C.BRANCH and not any(_nullable(list(b)) for b in av[1]):
            return False
    return True
