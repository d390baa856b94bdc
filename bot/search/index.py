"""Index keeping: load the saved index at start (or build it), update it after reloads and
swap it in, save it beside the cache, and remember how many articles hold each word (the
document-frequency counts) for its life."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.library.model import ArticleMeta
from bot.library.report import ReloadReport
from bot.search import build as builder
from bot.search import english, layout
from bot.search.build import Row
from bot.search.layout import IndexFile, IndexFileError
from bot.search.policy import DEFAULT, Policy
from bot.search.rank import LibraryIndex
from bot.search.spelling import TextVocabulary
from bot.search.words import fts_word
from bot.store.search import SearchStore

if TYPE_CHECKING:
    from bot.library.sync import Library
    from bot.store.articles import ArticleStore

log = logging.getLogger("articlebot.search")

Sections = dict[str, layout.Section]

# An update that would remove or add more than this share of the articles costs more than
# building the index afresh.
UPDATE_SHARE = 0.3
# Title masses summed ahead of queries per turn of the event loop (~2 us each).
MASS_STEP = 2000


def index_path(db_path: Path) -> Path:
    """Where the search index of a cache is saved: beside it, `articles.db.index`."""
    return db_path.with_name(f"{db_path.name}.index")


def stamp(version: tuple[str, str] | None, policy: Policy) -> dict[str, Any]:
    """What an index was made for: the cache (its identity and content version, see
    ArticleStore.content_version), and the policy fields the build reads (an index saved
    under other ones is rebuilt)."""
    cache, content = version or (None, None)
    return {
        "cache": cache,
        "content": content,
        "description_chars": policy.description_chars,
        "candidate_cap": policy.candidate_cap,
    }


def _open(
    file: IndexFile, policy: Policy, decoded: dict[str, list[str]] | None = None
) -> LibraryIndex:
    """A LibraryIndex over an index file, its few Python objects out of the collector's way."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return LibraryIndex(file, policy, decoded)
    finally:
        # The index lives until the next reload: its objects (vocabulary words, name
        # tables) are frozen before collection resumes, so no collection scans them again.
        gc.freeze()
        if enabled:
            gc.enable()


def rows_of(raw: Sequence[Sequence[Any]]) -> list[Row]:
    """Rows from ArticleStore.index_rows."""
    return [
        Row(r[0], r[1], r[2], r[3], r[4], r[5], r[7], r[8], tuple(r[9]) or _tags(r[6])) for r in raw
    ]


def _tags(stored: str | None) -> tuple[str, ...]:
    return tuple(stored.split("\n")) if stored else ()


def build_index(
    metas: list[ArticleMeta], tag_rows: Sequence[tuple[int, str]], policy: Policy = DEFAULT
) -> LibraryIndex:
    """A LibraryIndex of articles (newest first) and their tag rows, in memory."""
    tags_of: dict[int, list[str]] = {}
    for aid, tag in tag_rows:
        tags_of.setdefault(aid, []).append(tag)
    rows = [builder.row_of(m, tags_of.get(m.id)) for m in metas]
    data = layout.encode({"stamp": stamp(None, policy)}, builder.build(rows, policy))
    return _open(IndexFile(data), policy)


