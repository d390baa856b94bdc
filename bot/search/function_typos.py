"""Slips in a question's short grammar words, put right before its kind is read.

Members type fast: "hw mnay tostrs did teh repiar cafe fx" asks how many toasters the
repair café fixed. The content words are the spelling corrections' (spelling.py, fuzzy.py);
the short words around them ("hw", "mnay", "teh", "wht", "wo") decide what kind of answer
is wanted ("how many" wants a number), and read as content words they are looked for in
the library and found nowhere. A short word that is no everyday English word and no word
the library holds, one slip from a function word (a stopword, a question word, "many" or
"much"), is read as that word: a letter dropped ("hw" "how"), two swapped ("teh" "the"), or
one changed; never a letter too many, which reads acronyms as shorter function words. One
slip from several ("hwo": "how" or "who"; "wht": "what" or "why") it stays as typed: the
kind of question it would decide is a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from rapidfuzz.distance import OSA

from bot.search.english import zipf
from bot.search.policy import DEFAULT, Policy
from bot.search.question_words import QUESTION_WORDS
from bot.search.social import SOCIAL_WORDS
from bot.search.words import STOPWORDS

_WORD = re.compile(r"[a-z]+")
# "how many/much" is the commonest question of a number; the two are no stopwords.
_AMOUNTS = ("many", "much")
# Small talk's words are typed so on purpose ("thx" is thanks, not a slip of "the": read so
# once the library's words were known, it made "thx" after an answer a follow-up of it).
_SAID = frozenset().union(*SOCIAL_WORDS.values())


@cache
def _function_words() -> tuple[str, ...]:
    """The words a slip is read back to."""
    return tuple(
        sorted({w for w in (*STOPWORDS, *QUESTION_WORDS, *_AMOUNTS) if w.isalpha() and len(w) > 1})
    )


def function_word(word: str, policy: Policy = DEFAULT) -> str | None:
    """The function word `word` (folded, one the library does not hold) is a slip of, or
    None: it is short (Policy.function_typo_letters), no everyday English
    (Policy.function_typo_zipf), and one edit from exactly one function word; a two-letter word
    only by a letter dropped ("hw" "how", "wo" "who"), as one edit of two letters reaches
    too many words. Never a shorter word (a letter typed too many): dropping a letter of a
    short word reaches the many one- and two-letter function words from acronyms and
    names ("udp" would read "up" and leave "tcp" alone in "the difference between tcp and
    udp"; fresh's unrelated question got a confident answer so)."""
    n = len(word)
    if not 2 <= n <= policy.function_typo_letters or not word.isalpha():
        return None
    if word in STOPWORDS or word in QUESTION_WORDS or word in _SAID:
        return None
    if zipf(word) >= policy.function_typo_zipf:
        return None
    near = [
        w
        for w in _function_words()
        if (n > 2 or len(w) == 3)
        and n <= len(w) <= n + 1
        and OSA.distance(word, w, score_cutoff=1) == 1
    ]
    return near[0] if len(near) == 1 else None


def function_typos(
    folded: str, held: Callable[[str], bool] | None, policy: Policy = DEFAULT
) -> str:
    """Folded text with slipped function words put right (see function_word); a word the
    library holds (`held`: a name, an identifier, "hw" in a hardware blog) stays; with no
    `held` (the library's words unknown) every word stays."""
    if not policy.function_typo_letters or held is None:
        return folded

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        right = function_word(word, policy)
        if right is None or held(word):
            return word
        return right

    return _WORD.sub(fix, folded)
