"""Stock lines: sentences a site repeats across its articles, not the article's own words.

A release post's "If you have a previous version of Rust installed via rustup, you can get
1.x with: rustup update stable", "Many people came together to create Rust 1.x", a news
export's "Sign up for our newsletter…": the same words in many articles of one site. Read
alone, each is a fine sentence (furniture.py, which reads one article, keeps it), so the
library tells them: a sentence an answer shows whose longest part between numbers is a
sentence of Policy.stock_articles or more of the site's articles is stock. The cache
counts them at reload (bot/store/stock_keys.py, table stock_counts: once per article
stored); an answer looks its texts up in the set of common keys read once per search
index (IndexKeeper.stock_keys, stock_in): no walk, no read of other articles. A reply shows none as its quote or
its summary (SearchEngine._unstocked, shown_quote.py, shown_summary.py): it says nothing
of this article. It stays a passage: "how do I update rust" is answered by it. stock_key
is the looser key bench/stock_lines.py counts the library's repeated sentences with.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from bot.library.model import Article
from bot.library.sentences import split_sentences
from bot.search.results import Answer
from bot.store.stock_keys import LEAST_WORDS, NUMBER, site_key, text_key

_MARKS = re.compile(r"[“”\"‘’'*_`>…\[\]()]")
_SPACE = re.compile(r"\s+")


def stock_key(text: str) -> str:
    """`text` as bench/stock_lines.py compares stock lines: case, spacing, quote and
    Markdown marks folded, numbers and version numbers masked; "" for a sentence under
    six words."""
    flat = _SPACE.sub(" ", NUMBER.sub("#", _MARKS.sub("", text.lower()))).strip(" .:;,!?-")
    return flat if len(flat.split()) >= LEAST_WORDS else ""


def stock_in(keys: Collection[int], article: Article, texts: list[str]) -> set[str]:
    """Those of `texts` (sentences an answer shows of `article`) that are stock: their key
    (their site's, their longest part's: bot/store/stock_keys.py) is one of `keys`, the
    common ones (IndexKeeper.stock_keys). Nothing read: a hash each."""
    if not keys or not texts:
        return set()
    site = site_key(article.link, article.author)
    return {t for t in texts if text_key(site, t) in keys}


class ArticleStock:
    """Each article's stock sentences for one set of common keys, remembered: an article
    answered again costs no hashing. Bounded (KEPT articles, then started again)."""

    KEPT = 4096

    def __init__(self) -> None:
        self._keys: Collection[int] | None = None
        self._of: dict[str, frozenset[str]] = {}

    def of(self, keys: Collection[int], article: Article) -> frozenset[str]:
        """The texts of `article`'s sentences that are stock (stock_in) under `keys`."""
        if keys is not self._keys or len(self._of) >= self.KEPT:
            self._keys, self._of = keys, {}
        found = self._of.get(article.slug)
        if found is None:
            texts = [s.text for s in article.sentences]
            found = self._of[article.slug] = frozenset(stock_in(keys, article, texts))
        return found


def shown_sentences(answer: Answer) -> list[str]:
    """The sentences an answer shows besides its passage: its quote's, its summary's."""
    texts = [answer.quote.text] if answer.quote is not None else []
    if answer.summary:
        texts += [s.removesuffix(" …").strip() for s in split_sentences(answer.summary)]
    return [t for t in texts if t]
