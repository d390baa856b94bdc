"""perf26: the bm25 rankings read for an index are remembered with its document
frequencies (DocFreqs.ranked), so a ranking read again makes no round trip; a new index
(DocFreqs.clear) forgets them, and one read across a clear is not kept."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.search.index import DocFreqs
from bot.search.parse import parse
from bot.store.search import SearchStore
from tests.conftest import small_engine, tool_post
from tests.test_guarded_counts import trips

FILES = {
    "kettle.md": tool_post(
        "kettle",
        "A kettle that whistles",
        "<p>The kettle whistles when the water boils; its spout is copper.</p>",
    ),
    "teapot.md": tool_post(
        "teapot",
        "A teapot of copper",
        "<p>The teapot is copper and holds the water the kettle boiled.</p>",
    ),
}
WEIGHTS = (10.0, 5.0, 3.0, 1.0)


def bm25s(sent: list[str]) -> list[str]:
    return [sql for sql in sent if "bm25(" in sql]


async def test_a_ranking_read_again_is_remembered_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with small_engine(tmp_path, FILES) as engine:
        fts = SearchStore((await engine.keeper.store()).readers)
        counts = DocFreqs(100, ranked_kept=2)
        sent = trips(monkeypatch)
        first = await counts.ranked(fts, '"copper"', 10, WEIGHTS)
        assert [a for a, _ in first] and first == tuple(await fts.ranked('"copper"', 10, WEIGHTS))
        assert len(bm25s(sent)) == 2
        # The same ranking again: no round trip, the same hits and scores.
        assert await counts.ranked(fts, '"copper"', 10, WEIGHTS) == first
        assert len(bm25s(sent)) == 2
        # Another limit, weights or set of ids is another ranking.
        await counts.ranked(fts, '"copper"', 5, WEIGHTS)
        await counts.ranked(fts, '"copper"', 10, (2.0, 1.5, 1.5, 1.0))
        assert len(bm25s(sent)) == 4
        # A ranking within ids is read each time (its key would hold them all).
        within = await counts.ranked(fts, '"copper"', 10, WEIGHTS, [a for a, _ in first])
        assert within == first and await counts.ranked(fts, '"copper"', 10, WEIGHTS, [1, 2])
        assert len(bm25s(sent)) == 6
        # Only the last `ranked_kept` are kept: the first was pushed out.
        await counts.ranked(fts, '"copper"', 10, WEIGHTS)
        assert len(bm25s(sent)) == 7
        # A new index forgets them.
        counts.clear()
        await counts.ranked(fts, '"copper"', 10, WEIGHTS)
        assert len(bm25s(sent)) == 8


async def test_a_ranking_read_across_a_clear_is_not_kept() -> None:
    class SlowStore:
        calls = 0

        async def ranked(self, *args: Any) -> list[tuple[int, float]]:
            SlowStore.calls += 1
            await asyncio.sleep(0.01)
            return [(1, 1.0)]

    counts = DocFreqs(100)
    fts: Any = SlowStore()
    reading = asyncio.ensure_future(counts.ranked(fts, '"a"', 10, WEIGHTS))
    await asyncio.sleep(0)
    counts.clear()  # a new index came while the ranking was read
    assert await reading == ((1, 1.0),)
    await counts.ranked(fts, '"a"', 10, WEIGHTS)
    assert SlowStore.calls == 2


async def test_a_question_ranked_again_as_another_query_reads_bm25_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with small_engine(tmp_path, FILES) as engine:
        idx = await engine.index()
        sent = trips(monkeypatch)
        first = await (await engine._retriever(idx)).rank(parse("copper kettle"), question=True)
        before = len(bm25s(sent))
        assert before >= 1
        # Another request's retriever and Query object (as another member's ask makes).
        again = await (await engine._retriever(idx)).rank(parse("copper kettle"), question=True)
        assert len(bm25s(sent)) == before
        assert again.ids == first.ids and again.scores == first.scores
