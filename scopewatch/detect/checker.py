"""The check pipeline for one workspace: raw bytes -> parsed message -> client -> request sentences
-> findings judged against that client's agreement. spaCy and the rules load once per Checker."""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache
from typing import Iterable, Iterator

from scopewatch.agreement.model import Agreement
from scopewatch.detect.findings import CheckResult, Finding
from scopewatch.detect.judge import judge, main_clause
from scopewatch.detect.learned import ClientKnowledge
from scopewatch.detect.nlp import SUPPORTED, Pipelines, unwrap
from scopewatch.detect.requests import RequestFinder
from scopewatch.detect.rules import RuleSet, load_rules
from scopewatch.detect.terms import TermMatcher
from scopewatch.detect.links import AgreementKinds
from scopewatch.detect.work import WorkMatcher
from scopewatch.detect.budget import DETECTION_SECONDS, MAX_REQUESTS, Budget
from scopewatch.words import lexicon, phrase_pattern, regex_pattern
from scopewatch.errors import DetectionStopped, DetectionTimeout, MessageError
from scopewatch.parse.language import mixed_with
from scopewatch.parse.message import ParsedMessage
from scopewatch.parse.normalise import Folded, fold
from scopewatch.workspace import Workspace


log = logging.getLogger(__name__)


