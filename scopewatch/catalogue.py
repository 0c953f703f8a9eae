"""The work catalogue as data: one record per kind of work a freelancer or VA does, with the
English and Dutch words for it, read from `rules/catalogue/*.yaml` (shipped, then the user's).

Same conventions as the request rules: stable ids, a description users read, examples the test
suite runs, and a user's file overrides a shipped kind by id (`disabled: true` drops it). This
module only reads and validates the data; `detect/work.py` compiles it into matchers.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from scopewatch.errors import CatalogueError, Problem

LANGUAGES = ("en", "nl")
KIND_KEYS = ("id", "name", "description", "broader", "en", "nl", "examples", "adjusts_agreed_work", "disabled", "notes")
# What each word list means to the matcher (see detect/work.py for the weights).
WORD_KEYS = {
    "names": "what the work is called ('credit control', 'debiteurenbeheer'): names it on its own",
    "objects": "the things this work produces or handles ('payment reminder', 'thumbnail')",
    "actions": "verbs specific to this work ('chase', 'reschedule', 'nabellen'), as lemmas",
    "hints": "words that point to this work only together with an action ('10 o'clock', 'afternoon')",
    "qualifiers": "words that make a broader kind this narrower one ('holiday', 'family')",
}
CONTEXT_KEYS = ("context_before", "skip_before")
KIND_ID_RE = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$")
FOLDER = "catalogue"


@dataclass(frozen=True)
class Words:
    """The words of one kind in one language."""

    names: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kind:
    id: str
    name: str  # what the VA reads: "credit control"
    description: str  # one short line: "chasing unpaid invoices"
    broader: tuple[str, ...] = ()
    words: dict[str, Words] = field(default_factory=dict, compare=False)
    match_examples: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    no_match_examples: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    # Timing or handling of work already agreed ("can you come Thursday instead"): when no item
    # names it, the request is in scope rather than new work.
    adjusts_agreed_work: bool = False
    source: str = ""
    line: int | None = None

    def label(self) -> str:
        return f"{self.name} ({self.description})"


@dataclass
class Catalogue:
    kinds: dict[str, Kind]
    # Per language: words after which a thing only gives context ("for each episode", "in Exact").
    context_before: dict[str, frozenset[str]] = field(default_factory=dict)
    skip_before: dict[str, frozenset[str]] = field(default_factory=dict)
    key: tuple = ()  # identifies the files it was read from, for caches of compiled matchers

    def __len__(self) -> int:
        return len(self.kinds)

    def __contains__(self, kind_id: str) -> bool:
        return kind_id in self.kinds

    def ancestors(self, kind_id: str) -> dict[str, int]:
        """Every broader kind with its distance (itself at 0): `travel.personal` -> travel 1."""
        out = {kind_id: 0}
        todo = [kind_id]
        while todo:
            k = todo.pop(0)
            kind = self.kinds.get(k)
            for b in kind.broader if kind else ():
                if b not in out:
                    out[b] = out[k] + 1
                    todo.append(b)
        return out

    def narrower(self, kind_id: str) -> list[Kind]:
        return [k for k in self.kinds.values() if kind_id in k.broader]

    def suggest(self, unknown: str) -> str | None:
        close = difflib.get_close_matches(unknown, list(self.kinds), n=1, cutoff=0.6)
        if not close:
            # "calendar-management" for "calendar", "minutes" for "meeting-minutes"
            close = [k for k in self.kinds if k in unknown or unknown in k][:1]
        return close[0] if close else None


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*") if p.suffix in (".yaml", ".yml") and p.is_file() and not p.name.startswith("."))


def catalogue_folders(rules_dirs: Iterable[Path]) -> list[Path]:
    """The `catalogue/` folder of each rules folder that has one (shipped first, then the user's)."""
    return [Path(d) / FOLDER for d in rules_dirs if (Path(d) / FOLDER).is_dir()]


def _string_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return None
    return [" ".join(v.lower().split()) for v in value]


def _read(path: Path, problems: list[Problem]) -> tuple[list[tuple[Any, int | None]], dict]:
    """The kind records of one file with their lines, and its `words:` block if any."""
    text = path.read_text(encoding="utf-8")
    loader = yaml.CSafeLoader(text) if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(str(path), "", f"not valid YAML: {getattr(exc, 'problem', exc)}", mark.line + 1 if mark else None))
        return [], {}
    finally:
        loader.dispose()
    if data is None:
        return [], {}
    if not isinstance(data, dict) or not set(data) <= {"kinds", "words"}:
        problems.append(Problem(str(path), "", "expected 'kinds:' (a list of kinds of work) and/or 'words:'", 1))
        return [], {}
    words = data.get("words") or {}
    kinds = data.get("kinds") or []
    if not isinstance(kinds, list):
        problems.append(Problem(str(path), "kinds", "expected a list of kinds (each starting with '- id: ...')", 1))
        return [], words
    seq = next((v for k, v in node.value if k.value == "kinds"), None)
    lines = [n.start_mark.line + 1 for n in seq.value] if seq is not None and hasattr(seq, "value") else [None] * len(kinds)
    return list(zip(kinds, lines)), words


