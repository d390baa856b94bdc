"""What a member typed, made safe and small before anything reads it.

Its own module, not words.py: words.py decides what the cache stores (its source is in the
cache's fingerprint), and a change to how messages are cut must not re-parse a library.
"""

from __future__ import annotations

# What a member types is cut to this many characters (see clip).
MAX_QUERY_CHARS = 300


def clip(text: str, limit: int = MAX_QUERY_CHARS) -> str:
    """Printable text, whitespace collapsed, cut to `limit` characters.

    A long message that ends in a question past the cut ("I read the piece on the solar
    co-op and … anyway, how much did they raise?") is read as that question: people put
    the context first and the question last, and keeping the start would answer the
    context. Otherwise the start is kept.
    """
    if len(text) > limit * 8:  # a huge paste: only its two ends can hold the question
        text = text[: limit * 4] + " " + text[-limit * 4 :]
    if not text.isprintable():  # a per-character pass only for the rare control character
        text = "".join(c if c.isprintable() else " " for c in text)
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    end = text.rfind("?")
    if end < limit:
        return text[:limit]
    start = max(text.rfind(mark, 0, end) for mark in _SENTENCE_ENDS)
    start = max(start + 2, end + 1 - limit) if start >= 0 else end + 1 - limit
    if start > 0 and text[start - 1] != " ":  # cut inside a word: start at the next one
        start = text.find(" ", start) + 1
    return text[start : end + 1]


# Where a sentence ends inside collapsed text, for clip's last question.
_SENTENCE_ENDS = (". ", "! ", "? ")
