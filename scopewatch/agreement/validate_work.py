"""Reading the parts of an agreement that are about the work: an item's limit and the size of each
piece (measured, "60 minutes", or counted, "6 profiles"), its kinds of work, and the scope
checklist (`checklist: {seo: excluded}`). `validate.py` reads the rest of the file."""

from __future__ import annotations

import re

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from scopewatch.agreement.model import (
    CHECKLIST_ANSWERS,
    LIMIT_PERIODS,
    ChecklistLine,
    Limit,
    Measure,
)
from scopewatch.agreement.yamlnodes import TAG, NodeReader, is_null, kind_of, line_of

ID_RE = re.compile(r"^[a-z0-9_-]+$")
LIMIT_KEYS = ("count", "per", "unit", "each")
_MEASURE = re.compile(r"^\s*(?:up\s+to\s+|at\s+most\s+|max(?:imum)?\.?\s+|tot\s+|hooguit\s+|maximaal\s+)?(\d+(?:[.,]\d+)?)\s*([^\W\d_][\w']*)(.*)$", re.IGNORECASE)
# Words that end the name of a counted thing: "6 profiles per vacancy", "30 foto's van de shoot".
_COUNT_STOP = frozenset({"of", "per", "each", "for", "in", "on", "a", "an", "with", "van", "voor", "elk", "elke",
                         "met", "op", "bij", "uit"})
# What a VA may write for a checklist answer in Dutch, to point at the word the file takes.
_ANSWER_WORDS = {"inbegrepen": "included", "ja": "included", "yes": "included", "niet": "excluded",
                 "niet inbegrepen": "excluded", "no": "excluded", "nee": "excluded", "klant": "client",
                 "vragen": "ask", "eerst vragen": "ask", "ask me first": "ask", "not included": "excluded"}


