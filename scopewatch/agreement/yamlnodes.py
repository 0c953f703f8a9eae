"""Typed reading of hand-written YAML that keeps every value's line: plain-language syntax errors,
and text, numbers, dates, choices and mappings checked node by node, each mistake a Problem."""

from __future__ import annotations

import difflib
import math
import re
from datetime import date, datetime

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from scopewatch.errors import Problem

TAG = "tag:yaml.org,2002:"


# --- syntax ------------------------------------------------------------------------------

_PLAIN_YAML = (
    ("found character '@' that cannot start any token",
     "a value starting with '@' must be in quotes, e.g. \"@bakkerij.nl\""),
    ("found character '`' that cannot start any token", "a value starting with '`' must be in quotes"),
    ("found character '\\t' that cannot start any token", "a tab is used for indenting; use spaces only"),
    ("mapping values are not allowed here",
     "unexpected ':'; put text that contains ': ' in quotes, or check the indentation"),
    ("could not find expected ':'", "a key without ':' after it, or the indentation is off"),
    ("found unexpected end of stream", "a quote is opened but never closed"),
    ("expected ',' or ']'", "a [list] is not closed with ']' (or a comma is missing between items)"),
    ("expected ',' or '}'", "a {mapping} is not closed with '}' (or a comma is missing between items)"),
    ("expected <block end>", "the indentation does not line up with the lines above"),
    ("found another document", "a second YAML document ('---'); keep one agreement per file"),
    ("found undefined alias", "an alias (*name) refers to an anchor (&name) that is not defined"),
    ("found duplicate anchor", "the same anchor (&name) is defined twice"),
)


def syntax_problem(label: str, exc: yaml.YAMLError, text: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        return Problem(
            label,
            "",
            f"invalid YAML: an invisible control character (U+{exc.character:04X}) that YAML does not "
            "allow; delete it (retyping the line helps)",
            text.count("\n", 0, exc.position) + 1,
        )
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None) or ""
    mark = getattr(exc, "problem_mark", None)
    # For an unclosed quote or a key without ':' the problem mark lands after the fact; the
    # context mark is where the VA has to look.
    if context in ("while scanning a quoted scalar", "while scanning a simple key",
                   "while parsing a flow sequence", "while parsing a flow mapping"):
        mark = getattr(exc, "context_mark", None) or mark
    plain = next((msg for needle, msg in _PLAIN_YAML if needle in problem), None)
    if plain is None:
        plain = f"{context} {problem}".strip() if context else problem
    line = mark.line + 1 if mark is not None else None
    column = f" (column {mark.column + 1})" if mark is not None else ""
    return Problem(label, "", f"invalid YAML{column}: {plain}", line)


# --- nodes ------------------------------------------------------------------------------------


