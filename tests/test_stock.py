"""Stock lines: a sentence a site repeats in many of its posts is never an answer's quote or
summary (stock26: the Rust release posts' "If you have a previous version of Rust installed
via rustup, you can get 1.x with:" was the quote of 13 release posts, reply26)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import cast

from bot.library.model import Article, Sentence
from bot.search.engine import SearchEngine
from bot.search.policy import Policy
from bot.search.shown_quote import shown_quote
from bot.search.shown_summary import shown_summary
from bot.search.stock import StockLines, longest_part, site_of, stock_key
from bot.store.search import SearchStore
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


async def test_a_sentence_is_counted_once_per_article(tmp_path: Path) -> None:
    """StockLines remembers each article's neighbours and each part's count: asked again
    (another question, the next round of _unstocked), no store read; a new part is read."""
    async with small_engine(tmp_path, FILES) as engine:
        article = (await engine.ask("did quill 2.4 change the spell checker")).article
        assert article is not None
        idx = await engine.index()
        store = SearchStore((await engine.keeper.store()).readers)
        asked: list[list[str]] = []

        class Counted:
            async def holding(self, ids: list[int], texts: list[str]) -> list[int]:
                asked.append(list(texts))
                return await store.holding(ids, texts)

        lines = StockLines(idx, POLICY)
        near = lines.neighbours(article)
        assert near[0] == idx.by_slug.get("quill-2-4") and len(near) == 6
        counted = cast(SearchStore, Counted())
        assert await lines.of(counted, article, [STOCK, OWN]) == {STOCK}
        assert await lines.of(counted, article, [OWN, STOCK]) == {STOCK}
        assert len(asked) == 1  # the second time, from memory
        other = "We also rewrote the exporter so that it keeps every footnote in place."
        assert await lines.of(counted, article, [other, OWN]) == set()
        assert asked[1:] == [[other]]  # only the part not counted yet


def test_a_summary_left_after_the_stock_lines_must_open_the_article() -> None:
    """With its stock opening passed over, a post's next summary candidate may be a detail
    from its middle: none is shown then (stands_for, Policy.stock_summary_within)."""
    stock = [f"Our site repeats this line number {w} in every single post." for w in "abcdefghi"]
    body = [*stock, OWN]
    article = _release(body)
    assert shown_summary(article, None, POLICY, set(stock)) == ""
    loose = replace(POLICY, stock_summary_within=100)
    assert OWN in shown_summary(article, None, loose, set(stock))  # the early test off
