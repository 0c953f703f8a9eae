"""Writes an accepted change request into the client's agreement as a new `amendments:` entry,
keeping every byte the VA wrote (comments, order, spacing) and refusing to leave an invalid file."""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import date
from pathlib import Path

import yaml

from scopewatch.agreement.load import load_agreement_file
from scopewatch.agreement.model import Agreement, Amendment
from scopewatch.errors import AgreementError, WorkspaceError

_STOP = {
    "en": {"could", "would", "can", "you", "also", "please", "the", "a", "an", "and", "or", "for", "to", "of",
           "us", "me", "my", "our", "your", "this", "that", "with", "on", "in", "do", "make", "maybe", "just",
           "some", "it", "is", "be", "we", "i", "too", "as", "well", "at", "by", "from", "next", "new"},
    "nl": {"kun", "kunt", "je", "jij", "u", "ook", "even", "graag", "de", "het", "een", "en", "of", "voor",
           "naar", "van", "ons", "mij", "mijn", "onze", "jouw", "uw", "dit", "dat", "met", "op", "in", "doen",
           "maken", "misschien", "nog", "wil", "wilt", "willen", "zou", "zouden", "is", "we", "ik", "te"},
}


def _quote(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars: every character escaped safely.
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def amendment_terms(matched_terms: list[str], evidence: str, limit: int = 6) -> list[str]:
    """The words later requests for this work will use: the finding's matched terms, else the
    longer content words of the client's sentence."""
    terms = [t.strip().lower() for t in matched_terms if t and t.strip()]
    if not terms:
        stop = _STOP["en"] | _STOP["nl"]
        words = re.findall(r"[^\W\d_][\w'-]*", evidence.lower())
        terms = [w for w in words if w not in stop and len(w) > 3]
    return list(dict.fromkeys(terms))[:limit]


def amendment_yaml(am: Amendment, indent: int) -> str:
    pad = " " * indent
    lines = [
        f"{pad}- id: {am.id}",
        f"{pad}  date: {am.date.isoformat()}",
        f"{pad}  description: {_quote(am.description)}",
        f"{pad}  terms: [{', '.join(_quote(t) for t in am.terms)}]",
    ]
    if am.finding is not None:
        lines.append(f"{pad}  finding: {int(am.finding)}")
    if am.estimate_hours is not None:
        lines.append(f"{pad}  estimate_hours: {float(am.estimate_hours):g}")
    return "\n".join(lines) + "\n"


def _content_end(node: yaml.Node) -> int:
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        return node.end_mark.index
    if isinstance(node, yaml.MappingNode):
        children = [n for pair in node.value for n in pair]
    else:
        children = list(node.value)
    return max((_content_end(c) for c in children), default=node.start_mark.index)


def _amended_text(text: str, am: Amendment) -> str:
    """`text` with the amendment added: at the end of an existing block `amendments:` list, or as a
    new `amendments:` section at the end of the file."""
    root = yaml.compose(text)
    node = None
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "amendments":
                node = (key, value)
    if node is None:
        body = text if text.endswith("\n") or not text else text + "\n"
        return body + "\n# Accepted change requests, added by scopewatch.\namendments:\n" + amendment_yaml(am, 2)
    key, value = node
    if isinstance(value, yaml.SequenceNode) and value.value and not value.flow_style:
        indent = value.value[0].start_mark.column - 2
        # After the last item's own text: a block node's end mark lies past any comment lines
        # that follow it, so look for the last scalar or inline list inside it.
        end = _content_end(value.value[-1])
        line_end = text.find("\n", end)
        at = len(text) if line_end == -1 else line_end + 1
        prefix = text[:at] if text[:at].endswith("\n") else text[:at] + "\n"
        return prefix + amendment_yaml(am, max(indent, 0)) + text[at:]
    # `amendments:` with nothing (or `[]`) after it: replace just that value with a block list.
    if isinstance(value, yaml.SequenceNode) and value.value:
        raise WorkspaceError("the amendments list is written inline ([...]); write it as a block list to let scopewatch add to it")
    start, end = key.end_mark.index, value.end_mark.index
    colon = text.index(":", start) + 1
    rest = text[max(end, colon):]
    line_end = rest.find("\n")
    tail = rest[line_end + 1:] if line_end != -1 else ""
    comment = rest[: line_end if line_end != -1 else len(rest)]
    comment = comment[comment.index("#"):] if "#" in comment else ""
    head = text[:colon] + (" " + comment if comment else "") + "\n"
    return head + amendment_yaml(am, 2) + tail


def append_amendment(
    path: Path,
    *,
    finding_id: int,
    description: str,
    terms: list[str],
    when: date | None = None,
    estimate_hours: float | None = None,
    amendment_id: str | None = None,
) -> tuple[Agreement, Amendment, bool]:
    """Add an accepted change to the agreement file at `path`. Returns (new agreement, amendment,
    added); `added` is False when this finding's amendment is in the file already. The file is
    replaced atomically and only when the result still validates."""
    path = Path(path)
    current = load_agreement_file(path)
    for am in current.amendments:
        if am.finding == finding_id:
            return current, am, False
    taken = {it.id for it in current.items()}
    base = amendment_id or f"change-{finding_id}"
    new_id, n = base, 2
    while new_id in taken:
        new_id, n = f"{base}-{n}", n + 1
    if not terms:
        raise WorkspaceError(f"finding {finding_id}: no words to recognise this work by; add terms by hand")
    am = Amendment(
        id=new_id, date=when or date.today(), description=description, terms=tuple(terms),
        finding=finding_id, estimate_hours=estimate_hours,
    )
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    new_text = _amended_text(text, am)
    if not new_text.startswith(text[: len(text) - len(text.lstrip())]) or len(new_text) <= len(text):
        raise WorkspaceError(f"could not add the amendment to {path}")
    tmp_fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(tmp_fd, "wb") as fh:
            fh.write(new_text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        try:
            load_agreement_file(Path(tmp_name))
        except AgreementError as exc:
            raise WorkspaceError(f"adding the amendment would make {path.name} invalid ({exc}); the file is unchanged") from None
        os.chmod(tmp_name, os.stat(path).st_mode & 0o7777)
        os.replace(tmp_name, path)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    final = load_agreement_file(path)
    added = next(a for a in final.amendments if a.finding == finding_id)
    return final, added, True
