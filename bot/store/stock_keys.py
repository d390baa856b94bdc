"""The keys the cache counts a site's repeated sentences by (see bot/search/stock.py).

A sentence's key is its site (its article's link host, else its byline) and its longest
part between numbers ("If you have a previous version of Rust installed via rustup, you
can get" of "…you can get 1.59.0 with:", the same in every release post whatever its
version), hashed to a 64-bit integer. The cache keeps, per key, how many articles hold it
(table stock_counts): counted once per article when the reload stores it, taken off when
it deletes it, so an answer asks only whether a key is common, never walks or reads other
articles (stock26's walk of 150 neighbours and their text cost 14 % more CPU per
interaction on a 100k library). Computed here, not by the parser, so that keeping them
needs no re-parse of anyone's library (bot/library feeds the cache stamp).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable

# A version or any number ("1.17.0", "1.x", "2024", "#123"): the release posts repeat a
# sentence with the version changed.
NUMBER = re.compile(r"\d+(?:[.,]\d+|\.x)*|\bx\b")
# Fewer words than this and two articles share a sentence by chance ("Thank you!",
# "Read more.").
LEAST_WORDS = 6


def longest_part(text: str) -> str:
    """The longest run of `text` between its numbers, stripped: what is counted."""
    return max(NUMBER.split(text), key=len).strip()


def site_of(link: str | None) -> str | None:
    """A link's host ("blog.rust-lang.org"), lower case; None without one."""
    if not link or "://" not in link:
        return None
    host = link.split("://", 1)[1].split("/", 1)[0].lower()
    return host.removeprefix("www.") or None


def site_key(link: str | None, author: str | None) -> str | None:
    """Whose stock lines an article's are: its link's host, else its byline; None with
    neither (its sentences are counted nowhere). A byline alone would miss the Rust
    release posts (1.59's is "The Rust Team", a byline of 1 post); the host holds them."""
    return site_of(link) or author or None


def part_key(site: str, part: str) -> int:
    """The 64-bit key of a part (see longest_part) of a sentence of `site`'s."""
    digest = hashlib.blake2b(f"{site}\x1f{part}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def text_key(site: str | None, text: str) -> int | None:
    """The key of a sentence of `site`'s; None when it has no site or its longest part is
    under LEAST_WORDS words (never counted, never stock)."""
    if not site:
        return None
    part = longest_part(text)
    return part_key(site, part) if len(part.split()) >= LEAST_WORDS else None


def article_keys(link: str | None, author: str | None, texts: Iterable[str]) -> set[int]:
    """The distinct keys of an article's sentences: each counts an article once."""
    site = site_key(link, author)
    if not site:
        return set()
    return {k for t in texts if (k := text_key(site, t)) is not None}


def counted(articles: Iterable[tuple[str | None, str | None, Iterable[str]]]) -> Counter[int]:
    """How many of these (link, author, sentence texts) articles hold each key."""
    counts: Counter[int] = Counter()
    for link, author, texts in articles:
        counts.update(article_keys(link, author, texts))
    return counts
