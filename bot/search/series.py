"""Posts of one series, and questions about the first of something.

A blog writes a series under one title: "Contributors Summit" and "Contributors Summit
2019", the monthly "Project Director Update", the yearly survey. Its posts hold the same
words, so a question about one of them meets all of them about equally, and the later
ones often recap the earlier ("the first summit, in 2017…"). A question that asks about
the *first* of something ("where did the first go contributors summit take place", "when
was the first board meeting she went to") asks about the earliest: among the series'
posts about as good as the best, the oldest answers it (Policy.first_margin).

What is read is English and the titles' shape, not the library's topics: the ordinal
"first" and its superlative "earliest" (the closed class ordinals.py reads list places
from), and two titles sharing most of their words, numbers aside (a year or a version
tells the posts of a series apart; it is not what they are about).
"""

from __future__ import annotations

import re

from bot.search.words import STOPWORDS

# "first" (an ordinal, or the adverb: "where did the gopher first appear") and
# "earliest": both ask about the earliest occurrence of what the question names.
_FIRST = frozenset(["first", "earliest"])
_LETTERS = re.compile(r"[a-z]+")


def asks_first(typed: tuple[str, ...]) -> bool:
    """Whether a question's words ask about the first of something."""
    return any(w.lower() in _FIRST for w in typed)


def series_words(title: str) -> frozenset[str]:
    """A title's words without function words and numbers: "Contributors Summit 2019" ->
    {"contributors", "summit"}. A letter alone is no word of it (the "s" of "Rust's")."""
    return frozenset(
        w for w in _LETTERS.findall(title.lower()) if len(w) > 1 and w not in STOPWORDS
    )


def same_series(a: frozenset[str], b: frozenset[str], share: float) -> bool:
    """Whether two titles' words (series_words) are one series': the shorter shares at
    least `share` of its words with the other."""
    least = min(len(a), len(b))
    return bool(least) and len(a & b) / least >= share
