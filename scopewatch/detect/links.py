"""Agreement items tied to the work catalogue: each item's kinds of work, written in `kinds:` or
inferred from its description and terms, and which item covers a kind of work a request asks for.
Linked once per agreement version (the Checker caches an AgreementKinds per agreement hash)."""

from __future__ import annotations

from dataclasses import dataclass

from scopewatch.agreement.model import CHECKLIST_PREFIX, Agreement, ScopeItem
from scopewatch.catalogue import Catalogue
from scopewatch.detect.terms import term_forms
from scopewatch.detect.work import WordHit, WorkAsked, WorkMatcher


@dataclass(frozen=True)
class Link:
    """How one agreement item is tied to the catalogue."""

    kinds: tuple[str, ...]
    how: str  # explicit, inferred, none
    words: tuple[str, ...] = ()  # the words it was inferred from
    # Kinds the item names as a whole ("Calendar management"); a kind found only from the things
    # it lists ("Walls of the living room") covers those things, not every room.
    whole: tuple[str, ...] = ()


def link_item(matcher: WorkMatcher, item: ScopeItem) -> Link:
    """The kinds of one agreement item: as written, or inferred from its description and terms.

    A term that names one kind links it; a term shared by several kinds ("post": posts and
    ads) links only those the rest of the item also points to. In the description the first
    thing named and every name count ("Monthly bookkeeping in Xero"), words after a
    preposition do not ("Logins for mail, calendar ...")."""
    if item.kinds:
        return Link(item.kinds, "explicit", whole=item.kinds)
    words: dict[str, list[str]] = {}
    quals: dict[str, list[str]] = {}
    support: set[str] = set()
    shared: list[set[str]] = []
    described: set[str] = set()
    verbs: list[WordHit] = []
    whole: set[str] = set()
    doc = matcher.nlp.make_doc(item.description)
    hits = matcher.words(doc)
    things = _names_first([h for h in hits if h.role in ("names", "objects") and not matcher.is_context(doc, h, 0)])
    if things:
        first = min(h.start for h in things)
        for h in things:
            words.setdefault(h.kind, []).append(h.text)
            if h.role == "names":
                whole.add(h.kind)
            if h.start == first or h.role == "names":
                support.add(h.kind)
            else:
                described.add(h.kind)
    for h in hits:
        if h.role == "qualifiers":
            quals.setdefault(h.kind, []).append(h.text)
        elif h.role == "actions" and len(matcher._owners(h)) == 1 and any(0 <= t.start - h.end <= 3 for t in things):
            # "chasing payments": a verb only one kind uses, with its object.
            support.add(h.kind)
            whole.add(h.kind)
            words.setdefault(h.kind, []).append(h.text)
    desc_kinds = {h.kind for h in things}
    for term in item.terms:
        tdoc = matcher.nlp.make_doc(term)
        thits = matcher.words(tdoc)
        for h in thits:
            if h.role == "qualifiers":
                quals.setdefault(h.kind, []).append(h.text)
        named = {h.kind for h in thits if h.role == "names"}
        kinds = named or {h.kind for h in thits if h.role == "objects"}
        if not named and kinds and desc_kinds and not kinds & desc_kinds:
            # A thing the item mentions ("visitekaartje" under "Logo en huisstijl") does not
            # make the item about a kind its description does not name.
            continue
        if not kinds:
            # A term that is a verb ("reschedule") names the work when only one kind uses it
            # and nothing else in the item does.
            verbs += [h for h in thits if h.role == "actions" and (h.start, h.end) == (0, len(tdoc)) and len(matcher._owners(h)) == 1]
            continue
        whole |= named
        for h in thits:
            if h.kind in kinds and h.role != "qualifiers":
                words.setdefault(h.kind, []).append(h.text)
        if len(kinds) == 1:
            support |= kinds
        elif kinds:
            shared.append(kinds)
    found = set(support)
    for kinds in shared:
        found |= (kinds & support) if support else kinds
    if not found:
        for h in verbs:
            found.add(h.kind)
            whole.add(h.kind)
            words.setdefault(h.kind, []).append(h.text)
    found |= described & found
    # "business travel": a narrower kind refines the broader one it is named with.
    for q, qwords in quals.items():
        parent = q.rsplit(".", 1)[0] if "." in q else None
        if parent is None:
            continue
        if parent in found:
            found.add(q)
            found.discard(parent)
            words[q] = words.get(parent, []) + qwords
            if parent in whole:
                whole.add(q)
        elif any(parent in matcher.catalogue.ancestors(k) for k in found):
            found.add(q)  # "Instagram posts": posts, on Instagram
            words[q] = qwords
    if not found:
        return Link((), "none")
    kinds = tuple(sorted(found))
    seen = tuple(dict.fromkeys(w for k in kinds for w in words.get(k, [])))
    return Link(kinds, "inferred", seen, tuple(k for k in kinds if k in whole))


