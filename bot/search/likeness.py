"""A question asking what a thing is likened to, and the phrases that liken.

"What does the nyt writer compare the phrase data privacy to", "who do people compare elon
musk to", "what is the groundmist sync server like", "what does json syntax resemble" ask
for the other side of a likeness: the phrase after "like" ("It's like a flat soda"),
"likened to" ("He's been likened to Tony Stark"), "no different from" ("ICEBlock is no
different from crowdsourcing speed traps"), "akin to", "analogous to", "similar to",
"resembles"… A sentence saying so often holds none of the question's words (it leans on
the one before: "It's like…"), so no other kind of span finds it.

English's words of likening, the closed class, not those of a question set.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.search.features import Features
from bot.search.sentence_spans import Span, adjacent

# The question's verbs and adjectives of likening: with "to"/"with" at its end ("…compare
# X to", "…is X similar to") the question asks for what X is likened to. Not "who compared
# X to Y": that names both sides and asks who did it.
_LIKENING = frozenset(
    [
        *("compare", "compares", "compared", "comparing", "liken", "likens", "likened"),
        *("similar", "akin", "analogous", "equate", "equates", "equated"),
    ]
)
_RESEMBLE = frozenset(["resemble", "resembles", "resembled"])
# Words after which "like" is a verb ("i like", "would like to", "don't like"), not the
# preposition of a likeness ("it's like a flat soda", "much like a toddler").
_LIKE_VERB_AFTER = frozenset(
    [
        *("i", "we", "you", "they", "id", "wed", "youd", "theyd", "would", "to"),
        *("not", "dont", "didnt", "doesnt", "do", "does", "did", "who", "really"),
    ]
)
# The sentence's words that say a likeness, each with the word that must follow it (""
# for none): "likened to", "no different from", "akin to", "resembles".
_MARKERS: dict[str, frozenset[str]] = {
    "like": frozenset([""]),
    "likened": frozenset(["to"]),
    "compared": frozenset(["to", "with"]),
    "similar": frozenset(["to"]),
    "akin": frozenset(["to"]),
    "analogous": frozenset(["to"]),
    "different": frozenset(["from", "than"]),  # after "no": see _likeness_at
    "resembles": frozenset([""]),
    "resembled": frozenset([""]),
    "resembling": frozenset([""]),
    "reminiscent": frozenset(["of"]),
}
# At most this many words of the phrase after the marker.
_PHRASE_WORDS = 8


def asks_likeness(ws: Sequence[str]) -> bool:
    """Whether the question (its words as typed, folded) asks what a thing is likened
    to: a word of likening with "to"/"with" ending it ("what did X compare Y to"),
    "like" ending it ("what is X like", "what does X look like"), or a form of
    "resemble" ending it ("what does X resemble")."""
    if not ws:
        return False
    last = ws[-1]
    if last in ("to", "with"):
        return not _LIKENING.isdisjoint(ws)
    if last == "like":
        return len(ws) < 2 or ws[-2] not in _LIKE_VERB_AFTER
    return last in _RESEMBLE


def likenesses(f: Features) -> list[Span]:
    """The phrases a sentence likens something to, each a span of kind "likeness": the
    words after "like", "likened to", "no different from"… up to a clause break, at
    most _PHRASE_WORDS words ("It’s like a flat soda." -> "a flat soda")."""
    t = f.tokens()
    if t.present.isdisjoint(_MARKERS):
        return []
    words, n = t.folded, len(t.folded)
    out: list[Span] = []
    for k, w in enumerate(words):
        start = _likeness_at(words, k) if w in _MARKERS else None
        if start is None or start >= n:
            continue
        end = start + 1
        while (
            end < n
            and end - start < _PHRASE_WORDS
            and adjacent(f.text, t.ends[end - 1], t.starts[end])
        ):
            end += 1
        out.append(Span("likeness", start, end))
    return out


def _likeness_at(words: Sequence[str], k: int) -> int | None:
    """Where the phrase likened to starts when word k is a marker of likeness (the word
    after it, or after its preposition); None when it is not one here ("i like", "a
    different view")."""
    w = words[k]
    if w == "like" and k and words[k - 1] in _LIKE_VERB_AFTER:
        return None
    if w == "different" and (not k or words[k - 1] != "no"):
        return None
    follows = _MARKERS[w]
    if "" in follows:
        return k + 1
    if k + 1 < len(words) and words[k + 1] in follows:
        return k + 2
    return None
