"""What one message may spend on detection. The Checker makes one Budget per message and hands it to
every stage; each loop over sentences, spans or candidates calls `tick()`, so a mail that would take
too long becomes one error verdict (DetectionTimeout) instead of a stalled mailbox, and a stopping
service (SIGTERM) is seen within milliseconds (DetectionStopped). Caps bound the work by design:
sentences read, the length of one sentence, candidate spans weighed and requests judged per
message; what a cap leaves out is named in the result's `truncated`, like a body cut short."""

from __future__ import annotations

import threading
import time
from typing import Iterable, Iterator, TypeVar

from scopewatch.errors import DetectionStopped, DetectionTimeout

T = TypeVar("T")

# CPU time all of detection may take on one message (subject and body). An ordinary mail takes a
# few tens of milliseconds, a 200 kB one well under a second.
DETECTION_SECONDS = 5.0
# Matching time all regex rules together may take on one message, inside the CPU budget.
REGEX_SECONDS = 1.0
MAX_SENTENCES = 1_000  # sentences read per message part (subject, body)
MAX_SENTENCE_TOKENS = 200  # a longer run without a sentence end is read in pieces of this size
MAX_CANDIDATES = 5_000  # term and work-word hits weighed per message
MAX_REQUESTS = 200  # request sentences judged per message (50 are listed, see MAX_FINDINGS_PER_MESSAGE)
_TICKS = 32  # loop rounds between two looks at the clock


class Budget:
    """The detection budget of one message. `with budget:` counts this thread's CPU time while a
    stage works on the message (nested uses count once); `tick()` raises when it is spent or the
    service is stopping."""

    def __init__(self, seconds: float = DETECTION_SECONDS, regex_seconds: float = REGEX_SECONDS, *,
                 stop: threading.Event | None = None, off: set[str] | None = None):
        self.seconds, self.regex_seconds, self.stop = seconds, regex_seconds, stop
        # Regex rules switched off for the batch (one ran past its time on an earlier mail).
        self.off = off if off is not None else set()
        self.spent = 0.0  # CPU seconds, all of detection
        self.regex_spent = 0.0
        self.truncated: list[str] = []  # what a cap left out, one line each
        self._since: float | None = None
        self._depth = 0
        self._ticks = 0
        self._used: dict[str, int] = {}
        self.where = "reading the mail"

    # --- time ------------------------------------------------------------------------------------
    def __enter__(self) -> "Budget":
        if self._depth == 0:
            self._since = time.thread_time()
        self._depth += 1
        return self

    def __exit__(self, *exc) -> None:
        self._depth -= 1
        if self._depth == 0 and self._since is not None:
            self.spent += time.thread_time() - self._since
            self._since = None

    def used(self) -> float:
        """CPU seconds spent so far, the running stage included."""
        running = time.thread_time() - self._since if self._since is not None else 0.0
        return self.spent + running

    def tick(self, where: str | None = None) -> None:
        """Call once per loop round: every few rounds the clock and the stop flag are looked at."""
        self._ticks += 1
        if self._ticks >= _TICKS:
            self._ticks = 0
            self.check(where)

    def check(self, where: str | None = None) -> None:
        if where:
            self.where = where
        if self.stop is not None and self.stop.is_set():
            raise DetectionStopped()
        if self.used() > self.seconds:
            raise DetectionTimeout(None, self.seconds, where=self.where)

    # --- regex rules -----------------------------------------------------------------------------
    def search(self, rule, text: str, *, limit: float | None = None):
        """`rule.compiled.search(text)` within the regex budget (matching time of this thread, the
        clock the `regex` module's timeout runs on); DetectionTimeout names the rule when it is gone,
        or when this one search took longer than `limit`. A rule switched off finds nothing."""
        if rule.id in self.off:
            return None
        self.tick("matching the rules")
        left = self.regex_seconds - self.regex_spent
        if left <= 0:
            raise DetectionTimeout(rule.id, self.regex_seconds)
        timeout = left if limit is None else min(left, limit)
        started = time.thread_time()
        try:
            # concurrent: the GIL is let go while matching, so a SIGTERM is handled meanwhile
            return rule.compiled.search(text, timeout=timeout, concurrent=True)
        except TimeoutError:
            if timeout < left:  # only this search's own limit ran out
                raise DetectionTimeout(rule.id, timeout) from None
            self.regex_spent = self.regex_seconds
            raise DetectionTimeout(rule.id, self.regex_seconds) from None
        finally:
            self.regex_spent = min(self.regex_seconds, self.regex_spent + time.thread_time() - started)

    # --- caps ------------------------------------------------------------------------------------
    def sentences(self, sents: Iterable, what: str = "body") -> Iterator:
        """The doc's sentence spans, at most MAX_SENTENCES of them, each at most MAX_SENTENCE_TOKENS
        long (a longer one comes in pieces: a run of words without a full stop is no sentence)."""
        n = 0
        for s in sents:
            self.tick("splitting sentences")
            for start in range(s.start, s.end, MAX_SENTENCE_TOKENS):
                if n >= MAX_SENTENCES:
                    self.note(f"sentences capped at {MAX_SENTENCES:,} per part: the rest of the {what} was not read")
                    return
                n += 1
                yield s if s.end - s.start <= MAX_SENTENCE_TOKENS else s.doc[start:min(s.end, start + MAX_SENTENCE_TOKENS)]

    def cap(self, items: list[T], what: str, limit: int = MAX_CANDIDATES) -> list[T]:
        """The first items that fit in this message's cap for `what` (shared by subject and body)."""
        used = self._used.get(what, 0)
        room = max(0, limit - used)
        self._used[what] = used + min(room, len(items))
        if len(items) > room:
            self.note(f"{what} capped at {limit:,} per message: {len(items) - room:,} more not weighed")
            return items[:room]
        return items

    def note(self, line: str) -> None:
        if line not in self.truncated:
            self.truncated.append(line)
