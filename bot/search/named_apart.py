"""Whether an article writes a question's words only inside a name of its own.

A question word the article holds only as part of a capitalised name ("Log Cabin
Republicans", "Fox News", "the Green Tea garbage collector") is a different thing from the
ordinary English word a question uses ("how do i build a log cabin", "how long should green
tea steep"): the article is about the name's bearer, not the word's sense.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from bot.search.stem import stem

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def only_in_names(texts: Sequence[str], held: Sequence[Set[str]], terms: Set[str]) -> bool:
    """Every one of `terms` that some sentence holds is written, in every sentence holding
    it (`texts[k]`, whose question terms are `held[k]`), with a capital letter: a name's
    word there, not the ordinary word. A sentence's first word is capitalised by its place
    and shows nothing; False when no other place shows how the article writes them."""
    seen = False
    for text, hold in zip(texts, held):  # noqa: B905 (the same sentences; never raise)
        wanted = hold & terms
        if not wanted:
            continue
        for i, token in enumerate(_TOKEN.findall(text)):
            t = stem(token.lower())
            if t not in wanted:
                continue
            if i == 0:
                continue  # capitalised by its place: says nothing of how the word is used
            if not token[0].isupper():
                return False
            seen = True
    return seen
