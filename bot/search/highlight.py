"""Where a question's key words appear in a passage, for front ends to show in bold."""

from __future__ import annotations

import re

from bot.search.stem import stem
from bot.search.words import stems, words

# A word as the reader sees it: letters and digits, with inner apostrophes ("café's").
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def key_spans(text: str, question: str) -> list[tuple[int, int]]:
    """(start, end) of each word of `text` that is one of the question's key words (its
    non-stopwords, matched by stem: "toasters" for "toaster"), in order, not overlapping."""
    keys = stems(question)
    if not keys:
        return []
    spans = []
    for m in _WORD.finditer(text):
        folded = words(m.group())
        if folded and stem(folded[0]) in keys:
            spans.append(m.span())
    return spans
