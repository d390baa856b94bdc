"""The sentences the passage shown takes beside its window: the window holds the
question's words, and the answer is often the sentence next to it, in other words. A
sentence holding the kind of answer asked for (with_neighbour), one going on about what
the window named (with_follower), a quote of the one it is about (with_quote), the
sentence naming the speaker of a quote (with_speaker); and the sentences a window shows
(shown_span). Each reads the window's scores from passage.Passages.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.search.words import STOPWORDS, words

if TYPE_CHECKING:
    from bot.search.passage import Passages

# A direct quote with who said it after its closing mark (news writes a paraphrase, then
# the speaker's own words): "“We will fully embrace theatrical,” he declared, laying out…",
# "“…our principles are,” Areman said at the…", "“…,” said Ms. Heath." The sentence opens
# with the quote; after its closing mark (set off by a comma or its own stop) the speaker,
# a pronoun or a name, then a lower-case verb; or, inverted, "said"/"says" and the name
# (English inverts only a few speech verbs so). Group "who": the speaker.
_QUOTE_SAID = re.compile(
    r"^[“\"][^”\"]{2,}?[,.?!…—–-]\s*[”\"]\s+"
    r"(?:(?P<who>he|she|they|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})\s+[a-z]+"
    r"|(?:said|says|added|asked|wrote)\s+(?P<after>(?:[A-Z][\w’'.-]*\s*){1,3}))"
)
_PRONOUN_SPEAKERS = frozenset(["he", "she", "they"])


def shown_span(passages: Passages, i: int, j: int) -> tuple[int, int]:
    """The sentences text(i, j) shows: [first, past last), the one its first sentence
    reads after and the block its last announces included."""
    lead = passages.roles.lead(i)
    end = j + 1 if j < len(passages.sentences) and passages.roles.announces(j - 1) else j
    return (i if lead is None else min(i, lead)), end


def with_neighbour(passages: Passages, i: int, j: int) -> tuple[int, int]:
    """The window [i, j), with the sentence before or after it when the window is of
    at most Policy.neighbour_window sentences, none of them holds an answer of the kind
    asked for as fully as Policy.neighbour_gate, and that one holds one (at least
    Policy.next_fit, read as about what the window is about: see neighbour_fit).

    The window holds the question's words; the answer is often the sentence beside
    it, in other words: "Go 1 is the first release … in binary distributions." then
    "They are available for Linux, FreeBSD, Mac OS X and … Windows." for "what
    platforms…"; "We observed a 5–35% speedup across our benchmarks." before "For now,
    the new backend is only available for…" for "how much faster is code from the new
    ssa backend". A neighbour within the window's paragraph; after (before) a paragraph
    of one sentence, the next (previous) paragraph's as well: news writes a sentence a
    paragraph ("A hiker lost on a mountain in Colorado ignored…" goes on "…on Mount
    Elbert, the highest peak in the state"). The better of the two; the one after on a
    tie."""
    w, p, n = passages.wanted, passages.policy, len(passages.sentences)
    if not (w.full or w.partial) or j - i > p.neighbour_window or passages.title_answers():
        return i, j
    own = max(map(passages.fit, range(i, j)))
    if own >= p.neighbour_gate:
        return i, j
    after = before = -1.0
    if j < n and (passages.joined(j - 1) or passages.roles.one_sentence_block(j - 1)):
        after = _beside(passages, j, own)
    if i > 0 and (passages.joined(i - 1) or passages.roles.one_sentence_block(i)):
        before = _beside(passages, i - 1, own)
    if max(after, before) < p.next_fit:
        return i, j
    return (i, j + 1) if after >= before else (i - 1, j)


def with_follower(passages: Passages, i: int, j: int) -> tuple[int, int]:
    """The window [i, j) with the sentence after it when the window is of at most
    Policy.follow_window sentences (one, or two of a paragraph) and that one reads only
    after its last (opens with a pronoun or "This": features.leans_back),
    in its paragraph or after a paragraph of one sentence, the two within
    Policy.follow_chars; not after a label (see label_section), nor after a sentence
    holding the kind of answer asked for as fully as Policy.neighbour_gate, unless the
    follower holds question words too (Policy.follow_gate). The window
    holds the question's words; the sentence going on about what it named says what
    became of it, often in other words: "As these events unfold, Viv will … track all
    the causal threads…" then "This happens automatically behind the scenes, via Viv's
    mechanism for causal bookkeeping." for "what does viv call the way it tracks causal
    threads"."""
    most, k, w = passages.policy.follow_chars, j, passages.wanted
    if not _may_take_next(passages, i, j, most, passages.policy.follow_window):
        return i, j
    # (a window holding the kind of answer asked for by the question's words stands
    # alone, as it takes no neighbour: see with_neighbour)
    # (…unless the follower holds question words of its own and the window's answer
    # names no noun the question asks about, below Policy.follow_gate: "Users can now
    # access the offset of a field with offset_of!(StructName, field)." then "This
    # expands to … the offset in bytes from the start of the struct.")
    p = passages.policy
    fit = max(map(passages.fit, range(i, j)))
    typed = (w.full or w.partial) and fit >= p.neighbour_gate
    if typed and not (passages.held[k] and fit < p.follow_gate):
        return i, j
    if not (passages.joined(k - 1) or passages.roles.one_sentence_block(k - 1)):
        return i, j
    if not passages.roles.features(k).leans_back:
        return i, j
    if len(passages.roles.text(i, j)) + 1 + len(passages.sentences[k].text) > most:
        return i, j
    return i, j + 1


def with_quote(passages: Passages, i: int, j: int) -> tuple[int, int]:
    """The window [i, j) with the sentence after it when the window is one sentence and
    that one is a direct quote (_QUOTE_SAID) of someone it names, or of "he", "she",
    "they" (the one it is about), in its paragraph or after a paragraph of one sentence,
    the two within Policy.quote_chars; not after a label. The window holds the
    question's words, said in the writer's; the quote after it says it in the
    speaker's own, often the answer: "Areman also expressed reservations…" then "“…we
    want to make sure we’re … not attracting negative attention to our township…,”
    Areman said" for "why is cheltenham hesitant about…"."""
    most, k = passages.policy.quote_chars, j
    if not _may_take_next(passages, i, j, most):
        return i, j
    if not (passages.joined(k - 1) or passages.roles.one_sentence_block(k - 1)):
        return i, j
    said = _QUOTE_SAID.match(passages.sentences[k].text)
    if said is None:
        return i, j
    if len(passages.roles.text(i, j)) + 1 + len(passages.sentences[k].text) > most:
        return i, j
    who = said.group("who") or said.group("after")
    if who not in _PRONOUN_SPEAKERS:
        # (a name's words, not its title: "Ms." names no one)
        name = {w for w in words(who) if len(w) > 2 and w not in STOPWORDS}
        if name.isdisjoint(words(passages.sentences[i].text)):
            return i, j
    return i, j + 1


def with_speaker(passages: Passages, i: int, j: int) -> tuple[int, int]:
    """The window [i, j) with the sentence before it when the question asks who, the
    window is one sentence, a direct quote attributed to "he", "she" or "they"
    (_QUOTE_SAID) holding no name that answers as fully as Policy.neighbour_gate, and
    the sentence before names someone (neighbour_fit at least Policy.next_fit), the
    two within Policy.speaker_chars; not after a label. News opens a paragraph with
    the quote and names its speaker only in the paragraph before ("Former acting
    director Cameron Hamilton described…" then "“…order a pizza from Domino’s…,” he
    said."), so the paragraph rule of with_neighbour does not reach it."""
    most, k = passages.policy.speaker_chars, i - 1
    if not most or passages.wanted.kind != "who" or j - i != 1 or k < 0 or passages.roles.label(k):
        return i, j
    said = _QUOTE_SAID.match(passages.sentences[i].text)
    if said is None or said.group("who") not in _PRONOUN_SPEAKERS:
        return i, j
    p = passages.policy
    if passages.fit(i) >= p.neighbour_gate or passages.neighbour_fit(k) < p.next_fit:
        return i, j
    if len(passages.sentences[k].text) + 1 + len(passages.roles.text(i, j)) > most:
        return i, j
    return k, j


def _beside(passages: Passages, k: int, own: float) -> float:
    """How well sentence k, beside a window whose best fit is `own`, answers as its
    neighbour: one holding none of the question's words was never weighed as a
    window of its own (see neighbour_fit); one holding some was, and lost, so it
    comes along only when the window holds no answer at all (below Policy.next_fit)."""
    if not passages.held[k]:
        return passages.neighbour_fit(k)
    return passages.fit(k) if own < passages.policy.next_fit else -1.0


def _may_take_next(passages: Passages, i: int, j: int, most: int, width: int = 1) -> bool:
    """Whether the window [i, j) may take the sentence after it, as with_follower and
    with_quote do: taking one is on (`most`, their Policy length, above 0), the window is
    at most `width` sentences (with_quote: one) and there is one after it, none a label."""
    return not (
        not most
        or j - i > width
        or j >= len(passages.sentences)
        or any(passages.roles.label(x) for x in range(i, j))
        or passages.roles.label(j)
    )
