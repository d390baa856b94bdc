"""English stems, by the Snowball ("Porter 2") stemmer: "received"/"receive", "maps"/"map",
"designer"/"designed" meet.

Words come here folded (see words.fold), so "cafés", "café's" (its "'s" dropped by
words.words) and "cafes" all stem to "cafe". Only alphabetic words are stemmed: "1.21",
"go1.21rc2" and "crates.io" stay as they are.
"""

from __future__ import annotations

from functools import lru_cache

import Stemmer

_SNOWBALL = Stemmer.Stemmer("english")
# Snowball can end a stem with a letter its word does not have there ("university" ->
# "universiti", "taking" -> "take", "possibility" -> "possibl", "dying" -> "die"); without
# these endings a stem starts every word that stems to it (see stem_key).
_CHANGED_ENDINGS = ("ie", "y", "i", "e", "l")


# The same few thousand words are stemmed for every sentence of every candidate article;
# a dict lookup is ~5x cheaper than the call into the C stemmer.
@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The Snowball English stem of a folded word; words of 2 letters or fewer, and words
    that are not all letters, as they are."""
    if len(word) <= 2 or not word.isalpha():
        return word
    return _SNOWBALL.stemWord(word)


def stem_key(stemmed: str) -> str:
    """A prefix of every word that stems to `stemmed`: the stem without an ending Snowball
    may have written in place of the word's own ("universiti" -> "universit"). Checked over
    the corpora's 30k words and by a property test (tests/test_answer.py)."""
    for ending in _CHANGED_ENDINGS:
        if stemmed.endswith(ending):
            return stemmed[: -len(ending)]
    return stemmed
