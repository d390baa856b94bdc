"""Stock lines: sentences a site repeats across its articles, not the article's own words.

A release post's "If you have a previous version of Rust installed via rustup, you can get
1.x with: rustup update stable", "Many people came together to create Rust 1.x", a news
export's "Sign up for our newsletter…": the same words in many articles of one site. Read
alone, each is a fine sentence (furniture.py, which reads one article, keeps it), so the
library tells them: a sentence an answer shows whose longest part between numbers is in
Policy.stock_articles or more of the site's stock_neighbours posts nearest it is stock
(StockLines.of: one bounded store read when the answer is made, nothing at reload; the
cache stamp is unchanged). A reply shows none as its quote or its summary (SearchEngine.
_unstocked, shown_quote.py, shown_summary.py): it says nothing of this article. It stays
a passage: "how do I update rust" is answered by it. stock_key is the looser key
bench/stock_lines.py counts the library's repeated sentences with.
"""

from __future__ import annotations

import heapq
import itertools
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


class StockLines:
    """The stock look-ups of one index, remembered until it changes (SearchEngine.
    _unstocked makes a new one then): each post's site, each asked article's neighbours,
    and how many of them hold each part looked for. An answer asks again for the article
    of an earlier one, and its quote or summary made again with a stock line passed over
    shows mostly sentences already counted: the walk and the store read are done once."""

    #: Past this many articles' neighbours or counted parts, start again: bounded memory
    #: whatever the library's size (a count is 1 read of 150 rows to make again).
    KEPT = 4096

    def __init__(self, idx: LibraryIndex, policy: Policy) -> None:
        self.idx, self.policy = idx, policy
        self._sites: dict[int, tuple[str | None, str | None]] = {}  # id -> (host, byline)
        self._near: dict[str, list[int]] = {}  # slug -> neighbours()
        self._held: dict[tuple[str, str], int] = {}  # (slug, part) -> neighbours holding it

    def neighbours(self, article: Article) -> list[int]:
        """The ids of the article's site's posts nearest it in date (its link's host; with
        no link, its byline's), Policy.stock_neighbours of them with it, found walking out
        from it in the index's newest-first order at most Policy.stock_walked steps each
        way: bounded, whatever the library's size. [] for an article with neither."""
        near = self._near.get(article.slug)
        if near is None:
            if len(self._near) >= self.KEPT:
                self._near.clear()
            near = self._near[article.slug] = self._walked(article)
        return near

    def _walked(self, article: Article) -> list[int]:
        idx, policy = self.idx, self.policy
        aid = idx.by_slug.get(article.slug)
        site = site_of(article.link)
        if aid is None or not (site or article.author):
            return []
        want, by = (site, 0) if site else (article.author, 1)
        sites = self._sites  # each post's (host, byline), decoded once per index

        def key(other: int) -> tuple[str | None, str | None]:
            author, link = idx.entries.signed(other)
            key = sites[other] = (site_of(link), author)
            return key

        # Walked out from it one step each way in turn, at most stock_walked steps: the
        # same posts on either side, as (steps, side, id) merged in that order.
        newest, at, reach = idx.newest, idx.ranks[aid], policy.stock_walked
        older = [
            (at - r, 0, other)
            for r in range(at - 1, max(at - reach, 0) - 1, -1)
            if (sites[other] if (other := newest[r]) in sites else key(other))[by] == want
        ]
        newer = [
            (r - at, 1, other)
            for r in range(at + 1, min(at + reach, len(newest) - 1) + 1)
            if (sites[other] if (other := newest[r]) in sites else key(other))[by] == want
        ]
        near = heapq.merge(older, newer)
        return [
            aid,
            *(other for _, _, other in itertools.islice(near, policy.stock_neighbours - 1)),
        ]

    async def of(self, store: SearchStore, article: Article, texts: list[str]) -> set[str]:
        """Those of `texts` (sentences an answer shows) that are stock: their longest part
        between numbers (six words or more) held by Policy.stock_articles or more of the
        article's site neighbours (this one counted). Parts not counted yet for this
        article are counted in one store read."""
        policy = self.policy
        if policy.stock_articles <= 0 or not texts:
            return set()
        parts = {t: longest_part(t) for t in texts}
        parts = {t: p for t, p in parts.items() if len(p.split()) >= _LEAST_WORDS}
        if not parts:
            return set()
        ids = self.neighbours(article)
        if len(ids) < policy.stock_articles:
            return set()
        slug, held = article.slug, self._held
        if len(held) >= self.KEPT:
            held.clear()
        new = list(dict.fromkeys(p for p in parts.values() if (slug, p) not in held))
        if new:
            held.update(
                ((slug, p), n) for p, n in zip(new, await store.holding(ids, new), strict=True)
            )
        return {t for t, p in parts.items() if held[slug, p] >= policy.stock_articles}


def site_of(link: str | None) -> str | None:
    """A link's host ("blog.rust-lang.org"), lower case; None without one."""
    if not link or "://" not in link:
        return None
    host = link.split("://", 1)[1].split("/", 1)[0].lower()
    return host.removeprefix("www.") or None


def shown_sentences(answer: Answer) -> list[str]:
    """The sentences an answer shows besides its passage: its quote's, its summary's."""
    texts = [answer.quote.text] if answer.quote is not None else []
    if answer.summary:
        texts += [s.removesuffix(" …").strip() for s in split_sentences(answer.summary)]
    return [t for t in texts if t]
