"""SearchEngine: the one front the Discord cogs, the CLI and the console use.

A query goes one way through the stages, each a module of its own:

    parse (Query) → retrieve (Candidates) → rerank (questions) → passage → respond

The engine wires them to the index of the moment (index.py keeps it), caches finished
results, and answers the browsing calls (tags, latest, random) from the index. What a
question that asks for articles lists (newest, of a period, a tag's, a topic's, an
author's) is listings.py's; the engine only routes to it. What a question asked in a
conversation about an article is answered with is following.py's (ConversationAnswers,
a base of SearchEngine).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from bot.library.clean import normalize_query
from bot.library.model import Article, ArticleMeta, Quote
from bot.search import (
    asked,
    asked_again,
    cards,
    followup,
    listings,
    lookup,
    opinion,
    present,
    respond,
    series_note,
    when_shown,
)
from bot.search.article_asks import names_an_article
from bot.search.cache import ResultCache
from bot.search.following import ConversationAnswers
from bot.search.followup import Topic
from bot.search.index import IndexKeeper
from bot.search.library_asks import asks_oldest, topic_words, with_dates
from bot.search.parse import parse
from bot.search.passage import best_passage
from bot.search.period import span
from bot.search.policy import DEFAULT, Policy
from bot.search.query import ARTICLE_ASKS, BYLINE, COMPARE, LIBRARY, LISTED, RANDOM, RELATED, Query
from bot.search.quotes import best_quote
from bot.search.rank import LibraryIndex, slug_digest
from bot.search.related import related
from bot.search.rerank import Ranked, rerank
from bot.search.results import HIGH, LOW, Answer, Lookup, SearchHit, SearchResponse, TitleChoice
from bot.search.retrieve import Candidates, Reading, Retriever
from bot.search.shown_quote import shown_quote
from bot.search.shown_summary import shown_summary
from bot.search.spelling import porter
from bot.search.stock import ArticleStock, shown_sentences, stock_in
from bot.search.tables import Metas
from bot.search.typed import clip
from bot.search.words import fold, folded_words
from bot.store.search import SearchStore

if TYPE_CHECKING:
    from bot.library.sync import Library

_T = TypeVar("_T")

# Finished search, ask and autocomplete results kept per index (see ResultCache).
RESULT_CACHE = 512
# The last questions' reranks kept (see SearchEngine._reranked): a question that found no
# answer is searched for right after, by the "nothing found" reply, and read the same way;
# a few interactions run between the two. As many first-stage rankings are kept for
# follow-ups (see SearchEngine._ranked).
RERANKS = 16


def utc_now() -> datetime:
    return datetime.now(UTC)


class SearchEngine(ConversationAnswers):
    """Ranks articles for what members type, answers questions and summarises."""

    def __init__(
        self,
        library: Library,
        *,
        cache_size: int | None = None,
        policy: Policy = DEFAULT,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        """`clock`: now, timezone-aware; "last week" and "yesterday" are read against it."""
        self.library = library
        self.policy = policy
        self.clock = clock
        self.keeper = IndexKeeper(library, policy)
        self._cache = ResultCache(RESULT_CACHE if cache_size is None else cache_size)
        self._cached_index: LibraryIndex | None = None  # the index the cached results are of
        self._reranks = ResultCache(RERANKS if self._cache.size else 0)
        self._ranks = ResultCache(RERANKS if self._cache.size else 0)
        self._parsed = ResultCache(self._cache.size)  # see _parse
        self._reranks_index: LibraryIndex | None = None  # the index these are of
        self._pending: dict[tuple, asyncio.Future[Any]] = {}
        self._stock_lines = ArticleStock()  # each article's stock sentences (_unstocked)
        # _unstocked's result for an answer object the result cache gave (an answer asked
        # again is the same object): id -> (answer, keys, result), checked by identity.
        self._unstocked_of = ResultCache(self._cache.size)

    # -- the index (see IndexKeeper) -----------------------------------------------------

    async def index(self) -> LibraryIndex:
        """The in-memory index, rebuilt when the library has reloaded since."""
        return await self.keeper.index()

    async def warm(self) -> LibraryIndex:
        """Build the index and read the cache file in now, before members ask."""
        return await self.keeper.warm()

    def follow_reloads(self) -> None:
        """Rebuild the index in the background after reloads that changed articles."""
        self.keeper.follow_reloads()

    @property
    def ready(self) -> bool:
        """Whether the index is built and reflects the library's last change."""
        return self.keeper.ready

    @property
    def rebuilding(self) -> bool:
        return self.keeper.rebuilding

    async def refreshed(self) -> None:
        """Wait until a background rebuild (if any) has swapped in the new index."""
        await self.keeper.refreshed()

    # -- search and ask ------------------------------------------------------------------

    async def search(self, query: str, limit: int = 10) -> SearchResponse:
        """Confident hits best first; suggestions only when nothing confident was found."""
        query = normalize_query(query)
        key = ("search", clip(query), limit, self._today())  # per day, as ask's
        return await self._cached(key, lambda idx: self._search(idx, query, limit))

    async def _search(self, idx: LibraryIndex, query: str, limit: int) -> SearchResponse:
        p = self.policy
        q = self._parse(idx, query)
        if q.empty or not idx.n:
            return SearchResponse(query=q.raw)
        if q.period is not None and not idx.exact_title(q.title_key):
            # "articles from 2021": that period's articles, newest first.
            dates, ids = listings.published(idx, q.period, self._today())
            if ids or not q.newest:  # "anything new today?" with none today: the newest
                hits = [respond.hit(idx, a, 1.0) for a in ids[: max(1, limit)]]
                return SearchResponse(query=q.raw, hits=hits)
        if q.within is not None and q.dated is not None and not idx.exact_title(q.title_key):
            # "rust posts from 2019": as `rust posts date:2019` is searched.
            dates = span(q.within, self._today())
            q = replace(with_dates(q.dated, (dates.bounds if dates else ("", ""),)), raw=q.raw)
        run = await self._retriever(idx)
        question = q.asks
        reading = await run.read(q, question=question)
        q = reading.query
        wants_newest = q.newest and not idx.exact_title(q.title_key)
        if (wants_newest or reading.recent and not q.content) and not q.has_filters:
            # Only "latest" ("what's new?", "newest articles"): the newest of the library.
            hits = [respond.hit(idx, a, 1.0) for a in idx.newest[: max(1, limit)]]
            return SearchResponse(query=q.raw, hits=hits)
        keywords: Candidates | None = None
        ranked: Candidates | None = None
        if not question:
            keywords = await run.rank(q)
            ids, scores = respond.confident(keywords, p.search_threshold, p), keywords.scores
            # A short question ("who founded X") or a description ("keynote at the
            # symposium on memory management") nothing matches as keywords: answer it as
            # a question, whose body evidence may still find the article.
            question = not ids and q.may_be_question
        if question:
            _, ranked, found = await self._reranked(idx, reading, run)
            ids, scores = respond.answered(idx, found, ranked, p)
        if p.everyday_word_shown:
            ids = respond.named_where_shown(idx, ids, q.typed, p)  # "/search go"
        if reading.recent:
            ids = respond.newest_first(idx, ids, scores, p)
        found = SearchResponse(query=q.raw)
        found.hits = [respond.hit(idx, a, scores[a]) for a in ids[: max(1, limit)]]
        if found.hits:
            # Typos corrected to find the hits: front ends say what was searched.
            found.corrected = respond.corrected(q, ranked or keywords)
        elif (near := keywords or ranked) is not None:
            found.suggestions = respond.suggestions(idx, q, near, p)
        return found

    async def ask(self, question: str, about: Topic | None = None) -> Answer:
        """The article that best answers a question, with its best passage; empty if none
        (see _asked); its quote and summary none of its site's stock lines (_unstocked)."""
        return await self._unstocked(await self._asked(question, about))

    async def _unstocked(self, answer: Answer) -> Answer:
        """`answer` with a quote or summary its site repeats in many posts (stock.py: "Many
        people came together to create Rust 1.x") made again with those sentences passed
        over. Read here, after the answer is made, whatever path made it: the look-up is a
        hash of each shown text in the set of common keys (IndexKeeper.stock_keys, read
        from the cache once per index, in the warm-up), and most answers show none."""
        article = answer.article
        least = self.policy.stock_articles
        if article is None or least <= 0:
            return answer
        keys = await self.keeper.stock_keys(await self.index(), least)
        known = self._unstocked_of.get(id(answer))
        if known is not None and known[0] is answer and known[1] is keys:
            return known[2]
        made = self._unstocked_made(answer, article, keys)
        self._unstocked_of.put(id(answer), (answer, keys, made))
        return made

    def _unstocked_made(self, answer: Answer, article: Article, keys: frozenset[int]) -> Answer:
        """_unstocked's work: the quote and summary made again while they show a stock line."""
        stock: set[str] = set()
        for _ in range(6):  # a new quote or summary may be stock too (a fragment of one)
            texts = [t for t in shown_sentences(answer) if t not in stock]
            found = stock_in(keys, article, texts)
            if not found:
                return answer
            # Every stock sentence of the article passed over at once, not one round per
            # stock line the next choice shows (up to 6 rounds of summary and quote: 20 %
            # of the ask CPU on the 100k library, where most sentences are common).
            stock |= found | self._stock_lines.of(keys, article)
            summary = answer.summary
            if summary and any(s in summary for s in stock):
                summary = shown_summary(article, answer.passage, self.policy, stock)
            shown = [answer.passage or "", summary or ""]
            quote = shown_quote(article, answer.question, shown, self.policy, stock)
            answer = replace(answer, summary=summary, quote=quote)
        return answer

    async def _asked(self, question: str, about: Topic | None = None) -> Answer:
        """The article that best answers a question, with its best passage; empty if none.

        `about`: the article the conversation is about. A question that refers back to it
        ("when did it start?", "tell me more") or leaves its topic unsaid ("how many
        volunteers?") is answered from that article when it finds no confident answer on its
        own, or when that article answers it as surely (see following.py)."""
        question = normalize_query(question)
        if about is not None:
            about = await self._renamed(about)
        if (listed := await self._from_list(question, about)) is not None:
            return listed
        if (into := await self._into_list(question, about)) is not None:
            return into
        again = (
            asked_again.swapped(question, about.asked)
            if about is not None and about.asked and self.policy.year_swapped
            else None
        )
        if again is not None:
            # "And 2017?" after "what did the 2016 survey find": that question of 2017,
            # asked anew (it names its own topic: the conversation's post is 2016's).
            question, about = again, None
        if about is not None and about.slug is None:
            about = None  # the conversation showed a list, but is about no article yet
        # The conversation's article, removed by a reload since it was shown: "when was
        # that?" or "tell me more" is told so (asked.GONE) rather than "which article?" or
        # "could not find"; a question naming its own topic is asked as with no
        # conversation (harden20).
        gone = about is not None and about.slug not in (await self.index()).by_slug
        if gone:
            about = None
        if about is None and followup.wants_more(question):
            return Answer(question=question, reply=asked.GONE if gone else asked.MORE_OF_WHAT)
        if (links := lookup.quoted_link_forms(question)) and (
            linked := await (await self.keeper.store()).article_by_link(links)
        ):
            # An address among words ("can you find this one https://…"): its article is
            # the one meant, whatever the conversation was about ("this" points at the
            # address); an address the library lacks leaves the words asked.
            return await self._of_linked(question, linked)
        # Kept per day: "what was posted yesterday" lists another day's articles tomorrow.
        key = ("ask", clip(question), self._today())
        own = await self._cached(key, lambda idx: self._ask(idx, question))
        if own.wants == RANDOM:  # drawn per ask: the cache keeps what was asked, not the draw
            return await self._random(own.question)
        if own.wants == COMPARE:  # names both sides: no follow-up of the conversation's
            return own
        answer = await self._in_conversation(question, own, about, gone)
        if about is not None and await self._moved_on(question, answer, about):
            return replace(answer, moved_on=True)
        return answer

    async def _into_list(self, question: str, about: Topic | None) -> Answer | None:
        """A request pointing into the list just shown ("summarise that", "more like
        this", "who wrote it?" after "anything from this year"), naming no article: which
        one is asked, not answered from the article held from before the list (or the
        list's first, an author's list, taken by default). "Who wrote these?" names the
        list's writers, as does a byline request pointing at no one article ("who writes
        the most here?"). None when no list of two or more was the last reply, or the
        question names its own article or topic."""
        if about is None or len(about.listed) < 2:
            return None
        if not (about.first_of_list or about.behind_list or about.slug is None):
            return None
        if about.behind_list or about.slug is None:
            if not self.policy.list_points_into:
                return None
            own = await self._cached(
                ("ask", clip(question), self._today()), lambda idx: self._ask(idx, question)
            )
            pointed = followup.points_at_one(question)
            if own.article is None and own.wants == BYLINE and not pointed:
                idx = await self.index()
                shown = [a for s in about.listed if (a := await self._article(idx, s))]
                return Answer(question=question, reply=asked.writers_of(shown))
            if own.article is None and own.wants in ARTICLE_ASKS:
                return Answer(question=question, reply=asked.which_one(len(about.listed)))
        if followup.points_at_one(question):
            # "When was that one published?" right after a list: its first is the topic
            # only by default, so which one is asked, not guessed.
            return Answer(question=question, reply=asked.which_one(len(about.listed)))
        return None

    async def _like(self, idx: LibraryIndex, question: str, source: Article, sure: str) -> Answer:
        """ "Anything similar?" about `source`: the articles most like it (as `related`
        finds them), the first as the answer; a reply saying so when none is."""
        hits = await self.related(source.slug, 1 + self.policy.alternatives)
        hits = [h for h in hits if h.score >= self.policy.like_floor]  # not noise as "like"
        first = await self._article(idx, hits[0].slug) if hits else None
        if first is None:
            return Answer(
                question=question, reply=f"No other article is much like “{source.title}”."
            )
        return asked.like(question, source, first, hits[1:], sure)

    async def _compared(self, idx: LibraryIndex, q: Query) -> Answer | None:
        """ "Compare A with B": the article each side finds, both shown briefly (the
        first as the answer, both listed to open). None when a side finds none or both
        find the same article (one article then holds both sides: answered as asked)."""
        assert q.compared is not None
        a, b = [await self._answer(idx, side) for side in q.compared]
        if a.article is None or b.article is None or a.article.slug == b.article.slug:
            return None
        hits = [respond.hit(idx, idx.by_slug[x.slug], 1.0) for x in (a.article, b.article)]
        return asked.compared(q.raw, a, b, hits)

    async def _random(self, question: str) -> Answer:
        """ "Surprise me": a random article, sure (HIGH), since any article is what was asked."""
        article = await self.random()
        if article is None:
            return Answer(question=question)
        return asked.card(question, article, RANDOM)

    async def _ask(self, idx: LibraryIndex, question: str) -> Answer:
        if links := lookup.link_forms(question):  # a pasted address: "do we have this?"
            return await self._by_link(question, links)
        if (bare := lookup.bare_link_forms(question)) and (
            linked := await (await self.keeper.store()).article_by_link(bare)
        ):
            return asked.card(question, linked)  # pasted without https; else its words
        q = self._parse(idx, question)
        if q.social:
            return respond.small_talk(q)
        if q.empty or not idx.n:
            return Answer(question=q.raw)
        compares = q.compared is not None and not idx.exact_title(q.title_key)
        if compares and (both := await self._compared(idx, q)) is not None:
            return both  # "compare A with B": each side's article
        if (
            self.policy.oldest_listed
            and asks_oldest(folded_words(fold(q.raw)))
            and not idx.exact_title(q.title_key)
        ):
            return await listings.oldest(idx, q, await self.keeper.store(), self.policy)
        if q.period is not None and not idx.exact_title(q.title_key):
            store = await self.keeper.store()  # "articles from 2021"
            return await listings.in_period(idx, q, self._today(), store, self.policy)
        if q.wants and not idx.exact_title(q.title_key):
            return await self._about_itself(idx, q)
        if q.authors and all(q.authors) and not (q.content or q.tags or q.phrases or q.dates):
            store = await self.keeper.store()  # "articles by rafael quintero"
            return await listings.authored(idx, q.raw, q.authors, store, self.policy)
        if len(q.tags) == 1 and q.tags[0] and not (q.content or q.authors or q.phrases or q.dates):
            return await self._tagged(idx, q, q.tags[0])  # "articles tagged favorite"
        return await self._answer(idx, q)

    async def _tagged(self, idx: LibraryIndex, q: Query, tag: str) -> Answer:
        """A tag's articles (see listings.tagged); a tag with none answered as a question."""
        store = await self.keeper.store()
        listed = await listings.tagged(idx, q, tag, store, self.policy)
        return listed if listed is not None else await self._answer(idx, q)

    async def _topic_articles(self, idx: LibraryIndex, q: Query, topic: Query) -> Answer:
        """A topic's articles (see listings.topic_articles), all of its tag's when it is
        exactly one; a topic no listing finds answered as a question."""
        if (tag := listings.topic_tag(idx, topic)) is not None:
            return await self._tagged(idx, q, tag)
        run = await self._retriever(idx)
        store = await self.keeper.store()
        listed = await listings.topic_articles(idx, q, topic, run, store, self.policy)
        return listed if listed is not None else await self._answer(idx, topic)

    async def _about_itself(self, idx: LibraryIndex, q: Query) -> Answer:
        """A request of an article itself (`q.wants`: its summary, byline or link, the
        articles like it) answered for the article its other words name, found as any
        question is and as surely as they make it. Naming none, an Answer that only says
        what is wanted: `ask` answers it from the conversation's article, else its reply
        asks which one; for RANDOM, `ask` draws the article, each time. What the library
        holds (LIBRARY) is a reply with its counts and tags."""
        if q.wants == LIBRARY:
            return asked.library(idx, q)
        if q.wants == LISTED and q.topic is not None:
            return await self._topic_articles(idx, q, q.topic)
        topic = q.topic
        if q.wants == RANDOM or topic is None or not names_an_article(topic):
            return asked.which_article(q)
        found = await self._answer(idx, topic)
        if found.article is None:
            return found
        if q.wants == RELATED:
            return await self._like(idx, q.raw, found.article, found.confidence or LOW)
        if q.wants in asked.BY_TITLE and asked.titled(found.article, topic):
            found = replace(found, confidence=HIGH)  # "a quote from the toaster story"
        return asked.asked_of(found, q.wants)

    async def _answer(self, idx: LibraryIndex, q: Query) -> Answer:
        """The question answered from the library's text (see ask)."""
        if q.newest and not idx.exact_title(q.title_key):
            return await listings.newest(idx, q, await self.keeper.store(), self.policy)
        run = await self._retriever(idx)
        if q.within is not None and q.dated is not None and not idx.exact_title(q.title_key):
            return await self._in_period_about(idx, q, run)  # "rust posts from 2019"
        return await self._from_text(idx, q, run)

    async def _from_text(self, idx: LibraryIndex, q: Query, run: Retriever) -> Answer:
        """The question answered from the articles' text: the best reranked article (the
        newest the topic finds, for "latest rust release")."""
        p = self.policy
        if p.present_frame:
            q = present.without_frame(q)
        reading = await run.read(q, question=True)
        if reading.recent:  # "latest rust release": the newest the topic finds
            store = await self.keeper.store()
            listed = await listings.newest_about(idx, reading.query, run, store, p)
            if listed is not None:
                return listed
        q, ranked, found = await self._reranked(idx, reading, run)
        judged = opinion.judged(q) & set(q.terms.stems)
        asks = respond.asks(q, p)
        sure = respond.confidence(found, p, asks, judged)
        if sure is None:
            found = await self._without_everyday(idx, q, ranked, found, run)
            sure = respond.confidence(found, p, asks, judged) and LOW
        if sure is None:
            return Answer(question=q.raw)
        best = found[0]
        # Without a passage comparable across articles, the article's own best one.
        passage = best.passage or best_passage(best.article, q, p)
        if p.writing_date_shown and q.kind == "when":  # "…releasing Rust 1.0 today"
            passage = when_shown.dated_by_writing(passage, best.article)
        answer = respond.answer(idx, q, found, passage, ranked, p, sure)
        # Which post of a series, when the question named none (series_note.py); the
        # series' years read from the question's first-stage candidates (a post of the year
        # asked holds its words), not every title of the library.
        titles = (idx.entries[a].meta.title for a in ranked.scores)
        answer.series = series_note.note(q.typed, q.terms.stems, found, titles, p)
        return answer

    async def _without_everyday(
        self, idx: LibraryIndex, q: Query, ranked: Candidates, found: list[Ranked], run: Retriever
    ) -> list[Ranked]:
        """A question none of whose candidates can answer, the best holding only everyday
        words of it together, read again by its words that are more than everyday English:
        the articles bm25 ranks best for those alone (Retriever.distinct) reranked against
        the whole question; [] when there are none.

        A question's everyday words can outweigh its distinctive one: "why did go add
        generics so late" ranked the posts with "late" in them (58 of the blogs: the library
        writes it less often than English does) over those on generics, and none of them
        held a word of the question but everyday ones together, so it was refused though
        the library holds "generics". Issue 15: nothing only when no distinctive word of
        the question is in the library. Found so, the answer is the closest match at most:
        the whole question did not find it."""
        # Only where the best candidate holds nothing but everyday words together: a
        # question whose distinctive words its candidates hold is refused for what it is.
        if not found or found[0].evidence.distinct_together >= self.policy.tentative_distinct:
            return []
        seen = {idx.by_slug.get(r.article.slug) for r in found}
        guessed = ranked.corrections.values()
        extra = tuple(a for a in await run.distinct(q, guessed) if a not in seen)
        if not extra:
            return []
        return await self._rerank(idx, q, Candidates([], ranked.scores, ranked.corrections, extra))

    async def reranked(self, question: str) -> tuple[Candidates, list[Ranked]]:
        """A question's first-stage candidates and the rerank of its pool, best first, as
        `ask` weighs them before it decides how sure it is: each candidate's evidence, for
        reading why one post beat another (bench/rerank_pools.py)."""
        idx = await self.index()
        q = parse(
            normalize_query(question),
            idx.resolve_filter,
            self.policy,
            self._held(idx),
            self._written(idx),
        )
        if q.empty or not idx.n:
            return Candidates([], {}), []
        run = await self._retriever(idx)
        if self.policy.present_frame:
            q = present.without_frame(q)
        _, ranked, found = await self._reranked(idx, await run.read(q, question=True), run)
        return ranked, found

    async def _reranked(
        self, idx: LibraryIndex, reading: Reading, run: Retriever
    ) -> tuple[Query, Candidates, list[Ranked]]:
        """The question (as `run` read it) as retrieval corrected it, its first-stage
        candidates and their rerank, best first.

        The last RERANKS are kept for the index they were made with: `ask` and `search`
        read a question alike, and an ask that found no answer is searched for next (the
        "nothing found" reply), which reranked the same candidates again: ~2.5 ms of the
        event loop and the full-text queries again, for about one ask in ten of the load
        test's (bench/README.md, load test, "Twentieth pass")."""
        self._keep_for(idx)
        kept = self._reranks.get(reading)
        if kept is not None:
            return kept
        q = reading.query
        ranked = await self._ranked(idx, q, run)
        if reading.recent:  # the newest candidates are the ones to read
            ranked = respond.recent(idx, ranked, self.policy)
        # Later stages read the words as the retrieval corrected them.
        q = q.corrected(ranked.corrections)
        made = q, ranked, await self._rerank(idx, q, ranked)
        if self._reranks_index is idx:  # not if a new index came meanwhile
            self._reranks.put(reading, made)
        return made

    async def _ranked(self, idx: LibraryIndex, q: Query, run: Retriever) -> Candidates:
        """The question's first-stage ranking of the library, `run.rank(q, question=True)`;
        the last RERANKS kept for the index: a follow-up reads the conversation's article by
        the question's ranking, which is the same whichever article that is, so members
        asking one question about different articles, and the ask before, rank it once."""
        self._keep_for(idx)
        ranked = self._ranks.get(q)
        if ranked is None:
            ranked = await run.rank(q, question=True)
            if self._reranks_index is idx:  # not if a new index came meanwhile
                self._ranks.put(q, ranked)
        return ranked

    def _keep_for(self, idx: LibraryIndex) -> None:
        """Forget the kept reranks and rankings when they are of another index than `idx`."""
        if self._reranks_index is not idx:
            self._reranks.clear()
            self._ranks.clear()
            self._parsed.clear()
            self._reranks_index = idx

    def _held(self, idx: LibraryIndex) -> Callable[[str], bool]:
        """Whether the library holds a word (a title, tag, description or the body text),
        for parse's function-word slips (function_typos.py); every word, while the body's
        vocabulary is not read yet: no word is put right that the library may hold."""
        body = self.keeper.spelling_read(idx)
        if body is None:
            return lambda word: True
        return lambda word: idx.holds(word) or porter(word) in body.docs

    def _written(self, idx: LibraryIndex) -> Callable[[str], bool] | None:
        """Whether an article's body text writes a word (as the full-text tokenizer stems
        it), for "who is NAME" of a byline's name (filters.by_author); None while the
        body's vocabulary is not read yet."""
        body = self.keeper.spelling_read(idx)
        return None if body is None else (lambda word: porter(word) in body.docs)

    def _parse(self, idx: LibraryIndex, text: str) -> Query:
        """parse() of `text` with the index's filters; as many kept for the index as results:
        an ask parses its question again to read it as a follow-up (_following), and an
        ask that found nothing is searched for next (~0.25 ms a parse at 100k articles)."""
        self._keep_for(idx)
        q = self._parsed.get(text)
        if q is None:
            q = parse(text, idx.resolve_filter, self.policy, self._held(idx), self._written(idx))
            self._parsed.put(text, q)
        return q

    async def _article(self, idx: LibraryIndex, slug: str) -> Article | None:
        """The whole article with this slug in the index serving (or the slug a reload
        renamed it to); None when it has none or a reload removed it since."""
        aid = await self._slug_id(idx, slug)
        return None if aid is None else await (await self.keeper.store()).article_by_id(aid)

    async def _of_linked(self, question: str, linked: Article) -> Answer:
        """The words beside an article's address asked of that article ("https://… what did
        it stabilise?": journey27 got the card alone), when they find a sure answer in it;
        else its card ("can you find this one https://…", "what does this say …")."""
        rest = lookup.without_links(question)
        if self.policy.link_question_asked and rest:
            answer = await self.ask(rest, Topic(linked.slug, None))
            if (
                answer.article is not None
                and answer.article.slug == linked.slug
                and answer.confidence == HIGH
                and answer.passage
            ):
                return replace(answer, question=question)
        return asked.card(question, linked)

    async def _slug_id(self, idx: LibraryIndex, slug: str) -> int | None:
        """The id of the article holding `slug` in `idx`, or of the one a reload renamed
        from it (_slug_now)."""
        now = await self._slug_now(idx, slug)
        return None if now is None else idx.by_slug[now]

    async def _slug_now(self, idx: LibraryIndex, slug: str) -> str | None:
        """`slug` when an article of `idx` holds it, else the slug a reload renamed it to
        when one holds that (ArticleStore.renamed_to: a file renamed takes its new name's
        slug); None otherwise. The store is asked only for a slug the index lacks."""
        if slug in idx.by_slug:
            return slug
        now = await (await self.keeper.store()).renamed_to(slug)
        return now if now in idx.by_slug else None

    async def _renamed(self, about: Topic) -> Topic:
        """The conversation's topic with the slugs a reload renamed since it was shown
        replaced by their new ones (else "who wrote it?" was told the article was gone)."""
        idx = await self.index()
        slugs = {s for s in (about.slug, about.before, *about.listed) if s is not None}
        now = {
            s: n
            for s in slugs
            if s not in idx.by_slug and (n := await self._slug_now(idx, s)) is not None
        }
        if not now:
            return about
        return replace(
            about,
            slug=now.get(about.slug, about.slug) if about.slug else None,
            before=now.get(about.before, about.before) if about.before else None,
            listed=tuple(now.get(s, s) for s in about.listed),
        )

    async def _by_link(self, question: str, links: list[str]) -> Answer:
        """The card of the article with this link (its summary and quote), else a reply
        saying that no article has it."""
        article = await (await self.keeper.store()).article_by_link(links)
        if article is None:
            return Answer(question=question, reply=asked.NO_LINK)
        return asked.card(question, article)

    async def _in_period_about(self, idx: LibraryIndex, q: Query, run: Retriever) -> Answer:
        """ "Rust posts from 2019": the topic's articles of the period (see
        listings.topic_in_period); else a question of the period's text ("which articles
        from 2025 mention schools"), which its words as keywords do not find, answered as
        any question, within it; a reply saying there are none."""
        assert q.within is not None and q.dated is not None
        dates = span(q.within, self._today())
        if dates is None:
            return respond.none_in_period(idx, q, None)
        dated = with_dates(q.dated, (dates.bounds,))
        store = await self.keeper.store()
        listed = await listings.topic_in_period(idx, q, dates, dated, run, store, self.policy)
        if listed is not None:
            return listed
        answer = await self._from_text(idx, dated, run)
        if answer.article is not None:
            return answer
        return respond.none_in_period(idx, q, dates, topic_words(q.dated))

    def _today(self) -> date:
        return self.clock().astimezone(UTC).date()

    async def _retriever(self, idx: LibraryIndex) -> Retriever:
        store = await self.keeper.store()
        return Retriever(
            idx,
            SearchStore(store.readers),
            self.keeper.counts,
            self.policy,
            spelling=lambda: self.keeper.spelling(idx),
        )

    async def _rerank(self, idx: LibraryIndex, q: Query, ranked: Candidates) -> list[Ranked]:
        store = await self.keeper.store()
        return await rerank(q, ranked, idx, store, self.keeper.counts, self.policy)

    async def _cached(
        self, key: tuple, work: Callable[[LibraryIndex], Coroutine[Any, Any, _T]]
    ) -> _T:
        """work's result for the current index, or the same result computed earlier (or
        being computed now) against the same index."""
        idx = await self.index()
        if self._cached_index is not idx:  # results of an older index are stale
            self._cache.clear()
            self._cached_index = idx
        found = self._cache.get(key)
        if found is None and self._cache.size and (pending := self._pending.get(key)):
            found = await asyncio.shield(pending)  # the same question asked meanwhile
        if found is not None:
            return found
        shared = asyncio.get_running_loop().create_future()
        self._pending[key] = shared
        try:
            result = await work(idx)
        except BaseException as exc:
            if isinstance(exc, asyncio.CancelledError):
                shared.cancel()
            else:
                shared.set_exception(exc)
                shared.exception()  # retrieved: whoever waits on it gets it too
            raise
        finally:
            if self._pending.get(key) is shared:
                del self._pending[key]
        shared.set_result(result)
        if self.keeper.latest is idx:  # not if a new index was swapped in meanwhile
            self._cache.put(key, result)
        return result

    # -- titles --------------------------------------------------------------------------

    async def find(self, title_or_slug: str) -> Article | None:
        """Exact slug, else exact title (newest), else one confident fuzzy title match."""
        return (await self.find_or_suggest(title_or_slug, limit=0)).article

    async def find_or_suggest(self, text: str, limit: int = 5, whole: bool = True) -> Lookup:
        """The article a slug or title names (as find), else up to `limit` closest titles.
        `whole` False: the article as a card shows it (ArticleStore.card_article)."""
        text = normalize_query(text)
        idx = await self.index()
        run = await self._retriever(idx)
        return await lookup.find_or_suggest(
            text,
            limit,
            index=idx,
            store=await self.keeper.store(),
            rank=run.rank,
            rebuilding=self.rebuilding,
            policy=self.policy,
            whole=whole,
        )

    async def slug_of_digest(self, digest: str) -> str | None:
        """The slug whose `slug_digest` is `digest`, if an article of the library has it."""
        idx = await self.index()
        # The map is built at the first call per index: off the event loop.
        found = (await asyncio.to_thread(idx.slug_digests)).get(digest)
        if found is None:  # a button made before a reload renamed its article's slug
            renamed = await (await self.keeper.store()).slug_aliases()
            found = next((n for o, n in renamed.items() if slug_digest(o) == digest), None)
        return found

    async def autocomplete(self, text: str, limit: int = 25) -> list[TitleChoice]:
        """Fuzzy title choices for a partly typed title; the latest articles for empty text."""
        text = normalize_query(text)
        key = ("autocomplete", clip(text, self.policy.autocomplete_chars), limit)
        found = await self._cached(key, lambda idx: self._autocomplete(idx, text, limit))
        return list(found)

    async def _autocomplete(self, idx: LibraryIndex, text: str, limit: int) -> list[TitleChoice]:
        return lookup.autocomplete(idx, text, limit, self.policy)

    # -- browsing ------------------------------------------------------------------------

    async def related(self, slug: str, limit: int = 4) -> list[SearchHit]:
        """Articles most like this one: shared rare title and description words and tags."""
        # Every article card lists them: kept like search results, per index.
        found = await self._cached(
            ("related", slug, limit), lambda idx: self._related(idx, slug, limit)
        )
        return list(found)

    async def _related(self, idx: LibraryIndex, slug: str, limit: int) -> list[SearchHit]:
        aid = await self._slug_id(idx, slug)
        if aid is None:
            return []
        found = related(idx, aid, limit, self.policy)
        return [respond.hit(idx, a, score) for a, score in found]

    async def tag(self, name: str) -> tuple[str | None, Sequence[ArticleMeta]]:
        """The tag meant by name (fuzzy) and its articles, newest first (read as listed)."""
        idx = await self.index()
        tag = idx.tag_table.resolve(name)
        if tag is None:
            return None, []
        return tag, Metas(idx.entries, idx.by_tag.view(tag))

    async def tags(self) -> list[tuple[str, int]]:
        """Tags with their article counts, most used first."""
        idx = await self.index()
        return list(idx.tag_counts)

    async def latest(self, count: int = 5, tag: str | None = None) -> list[ArticleMeta]:
        """The newest articles, optionally of one (fuzzy-resolved) tag."""
        idx = await self.index()
        count = max(0, count)
        if tag:
            resolved, metas = await self.tag(tag)
            return list(metas[:count]) if resolved else []
        return [idx.entries[a].meta for a in idx.newest[:count]]

    async def random(self, tag: str | None = None, whole: bool = True) -> Article | None:
        """A random article, optionally of one (fuzzy-resolved) tag, drawn from the index
        (listing a tag of 90k articles in SQL cost the event loop ~3 ms). `whole` False:
        the article as a card shows it (ArticleStore.card_article)."""
        idx = await self.index()
        ids: Sequence[int] = idx.newest
        if tag:
            tag = idx.tag_table.resolve(tag)
            if tag is None:
                return None
            ids = idx.by_tag.view(tag)
        if not ids:
            return None
        store = await self.keeper.store()
        load = store.article_by_id if whole else store.card_article
        article = await load(random.choice(ids))
        if article is None:  # removed by a reload the index has not caught up with
            meta = await store.random(tag)
            article = await load(meta.id) if meta else None
        return article

    def summary(self, article: Article) -> str:
        """The description when it is a real summary, else 1-2 extracted sentences (the
        card's, stored by the reload)."""
        return cards.summary(article)

    def quote(self, article: Article, question: str | None = None) -> Quote | None:
        """A notable quote: one with a speaker first, relevant to the question if given
        (without one, the card's, stored by the reload)."""
        return best_quote(article, question) if question else cards.quote(article)
