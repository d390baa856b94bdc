"""Word counts and reading time."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]\S*")
WORDS_PER_MINUTE = 230


def word_count(text: str) -> int:
    """Number of words in text (contractions, decimals and hyphenated words count once)."""
    return len(_WORD.findall(text))


def reading_minutes(words: int) -> int:
    """Reading time at ~230 words a minute, at least 1 minute for any words at all."""
    if words <= 0:
        return 0
    return max(1, round(words / WORDS_PER_MINUTE))
