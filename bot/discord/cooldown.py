"""Per-user query cooldowns: at most N queries in any window of S seconds."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


class UserCooldown:
    """A sliding window per user. `hit(user)` records a query or says how long to wait."""

    def __init__(self, rate: int, per: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.per = per
        self.clock = clock
        self._hits: dict[int, deque[float]] = {}

    def hit(self, user_id: int) -> float | None:
        """Record a query; None when allowed, else the seconds until the next is allowed."""
        now = self.clock()
        hits = self._hits.setdefault(user_id, deque())
        while hits and hits[0] <= now - self.per:
            hits.popleft()
        if len(hits) >= self.rate:
            return hits[0] + self.per - now
        hits.append(now)
        if len(self._hits) > 50_000:  # forget idle users now and then, so memory stays flat
            self._prune(now)
        return None

    def _prune(self, now: float) -> None:
        for user_id in [u for u, h in self._hits.items() if not h or h[-1] <= now - self.per]:
            del self._hits[user_id]
