"""The formulas scores are made of: one named function each, every parameter passed in.

In the manner of bm25s's `scoring.py`. The numbers passed in come from the Policy; only
facts about FTS5 itself live here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

# FTS5's bm25 k1 (fixed inside SQLite, not ours to tune): a term's part of the score tends
# to idf x (k1 + 1) as its frequency in a document grows.
FTS5_K1 = 1.2
# The least idf FTS5 gives a term (SQLite clamps its bm25 idf there).
FTS5_MIN_IDF = 1e-6


def idf(n_docs: int, df: int, smoothing: float = 0.5) -> float:
    """log(1 + N / (df + s)): how much a word says, by how few of N documents hold it.

    The one idf the project weighs words by: title words across titles (s = 0: a title word
    is in at least one title), question words across the library for the rerank, and
    question words across one article's sentences for its passage (s = 0.5, as df may be
    0). Never negative, and still above 0 for a word every document holds.
    """
    return math.log(1 + n_docs / (df + smoothing))


def fts5_idf(n_docs: int, df: int) -> float:
    """The idf FTS5's bm25 uses inside SQLite: log((N - df + 0.5) / (df + 0.5)), at least 1e-6.

    Kept apart from `idf` because it must be FTS5's own: with it, the best bm25 a query can
    reach is known (see bm25_bound), which turns FTS5's unbounded scores into 0-1. It is
    ~0 for words in half the library or more, so those weigh like stopwords there.
    """
    value = math.log((n_docs - df + 0.5) / (df + 0.5))
    return value if value > FTS5_MIN_IDF else FTS5_MIN_IDF


def bm25_bound(term_idfs: Iterable[float], missing: float, k1: float = FTS5_K1) -> float:
    """(k1 + 1) x the summed FTS5 idf of the query's terms: no article's bm25 (column
    weights aside) can exceed it. `missing` is the idf of terms no article holds: they stay
    in the bound, so a query half of unknown words cannot score high."""
    return (k1 + 1) * (sum(term_idfs) + missing)


def combine(
    title: dict[int, float],
    text: dict[int, float],
    tag: dict[int, float],
    mix: tuple[float, float, float],
) -> dict[int, float]:
    """Per article any of the three scores, one 0-1 score from three independent pieces
    of evidence, each 0-1 (0 where absent): 1 - (1 - a x title)(1 - b x text)(1 - c x tag)
    for mix (a, b, c). Any one strong signal makes a strong score; agreeing signals add up
    without passing 1. One comprehension, no call per article: thousands per query."""
    a, b, c = mix
    by_title, by_text, by_tag = title.get, text.get, tag.get
    keys = title.keys() | text.keys() | tag.keys()
    if not tag:
        # A question has no tag scores: its factor (1 - c x 0.0) is 1.0 and x * 1.0 is x,
        # so leaving it out is the same float with a third fewer lookups (~200k per
        # 1,000 load-test interactions).
        return {k: 1 - (1 - a * by_title(k, 0.0)) * (1 - b * by_text(k, 0.0)) for k in keys}
    return {
        k: 1 - (1 - a * by_title(k, 0.0)) * (1 - b * by_text(k, 0.0)) * (1 - c * by_tag(k, 0.0))
        for k in keys
    }


def blend(values: tuple[float, ...], mix: tuple[float, ...]) -> float:
    """The weighted sum of 0-1 values, in order: sum(w x v) (weights summing to 1 keep 0-1)."""
    total = 0.0
    for w, v in zip(mix, values, strict=True):
        total = total + w * v
    return total


def length_discount(sentences: int, reference: int, weight: float) -> float:
    """The share of a whole-article measure a text of `sentences` keeps: 1 up to
    `reference` sentences, then 1 - weight x ln(sentences / reference), at least 0. A long
    text holds most words by chance, so what it holds says less."""
    if sentences <= reference or reference <= 0:
        return 1.0
    return max(0.0, 1.0 - weight * math.log(sentences / reference))
