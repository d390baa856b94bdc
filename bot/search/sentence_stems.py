"""The stems of an article's sentences, computed once when the article is read (the reload
stores them with it), and which of a question's terms each sentence holds.

Stemming the sentences of a dozen candidate articles again for every question was a third
of what answering cost. The reload's parse workers encode each article's stems as one
string (`encode_stems`: a line per sentence, its content words' stems between spaces); a
question then finds each of its terms in that string with str.find, and splits only the
few sentences holding two or more of them (for word pairs).

`stems_version()` fingerprints the code and library that decide the stems: a cache whose
stems another version wrote is parsed again whole at the next reload.
"""

from __future__ import annotations

import functools
import importlib
import importlib.metadata
import re
from collections.abc import Iterable, Sequence, Set
from typing import TYPE_CHECKING

from bot.library.fingerprint import code_fingerprint
from bot.search.stem import stem
from bot.search.words import STOPWORDS, fold, raw_words_and_breaks, without_apostrophe, words

if TYPE_CHECKING:
    from bot.library.model import Article

# The modules whose code decides a sentence's stems (tests/test_sentence_stems.py checks
# that computing them imports no other module of the project), and the stemmer's library.
STEM_MODULES = (
    "bot.search.sentence_stems",
    "bot.search.words",
    "bot.search.stem",
    "bot.library.fingerprint",
)
_STEMMER = "PyStemmer"

_NOTHING: frozenset[str] = frozenset()


class _Stems(dict[str, str]):
    """Folded word -> its stem, "" for a stopword, remembered as words come: a dict
    lookup is cheaper than the call into stem()'s lru_cache, for every word the reload
    reads. A word as the word pattern finds it ("rust's") has the stem of the word words()
    makes of it ("rust"), so encode_stems need not make it. Emptied when it grows past
    `_MOST` words (a worker reads a whole library)."""

    def __missing__(self, found: str) -> str:
        if len(self) > _MOST:
            self.clear()
        word = without_apostrophe(found) if "'" in found else found
        stemmed = self[found] = "" if not word or word in STOPWORDS else stem(word)
        return stemmed


_MOST = 1 << 17
# Folded word -> its stem ("" for a stopword): shared by the reload's stems and the answer
# features' (features.py), which read the same words.
STEM_OF = _Stems()


def sentence_stems(text: str) -> list[str]:
    """The stems of a sentence's words other than stopwords, in order."""
    return list(filter(None, map(STEM_OF.__getitem__, words(fold(text)))))


def encode_stems(texts: Iterable[str]) -> str:
    """A line per sentence: its stems (see sentence_stems), each with a space before and
    after it (" map faster "), so that a stem is found as " stem " (stems hold no
    whitespace, so no separator can be part of one).

    The sentences are folded and split into words together, the line breaks between them
    kept as words: calling fold, the word pattern and the stem lookups once per sentence
    was a fifth of a parse worker's time. Folding and the word pattern work a character or
    a word at a time and never join across a line break, so this is the same as a line
    per sentence; a sentence holding a line break itself is encoded on its own."""
    # Each sentence folded twice, as sentence_stems does (fold, then words folds again):
    # folding once more is not always a no-op ("𝑻" folds to "T", then to "t"). Folded one
    # by one: most are ASCII, for which folding is lower() (done here, without the two
    # calls); the article as a whole is not.
    texts = list(texts)
    if not texts:
        return ""
    folded = "\n".join([t.lower() if t.isascii() else fold(fold(t)) for t in texts])
    if folded.count("\n") != len(texts) - 1:
        return "\n".join(f" {' '.join(sentence_stems(t))} " for t in texts)
    # stem() leaves a "\n" as it is (2 letters or fewer), so the breaks come through.
    stems = filter(None, map(STEM_OF.__getitem__, raw_words_and_breaks(folded)))
    # Lines come out as " a b "; a sentence without stems must be "  ", not " ".
    return _LONE_SPACE.sub("  ", f" {' '.join(stems)} ")


_LONE_SPACE = re.compile(r"^ $", re.MULTILINE)


@functools.cache
def stems_version() -> str:
    """A fingerprint of what decides the stored stems: the modules' code and the
    stemmer's version. Derived, not bumped by hand: a hand-kept number is forgotten,
    and the cache would then match questions against the old stems."""
    # The stemmer's version without the libraries' ";": the digest the caches hold.
    stemmer = f"{_STEMMER}={importlib.metadata.version(_STEMMER)}"
    return code_fingerprint(STEM_MODULES, extra=stemmer.encode())


class Held:
    """Which of a question's terms each sentence of an article holds (`sets`, one per
    sentence with text, in order), and the stems of a sentence in order (`tokens`)."""

    __slots__ = ("sets", "_stems", "_starts")

    def __init__(self, sets: list[Set[str]], stems: str, starts: dict[int, int]) -> None:
        self.sets = sets
        self._stems = stems
        self._starts = starts  # sentence -> where its line starts, for sentences holding a term

    def tokens(self, k: int) -> list[str]:
        """Sentence k's stems in order; [] when it holds no term."""
        start = self._starts.get(k)
        if start is None:
            return []
        end = self._stems.find("\n", start)
        return self._stems[start : end if end >= 0 else len(self._stems)].split()


def held_terms(article: Article, terms: set[str]) -> Held:
    """Which of `terms` (stems) each of the article's sentences with text holds, from the
    stems the cache stored with it (computed here when it has none)."""
    sentences = article.sentences
    stems = article.stems
    if stems is None or (stems.count("\n") + 1 if sentences else 0) != len(sentences):
        stems = encode_stems(s.text for s in sentences)
    found: dict[int, set[str]] = {}  # sentence -> the terms it holds, for those holding one
    starts: dict[int, int] = {}  # sentence -> where its line starts
    find, count = stems.find, stems.count
    for term in filter(None, terms):
        # Each line holding the term, once: after a hit the search goes on from the next
        # line. str.find was twice as fast as one regular expression for all the terms.
        needle = f" {term} "
        at, line, last = find(needle), 0, 0
        while at >= 0:
            line += count("\n", last, at)
            if line in found:
                found[line].add(term)
            else:
                found[line] = {term}
                starts[line] = stems.rfind("\n", 0, at) + 1
            last = find("\n", at)
            if last < 0:
                break
            at = find(needle, last)
    sets: list[Set[str]] = [_NOTHING] * len(sentences)
    for k, held in found.items():
        sets[k] = held
    keep = _with_text(sentences)
    if keep is not None:  # sentences without text are left out, as the passage stage does
        sets = [sets[k] for k in keep]
        starts = {i: starts[k] for i, k in enumerate(keep) if k in starts}
    return Held(sets, stems, starts)


def _with_text(sentences: Sequence) -> list[int] | None:
    """The places of the sentences with text; None when all have some."""
    if all(s.text.strip() for s in sentences):
        return None
    return [k for k, s in enumerate(sentences) if s.text.strip()]
