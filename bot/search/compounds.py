"""Compounds written joined, hyphenated or apart: "frontend", "front-end", "front end".

English writes many compounds all three ways, and one library does too: the Rust blog's post
on "the parallel front-end" never writes the "frontend" a member types, and "time-zone"
asked of a text writing "timezone" met nothing. FTS5 and the sentence stems split a
hyphenated word into its parts ("front" "end"), so a hyphen is as good as a space; what is
left is the joined form against the two words. Two readings meet them:

- a question word that splits into two words of the library's vocabulary (titles and
  descriptions: `split`) also matches the two written side by side;
- two words the question hyphenates (`hyphenated`) also match the word written joined.

Two words the question merely writes apart are not joined: in a question, "at run time" is
not "the runtime" (retrieve.Retriever._rank), where a hyphen says the writer meant one word.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from bot.search.words import STOPWORDS, fold

_HYPHENATED = re.compile(r"(?<![\w-])([^\W_]+)-([^\W_]+)(?![\w-])")


def split(word: str, vocab: Container[str], least: int, part: int) -> tuple[str, str] | None:
    """The two words `word` is made of: the first split, from the left, into two words of
    `vocab` each at least `part` letters long and neither a function word; None for a word
    shorter than `least` letters or not all letters, or one with no such split."""
    if len(word) < least or not word.isalpha():
        return None
    for i in range(part, len(word) - part + 1):
        a, b = word[:i], word[i:]
        if a in vocab and b in vocab and a not in STOPWORDS and b not in STOPWORDS:
            return a, b
    return None


def hyphenated(text: str) -> set[tuple[str, str]]:
    """The pairs of words `text` joins with one hyphen ("front-end" -> ("front", "end")),
    folded; not the parts of a longer hyphenated run ("state-of-the-art")."""
    return {(a, b) for a, b in _HYPHENATED.findall(fold(text))}


def other_forms(
    words: Sequence[str], text: str, vocab: Container[str], least: int, part: int
) -> dict[str, list[str]]:
    """Each of `words` (a question's content words, folded; `text` its free text) -> the
    other ways a text may write it, as phrases: "frontend" -> ["front end"] (split);
    "front" and "end" -> ["frontend"] when the question hyphenates "front-end". Empty when
    `part` is 0 (the rule off)."""
    if not part:
        return {}
    out: dict[str, list[str]] = {}
    for w in words:
        if two := split(w, vocab, least, part):
            out.setdefault(w, []).append(" ".join(two))
    kept = set(words)
    for a, b in hyphenated(text):
        if a in kept and b in kept and (a + b).isalpha():
            out.setdefault(a, []).append(a + b)
            out.setdefault(b, []).append(a + b)
    return out
