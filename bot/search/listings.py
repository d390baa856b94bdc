"""Listing answers: a question that asks for articles rather than for what one says.

"What's new?", "articles from 2021", "posts tagged rust", "how many articles about
netflix", "articles by rafael quintero", "latest rust release": the articles that fit,
newest first, the newest as the answer. Each function takes the index, the store and the
policy it reads; a listing that finds nothing to list returns None where the engine then
answers the words as a question (this module never calls back into the engine).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from bot.library.model import Article
from bot.search import asked, present, respond, versions
from bot.search.library_asks import topic_words
from bot.search.parse import parse
from bot.search.period import Named, Span, span
from bot.search.policy import Policy
from bot.search.query import Query
from bot.search.rank import LibraryIndex
from bot.search.results import Answer
from bot.search.retrieve import Retriever
from bot.search.words import fts_word

if TYPE_CHECKING:
    from bot.store.articles import ArticleStore


async def newest(idx: LibraryIndex, q: Query, store: ArticleStore, policy: Policy) -> Answer:
    """ "What's new?": the newest articles."""
    article = await store.article_by_id(idx.newest[0])
    if article is None:  # removed by a reload the index has not caught up with
        return Answer(question=q.raw)
    return respond.newest(idx, q, article, policy)


async def oldest(idx: LibraryIndex, q: Query, store: ArticleStore, policy: Policy) -> Answer:
    """ "Oldest post": the oldest articles, oldest first, listed as the newest are."""
    ids = list(reversed(idx.newest))
    article = await store.article_by_id(ids[0]) if ids else None
    if article is None:
        return Answer(question=q.raw)
    answer = respond.newest(idx, q, article, policy, ids)
    return replace(answer, passage="The oldest articles, oldest first.")


async def tagged(
    idx: LibraryIndex, q: Query, tag: str, store: ArticleStore, policy: Policy
) -> Answer | None:
    """A tag's articles asked for with nothing else ("tag:energy", "posts tagged
    energy"): its newest, listed as "what's new?" lists the library's; None when the tag
    has none (the engine then answers `q` as a question: before, the tag's best match for
    no words at all, an arbitrary one of them)."""
    ids = sorted(idx.by_tag.view(tag), key=idx.ranks.__getitem__)
    article = await store.article_by_id(ids[0]) if ids else None
    if article is None:
        return None
    n = len(ids)
    said = f"{n} {'article' if n == 1 else 'articles'} tagged “{tag}”"
    said += ", newest first." if n > 1 else "."
    answer = respond.newest(idx, q, article, policy, ids)
    more = tag if n > len(answer.newest) else None
    return replace(answer, passage=said, more_of_tag=more)


def topic_tag(idx: LibraryIndex, topic: Query) -> str | None:
    """The library's tag a topic is exactly, when it has articles ("how many articles
    about rust": all of the tag's, counted, as "posts tagged rust" lists them)."""
    about = topic_words(topic)
    tag = idx.tag_table.exact(about) if about else None
    return tag if tag is not None and idx.by_tag.view(tag) else None


async def topic_articles(
    idx: LibraryIndex, q: Query, topic: Query, run: Retriever, store: ArticleStore, policy: Policy
) -> Answer | None:
    """ "How many articles about rust are there?", "list the articles about netflix", the
    topic being no tag (see topic_tag): how many articles mention every word of the topic
    and the best matches of a search for it, newest first (a search ranks, it does not
    count: the number is the text's, the list the search's); when the count is no more
    than a list shows, every one, the best matches first. None for a topic no article
    mentions, or one the search finds nothing confident for: it is asked as a question."""
    read = (await run.read(topic, question=False)).query
    exprs = [e for w in read.content if (e := fts_word(w)) is not None]
    (n,) = await run.counts.count(run.fts, [" AND ".join(exprs)]) if exprs else (0,)
    ids, first = await listed(idx, read, run, store, policy)
    if not n or first is None:
        return None
    said = f"{n} {'article mentions' if n == 1 else 'articles mention'} “{topic_words(topic)}”"
    if len(ids) < n <= policy.newest_listed:
        # Few enough to list every one: the search's best matches first, then the others
        # that mention it ("2 articles mention “birds”." above one title read as a list
        # that lost a line, and the member went looking for the second).
        mention = await run.counts.ranked(run.fts, " AND ".join(exprs), n, policy.bm25_weights)
        best = len(ids)
        ids = [*ids, *(a for a, _ in mention if a not in ids and a in idx.entries)]
        if len(ids) > best:
            said += ", the best match first" if best == 1 else f", the {best} best matches first"
    elif len(ids) > 1:
        said += f"; the {len(ids)} best matches, newest first"
    elif n > 1:
        said += "; the best match"
    answer = respond.newest(idx, q, first, policy, ids, len(ids))
    return replace(answer, passage=said + ".")


