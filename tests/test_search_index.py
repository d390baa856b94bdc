"""The engine's index life cycle and fast paths: built once, rebuilt in the background after
a reload while the old one serves, repeated queries answered from memory, one-trip loads."""

from __future__ import annotations

import asyncio
import gc
import itertools
import os
import random
from array import array
from pathlib import Path
from typing import Any

import pytest

from bot.library.sync import Library
from bot.search import engine as engine_module
from bot.search.engine import SearchEngine
from bot.search.fuzzy import Vocabulary
from bot.search.index import build_index
from bot.search.policy import DEFAULT, Policy
from bot.search.query import Query
from bot.search.rank import slug_digest
from bot.search.tables import Buckets, Groups, Postings
from bot.search.words import STOPWORDS, fts_quote
from bot.service import LibraryService
from bot.store import sqlite as sqlite_files
from bot.store.search import SearchStore
from tests.conftest import loaded_library

NEW_ARTICLE = """---
title: Lighthouse keepers train a flock of quokkas
slug: lighthouse-quokkas
date: '2026-05-01T09:00:00Z'
tags: [community]
description: A short story about quokkas on a lighthouse island.
link: https://articlebot.example/quokkas/
---
<p>The keepers of the old lighthouse trained a flock of quokkas to greet visitors.</p>
<p>“They learned faster than the interns,” said keeper Mara Quill.</p>
"""


async def test_a_reload_rebuilds_in_the_background_while_the_old_index_serves(
    library: Library,
) -> None:
    engine = SearchEngine(library)
    engine.follow_reloads()
    old = await engine.warm()
    assert engine.ready
    assert (await engine.search("quokkas lighthouse")).hits == []
    (library.content_dir / "quokkas.md").write_text(NEW_ARTICLE, encoding="utf-8")
    await library.reload()
    assert engine.rebuilding and not engine.ready
    # Meanwhile queries are answered, from the previous index, without waiting or failing.
    assert await engine.index() is old
    assert (await engine.search("heat pumps")).hits
    await engine.ask("how many toasters did the repair cafe fix?")
    await engine.refreshed()
    assert engine.ready and await engine.index() is not old
    hits = (await engine.search("quokkas lighthouse")).hits
    assert hits and hits[0].slug == "lighthouse-quokkas"
    found = await engine.find("lighthouse-quokkas")
    assert found is not None and found.quotes


async def test_a_slug_digest_finds_its_article_in_a_fresh_engine_and_after_reloads(
    library: Library,
) -> None:
    slug = "lighthouse-quokkas-" + "x" * 150  # too long for a Discord component's id
    (library.content_dir / "quokkas.md").write_text(
        NEW_ARTICLE.replace("slug: lighthouse-quokkas", f"slug: {slug}"), encoding="utf-8"
    )
    await library.reload()
    service = LibraryService(library, SearchEngine(library))  # nothing remembered before
    found = await service.article_by_digest(slug_digest(slug))
    assert found is not None and found.slug == slug
    assert await service.article_by_digest(slug_digest("no-such-article")) is None
    (library.content_dir / "quokkas.md").unlink()
    await service.reload()
    assert await service.article_by_digest(slug_digest(slug)) is None


async def test_warming_up_also_reads_the_cache_file_in(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "posix_fadvise", lambda fd, off, n, advice: asked.append((off, n)))
    monkeypatch.setattr(sqlite_files, "available_memory", lambda: 1 << 40)
    await SearchEngine(library).warm()
    size = library.db_path.stat().st_size
    assert asked and asked[0][0] == 0 and sum(n for _, n in asked) >= size


