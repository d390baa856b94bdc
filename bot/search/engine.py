"""SearchEngine: the one facade the Discord cogs, the CLI and the console use."""

from __future__ import annotations

import asyncio
import gc
import heapq
import logging
import math
from collections.abc import Coroutine, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from rapidfuzz import fuzz, process

from bot.library.clean import normalize_query
from bot.library.model import Article, Quote, ReloadReport
from bot.search.answer import Evidence, article_evidence, best_passage
from bot.search.cache import ResultCache
from bot.search.query import (
    LISTING_WORDS,
    QUESTION_START,
    RECENCY_WORDS,
    ParsedQuery,
    clip,
    fold,
    fts_quote,
    fts_word,
    looks_like_question,
    parse_query,
    reads_as_sentence,
    words,
)
from bot.search.quotes import best_quote
from bot.search.rank import LibraryIndex, combine
from bot.search.results import Answer, Lookup, SearchHit, SearchResponse, TitleChoice
from bot.search.summary import summarize
from bot.store.articles import ArticleMeta
from bot.store.search import K1, QUESTION_WEIGHTS, WEIGHTS, SearchStore, fts5_idf

if TYPE_CHECKING:
    from bot.library.sync import Library

log = logging.getLogger("articlebot.search")
_T = TypeVar("_T")

# A result is shown only from this combined score (0-1) up; calibrated on the blogs corpus
# so that unrelated queries fall below it while typo'd fragments stay above.
SEARCH_THRESHOLD = 0.5
ANSWER_THRESHOLD = 0.5
# Questions: this many top articles are reranked by their own text, from this score up.
RERANK = 12
RERANK_FLOOR = 0.2
# Results far below the best one are noise even when above the threshold.
RELATIVE_CUTOFF = 0.55
# A ranking is read this far (related articles), or down to RERANK_FLOOR.
ORDERED = 60
FTS_LIMIT = 40
QUESTION_FTS_LIMIT = 40
# FTS5 scores every article that holds any OR'd term (~2 µs each), so terms are added
# rarest first while their article counts stay within this budget; commoner terms still
# count through titles, tags and passages. Keeps a query within a few ms at 100k articles.
FTS_BUDGET = 4000
MAX_DF_CACHE = 20_000
# Counting the articles that hold a word common in a large library takes 1-3 ms (FTS5
# walks its whole list), so after each index build the commonest title words are counted
# ahead of the first queries, which would otherwise each pay for their own.
COMMON_WORDS = 2000
# Finished search, ask and autocomplete results kept per index (see ResultCache).
RESULT_CACHE = 512
# With "latest"/"newest", results within this share of the best score go newest first.
RECENT_BAND = 0.85


@dataclass(slots=True)
class _Scored:
    ids: list[int]
    scores: dict[int, float]
    corrections: dict[str, str] = field(default_factory=dict)
    near: list[int] = field(default_factory=list)  # below threshold, for "did you mean"

    @property
    def best(self) -> float:
        return self.scores[self.ids[0]] if self.ids else 0.0


# Question reranking: the first-stage score (title, tags, FTS5 bm25) and the article's own
# evidence: its best passage, how much of the question's idf mass it holds at all, and how
# many of the question's word pairs it has side by side. FTS5's bm25 favours short articles
# and ignores words in over half the library, so the article-level evidence corrects it.
RERANK_WEIGHTS = (0.4, 0.3, 0.2, 0.1)


def rerank_score(score: float, ev: Evidence) -> float:
    """One 0-1 score for a question from the first-stage score and the article's evidence."""
    w_score, w_cover, w_doc, w_pairs = RERANK_WEIGHTS
    return w_score * score + w_cover * ev.cover + w_doc * ev.doc_cover + w_pairs * ev.pairs