async def authored(
    idx: LibraryIndex,
    question: str,
    names: Sequence[str],
    store: ArticleStore,
    policy: Policy,
    but: Article | None = None,
) -> Answer:
    """An author's articles (of any of `names`), newest first, but `but`: the newest
    as the answer, the next ones as the other matches; a reply when there is none."""
    skip = None if but is None else idx.by_slug.get(but.slug)
    found = {a for n in names if n in idx.by_author for a in idx.by_author[n]} - {skip}
    ids = sorted(found, key=idx.ranks.__getitem__)
    first = await store.article_by_id(ids[0]) if ids else None
    if first is None:
        other = "other " if but is not None else ""
        return Answer(question=question, reply=f"No {other}article by {' or '.join(names)}.")
    hits = [respond.hit(idx, a, 1.0) for a in ids]
    return asked.authored(question, names, first, hits, policy, other=but is not None)


def published(idx: LibraryIndex, period: Named, today: date) -> tuple[Span | None, Sequence[int]]:
    """The dates a period covers `today`, and the articles of them, newest first."""
    dates = span(period, today)
    return dates, idx.published(*dates.bounds) if dates else []


def _after_newest(idx: LibraryIndex, dates: Span | None) -> bool:
    """Whether a period starts after the library's newest dated article."""
    if dates is None or not idx.newest:
        return False
    newest_date = idx.date_text(idx.newest[0])
    return bool(newest_date) and newest_date[:10] < dates.bounds[0]


async def in_period(
    idx: LibraryIndex, q: Query, today: date, store: ArticleStore, policy: Policy
) -> Answer:
    """ "Articles from 2021", "what was posted last week": the period's articles,
    newest first, as "what's new?" lists the newest; a reply saying there are none
    and the years the library covers."""
    assert q.period is not None
    dates, ids = published(idx, q.period, today)
    first = await store.article_by_id(ids[0]) if ids else None
    if first is not None and dates is not None:
        return respond.in_period(idx, q, first, ids, dates, policy)
    if q.newest or _after_newest(idx, dates):
        # "anything new today?" with nothing today: what's new, as before, saying there
        # is nothing of the period (listed bare, October's newest read as this month's).
        # So too a period after the newest article ("anything from last week", "last
        # month"): asked for what is recent, the newest are the nearest to it; before,
        # only "no articles" and the library's years, nothing to open.
        latest = await newest(idx, q, store, policy)
        if dates is None or latest.article is None:
            return latest
        return replace(latest, passage=f"No articles {dates.label}; the newest instead.")
    return respond.none_in_period(idx, q, dates)


async def topic_in_period(
    idx: LibraryIndex,
    q: Query,
    dates: Span,
    dated: Query,
    run: Retriever,
    store: ArticleStore,
    policy: Policy,
) -> Answer | None:
    """ "Rust posts from 2019", "latest go release in 2023": the topic's articles of the
    period `dates`, as newest_about lists a topic's (the close ones, newest first), found
    as `dated` (the topic with `date:` saying the period) finds them; None when none is
    (the engine then answers `dated` as a question, within the period)."""
    assert q.dated is not None
    about = topic_words(q.dated)
    if (of_tag := await tagged_in_period(idx, q, about, dates, store, policy)) is not None:
        return of_tag  # "posts from march 2024 about rust": every rust article of it
    topic = (await run.read(dated, question=False)).query
    ids, first = await listed(idx, topic, run, store, policy)
    if first is None:
        return None
    return respond.in_period(idx, q, first, ids, dates, policy, about)