class DocFreqs:
    """How many articles hold each FTS5 expression, remembered until the index changes.

    Counting a word common in a large library takes 1-3 ms (FTS5 walks its whole list), and
    the same words come back in query after query. What acronyms.learn read in the
    articles is remembered with them (`learned`), for the same reason; and the last
    `ranked_kept` bm25 rankings (`ranked`).
    """

    def __init__(self, limit: int, ranked_kept: int = DEFAULT.fts_ranked_kept) -> None:
        self.limit = limit
        self._known: dict[str, int] = {}
        # (words as a question types them) -> (the form the library writes them in,),
        # () when looked for and not found (acronyms.py).
        self.learned: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.ranked_kept = ranked_kept
        self._ranked: OrderedDict[tuple, tuple[tuple[int, float], ...]] = OrderedDict()
        # Counts up at each clear: a ranking read before a clear is not kept after it.
        self._epoch = 0
        # A word -> its other region's spelling the library holds, () for none (regional.py).
        self.regional: dict[str, tuple[str, ...]] = {}

    def __getitem__(self, expr: str) -> int:
        return self._known[expr]

    def clear(self) -> None:
        self._known = {}
        self.learned = {}
        self.regional = {}
        self._ranked = OrderedDict()
        self._epoch += 1

    async def ranked(
        self,
        fts: SearchStore,
        match: str,
        limit: int,
        weights: Sequence[float],
        ids: Sequence[int] | None = None,
    ) -> tuple[tuple[int, float], ...]:
        """SearchStore.ranked's (article id, -bm25), best first, from memory when the same
        ranking was read for this index. A bm25 ranking costs ~3.5 ms of SQLite at 100k
        articles (FTS5 scores every article holding a term), and the load test's mix reads
        one in ten again: a question asked anew by another member (its conversation makes
        another Query), a search of an ask's words, the lookup of a title searched before
        (bench/README.md, perf26). A ranking within ids (a filter's articles, up to
        Policy.fts_filter_ids of them) is read each time: its key would hold them all."""
        if ids is not None:
            return tuple(await fts.ranked(match, limit, weights, ids))
        key = (match, limit, tuple(weights))
        found = self._ranked.get(key)
        if found is not None:
            self._ranked.move_to_end(key)
            return found
        epoch = self._epoch
        found = tuple(await fts.ranked(match, limit, weights))
        if epoch == self._epoch and self.ranked_kept > 0:
            self._ranked[key] = found
            while len(self._ranked) > self.ranked_kept:
                self._ranked.popitem(last=False)
        return found

    async def count(
        self, fts: SearchStore, exprs: Sequence[str], guarded: Sequence[tuple[str, str]] = ()
    ) -> list[int]:
        """Document frequencies, from memory or in one query for those not yet known; then,
        for each (guard, expr) of `guarded` (guard one of `exprs`), expr's where some
        article holds guard, else 0 uncounted (SearchStore.doc_freqs): a count that needs
        another's first is made in the same round trip."""
        known = {e: self._known[e] for e in (*exprs, *(e for _, e in guarded)) if e in self._known}
        todo = list(dict.fromkeys(e for e in exprs if e not in known))
        # A guard known to be held: its expression is counted as any other. A guard not
        # yet counted: its expression is counted in the query only if the guard is held.
        for guard, expr in guarded:
            if known.get(guard) and expr not in known and expr not in todo:
                todo.append(expr)
        pending = list(
            dict.fromkeys(
                (g, e) for g, e in guarded if g not in known and e not in known and e not in todo
            )
        )
        if todo:
            at = {e: k for k, e in enumerate(todo)}
            dfs = await fts.doc_freqs(todo, [(at[g], e) for g, e in pending])
            found = dict(zip(todo, dfs, strict=False))
            for (g, e), df in zip(pending, dfs[len(todo) :], strict=True):
                if found[g]:  # counted only where its guard is held: a 0 there is no count
                    found[e] = df
            known.update(found)
            if len(self._known) + len(found) > self.limit:
                self._known.clear()
                self.learned.clear()
                self.regional.clear()
            self._known.update(found)
        return [known[e] for e in exprs] + [known[e] if known[g] else 0 for g, e in guarded]