async def test_warming_up_counts_the_common_title_words_once_and_exactly(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = SearchEngine(library)
    idx = await engine.warm()
    common = idx.common_words(3)
    assert len(common) == 3 and not set(common) & STOPWORDS
    assert all(
        len(idx.postings[w]) >= len(idx.postings[v])
        for w in common
        for v in idx.postings.keys() - STOPWORDS - set(common)
    )
    fts = SearchStore(library.store.readers)
    for w in common:  # counted already, and as FTS5 counts them
        expr = fts_quote(w)
        assert engine.keeper.counts[expr] == await fts.doc_freq(expr) > 0
    counted: list[str] = []
    real = SearchStore.doc_freqs

    async def spy(
        self: SearchStore, terms: list[str], guarded: tuple[tuple[int, str], ...] = ()
    ) -> list[int]:
        counted.extend([*terms, *(t for _, t in guarded)])
        return await real(self, terms, guarded)

    monkeypatch.setattr(SearchStore, "doc_freqs", spy)
    await engine.ask(f"what happened with the {common[0]} and {common[1]}?")
    assert not {fts_quote(w) for w in common[:2]} & set(counted)


async def test_a_new_index_is_out_of_the_collectors_way_as_it_is_built(
    library: Library,
) -> None:
    # Frozen before collection resumes: otherwise the first collection after the build
    # scans its objects (a pause of ~250 ms at 100k articles, while serving after a reload).
    store = library.store or await library.open()
    metas = await store.all_meta()
    tag_rows = await SearchStore(store.readers).article_tags()
    idx = build_index(metas, tag_rows)
    assert gc.isenabled()
    tracked = {id(o) for o in gc.get_objects()}
    assert id(idx) not in tracked and id(idx.postings) not in tracked


async def test_the_articles_matching_a_word_come_as_ids_ascending_up_to_the_limit(
    library: Library,
) -> None:
    store = library.store or await library.open()
    fts = SearchStore(store.readers)
    every = await fts.all_matching(fts_quote("the"), 10_000)
    assert len(every) > 2 and every == sorted(every)
    assert set(every) <= set(await store.article_ids())
    assert await fts.all_matching(fts_quote("the"), 2) == every[:2]
    assert await fts.all_matching(fts_quote("qqzzxxnothing"), 10) == []


def test_the_postings_kept_are_out_of_the_collectors_way() -> None:
    # Every collection that reaches a set visits each id in it: the kept postings (up to
    # 300k ids) were most of what the bot's young collections walked under load. They hold
    # only ints, so the collector is told to leave them; lookups and eviction are as before.
    at = memoryview(array("q", [0, 200, 203]))
    ids = memoryview(array("q", [*range(1000, 1200), 1, 2, 3]))
    postings = Postings(["go", "rust"], at, ids, budget=250)
    go = postings["go"]
    assert go == set(range(1000, 1200)) and postings["go"] is go
    assert not gc.is_tracked(go)
    assert postings["rust"] == {1, 2, 3} and postings.get("zig") is None
    # Evicted and dropped like any set: a collection afterwards finds nothing amiss.
    other = Postings(["go"], memoryview(array("q", [0, 200])), ids, budget=250)
    assert other["go"] == go and other["go"] is not go
    del go, postings, other
    gc.collect()


async def test_a_reload_that_changed_nothing_keeps_the_index(library: Library) -> None:
    engine = SearchEngine(library)
    engine.follow_reloads()
    idx = await engine.warm()
    report = await library.reload()
    assert report.added == report.updated == report.removed == 0
    assert not engine.rebuilding and engine.ready
    assert await engine.index() is idx


async def test_without_following_reloads_the_next_query_sees_the_new_library(
    library: Library,
) -> None:
    engine = SearchEngine(library)
    assert (await engine.search("quokkas lighthouse")).hits == []
    (library.content_dir / "quokkas.md").write_text(NEW_ARTICLE, encoding="utf-8")
    await library.reload()
    assert (await engine.search("quokkas lighthouse")).hits


async def test_a_title_repeated_by_a_reload_is_labelled_with_its_date(library: Library) -> None:
    # The repeated title keys are remembered per index (tables.Repeated): the index a
    # reload builds must know the title an added article now shares.
    (library.content_dir / "quokkas.md").write_text(NEW_ARTICLE, encoding="utf-8")
    await library.reload()
    engine = SearchEngine(library)
    engine.follow_reloads()
    await engine.warm()
    [alone] = await engine.autocomplete("Lighthouse keepers train a flock of quokkas")
    assert (alone.slug, alone.label) == ("lighthouse-quokkas", alone.title)
    twin = NEW_ARTICLE.replace("slug: lighthouse-quokkas", "slug: lighthouse-quokkas-2")
    twin = twin.replace("2026-05-01", "2026-06-01").replace("/quokkas/", "/quokkas-2/")
    (library.content_dir / "quokkas2.md").write_text(twin, encoding="utf-8")
    await library.reload()
    await engine.refreshed()
    choices = await engine.autocomplete("Lighthouse keepers train a flock of quokkas")
    labels = {c.slug: c.label for c in choices if c.title.startswith("Lighthouse keepers")}
    assert labels == {
        "lighthouse-quokkas-2": "Lighthouse keepers train a flock of quokkas (2026-06-01)",
        "lighthouse-quokkas": "Lighthouse keepers train a flock of quokkas (2026-05-01)",
    }


def test_the_names_shared_are_found_by_halving_as_by_a_look_at_each() -> None:
    # Groups.shared skips the ranges where every name has one article (perf22).
    rng = random.Random(5)
    for _ in range(300):
        sizes = [rng.choice([1, 1, 1, 1, 2, 3]) for _ in range(rng.randint(1, 60))]
        groups = Groups.__new__(Groups)
        groups._at = memoryview(array("q", [0, *itertools.accumulate(sizes)]))
        groups.names = [f"n{i}" for i in range(len(sizes))]  # type: ignore[assignment]
        assert groups.shared() == [f"n{i}" for i, n in enumerate(sizes) if n > 1]


async def test_repeated_queries_come_from_memory_until_the_library_changes(
    library: Library,
) -> None:
    engine = SearchEngine(library)
    first = await engine.search("heat pumps")
    assert first.hits and await engine.search("heat pumps") is first
    answer = await engine.ask("how many toasters did the repair cafe fix?")
    assert answer.article is not None
    assert await engine.ask("how many toasters did the repair cafe fix?") is answer
    choices = await engine.autocomplete("repa")
    assert choices and await engine.autocomplete("repa") == choices
    (library.content_dir / "quokkas.md").write_text(NEW_ARTICLE, encoding="utf-8")
    await library.reload()
    again = await engine.search("heat pumps")
    assert again is not first and [h.slug for h in again.hits] == [h.slug for h in first.hits]


async def test_no_result_cache_gives_the_same_answers(library: Library) -> None:
    cached, uncached = SearchEngine(library), SearchEngine(library, cache_size=0)
    for query in ("heat pumps", "salmon river", "tag:community", "banana bread recipe"):
        a, b = await cached.search(query), await uncached.search(query)
        assert [h.slug for h in a.hits] == [h.slug for h in b.hits]
        assert await uncached.search(query) is not b


async def test_whole_articles_load_in_one_query_with_sentences_and_quotes_in_order(
    library: Library,
) -> None:
    store = await library.open()
    slug = "2025-02-08-repair-cafe-fixes-record-number-of-toasters"
    article = await store.article(slug)
    assert article is not None and article.sentences and article.quotes
    aid = (await SearchEngine(library).index()).by_slug[slug]
    assert list(article.sentences) == await store.sentences(aid)
    assert list(article.quotes) == await store.quotes(aid)
    many = await store.articles_by_id([aid, aid + 1, 10**9])
    assert many[aid] == article and set(many) == {aid, aid + 1}
    assert await store.article("no-such-slug") is None


def test_words_with_digits_never_match_by_typo() -> None:
    vocab = Vocabulary(["release", "12345", "go1.21", "1.58.0"])
    assert [m.word for m in vocab.match("relase")] == ["release"]
    assert vocab.match("12346") == []  # another number, not a typo
    assert vocab.match("go1.12") == []
    assert vocab.correct("1.58.1") is None


def test_typo_buckets_listed_ahead_are_the_ones_a_lookup_would_list() -> None:
    words = sorted(["ab", "abc", "abd", "b2b", "bat", "bats", "x²", "éclair", "éclat", "zz", ""])
    ahead, asked = Buckets(words), Buckets(words)
    steps = sum(1 for _ in ahead.fill())
    assert steps == 5  # one step per first letter: a, b, x, z, é
    for key in [(n, c) for n in range(7) for c in "abxzéq"]:
        assert ahead.get(key) == asked.get(key), key
    assert ahead.get((3, "b")) == ["bat"]  # "b2b" has a digit: never a typo target
    assert ahead.get((2, "x")) is None  # nor "x²", whose "²" counts as a digit


async def test_warming_up_lists_the_typo_buckets_in_the_background(library: Library) -> None:
    engine = SearchEngine(library)
    idx = await engine.warm()
    await engine.keeper._warming
    letters = {w[0] for w in idx.vocab.words}
    assert letters and letters <= idx.vocab._buckets._letters
    assert [m.word for m in idx.vocab.match("toastrs")] == ["toasters"]


def test_a_plural_with_a_typo_matches_the_singular_title_word() -> None:
    vocab = Vocabulary(["channel", "goroutine", "class"])
    # "chanels" is two edits from "channel": one for the typo, one for the plural.
    [m] = vocab.match("chanels")
    assert (m.word, m.typos) == ("channel", 2) and m.quality < vocab.match("chanel")[0].quality
    assert vocab.correct("chanels") == "channel"
    assert vocab.match("channels")[0].word == "channel"  # a plural alone was always a typo
    assert vocab.match("chanelz") == []  # no plural
    # "clas" is no plural either: with four letters it has no typo budget, but a slip that
    # keeps every letter typed is read as "class" (Policy.short_word_typo; refuse25).
    assert vocab.correct("clas") == "class"
    off = Vocabulary(["channel", "goroutine", "class"], DEFAULT.with_(short_word_typo=0))
    assert off.correct("clas") is None
    assert vocab.match("xyzzys") == [] and vocab.correct("xyzzys") is None


async def test_a_question_searched_right_after_it_was_asked_is_not_reranked_again(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The "nothing found" reply searches for what was just asked: the same candidates,
    # reranked once, and the same hits as a search in an engine that never saw the ask.
    reranked: list[str] = []
    real = engine_module.rerank

    async def counted(q: Query, *args: Any, **kwargs: Any) -> Any:
        reranked.append(q.raw)
        return await real(q, *args, **kwargs)

    monkeypatch.setattr(engine_module, "rerank", counted)
    question = "how many toasters did the repair café fix?"
    engine = SearchEngine(library)
    await engine.ask(question)
    searched = await engine.search(question, limit=5)
    assert reranked == [question]
    fresh = await SearchEngine(library, cache_size=0).search(question, limit=5)
    assert reranked == [question, question]
    assert searched.hits and searched.hits == fresh.hits
    assert searched.suggestions == fresh.suggestions


async def test_the_same_question_asked_at_once_is_answered_once(library: Library) -> None:
    engine = SearchEngine(library)
    question = "how many toasters did the repair cafe fix?"
    answers = await asyncio.gather(*(engine.ask(question) for _ in range(5)))
    assert answers[0].article is not None
    assert all(a is answers[0] for a in answers)


GARDEN_TITLES = [
    ("Garden notes", "2024-01-01"),
    ("Garden notes from spring", "2025-03-01"),
    ("Garden notes from autumn", "2025-10-01"),
    ("Community garden notes", "2026-01-01"),
]


@pytest.fixture
async def garden_library(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    for i, (title, date) in enumerate(GARDEN_TITLES):
        (content / f"g{i}.md").write_text(
            f"---\ntitle: {title}\nslug: g{i}\ndate: '{date}T09:00:00Z'\n---\n"
            f"<p>Notes about the garden, number {i}.</p>\n",
            encoding="utf-8",
        )
    async with loaded_library(content, tmp_path / "articles.db") as lib:
        yield lib


@pytest.mark.parametrize("scan", [3000, 0])  # few titles share the start / walk the newest
async def test_autocomplete_puts_titles_starting_with_the_typed_text_first(
    garden_library: Library, scan: int
) -> None:
    garden = SearchEngine(garden_library, policy=Policy(prefix_scan=scan))
    typed = [c.title for c in await garden.autocomplete("garden notes")]
    # The whole title, then the others starting with it newest first, then word matches.
    assert typed == [
        "Garden notes",
        "Garden notes from autumn",
        "Garden notes from spring",
        "Community garden notes",
    ]
    half = [c.title for c in await garden.autocomplete("Garden notes fr", limit=2)]
    assert half == ["Garden notes from autumn", "Garden notes from spring"]
    assert [c.title for c in await garden.autocomplete("communty garden")] == [
        "Community garden notes"  # a typo: no title starts with it, word matching finds it
    ]