async def tagged_in_period(
    idx: LibraryIndex, q: Query, about: str, dates: Span, store: ArticleStore, policy: Policy
) -> Answer | None:
    """A period's articles on a topic that is exactly one of the library's tags ("posts
    from march 2024 about rust", "stories from 2019 tagged go"): all of that tag's
    articles of the period, newest first, counted. A search for the word lists only
    the few it finds surest ("2 best matches for “rust”" of a month with a dozen rust
    posts); the tag says which articles are on it. None when the topic is no tag or
    none of the tag's is of the period (then searched as before)."""
    tag = idx.tag_table.exact(about) if about else None
    if tag is None:
        return None
    of_tag = set(idx.by_tag.view(tag))
    ids = [a for a in idx.published(*dates.bounds) if a in of_tag]
    first = await store.article_by_id(ids[0]) if ids else None
    if first is None:
        return None
    return respond.in_period(idx, q, first, ids, dates, policy, tagged=tag)


async def newest_about(
    idx: LibraryIndex, q: Query, run: Retriever, store: ArticleStore, policy: Policy
) -> Answer | None:
    """ "Latest rust release", "newest article about energy": the articles the topic
    finds confidently, as `search` lists them (titles, tags, descriptions and text:
    "environment" is a tag), the close ones newest first (Policy.recent_band), the
    newest as the answer; None when the topic finds nothing confidently. The topic
    names what to list, not a question a passage answers: the rerank, reading the
    text alone, missed tagged articles and put the best-scored one first, not the
    newest."""
    ids, article = await listed(idx, q, run, store, policy)
    if article is None:
        return None
    answer = respond.newest(idx, q, article, policy, ids)
    about = topic_words(q)
    if not about:
        return answer
    # Headed by what it lists, as a period's list is: a bare "Newest articles" above the
    # topic's read as the library's newest (journey21).
    n = len(ids)
    said = f"{n} best {'match' if n == 1 else 'matches'} for “{about}”"
    if n > 1:
        shown = len(answer.newest)
        said += ", newest first" + (f" (the newest {shown} listed)" if n > shown else "")
    return replace(answer, passage=said + ".")


async def listed(
    idx: LibraryIndex, q: Query, run: Retriever, store: ArticleStore, policy: Policy
) -> tuple[list[int], Article | None]:
    """The articles a topic finds confidently, the close ones newest first (as `search`
    lists them), and the first of them (None when there is none, or it was removed by a
    reload the index has not caught up with)."""
    found = await run.rank(q)
    ids = respond.confident(found, policy.search_threshold, policy)
    ids = respond.newest_close(idx, ids, found.scores, policy)
    if policy.release_over_prerelease and ids:
        ids = await release_first(idx, ids, run, policy)
    return ids, (await store.article_by_id(ids[0]) if ids else None)


async def release_first(
    idx: LibraryIndex, ids: list[int], run: Retriever, policy: Policy
) -> list[int]:
    """The newest listed first when it is a pre-release post of a version ("1.98.0
    pre-release testing") and the library holds that version's release, written after
    it ("Announcing Rust 1.98.0"): the release goes first (Policy.release_over_prerelease).
    A pre-release post's title names the stage ("pre-release", "beta", "rc") where the
    release's does not; for "latest rust release" the release posts' titles, without
    the word "release", scored far below the listed ones and were not listed."""
    title = idx.entries[ids[0]].meta.title
    version = versions.version_named(title)
    if version is None or not present.pre_release(title):
        return ids
    found = await run.rank(parse(version, idx.resolve_filter, policy))
    newer = idx.ranks[ids[0]]
    for a in sorted(found.ids, key=idx.ranks.__getitem__):
        other = idx.entries[a].meta.title
        if idx.ranks[a] >= newer:
            break
        if versions.version_named(other) == version and not present.pre_release(other):
            return [a, *(b for b in ids if b != a)]
    return ids
