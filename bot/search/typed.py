"""What a member typed, made safe and small before anything reads it.

Its own module, not words.py: words.py decides what the cache stores (its source is in the
cache's fingerprint), and a change to how messages are cut must not re-parse a library.
"""

from __future__ import annotations

import re

from bot.search.question_words import QUESTION_WORDS

# What a member types is cut to this many characters (see clip).
MAX_QUERY_CHARS = 300


def clip(text: str, limit: int = MAX_QUERY_CHARS) -> str:
    """Printable text, whitespace collapsed, cut to `limit` characters.

    A long message that ends in a question past the cut ("I read the piece on the solar
    co-op and … anyway, how much did they raise?") is read as that question: people put
    the context first and the question last, and keeping the start would answer the
    context. The question starts after the last sentence end or line break before it; in a
    run-on with neither in reach, at the first question word of its last few words
    (see _question_start). Otherwise the start is kept.
    """
    if len(text) > limit * 8:  # a huge paste: only its two ends can hold the question
        text = text[: limit * 4] + " " + text[-limit * 4 :]
    lines = text.splitlines()
    if not text.isprintable():  # a per-character pass only for the rare control character
        lines = ["".join(c if c.isprintable() else " " for c in line) for line in lines]
    lines = [line for line in (" ".join(line.split()) for line in lines) if line]
    flat = " ".join(lines)
    if len(flat) <= limit:
        return flat
    text = "\n".join(lines)  # as long as flat: a line break is a place a question starts
    end = text.rfind("?")
    if end < 0:
        return flat[_unmarked_start(text, limit) :][:limit].replace("\n", " ")
    if end < limit:
        return flat[:limit]
    start = max(
        max(text.rfind(mark, 0, end) + 2 for mark in _SENTENCE_ENDS), text.rfind("\n", 0, end) + 1
    )
    if start < end + 1 - limit:  # no sentence end or line break in reach
        start = _question_start(text, end + 1 - limit, end)
    elif start > 0 and text[start - 1] not in " \n":  # cut inside a word: start at the next one
        start = text.find(" ", start) + 1
    return text[start : end + 1].replace("\n", " ")


def _question_start(text: str, first: int, end: int) -> int:
    """Where the question ending at `end` starts in a run-on (no sentence end from `first`).

    At the first question word ("how", "what", …) among its last _QUESTION_SPAN words:
    "so anyway as I was saying anyway how many kites flew?" asks "how many kites flew?";
    with none, after the first clause break (a comma, dash, colon or semicolon) among them:
    "…and so forth, but did they fly any kites?". Else the last `limit` characters,
    starting at a word.
    """
    for match in _WORD.finditer(text, first, end):
        if match.group().lower() in QUESTION_WORDS and _near(text, match.start(), end):
            return match.start()
    for match in _CLAUSE_BREAK.finditer(text, first, end):
        if _near(text, match.end(), end):
            return match.end()
    if first > 0 and text[first - 1] != " ":  # cut inside a word: start at the next one
        first = text.find(" ", first) + 1
    return first


def _unmarked_start(text: str, limit: int) -> int:
    """Where a long message with no question mark is read from: its start, unless no
    question word opens it (among its first _QUESTION_SPAN words) and one stands among the
    last _QUESTION_SPAN words within `limit` of its end, where the question then starts:
    "i read the piece on the co-op and … anyway how much did they raise" (typed on a phone,
    no "?") asks how much, not the co-op's first words (journey23/member23: the start was
    read). A question word at the start keeps the start: the rest is its context."""
    opening = _WORD.findall(" ".join(text.split()[:_QUESTION_SPAN]))
    if any(w.lower() in QUESTION_WORDS for w in opening):
        return 0
    end = len(text)
    for match in _WORD.finditer(text, max(0, end - limit), end):
        if match.group().lower() in QUESTION_WORDS and _near(text, match.start(), end):
            return match.start()
    return 0


def _near(text: str, start: int, end: int) -> bool:
    return len(text[start:end].split()) <= _QUESTION_SPAN


# A question asked at the end of a run-on is no longer than this many words; a question
# word farther back belongs to the text before it ("…back when I lived there…").
_QUESTION_SPAN = 20
_WORD = re.compile(r"[A-Za-z]+")
_CLAUSE_BREAK = re.compile(r"[,;:] | [-–—]+ ")


# Where a sentence ends inside collapsed text, for clip's last question.
_SENTENCE_ENDS = (". ", "! ", "? ")
