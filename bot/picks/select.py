"""Choosing the article of the day: newest unpicked first, favouring good cards, never a repeat."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

# A good summary or a cover image is worth moving a few places up the newest-first order.
SUMMARY_BONUS = 3.0
COVER_BONUS = 2.0
# Random jitter below one rank: it only reorders near-ties, so the choice stays predictable.
JITTER = 0.9

_OLDEST = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class PickCandidate:
    """An article that can be picked, with what makes a good card."""

    slug: str
    title: str
    date: datetime | None = None
    tags: tuple[str, ...] = ()
    has_good_summary: bool = False
    has_cover: bool = False


def _aware(value: datetime | None) -> datetime:
    if value is None:
        return _OLDEST
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def filter_by_tags(
    candidates: Iterable[PickCandidate], tags: Sequence[str] | None
) -> list[PickCandidate]:
    """Candidates having any of `tags` (case-insensitive); all of them when no tags are given."""
    wanted = {t.strip().lower() for t in tags or () if t.strip()}
    if not wanted:
        return list(candidates)
    return [c for c in candidates if wanted.intersection(t.lower() for t in c.tags)]


def last_picked(history: Mapping[str, datetime]) -> str | None:
    """The slug picked most recently in `history` (slug → when it was last picked)."""
    if not history:
        return None
    return max(history, key=lambda slug: (_aware(history[slug]), slug))


def choose_pick(
    candidates: Iterable[PickCandidate],
    history: Mapping[str, datetime],
    *,
    now: datetime,
    window_days: int = 60,
    tags: Sequence[str] | None = None,
    rng: random.Random | None = None,
) -> PickCandidate | None:
    """The article to pick now, or None when no candidate matches.

    Among articles not picked within `window_days`, newest first with bonuses for a good
    summary and a cover; when all were picked, the least recently picked. Never the last
    pick again unless it is the only candidate.
    """
    pool = filter_by_tags(candidates, tags)
    if not pool:
        return None
    last = last_picked(history)
    if len(pool) > 1:
        pool = [c for c in pool if c.slug != last] or pool
    cutoff = _aware(now) - timedelta(days=window_days)
    fresh = [c for c in pool if c.slug not in history or _aware(history[c.slug]) <= cutoff]
    if not fresh:
        # Everything was picked recently: start again from the least recently picked.
        return min(pool, key=lambda c: (_aware(history.get(c.slug)), c.slug))
    fresh.sort(key=lambda c: (_aware(c.date), c.slug), reverse=True)

    def score(rank: int, c: PickCandidate) -> float:
        value = -float(rank)
        value += SUMMARY_BONUS if c.has_good_summary else 0.0
        value += COVER_BONUS if c.has_cover else 0.0
        if rng is not None:
            value += rng.random() * JITTER
        return value

    scored = [(score(rank, c), -rank, c) for rank, c in enumerate(fresh)]
    return max(scored, key=lambda item: (item[0], item[1]))[2]
