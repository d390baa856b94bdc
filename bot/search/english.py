"""How common a word is in everyday English, apart from how common it is in the library.

The library's own counts say how distinctive a word is among its articles, and for most
words that is what matters. An everyday word the library's writers happen not to use
("till" where they wrote "until", "buy" in a library of politics) is counted as rare there,
yet says nothing of what a question is about; a question made only of everyday words
("is it bad to go running every single day") finds them side by side somewhere by chance.
English frequencies tell those apart from the words that are distinctive in any text:
names, brands, a plant's or a tool's name, a typo.

The frequencies are pyspellchecker's English list (word counts from film subtitles and
other everyday text), read once when first needed. Their Zipf value (log10 of a word's
frequency per billion words) is what Policy.everyday_zipf compares: 7 for "the", 5 about
once in 100,000 words.
"""

from __future__ import annotations

import math
from array import array
from functools import cache

# Words rarer than this Zipf value are not kept in memory: none is everyday, and the
# whole list (160,000 words) would hold ~15 MB where these ~15,000 hold ~1 MB.
KEPT_ZIPF = 3.0


@cache
def _zipf_values() -> dict[str, float]:
    """word -> its Zipf value, for the English words from KEPT_ZIPF up.

    The kept words are made anew once the whole list is gone: the list's own word
    objects, kept, were spread over the memory its 160,000 words had taken and held it
    (~10 MB in a bare process; the bot at rest over 100k articles, which reads the list
    in its warm-up, 124 MB against 100 MB: bench/README.md, load test, "Twenty-first
    pass")."""
    words, values = _kept()
    kept = words.split("\n")
    if len(kept) != len(values):  # a word held a newline: the list's own words, then
        return dict(_kept_pairs())
    return dict(zip(kept, values, strict=True))


def _kept_pairs() -> list[tuple[str, float]]:
    """(word, Zipf value) of the English words from KEPT_ZIPF up, from pyspellchecker."""
    from spellchecker import SpellChecker  # ~1 s to read: only when first asked

    counts = SpellChecker(language="en", distance=1).word_frequency
    total = counts.total_words or 1
    pairs = ((word, math.log10(n / total) + 9.0) for word, n in counts.items())
    return [(word, value) for word, value in pairs if value >= KEPT_ZIPF]


def _kept() -> tuple[str, array]:
    """The kept words joined by newlines and their values, in two blocks of memory."""
    pairs = _kept_pairs()
    return "\n".join(w for w, _ in pairs), array("d", (v for _, v in pairs))


def zipf(word: str) -> float:
    """The word's Zipf value in everyday English; 0.0 for a word rarer than KEPT_ZIPF or
    not English at all (a name, a number, a typo)."""
    return _zipf_values().get(word, 0.0)


def everyday(word: str, threshold: float) -> bool:
    """Whether the (folded) word is everyday English: a Zipf value from `threshold` up."""
    return zipf(word) >= threshold


def article_share(word: str, article_words: int) -> float:
    """The share of articles of `article_words` words expected to hold the (folded) word
    in general English: each word of the article is this one with probability
    10^(zipf - 9), so at least one is with 1 - exp(-words * that). 0.0 for a word the list
    does not keep (a name, a typo): English says nothing of it."""
    z = zipf(word)
    return 1.0 - math.exp(-article_words * 10.0 ** (z - 9.0)) if z else 0.0


def warm() -> None:
    """Read the list now (a reload does, so the first question does not wait for it)."""
    _zipf_values()
