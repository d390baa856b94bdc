"""Stock lines: a sentence a site repeats in many of its posts is never an answer's quote or
summary (stock26: the Rust release posts' "If you have a previous version of Rust installed
via rustup, you can get 1.x with:" was the quote of 13 release posts, reply26)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import aiosqlite
import pytest

from bot.library.model import Article, Sentence
from bot.library.sync import Library
from bot.search.engine import SearchEngine
from bot.search.policy import Policy
from bot.search.results import Answer
from bot.search.shown_quote import shown_quote
from bot.search.shown_summary import shown_summary
from bot.search.stock import stock_in, stock_key
from bot.store.articles import _count_stock
from bot.store.schema import STOCK_COUNTS
from bot.store.search import SearchStore
from bot.store.stock_keys import longest_part, site_of, text_key
from tests.conftest import small_engine

POLICY = Policy()
STOCK = "If you have a previous version of Quill installed, you can get Quill 2.4 by running the updater."
OWN = "We rewrote the spell checker so that it now suggests words from the document itself."


def _post(n: int, own: str) -> str:
    """Release post n of one site: its stock opening line, then its own news."""
    stock = STOCK.replace("2.4", f"2.{n}")
    return (
        f"---\ntitle: Announcing Quill 2.{n}\nslug: quill-2-{n}\nauthor: The Quill Team\n"
        f"link: https://quill.example/blog/2-{n}\n"
        f"date: '2024-{n:02d}-01T00:00:00Z'\ntags: [releases]\n---\n"
        f"<p>{stock}</p><p>{own}</p>\n"
    )


FILES = {
    f"q{n}.md": _post(n, OWN if n == 4 else f"Release {n} fixed crash number {n} in the exporter.")
    for n in range(1, 7)
}


def _release(body: list[str]) -> Article:
    """A release post of these body sentences, one paragraph each."""
    return Article(
        slug="a",
        title="Announcing Quill 2.4",
        path="a.md",
        text=" ".join(body),
        sentences=tuple(Sentence(s, i) for i, s in enumerate(body)),
    )


def test_stock_keys_fold_case_and_mask_versions() -> None:
    assert stock_key(STOCK) == stock_key(STOCK.replace("2.4", "3.10").upper())
    assert stock_key("Thanks for reading!") == ""  # too short to be told apart from chance
    assert (
        longest_part("If you have Rust 1.59.0 get it with rustup now") == "get it with rustup now"
    )
    assert site_of("https://www.Example.org/a/b") == "example.org"
    assert site_of(None) is None


def test_a_stock_sentence_is_never_the_quote() -> None:
    body = [STOCK, OWN]
    article = _release(body)
    stock = shown_quote(article, "how do I get quill", ["", ""], POLICY)
    assert stock is not None and stock.text == STOCK  # the rule off: the stock line
    quote = shown_quote(article, "how do I get quill", ["", ""], POLICY, {STOCK})
    assert quote is not None and quote.text == OWN
    only = replace(article, sentences=(Sentence(STOCK, 0),), text=STOCK)
    assert shown_quote(only, "", ["", ""], POLICY, {STOCK}) is None


def test_a_stock_sentence_is_never_the_summary() -> None:
    body = [STOCK, OWN]
    article = _release(body)
    assert STOCK in shown_summary(article, None, POLICY)  # the rule off
    summary = shown_summary(article, None, POLICY, {STOCK})
    assert STOCK not in summary and OWN in summary


async def test_the_library_tells_a_sites_repeated_line(tmp_path: Path) -> None:
    """Six posts of one site open on the same line, versions aside: asked about the fourth,
    its card shows its own news, not the line; with the rule off, the line."""
    async with small_engine(tmp_path, FILES) as engine:
        question = "did quill 2.4 change the spell checker"
        answer = await engine.ask(question)
        assert answer.article is not None and answer.article.slug == "quill-2-4"
        shown = [answer.summary or "", answer.quote.text if answer.quote else ""]
        assert not any("previous version of Quill" in t for t in shown), shown
        off = SearchEngine(engine.library, policy=replace(POLICY, stock_articles=0))
        before = await off.ask(question)
        shown = [before.summary or "", before.quote.text if before.quote else ""]
        assert any("previous version of Quill" in t for t in shown), shown


def _stored_counts(db: Path) -> dict[int, int]:
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT key, n FROM stock_counts"))


async def _recounted(db: Path) -> dict[int, int]:
    """stock_counts as counted afresh from the cache's sentences (what a migration does)."""
    async with aiosqlite.connect(db) as con:
        return dict(await _count_stock(con, await _all_ids(con)))


