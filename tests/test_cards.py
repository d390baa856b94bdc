"""A card's summary and quote, made once by the reload, stored with the article, and read
by every card shown (bot/search/cards.py)."""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from pathlib import Path

import pytest

from bot.discord.views import article_reply
from bot.library.model import Article, CardText
from bot.library.sync import Library
from bot.search import cards
from bot.search.cards import CARD_MODULES
from bot.search.engine import SearchEngine
from bot.service import LibraryService
from tests.conftest import project_modules_imported, small_engine

BRIDGE = """---
title: A new bridge for the town
description: The town council approved plans for a cycling bridge across the river, which
  will carry twelve thousand cyclists a day when it opens next spring.
tags: [town]
---
<p>The town council met on Monday. Plans for the bridge were approved.</p>
<p>"We will open it to cyclists by next spring," said Maria Lopez, the engineer who
designed it.</p>
"""
BAKERY = """---
title: The bakery on the square
tags: [town]
---
<p>The bakery on the square opens at seven every morning. Its sourdough sells out
by noon on Saturdays, so regulars queue before it opens.</p>
<p>We never bake more than two hundred loaves, because the old oven only holds forty
at a time.</p>
"""


@pytest.fixture
async def lib(tmp_path: Path):
    async with small_engine(tmp_path, {"bridge.md": BRIDGE, "bakery.md": BAKERY}) as engine:
        await engine.library.open()  # its store, read directly here
        yield engine.library


def _shown(service: LibraryService, article: Article) -> CardText:
    card = service.card(article)
    return CardText(card.summary, card.quote)


def _sql(lib: Library, statement: str, params: tuple = ()) -> None:
    with sqlite3.connect(lib.db_path) as db:
        db.execute(statement, params)


async def test_the_reload_stores_each_articles_card(lib: Library) -> None:
    bridge = await lib.store.article("bridge")
    bakery = await lib.store.article("bakery")
    assert bridge.card is not None and bakery.card is not None
    # What the card shows: the real description, the quote with its speaker; for an
    # article quoting no one, its opening sentences and a pull-quote of its own.
    assert bridge.card.summary.startswith("The town council approved plans")
    assert bridge.card.quote.speaker == "Maria Lopez" and not bridge.card.quote.excerpt
    assert bakery.card.summary.startswith("The bakery on the square opens at seven")
    assert bakery.card.quote.excerpt and bakery.card.quote.text.startswith("We never bake")
    # The same as made from the article when shown.
    for article in (bridge, bakery):
        assert article.card == cards.card_of(dataclasses.replace(article, card=None))


async def test_a_card_shows_the_stored_summary_and_quote(lib: Library) -> None:
    _sql(lib, "UPDATE article_cards SET summary = 'Stored.', quote = 'Kept.', quote_speaker = NULL")
    service = LibraryService(lib, SearchEngine(lib))
    card = service.card(await lib.store.article("bridge"))
    assert card.summary == "Stored."
    assert card.quote is not None and card.quote.text == "Kept." and card.quote.speaker is None
    # A question still picks its quote among the article's own.
    assert service.engine.quote(card.article, "who designed the bridge").speaker == "Maria Lopez"


