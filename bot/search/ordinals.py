"""Which article of a list a member picks by its place: "the second one", "tell me more
about the 3rd article", "who wrote the last one?", "number 2", "#4".

After a list (the newest articles, a period's, other matches) members name an article by
its place in it. Read from closed classes of English: the ordinals ("first" … "tenth",
"2nd", "last") before a word naming what was listed ("one", "article", "post"), or after
"the"; "number" or "#" before a numeral; a numeral alone. The rest of the question says
what is asked of that article: it is read with "it" where the place was ("who wrote the
second one?" -> "who wrote it?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.search.question_words import LISTING_WORDS
from bot.search.words import STOPWORDS

_ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
    )
} | {"tenth": 10}
_NUMERAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
# The place of the list's last article.
LAST = -1
_LAST_WORDS = frozenset(["last", "final"])
# "The other one": of a list of two, the one the conversation is not about.
OTHER = -2
# What an ordinal is followed by when it names a listed article: "one", or a word naming
# what the library holds ("the second article").
_NAMES = LISTING_WORDS | frozenset(["one", "link", "result", "match", "item", "entry"])
# Words before a numeral that make it a place: "number 2", "no. 2", "#2" (see _TOKEN).
_NUMBER = frozenset(["number", "no", "#"])
# The words of a request to see an article and nothing more of it ("the second one",
# "tell me more about the 2nd", "show me number 3", "open 2"): answered with its card.
_SHOW = frozenset(
    ["tell", "show", "give", "open", "read", "see", "more", "about", "please", "go", "back"]
)
# The adverb of return: "go back to the first one", "back to the second article" name a
# place among the articles the conversation was about before, not in its last list.
_BACK = "back"
_TOKEN = re.compile(r"#|[^\W_]+")
_DIGITS = re.compile(r"\d{1,2}")


@dataclass(frozen=True, slots=True)
class Pick:
    """An article picked by its place in a list: `place` from 1 (LAST: the last one), and
    the question with "it" standing where the place was (`asked`); `shown`: it asks only
    to see the article."""

    place: int
    asked: str
    shown: bool
    back: bool = False  # returns to an earlier article of the conversation (see _BACK)


def picked(question: str) -> Pick | None:
    """The place in a list the question names, or None ("what was the first car": a
    place needs a word naming a listed thing after it, or "the" before it)."""
    ws = _TOKEN.findall(question.lower().replace("’", "'"))
    for i in range(len(ws)):
        found = _place(ws, i)
        if found is None:
            continue
        place, start, end = found
        rest = ws[:start] + ws[end:]
        asked = " ".join([*ws[:start], "it", *ws[end:]])
        shown = all(r in STOPWORDS or r in _SHOW for r in rest)
        return Pick(place, asked, shown, _BACK in rest)
    return None


def _place(ws: list[str], i: int) -> tuple[int, int, int] | None:
    """The place named from word i on, and the words naming it (start, end), or None."""
    w = ws[i]
    the = i > 0 and ws[i - 1] == "the"
    start = i - 1 if the else i
    nxt = ws[i + 1] if i + 1 < len(ws) else ""
    if w in _NUMBER and _DIGITS.fullmatch(nxt):
        return int(nxt), start, i + 2
    if _DIGITS.fullmatch(w) and len(ws) == 1:  # "2" alone, after a numbered list
        return int(w), 0, 1
    numeral = _NUMERAL.fullmatch(w)
    place = (
        _ORDINALS.get(w)
        or (int(numeral.group(1)) if numeral else None)
        or (LAST if w in _LAST_WORDS else None)
    )
    if not place and w == "other" and the and nxt in _NAMES:
        return OTHER, start, i + 2  # "the other one", "what about the other article"
    if not place:
        return None
    if nxt in _NAMES:
        return place, start, i + 2
    # "the second" with nothing after it ("tell me about the second"); "the last" only so
    # ("the last time" is no place).
    if the and i + 1 == len(ws):
        return place, start, i + 1
    return None