def line_of(node: Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def is_null(node: Node | None) -> bool:
    return node is None or (isinstance(node, ScalarNode) and node.tag == TAG + "null")


def kind_of(node: Node) -> str:
    """How the VA would name what they wrote, for "expected X, got Y" messages."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping (key: value pairs)"
    tag = node.tag.removeprefix(TAG)
    return {
        "str": "a string",
        "int": "a number",
        "float": "a number",
        "bool": f"'{node.value}' (a yes/no value; put it in quotes if you meant text)",
        "null": "nothing",
        "timestamp": "a date",
    }.get(tag, f"'{node.value}'" if isinstance(node, ScalarNode) else "something else")


def yaml_list(values: list[str]) -> str:
    def quote(v: str) -> str:
        return f'"{v}"' if v[:1] in "@&*!|>%`'\"[{#-?:," or ": " in v or " #" in v else v

    return "[" + ", ".join(quote(v) for v in values) + "]"


class _Invalid:
    """Marks a value YAML could not construct (the problem is already recorded)."""


INVALID = _Invalid()


class NodeReader:
    """Reads typed values out of YAML nodes and records a Problem (with the node's line) for
    every value that is not what the format expects. Subclasses add the document's schema."""

    def __init__(self, label: str, loader: yaml.SafeLoader | None = None):
        self.label = label
        self.problems: list[Problem] = []
        self.loader = loader
        self._merged: dict[int, set[int]] = {}  # mapping node -> key nodes that `<<` merged in
        self._misspelt: set[str] = set()  # field paths a did-you-mean already pointed at

    def problem(self, path: str, message: str, node: Node | None = None, line: int | None = None) -> None:
        # A misspelt key is one mistake: "did you mean 'terms'?" already says what "terms:
        # required" would, so the second message is left out.
        if message.startswith("required") and path in self._misspelt:
            return
        self.problems.append(Problem(self.label, path, message, line if line is not None else line_of(node)))

    # -- structure --------------------------------------------------------------------------

    def mapping(self, node: MappingNode, path: str, allowed: tuple[str, ...],
                elsewhere: dict[str, str] | None = None) -> dict[str, Node] | None:
        """Key -> value node; unknown and repeated keys become problems."""
        merged = self._merged.get(id(node))
        if merged is None:
            own = {id(k) for k, _ in node.value}
            try:
                self.loader.flatten_mapping(node)  # resolves `<<: *anchor` merge keys
            except yaml.YAMLError as exc:
                self.problem(path, f"cannot merge with '<<': {getattr(exc, 'problem', exc)}", node)
                return None
            merged = self._merged[id(node)] = {id(k) for k, _ in node.value} - own
        out: dict[str, Node] = {}
        key_lines: dict[str, int | None] = {}
        # Keys written out come first: in YAML they override what `<<` merges in.
        pairs = sorted(node.value, key=lambda kv: id(kv[0]) in merged)
        for key_node, value_node in pairs:
            if not isinstance(key_node, ScalarNode) or is_null(key_node):
                self.problem(path, "every key must be a plain word followed by ':'", key_node)
                continue
            key = key_node.value
            sub = f"{path}.{key}" if path else key
            if key in out and id(key_node) in merged:
                continue
            if key in out:
                self.problem(sub, f"key appears twice (first on line {key_lines[key]}); keep one", key_node)
                continue
            if key not in allowed:
                message = self.unknown_key_message(key, allowed, elsewhere or {})
                if "did you mean" in message:
                    suggestion = message.split("'")[1]
                    self._misspelt.add(f"{path}.{suggestion}" if path else suggestion)
                self.problem(sub, message, key_node)
                continue
            out[key] = value_node
            key_lines[key] = line_of(key_node)
        return out

    @staticmethod
    def unknown_key_message(key: str, allowed: tuple[str, ...], elsewhere: dict[str, str]) -> str:
        if key in elsewhere:
            return f"unknown key here; '{key}' is only used in {elsewhere[key]}"
        lowered = {a.lower(): a for a in allowed}
        close = difflib.get_close_matches(key.lower().replace(" ", "_"), list(lowered), n=1, cutoff=0.6)
        if close:
            return f"unknown key; did you mean '{lowered[close[0]]}'?"
        return "unknown key; expected one of " + ", ".join(allowed)

    def expect_mapping(self, node: Node, path: str, example: str) -> MappingNode | None:
        if isinstance(node, MappingNode):
            return node
        self.problem(path, f"expected a mapping like {example}, got {kind_of(node)}", node)
        return None

    # -- scalars ----------------------------------------------------------------------------

    def text(self, node: Node | None, path: str, *, required: bool = False,
             node_for_line: Node | None = None, hint: str = "") -> str | None:
        """The text as the VA typed it: `yes`, `2026` or `12:30` stay text instead of turning into
        true, a number or a time, because YAML's guess is not what they meant."""
        if is_null(node) or (isinstance(node, ScalarNode) and not node.value.strip()):
            if required:
                message = "required" + (f": {hint}" if hint else "")
                if node is not None:
                    message = "is empty" + (f"; {hint}" if hint else "")
                self.problem(path, message, node if node is not None else node_for_line)
            return None
        if not isinstance(node, ScalarNode):
            self.problem(path, f"expected text, got {kind_of(node)}", node)
            return None
        return node.value.strip()

    def construct(self, node: ScalarNode, path: str):
        try:
            return self.loader.construct_object(node, deep=True)
        except Exception:  # noqa: BLE001 - PyYAML raises odd types on odd scalars (`!!timestamp x`)
            if node.tag == TAG + "timestamp":
                self.problem(path, f"'{node.value}' is not a valid date", node)
            else:
                self.problem(path, f"cannot read '{node.value}' (unsupported YAML tag {node.tag})", node)
            return INVALID

    def choice(self, node: Node, path: str, choices: tuple[str, ...]) -> str | None:
        if not isinstance(node, ScalarNode) or is_null(node):
            self.problem(path, f"expected one of {', '.join(choices)}, got {kind_of(node)}", node)
            return None
        value = node.value.strip().lower()
        if value in choices:
            return value
        message = f"'{node.value}' is not one of {', '.join(choices)}"
        close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
        if close:
            message += f"; did you mean '{close[0]}'?"
        self.problem(path, message, node)
        return None

    def number(self, node: Node, path: str, *, whole: bool = False, example: str = "2 or 1.5"):
        """A positive int/float from the node, or None after recording why not."""
        kind = "a whole number like 3" if whole else f"a number like {example}"
        if not isinstance(node, ScalarNode) or node.tag not in (TAG + "int", TAG + "float"):
            message = f"expected {kind}, got {kind_of(node)}"
            if isinstance(node, ScalarNode) and re.fullmatch(r"\s*\d+,\d+\s*", node.value):
                message += f"; write decimals with a dot: {node.value.strip().replace(',', '.')}"
            elif isinstance(node, ScalarNode) and re.search(r"\d", node.value) and re.search(r"[€$£]|[A-Za-z]{3}", node.value):
                digits = re.sub(r"[^\d.,]", "", node.value).replace(",", ".")
                message += f"; write only the number ({digits}) and put the currency in currency:"
            self.problem(path, message, node)
            return None
        value = self.construct(node, path)
        if value is INVALID:
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(path, f"expected {kind}, got '{node.value}'", node)
            return None
        if whole and not isinstance(value, int):
            self.problem(path, f"expected {kind}, got '{node.value}'", node)
            return None
        if value <= 0:
            self.problem(path, f"must be more than 0, got {node.value}", node)
            return None
        return value

    def positive_number(self, node: Node | None, path: str) -> float | None:
        if is_null(node):
            return None
        value = self.number(node, path)
        return float(value) if value is not None else None

    def date_value(self, node: Node | None, path: str) -> date | None:
        example = "2026-01-05"
        if is_null(node):
            return None
        if not isinstance(node, ScalarNode):
            self.problem(path, f"expected a date like {example}, got {kind_of(node)}", node)
            return None
        if node.tag == TAG + "timestamp":
            value = self.construct(node, path)
            if value is INVALID:
                return None
            return value.date() if isinstance(value, datetime) else value
        raw = node.value.strip()
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", raw):
            self.problem(path, f"'{raw}' is not a valid date", node)
        else:
            self.problem(path, f"expected a date written as YYYY-MM-DD like {example}, got '{raw}'", node)
        return None
