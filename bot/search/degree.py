"""A yes/no question asking whether a thing is so, and the words that say how much it is.

"Was rust 1.77 a big release", "is t cell leukemia a common cancer", "is rust 2024 the
biggest edition so far" ask whether something has a quality that comes in degrees; the
article answers with the degree: "This release is relatively minor", "this rare but
aggressive form of blood cancer" (no), "the most feature-packed release since Rust 1.0",
"the largest edition since Rust 2015" (yes). Neither a negation nor the question's own
adjective is there to find, so no other kind of span reads it.

Degree is told by English's grammar, not listed per question: an adverb of degree before
a word ("relatively minor", "fairly", "extremely"), or a superlative ("most", "least",
"best", "worst", or "-est" on a word whose "-er" form is an English word: "largest" of
"larger", "biggest" of "bigger"; not "forest", "interest").
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.search.english import zipf
from bot.search.features import Features
from bot.search.sentence_spans import Span

# The forms of "be" a yes/no question about a quality opens with ("was X a big release").
_BE = frozenset(["is", "are", "was", "were", "isnt", "arent", "wasnt", "werent"])
# English's adverbs of degree (the closed class; not "really", "so", "too": as often
# emphasis or another sense).
_DEGREE_ADVERBS = frozenset(
    [
        *("very", "relatively", "fairly", "quite", "rather", "extremely", "somewhat"),
        *("slightly", "highly", "incredibly", "particularly", "exceptionally"),
        *("remarkably", "unusually", "comparatively", "reasonably", "moderately"),
    ]
)
_IRREGULAR = frozenset(["most", "least", "best", "worst"])
# An "-er" form this common in English (Zipf) is a comparative ("larger"), not a
# fragment ("forer" of "forest").
_COMPARATIVE_ZIPF = 3.0


def superlative(word: str) -> bool:
    """Whether a folded word is a superlative: irregular ("most", "best"), or "-est"
    whose "-er" form is an English word ("largest": "larger"; "biggest": "bigger";
    "easiest": "easier"), which "forest", "interest", "honest" have not."""
    if word in _IRREGULAR:
        return True
    if len(word) < 6 or not word.endswith("est"):
        return False
    return any(zipf(w) >= _COMPARATIVE_ZIPF for w in (word[:-3] + "er", word[:-2] + "r"))


def asks_degree(ws: Sequence[str]) -> bool:
    """Whether a yes/no question (its words as typed, folded) asks whether a thing is
    so: it opens with a form of "be" ("was rust 1.77 a big release")."""
    return bool(ws) and ws[0] in _BE


def degrees(f: Features) -> list[Span]:
    """The words of a sentence saying how much a thing is, each a span of kind "degree":
    an adverb of degree with the word after it ("relatively minor"), a superlative with
    the word after it ("most feature-packed", "largest edition")."""
    t = f.tokens()
    words, n = t.folded, len(t.folded)
    out: list[Span] = []
    for k, w in enumerate(words):
        if w in _DEGREE_ADVERBS and k + 1 < n or superlative(w):
            out.append(Span("degree", k, min(k + 2, n)))
    return out
