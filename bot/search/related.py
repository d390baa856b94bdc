"""Related articles: the ones sharing an article's rarest title and description words and
its tags, read from the index alone.

Every article card lists them, so they must cost little at 100k articles: no query is
ranked and no SQL is run (the keyword ranking plus FTS5 bm25 pass they were made with cost
~5 ms of CPU a card at 100k). An article's terms are the content words of its title and
description and its tags, each weighing its idf (a description word less than a title
word). The articles holding its rarest terms are found through the title postings and the
tag lists, within a budget of ids walked, and the best of those are scored again on every
term they share, their descriptions included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.search.policy import Policy
from bot.search.rank import LibraryIndex
from bot.search.scoring import idf
from bot.search.words import STOPWORDS, words


@dataclass(frozen=True, slots=True)
class _Term:
    """One of the article's terms: a word of its title or description, or a tag."""

    name: str
    is_tag: bool
    weight: float  # the term's weight times its idf
    df: int  # how many articles hold it (titles and descriptions counted apart, for words)


def related(idx: LibraryIndex, aid: int, limit: int, policy: Policy) -> list[tuple[int, float]]:
    """Up to `limit` (article id, 0-1 score) most like article `aid`, best first (newer
    first on equal scores); never the article itself or another of the same title."""
    e = idx.entries[aid]
    terms = _terms(idx, aid, policy)
    whole = sum(t.weight for t in terms)
    if not whole:
        return []
    found, rest = _walk(idx, terms, policy.related_walk)
    found.pop(aid, None)
    checked = _best(idx, found, policy.related_check)
    # The title words past the walk's budget, read in the titles of the best found so far:
    # of the articles sharing a rare word, those sharing common ones too come first.
    common = {t.name: t.weight for t in rest if not t.is_tag}
    if common:
        title_key = idx.entries.title_key
        held = common.keys()
        for a in checked:
            # Most of the checked hold none: a look without making the title's set.
            key = title_key(a).split()
            if not held.isdisjoint(key):
                found[a] += sum([common[w] for w in held & set(key)])
    scores = {}
    for a in _best(idx, {a: found[a] for a in checked}, policy.related_pool):
        key = idx.entries.title_key(a)
        if key != e.title_key:
            scores[a] = _shared(idx, a, key, terms, policy) / whole
    order = sorted(scores, key=lambda a: (-scores[a], idx.ranks[a]))[:limit]
    return [(a, min(1.0, scores[a])) for a in order]


def _best(idx: LibraryIndex, found: dict[int, float], count: int) -> list[int]:
    """The `count` articles of the highest weights found, newer first on equal weights."""
    if not found:
        return []
    # The cut-off weight and the order of the many that often share it (all the articles
    # of one rare word) found by sorts that run in C (the weights alone; the tied ids by
    # rank, a C lookup): heapq's selections loop in Python and took twice as long, and
    # sorting every candidate by a Python key ~0.5 ms at 100k.
    weights = sorted(found.values(), reverse=True)
    cut = weights[min(count, len(weights)) - 1]
    rank = idx.ranks.__getitem__
    above = [a for a, w in found.items() if w > cut]
    tied = sorted([a for a, w in found.items() if w == cut], key=rank)[: count - len(above)]
    return sorted(above, key=lambda a: (-found[a], rank(a))) + tied


def _description_words(description: str | None, policy: Policy) -> list[str]:
    """The first content words of a description (those the related articles are found by)."""
    if not description:
        return []
    ws = [w for w in words(description[: policy.description_chars]) if w not in STOPWORDS]
    return list(dict.fromkeys(ws))[: policy.related_description_words]


def _terms(idx: LibraryIndex, aid: int, policy: Policy) -> list[_Term]:
    """The article's terms held by at least one other article, rarest first."""
    e = idx.entries[aid]
    n = idx.n
    out: list[_Term] = []
    title = set(e.title_words)
    described = [w for w in _description_words(e.meta.description, policy) if w not in title]
    for w, weight in [(w, 1.0) for w in e.title_words] + [
        (w, policy.related_description_weight) for w in described
    ]:
        df = min(n, idx.postings.size(w) + idx.description_count(w))
        if df > 1:
            out.append(_Term(w, False, weight * idf(n, df, smoothing=0.0), df))
    for t in e.tags:
        df = idx.by_tag.size(t)
        if df > 1:
            out.append(_Term(t, True, policy.related_tag_weight * idf(n, df, smoothing=0.0), df))
    out.sort(key=lambda t: t.df)
    return out


def _walk(
    idx: LibraryIndex, terms: list[_Term], budget: int
) -> tuple[dict[int, float], list[_Term]]:
    """The articles holding the rarest terms, with the weights of those they hold, and the
    terms not walked. The terms' ids are walked rarest term first while they fit in
    `budget` ids; when not even the rarest fits, its newest `budget` ids."""
    found: dict[int, float] = {}
    get = found.get
    for k, t in enumerate(terms):
        ids = _ids(idx, t)
        if len(ids) > budget:
            if found:
                return found, terms[k:]
            ids = _newest(idx, t, ids, budget)
        budget -= len(ids)
        weight = t.weight
        for a in ids:
            found[a] = get(a, 0.0) + weight
    return found, []


def _ids(idx: LibraryIndex, t: _Term) -> Sequence[int]:
    """The ids of the articles whose title (for a word) or tags hold a term."""
    if t.is_tag:
        return idx.by_tag.view(t.name)
    i = idx.postings.position(t.name)
    return idx.postings.ids_at(i) if i >= 0 else []


def _newest(idx: LibraryIndex, t: _Term, ids: Sequence[int], count: int) -> list[int]:
    """The newest `count` of a term's ids (tag lists are newest first; title postings are
    by id, so the title word's newest are read from the index's own list of them)."""
    if t.is_tag:
        return list(ids[:count])
    return list(idx.newest_holding(t.name)[:count])


def _shared(
    idx: LibraryIndex, aid: int, title_key: str, terms: list[_Term], policy: Policy
) -> float:
    """The summed weights of the terms article `aid` (of title key `title_key`) holds in
    its title, description or tags."""
    # Its description and tags alone: most of the pool is never shown, and decoding whole
    # records (an ArticleMeta, a date) was a sixth of a card's related articles.
    description, tags = idx.entries.described(aid)
    held = set(title_key.split())
    held.update(_description_words(description, policy))
    tagged = set(tags)
    return sum(t.weight for t in terms if (t.name in tagged if t.is_tag else t.name in held))
