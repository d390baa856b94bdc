"""Sentence stems computed once by the reload, stored with the article, and read by ask."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.library import workers
from bot.library.sync import Library
from bot.search import sentence_stems
from bot.search.engine import SearchEngine
from bot.search.sentence_stems import STEM_MODULES, encode_stems
from tests.conftest import project_modules_imported

BRIDGE = """---
title: A new bridge for the town
tags: [town]
---
<p>The town council met on Monday. Plans for the bridge were approved.</p>
<p>The bridge was designed by Maria Lopez, an engineer from Porto. It will carry
12000 cyclists a day.</p>
"""
BAKERY = """---
title: The bakery on the square
tags: [town]
---
<p>The bakery opens at seven. Its sourdough sells out by noon on Saturdays.</p>
"""


@pytest.fixture
async def lib(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "bridge.md").write_text(BRIDGE, encoding="utf-8")
    (content / "bakery.md").write_text(BAKERY, encoding="utf-8")
    library = Library(content, tmp_path / "articles.db")
    await library.open()
    await library.reload()
    yield library
    await library.close()


async def test_the_reload_stores_each_sentences_stems(lib: Library) -> None:
    article = await lib.store.article("bridge")
    assert article is not None and article.stems is not None
    lines = article.stems.split("\n")
    assert len(lines) == len(article.sentences)
    assert lines == [encode_stems([s.text]) for s in article.sentences]
    assert "engin" in lines[2].split() and "porto" in lines[2].split()


def test_an_articles_stems_are_a_line_per_sentence_of_that_sentences_stems() -> None:
    # encode_stems reads the sentences together: each line must still be the sentence's
    # own stems, whatever the sentence holds (no words, stopwords only, letters that fold
    # twice, apostrophes, a line break of its own).
    sentences = [
        "The bridge was designed by Maria Lopez.",
        "",
        "It is.",
        "Café’s naïve ΣΟΦΙΑ and the 𝑻(x) :≡ 𝑻(s) rule",
        "Rust's borrow checker doesn't stop it.",
        "?!",
        "crates.io holds go1.21 and C++ or C#.",
    ]
    encoded = encode_stems(sentences)
    assert encoded.split("\n") == [
        f" {' '.join(sentence_stems.sentence_stems(s))} " for s in sentences
    ]
    assert encoded.split("\n")[1:3] == ["  ", "  "]  # sentences without stems keep a line
    assert " t x t s rule " in encoded  # "𝑻" folded twice, as a question's words are
    assert encode_stems([]) == ""
    assert encode_stems(["a\nbridge", "bridges"]) == "\n".join(
        f" {' '.join(sentence_stems.sentence_stems(s))} " for s in ["a\nbridge", "bridges"]
    )


async def test_ask_reads_the_stored_stems_without_stemming_sentences(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_stemming(texts):
        raise AssertionError("ask stemmed the sentences again")

    monkeypatch.setattr(sentence_stems, "encode_stems", no_stemming)
    answer = await SearchEngine(lib).ask("who designed the bridge?")
    assert answer.article is not None and answer.article.slug == "bridge"
    assert answer.passage and "Maria Lopez" in answer.passage


async def test_a_cache_without_stems_answers_the_same_and_the_next_reload_adds_them(
    lib: Library,
) -> None:
    before = (await SearchEngine(lib).ask("when does the bakery open?")).as_json()
    assert "opens at seven" in before["answer"]
    # A cache written before the stems were stored: none, and its parser's version alone.
    with sqlite3.connect(lib.db_path) as db:
        db.execute("DELETE FROM article_stems")
        db.execute("UPDATE meta SET value = 'a parser alone' WHERE key = 'parser_version'")
    assert (await lib.store.article("bakery")).stems is None
    assert (await SearchEngine(lib).ask("when does the bakery open?")).as_json() == before
    report = await lib.reload()
    assert (report.added, report.updated, report.unchanged) == (0, 2, 0)
    assert (await lib.store.article("bakery")).stems is not None


async def test_stems_from_other_code_are_computed_again(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another stemmer or folding (the fingerprint changes): every file is read again, even
    # unchanged ones, and its stems rewritten; the reload after that skips them again.
    monkeypatch.setattr(workers, "stems_version", lambda: "another version")
    workers.version.cache_clear()
    monkeypatch.setattr(workers, "encode_stems", lambda texts: "\n".join(" x " for _ in texts))
    try:
        report = await lib.reload()
        assert (report.added, report.updated, report.unchanged) == (0, 2, 0)
        article = await lib.store.article("bakery")
        assert article.stems == "\n".join(" x " for _ in article.sentences)
        report = await lib.reload()
        assert (report.updated, report.unchanged) == (0, 2)
    finally:
        workers.version.cache_clear()


def test_the_stems_version_covers_every_module_stemming_uses() -> None:
    """A module that computing the stems imports but the version leaves out could change
    the stems without the cache noticing (see bot.library.workers.version)."""
    assert project_modules_imported("bot.search.sentence_stems") == set(STEM_MODULES)
