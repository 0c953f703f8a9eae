"""What detection produces: one Finding per request, one CheckResult per message."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Verdict = Literal["in_scope", "out_of_scope"]
MessageVerdict = Literal["in_scope", "out_of_scope", "no_request", "unknown_sender", "error"]
CATEGORIES = ("new_work", "excluded", "quantity", "deadline", "client_duty")


@dataclass
class Finding:
    """One request in a message, judged against one clause of the agreement (or none)."""

    verdict: Verdict
    category: str | None  # one of CATEGORIES when out_of_scope, else None
    evidence: str  # the request sentence, as the client wrote it
    start: int  # character offsets of `evidence` in the message's new text (or subject)
    end: int
    rules: list[str]  # ids of the rules that fired, request rules first
    scope_item: str | None  # id of the agreement clause compared with
    scope_item_description: str | None
    confidence: float  # in [0, 1]
    review: bool = False  # low confidence: goes to the digest as "check", not as a flag
    part: Literal["body", "subject"] = "body"
    scope_item_kind: str | None = None  # deliverable, exclusion, client_provides
    matched_terms: list[str] = field(default_factory=list)
    explanation: str = ""  # one readable sentence: why this verdict
    learned: int | None = None  # id of the learned entry (the VA's earlier decision) that decided it
    # For learning from the VA's decision on it: the request's work words and kinds of work.
    work_words: list[str] = field(default_factory=list, repr=False)
    work_kinds: list[str] = field(default_factory=list, repr=False)
    set_aside: bool = False  # the VA taught that such a sentence is no request: not reported

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["confidence"] = round(self.confidence, 2)
        for internal in ("work_words", "work_kinds", "set_aside"):
            d.pop(internal)
        if self.learned is None:
            d.pop("learned")
        return d


@dataclass
class CheckResult:
    """The verdict on one message. `client` is the agreement's client id, None when unknown."""

    source: str
    message_id: str | None
    client: str | None
    language: str | None
    verdict: MessageVerdict
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    sender: str | None = None
    subject: str | None = None
    client_name: str | None = None
    agreement_hash: str | None = None  # content hash of the agreement version judged against
    learned_uses: list[int] = field(default_factory=list)  # learned entries that decided a request
    truncated: list[str] = field(default_factory=list)  # limits reached: what was not read or listed

    @staticmethod
    def message_verdict(findings: list[Finding]) -> MessageVerdict:
        if any(f.verdict == "out_of_scope" for f in findings):
            return "out_of_scope"
        if findings:
            return "in_scope"
        return "no_request"

    @property
    def review_only(self) -> bool:
        """Out of scope only through low-confidence findings: a "check" item, not a flag."""
        oos = [f for f in self.findings if f.verdict == "out_of_scope"]
        return bool(oos) and all(f.review for f in oos)

    @property
    def flagged(self) -> bool:
        """At least one firm out-of-scope finding: what the VA is alerted to."""
        return any(f.verdict == "out_of_scope" and not f.review for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "source": self.source,
            "message_id": self.message_id,
            "client": self.client,
            "language": self.language,
            "verdict": self.verdict,
            "findings": [f.to_json() for f in self.findings],
        }
        if self.verdict == "out_of_scope":
            d["review"] = self.review_only
        if self.error is not None:
            d["error"] = self.error
        d["truncated"] = list(self.truncated)
        d["sender"] = self.sender
        d["subject"] = self.subject
        return d
