"""Stock lines: sentences a site repeats across its articles, not the article's own words.

A release post's "If you have a previous version of Rust installed via rustup, you can get
1.x with: rustup update stable", "Many people came together to create Rust 1.x", a news
export's "Sign up for our newsletter…": the same words in many articles of one site. Read
alone, each is a fine sentence (furniture.py, which reads one article, keeps it), so the
library tells them: a sentence an answer shows whose longest part between numbers is in
Policy.stock_articles or more of the site's stock_neighbours posts nearest it is stock
(stock_of: one bounded store read when the answer is made, nothing at reload; the cache
stamp is unchanged). A reply shows none as its quote or its summary (SearchEngine.
_unstocked, shown_quote.py, shown_summary.py): it says nothing of this article. It stays
a passage: "how do I update rust" is answered by it. stock_key is the looser key
bench/stock_lines.py counts the library's repeated sentences with.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.library.model import Article
from bot.library.sentences import split_sentences
from bot.search.policy import Policy
from bot.search.results import Answer

if TYPE_CHECKING:
    from bot.search.rank import LibraryIndex
    from bot.store.search import SearchStore

# A version or any number ("1.17.0", "1.x", "2024", "#123"): the release posts repeat a
# sentence with the version changed.
_NUMBER = re.compile(r"\d+(?:[.,]\d+|\.x)*|\bx\b")
_MARKS = re.compile(r"[“”\"‘’'*_`>…\[\]()]")
_SPACE = re.compile(r"\s+")
# Fewer words than this and two articles share a sentence by chance ("Thank you!",
# "Read more.").
_LEAST_WORDS = 6


def stock_key(text: str) -> str:
    """`text` as stock lines are compared: case, spacing, quote and Markdown marks folded,
    numbers and version numbers masked; "" for a sentence under six words."""
    flat = _SPACE.sub(" ", _NUMBER.sub("#", _MARKS.sub("", text.lower()))).strip(" .:;,!?-")
    return flat if len(flat.split()) >= _LEAST_WORDS else ""


def longest_part(text: str) -> str:
    """The longest run of `text` between its numbers ("If you have a previous version of
    Rust installed via rustup, you can get " of "…you can get 1.59.0 with:"): what the
    store looks for (SearchStore.holding), the same in every post whatever its version."""
    return max(_NUMBER.split(text), key=len).strip()


def neighbours(idx: LibraryIndex, article: Article, policy: Policy) -> list[int]:
    """The ids of the article's site's posts nearest it in date (its link's host; with no
    link, its byline's), Policy.stock_neighbours of them with it, found walking out from it
    in the index's newest-first order at most Policy.stock_walked steps each way: bounded,
    whatever the library's size. [] for an article with neither."""
    aid = idx.by_slug.get(article.slug)
    site = site_of(article.link)
    if aid is None or not (site or article.author):
        return []

    def same(other: int) -> bool:
        meta = idx.entries.meta(other)
        return site_of(meta.link) == site if site else meta.author == article.author

    newest, at = idx.newest, idx.ranks[aid]
    found = [aid]
    for step in range(1, policy.stock_walked + 1):
        for pos in (at - step, at + step):
            if 0 <= pos < len(newest) and same(newest[pos]):
                found.append(newest[pos])
        if len(found) >= policy.stock_neighbours or step > max(at, len(newest) - at):
            break
    return found[: policy.stock_neighbours]


def site_of(link: str | None) -> str | None:
    """A link's host ("blog.rust-lang.org"), lower case; None without one."""
    if not link or "://" not in link:
        return None
    host = link.split("://", 1)[1].split("/", 1)[0].lower()
    return host.removeprefix("www.") or None


async def stock_of(
    store: SearchStore, idx: LibraryIndex, article: Article, texts: list[str], policy: Policy
) -> set[str]:
    """Those of `texts` (sentences an answer shows) that are stock: their longest part
    between numbers (six words or more) held by Policy.stock_articles or more of the
    article's site neighbours (this one counted)."""
    if policy.stock_articles <= 0 or not texts:
        return set()
    ids = neighbours(idx, article, policy)
    if len(ids) < policy.stock_articles:
        return set()
    parts = {t: longest_part(t) for t in texts}
    parts = {t: p for t, p in parts.items() if len(p.split()) >= _LEAST_WORDS}
    if not parts:
        return set()
    held = await store.holding(ids, list(parts.values()))
    return {t for t, n in zip(parts, held, strict=True) if n >= policy.stock_articles}


def shown_sentences(answer: Answer) -> list[str]:
    """The sentences an answer shows besides its passage: its quote's, its summary's."""
    texts = [answer.quote.text] if answer.quote is not None else []
    if answer.summary:
        texts += [s.removesuffix(" …").strip() for s in split_sentences(answer.summary)]
    return [t for t in texts if t]