def _kind(rec: Any, path: Path, line: int | None, index: int, problems: list[Problem]) -> Kind | None:
    where = f"kinds[{index}]"
    if not isinstance(rec, dict):
        problems.append(Problem(str(path), where, "expected a mapping with id, name, description and en/nl words", line))
        return None
    before = len(problems)
    kid = rec.get("id")

    def bad(fld: str, msg: str) -> None:
        problems.append(Problem(str(path), f"{kid or where}.{fld}" if fld else str(kid or where), msg, line))

    for key in rec:
        if key not in KIND_KEYS:
            close = difflib.get_close_matches(str(key), KIND_KEYS, n=1)
            bad(str(key), "unknown key" + (f"; did you mean '{close[0]}'?" if close else f"; allowed: {', '.join(KIND_KEYS)}"))
    if not isinstance(kid, str) or not KIND_ID_RE.match(kid):
        bad("id", "required; lower-case words with '-' and '.' for narrower kinds (e.g. travel.personal)")
        return None
    if rec.get("disabled") is True and set(rec) <= {"id", "disabled", "notes"}:
        return Kind(kid, "", "", source="disabled")
    name, desc = rec.get("name"), rec.get("description")
    if not isinstance(name, str) or not name.strip():
        bad("name", "required: what the work is called, as the VA reads it (e.g. credit control)")
    if not isinstance(desc, str) or not desc.strip():
        bad("description", "required: one short line users read (e.g. chasing unpaid invoices)")
    broader = _string_list(rec.get("broader", []) or [])
    if broader is None:
        bad("broader", "expected a kind id or a list of kind ids")
        broader = []
    if "." in kid and kid.rsplit(".", 1)[0] not in broader:
        broader.insert(0, kid.rsplit(".", 1)[0])  # travel.personal is narrower than travel
    words: dict[str, Words] = {}
    for lang in LANGUAGES:
        block = rec.get(lang)
        if block is None:
            continue
        if not isinstance(block, dict):
            bad(lang, f"expected a mapping of {', '.join(WORD_KEYS)}")
            continue
        lists = {}
        for key, value in block.items():
            if key not in WORD_KEYS:
                close = difflib.get_close_matches(str(key), WORD_KEYS, n=1)
                bad(f"{lang}.{key}", "unknown key" + (f"; did you mean '{close[0]}'?" if close else f"; allowed: {', '.join(WORD_KEYS)}"))
                continue
            got = _string_list(value or [])
            if got is None:
                bad(f"{lang}.{key}", "expected a list of words or phrases (YAML reads a bare on/off/yes/no as true/false and 1:1 as a number: quote it)")
                continue
            lists[key] = tuple(got)
        w = Words(**lists)
        if not (w.names or w.objects or w.actions or w.qualifiers):
            bad(lang, "give at least names, objects, actions or qualifiers")
        words[lang] = w
    if not words and not broader:
        bad("", "give the words for the work in en: and/or nl:")
    examples = rec.get("examples") or {}
    match: dict[str, tuple[str, ...]] = {}
    no_match: dict[str, tuple[str, ...]] = {}
    if not isinstance(examples, dict) or set(examples) - set(LANGUAGES):
        bad("examples", "expected en: and/or nl:, each with match: and no_match: lists of sentences")
    else:
        for lang, ex in examples.items():
            if not isinstance(ex, dict) or set(ex) - {"match", "no_match"}:
                bad(f"examples.{lang}", "expected match: and/or no_match: lists of sentences")
                continue
            m, n = ex.get("match") or [], ex.get("no_match") or []
            if not isinstance(m, list) or not isinstance(n, list) or not all(isinstance(s, str) for s in m + n):
                bad(f"examples.{lang}", "match: and no_match: must be lists of sentences")
                continue
            match[lang], no_match[lang] = tuple(m), tuple(n)
        for lang in words:
            if not match.get(lang):
                bad(f"examples.{lang}.match", "give at least one sentence asking for this work, so the tests can check it")
    adjusts = rec.get("adjusts_agreed_work", False)
    if not isinstance(adjusts, bool):
        bad("adjusts_agreed_work", "expected true or false")
    if len(problems) > before:
        return None
    return Kind(
        id=kid, name=" ".join(name.split()), description=" ".join(desc.split()), broader=tuple(broader),
        words=words, match_examples=match, no_match_examples=no_match, adjusts_agreed_work=bool(adjusts),
        source=str(path), line=line,
    )


