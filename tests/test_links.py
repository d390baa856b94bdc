"""A member pastes an article's address: the bot shows that article, or says it has none."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.library.sync import Library
from bot.search.asked import NO_LINK
from bot.search.engine import SearchEngine
from bot.search.lookup import link_forms
from bot.store.schema import MIGRATIONS

# How many migrations a cache had run before the one adding the link index.
LINK_MIGRATION = next(i for i, m in enumerate(MIGRATIONS) if "articles_link ON" in m)

CORAL = "https://articlebot.example/environment/coral-nursery-replants-twenty-thousand-fragments/"


def test_an_address_is_looked_for_as_articles_write_it() -> None:
    forms = link_forms("<http://WWW.Example.com/a/b/?utm_source=chat>")
    # The scheme, "www.", a trailing slash and the query string vary between a link as
    # shared and as saved; the host's case never matters.
    assert "https://example.com/a/b" in forms
    assert "https://www.example.com/a/b/?utm_source=chat" in forms
    assert all("Example" not in f for f in forms)
    assert link_forms("see https://example.com/a") == []  # words around it: a question
    assert link_forms("example.com/a") == []
    assert link_forms("http://[bad") == []


async def test_a_pasted_link_gets_its_article_card(bundled_library: Library) -> None:
    engine = SearchEngine(bundled_library)
    for pasted in (CORAL, CORAL.rstrip("/"), f"<{CORAL}?utm_source=x>", CORAL.replace("s:", ":")):
        answer = await engine.ask(pasted)
        assert answer.article is not None and "coral-nursery" in answer.article.slug, pasted
        assert answer.confidence == "high" and answer.summary
    missing = await engine.ask("https://example.org/never-saved")
    assert missing.article is None and missing.reply == NO_LINK
    # The title lookup (Discord /show, the console's /article) takes a link too.
    assert (await engine.find(CORAL)) is not None


async def test_an_older_cache_gains_the_link_index(
    bundled_library: Library, tmp_path: Path
) -> None:
    # A cache made before the index existed is migrated when opened: the lookup then reads
    # the index, not every row.
    db = bundled_library.db_path
    await bundled_library.close()
    with sqlite3.connect(db) as con:
        # The cache as migration 6 left it: no link index, nor what later ones add.
        con.execute("DROP INDEX articles_link")
        con.execute("ALTER TABLE sentences DROP COLUMN kind")
        con.execute(f"PRAGMA user_version = {LINK_MIGRATION}")
    again = Library(bundled_library.content_dir, db)
    await again.reload()
    try:
        assert (await SearchEngine(again).ask(CORAL)).article is not None
        with sqlite3.connect(db) as con:
            plan = " ".join(
                str(r)
                for r in con.execute(
                    "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE link = ?", ("x",)
                )
            )
        assert "articles_link" in plan
    finally:
        await again.close()
