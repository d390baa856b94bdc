"""The search index saved beside the cache: loaded at start instead of rebuilt, updated after
reloads to what a fresh build would make, rebuilt (one log line) when damaged or stale."""

from __future__ import annotations

import logging
import random
from dataclasses import replace

import pytest

from bot.library.sync import Library
from bot.search import build as builder
from bot.search import layout
from bot.search.build import Row, newest_first
from bot.search.engine import SearchEngine
from bot.search.index import index_path
from bot.search.layout import IndexFile
from bot.search.policy import Policy
from bot.search.rank import LibraryIndex

QUOKKAS = """---
title: Lighthouse keepers train a flock of quokkas
slug: lighthouse-quokkas
date: '2026-05-01T09:00:00Z'
tags: [community]
---
<p>The keepers of the old lighthouse trained a flock of quokkas to greet visitors.</p>
"""


def _no_build(*args: object) -> None:
    raise AssertionError("the index was built from every article")


def _no_update(*args: object) -> None:
    raise AssertionError("the index was updated rather than built")


async def test_a_restart_reads_the_saved_index_instead_of_building_it(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = await SearchEngine(library).search("heat pumps")
    assert first.hits and index_path(library.db_path).exists()
    monkeypatch.setattr(builder, "build", _no_build)
    again = Library(library.content_dir, library.db_path)
    try:
        found = await SearchEngine(again).search("heat pumps")
    finally:
        await again.close()
    assert found.as_json() == first.as_json()


async def test_a_reload_updates_the_saved_index_for_the_next_start(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = SearchEngine(library)
    engine.follow_reloads()
    await engine.warm()
    (library.content_dir / "quokkas.md").write_text(QUOKKAS, encoding="utf-8")
    monkeypatch.setattr(builder, "build", _no_build)  # 1 of 15 changed: an update
    await library.reload()
    await engine.refreshed()
    assert (await engine.search("quokkas lighthouse")).hits[0].slug == "lighthouse-quokkas"
    again = Library(library.content_dir, library.db_path)
    try:
        hits = (await SearchEngine(again).search("quokkas lighthouse")).hits
    finally:
        await again.close()
    assert hits and hits[0].slug == "lighthouse-quokkas"


async def test_an_index_of_an_older_library_is_brought_up_to_date_with_one_line(
    library: Library, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    await SearchEngine(library).index()  # saved; then another process changes the library
    (library.content_dir / "quokkas.md").write_text(QUOKKAS, encoding="utf-8")
    heat = next(library.content_dir.glob("*heat-pump*"))
    heat.unlink()
    await library.reload()
    monkeypatch.setattr(builder, "build", _no_build)
    caplog.set_level(logging.INFO, logger="articlebot.search")
    engine = SearchEngine(library)
    assert (await engine.search("quokkas lighthouse")).hits[0].slug == "lighthouse-quokkas"
    assert not [h for h in (await engine.search("heat pumps")).hits if "heat-pump" in h.slug]
    assert len(caplog.records) == 1 and "older library" in caplog.records[0].getMessage()


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
async def test_a_damaged_index_file_is_rebuilt_with_one_warning(
    library: Library, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    expected = (await SearchEngine(library).search("heat pumps")).as_json()
    path = index_path(library.db_path)
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(data[:40] + bytes(random.Random(1).randbytes(len(data) - 40)))
    else:
        path.write_bytes(b"")
    caplog.set_level(logging.INFO, logger="articlebot.search")
    found = await SearchEngine(library).search("heat pumps")
    assert found.as_json() == expected
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(caplog.records) == 1 and len(warnings) == 1 and str(path) in warnings[0].message
    assert layout.read(path).stamp  # written again, whole


async def test_an_index_of_another_cache_is_built_afresh(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    await SearchEngine(library).index()
    await library.close()
    for leftover in library.db_path.parent.glob("articles.db*"):
        if not leftover.name.endswith(".index"):
            leftover.unlink()  # the cache deleted and made again: ids given from 1 again
    (library.content_dir / "quokkas.md").write_text(QUOKKAS, encoding="utf-8")
    next(library.content_dir.glob("*heat-pump*")).unlink()
    await library.reload()
    monkeypatch.setattr(builder, "update", _no_update)
    engine = SearchEngine(library)
    assert (await engine.search("quokkas lighthouse")).hits[0].slug == "lighthouse-quokkas"


async def test_an_index_made_under_other_settings_is_built_afresh(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    await SearchEngine(library).index()
    monkeypatch.setattr(builder, "update", _no_update)
    engine = SearchEngine(library, policy=Policy(candidate_cap=100))
    idx = await engine.index()
    assert idx.file.stamp["candidate_cap"] == 100


async def test_an_index_that_cannot_be_saved_serves_from_memory(
    library: Library, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def read_only(*args: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(layout, "write", read_only)
    caplog.set_level(logging.WARNING, logger="articlebot.search")
    assert (await SearchEngine(library).search("heat pumps")).hits
    assert len(caplog.records) == 1 and "Read-only" in caplog.records[0].getMessage()
    assert not index_path(library.db_path).exists()


async def test_article_ids_are_never_given_twice(library: Library) -> None:
    store = library.store or await library.open()
    newest = (await store.latest(1))[0]
    version = await store.content_version()
    await library.reload()  # nothing changed: the same version
    assert await store.content_version() == version
    [path] = [p for p in library.content_dir.glob("*.md") if newest.slug in p.read_text()]
    top = max(await store.article_ids())
    path.unlink()
    await library.reload()
    (library.content_dir / "quokkas.md").write_text(QUOKKAS, encoding="utf-8")
    await library.reload()
    assert max(await store.article_ids()) > top  # not the removed article's id again
    cache, content = await store.content_version()
    assert cache == version[0] and content != version[1]


# -- an update makes what a build makes ---------------------------------------------------

TITLES = [
    "Go 1.21 is released",
    "Go 1.21 is released",  # a repeated title
    "crates.io: a new index",  # dotted words, found by their parts
    "The C++ and Go interop story",
    "What is it",  # stopwords only
    "???",  # no words at all
    "Rust 1.70 and crates.io sparse registries",
]


def _rows(count: int, rng: random.Random, first_id: int = 1) -> list[Row]:
    rows = []
    for i in range(count):
        title = rng.choice(TITLES) + ("" if rng.random() < 0.5 else f" part {rng.randrange(9)}")
        day = rng.randrange(1, 28)
        rows.append(
            Row(
                id=first_id + i,
                slug=f"a-{first_id + i}",
                title=title,
                author=rng.choice([None, "Rob Pike", "Rob Pike and Ken Thompson", "The Go Team"]),
                date=None if rng.random() < 0.15 else f"2024-0{rng.randrange(1, 4)}-{day:02d}",
                link=None,
                cover_image=None,
                description=rng.choice([None, "", "Typed words, with gorutines and chanels."]),
                tags=tuple(sorted(rng.sample(["go", "release", "rust", "compiler team"], 2))),
            )
        )
    return rows


def _compare(made: IndexFile, fresh: IndexFile) -> None:
    """Every section equal, but the strings of removed articles an update leaves behind
    and the title masses it leaves to the index (compared once summed)."""
    by_id = {"rec", "tkey", "twords", "ckey", "date"}
    for name in fresh.header["sections"]:
        if name.split(".")[0] in by_id or name in ("garbage", "mass"):
            continue
        assert bytes(made.array(name).cast("B")) == bytes(fresh.array(name).cast("B")), name
    rank = fresh.array("rank")
    for name in by_id:
        a, b = made.strings(name), fresh.strings(name)
        assert len(a) == len(b)
        assert all(a[i] == b[i] for i in range(len(b)) if rank[i] >= 0), name


@pytest.mark.parametrize("seed", range(8))
def test_an_update_makes_what_a_build_of_the_same_library_makes(seed: int) -> None:
    rng = random.Random(seed)
    policy = Policy(candidate_cap=5)  # small, so the newest-per-word lists are exercised
    rows = newest_first(_rows(60, rng))
    made = IndexFile(layout.encode({}, builder.build(rows, policy)))
    next_id = 100
    for _ in range(3):  # updates of updates: the strings of removed articles pile up, then go
        gone = set(rng.sample([r.id for r in rows], rng.randrange(0, 12)))
        added = _rows(rng.randrange(0, 12), rng, first_id=next_id)
        next_id += len(added)
        edited = [  # an edit: the old article removed, its new version added under a new id
            replace(r, id=next_id + i, title=r.title + " revised")
            for i, r in enumerate(rng.sample([r for r in rows if r.id not in gone], 5))
        ]
        next_id += len(edited)
        gone |= {r.id for r in rows if r.slug in {e.slug for e in edited}}
        rows = newest_first([r for r in rows if r.id not in gone] + added + edited)
        sections = builder.update(made, gone, added + edited, policy)
        made = IndexFile(layout.encode({}, sections))
        fresh = IndexFile(layout.encode({}, builder.build(rows, policy)))
        _compare(made, fresh)
        a, b = LibraryIndex(made, policy), LibraryIndex(fresh, policy)
        while a.sum_masses(7):
            pass
        assert a.masses is not None and a.masses.tobytes() == fresh.array("mass").tobytes()
        a = LibraryIndex(made, policy)  # summed as queries need them, this time
        for q in (["go", "released"], ["crates"], ["rust", "interop"], ["gorutines"], ["what"]):
            assert a.title_scores(q) == b.title_scores(q)
        assert [a.label(x) for x in a.newest] == [b.label(x) for x in b.newest]


def test_title_masses_summed_ahead_give_the_scores_summed_on_demand() -> None:
    rows = newest_first(_rows(80, random.Random(3)))
    sections = builder.build(rows)
    stored = LibraryIndex(IndexFile(layout.encode({}, sections)))
    del sections["mass"]  # as an update leaves them
    file = IndexFile(layout.encode({}, sections))
    lazy, ahead = LibraryIndex(file), LibraryIndex(file)
    while ahead.sum_masses(7):
        pass
    for q in (["go", "released"], ["crates", "io"], ["rust"], ["part", "go"]):
        assert lazy.title_scores(q) == ahead.title_scores(q) == stored.title_scores(q)


@pytest.mark.parametrize(
    "row",
    [
        Row(1, "plain", "A plain record", "Ann", "2024-05-01T09:00:00+00:00", None, None, "", ()),
        Row(2, "undated", "No date, no author", None, None, "https://x.test/a", None, None, ("a",)),
        # A separator inside a field: the record is stored as JSON instead.
        Row(3, "json", "Odd \x1f title", None, "2020-01-02T00:00:00+00:00", None, None, "d", ()),
    ],
    ids=["plain", "undated", "json"],
)
def test_a_title_choice_shows_what_the_whole_record_says(row: Row) -> None:
    text = builder.record(row)
    assert text.startswith("\x02") == (row.slug == "json")
    meta, _ = builder.decode_record(row.id, text)
    assert builder.decode_shown(text) == (meta.slug, meta.title, meta.date)
    assert meta.slug == row.slug and meta.title == row.title


@pytest.mark.parametrize(
    "row",
    [
        Row(1, "plain", "A plain record", "Ann", "2024-05-01T09:00:00+00:00", None, None, "", ()),
        Row(2, "undated", "No description", None, None, "https://x.test/a", None, None, ("a",)),
        Row(3, "tagged", "Two tags", "Bo", None, None, "c.png", "Feeds a starter.", ("x", "y z")),
        # A separator inside a field: the record is stored as JSON instead.
        Row(4, "json", "Odd \x1f title", None, None, None, None, "d \x00", ("t",)),
    ],
    ids=["plain", "no-description", "tagged", "json"],
)
def test_the_related_articles_read_the_description_and_tags_the_record_holds(row: Row) -> None:
    # (what related.py reads of each candidate, without decoding the whole record)
    text = builder.record(row)
    meta, tags = builder.decode_record(row.id, text)
    assert builder.decode_described(text) == (meta.description, tags)
    assert tags == row.tags and meta.description == row.description


def _title_score(idx: LibraryIndex, expansions: list, a: int) -> float | None:
    """The title score LibraryIndex._recall_and_precision documents, made article by
    article: each query word's best match the title holds, weighed and summed in the
    query's order; times the precision of the matched title words' idf mass."""
    p = idx.policy
    recall = None
    matched: set[str] = set()
    total = 0.0
    for q, ms in expansions:
        w = p.title_word_floor + (idx.idf(q) if q in idx.vocab else idx._guess_idf(ms))
        total += w
        matched |= {m.word for m in ms}
        holding = [m.quality for m in ms if a in idx.postings.get(m.word, set())]
        best = max(holding, default=None)
        if best is not None:
            recall = w * best if recall is None else recall + w * best
    if recall is None:
        return None
    held = sum([idx.idf(t) for t in idx._twords[a].split() if t in matched])
    pr = held / idx._mass(a)
    return (recall / (total or 1.0)) * (
        1.0 if pr >= 1.0 else p.precision_base + p.precision_share * pr
    )


@pytest.mark.parametrize("seed", range(6))
def test_title_scores_are_the_documented_recall_and_precision(seed: int) -> None:
    # The scores are summed with set operations, a match at a time; they must be the same
    # floats as the formula made title by title (the ranking sorts on them).
    idx = LibraryIndex(IndexFile(layout.encode({}, builder.build(_rows(60, random.Random(seed))))))
    queries = [["go", "released"], ["go", "re"], ["crates", "io", "go"], ["rust", "part", "go"]]
    queries += [["gorutines", "relased"], ["the", "go"], ["c++", "interop"], ["what", "it"]]
    several = 0
    for q in queries:
        expansions = [(w, idx.expand(w)) for w in q]
        candidates = idx._candidates(q, expansions)
        got = idx._recall_and_precision(expansions, candidates)
        expected = {a: s for a in candidates if (s := _title_score(idx, expansions, a)) is not None}
        assert got == expected
        several += sum(
            1
            for a in got
            if sum(any(a in idx.postings[m.word] for m in ms) for _, ms in expansions) > 1
        )
    assert several  # titles matched by two query words or more were summed
