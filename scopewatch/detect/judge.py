"""Compares one request sentence with the client's agreement and gives the verdict, the category,
the clause it was compared with, a confidence, and one sentence of explanation."""

from __future__ import annotations

import re
from functools import cache
from types import SimpleNamespace

from spacy.tokens import Span

from scopewatch.agreement.model import Agreement, ScopeItem
from scopewatch.detect import learned as learned_knowledge
from scopewatch.detect.counted import counts_each
from scopewatch.detect.findings import Finding
from scopewatch.detect.limits import iso_due, more_often, on_top, over_size, weekday_timing
from scopewatch.detect.requests import Sentence
from scopewatch.detect.terms import TermHit, term_forms
from scopewatch.detect.asked import kind_verdict, outweighs_terms, terms_context
from scopewatch.detect.links import AgreementKinds
from scopewatch.detect.work import WorkAsked
from scopewatch.words import lexicon, phrase_pattern, regex_pattern

# Below this confidence an out-of-scope request goes to the digest as "check", not as a flag.
REVIEW_BELOW = 0.6

# The word lists (number words, months, periods, determiners ...) are data: rules/<language>/words.yaml.


@cache
def _patterns() -> SimpleNamespace:
    """The patterns built from the word lists, once per process."""
    every = lexicon().every
    suffixes = f"(?:{phrase_pattern(every.ordered['day_suffixes'])})?"
    small = [n for n, v in every.numbers.items() if 2 <= v <= 6]
    return SimpleNamespace(
        daily=re.compile(rf"\b({phrase_pattern(every.ordered['daily'])})\b", re.IGNORECASE),
        self_does=re.compile(regex_pattern(every.regexes["self_does"]), re.IGNORECASE),
        all_n=re.compile(rf"\b({phrase_pattern(every.ordered['all_of'])})\s+(\d{{1,2}}|{phrase_pattern(small)})\b", re.IGNORECASE),
        day=re.compile(rf"\b(\d{{1,2}}){suffixes}\b"),
        asked_day=re.compile(
            rf"\b({phrase_pattern(every.ordered['deadline_words'])})\s+"
            rf"(?:(?:{phrase_pattern(every.ordered['weekdays'])})\s+)?"
            rf"(?:(?:{phrase_pattern(every.ordered['day_articles'])})\s+)?(\d{{1,2}}){suffixes}\b"
            rf"(?!\s*({regex_pattern(every.regexes['not_a_day_after'])}))",
            re.IGNORECASE,
        ),
        day_month=re.compile(
            rf"\b(\d{{1,2}}){suffixes}\s+(?:(?:{phrase_pattern(every.ordered['month_of'])})\s+)?([a-z]+)", re.IGNORECASE),
    )


_WEEKS = {"week": 1, "month": 4.33, "quarter": 13, "year": 52, "project": None}


def _number_before(doc, hit: TermHit, language: str, window: int = 3) -> tuple[int | None, bool]:
    """A count or ordinal in the few words before a term: ('6 posts', 'a third round of revisions').

    Dates and times ("on the 12th", "op 12 maart", "2 uur") are not counts."""
    words = lexicon()
    lang, every = words[language], words.every
    for i in range(hit.start - 1, max(hit.start - window, 0) - 1, -1):
        tok = doc[i]
        low = tok.lower_
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        prev = doc[i - 1].lower_ if i > 0 else ""
        if low in lang.ordinals:
            return lang.ordinals[low], True
        value = int(low) if low.isdigit() and len(low) <= 3 else lang.numbers.get(low)
        if value is not None:
            if nxt in every.not_a_count_after or nxt in every.months or prev in every.not_a_count_before:
                return None, False
            return value, False
    return None, False


def _other_kind(doc, hit: TermHit, item: ScopeItem) -> str | None:
    """The word in front of a generic term when it names another thing than the clause does:
    "breakfast room" against "Guest rooms 1-3". Such a request is for something new."""
    if hit.compound:
        # "Facebookpagina" against "Pagina's van de website": the first part names another thing.
        low = hit.text.lower()
        head = next((f for f in sorted(term_forms(hit.term, "nl"), key=len, reverse=True) if low.endswith(f)), "")
        modifier = low[: len(low) - len(head)].rstrip("-") if head else ""
        known = " ".join([item.description, *item.terms]).lower()
        return hit.text[: len(modifier)] if len(modifier) >= 4 and modifier not in known else None
    if hit.start == 0:
        return None
    prev = doc[hit.start - 1]
    low = prev.lower_
    every = lexicon().every
    if low in every.other:
        return prev.text
    if hit.end - hit.start > 1:
        return None
    if not prev.is_alpha or low in every.plain_before or len(low) < 3 or prev.is_sent_start or prev.like_num:
        return None
    known = " ".join([item.description, *item.terms]).lower()
    if low in known or low.rstrip("s") in known:
        return None
    return prev.text


