"""The rerank pools bench (bench/rerank_pools.py): it shows the candidates `ask` weighed,
and never the held-out material's questions."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.library.sync import Library
from bot.search.engine import SearchEngine

# The benches import each other as top-level modules from their own folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import rerank_pools  # noqa: E402


def pool(question: str, split: str, place: int | None = 1) -> rerank_pools.Pool:
    row = {"question": question, "type": "who", "split": split, "articles": ["a"]}
    return rerank_pools.Pool(row, "high", ["    0 score 0.900 | the post that won"], place)


@pytest.mark.parametrize("unread", rerank_pools.HELD_OUT)
def test_the_untouched_and_validation_sets_are_refused_before_anything_is_read(unread) -> None:
    with pytest.raises(SystemExit) as stop:
        rerank_pools.main(["--set", unread])
    assert stop.value.code == 2


def test_the_test_half_prints_counts_and_never_a_question(capsys) -> None:
    missed = [pool("who designed the held out thing", "test"), pool("who else", "test", 0)]
    rerank_pools.report("blogs", "test", missed)
    out = capsys.readouterr().out
    assert "2 questions, right article first 1" in out
    assert "designed the held out thing" not in out and "the post that won" not in out

    rerank_pools.report("blogs", "tune", [pool("who designed the tuned thing", "tune")])
    out = capsys.readouterr().out
    assert "who designed the tuned thing" in out and "the post that won" in out
    assert "labelled article at place 2" in out


async def test_the_pool_read_is_the_one_ask_answers_from(bundled_library: Library) -> None:
    engine = SearchEngine(bundled_library)
    question = "how much did the solar co-op raise?"
    answer = await engine.ask(question)
    ranked, found = await engine.reranked(question)
    assert answer.article is not None and found
    assert found[0].article.slug == answer.article.slug
    assert ranked.ids and all(a in ranked.scores for a in ranked.ids)
    assert await engine.reranked("   ") == (ranked.__class__([], {}), [])


async def test_labelled_in_reads_an_article_the_first_stage_left_out(
    bundled_library: Library,
) -> None:
    engine = SearchEngine(bundled_library)
    question = "how much did the solar co-op raise?"
    idx = await engine.index()
    _, found = await engine.reranked(question)
    read = {r.article.slug for r in found}
    outside = next(s for s in idx.by_slug if s not in read)
    wanted: set[int] = set()
    rerank_pools.labelled_in(engine, wanted)
    _, again = await engine.reranked(question)
    assert {r.article.slug for r in again} == read  # nothing wanted: the same pool
    wanted.add(idx.by_slug.get(outside))
    engine._reranks.clear()
    _, found = await engine.reranked(question)
    assert outside in {r.article.slug for r in found}
    assert found[0].article.slug == again[0].article.slug