def _names_first(hits: list[WordHit]) -> list[WordHit]:
    """Where a word is one kind's name and another's object ("post"), keep the name."""
    named = {(h.start, h.end) for h in hits if h.role == "names"}
    return [h for h in hits if h.role == "names" or (h.start, h.end) not in named]


@dataclass
class Cover:
    """The agreement item a kind of work falls under, and how closely."""

    item: ScopeItem
    kind: str  # the item's kind that covers it
    distance: int  # 0: the same kind; 1: the item's kind is the broader one


# On a tie an exclusion wins (it says explicitly what is not agreed), then agreed work, the client's
# part, and a kind the checklist says to ask about first.
_PRIORITY = {"exclusion": 0, "deliverable": 1, "client_provides": 2, "ask": 3}


def _rank(cover: Cover) -> tuple:
    """Closest first; on a tie an item the VA wrote out before a line of the checklist (it says
    more), then by _PRIORITY."""
    return cover.distance, cover.item.id.startswith(CHECKLIST_PREFIX), _PRIORITY[cover.item.kind]


class AgreementKinds:
    """The kinds of every item of one agreement, and which item covers a kind of work."""

    def __init__(self, agreement: Agreement, matcher: WorkMatcher):
        self.catalogue = matcher.catalogue
        self.matcher = matcher
        self.language = matcher.language
        self._vocab: dict[str, set[str]] = {}
        self.links: dict[str, Link] = {}
        self.items: list[ScopeItem] = list(agreement.items())
        for item in self.items:
            self.links[item.id] = link_item(matcher, item)

    def _names_thing(self, item: ScopeItem, things: tuple[str, ...]) -> bool:
        vocab = self._vocab.get(item.id)
        if vocab is None:
            words = [*self.links[item.id].words, *item.terms, item.description]
            vocab = self._vocab[item.id] = {f for w in words for part in w.lower().split() for f in term_forms(part.strip("(),."), self.language)}
        return any(t.split()[-1] in vocab for t in things)

    def covering(self, kind_id: str, things: tuple[str, ...] = ()) -> Cover | None:
        """The closest item whose kind is this kind or a broader one; an exclusion wins a tie,
        since it says explicitly what is not agreed, and a deliverable beats a client duty.

        An item that only lists things of the kind ("living room walls") covers those things:
        "the spare bedroom" is the same kind of work, but not the agreed work."""
        ancestors = self.catalogue.ancestors(kind_id)
        best: Cover | None = None
        for item in self.items:
            link = self.links[item.id]
            for k in link.kinds:
                d = ancestors.get(k)
                if d is None:
                    continue
                if things and k not in link.whole and not self._names_thing(item, things):
                    continue
                cover = Cover(item, k, d)
                if best is None or _rank(cover) < _rank(best):
                    best = cover
        return best

    def links_any(self, kinds: list[str]) -> bool:
        return any(k in link.kinds for link in self.links.values() for k in kinds)

    def decide(self, work: WorkAsked) -> Cover | None:
        """The item the work falls under. A refinement named in the sentence ("for our family
        holiday") decides first; when the agreement names a sibling of it (business travel) and
        nothing covers it, it is not covered at all."""
        for narrow in work.narrower:
            cover = self.covering(narrow.id, work.things)
            if cover is not None and cover.distance <= self.catalogue.ancestors(narrow.id).get(work.kind.id, 99):
                return cover
        for narrow in work.narrower:
            siblings = [k.id for b in narrow.broader for k in self.catalogue.narrower(b) if k.id != narrow.id]
            if self.links_any(siblings):
                return None
        return self.covering(work.kind.id, work.things)


def agreement_links(agreement: Agreement, catalogue: Catalogue, pipelines) -> dict[str, Link]:
    """Every item's kinds of work, for `scope show` and `scope lint`."""
    matcher = WorkMatcher.get(pipelines.get(agreement.language), catalogue)
    return {item.id: link_item(matcher, item) for item in agreement.items()}


def unlinked_items(agreements, catalogue: Catalogue, pipelines) -> list:
    """A warning per deliverable that links to no kind of work: requests for the agreed work in
    other words than its terms may then be flagged as new work. An exclusion or a client duty
    without a kind costs nothing (a request it misses is still flagged), so it gets none."""
    from scopewatch.errors import Problem

    out = []
    for agreement in agreements:
        links = agreement_links(agreement, catalogue, pipelines)
        sections = {"deliverable": "deliverables", "exclusion": "exclusions", "client_provides": "client_provides"}
        for item in agreement.deliverables:
            if links[item.id].how == "none":
                out.append(Problem(
                    agreement.source_path or agreement.client_id, f"{sections[item.kind]}.{item.id}",
                    "links to no kind of work in the catalogue; add kinds: [...] "
                    "(`scopewatch kinds` lists them) or terms the catalogue knows",
                    item.line,
                ))
    return out