def _over_limit(count: int, ordinal: bool, item: ScopeItem, span: Span) -> bool:
    limit = item.limit
    if ordinal:
        return count > limit.count
    periods = lexicon().every.periods
    named = next((periods[t.lower_] for t in span if t.lower_ in periods), None)
    allowed: float = limit.count
    if named and named != limit.per and _WEEKS.get(named) and _WEEKS.get(limit.per):
        # "6 posts this month" against 3 a week is within; "one this week" against 2 a month may
        # use the month's whole allowance, so a shorter period keeps the count.
        allowed = limit.count * max(1.0, _WEEKS[named] / _WEEKS[limit.per])
    return count > allowed


def _takes_over(sentence: Sentence, duty: TermHit, has_deliverable: bool) -> bool:
    """Whether a request mentioning something the client provides asks the VA to do it instead.

    "Can you take the photos yourself" does; "can you use the photos I'll send for the post" and
    "a blog where I can write" do not."""
    takeover = sentence.fired_role("takeover")
    if _patterns().self_does.search(sentence.span.text):
        return False
    if any(f.rule.score > 0 for f in takeover):
        return True
    # A producing verb right in front of the client's item ("pick up the paint", "de foto's maken"
    # puts the verb after it in Dutch) governs it.
    for f in takeover:
        if 0 <= duty.start - f.end <= 3 or 0 <= f.start - duty.end <= 2:
            return True
    return not has_deliverable


def _quote(item: ScopeItem) -> str:
    return f'{item.id} ("{item.description}")'


def _limit_text(item: ScopeItem) -> str:
    lim = item.limit
    unit = lim.unit or item.id
    return f"{lim.count} {unit} per {lim.per}"


def _used_as_verb(doc, hit: TermHit) -> bool:
    """"Can you also paint the toilet": a term right after "you"/"to" is the verb, not the
    client's paint."""
    every = lexicon().every
    i = hit.start - 1
    while i >= 0 and doc[i].lower_ in every.adverbs:
        i -= 1
    return i >= 0 and doc[i].lower_ in every.subjects and hit.end - hit.start == 1


def main_clause(items: list, sentence: Sentence, language: str) -> list:
    """Keep the hits (or rule matches) before a subordinate clause that follows the request:
    in "could you paint the fence when you're done with the living room" the object is the fence."""
    asks = [f for f in sentence.fired if f.rule.role in ("ask", "adjust") and f.rule.score > 0]
    if not asks or not items:
        return items
    subs = lexicon()[language].subordinators
    first = min(asks, key=lambda f: f.start)
    cut = next((t.i for t in sentence.span if t.i > first.end and t.lower_ in subs), None)
    return items if cut is None else [x for x in items if x.start < cut]


def _more_of(extra, hit: TermHit, span: Span) -> bool:
    """Whether a "more" cue is about this counted thing: right before it, or closing the sentence
    after it ("... two rounds already, but could we do one more?")."""
    if 0 <= hit.start - extra.end <= 3:
        return True
    rest = span.doc[extra.end : span.end]
    return extra.start >= hit.end and all(t.is_punct or t.is_space for t in rest)


def _first(items: list, sentence: Sentence) -> int:
    """Where the first of these stands after the request cue (the likely object), else before it."""
    asks = [f.start for f in sentence.fired if f.rule.role in ("ask", "adjust") and f.rule.score > 0]
    ask = min(asks) if asks else sentence.span.start
    after = [x.start for x in items if x.start >= ask]
    return min(after) if after else min(x.start for x in items) - 10_000


def _object_work(work: list, hits: list[TermHit], doc, language: str) -> list:
    """Work words that can be the thing asked for: not in a prepositional phrase ("in de
    huisstijl") and not a modifier of an agreed term ("webinar invite")."""
    preps = lexicon()[language].prepositions
    starts = {h.start for h in hits}
    kept = []
    for f in work:
        before = {doc[i].lower_ for i in range(max(f.start - 2, doc[f.start].sent.start), f.start)}
        if before & preps or f.end in starts:
            continue
        kept.append(f)
    return kept


def _month_after(text: str, start: int) -> int | None:
    m = _patterns().day_month.match(text, start)
    return lexicon().every.months.get(m.group(2).lower()) if m else None