def _build_index(metas: list[ArticleMeta], tag_rows: list[tuple[int, str]]) -> LibraryIndex:
    # Hundreds of thousands of new objects: the collector would run dozens of times
    # over them for nothing (a third of the build at 100k articles).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return LibraryIndex(metas, tag_rows)
    finally:
        # The index lives until the next reload: the collector is spared its ~million
        # objects for good (frozen before collection resumes, or the first collection
        # after would scan them all: a pause of ~250 ms at 100k, while serving when it
        # is a rebuild after a reload).
        gc.freeze()
        if enabled:
            gc.enable()


class SearchEngine:
    """Ranks articles for what members type, answers questions and summarises."""

    def __init__(self, library: Library, *, cache_size: int | None = None) -> None:
        self.library = library
        self._index: LibraryIndex | None = None
        self._generation = -1  # the library generation the index reflects
        self._lock = asyncio.Lock()
        self._df: dict[str, int] = {}
        self._cache = ResultCache(RESULT_CACHE if cache_size is None else cache_size)
        self._pending: dict[tuple, asyncio.Future[Any]] = {}
        self._follow = False
        self._rebuild: asyncio.Task[None] | None = None
        # The last library generation whose reload changed articles: an index built at or
        # after it is current. Without reload reports, every generation counts as a change.
        self._changed = library.generation
        self._reports = False
        on_reload = getattr(library, "on_reload", None)
        if on_reload is not None:
            on_reload(self._reloaded)
            self._reports = True

    # -- index ---------------------------------------------------------------------------

    async def _store(self):
        store = self.library.store
        if store is None:
            store = await self.library.open()
        return store

    async def index(self) -> LibraryIndex:
        """The in-memory index, rebuilt when the library has reloaded since.

        While a background rebuild runs (see follow_reloads), the previous index serves.
        """
        idx = self._index
        if idx is not None and (self._current() or self.rebuilding):
            return idx
        async with self._lock:
            if self._index is None or not self._current():
                await self._build()
        assert self._index is not None
        return self._index

    def _current(self) -> bool:
        if self._reports:
            return self._generation >= self._changed
        return self._generation == self.library.generation

    async def warm(self) -> LibraryIndex:
        """Build the index now (at start-up), so no member's query pays for it; meanwhile
        the OS reads the cache file in, so the first queries do not wait on the disk.
        Then count the common words (see COMMON_WORDS)."""
        store = await self._store()
        reading = asyncio.create_task(store.prefetch())
        try:
            idx = await self.index()
        finally:
            await reading
        await self._count_common_words(idx)
        return idx

    async def _count_common_words(self, idx: LibraryIndex) -> None:
        fts = SearchStore((await self._store()).readers)
        exprs = [e for w in idx.common_words(COMMON_WORDS) if (e := fts_word(w))]
        for start in range(0, len(exprs), 100):  # in steps, so queries are served between
            if self._index is not idx:
                return  # a newer index has its own counts
            await self._doc_freqs(fts, exprs[start : start + 100])

    def follow_reloads(self) -> None:
        """Rebuild the index in the background after each reload that changed articles;
        queries keep using the previous index until the new one is swapped in."""
        self._follow = True

    @property
    def ready(self) -> bool:
        """Whether the index is built and reflects the library's last change."""
        return self._index is not None and self._current()

    @property
    def rebuilding(self) -> bool:
        return self._rebuild is not None and not self._rebuild.done()

    async def refreshed(self) -> None:
        """Wait until a background rebuild (if any) has swapped in the new index."""
        if self._rebuild is not None:
            await asyncio.shield(self._rebuild)

    def _reloaded(self, report: ReloadReport) -> None:
        if not (report.added or report.updated or report.removed):
            return  # nothing the index holds changed (e.g. a no-change reload at start-up)
        self._changed = self.library.generation
        if self._follow and self._index is not None and not self.rebuilding:
            self._rebuild = asyncio.create_task(self._refresh(), name="articlebot-index-rebuild")

    async def _refresh(self) -> None:
        try:
            while not self._current():
                async with self._lock:
                    if not self._current():
                        await self._build()
            if self._index is not None:
                await self._count_common_words(self._index)
        except Exception:
            # The old index keeps serving; the next query retries the build itself.
            log.exception("rebuilding the search index failed")

    async def _build(self) -> None:
        """Build the index for the library as it is now and swap it in (under _lock)."""
        gen = self.library.generation
        store = await self._store()
        metas = await store.all_meta()
        tag_rows = await SearchStore(store.readers).article_tags()
        index = await asyncio.to_thread(_build_index, metas, tag_rows)
        self._index, self._generation = index, gen
        self._df = {}
        self._cache.clear()

    async def _doc_freqs(self, fts: SearchStore, exprs: list[str]) -> list[int]:
        """Document frequencies, from memory or in one query for those not yet known."""
        known = {e: self._df[e] for e in exprs if e in self._df}
        todo = list(dict.fromkeys(e for e in exprs if e not in known))
        if todo:
            found = dict(zip(todo, await fts.doc_freqs(todo), strict=True))
            known.update(found)
            if len(self._df) + len(found) > MAX_DF_CACHE:
                self._df.clear()
            self._df.update(found)
        return [known[e] for e in exprs]

    # -- ranking -------------------------------------------------------------------------

    async def _allowed(
        self, idx: LibraryIndex, q: ParsedQuery, fts: SearchStore
    ) -> set[int] | None:
        """Ids the filters allow, None when there is no filter; empty when one matches nothing."""
        allowed: set[int] | None = None

        def narrow(ids: set[int]) -> None:
            nonlocal allowed
            allowed = ids if allowed is None else allowed & ids

        for tag in q.tags:
            narrow(set(idx.by_tag[tag]) if tag else set())
        for author in q.authors:
            narrow(set(idx.by_author[author]) if author else set())
        for phrase in q.phrases:
            narrow(set(await fts.all_matching(fts_quote(phrase), limit=20_000)))
        return allowed

    async def _text_scores(
        self,
        idx: LibraryIndex,
        fts: SearchStore,
        qwords: list[str],
        allowed: set[int] | None,
        corrections: dict[str, str],
        question: bool = False,
        joined: list[tuple[str, str, str]] | None = None,
    ) -> dict[int, float]:
        """0-1 per article: its bm25 over the best bm25 any article could get for the query.

        Terms no article holds still count in the bound, so a query that is half unknown
        words cannot score high; terms in most articles weigh ~0 (FTS5's idf), like stopwords.
        """
        n = idx.n
        terms: list[tuple[str, float, int]] = []  # (fts expression, fts5 idf, df)
        missing = 0.0
        exprs: dict[str, str] = {}
        for w in dict.fromkeys(qwords):
            if expr := fts_word(w):
                exprs[w] = expr
        joins = [(a, b, fts_quote(c)) for a, b, c in joined or () if a in exprs and b in exprs]
        # All the words' frequencies in one round trip (with those of words typed apart
        # written as one), then any joined words' and corrections' in one more each.
        counted = await self._doc_freqs(fts, [*exprs.values(), *(j[2] for j in joins)])
        dfs = dict(zip(exprs, counted, strict=False))
        either: dict[str, str] = {}  # word -> "(word OR joined)" where the library has it
        for (a, b, joined_expr), df in zip(joins, counted[len(exprs) :], strict=True):
            if df:
                for w in (a, b):
                    either[w] = f"({either.get(w, exprs[w])} OR {joined_expr})"
        if either:
            exprs.update(either)
            dfs.update(zip(either, await self._doc_freqs(fts, list(either.values())), strict=True))
        fixes: dict[str, tuple[str, str]] = {}  # word -> (correction, its fts expression)
        for w, df in dfs.items():
            if df == 0:
                fixed = idx.text_vocab.correct(w)
                if fixed and fixed != w and (expr := fts_word(fixed)):
                    fixes[w] = (fixed, expr)
        fixed_dfs = await self._doc_freqs(fts, [e for _, e in fixes.values()]) if fixes else []
        fixed_df = dict(zip(fixes, fixed_dfs, strict=True))
        for w, expr in exprs.items():
            df = dfs[w]
            if df == 0 and fixed_df.get(w):
                corrections[w] = fixes[w][0]
                expr, df = fixes[w][1], fixed_df[w]
            if df == 0:
                missing += fts5_idf(n, 0)
            else:
                terms.append((expr, fts5_idf(n, df), df))
        if not terms:
            return {}
        usable: list[tuple[str, float, int]] = []
        spent = 0
        for t in sorted(terms, key=lambda t: t[2]):
            if spent + t[2] > FTS_BUDGET:
                break
            usable.append(t)
            spent += t[2]
        if not usable:
            return {}
        bound = (K1 + 1) * (sum(t[1] for t in usable) + missing)
        match = " OR ".join(t[0] for t in usable)
        weights = QUESTION_WEIGHTS if question else WEIGHTS
        limit = QUESTION_FTS_LIMIT if question else FTS_LIMIT
        if allowed is not None and len(allowed) <= 2000:
            ranked = await fts.ranked(match, limit, ids=sorted(allowed), weights=weights)
        else:
            ranked = await fts.ranked(match, limit * (4 if allowed else 1), weights=weights)
            if allowed is not None:
                ranked = [r for r in ranked if r[0] in allowed][:limit]
        # An FTS hit the index does not hold yet (added by a reload while the index is
        # rebuilt in the background) waits for the new index.
        return {a: min(1.0, s / bound) for a, s in ranked if a in idx.entries}

    async def _rank(self, q: ParsedQuery, *, question: bool = False) -> _Scored:
        idx = await self.index()
        store = await self._store()
        fts = SearchStore(store.readers)
        allowed = await self._allowed(idx, q, fts) if q.has_filters else None
        qwords = q.content
        if allowed is not None and not allowed:
            return _Scored([], {})
        if not qwords:
            # Only function words ("what is it"): nothing but a whole title can match them.
            ids = idx.exact_title(q.text) if q.words else []
            if allowed is not None:
                ids = [a for a in (ids or idx.newest) if a in allowed]
            return _Scored(ids, dict.fromkeys(ids, 1.0))
        # Words typed apart that titles, descriptions or tags write as one ("web assembly",
        # "clockwork pi"): names, looked for in keyword searches. In a question, "at run
        # time" is not "the runtime".
        vocab = idx.text_vocab.words
        joined = [] if question else [j for j in q.joined if j[2] in vocab]
        title = idx.title_scores(qwords, joined)
        for a in idx.exact_title(q.text):
            title[a] = 1.0
        if allowed is not None:
            title = {a: s for a, s in title.items() if a in allowed}
        tag_s: dict[int, float] = {}
        tag = idx.tag_table.resolve(q.text, cutoff=88) if q.text and not question else None
        if tag:
            exact = fold(q.text).strip() == tag
            for a in idx.by_tag[tag][:200]:
                if allowed is None or a in allowed:
                    tag_s[a] = 1.0 if exact else 0.8
        corrections: dict[str, str] = {}
        text = await self._text_scores(idx, fts, qwords, allowed, corrections, question, joined)
        by_title, by_text, by_tag = title.get, text.get, tag_s.get
        scores = {
            a: combine(by_title(a, 0.0), by_text(a, 0.0), by_tag(a, 0.0), question=question)
            for a in title.keys() | text.keys() | tag_s.keys()
        }
        # Hundreds of candidates, and callers read only the first ORDERED and those from
        # RERANK_FLOOR up: the rest are left out of the order (the cut is 0.01 lower, as
        # equal rounded scores sort by date). Tuples sort in C; a key is a call per item.
        items: Iterable[tuple[int, float]] = scores.items()
        if len(scores) > ORDERED:
            low = min(RERANK_FLOOR, heapq.nlargest(ORDERED, scores.values())[-1]) - 0.01
            items = [(a, s) for a, s in items if s >= low]
        ranks = idx.ranks
        keyed = sorted([(-round(s * 100), ranks[a], a) for a, s in items])
        return _Scored([k[2] for k in keyed], scores, corrections)

    def _hit(self, idx: LibraryIndex, aid: int, score: float) -> SearchHit:
        e = idx.entries[aid]
        m = e.meta
        return SearchHit(
            slug=m.slug,
            title=m.title,
            link=m.link,
            date=m.date,
            tags=e.tags,
            score=max(0, min(100, round(score * 100))),
            author=m.author,
            description=m.description,
            cover_image=m.cover_image,
            label=idx.label(aid),
        )

    @staticmethod
    def _confident(scored: _Scored, threshold: float) -> list[int]:
        best = scored.best
        if not scored.ids or best < threshold:
            return []
        floor = max(threshold, best * RELATIVE_CUTOFF)
        return [a for a in scored.ids if scored.scores[a] >= floor]

    # -- public API ----------------------------------------------------------------------

    async def search(self, query: str, limit: int = 10) -> SearchResponse:
        """Confident hits best first; suggestions only when nothing confident was found."""
        query = normalize_query(query)
        return await self._cached(("search", clip(query), limit), self._search(query, limit))

    async def _cached(self, key: tuple, work: Coroutine[Any, Any, _T]) -> _T:
        """work's result, or the same result computed earlier (or being computed now)
        against the same index."""
        idx = await self.index()
        found = self._cache.get(key)
        if found is None and self._cache.size and (pending := self._pending.get(key)):
            found = await asyncio.shield(pending)  # the same question asked meanwhile
        if found is not None:
            work.close()
            return found
        shared = asyncio.get_running_loop().create_future()
        self._pending[key] = shared
        try:
            result = await work
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
        if self._index is idx:  # not if a new index was swapped in meanwhile
            self._cache.put(key, result)
        return result

    async def _interpret(
        self, idx: LibraryIndex, q: ParsedQuery, question: bool
    ) -> tuple[ParsedQuery, bool, _Scored | None]:
        """(the query to rank, whether the newest of the best go first, its ranking when
        already made: with `question` for a question, else as keywords).

        In a keyword search "posts"/"articles" count only if the query matches better with
        them: "blog posts about the borrow checker" is about the borrow checker, "a call
        for blog posts" is (nearly) a title. "latest rust release" asks for the newest rust
        release, so "latest" is no topic word; but in "two recent go talks" it is a
        title's word, and stays one.
        """
        scored: _Scored | None = None
        if not question and (plain := q.without(LISTING_WORDS)) is not None and plain.content:
            full, bare = await self._rank(q), await self._rank(plain)
            q, scored = (plain, bare) if bare.best > full.best else (q, full)
        plain = q.without(RECENCY_WORDS)
        if plain is None:
            return q, False, scored
        full = scored or await self._rank(q, question=question)
        top = full.ids[0] if full.ids else None
        if (
            top is not None
            and full.scores[top] >= SEARCH_THRESHOLD
            and RECENCY_WORDS.intersection(idx.entries[top].title_words)
        ):
            return q, False, full
        return plain, True, None

    @staticmethod
    def _newest_first(idx: LibraryIndex, ids: list[int], scores: dict[int, float]) -> list[int]:
        """Results close to the best (RECENT_BAND of its score) newest first, then the rest."""
        if not ids:
            return ids
        band = scores[ids[0]] * RECENT_BAND
        close = sorted((a for a in ids if scores[a] >= band), key=idx.ranks.__getitem__)
        return close + [a for a in ids if scores[a] < band]

    async def _search(self, query: str, limit: int) -> SearchResponse:
        idx = await self.index()
        q = parse_query(query, idx.resolve_filter)
        resp = SearchResponse(query=q.raw)
        if q.empty or not idx.n:
            return resp
        question = looks_like_question(q)
        q, recent, known = await self._interpret(idx, q, question)
        if recent and not q.content and not q.has_filters:
            # Only "latest" (or "newest articles"): the newest of the whole library.
            resp.hits = [self._hit(idx, a, 1.0) for a in idx.newest[: max(1, limit)]]
            return resp
        keywords: _Scored | None = None
        if not question:
            scored = keywords = known or await self._rank(q)
            ids = self._confident(scored, SEARCH_THRESHOLD)
            # A short question ("who founded X") or a description ("keynote at the
            # symposium on memory management") nothing matches as keywords: answer it as
            # a question, whose body evidence may still find the article.
            question = not ids and bool(q.words) and not q.has_filters
            question = question and (
                (q.words[0] in QUESTION_START and len(q.content) >= 2) or reads_as_sentence(q)
            )
        if question:
            # `known` is a question's ranking only when the query read as one from the start.
            scored = (keywords is None and known) or await self._rank(q, question=True)
            if recent:  # the newest candidates are the ones to read
                scored.ids = self._newest_first(idx, scored.ids, scored.scores)
            found = await self._rerank(idx, q, scored)
            if found and found[0][0] >= ANSWER_THRESHOLD:
                top = [idx.by_slug[f[1].slug] for f in found if f[0] >= ANSWER_THRESHOLD]
                rest = [a for a in self._confident(scored, ANSWER_THRESHOLD) if a not in top]
                for a, f in zip(top, found, strict=False):
                    scored.scores[a] = f[0]
                ids = top + rest
            else:
                ids = []
        if recent:
            ids = self._newest_first(idx, ids, scored.scores)
        resp.hits = [self._hit(idx, a, scored.scores[a]) for a in ids[: max(1, limit)]]
        if resp.hits:
            resp.corrected = self._corrected(q, scored)
        else:
            resp.suggestions = self._suggest(idx, q, keywords or scored)
        return resp

    @staticmethod
    def _corrected(q: ParsedQuery, scored: _Scored) -> str | None:
        """The query's words with the corrections the ranking made, if it made any."""
        if not scored.corrections:
            return None
        typed = words(q.text)
        fixed_words: list[str] = []
        for i, w in enumerate(typed):
            if i and fixed_words[-1] == typed[i - 1] + w:
                continue  # "clockwork pi": the correction of "clockwork" joined them
            fixed_words.append(scored.corrections.get(w, w))
        fixed = " ".join(fixed_words)
        return fixed if fixed != " ".join(typed) else None

    def _suggest(self, idx: LibraryIndex, q: ParsedQuery, scored: _Scored) -> list[str]:
        fixed = self._corrected(q, scored)
        out: list[str] = [fixed] if fixed else []
        for a in scored.ids[:3]:
            if scored.scores[a] >= SEARCH_THRESHOLD * 0.7:
                label = idx.label(a)
                if label not in out:
                    out.append(label)
        return out[:3]

    async def _rerank(
        self, idx: LibraryIndex, q: ParsedQuery, scored: _Scored
    ) -> list[tuple[float, Article, str | None]]:
        """The top articles rescored with their best passage, best first.

        The answer's words together in 1-3 sentences of one article are stronger evidence
        than the same words scattered over a long one.
        """
        pool = [a for a in scored.ids[:RERANK] if scored.scores[a] >= RERANK_FLOOR]
        if not pool:
            return []
        store = await self._store()
        fts = SearchStore(store.readers)
        exprs = {w: e for w in q.content if (e := fts_word(w))}
        dfs = await self._doc_freqs(fts, list(exprs.values()))
        idf = {w: math.log(1 + idx.n / (df + 0.5)) for w, df in zip(exprs, dfs, strict=True)}
        # The whole pool in one round trip rather than one (or three) per article.
        articles = await store.articles_by_id(pool)
        found: list[tuple[float, int, Article, str | None]] = []
        for a in pool:
            article = articles.get(a)
            if article is None:
                continue
            ev = article_evidence(article, q.text or q.raw, idf)
            final = rerank_score(scored.scores[a], ev)
            found.append((final, -idx.entries[a].rank, article, ev.passage))
        found.sort(key=lambda f: (round(f[0], 3), f[1]), reverse=True)
        return [(f[0], f[2], f[3]) for f in found]

    async def ask(self, question: str) -> Answer:
        """The article that best answers a question, with its best passage; empty if none."""
        question = normalize_query(question)
        return await self._cached(("ask", clip(question)), self._ask(question))

    async def _ask(self, question: str) -> Answer:
        idx = await self.index()
        q = parse_query(question, idx.resolve_filter)
        answer = Answer(question=q.raw)
        if q.empty or not idx.n:
            return answer
        q, recent, known = await self._interpret(idx, q, True)
        scored = known or await self._rank(q, question=True)
        if recent:  # the newest candidates are the ones to read
            scored.ids = self._newest_first(idx, scored.ids, scored.scores)
        found = await self._rerank(idx, q, scored)
        if not found or found[0][0] < ANSWER_THRESHOLD:
            return answer
        if recent:
            final_of = {idx.by_slug[f[1].slug]: f for f in found}
            order = self._newest_first(idx, list(final_of), {a: f[0] for a, f in final_of.items()})
            found = [final_of[a] for a in order]
        final, article, passage = found[0]
        answer.article = article
        answer.score = round(final * 100)
        answer.passage = passage or best_passage(article, q.raw)
        answer.summary = self.summary(article)
        answer.quote = best_quote(article, q.raw, avoid=answer.passage)
        best_id = idx.by_slug.get(article.slug)
        others = [f[1].slug for f in found[1:] if f[0] >= max(ANSWER_THRESHOLD, 0.6 * final)]
        rest = [a for a in self._confident(scored, ANSWER_THRESHOLD) if a != best_id]
        alt_ids = list(dict.fromkeys([idx.by_slug[s] for s in others] + rest))[:4]
        answer.alternatives = [self._hit(idx, a, scored.scores[a]) for a in alt_ids]
        return answer

    async def find(self, title_or_slug: str) -> Article | None:
        """Exact slug, else exact title (newest), else one confident fuzzy title match."""
        text = clip(normalize_query(title_or_slug))
        if not text:
            return None
        store = await self._store()
        idx = await self.index()
        aid = idx.by_slug.get(text)
        if aid is not None:
            article = await store.article_by_id(aid)
            if article is not None:
                return article
        if aid is None and self.rebuilding:
            # The index being replaced may not know a slug a reload just added.
            article = await store.article(text)
            if article is not None:
                return article
        exact = idx.exact_title(text)
        if exact:
            return await store.article_by_id(exact[0])
        # "Title (2024-05-01)" as autocomplete labels repeated titles.
        aid = idx.find_label(text)
        if aid is not None:
            return await store.article_by_id(aid)
        scored = await self._rank(parse_query(text, idx.resolve_filter))
        ids = self._confident(scored, 0.6)
        if not ids:
            return None
        if len(ids) > 1 and scored.scores[ids[1]] >= scored.scores[ids[0]] - 0.02:
            return None  # two equally good matches: not confident which one is meant
        return await store.article_by_id(ids[0])

    async def find_or_suggest(self, text: str, limit: int = 5) -> Lookup:
        """The article `text` names, else up to `limit` closest titles to offer instead."""
        # Stand-in until the lookup module lands: find, then autocomplete's choices.
        article = await self.find(text)
        if article is not None:
            return Lookup(article, [])
        return Lookup(None, await self.autocomplete(text, limit) if clip(text) else [])

    async def autocomplete(self, text: str, limit: int = 25) -> list[TitleChoice]:
        """Fuzzy title choices for a partly typed title; the latest articles for empty text."""
        text = normalize_query(text)
        found = await self._cached(
            ("autocomplete", clip(text, 100), limit), self._autocomplete(text, limit)
        )
        return list(found)

    async def _autocomplete(self, text: str, limit: int) -> list[TitleChoice]:
        idx = await self.index()
        limit = max(1, min(limit, 100))
        text = clip(text, 100)
        if not text.strip():
            ids = idx.newest[:limit]
        else:
            # Titles that start with what was typed come first; word matching (typos,
            # words in any order) fills the rest, and is skipped when they are enough.
            ids = idx.titles_starting(text, limit)
            qwords = words(text) if len(ids) < limit else []
            title = idx.title_scores(qwords) if qwords else {}
            ranks = idx.ranks
            ranked = sorted([(-round(s * 100), ranks[a], a) for a, s in title.items() if s >= 0.3])
            ids += [k[2] for k in ranked if k[2] not in ids][: limit - len(ids)]
            if len(ids) < limit and len(text) >= 3 and len(idx.by_title) <= 20_000:
                # Small libraries: also catch what word matching misses (e.g. run-together words).
                keys = list(idx.by_title)
                for key, _score, _ in process.extract(
                    fold(text), keys, scorer=fuzz.partial_ratio, limit=limit, score_cutoff=75
                ):
                    for a in idx.by_title[key]:
                        if a not in ids:
                            ids.append(a)
                ids = ids[:limit]
        return [
            TitleChoice(
                slug=idx.entries[a].meta.slug,
                title=idx.entries[a].meta.title,
                date=idx.entries[a].meta.date,
                repeated=idx.entries[a].title_key in idx.repeated_titles,
            )
            for a in ids
        ]

    async def related(self, slug: str, limit: int = 4) -> list[SearchHit]:
        """Articles most like this one: shared rare title words, tags and text."""
        # Every article card lists them: kept like search results, per index.
        found = await self._cached(("related", slug, limit), self._related(slug, limit))
        return list(found)

    async def _related(self, slug: str, limit: int) -> list[SearchHit]:
        idx = await self.index()
        aid = idx.by_slug.get(slug)
        if aid is None:
            return []
        e = idx.entries[aid]
        qwords = list(e.title_words)
        if e.meta.description:
            qwords += words(e.meta.description)[:20]
        q = parse_query(" ".join(dict.fromkeys(qwords)))
        scored = await self._rank(q)
        tagset = set(e.tags)
        scores = {}
        for a in scored.ids[:ORDERED]:
            if a == aid or idx.entries[a].title_key == e.title_key:
                continue
            shared = len(tagset & set(idx.entries[a].tags))
            scores[a] = scored.scores[a] * (1 + 0.1 * shared)
        order = sorted(scores, key=lambda a: (-scores[a], idx.entries[a].rank))[:limit]
        return [self._hit(idx, a, min(1.0, scores[a])) for a in order]

    async def tag(self, name: str) -> tuple[str | None, list[ArticleMeta]]:
        """The tag meant by name (fuzzy) and its articles, newest first."""
        idx = await self.index()
        tag = idx.tag_table.resolve(name)
        if tag is None:
            return None, []
        return tag, [idx.entries[a].meta for a in idx.by_tag[tag]]

    async def tags(self) -> list[tuple[str, int]]:
        """Tags with their article counts, most used first."""
        idx = await self.index()
        return [(t, len(idx.by_tag[t])) for t in idx.tag_names]

    async def authors(self) -> list[str]:
        idx = await self.index()
        return sorted(idx.by_author)

    async def latest(self, count: int = 5, tag: str | None = None) -> list[ArticleMeta]:
        """The newest articles, optionally of one (fuzzy-resolved) tag."""
        idx = await self.index()
        count = max(0, count)
        if tag:
            resolved, metas = await self.tag(tag)
            return metas[:count] if resolved else []
        return [idx.entries[a].meta for a in idx.newest[:count]]

    async def random(self, tag: str | None = None) -> Article | None:
        """A random article, optionally of one (fuzzy-resolved) tag."""
        store = await self._store()
        if tag:
            idx = await self.index()
            tag = idx.tag_table.resolve(tag)
            if tag is None:
                return None
        meta = await store.random(tag)
        return await store.article_by_id(meta.id) if meta else None

    def summary(self, article: Article) -> str:
        """The description when it is a real summary, else 1-2 extracted sentences."""
        return summarize(article)

    def quote(self, article: Article, question: str | None = None) -> Quote | None:
        """A notable quote: one with a speaker first, relevant to the question if given."""
        return best_quote(article, question)