def lint_catalogue(folders: Iterable[Path]) -> tuple[Catalogue, list[Problem]]:
    """Read every catalogue file of the folders in order; a later folder overrides an earlier by id."""
    problems: list[Problem] = []
    kinds: dict[str, Kind] = {}
    context: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    skip: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    key = []
    for folder in folders:
        folder = Path(folder)
        seen_here: dict[str, str] = {}
        for path in _files(folder):
            key.append((str(path), path.stat().st_mtime_ns))
            records, words = _read(path, problems)
            if words:
                _words(words, path, context, skip, problems)
            for index, (rec, line) in enumerate(records):
                kind = _kind(rec, path, line, index, problems)
                if kind is None:
                    continue
                if kind.id in seen_here:
                    problems.append(Problem(str(path), kind.id, f"duplicate kind id (also in {seen_here[kind.id]})", line))
                    continue
                seen_here[kind.id] = f"{path}:{line}"
                if kind.source == "disabled":
                    kinds.pop(kind.id, None)
                else:
                    kinds[kind.id] = kind
    for kind in kinds.values():
        for b in kind.broader:
            if b not in kinds:
                close = difflib.get_close_matches(b, list(kinds), n=1)
                problems.append(Problem(kind.source, f"{kind.id}.broader", f"unknown kind '{b}'" + (f"; did you mean '{close[0]}'?" if close else ""), kind.line))
    cat = Catalogue(kinds, {k: frozenset(v) for k, v in context.items()}, {k: frozenset(v) for k, v in skip.items()}, tuple(key))
    for kind in kinds.values():
        if kind.id in list(cat.ancestors(kind.id))[1:]:
            problems.append(Problem(kind.source, f"{kind.id}.broader", "a kind cannot be broader than itself (loop)", kind.line))
    return cat, problems


def _words(block: Any, path: Path, context: dict, skip: dict, problems: list[Problem]) -> None:
    if not isinstance(block, dict) or set(block) - set(LANGUAGES):
        problems.append(Problem(str(path), "words", "expected en: and/or nl: with context_before and skip_before lists"))
        return
    for lang, lists in block.items():
        if not isinstance(lists, dict) or set(lists) - set(CONTEXT_KEYS):
            problems.append(Problem(str(path), f"words.{lang}", f"expected {', '.join(CONTEXT_KEYS)}"))
            continue
        for name, target in (("context_before", context), ("skip_before", skip)):
            got = _string_list(lists.get(name) or [])
            if got is None:
                problems.append(Problem(str(path), f"words.{lang}.{name}", "expected a list of words (quote a bare on/off/yes/no)"))
            else:
                target[lang].update(got)


_CACHE: dict[tuple, Catalogue] = {}


def load_catalogue(rules_dirs: Iterable[Path]) -> Catalogue:
    """The catalogue of these rules folders, read once per process (until a file changes);
    raises CatalogueError listing every problem."""
    folders = catalogue_folders(rules_dirs)
    stamp = tuple((str(p), p.stat().st_mtime_ns) for f in folders for p in _files(f))
    cat = _CACHE.get(stamp)
    if cat is None:
        cat, problems = lint_catalogue(folders)
        if problems:
            raise CatalogueError(problems)
        _CACHE[stamp] = cat
    return cat
