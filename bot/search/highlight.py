"""How a passage is shown: its quotation marks closed, and where a question's key words
appear in it, for front ends to show in bold."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.search.stem import stem
from bot.search.words import stems, words

# A word as the reader sees it: letters and digits, with inner apostrophes ("café's").
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_QUOTE_MARKS = re.compile("[“”]")


def key_spans(text: str, question: str) -> list[tuple[int, int]]:
    """(start, end) of each word of `text` that is one of the question's key words (its
    non-stopwords, matched by stem: "toasters" for "toaster"), in order, not overlapping."""
    keys = stems(question)
    if not keys:
        return []
    return [m.span() for m in _WORD.finditer(text) if _stem_of(m.group()) in keys]


# Every answer shown is highlighted, and its words are folded and stemmed one by one:
# remembered like stems (a dict lookup against a fold, a regex and a stem per word).
@lru_cache(maxsize=1 << 15)
def _stem_of(word: str) -> str | None:
    """The stem of the word a reader sees as `word`, or None when folding leaves none."""
    folded = words(word)
    return stem(folded[0]) if folded else None


# The " … " passage.Passages sets between the windows it quotes: each window is a run of
# the article's text on its own.
WINDOW_JOIN = " … "


def balance_quotes(text: str) -> str:
    """`text` with its curly quotation marks paired: a passage may start or end inside a
    quotation running over several sentences ("“People assume a toaster is a throwaway
    thing." is the first of three the speaker said), and a mark left open reads as a
    mistake. The text's own marks are kept; the missing ones are added at its ends, and
    each window of a passage of several is paired on its own: a quotation left open at
    the end of the first window closes there, not after the next window, which would
    read the narration between as the speaker's words."""
    if WINDOW_JOIN in text:
        return WINDOW_JOIN.join(_balanced(w) for w in text.split(WINDOW_JOIN))
    return _balanced(text)


def _balanced(text: str) -> str:
    # Only the marks matter: read them alone (most passages have none), not every
    # character of the passage in a Python loop (~20 us a shown answer).
    unopened = depth = 0
    for ch in _QUOTE_MARKS.findall(text):
        if ch == "“":
            depth += 1
        elif ch == "”":
            if depth:
                depth -= 1
            else:
                unopened += 1
    return "“" * unopened + text + "”" * depth
