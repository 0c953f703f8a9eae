"""The scope checklist and the trades' starters: which kinds of work of the catalogue a trade
typically meets (to tick once per client: included, not included, the client's part, ask me
first), how the VA and the client read each kind in English and Dutch, and the commented starter
agreement of each trade. All of it is data in `templates/agreements/` (a workspace's own
`templates/agreements/` overrides it by name)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml

from scopewatch.agreement.model import Agreement
from scopewatch.errors import ConfigError, Problem

FOLDER = "agreements"
DATA_FILE = "checklist.yaml"
LANGUAGES = ("en", "nl")
SECTIONS = {"deliverable": "deliverables", "exclusion": "exclusions", "client_provides": "client_provides"}


@dataclass(frozen=True)
class Trade:
    """A trade with a starter agreement per language and the kinds of work its checklist asks about."""

    id: str
    names: dict[str, str]  # language -> "House painter" / "Schilder"
    kinds: tuple[str, ...]
    starters: dict[str, Path] = field(default_factory=dict, compare=False)  # language -> starter file

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("en") or self.id


@dataclass(frozen=True)
class ChecklistData:
    trades: dict[str, Trade]
    labels: dict[str, dict[str, str]]  # kind id -> language -> label

    def label(self, kind_id: str, language: str, catalogue=None) -> str:
        """How the VA and the client read a kind of work: the label in this language, else the
        catalogue's name, else the id."""
        own = self.labels.get(kind_id, {})
        if own.get(language):
            return own[language]
        if catalogue is not None and kind_id in catalogue:
            kind = catalogue.kinds[kind_id]
            if language != "en" and kind.words.get(language) and kind.words[language].names:
                return kind.words[language].names[0]
            return kind.name
        return own.get("en") or kind_id


def template_dirs_for(scopes_dir: Path) -> list[Path]:
    """The template folders of the workspace holding `scopes_dir`: its own first, then the shipped."""
    from scopewatch import resources

    own = Path(scopes_dir).parent / "templates"
    return [d for d in (own, resources.templates_dir()) if d.is_dir()]


def checklist_data(template_dirs: Iterable[Path]) -> ChecklistData:
    """The trades and labels of the first `agreements/checklist.yaml` found (workspace first), with
    each trade's starter files looked up in every folder (a workspace's own starter wins)."""
    dirs = [Path(d) for d in template_dirs]
    source = next((d / FOLDER / DATA_FILE for d in dirs if (d / FOLDER / DATA_FILE).is_file()), None)
    if source is None:
        return ChecklistData({}, {})
    data = _read(str(source), source.stat().st_mtime_ns)
    trades = {}
    for t in data.get("trades") or []:
        starters = {}
        for lang in LANGUAGES:
            found = next((d / FOLDER / f"{t['id']}.{lang}.yaml" for d in dirs
                          if (d / FOLDER / f"{t['id']}.{lang}.yaml").is_file()), None)
            if found is not None:
                starters[lang] = found
        trades[t["id"]] = Trade(t["id"], {k: v for k, v in t.items() if k in LANGUAGES},
                                tuple(t.get("kinds") or ()), starters)
    return ChecklistData(trades, {k: dict(v) for k, v in (data.get("labels") or {}).items()})


@lru_cache(maxsize=8)
def _read(path: str, mtime: int) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("trades", []), list) \
            or not isinstance(data.get("labels", {}), dict):
        raise ConfigError(f"{path}: expected trades: (a list) and labels: (kind id: {{en: ..., nl: ...}})")
    for t in data.get("trades") or []:
        if not isinstance(t, dict) or not isinstance(t.get("id"), str) or not isinstance(t.get("kinds", []), list):
            raise ConfigError(f"{path}: every trade needs an id, its names (en:, nl:) and kinds: [...]")
    return data


def guess_trade(agreement: Agreement, data: ChecklistData, links: dict | None = None) -> str | None:
    """The agreement's trade: as written, else the trade whose checklist shares most kinds with the
    agreement's checklist and items (None when nothing is shared)."""
    if agreement.trade in data.trades:
        return agreement.trade
    kinds = {line.kind for line in agreement.checklist}
    for item in agreement.items():
        kinds.update(item.kinds)
        if links and item.id in links:
            kinds.update(links[item.id].kinds)
    best = max(data.trades.values(), key=lambda t: len(kinds & set(t.kinds)), default=None)
    return best.id if best is not None and kinds & set(best.kinds) else None


def checklist_kinds(agreement: Agreement, data: ChecklistData, trade: str | None) -> list[str]:
    """The kinds of work to ask about: the trade's, then any other the checklist already answers."""
    out = list(data.trades[trade].kinds) if trade in data.trades else []
    out += [line.kind for line in agreement.checklist if line.kind not in out]
    return out


def conflicts(agreement: Agreement, links: dict) -> list[Problem]:
    """Warnings where the checklist and a written-out item say opposite things about one kind of
    work ("seo: excluded" while a deliverable covers SEO): one of them is a mistake, and the
    written-out item wins."""
    out = []
    opposite = {"included": ("exclusion",), "excluded": ("deliverable",), "client": ("deliverable",)}
    counts: dict[str, int] = {}
    indexed = []
    for item in (*agreement.deliverables, *agreement.exclusions, *agreement.client_provides):
        section = SECTIONS[item.kind]
        indexed.append((item, f"{section}[{counts.get(section, 0)}]"))
        counts[section] = counts.get(section, 0) + 1
    for line in agreement.checklist:
        if line.answer not in opposite:
            continue
        for item, where in indexed:
            link = links.get(item.id)
            # An item that only lists things of a kind ("front door, window frames") does not
            # cover the kind as a whole: only what it names as a whole can contradict a line.
            kinds = item.kinds or (link.whole if link is not None else ())
            if item.kind in opposite[line.answer] and line.kind in kinds:
                what = {"deliverable": "agreed work", "exclusion": "not included"}[item.kind]
                out.append(Problem(
                    agreement.source_path or f"{agreement.client_id}.yaml", f"checklist.{line.kind}",
                    f"the checklist says {line.label} is {_answer_words(line.answer)}, but {where} "
                    f"({item.id}: \"{item.description}\") makes it {what}; change one of them "
                    f"(the item wins)", line.line,
                ))
                break
    return out


def _answer_words(answer: str) -> str:
    return {"included": "included", "excluded": "not included", "client": "the client's part",
            "ask": "ask me first"}[answer]



def starter_text(template_dirs: Iterable[Path], trade: str | None, language: str) -> str:
    """The commented starter agreement of a trade in a language (English when the trade has none
    in it), or the empty one; a workspace's own file of that name wins."""
    dirs = [Path(d) for d in template_dirs]
    language = language if language in LANGUAGES else "en"
    data = checklist_data(dirs)
    t = data.trades.get(trade or "")
    if trade and t is None:
        raise ConfigError(f"no starter for the trade '{trade}' (known: {', '.join(sorted(data.trades)) or 'none'})")
    path = (t.starters.get(language) or t.starters.get("en")) if t is not None else None
    if path is None:
        path = next((d / FOLDER / f"empty.{language}.yaml" for d in dirs if (d / FOLDER / f"empty.{language}.yaml").is_file()),
                    None)
    if path is None:
        raise ConfigError(f"templates/{FOLDER}/empty.{language}.yaml is missing from the installation")
    return path.read_text(encoding="utf-8")
