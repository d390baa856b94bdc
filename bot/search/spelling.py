"""Typo corrections of question words against every word of the library's text.

Titles, tags and descriptions are held in memory as words (see LibraryIndex.text_vocab);
the body text is known only through FTS5's own vocabulary, whose terms its porter
tokenizer has stemmed ("households" is "household", "tennessee" is "tennesse"). A word no
article holds is stemmed the same way (PyStemmer's porter, the algorithm SQLite's porter
tokenizer implements), matched within the typo budget a title word has, and turned back
into a word the tokenizer stems to the term found, so the full-text search can use it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import Stemmer

from bot.search.fuzzy import Vocabulary, allowed_typos
from bot.search.policy import DEFAULT, Policy

_PORTER = Stemmer.Stemmer("porter")
# Endings a porter term may have lost: a word with one of them stems back to the term.
_ENDINGS = ("", "e", "s", "es", "ed", "ing", "er", "ion", "ation", "ly")


@lru_cache(maxsize=1 << 14)
def porter(word: str) -> str:
    """The term SQLite FTS5's porter tokenizer indexes `word` as."""
    return _PORTER.stemWord(word)


class TextVocabulary:
    """The full text's terms (porter stems) and how many articles hold each."""

    def __init__(self, terms: Iterable[tuple[str, int]], policy: Policy = DEFAULT) -> None:
        self.docs = dict(terms)
        self.policy = policy
        self._vocab = Vocabulary(self.docs, policy)

    def __len__(self) -> int:
        return len(self.docs)

    def correct(self, word: str) -> str | None:
        """A word the full text holds, within `word`'s typo budget (fewest typos first,
        then the term most articles hold), or None. `word` is one no article holds."""
        if not word.isalpha():
            return None
        budget = allowed_typos(word, self.policy)
        if not budget:
            return None
        stem = porter(word)
        near = self._vocab.near(stem, budget)
        if not near:
            return None
        term, _ = min(near, key=lambda x: (x[1], -self.docs[x[0]], x[0]))
        return surface(term, word, stem)


def surface(term: str, typed: str, typed_stem: str) -> str | None:
    """A word the porter tokenizer stems to `term`: the typed word's own ending on the
    term first ("housholds" -> "households"), then common endings and -y for -i."""
    tails = [typed[len(typed_stem) :]] if typed.startswith(typed_stem) else []
    candidates = [term + t for t in (*tails, *_ENDINGS)]
    if term.endswith("i"):
        candidates.append(term[:-1] + "y")
    return next((c for c in candidates if porter(c) == term), None)
