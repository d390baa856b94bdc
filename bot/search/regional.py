"""British and American spellings of one word, read as one: "leukaemia"/"leukemia",
"colour"/"color", "organise"/"organize", "centre"/"center", "travelled"/"traveled".

A member types the spelling they grew up with; the article may use the other. Typo
correction does not help where both spellings are words the library holds (a news library
holds "leukemia" in one story and "leukaemia" in another), and a one-letter difference
costs a title match its exact quality. The two spellings differ by a few regular patterns
of English orthography (`variants`: -our/-or, -ise/-ize, -yse/-yze, -tre/-ter, -ogue/-og,
ae/oe/e, a doubled l before an ending, -ence/-ense, -gramme/-gram), so no list of words
is kept: a question word's other spelling is made by the pattern, and counts only where the
library's own text holds it (`learn`: the full text's vocabulary, then, where the FTS5
term it stems to may be another word's, the text writing it). What is found joins the
word's other forms (compounds.forms_of): the full-text search ORs it, titles match it as
the word, the rerank and the passage read its sentences as holding the question's word.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from functools import lru_cache

from bot.search.spelling import porter
from bot.search.words import STOPWORDS

_VOWELS = "aeiou"
# Endings after "-our"/"-or" that keep the pattern ("colours", "favourite", "honourable",
# "neighbourhood", "humourist", "behavioural").
_OUR_ENDINGS = (
    "",
    "s",
    "ed",
    "ing",
    "ful",
    "fully",
    "ite",
    "ites",
    "able",
    "ably",
    "er",
    "ers",
    "hood",
    "hoods",
    "less",
    "ist",
    "ists",
    "al",
)
# Endings after "-ise"/"-ize" ("organised", "organisation") and "-yse"/"-yze".
_ISE_ENDINGS = ("e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational", "able")
_YSE_ENDINGS = ("e", "es", "ed", "ing", "er", "ers")
# Endings after a doubled "l" (British "travelled", "modelling", "counsellor", "marvellous").
_LL_ENDINGS = ("ed", "ing", "er", "ers", "or", "ors", "ous")
# The consonants "-re" follows where American English writes "-er" ("centre", "fibre");
# not "c" ("acre", "massacre", "mediocre": no "-cer" form).
_RE_AFTER = "tb"


def _consonant(c: str) -> bool:
    return c.isalpha() and c not in _VOWELS


def _swap_ending(word: str, endings: Iterable[str], a: str, b: str, least: int) -> list[str]:
    """`word` with `a` before one of `endings` written `b` (and `b` written `a`), where at
    least `least` letters come before it."""
    out: list[str] = []
    for ending in endings:
        for x, y in ((a, b), (b, a)):
            tail = x + ending
            if word.endswith(tail) and len(word) - len(tail) >= least:
                out.append(word[: len(word) - len(tail)] + y + ending)
    return out


def _our(word: str) -> list[str]:
    """-our/-or: "colour"/"color", "favourite"/"favorite", "behaviour"/"behavior". The
    letters before end in a consonant or an "i" ("behavi-our"), three at least: not
    "four", "hour", "tour", "scoured", nor "floor" (a vowel before: "flour")."""
    out: list[str] = []
    for ending in _OUR_ENDINGS:
        for x, y in (("our", "or"), ("or", "our")):
            tail = x + ending
            base = word[: len(word) - len(tail)]
            if word.endswith(tail) and len(base) >= 3 and (_consonant(base[-1]) or base[-1] == "i"):
                # "or" after "ou" is the "-our" read the other way ("colour" -> "colr")
                if x == "or" and base.endswith("u"):
                    continue
                out.append(base + y + ending)
    return out


def _tre(word: str) -> list[str]:
    """-tre/-ter, -bre/-ber: "centre"/"center", "centres"/"centers", "centred"/"centered",
    "fibre"/"fiber"."""
    out: list[str] = []
    for uk, us in (("re", "er"), ("res", "ers"), ("red", "ered")):
        for x, y in ((uk, us), (us, uk)):
            base = word[: len(word) - len(x)]
            if word.endswith(x) and len(base) >= 3 and base[-1] in _RE_AFTER:
                out.append(base + y)
    return out


def _ogue(word: str) -> list[str]:
    """-ogue/-og after an "l" or a "g": "catalogue"/"catalog", "dialogues"/"dialogs",
    "analogue"/"analog", "pedagogue"/"pedagog"."""
    out: list[str] = []
    for uk, us in (("ogue", "og"), ("ogues", "ogs")):
        for x, y in ((uk, us), (us, uk)):
            base = word[: len(word) - len(x)]
            if word.endswith(x) and len(base) >= 3 and base[-1] in "lg":
                out.append(base + y)
    return out


def _digraph(word: str, least: int) -> list[str]:
    """ae/oe and e: "leukaemia"/"leukemia", "paediatric"/"pediatric", "foetal"/"fetal",
    "oestrogen"/"estrogen". The vowel stands between consonants (or first, before one),
    with two letters or more after the next consonant ("leukae-m-ia"), in a word of
    `least` letters or more written with the digraph: not "michael", "boeing", "poet"."""
    out: list[str] = []
    n = len(word)
    for i, c in enumerate(word):
        if c != "e" or i + 3 >= n or not _consonant(word[i + 1]):
            continue
        before = word[i - 1] if i else ""
        if before in ("a", "o"):  # the digraph: the form without its first letter
            j = i - 1
            if (j == 0 or _consonant(word[j - 1])) and n >= least:
                out.append(word[:j] + word[i:])
        elif (not before or _consonant(before)) and n + 1 >= least:  # a plain "e"
            out += [word[:i] + d + word[i:] for d in "ao"]
    return out


def _ll(word: str) -> list[str]:
    """A doubled "l" before an ending: "travelled"/"traveled", "modelling"/"modeling",
    "counsellor"/"counselor", "marvellous"/"marvelous". The word before the "l" has two
    vowel groups or more and ends in "a" or "e" (an unstressed last syllable: "travel",
    "signal"), so "filled"/"filed" and "called" are left alone."""
    out: list[str] = []
    for ending in _LL_ENDINGS:
        for x, y in (("ll", "l"), ("l", "ll")):
            tail = x + ending
            base = word[: len(word) - len(tail)]
            if not word.endswith(tail) or not base or base[-1] not in "ae":
                continue
            if x == "l" and base.endswith("l"):
                continue
            if len(re.findall(f"[{_VOWELS}]+", base)) >= 2:
                out.append(base + y + ending)
    return out


def _ence(word: str) -> list[str]:
    """-ence/-ense after "f", "c" or "t": "defence"/"defense", "offences"/"offenses",
    "licence"/"license", "pretence"/"pretense" (not "sense", "dense", "intense")."""
    out: list[str] = []
    for ending in ("", "s"):
        for x, y in (("ence", "ense"), ("ense", "ence")):
            tail = x + ending
            base = word[: len(word) - len(tail)]
            if word.endswith(tail) and len(base) >= 3 and base[-1] in "fct":
                out.append(base + y + ending)
    return out


def variants(word: str) -> list[str]:
    """The other region's spellings `word` may have (folded, all letters), by the patterns
    above; nothing is checked against a library here (see `learn`). Function words and
    words of fewer than five letters have none."""
    return list(_variants(word))


# Every question's words are read for a pattern (most have none, and so are never
# remembered by `learn`): ~700 words per 1,000 load-test interactions, ~40 us each by the
# patterns' many endswith calls. A word's variants depend on the word alone.
# Every ending a pattern but _digraph reads (either spelling): a word ending in none of
# them (most words) has only _digraph's variants, found without the other eight patterns'
# ~100 endswith calls.
_TAILS = tuple(
    {x + e for x in ("our", "or") for e in _OUR_ENDINGS}
    | {x + e for x in ("is", "iz") for e in _ISE_ENDINGS}
    | {x + e for x in ("ys", "yz") for e in _YSE_ENDINGS}
    | {"re", "er", "res", "ers", "red", "ered"}
    | {"ogue", "og", "ogues", "ogs"}
    | {x + e for x in ("ll", "l") for e in _LL_ENDINGS}
    | {x + e for x in ("ence", "ense") for e in ("", "s")}
    | {x + e for x in ("gramme", "gram") for e in ("", "s")}
)


@lru_cache(maxsize=4096)
def _variants(word: str) -> tuple[str, ...]:
    if len(word) < 5 or not word.isalpha() or word in STOPWORDS:
        return ()
    if not word.endswith(_TAILS):
        return tuple(v for v in dict.fromkeys(_digraph(word, 7)) if v != word)
    out = [
        *_our(word),
        *_swap_ending(word, _ISE_ENDINGS, "is", "iz", 3),
        *_swap_ending(word, _YSE_ENDINGS, "ys", "yz", 3),
        *_tre(word),
        *_ogue(word),
        *_digraph(word, 7),
        *_ll(word),
        *_ence(word),
        *_swap_ending(word, ("", "s"), "gramme", "gram", 3),
    ]
    return tuple(v for v in dict.fromkeys(out) if v != word)


async def learn(
    words: Iterable[str],
    terms: Mapping[str, int],
    writes: Callable[[str], Awaitable[bool]],
    memo: dict[str, tuple[str, ...]],
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """(word,) -> (its other spelling,) for the question's `words` whose other spelling
    the library holds: the full text's porter terms (`terms`, with how many articles hold
    each) hold its term, and where that term is not the spelling itself (porter's
    "organ" of "organize", "programm" of "programme" and "programmer"), the text writes it
    (`writes`). Of two, the one most articles hold. Remembered in `memo` (() for none)
    until the index changes; in the form compounds.forms_of reads."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for w in dict.fromkeys(words):
        if w not in memo:
            held: list[tuple[int, str]] = []
            for v in variants(w):
                term = porter(v)
                if not terms.get(term) or term == porter(w):
                    continue
                if term != v and not await writes(v):
                    continue
                held.append((-terms[term], v))
            memo[w] = tuple(v for _, v in sorted(held)[:1])
        if memo[w]:
            out[(w,)] = memo[w]
    return out


def known(
    words: Iterable[str], memo: Mapping[str, tuple[str, ...]]
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """What `learn` found for `words`, from memory only (the rerank reads the question after
    the search learned it)."""
    return {(w,): memo[w] for w in dict.fromkeys(words) if memo.get(w)}
