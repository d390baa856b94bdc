"""Typo-tolerant word and name matching over a vocabulary, the way Meilisearch counts typos."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.search.query import content_words, fold
from bot.search.stem import stem

# Quality of a word match, by kind: what a typo or a prefix costs against an exact word.
EXACT = 1.0
PREFIX = 0.85
ONE_TYPO = 0.8
TWO_TYPOS = 0.6
MIN_PREFIX = 3


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def allowed_typos(word: str) -> int:
    """No typo up to 4 letters, 1 for 5-8, 2 from 9 (Meilisearch's default)."""
    n = len(word)
    return 0 if n <= 4 else 1 if n <= 8 else 2


@dataclass(frozen=True, slots=True)
class WordMatch:
    """A vocabulary word a query word stands for, and how good the match is."""

    word: str
    quality: float
    typos: int


class Vocabulary:
    """Words bucketed by length for typo lookups, and sorted for prefix lookups."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        self._sorted = sorted(self.words)
        # Bucketed by (length, first letter): a typo search scans only words it could match.
        # Words with digits ("1.21", "(12345)" in generated titles) never match by typo: a
        # digit off is another version or number, and at 100k they swamp the buckets.
        buckets: dict[tuple[int, str], list[str]] = defaultdict(list)
        for w in self._sorted:
            if not _has_digit(w):
                buckets[len(w), w[0]].append(w)
        self._buckets = dict(buckets)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def __len__(self) -> int:
        return len(self.words)

    def prefixed(self, prefix: str, limit: int = 50) -> list[str]:
        """Vocabulary words that start with prefix (not the prefix itself), shortest first."""
        i = bisect.bisect_left(self._sorted, prefix)
        out: list[str] = []
        while i < len(self._sorted) and self._sorted[i].startswith(prefix) and len(out) < limit:
            if self._sorted[i] != prefix:
                out.append(self._sorted[i])
            i += 1
        return sorted(out, key=len)

    def near(self, word: str, typos: int) -> list[tuple[str, int]]:
        """Words within `typos` edits (transpositions count once), with their distance."""
        if typos <= 0 or _has_digit(word):
            return []
        out: list[tuple[str, int]] = []
        # A typo in the first letter is rare in practice and makes noisy matches: the
        # first letter must be right, which also keeps each scan small.
        for length in range(len(word) - typos, len(word) + typos + 1):
            bucket = self._buckets.get((length, word[0]))
            if not bucket:
                continue
            for cand, dist, _ in process.extract(
                word, bucket, scorer=OSA.distance, score_cutoff=typos, limit=None
            ):
                if dist:
                    out.append((cand, int(dist)))
        return out

    def match(self, word: str, *, prefix: bool = True) -> list[WordMatch]:
        """Every way a query word can match: exact, as a prefix, or within its typo budget."""
        found: dict[str, WordMatch] = {}
        if word in self.words:
            found[word] = WordMatch(word, EXACT, 0)
        if prefix and len(word) >= MIN_PREFIX and not word.isdigit():
            for w in self.prefixed(word):
                # Longer completions are less likely what was meant.
                q = PREFIX - min(0.25, 0.02 * (len(w) - len(word)))
                found.setdefault(w, WordMatch(w, q, 0))
        typos = allowed_typos(word) if word not in self.words else 0
        if not found and len(word) == 4 and word.isalpha():
            typos = 1  # nothing else matches: a short word with a typo is still a guess
        for w, dist in self.near(word, typos):
            q = ONE_TYPO if dist == 1 else TWO_TYPOS
            if w not in found or found[w].quality < q:
                found[w] = WordMatch(w, q, dist)
        if not found and (one := _singular(word)):
            # A plural with a typo ("chanels") is two edits from a title's singular
            # ("channel"): one more than a 5-8 letter word may have. Its singular is
            # matched instead, its plural counting as a typo.
            return [
                WordMatch(m.word, ONE_TYPO if not m.typos else TWO_TYPOS, m.typos + 1)
                for m in self.match(one, prefix=False)
                if m.typos < 2
            ]
        return list(found.values())

    def correct(self, word: str) -> str | None:
        """The closest vocabulary word within the typo budget (for a plural with no such
        word, its singular's), or None."""
        if word in self.words:
            return word
        near = self.near(word, allowed_typos(word))
        if not near:
            one = _singular(word)
            return self.correct(one) if one else None
        return min(near, key=lambda x: (x[1], abs(len(x[0]) - len(word)), x[0]))[0]


def _singular(word: str) -> str | None:
    """The word without a plural -s ("chanels" -> "chanel"), if it looks like a plural."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss") and word.isalpha():
        return word[:-1]
    return None


def _key(name: str) -> str:
    return " ".join(fold(name).replace("_", " ").replace("-", " ").split())


class NameTable:
    """Tag or author names for "exact, else one confident fuzzy match, else nothing"."""

    def __init__(self, names: Iterable[str]) -> None:
        self.table: dict[str, str] = {}
        for n in names:
            self.table.setdefault(_key(n), n)
        self._keys = list(self.table)

    def exact(self, name: str) -> str | None:
        return self.table.get(_key(name))

    def resolve(self, name: str, cutoff: float = 85.0) -> str | None:
        """Exact name; else the one name holding all its words ("pike" → "Rob Pike");
        else the one name within a few typos of it; else None (never a guess between two)."""
        key = _key(name)
        if not key:
            return None
        if key in self.table:
            return self.table[key]
        parts = set(key.split())
        if all(len(p) >= 3 for p in parts):
            holders = [k for k in self._keys if parts <= set(k.split())]
            if len(holders) == 1:
                return self.table[holders[0]]
        best = process.extract(key, self._keys, scorer=fuzz.ratio, limit=3, score_cutoff=cutoff)
        if not best:
            return None
        if len(best) > 1 and best[1][1] >= best[0][1] - 2:
            return None  # two names about as close: not confident which one was meant
        return self.table[best[0][0]]


def resolve_name(name: str, choices: Iterable[str], cutoff: float = 80.0) -> str | None:
    """Exact (folded) name, else the one confident fuzzy match among choices, else None."""
    return NameTable(choices).resolve(name, cutoff)


def closest_names(text: str, names: Iterable[str], limit: int = 3) -> list[str]:
    """Up to `limit` names that the text or one of its key words could mean: the same
    stem ("batteries" for "battery"), or within the word's typo budget; fewest typos
    first, then in `names`' order."""
    keys: dict[str, str] = {}
    for n in names:
        keys.setdefault(_key(n), n)
    typed = _key(text)
    if not typed:
        return []
    targets = dict.fromkeys([typed, *content_words(text)])
    typos: dict[str, int] = {}
    for key in keys:
        for target in targets:
            if stem(target) == stem(key):
                found = 0
            else:
                budget = allowed_typos(target)
                found = OSA.distance(target, key, score_cutoff=budget) if budget else budget + 1
                if found > budget:
                    continue
            typos[key] = min(typos.get(key, found), found)
    order = {k: i for i, k in enumerate(keys)}
    return [keys[k] for k in sorted(typos, key=lambda k: (typos[k], order[k]))[:limit]]