@dataclass
class CheckOutcome:
    parsed: ParsedMessage | None  # None when the message could not be read
    result: CheckResult
    agreement: Agreement | None  # the agreement the message was judged against


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Pointing-back words and automatic-reply openings, from the word lists (rules/*/words.yaml)."""
    every = lexicon().every
    return (
        re.compile(rf"\b({phrase_pattern(every.ordered['anaphora'])})\b", re.IGNORECASE),
        re.compile(rf"^\s*({regex_pattern(every.regexes['auto_reply_subject'])})\b", re.IGNORECASE),
        re.compile(rf"\b({regex_pattern(every.regexes['auto_reply_body'])})", re.IGNORECASE),
    )


def is_auto_reply(parsed: ParsedMessage) -> bool:
    """Out-of-office and other automatic replies ask for nothing, whatever their words say."""
    _, subject, body = _patterns()
    return bool(subject.search(parsed.subject or "") or body.search(parsed.new_text[:600]))


MAX_FINDINGS_PER_MESSAGE = 50  # requests listed per message; the rest are counted in `truncated`
def is_short(text: str) -> bool:
    """A body of a line or two (greeting and name aside): its subject may be the whole ask."""
    lines = [ln for ln in (text or "").splitlines() if ln.strip()]
    return len(lines) <= 4 and len((text or "").strip()) <= 240


_CONTEXT = 3  # how many sentences back a pronoun or a short "Lukt dat?" may point


def as_written(findings: list[Finding], folded: Folded) -> list[Finding]:
    """Findings of the folded text with their offsets and evidence in the text as the client wrote it."""
    if folded.origin is None:
        return findings
    out = []
    for f in findings:
        start, end = folded.span(f.start, f.end)
        out.append(replace(f, start=start, end=end, evidence=" ".join(folded.original[start:end].split())))
    return out


class _Within:
    """The hits (sorted by start) whose first token lies in a span, found by bisection: a list
    comprehension per request sentence was quadratic in a long mail."""

    def __init__(self, hits: list):
        self.hits = sorted(hits, key=lambda h: h.start)
        self.starts = [h.start for h in self.hits]

    def __call__(self, span) -> list:
        return self.hits[bisect_left(self.starts, span.start):bisect_left(self.starts, span.end)]


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:300]


class Checker:
    """Checks messages against the agreements of one workspace."""

    def __init__(self, workspace: Workspace, *, rules: RuleSet | None = None, pipelines: Pipelines | None = None,
                 budget_seconds: float = DETECTION_SECONDS):
        self.workspace = workspace
        self.budget_seconds = budget_seconds  # CPU time of detection per message (detect/budget.py)
        self.rules = rules if rules is not None else load_rules(workspace.rules_dirs())
        lexicon()  # a broken words file is reported here, before any mail is read
        self.pipelines = pipelines or Pipelines()
        self._finders: dict[str, RequestFinder] = {}
        self._terms: dict[tuple[str, str], TermMatcher] = {}
        self.catalogue = workspace.catalogue()  # read and checked once per process
        self._kinds: dict[tuple[str, str], AgreementKinds] = {}
        self.learned: dict[str, ClientKnowledge] = {}  # client id -> what the VA taught (store/ loads it)
        # sender address -> the client id its earlier mail was filed under (the service sets it from
        # the ledger), for the mail of a client whose agreement file cannot be read at all.
        self.sender_history = None

    def _broken_by_history(self, sender: str):
        """A broken agreement whose file gave no contacts (a folder, a FIFO, an unreadable file),
        found through the client the ledger filed this sender's earlier mail under."""
        if self.sender_history is None or not self.workspace.broken:
            return None
        try:
            client = self.sender_history(sender)
        except Exception:  # noqa: BLE001 - a lookup that fails is no answer, never a lost message
            return None
        return self.workspace.broken.get(client) if client else None

    def use_learned(self, knowledge: dict[str, ClientKnowledge]) -> None:
        """Judge from now on with this learned knowledge per client (see detect/learned.py)."""
        self.learned = knowledge

    def budget(self, stop=None, off: set[str] | None = None) -> Budget:
        """A fresh detection budget for one message; `off` holds the regex rules switched off for
        the batch."""
        return Budget(self.budget_seconds, stop=stop, off=off)

    # --- building blocks, cached -----------------------------------------------------------
    def finder(self, language: str) -> RequestFinder:
        f = self._finders.get(language)
        if f is None:
            f = RequestFinder(self.pipelines.get(language), self.rules.for_language(language))
            self._finders[language] = f
        return f

    def term_matcher(self, agreement: Agreement, language: str) -> TermMatcher:
        key = (agreement.content_hash or agreement.client_id, language)
        m = self._terms.get(key)
        if m is None:
            m = TermMatcher(self.pipelines.get(language), agreement, language)
            self._terms[key] = m
        return m

    def work_matcher(self, language: str) -> WorkMatcher:
        return WorkMatcher.get(self.pipelines.get(language), self.catalogue)

    def agreement_kinds(self, agreement: Agreement, language: str) -> AgreementKinds:
        """The kinds of work of each item of this agreement version, linked once."""
        key = (agreement.content_hash or agreement.client_id, language)
        k = self._kinds.get(key)
        if k is None:
            k = self._kinds[key] = AgreementKinds(agreement, self.work_matcher(language))
        return k

    def warm_up(self, languages: Iterable[str] = SUPPORTED) -> None:
        for lang in languages:
            self.finder(lang)
            self.work_matcher(lang)

    # --- text level ------------------------------------------------------------------------
    def _findings(self, doc, agreement: Agreement, language: str, part: str, budget: Budget | None = None,
                  *, short: bool = False, mixed: bool = True) -> list[Finding]:
        """Findings of one part. `short`: the body is a line or two, so a subject that asks
        ("Extra nieuwsbrief deze week?") is read as the request. `mixed`: a body in two languages
        is also read with the other language's rules."""
        budget = budget if budget is not None else Budget()
        # Built once per agreement version and process, outside any message's budget.
        self.term_matcher(agreement, language)
        self.agreement_kinds(agreement, language)
        with budget:
            return self._part_findings(doc, agreement, language, part, budget, short=short, mixed=mixed)

    def _part_findings(self, doc, agreement: Agreement, language: str, part: str, budget: Budget, *,
                       short: bool, mixed: bool) -> list[Finding]:
        sentences = self.finder(language).sentences(doc, budget, subject=short and part == "subject")
        requests = budget.cap([n for n, s in enumerate(sentences) if s.is_request], "requests", MAX_REQUESTS)
        other = mixed_with(doc.text, language) if mixed and part == "body" else None
        if other is not None:
            # "Hoi Sam, could you also update the planning?": the other language's rules read the
            # sentences this language's rules found no request in.
            found = self._findings(self.pipelines.get(other)(doc.text), agreement, other, part, budget, mixed=False)
            taken = [(sentences[n].span.start_char, sentences[n].span.end_char) for n in requests]
            extra = [f for f in found if not any(a < f.end and f.start < b for a, b in taken)]
        else:
            extra = []
        if not requests:
            return extra
        # Terms are looked for in the request sentences and the few before each (pronouns).
        spans = {sentences[k].span.start: sentences[k].span for n in requests for k in range(max(0, n - _CONTEXT), n + 1)}
        all_hits = self.term_matcher(agreement, language).find(doc, list(spans.values()), budget)
        works = self.work_matcher(language)
        kinds = self.agreement_kinds(agreement, language)
        word_hits = works.words(doc, [sentences[n].span for n in requests], budget)
        term_at, word_at = _Within(all_hits), _Within(word_hits)
        findings = []
        for n in requests:
            budget.tick("judging the requests")
            sentence = sentences[n]
            span = sentence.span
            hits = main_clause(term_at(span), sentence, language)
            context_work = []
            context = None
            if not hits and not main_clause(sentence.fired_role("work"), sentence, language) and _patterns()[0].search(span.text):
                # "Could you write it for me?" and "Lukt dat?" refer to what came just before.
                # Prefer the nearest earlier sentence that itself leans towards a request ("I'd like
                # a post every day"), then the nearest that names anything at all.
                window = range(n - 1, max(-1, n - 1 - _CONTEXT), -1)
                for wanted in (True, False):
                    for k in window:
                        prev = sentences[k]
                        if wanted and prev.score <= 0:
                            continue
                        hits = term_at(prev.span)
                        context_work = prev.fired_role("work")
                        if hits or context_work:
                            context = prev.span
                            break
                    if context is not None:
                        break
            asked = None
            if context is None:
                mine = main_clause(word_at(span), sentence, language)
                asks = [f for f in sentence.fired if f.rule.role in ("ask", "adjust") and f.rule.score > 0]
                cue_end = min(asks, key=lambda f: f.start).end if asks else span.start
                asked = works.asked(span, mine, cue_end, budget=budget)
            findings.append(judge(sentence, hits, agreement, language, part=part, context_work=context_work,
                                  context=context, asked=asked, kinds=kinds, learned=self.learned.get(agreement.client_id)))
        return sorted(findings + extra, key=lambda f: f.start) if extra else findings

    def check_text(self, text: str, agreement: Agreement, language: str | None = None, *, subject: str | None = None) -> list[Finding]:
        """Findings for a piece of new text (and optionally a first message's subject)."""
        return [f for f in self._text_findings(text, agreement, language, subject=subject) if not f.set_aside]

    def _text_findings(self, text: str, agreement: Agreement, language: str | None = None, *,
                       subject: str | None = None) -> list[Finding]:
        """check_text's findings, those the VA taught are no requests still in (for their count)."""
        language = language if language in SUPPORTED else agreement.language
        nlp = self.pipelines.get(language)
        findings = []
        budget = self.budget()
        if subject:
            folded = fold(subject)
            findings += as_written(self._findings(nlp(unwrap(folded.text)), agreement, language, "subject", budget,
                                                  short=is_short(text)), folded)
        folded = fold(text)
        findings += as_written(self._findings(nlp(unwrap(folded.text)), agreement, language, "body", budget), folded)
        return findings

    # --- message level ---------------------------------------------------------------------
    @staticmethod
    def _parse(source: str, raw: bytes) -> ParsedMessage | CheckOutcome:
        """The parsed message, or the error outcome for input that cannot be read."""
        from scopewatch.parse.parser import parse_message

        try:
            return parse_message(raw)
        except MessageError as exc:
            return CheckOutcome(None, CheckResult(source, None, None, None, "error", error=_one_line(exc)), None)
        except Exception as exc:  # a parser bug must cost one message, never the run
            return CheckOutcome(
                None, CheckResult(source, None, None, None, "error", error=f"could not read message: {_one_line(exc)}"), None
            )

    def _triage(self, source: str, parsed: ParsedMessage) -> tuple[Agreement | None, CheckOutcome | None]:
        """The agreement to judge against, or the outcome when no text needs reading: an unknown
        sender, or an automatic reply (which asks for nothing, whatever its words say)."""
        agreement = self.workspace.agreement_for_sender(parsed.sender) if parsed.sender else None
        if agreement is None and parsed.sender:
            broken = self.workspace.broken_for_sender(parsed.sender) or self._broken_by_history(parsed.sender)
            if broken is not None:
                # That client's agreement cannot be used: this mail is not judged, and says why.
                result = CheckResult(
                    source, parsed.message_id, broken.client_id, parsed.language, "error",
                    error=f"the agreement {broken.path} cannot be used: {broken.reason}; fix it "
                          "(`scopewatch scope lint` lists every problem) and read this mail yourself",
                    sender=parsed.sender, subject=parsed.subject, truncated=parsed.truncated,
                )
                return None, CheckOutcome(parsed, result, None)
        if agreement is None:
            result = CheckResult(
                source, parsed.message_id, None, parsed.language, "unknown_sender",
                sender=parsed.sender, subject=parsed.subject, truncated=parsed.truncated,
            )
            return None, CheckOutcome(parsed, result, None)
        if is_auto_reply(parsed):
            return agreement, self._result(source, parsed, agreement, [])
        return agreement, None

    def _result(self, source: str, parsed: ParsedMessage, agreement: Agreement, findings: list[Finding],
                notes: Iterable[str] = ()) -> CheckOutcome:
        uses = [f.learned for f in findings if f.learned is not None]
        findings = [f for f in findings if not f.set_aside]  # the VA taught these are no requests
        truncated = [*parsed.truncated, *notes]  # what a limit of parsing or detection left unread
        if len(findings) > MAX_FINDINGS_PER_MESSAGE:
            # One mail must not flood the ledger (a 30 MB mail made 1,870 findings): the first ones
            # are kept, out-of-scope first, and the rest counted.
            keep = sorted(range(len(findings)), key=lambda i: (findings[i].verdict != "out_of_scope", i))
            keep = sorted(keep[:MAX_FINDINGS_PER_MESSAGE])
            rest = len(findings) - len(keep)
            findings = [findings[i] for i in keep]
            truncated = [*truncated, f"findings capped at {MAX_FINDINGS_PER_MESSAGE}: {rest} more request"
                                     f"{'s' if rest != 1 else ''} not listed"]
        result = CheckResult(
            source=source,
            message_id=parsed.message_id,
            client=agreement.client_id,
            language=parsed.language,
            verdict=CheckResult.message_verdict(findings),
            findings=findings,
            sender=parsed.sender,
            subject=parsed.subject,
            client_name=agreement.client,
            agreement_hash=agreement.content_hash,
            learned_uses=uses,
            truncated=truncated,
        )
        return CheckOutcome(parsed, result, agreement)

    def check_parsed(self, parsed: ParsedMessage, source: str = "") -> CheckOutcome:
        agreement, done = self._triage(source, parsed)
        if done is not None:
            return done
        subject = parsed.subject if parsed.subject_is_new else None
        findings = self._text_findings(parsed.new_text, agreement, parsed.language, subject=subject)
        return self._result(source, parsed, agreement, findings)

    def check_bytes(self, raw: bytes, source: str = "") -> CheckOutcome:
        return next(self.check_many([(source, raw)]))

    def check_many(self, items: Iterable[tuple[str, bytes]], batch_size: int = 64, *,
                   stop=None) -> Iterator[CheckOutcome]:
        """Check many messages in input order, running spaCy with nlp.pipe per language. With a
        `stop` event set meanwhile, the outcomes end early (a prefix, in order): every detection
        loop looks at it (detect/budget.py), so a stop is honoured within milliseconds."""
        batch: list[tuple[str, bytes]] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                done = self._check_batch(batch, stop)
                yield from done
                if len(done) < len(batch):
                    return
                batch = []
        if batch:
            yield from self._check_batch(batch, stop)

    def _check_batch(self, batch: list[tuple[str, bytes]], stop=None) -> list[CheckOutcome]:
        out: list[CheckOutcome | None] = [None] * len(batch)
        todo: dict[str, list[tuple[int, str, ParsedMessage, Agreement, str]]] = {}
        for n, (source, raw) in enumerate(batch):
            parsed = self._parse(source, raw)
            if isinstance(parsed, CheckOutcome):
                out[n] = parsed
                continue
            agreement, done = self._triage(source, parsed)
            if done is not None:
                out[n] = done
                continue
            language = parsed.language if parsed.language in SUPPORTED else agreement.language
            if parsed.subject_is_new:
                todo.setdefault(language, []).append((n, source, parsed, agreement, "subject"))
            todo.setdefault(language, []).append((n, source, parsed, agreement, "body"))
        findings: dict[int, list[Finding]] = {}
        budgets: dict[int, Budget] = {}  # one budget per message, shared by subject and body
        off: set[str] = set()  # regex rules that ran past their time on a mail of this batch
        stopped = False
        for language, jobs in todo.items():
            if stopped:
                break
            nlp = self.pipelines.get(language)
            # Detection reads the text with its disguises taken off (no-break and zero-width spaces,
            # bidi controls: parse/normalise.py); findings point back into the text as written.
            folds = [fold(p.subject if part == "subject" else p.new_text) for _, _, p, _, part in jobs]
            texts = [unwrap(f.text) for f in folds]
            # Small spaCy batches: a stop is seen after a few docs, not after a thousand are tokenized.
            for (n, source, parsed, agreement, part), folded, doc in zip(jobs, folds, nlp.pipe(texts, batch_size=16)):
                if stop is not None and stop.is_set():
                    stopped = True
                    break
                if out[n] is not None:
                    continue  # its subject already ended in an error
                budget = budgets.get(n)
                if budget is None:
                    budget = budgets[n] = self.budget(stop, off)
                try:
                    short = part == "subject" and is_short(parsed.new_text)
                    found = self._findings(doc, agreement, language, part, budget, short=short)
                    findings.setdefault(n, []).extend(as_written(found, folded))
                except DetectionStopped:
                    stopped = True
                    break
                except DetectionTimeout as exc:
                    error = str(exc)
                    if exc.rule_id is not None and exc.rule_id in self.rules.rules:
                        # One slow rule must not turn every mail into an error: it sits out the
                        # rest of the batch, and this mail's error names it alone.
                        off.add(exc.rule_id)
                        error += "; it is switched off for the rest of this batch"
                        log.warning("rule %s ran past its time on %s and is switched off for the rest of the batch",
                                    exc.rule_id, source or "a message")
                    out[n] = CheckOutcome(
                        parsed,
                        CheckResult(source, parsed.message_id, agreement.client_id, language, "error",
                                    error=error, sender=parsed.sender, subject=parsed.subject),
                        agreement,
                    )
                except Exception as exc:  # one odd message must not stop the batch
                    out[n] = CheckOutcome(
                        parsed,
                        CheckResult(source, parsed.message_id, agreement.client_id, language, "error",
                                    error=f"detection failed: {_one_line(exc)}", sender=parsed.sender, subject=parsed.subject),
                        agreement,
                    )
                if out[n] is None and part == "body":
                    out[n] = self._result(source, parsed, agreement, findings.get(n, []), budget.truncated)
        if stopped:
            done = next((i for i, o in enumerate(out) if o is None), len(out))
            return out[:done]  # type: ignore[return-value]
        return out  # type: ignore[return-value]