class WorkReader(NodeReader):
    """NodeReader with the work parts of the schema; `catalogue` and `labels` are set by the subclass."""

    catalogue = None
    labels = None

    def limit(self, node: Node, path: str) -> tuple[Limit | None, Measure | None]:
        node = self.expect_mapping(node, path, "limit: {count: 3, per: week}")
        if node is None:
            return None, None
        f = self.mapping(node, path, LIMIT_KEYS)
        if f is None:
            return None, None
        each = None
        if not is_null(f.get("each")):
            each = self.measure(f["each"], f"{path}.each")
            if is_null(f.get("count")) and is_null(f.get("per")) and is_null(f.get("unit")):
                return None, each  # only a size: "each: 60 minutes"
        count = None
        if is_null(f.get("count")):
            self.problem(f"{path}.count", "required: how many, e.g. count: 3", f.get("count") or node)
        else:
            count = self.number(f["count"], f"{path}.count", whole=True)
        per = None
        if is_null(f.get("per")):
            self.problem(f"{path}.per", f"required: one of {', '.join(LIMIT_PERIODS)}", f.get("per") or node)
        else:
            per = self.choice(f["per"], f"{path}.per", LIMIT_PERIODS)
        unit = self.text(f.get("unit"), f"{path}.unit")
        if count is None or per is None:
            return None, each
        return Limit(count=count, per=per, unit=unit), each

    def measure(self, node: Node, path: str) -> Measure | None:
        """A size with its unit: measured ("60 minutes", "1500 words", "8 pagina's") or counted
        ("6 profiles", "max. 30 portretfoto's", "3 referees")."""
        from scopewatch.words import MEASURES, lexicon

        if isinstance(node, ScalarNode) and node.tag in (TAG + "int", TAG + "float"):
            self.problem(path, f"say what is measured or counted with the number, e.g. each: {node.value} minutes "
                               f"or each: {node.value} photos", node)
            return None
        text = self.text(node, path)
        if text is None:
            return None
        m = _MEASURE.match(text)
        if not m:
            self.problem(path, f"expected a number and what it measures ({', '.join(u + 's' for u in MEASURES)}) "
                               f"or counts, e.g. each: 60 minutes or each: 6 profiles; got '{text}'", node)
            return None
        amount = float(m.group(1).replace(",", "."))
        if amount <= 0:
            self.problem(path, f"must be more than 0, got '{text}'", node)
            return None
        units = lexicon().every.measures
        written = " ".join(text.split())
        if m.group(2).lower() in units:
            return Measure(amount=amount, unit=units[m.group(2).lower()], text=written)
        # Counted: the thing is the last word before "of", "per", a comma ...: "6 LinkedIn profiles
        # per vacancy" counts profiles.
        words = [m.group(2), *re.findall(r"[^\W\d_][\w'-]*|[^\w\s]", m.group(3))]
        cut = next((i for i, w in enumerate(words) if i and (w.lower() in _COUNT_STOP or not w[0].isalnum())), len(words))
        noun = words[cut - 1].lower()
        if amount != int(amount):
            self.problem(path, f"a count is a whole number ('{text}'); for a size use minutes, hours, words, "
                               "pages or posts", node)
            return None
        return Measure(amount=amount, unit=noun, text=written, counted=True)

    def kinds(self, node: Node | None, path: str) -> tuple[str, ...]:
        """`kinds: [calendar, travel.business]`: ids of the work catalogue, checked against it."""
        if is_null(node):
            return ()
        if isinstance(node, ScalarNode):
            nodes = [node]
        elif isinstance(node, SequenceNode):
            nodes = node.value
        else:
            self.problem(path, f"expected a list of kinds of work, e.g. kinds: [calendar], got {kind_of(node)}", node)
            return ()
        out: list[str] = []
        for index, kind_node in enumerate(nodes):
            where = f"{path}[{index}]" if isinstance(node, SequenceNode) else path
            value = self.text(kind_node, where)
            if value is None:
                self.problem(where, "is empty; remove it or name a kind of work, e.g. calendar", kind_node)
                continue
            value = value.strip().lower()
            if self.catalogue is not None and value not in self.catalogue:
                close = self.catalogue.suggest(value)
                hint = f"; did you mean '{close}'?" if close else "; `scopewatch kinds` lists them"
                self.problem(where, f"unknown kind of work '{value}'{hint}", kind_node)
                continue
            if value not in out:
                out.append(value)
        return tuple(out)

    def checklist(self, node: Node | None, language: str) -> tuple[ChecklistLine, ...]:
        """`checklist: {seo: excluded, calendar: included}`: kinds of work answered once, each
        included, excluded, client or ask; `kind: {answer: excluded, text: "..."}` words it."""
        if is_null(node):
            return ()
        hint = "e.g. checklist: {seo: excluded, calendar: included}"
        if not isinstance(node, MappingNode):
            self.problem("checklist", f"expected a kind of work per line with its answer "
                                      f"({', '.join(CHECKLIST_ANSWERS)}), {hint}", node)
            return ()
        out = []
        seen: set[str] = set()
        for key_node, value in node.value:
            if not isinstance(key_node, ScalarNode) or is_null(key_node):
                self.problem("checklist", "every line must start with a kind of work followed by ':'", key_node)
                continue
            kind = key_node.value.strip().lower()
            path = f"checklist.{kind}"
            if self.catalogue is not None and kind not in self.catalogue:
                close = self.catalogue.suggest(kind)
                tip = f"; did you mean '{close}'?" if close else "; `scopewatch kinds` lists them"
                self.problem(path, f"unknown kind of work '{kind}'{tip}", key_node)
                continue
            if kind in seen:
                self.problem(path, "this kind of work is on the checklist twice; keep one", key_node)
                continue
            seen.add(kind)
            text = None
            answer_node = value
            if isinstance(value, MappingNode):
                g = self.mapping(value, path, ("answer", "text"))
                if g is None:
                    continue
                answer_node = g.get("answer")
                text = self.text(g.get("text"), f"{path}.text")
                if is_null(answer_node):
                    self.problem(f"{path}.answer", f"required: one of {', '.join(CHECKLIST_ANSWERS)}", value)
                    continue
            if not isinstance(answer_node, ScalarNode) or is_null(answer_node) or answer_node.tag == TAG + "bool":
                got = f"'{answer_node.value}'" if isinstance(answer_node, ScalarNode) and not is_null(answer_node) \
                    else kind_of(answer_node)
                self.problem(path, f"expected one of {', '.join(CHECKLIST_ANSWERS)}, got {got}", answer_node)
                continue
            raw = " ".join(answer_node.value.lower().split())
            if raw in _ANSWER_WORDS and raw not in CHECKLIST_ANSWERS:
                self.problem(path, f"'{answer_node.value}' is not one of {', '.join(CHECKLIST_ANSWERS)}; "
                                   f"write {_ANSWER_WORDS[raw]}", answer_node)
                continue
            answer = self.choice(answer_node, path, CHECKLIST_ANSWERS)
            if answer is None:
                continue
            if text is None:
                text = self.labels.label(kind, language, self.catalogue) if self.labels is not None else (
                    self.catalogue.kinds[kind].name if self.catalogue is not None else kind)
            out.append(ChecklistLine(kind=kind, answer=answer, label=text, line=line_of(key_node)))
        return tuple(out)
