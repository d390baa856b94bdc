"""Headings are labels, not answers (issue 15): the parser marks each sentence with the kind
of block it came from, the cache keeps it, and a heading (or the title written in the body)
is never the passage, summary or quote shown on its own."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.library.model import Article, Sentence
from bot.library.parse import parse_article
from bot.library.sync import Library
from bot.search.parse import parse
from bot.search.passage import best_passage
from bot.search.policy import DEFAULT, Policy
from bot.search.quotes import pull_quote
from bot.search.summary import extract_summary
from bot.store.schema import MIGRATIONS

POST = b"""---
title: Announcing Widget 2.0
---
# Announcing Widget 2.0

The widget team is happy to announce a new version of Widget, 2.0.

## Let chains

This feature allows chaining conditions inside loops, with fewer nested blocks.

The patterns inside may be refutable or irrefutable.

## Other changes

- Faster builds on every platform.

```
widget build --release
```
"""


def _post() -> Article:
    return parse_article(POST, "widget.md")


def _shown(title: str, body: str, question: str, policy: Policy = DEFAULT) -> str:
    """The passage shown for `question` from an article of this title and Markdown body."""
    article = parse_article(f"---\ntitle: {title}\n---\n{body}".encode(), "a.md")
    return best_passage(article, parse(question), policy) or ""


def test_each_sentence_knows_the_kind_of_block_it_came_from() -> None:
    kinds = {s.text: s.kind for s in _post().sentences}
    assert kinds["Let chains"] == "heading"
    assert kinds["Announcing Widget 2.0"] == "heading"
    assert (
        kinds["This feature allows chaining conditions inside loops, with fewer nested blocks."]
        == "text"
    )
    assert kinds["Faster builds on every platform."] == "text"  # a list item is body text
    assert kinds["widget build --release"] == "pre"
    assert Sentence("x", 0).kind == "text" and not Sentence("x", 0).heading


def test_a_heading_matching_the_question_stands_for_its_sections_first_sentence() -> None:
    q = parse("let chains")
    passage = best_passage(_post(), q) or ""
    assert passage.startswith("Let chains — This feature allows chaining conditions"), passage
    # The rule off (Policy.label_section 0): the heading alone, as before.
    assert best_passage(_post(), q, DEFAULT.with_(label_section=0)) == "Let chains"


def test_the_title_written_in_the_body_is_a_label_too() -> None:
    # A page that writes its headline as a plain paragraph (no heading markup).
    article = parse_article(
        b"---\ntitle: Widget gains let chains\n---\nWidget gains let chains\n\n"
        b"Chaining conditions inside loops now needs fewer nested blocks.\n",
        "w.md",
    )
    assert [s.kind for s in article.sentences] == ["text", "text"]
    q = parse("widget let chains")
    assert "Chaining conditions" in (best_passage(article, q) or "")
    assert best_passage(article, q, DEFAULT.with_(label_section=0)) == "Widget gains let chains"


def test_a_heading_with_no_prose_after_it_is_never_shown() -> None:
    body = "The release adds a loop form for chained conditions.\n\n## Chained conditions\n"
    shown = _shown("Notes", body, "chained conditions")
    assert shown == "The release adds a loop form for chained conditions."


def test_summaries_and_pull_quotes_skip_headings() -> None:
    heading = "Why this release took us longer than any release before it did."
    prose = "We rewrote the storage engine so that every write is checked twice on disk."
    article = Article(
        slug="s",
        title="Storage",
        path="s.md",
        text=f"{heading}\n\n{prose}",
        sentences=(Sentence(heading, 0, "heading"), Sentence(prose, 1)),
    )
    assert extract_summary(article) == prose
    quote = pull_quote(article)
    assert quote is not None and quote.text == prose
    # As body text, the same first sentence is the summary: the kind decides.
    plain = Article(
        slug="s",
        title="Storage",
        path="s.md",
        text=article.text,
        sentences=(Sentence(heading, 0), Sentence(prose, 1)),
    )
    assert extract_summary(plain).startswith(heading)


async def test_the_cache_keeps_kinds_and_an_older_cache_gains_them(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "widget.md").write_bytes(POST)
    db = tmp_path / "cache.db"
    lib = Library(content, db)
    await lib.reload()
    store = await lib.open()
    article = await store.article("widget")
    assert article is not None
    assert {s.text: s.kind for s in article.sentences}["Let chains"] == "heading"
    await lib.close()
    # A cache made before the kinds were stored: no column, and another parser version.
    with sqlite3.connect(db) as con:
        con.execute("ALTER TABLE sentences DROP COLUMN kind")
        # and so none of the migrations after it (the files' warnings, 9)
        con.execute("DROP INDEX files_warned")
        con.execute("ALTER TABLE files DROP COLUMN warning")
        con.execute("DROP TABLE slug_aliases")  # (10, hard27)
        con.execute("DROP TABLE stock_counts")  # (11: the stock lines' counts)
        kinds = next(i for i, m in enumerate(MIGRATIONS) if "sentences ADD COLUMN kind" in m)
        con.execute(f"PRAGMA user_version = {kinds}")
        con.execute("UPDATE meta SET value = 'older' WHERE key = 'parser_version'")
    again = Library(content, db)
    await again.reload()
    try:
        store = await again.open()
        article = await store.article("widget")
        assert article is not None
        assert {s.text: s.kind for s in article.sentences}["Let chains"] == "heading"
    finally:
        await again.close()


def test_a_heading_leads_the_sentence_standing_for_it() -> None:
    # The date is in the heading only: the section's first sentence stands for it, the
    # heading ahead of it.
    body = (
        "Many events are planned this year.\n\n## May 26-27: WidgetFest Paris\n\n"
        "The fourth WidgetFest will happen in Paris, France, with two days of talks.\n"
    )
    shown = _shown("The 2018 event lineup", body, "when is widgetfest paris")
    assert shown.startswith("May 26-27: WidgetFest Paris — The fourth WidgetFest"), shown


def test_a_label_ending_with_a_stop_reads_on_without_a_dash() -> None:
    body = "## Why widgets?\n\nThey are cheaper to make than gadgets and last longer.\n"
    shown = _shown("Widgets", body, "why widgets")
    assert shown.startswith("Why widgets? They are cheaper"), shown


def test_a_heading_ends_the_list_before_it() -> None:
    # Without the heading read as one, the sentence under it reads as the fourth item of
    # the list "subcommands:" announced, and is shown after it.
    body = (
        "Cargo can also install new subcommands:\n\n- cargo-edit\n\n- cargo-watch\n\n"
        "## Contributors to 1.5\n\nWe thank the 152 contributors to this release.\n"
    )
    shown = _shown("Widget 1.5", body, "how many contributors did widget 1.5 have")
    assert shown.startswith("Contributors to 1.5 — We thank the 152 contributors"), shown
