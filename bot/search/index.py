"""Index keeping: build the in-memory index, warm it, swap it after reloads, and remember
how many articles hold each word (the document-frequency counts) for its life."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.library.model import ArticleMeta, ReloadReport
from bot.search.policy import DEFAULT, Policy
from bot.search.rank import LibraryIndex
from bot.search.spelling import TextVocabulary
from bot.search.words import fts_word
from bot.store.search import SearchStore

if TYPE_CHECKING:
    from bot.library.sync import Library
    from bot.store.articles import ArticleStore

log = logging.getLogger("articlebot.search")


def build_index(
    metas: list[ArticleMeta], tag_rows: list[tuple[int, str]], policy: Policy = DEFAULT
) -> LibraryIndex:
    """A LibraryIndex built with the collector off and frozen before it resumes."""
    # Hundreds of thousands of new objects: the collector would run dozens of times
    # over them for nothing (a third of the build at 100k articles).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return LibraryIndex(metas, tag_rows, policy)
    finally:
        # The index lives until the next reload: the collector is spared its ~million
        # objects for good (frozen before collection resumes, or the first collection
        # after would scan them all: a pause of ~250 ms at 100k, while serving when it
        # is a rebuild after a reload).
        gc.freeze()
        if enabled:
            gc.enable()


class DocFreqs:
    """How many articles hold each FTS5 expression, remembered until the index changes.

    Counting a word common in a large library takes 1-3 ms (FTS5 walks its whole list), and
    the same words come back in query after query.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._known: dict[str, int] = {}

    def __getitem__(self, expr: str) -> int:
        return self._known[expr]

    def clear(self) -> None:
        self._known = {}

    async def count(self, fts: SearchStore, exprs: Sequence[str]) -> list[int]:
        """Document frequencies, from memory or in one query for those not yet known."""
        known = {e: self._known[e] for e in exprs if e in self._known}
        todo = list(dict.fromkeys(e for e in exprs if e not in known))
        if todo:
            found = dict(zip(todo, await fts.doc_freqs(todo), strict=True))
            known.update(found)
            if len(self._known) + len(found) > self.limit:
                self._known.clear()
            self._known.update(found)
        return [known[e] for e in exprs]


class IndexKeeper:
    """The index of the library's current generation: built on first use (or at start-up
    by warm), rebuilt in the background after reloads when asked to follow them."""

    def __init__(self, library: Library, policy: Policy = DEFAULT) -> None:
        self.library = library
        self.policy = policy
        self.counts = DocFreqs(policy.df_cache)
        self._index: LibraryIndex | None = None
        # The full text's vocabulary of the index serving (read once per index, when a
        # word needs correcting or after a warm build: ~0.8 s at 100k articles).
        self._spelling: tuple[LibraryIndex, TextVocabulary] | None = None
        self._spelling_lock = asyncio.Lock()
        self._generation = -1  # the library generation the index reflects
        self._lock = asyncio.Lock()
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
        """Build the index now (at start-up), so no member's query pays for it; meanwhile
        the OS reads the cache file in, so the first queries do not wait on the disk.
        Then count the common words (see Policy.common_words)."""
        store = await self.store()
        reading = asyncio.create_task(store.prefetch())
        try:
            idx = await self.index()
        finally:
            await reading
        await self._count_common_words(idx)
        await self.spelling(idx)
        return idx

    async def _count_common_words(self, idx: LibraryIndex) -> None:
        fts = SearchStore((await self.store()).readers)
        exprs = [e for w in idx.common_words(self.policy.common_words) if (e := fts_word(w))]
        step = max(1, self.policy.common_words_step)
        for start in range(0, len(exprs), step):  # in steps, so queries are served between
            if self._index is not idx:
                return  # a newer index has its own counts
            await self.counts.count(fts, exprs[start : start + step])

    async def spelling(self, idx: LibraryIndex) -> TextVocabulary:
        """The full-text vocabulary of the library `idx` was built from, read once."""
        async with self._spelling_lock:
            known = self._spelling
            if known is None or known[0] is not idx:
                fts = SearchStore((await self.store()).readers)
                vocab = TextVocabulary(await fts.vocabulary(), self.policy)
                known = self._spelling = (idx, vocab)
        return known[1]

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
                await self.spelling(self._index)
        except Exception:
            # The old index keeps serving; the next query retries the build itself.
            log.exception("rebuilding the search index failed")

    async def _build(self) -> None:
        """Build the index for the library as it is now and swap it in (under _lock)."""
        gen = self.library.generation
        store = await self.store()
        metas = await store.all_meta()
        tag_rows = await SearchStore(store.readers).article_tags()
        index = await asyncio.to_thread(build_index, metas, tag_rows, self.policy)
        self._index, self._generation = index, gen
        self.counts.clear()