def _asked_day_vs_due(span: Span, item: ScopeItem) -> tuple[str, bool, bool] | None:
    """The day asked for, whether it is before the day the clause is due on ("by the 18th"
    against "by the 25th of each month"; "al tegen 27 februari" against "oplevering 13 maart"),
    and whether that is certain ("the 27th" against "13 March" may be the 27th of February)."""
    if not item.due:
        return None
    iso = iso_due(item)
    if iso is not None:
        due_days = [(iso.day, iso.month)]
    else:
        due_days = [(int(m.group(1)), _month_after(item.due, m.start())) for m in _patterns().day.finditer(item.due)
                    if 1 <= int(m.group(1)) <= 31 and not re.match(r"[.:]\d", item.due[m.end():])]  # not "9.00 uur"
    m = _patterns().asked_day.search(span.text)
    if not due_days or not m:
        return None
    asked = (int(m.group(2)), _month_after(span.text, m.start(2)))
    due = min(due_days)
    if not 1 <= asked[0] <= 31:
        return None
    if asked[1] and due[1]:  # both name a month: compare month, then day
        return m.group(0), (asked[1], asked[0]) < (due[1], due[0]), True
    return m.group(0), asked[0] < due[0], not due[1]


def judge(sentence: Sentence, hits: list[TermHit], agreement: Agreement, language: str, *, base_offset: int = 0,
          part: str = "body", context_work: list | None = None, context: Span | None = None,
          asked: WorkAsked | None = None, kinds: AgreementKinds | None = None,
          learned: "learned_knowledge.ClientKnowledge | None" = None) -> Finding:
    """The verdict on one request sentence. `hits` are the agreement terms found in it; `asked`
    is the kind of work the sentence asks for (work catalogue), `kinds` the agreement's links;
    `learned` is what the VA taught about this client (consulted after the agreement's terms,
    see detect/learned.py)."""
    span = sentence.span
    doc = span.doc
    # Only the client's items and exclusions are confused with verbs ("paint", "post"); a
    # deliverable's verb ("fill", "reageren") names the agreed work itself.
    hits = [h for h in hits if h.item.kind == "deliverable" or not _used_as_verb(doc, h)]
    said = context if context is not None else span  # where counts and dates are read
    roles = sentence.roles()
    rule_ids = [r.id for r in sorted(sentence.rules, key=lambda r: (r.role != "ask", -r.score))]
    excluded = [h for h in hits if h.item.kind == "exclusion"]
    duties = [h for h in hits if h.item.kind == "client_provides"]
    delivs = [h for h in hits if h.item.kind == "deliverable"]
    term_tokens = {i for h in hits for i in range(h.start, h.end)}
    work = [f for f in main_clause(sentence.fired_role("work"), sentence, language)
            if not any(i in term_tokens for i in range(f.start, f.end))]
    work = _object_work(work, hits, doc, language) or list(context_work or [])
    strength = min(1.0, 0.55 + 0.3 * max(0.0, sentence.score - 0.7))

    item: ScopeItem | None = None
    matched: list[str] = []
    verdict, category = "out_of_scope", None
    confidence = strength
    by_kind = None
    if asked is not None and kinds is not None and context is None:
        by_kind = kind_verdict(asked, kinds, agreement, takeover=bool(sentence.fired_role("takeover")))
        rule_ids.append(asked.rule_id)
        # The terms a VA wrote win, unless they only say what the work is for ("thumbnails for
        # each episode"), or a clear action on its own object asks for work their clauses do not
        # cover ("sit in on the board meeting and write up the notes"). A term after "in"/"op"
        # stays: "de openingstijden op de website aanpassen" is website work.
        override = terms_context(hits, kinds.matcher, span, asked.verbs) == "purpose" or outweighs_terms(asked, hits, kinds, language)
        if hits and not override:
            by_kind = None
        if by_kind is not None:
            weak_new = by_kind.category == "new_work" and by_kind.item is None and not asked.named
            timing = asked.kind.adjusts_agreed_work and by_kind.verdict == "in_scope"
            if (weak_new and (work or by_kind.confidence < REVIEW_BELOW)) or (timing and (work or sentence.fired_role("takeover"))):
                # The rules' own reading (a named piece of work, or a question for the VA) is as
                # good: the catalogue only says more when it found the work itself.
                by_kind = None
        if by_kind is not None and hits:
            hits, excluded, duties, delivs = [], [], [], []
    if by_kind is not None and hits == [] and not sentence.adjust_only and "rush" not in roles:
        verdict, category, item = by_kind.verdict, by_kind.category, by_kind.item
        matched, confidence, explanation = by_kind.matched, by_kind.confidence, by_kind.explanation
    elif sentence.adjust_only and not ({"additive", "extra"} & roles):
        # Feedback on work already made ("het logo mag groter"): part of the agreed rounds unless it
        # touches an exclusion, and then it is a question for the VA, not an alarm.
        h = (excluded or delivs or [None])[0]
        item, matched = (h.item, [h.text]) if h else (None, [])
        if excluded:
            category, confidence = "excluded", 0.45
            explanation = f'asks to change "{h.text}", which the agreement excludes: {_quote(h.item)}; check whether it is new work'
        else:
            verdict, category, confidence = "in_scope", None, 0.6
            explanation = "asks to adjust work already made" + (f": {_quote(h.item)}" if h else "")
    elif excluded:
        h = excluded[0]
        item, matched, category = h.item, [h.text], "excluded"
        confidence = 0.92 if not h.compound else 0.75
        if delivs:
            confidence -= 0.12
        explanation = f'asks for "{h.text}", which the agreement excludes: {_quote(item)}'
    elif (h := next((d for d in duties if _takes_over(sentence, d, bool(delivs))), None)) is not None:
        item, matched, category = h.item, [h.text], "client_duty"
        # Without a "take over" cue the client's item may just be context ("resize the photos"):
        # the VA gets a question, not an alarm.
        confidence = 0.88 if sentence.fired_role("takeover") else 0.5
        explanation = f'asks you to take over "{h.text}", which the client provides: {_quote(item)}'
    else:
        limited = [h for h in delivs if h.item.limit is not None]
        over = None
        for h in limited:
            n, ordinal = _number_before(doc, h, language)
            if n is not None and _over_limit(n, ordinal, h.item, said) and not counts_each(h, language):
                over = (h, n, ordinal)
                break
        if over is None and limited and context is not None:
            # "Please book all three." after the sentence that named the trips.
            m = _patterns().all_n.search(span.text)
            if m:
                word = m.group(2).lower()
                n = int(word) if word.isdigit() else lexicon().every.numbers.get(word)
                if n and _over_limit(n, False, limited[0].item, said):
                    over = (limited[0], n, False)
        if over is None and limited:
            # "It needs a third." / "Kun je er nog een derde zetten?": an ordinal beyond the limit,
            # with the counted thing named in this or the earlier sentence.
            for tok in span:
                value = lexicon()[language].ordinals.get(tok.lower_)
                if value is not None and value > limited[0].item.limit.count and limited[0].item.limit.per == "project":
                    over = (limited[0], value, True)
                    break
        if over is None and limited and limited[0].item.limit.per == "week" and _patterns().daily.search(said.text):
            h = limited[0]
            if h.item.limit.count < 5:
                over = (h, 5, False)
        size = over_size(span, delivs, agreement) if over is None else None
        often = more_often(span, delivs) if over is None and size is None else None
        extras = sentence.fired_role("extra")
        more = next((h for h in limited if any(_more_of(f, h, span) for f in extras)), None)
        if more is None and extras and limited and on_top(span):
            more = limited[0]  # "one more this week", "an extra episode next to the regular one"
        compared = [(h, found) for h in delivs if (found := _asked_day_vs_due(said, h.item))]
        early = next(((h, day) for h, (day, earlier, _) in compared if earlier), None)
        timing = weekday_timing(span, delivs, "rush" in roles) if early is None else None
        later = (not early and any(certain for _, (_, _, certain) in compared)) or (timing is not None and not timing.earlier)
        other = _other_kind(doc, delivs[0], delivs[0].item) if delivs and {"additive", "extra"} & roles else None
        if over:
            h, n, ordinal = over
            item, matched, category = h.item, [h.text], "quantity"
            confidence = 0.9
            asked = f'number {n} of "{h.text}"' if ordinal else f'{n} x "{h.text}"'
            explanation = f"asks for {asked}; the agreement allows {_limit_text(h.item)}: {_quote(h.item)}"
        elif size is not None or often is not None:
            o = size or often
            h = next(d for d in delivs if d.item.id == o.item.id) if any(d.item.id == o.item.id for d in delivs) else None
            item, matched, category = o.item, [h.text] if h else [o.asked], "quantity"
            confidence = 0.85 if h else 0.7
            what = "a size" if size else "it"
            explanation = (f'asks for {what} "{o.asked}"; the agreement allows {o.allowed}: {_quote(o.item)}' if size else
                           f'asks for it "{o.asked}", more often than agreed ({o.allowed}): {_quote(o.item)}')
        elif more is not None:
            # "nog een post", "an extra round of revisions", "our two rounds ... one more?": the "more"
            # must be about the counted thing ("nog een streep van de eerste laag" is not another coat).
            h = more
            item, matched, category = h.item, [h.text], "quantity"
            confidence = 0.75
            explanation = f'asks for more "{h.text}" on top of the agreed {_limit_text(h.item)}: {_quote(h.item)}'
        elif early is not None:
            h, day = early
            item, matched, category = h.item, [h.text], "deadline"
            confidence = 0.75
            explanation = f'asks for it "{day}", earlier than agreed ({h.item.due}) for {_quote(h.item)}'
        elif timing is not None and timing.earlier and timing.item is not None:
            item, category = timing.item, "deadline"
            matched = [timing.asked]
            # "on Monday" against "every Tuesday" may mean next Monday: sure only when the client
            # says it is sooner or names the day it replaces.
            confidence = 0.78 if timing.firm else 0.5
            explanation = f'asks for it on {timing.asked}, earlier than agreed ({timing.agreed}) for {_quote(timing.item)}'
        elif later:
            # A deadline moved later ("Wednesday instead of Tuesday") is the client's own choice.
            h = timing.item if timing is not None else next(h for h, (_, _, certain) in compared if certain).item
            item, matched = h, [d.text for d in delivs if h is not None and d.item.id == h.id][:1]
            verdict, category, confidence = "in_scope", None, 0.7
            explanation = (f"moves it later than agreed ({h.due}), which is not extra work: {_quote(h)}" if h is not None
                           else f'moves it later ("{timing.asked}" instead of "{timing.agreed}"), which is not extra work')
        elif "rush" in roles:
            rush = sentence.fired_role("rush")[0]
            cue = doc[rush.start : rush.end].text
            item = delivs[0].item if delivs else None
            matched = [delivs[0].text] if delivs else []
            category = "deadline"
            confidence = 0.85 if delivs else 0.72
            agreed = (item.due if item is not None and item.due else None) or (
                f"the period ends {agreement.period.end.isoformat()}" if agreement.period.end else "the agreed planning"
            )
            explanation = f'asks for it sooner than agreed ("{cue}"); agreed: {agreed}'
            if item is not None:
                explanation += f" for {_quote(item)}"
        elif other:
            h = delivs[0]
            item, matched, category = h.item, [f"{other} {h.text}"], "new_work"
            confidence = 0.7
            explanation = f'asks for "{other} {h.text}", which is not the agreed {_quote(h.item)}'
        elif delivs and not (work and ("additive" in roles or _first(work, sentence) < _first(delivs, sentence))):
            h = delivs[0]
            item, matched = h.item, [h.text]
            verdict, category = "in_scope", None
            confidence = 0.85 if not work else 0.65
            explanation = f'asks for "{h.text}", covered by {_quote(h.item)}'
        else:
            agreed = ", ".join(d.id for d in agreement.deliverables)
            category = "new_work"
            if work:
                what = doc[work[0].start : work[0].end].text
                matched = [what]
                confidence = 0.86 if "additive" in roles or not delivs else 0.72
                explanation = f'asks for "{what}", which matches none of the agreed deliverables ({agreed})'
            else:
                # No agreement term and no recognisable piece of work: we cannot tell what is asked,
                # so it reaches the VA as a question ("check"), never as a flag.
                confidence = 0.3 if "additive" not in roles else 0.4
                explanation = f"asks for something that matches none of the agreement's terms ({agreed}); check it"
    if verdict == "out_of_scope":
        confidence = (confidence + strength) / 2 + 0.1 if confidence >= REVIEW_BELOW else min(confidence, REVIEW_BELOW - 0.05)
    if context is not None:
        # The object came from an earlier sentence ("could you write it?"): less sure.
        confidence -= 0.15
        explanation += " (what is asked for is named in an earlier sentence)"
    confidence = max(0.05, min(0.99, confidence))
    start = base_offset + span.start_char
    text = span.text
    # The evidence is the sentence as written, without the line breaks of a wrapped mail.
    stripped = text.rstrip()
    lead = len(text) - len(text.lstrip())
    finding = Finding(
        verdict=verdict,
        category=category,
        evidence=" ".join(stripped.split()),
        start=start + lead,
        end=start + len(stripped),
        rules=rule_ids,
        scope_item=item.id if item else None,
        scope_item_description=item.description if item else None,
        confidence=round(confidence, 2),
        review=verdict == "out_of_scope" and confidence < REVIEW_BELOW,
        part=part,
        scope_item_kind=item.kind if item else None,
        matched_terms=matched,
        explanation=explanation,
    )
    return learned_knowledge.revise(finding, sentence, hits, learned, agreement, language)
