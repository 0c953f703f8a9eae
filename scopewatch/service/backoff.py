"""Exponential backoff with full jitter, so many restarted services do not all knock at once."""

from __future__ import annotations

import random


class Backoff:
    """Delays of initial * 2**n seconds, capped at `maximum`, each drawn from [50 %, 100 %]."""

    def __init__(self, initial: float = 1.0, maximum: float = 300.0, rng: random.Random | None = None):
        self.initial = max(0.0, initial)
        self.maximum = max(self.initial, maximum)
        self.attempt = 0
        self._rng = rng or random.Random()

    def next_delay(self) -> float:
        ceiling = min(self.maximum, self.initial * (2 ** min(self.attempt, 30)))
        self.attempt += 1
        return ceiling * (0.5 + 0.5 * self._rng.random())

    def reset(self) -> None:
        self.attempt = 0