class IndexKeeper:
    """The index of the library's current generation: built on first use (or at start-up
    by warm), rebuilt in the background after reloads when asked to follow them."""

    def __init__(self, library: Library, policy: Policy = DEFAULT) -> None:
        self.library = library
        self.policy = policy
        self.counts = DocFreqs(policy.df_cache, policy.fts_ranked_kept)
        self._index: LibraryIndex | None = None
        # The full text's vocabulary of the index serving (read once per index, when a
        # word needs correcting or after a warm build: ~0.8 s at 100k articles).
        self._spelling: tuple[LibraryIndex, TextVocabulary] | None = None
        self._spelling_lock = asyncio.Lock()
        # The keys of the library's stock lines for the index serving (bot/search/stock.py:
        # read once per index and threshold, in the warm-up: ~0.1 s at 100k articles).
        self._stock: tuple[LibraryIndex, int, frozenset[int]] | None = None
        self._stock_lock = asyncio.Lock()
        self._generation = -1  # the library generation the index reflects
        self._lock = asyncio.Lock()
        self._follow = False
        self._rebuild: asyncio.Task[None] | None = None
        self._warming: asyncio.Task[None] | None = None
        # The last library generation whose reload changed articles: an index built at or
        # after it is current. Without reload reports, every generation counts as a change.
        self._changed = library.generation
        self._reports = False
        on_reload = getattr(library, "on_reload", None)
        if on_reload is not None:
            on_reload(self._reloaded)
            self._reports = True

    async def store(self) -> ArticleStore:
        """The library's store, opened if it is not yet."""
        store = self.library.store
        if store is None:
            store = await self.library.open()
        return store

    @property
    def latest(self) -> LibraryIndex | None:
        """The index serving now (None before the first build)."""
        return self._index

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
        """Load (or build) the index now, at start-up, so no member's query pays for it;
        meanwhile the OS reads the cache file in, so the first queries do not wait on the
        disk. Then count the common words (see Policy.common_words) and read the full
        text's vocabulary (typo corrections); the title masses are summed and the typo
        buckets listed in the background (see _warm_up)."""
        store = await self.store()
        reading = asyncio.create_task(store.prefetch())
        try:
            idx = await self.index()
        finally:
            await reading
        await self._count_common_words(idx)
        await self.spelling(idx)
        self._warm_up(idx, count=False)
        return idx

    def _warm_up(self, idx: LibraryIndex, *, count: bool = True) -> None:
        """In the background, between queries: count the common words of a new index, read
        the full text's vocabulary, sum its title masses and list the typo buckets of both
        vocabularies, so the queries that need them find them done (one that needs the
        vocabulary first waits for its read); and read the English word frequencies once
        (~1 s, see english.py) before a question needs them."""

        async def work() -> None:
            try:
                await self.stock_keys(idx, self.policy.stock_articles)
                await asyncio.to_thread(english.warm)
                if count:
                    await self._count_common_words(idx)
                if self._index is idx:
                    await self.spelling(idx)
                await self._sum_masses(idx)
                await self._fill_buckets(idx)
            except Exception as exc:  # e.g. the store closed meanwhile: queries do it
                log.debug("warming the search index up stopped: %s", exc)

        self._warming = asyncio.create_task(work(), name="articlebot-index-warm-up")

    async def _count_common_words(self, idx: LibraryIndex) -> None:
        fts = SearchStore((await self.store()).readers)
        exprs = [e for w in idx.common_words(self.policy.common_words) if (e := fts_word(w))]
        step = max(1, self.policy.common_words_step)
        for start in range(0, len(exprs), step):  # in steps, so queries are served between
            if self._index is not idx:
                return  # a newer index has its own counts
            await self.counts.count(fts, exprs[start : start + step])

    async def _sum_masses(self, idx: LibraryIndex) -> None:
        """Sum every title's idf mass ahead of the queries (see LibraryIndex.sum_masses),
        in steps so queries are served between."""
        more = True
        while more and self._index is idx:
            more = idx.sum_masses(MASS_STEP)
            await asyncio.sleep(0)  # queries are served between the steps

    async def _fill_buckets(self, idx: LibraryIndex) -> None:
        """List the title and full-text vocabularies' typo buckets ahead of the queries
        (see Buckets.fill), a first letter at a time so queries are served between."""
        for vocabulary in (idx.vocab, await self.spelling(idx)):
            for _ in vocabulary.fill_buckets():
                if self._index is not idx:
                    return
                await asyncio.sleep(0)

    def spelling_read(self, idx: LibraryIndex) -> TextVocabulary | None:
        """The full-text vocabulary of `idx` when already read (the warm-up reads it), else
        None: for a caller that cannot wait."""
        known = self._spelling
        return known[1] if known is not None and known[0] is idx else None

    async def spelling(self, idx: LibraryIndex) -> TextVocabulary:
        """The full-text vocabulary of the library `idx` was built from, read once."""
        async with self._spelling_lock:
            known = self._spelling
            if known is None or known[0] is not idx:
                fts = SearchStore((await self.store()).readers)
                vocab = TextVocabulary(await fts.vocabulary(), self.policy)
                known = self._spelling = (idx, vocab)
        return known[1]

    async def stock_keys(self, idx: LibraryIndex, least: int) -> frozenset[int]:
        """The keys of the stock lines (held by `least` or more articles of one site: see
        SearchStore.stock_keys) of the library `idx` was built from, read once."""
        async with self._stock_lock:
            known = self._stock
            if known is None or known[0] is not idx or known[1] != least:
                keys = await SearchStore((await self.store()).readers).stock_keys(least)
                known = self._stock = (idx, least, keys)
        return known[2]

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
        if not (report.articles_changed or report.added or report.updated or report.removed):
            # Nothing the index holds changed (e.g. a no-change reload at start-up). The
            # counts too: a report not made by a reload says only them.
            return
        self._changed = self.library.generation
        if self._follow and not self.rebuilding:
            self._rebuild = asyncio.create_task(self._refresh(), name="articlebot-index-rebuild")

    async def _refresh(self) -> None:
        try:
            while not self._current():
                async with self._lock:
                    if not self._current():
                        await self._build()
        except Exception:
            # The old index keeps serving; the next query retries the build itself.
            log.exception("rebuilding the search index failed")
            return
        if self._index is not None:
            self._warm_up(self._index)

    async def _build(self) -> None:
        """Bring the index up to the library as it is now, swap it in, then save it beside
        the cache (under _lock)."""
        gen = self.library.generation
        store = await self.store()
        index, unsaved = await self._made(store)
        self._index, self._generation = index, gen
        self.counts.clear()
        if unsaved is None:
            return
        # Served from memory from now on; saved for the next start, with the title masses
        # an update leaves to be summed (between queries).
        if "mass" not in unsaved:
            await self._sum_masses(index)
            if index.masses is None:
                return  # a newer index took its place meanwhile, and will be saved
            unsaved = {**unsaved, "mass": index.masses}
        await self._save(index.file.header, unsaved)

    @property
    def path(self) -> Path:
        return index_path(self.library.db_path)

    async def _made(self, store: ArticleStore) -> tuple[LibraryIndex, Sections | None]:
        """The index of the cache's current content: the one serving or the saved one if
        it is of that content, else either updated by what changed since, else built (and
        then its sections, to save)."""
        # The version is read before the articles: an index is never stamped newer than
        # what it holds (at worst older, and then updated again).
        want = stamp(await store.content_version(), self.policy)
        current = self._index
        base = current.file if current is not None else await self._saved(want)
        if base is not None and base.stamp == want:
            return (current if current is not None else _open(base, self.policy)), None
        sections = None
        decoded = current.decoded() if current is not None else {}
        if base is not None and _same_build(base.stamp, want):
            sections = await self._update(store, base, decoded)
        if sections is None:
            rows = rows_of(await store.index_rows())
            sections = await asyncio.to_thread(builder.build, rows, self.policy)
            decoded = {}
        index = _open(IndexFile.of({"stamp": want}, sections), self.policy, decoded)
        return index, sections

    async def _saved(self, want: dict[str, Any]) -> IndexFile | None:
        """The index saved beside the cache, if there is a readable one (one log line
        when it cannot be used as it is)."""
        path = self.path
        try:
            found = await asyncio.to_thread(layout.read, path)
        except FileNotFoundError:
            log.debug("search index: none saved at %s yet; building it", path)
            return None
        except (OSError, IndexFileError) as exc:
            log.warning("search index: cannot read %s (%s); building it again", path, exc)
            return None
        missing = builder.SECTIONS - found.header.get("sections", {}).keys()
        if missing:
            log.warning("search index: %s lacks %s; building it again", path, min(missing))
            return None
        have = found.stamp
        if have.get("cache") != want["cache"]:
            # A cache deleted or moved aside and made again (which was said): not news.
            log.debug("search index: %s was made for another cache; building it", path)
        elif have != want:
            why = "an older library" if _same_build(have, want) else "other settings"
            log.info("search index: %s was made for %s; bringing it up to date", path, why)
        return found

    async def _update(
        self, store: ArticleStore, base: IndexFile, decoded: dict[str, list[str]]
    ) -> Sections | None:
        """base's sections updated to the cache's articles, or None when so much changed
        that a build costs less. `decoded`: see builder.update."""
        held = base.array("newest")
        last = len(base.array("rank")) - 1
        # Ids are never given twice (see ArticleStore): the new articles are those above
        # the last the index knows, and the removed ones those it knows that are gone.
        removed = set(held).difference(await store.article_ids())
        added = rows_of(await store.index_rows(after=last))
        if len(removed) + len(added) > UPDATE_SHARE * max(len(held), 1):
            return None
        return await asyncio.to_thread(builder.update, base, removed, added, self.policy, decoded)

    async def _save(self, header: dict[str, Any], sections: Sections) -> None:
        """Write the index beside the cache, for the next start (one log line when it
        cannot be: this process serves it from memory all the same)."""
        path = self.path
        try:
            await asyncio.to_thread(layout.write, path, header, sections)
        except OSError as exc:
            log.warning(
                "search index: cannot save it at %s (%s); serving it from memory", path, exc
            )


def _same_build(have: dict[str, Any], want: dict[str, Any]) -> bool:
    """Whether two stamps differ at most by content (an update can bring one to the other)."""
    return {**have, "content": None} == {**want, "content": None}
