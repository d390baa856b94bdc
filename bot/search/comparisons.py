"""A question asking by how much one thing differs from another, and the amounts that say.

"How much more formaldehyde…", "how much faster are go programs with pgo", "how far over
the limit is…" ask for a difference: a multiple ("nearly double", "20 times higher"), a
percent ("30% faster", "11.1% higher") or an amount written with a comparative after it
("about $350 more than last year"). Another amount in the same sentence ("the limit of
one incidence of cancer in a million people", "$3,462") is the size of one of the things
compared, not how much they differ, and answers only in part (Policy.partial_fit), as an
amount in another unit does for "how long".

Comparatives are told by English's spelling, not listed: "more", "less", "fewer" and the
irregular ones, or a word in "-er" whose base is an English word and which has no plural
("bigger", "faster", "safer", "easier"; not "water", "user", "power", which are nouns:
"waters", "users", "powers").
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.search.english import zipf
from bot.search.features import Features
from bot.search.sentence_spans import Span

# English's comparatives that are not the base and "-er", and the words of degree that
# make "how far" ask by how much ("how far over the limit", "how far behind").
_IRREGULAR = frozenset(["more", "less", "fewer", "better", "worse", "further", "farther"])
_DEGREE = frozenset(["over", "above", "below", "under", "beyond", "behind", "ahead"])
# The question words before them: "how much more", "how many more", "how far over".
_MEASURES = frozenset(["much", "many", "far"])
# English's words of multiplying: "twice", "double(d)", "tripled", "threefold", "halved".
_MULTIPLES = frozenset(
    [
        *("twice", "thrice", "half", "halved", "halve", "halves"),
        *("double", "doubled", "doubles", "doubling", "triple", "tripled", "triples"),
        *("tripling", "quadruple", "quadrupled", "quadruples", "quadrupling"),
    ]
)
# The numbers "-fold" is written after as one word ("threefold", "tenfold").
_FOLD_NUMBERS = frozenset(
    [
        *("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("twenty", "fifty", "hundred", "thousand"),
    ]
)
# A base this common in English (Zipf) is a word, not a fragment ("wat" of "water").
_BASE_ZIPF = 3.0


def comparative(word: str) -> bool:
    """Whether a folded word is an adjective's or adverb's comparative: irregular
    ("more", "worse"), or "-er" on an English word ("faster", "bigger" with its doubled
    consonant, "safer" after "e", "easier" for "easy") that has no plural ("users",
    "waters" are nouns')."""
    if word in _IRREGULAR:
        return True
    if len(word) < 5 or not word.endswith("er") or zipf(word + "s") > 0:
        return False
    stem = word[:-2]
    bases = [stem, word[:-1]]  # "fast", "safe"
    if len(stem) > 2 and stem[-1] == stem[-2]:
        bases.append(stem[:-1])  # "big" of "bigger"
    if stem.endswith("i"):
        bases.append(stem[:-1] + "y")  # "easy" of "easier"
    return any(len(b) > 2 and zipf(b) >= _BASE_ZIPF for b in bases)


def asks_difference(ws: Sequence[str]) -> bool:
    """Whether the question asks by how much things differ: "how much/many" before a
    comparative ("how much more…", "how much bigger…"), or "how far" before a word of
    degree ("how far over the limit…")."""
    for k in range(len(ws) - 2):
        if ws[k] == "how" and ws[k + 1] in _MEASURES:
            nxt = ws[k + 2]
            return nxt in _DEGREE if ws[k + 1] == "far" else comparative(nxt)
    return False


def multiples(f: Features) -> list[Span]:
    """The words of multiplying a sentence holds, each a span of kind "amount": "nearly
    double the amount", "twice as many", "a threefold rise"."""
    t = f.tokens()
    if t.present.isdisjoint(_MULTIPLES) and not any(w.endswith("fold") for w in t.folded):
        return []
    words = t.folded
    return [
        Span("amount", k, k + 1)
        for k, w in enumerate(words)
        if w in _MULTIPLES or (w.endswith("fold") and w[:-4] in _FOLD_NUMBERS)
    ]


def states_difference(f: Features, span: Span, percent: bool) -> bool:
    """Whether the amount `span` says by how much things differ: a multiple ("20 times",
    a span of multiples), a percent (`percent`: the caller read its sign or word), or a
    comparative right after it ("$350 more", "three pounds less", "20 times higher")."""
    words = f.tokens().folded
    last = words[span.end - 1]
    if percent or last == "times" or last in _MULTIPLES:
        return True
    return span.end < len(words) and comparative(words[span.end])
