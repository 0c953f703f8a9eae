"""Request rules as data: loading, validation and user overrides of the YAML files in `rules/`.

Modelled on SpamAssassin's rule files: one record per rule with a stable id, a description users
read, a score, a pattern and `examples` the test suite runs. A user's rules folder adds rules and
overrides shipped ones by id (`disabled: true` switches a shipped rule off).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import regex
import yaml

from scopewatch.detect.regex_safety import catastrophic_reason, compile_rule_regex
from scopewatch.errors import Problem, RuleError
from scopewatch.words import WORDS_FILE

# What a rule says about a sentence. The judge reads the roles, the score only decides whether
# the sentence is a request at all.
ROLES = {
    "ask": "asks the reader to do something (polite question, imperative, wish)",
    "adjust": "asks to change something already made ('should be bigger', 'mag groener')",
    "additive": "adds work to what is going on ('also', 'ook', 'while you're at it')",
    "extra": "asks for more of something ('one more', 'extra', 'nog een')",
    "rush": "asks for it sooner than planned ('by tomorrow', 'this weekend', 'zsm')",
    "takeover": "asks the reader to do it instead of the sender ('yourself', 'zelf')",
    "work": "names a piece of work that can be asked for (logo, flyer, room)",
    "info": "asks for information rather than work ('let me know', 'did you')",
    "cancel": "withdraws or negates a request ('no need', 'hoeft niet meer')",
    "hypothetical": "talks about a later, maybe-project ('next year', 'ooit')",
    "report": "tells news, not a request ('I also paid', 'ik heb ook')",
}
LANGUAGES = ("en", "nl", "any")
RULE_KEYS = ("id", "description", "language", "role", "score", "pattern", "examples", "disabled", "notes", "part")
# part: where a rule is read. "subject" rules only read the subject of a short mail, where the
# subject is the whole ask ("Extra nieuwsbrief deze week?" over a one-line body).
PARTS = ("any", "subject")
# list_after: a regex for the line that introduces a list ("A few things for this week:"); the
# rule then fires on every bullet or numbered item that follows it.
PATTERN_KINDS = ("tokens", "phrases", "regex", "list_after")
_ID_RE = re.compile(r"^[A-Z][A-Z0-9_]{2,63}$")


@dataclass(frozen=True)
class Rule:
    id: str
    description: str
    language: str
    role: str
    score: float
    kind: str  # tokens, phrases or regex
    pattern: Any  # list of token patterns, list of phrases, or a regex string
    match_examples: tuple[str, ...] = ()
    no_match_examples: tuple[str, ...] = ()
    source: str = ""
    line: int | None = None
    part: str = "any"
    compiled: regex.Pattern | None = field(default=None, compare=False, repr=False)

    def applies_to(self, language: str) -> bool:
        return self.language in ("any", language)


@dataclass
class RuleSet:
    rules: dict[str, Rule]

    def for_language(self, language: str) -> list[Rule]:
        return [r for r in self.rules.values() if r.applies_to(language)]

    def __len__(self) -> int:
        return len(self.rules)


_VALIDATOR = None


def _validator():
    """One validating Matcher for all token patterns: building a spaCy vocab costs ~0.1 s."""
    global _VALIDATOR
    if _VALIDATOR is None:
        from spacy.matcher import Matcher
        from spacy.vocab import Vocab

        _VALIDATOR = Matcher(Vocab(), validate=True)
    return _VALIDATOR


def _rule_files(folder: Path) -> list[Path]:
    # words.yaml holds a language's word lists, not rules (scopewatch.words reads it);
    # catalogue/ holds the kinds of work (scopewatch/catalogue.py).
    return sorted(
        p for p in folder.rglob("*")
        if p.suffix in (".yaml", ".yml") and p.is_file() and p.name != WORDS_FILE
        and p.relative_to(folder).parts[0] != "catalogue"
    )


def _records(path: Path, problems: list[Problem]) -> list[tuple[dict, int | None]]:
    """The rule records of one file with their line numbers (a list, or {rules: [...]})."""
    text = path.read_text(encoding="utf-8")
    # One parse gives both the node tree (for line numbers) and the data built from it.
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problems.append(Problem(str(path), "", f"not valid YAML: {getattr(exc, 'problem', exc)}", line))
        return []
    finally:
        loader.dispose()
    if data is None:
        return []
    seq_node = node
    if isinstance(data, dict) and "rules" in data:
        data = data["rules"]
        seq_node = next((v for k, v in node.value if k.value == "rules"), None)
    if not isinstance(data, list):
        problems.append(Problem(str(path), "", "expected a list of rules (each starting with '- id: ...')", 1))
        return []
    lines = [n.start_mark.line + 1 for n in seq_node.value] if seq_node is not None else [None] * len(data)
    return list(zip(data, lines))


def _validate(rec: Any, path: Path, line: int | None, index: int, problems: list[Problem]) -> Rule | None:
    where = f"rules[{index}]"
    if not isinstance(rec, dict):
        problems.append(Problem(str(path), where, "expected a mapping with id, description, role, score, pattern", line))
        return None
    before = len(problems)

    def bad(fld: str, msg: str) -> None:
        problems.append(Problem(str(path), f"{rec.get('id', where)}.{fld}" if fld else str(rec.get("id", where)), msg, line))

    for key in rec:
        if key not in RULE_KEYS:
            close = difflib.get_close_matches(str(key), RULE_KEYS, n=1)
            bad(str(key), "unknown key" + (f"; did you mean '{close[0]}'?" if close else f"; allowed: {', '.join(RULE_KEYS)}"))
    rid = rec.get("id")
    if not isinstance(rid, str) or not _ID_RE.match(rid):
        bad("id", "required; upper-case letters, digits and _ (e.g. EN_ASK_COULD_YOU)")
        rid = None
    if rec.get("disabled") is True and set(rec) <= {"id", "disabled", "notes"}:
        # An override that only switches a shipped rule off.
        return Rule(rid or "", "", "any", "ask", 0.0, "disabled", None, source=str(path), line=line) if rid else None
    desc = rec.get("description")
    if not isinstance(desc, str) or not desc.strip():
        bad("description", "required: one short sentence users will read")
    lang = rec.get("language", "any")
    if lang not in LANGUAGES:
        bad("language", f"'{lang}' is not one of {', '.join(LANGUAGES)}")
    role = rec.get("role")
    if role not in ROLES:
        close = difflib.get_close_matches(str(role), ROLES, n=1)
        bad("role", f"'{role}' is not one of {', '.join(ROLES)}" + (f"; did you mean '{close[0]}'?" if close else ""))
    score = rec.get("score")
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not -5 <= score <= 5:
        bad("score", "required: a number between -5 and 5")
    pattern = rec.get("pattern")
    kind = None
    compiled = None
    if not isinstance(pattern, dict) or len(pattern) != 1 or next(iter(pattern)) not in PATTERN_KINDS:
        bad("pattern", "required: a mapping with exactly one of tokens (spaCy token patterns), phrases (list), regex (string), list_after (regex)")
    else:
        kind, value = next(iter(pattern.items()))
        if kind == "tokens":
            if isinstance(value, list) and value and all(isinstance(t, dict) for t in value):
                value = [value]  # a single pattern written without the outer list
            if not (isinstance(value, list) and value and all(isinstance(p, list) and p for p in value)):
                bad("pattern.tokens", "expected a list of token patterns, each a list of {ATTR: value} mappings")
            else:
                try:
                    _validator().add(rid or "RULE", value)
                except Exception as exc:  # spaCy's own validation message is the most useful one
                    lines = [ln.strip("- ").strip() for ln in str(exc).splitlines() if "->" in ln] or [str(exc).strip()]
                    hint = " (YAML reads a bare on/off/yes/no as true/false: quote it)" if "valid string" in str(exc) else ""
                    bad("pattern.tokens", f"invalid spaCy token pattern: {'; '.join(lines)}{hint}")
            pattern = value
        elif kind == "phrases":
            if not (isinstance(value, list) and value and all(isinstance(p, str) and p.strip() for p in value)):
                bad("pattern.phrases", "expected a non-empty list of phrases")
            pattern = value
        else:  # regex and list_after are both regular expressions
            field_name = f"pattern.{kind}"
            try:
                re.compile(str(value), re.IGNORECASE)  # the syntax rule authors know and we document
                compiled = compile_rule_regex(str(value))
            except (re.error, regex.error) as exc:
                bad(field_name, f"invalid regular expression: {exc}")
            else:
                why = catastrophic_reason(str(value))
                if why:
                    bad(field_name, f"rejected: {why}; rewrite it without the nesting (e.g. (a+)+ as a+)")
                    compiled = None
            pattern = value
    part = rec.get("part", "any")
    if part not in PARTS:
        bad("part", f"'{part}' is not one of {', '.join(PARTS)}")
    elif part == "subject" and kind != "regex":
        bad("part", "a subject rule needs a regex pattern")
    examples = rec.get("examples", {}) or {}
    match_ex: list = []
    no_match_ex: list = []
    if not isinstance(examples, dict) or set(examples) - {"match", "no_match"}:
        bad("examples", "expected a mapping with 'match' and/or 'no_match' lists of sentences")
    else:
        match_ex = examples.get("match") or []
        no_match_ex = examples.get("no_match") or []
        if not isinstance(match_ex, list) or not isinstance(no_match_ex, list):
            bad("examples", "'match' and 'no_match' must be lists of sentences")
            match_ex, no_match_ex = [], []
        elif not match_ex:
            bad("examples.match", "give at least one sentence the rule must match, so the tests can check it")
    if len(problems) > before:
        return None
    return Rule(
        id=rid,
        description=desc.strip(),
        language=lang,
        role=role,
        score=float(score),
        kind=kind,
        pattern=pattern,
        match_examples=tuple(str(x) for x in match_ex),
        no_match_examples=tuple(str(x) for x in no_match_ex),
        source=str(path),
        line=line,
        part=part,
        compiled=compiled,
    )


def lint_rules(dirs: Iterable[Path]) -> tuple[RuleSet, list[Problem]]:
    """Load every rule file of the folders in order; a later folder overrides an earlier by id."""
    from scopewatch import resources
    from scopewatch.words import lint_words, words_files

    problems: list[Problem] = []
    rules: dict[str, Rule] = {}
    for folder in dirs:
        folder = Path(folder)
        if not folder.is_dir():
            problems.append(Problem(str(folder), "", "rules folder does not exist"))
            continue
        if folder.resolve() == resources.rules_dir().resolve():
            problems.extend(lint_words(folder)[1])
        else:
            problems.extend(Problem(str(p), "", "word lists are read from the shipped rules folder only; this file is not used")
                            for p in words_files(folder).values())
        seen_here: dict[str, str] = {}
        for path in _rule_files(folder):
            for index, (rec, line) in enumerate(_records(path, problems)):
                rule = _validate(rec, path, line, index, problems)
                if rule is None:
                    continue
                if rule.id in seen_here:
                    problems.append(Problem(str(path), rule.id, f"duplicate rule id (also in {seen_here[rule.id]})", line))
                    continue
                seen_here[rule.id] = f"{path}:{line}"
                if rule.kind == "disabled":
                    rules.pop(rule.id, None)
                else:
                    rules[rule.id] = rule
    return RuleSet(rules), problems


def load_rules(dirs: Iterable[Path]) -> RuleSet:
    """Like lint_rules, but raises RuleError listing every problem."""
    ruleset, problems = lint_rules(dirs)
    if problems:
        raise RuleError(problems)
    return ruleset
