"""A member pastes an article's address: the bot shows that article, or says it has none."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.library.sync import Library
from bot.search.asked import NO_LINK
from bot.search.engine import SearchEngine
from bot.search.followup import Topic
from bot.search.lookup import link_forms, quoted_link_forms
from bot.store.schema import MIGRATIONS
from tests.conftest import CONTENT, small_engine

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


def test_a_pages_old_file_address_finds_the_article_saved_as_a_folder() -> None:
    # journey25: "https://blog.rust-lang.org/2015/05/15/Rust-1.0.html", the old address
    # of the post saved as ".../Rust-1.0/", was "No article in the library has that link".
    forms = link_forms("https://blog.example.org/2015/05/15/Rust-1.0.html")
    assert "https://blog.example.org/2015/05/15/Rust-1.0/" in forms
    assert "https://blog.example.org/2015/05/15/Rust-1.0.html" in forms
    assert "https://blog.example.org/2015/05/15/Rust-1" not in forms  # only its ending


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


async def test_a_link_among_words_finds_its_article(tmp_path: Path) -> None:
    # An address whose words name nothing of its article, as most news sites' do.
    post = (
        "---\ntitle: Kettle prices climb\nslug: kettles\nlink: https://news.example/p/48213\n"
        "date: '2024-03-01T00:00:00Z'\n---\nKettles cost more this spring.\n"
    )
    async with small_engine(tmp_path, {"kettles.md": post}, CONTENT) as engine:
        # Asked while the conversation is about the repair café: "this one" is the
        # address's article (before: the café's closest match).
        about = Topic("2025-02-08-repair-cafe-fixes-record-number-of-toasters", None)
        link = "https://news.example/p/48213"
        for asked in (f"can you find this one {link}", f"do we have <{link}>?", f"{link}, thx"):
            answer = await engine.ask(asked, about)
            assert answer.article is not None and answer.article.slug == "kettles", asked
            assert answer.confidence == "high"
        # An address the library lacks leaves the words asked, as any question is.
        other = await engine.ask("did https://example.org/x say how many toasters were fixed")
        assert other.article is not None and "toasters" in other.article.slug
    assert quoted_link_forms(f"{CORAL} or {CORAL}x") == []  # two: which is not guessed


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
        con.execute("DROP INDEX files_warned")
        con.execute("ALTER TABLE files DROP COLUMN warning")
        con.execute("DROP TABLE slug_aliases")
        con.execute("DROP TABLE stock_counts")  # (11: the stock lines' counts)
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