async def test_an_old_cache_is_read_again_once_and_a_broken_file_keeps_its_article(
    lib: Library, caplog: pytest.LogCaptureFixture
) -> None:
    service = LibraryService(lib, SearchEngine(lib))
    shown = {}
    for slug in ("bridge", "bakery"):
        card = service.card(await lib.store.article(slug))
        shown[slug] = CardText(card.summary, card.quote)
    # A cache written by older code: no card for the bakery, another code's for the bridge.
    _sql(
        lib,
        "DELETE FROM article_cards WHERE article_id = (SELECT id FROM articles"
        " WHERE slug = 'bakery')",
    )
    _sql(lib, "UPDATE article_cards SET summary = 'Old code''s summary.'")
    _sql(lib, "UPDATE meta SET value = 'older code' WHERE key = 'parser_version'")
    bakery = await lib.store.article("bakery")
    assert bakery.card is None and _shown(service, bakery) == shown["bakery"]  # made now

    (lib.content_dir / "bridge.md").write_text("no frontmatter now", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="articlebot.library"):
        report = await lib.reload()
    assert [r.getMessage() for r in caplog.records if "every file" in r.getMessage()] == [
        "the cache was made by other parsing code: reading every file again"
    ]
    assert (report.updated, [f.path for f in report.failed]) == (1, ["bridge.md"])
    assert (await lib.store.article("bakery")).card == shown["bakery"]
    # The broken file's article is still served, with the card this code makes of it,
    # not the older code's.
    bridge = await lib.store.article("bridge")
    assert bridge is not None and bridge.card is None
    assert _shown(service, bridge) == shown["bridge"]
    assert (await lib.store.stats()).stale == 1

    caplog.clear()
    with caplog.at_level(logging.INFO, logger="articlebot.library"):
        report = await lib.reload()
    # bridge.md still fails: failed, not also unchanged (lib24).
    assert (report.updated, report.unchanged, [f.path for f in report.failed]) == (
        0,
        1,
        ["bridge.md"],
    )
    assert not [r for r in caplog.records if "every file" in r.getMessage()]


async def test_a_card_reads_the_stored_card_not_the_sentences(lib: Library) -> None:
    """/article, /quote, /summary and /random read an article without its sentences,
    quotes and stems when its card was stored, and reply the same as with the whole."""
    service = LibraryService(lib, SearchEngine(lib))
    for slug in ("bridge", "bakery"):
        whole = await lib.store.article(slug)
        aid = (await service.engine.index()).by_slug[slug]
        light = await lib.store.card_article(aid)
        assert light is not None and (light.sentences, light.quotes, light.stems) == ((), (), None)
        assert whole.sentences and whole.stems  # what the card read no longer decodes
        assert light == dataclasses.replace(whole, sentences=(), quotes=(), stems=None)
        for kind in ("card", "quote", "summary"):
            assert await _reply(service, light, kind) == await _reply(service, whole, kind)
        found = await service.lookup(whole.title, whole=False)
        assert found.article == light
    assert (await service.random_article(whole=False)).sentences == ()
    assert (await service.random_article()).sentences  # the whole article by default
    assert (await service.lookup("bridge")).article.sentences


async def test_an_article_without_a_stored_card_is_read_whole_for_its_card(lib: Library) -> None:
    _sql(lib, "DELETE FROM article_cards")
    aid = (await SearchEngine(lib).index()).by_slug["bakery"]
    light = await lib.store.card_article(aid)
    assert light == await lib.store.article("bakery")
    assert light.card is None and light.sentences  # its card is made from them
    assert await lib.store.card_article(10_000) is None


async def _reply(service: LibraryService, article: Article, kind: str) -> tuple:
    embed, view = await article_reply(service, article, kind, owner=1)
    return embed.to_dict(), view.to_components() if view is not None else None


def test_the_cards_version_covers_every_module_making_a_card() -> None:
    """A module that making a card imports but the version leaves out could change the
    cards without the cache noticing (see bot.library.workers.version)."""
    assert project_modules_imported("bot.search.cards") == set(CARD_MODULES)


def test_the_summary_read_with_stored_stems_is_the_one_made_without() -> None:
    # The sentence echoing the title wins over the first (its title words counted from
    # the stems the reload stored, for ASCII sentences; others are stemmed again).
    from bot.library.model import Sentence
    from bot.search.sentence_stems import encode_stems
    from bot.search.summary import summarize

    texts = [
        "The town council met on Monday to discuss the new parking rules downtown.",
        "Café owners said the sourdough bakery keeps its hours on every day of the week.",
        "Regulars know the sourdough bakery hours run from seven until noon on weekdays.",
    ]
    for order in (texts, texts[::-1], [texts[0], texts[2]]):
        plain = Article(
            slug="hours",
            title="Sourdough bakery hours",
            path="hours.md",
            sentences=tuple(Sentence(t, i) for i, t in enumerate(order)),
        )
        stored = dataclasses.replace(plain, stems=encode_stems(order))
        assert summarize(stored) == summarize(plain)
        assert "sourdough bakery" in summarize(stored)