async def _all_ids(con: aiosqlite.Connection) -> list[int]:
    return [r[0] for r in await con.execute_fetchall("SELECT id FROM articles")]


async def test_the_reload_counts_each_sites_lines_once_per_article(tmp_path: Path) -> None:
    """Each stored article adds its keys once; one edited, removed or added changes the
    counts as a count made afresh would."""
    db = tmp_path / "small.db"
    async with small_engine(tmp_path, FILES) as engine:
        counts = _stored_counts(db)
        site = "quill.example"
        assert counts[text_key(site, STOCK)] == 6  # one line, six versions: one key
        assert counts[text_key(site, OWN)] == 1
        assert text_key(site, "Thanks for reading it!") is None  # too short to count
        content = engine.library.content_dir
        (content / "q1.md").unlink()
        (content / "q2.md").write_text(_post(2, OWN), encoding="utf-8")
        (content / "q7.md").write_text(_post(7, "Release 7 fixed a crash."), encoding="utf-8")
        await engine.library.reload()
        counts = _stored_counts(db)
        assert counts == await _recounted(db)
        assert counts[text_key(site, STOCK)] == 6 and counts[text_key(site, OWN)] == 2
        for name in ("q2.md", "q4.md"):
            (content / name).unlink()
        await engine.library.reload()
        counts = _stored_counts(db)
        assert counts == await _recounted(db) and counts[text_key(site, STOCK)] == 4
        assert text_key(site, OWN) not in counts  # held by none: no count of 0 kept


async def test_an_upgraded_cache_is_counted_from_its_stored_sentences(tmp_path: Path) -> None:
    """A cache made before stock_counts gets it, counted, when next opened: no re-parse."""
    db = tmp_path / "small.db"
    async with small_engine(tmp_path, FILES) as engine:
        before = _stored_counts(db)
        content = engine.library.content_dir
    with sqlite3.connect(db) as con:
        con.execute("DROP TABLE stock_counts")
        con.execute(f"PRAGMA user_version = {STOCK_COUNTS - 1}")
    again = Library(content, db)
    try:
        report = await again.reload()
        assert report.updated == 0 and report.added == 0  # nothing parsed again
        assert _stored_counts(db) == before and before
    finally:
        await again.close()


async def test_the_stock_keys_are_read_once_per_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answer reads no other article: the common keys are read once for the index, and
    each shown text is looked up in memory."""
    reads: list[int] = []
    read = SearchStore.stock_keys

    async def counted(self: SearchStore, least: int) -> frozenset[int]:
        reads.append(least)
        return await read(self, least)

    monkeypatch.setattr(SearchStore, "stock_keys", counted)
    async with small_engine(tmp_path, FILES) as engine:
        for question in ("did quill 2.4 change the spell checker", "quill 2.5 exporter crash"):
            answer = await engine.ask(question)
            assert answer.article is not None
        assert reads == [POLICY.stock_articles]
        keys = {text_key("quill.example", STOCK)}
        assert answer.article is not None and stock_in(keys, answer.article, [STOCK, OWN]) == {
            STOCK
        }


def test_a_summary_left_after_the_stock_lines_must_open_the_article() -> None:
    """With its stock opening passed over, a post's next summary candidate may be a detail
    from its middle: none is shown then (stands_for, Policy.stock_summary_within)."""
    stock = [f"Our site repeats this line number {w} in every single post." for w in "abcdefghi"]
    body = [*stock, OWN]
    article = _release(body)
    assert shown_summary(article, None, POLICY, set(stock)) == ""
    loose = replace(POLICY, stock_summary_within=100)
    assert OWN in shown_summary(article, None, loose, set(stock))  # the early test off


async def test_an_answer_asked_again_is_not_unstocked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The result cache gives the same answer object for the same question: its quote and
    summary are not made again (the work is kept by the answer's identity)."""
    made: list[str] = []
    work = SearchEngine._unstocked_made

    def counted(
        self: SearchEngine, answer: Answer, article: Article, keys: frozenset[int]
    ) -> Answer:
        made.append(answer.question)
        return work(self, answer, article, keys)

    monkeypatch.setattr(SearchEngine, "_unstocked_made", counted)
    async with small_engine(tmp_path, FILES) as engine:
        question = "did quill 2.4 change the spell checker"
        first = await engine.ask(question)
        again = await engine.ask(question)
        assert again == first and len(made) == 1
        await engine.ask("quill 2.5 exporter crash")
        assert len(made) == 2
