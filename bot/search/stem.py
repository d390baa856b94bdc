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


# The same few thousand words are stemmed in every sentence the reload reads; a dict
# lookup is ~5x cheaper than the call into the C stemmer.
@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The Snowball English stem of a folded word; words of 2 letters or fewer, and words
    that are not all letters, as they are."""
    if len(word) <= 2 or not word.isalpha():
        return word
    out = _SNOWBALL.stemWord(word)
    # Snowball keeps the "e" of a short "-ue" word ("sue", "sues", "glue", "true": too short
    # for its last step) but drops it with the ending ("suing", "sued" -> "su"): "who is
    # suing meta" never met the title "… sues Meta". Without the "e" all forms meet.
    return out[:-1] if out.endswith("ue") else out
