"""Typo-tolerant word and name matching over a vocabulary, the way Meilisearch counts typos."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.search.build import has_digit
from bot.search.english import zipf
from bot.search.policy import DEFAULT, Policy
from bot.search.stem import stem
from bot.search.tables import Buckets, SortedWords
from bot.search.words import content_words, fold

# The quality of a word matched exactly: what prefixes and typos are measured against (the
# Policy says what they cost).
EXACT = 1.0


def allowed_typos(word: str, policy: Policy = DEFAULT) -> int:
    """No typo up to 4 letters, 1 for 5-8, 2 from 9 (Meilisearch's default)."""
    n = len(word)
    return 0 if n <= policy.typo_free_letters else 1 if n <= policy.one_typo_letters else 2


@dataclass(frozen=True, slots=True)
class WordMatch:
    """A vocabulary word a query word stands for, and how good the match is."""

    word: str
    quality: float
    typos: int


class Vocabulary:
    """Words bucketed by length for typo lookups, and sorted for prefix lookups."""

    def __init__(self, words: Iterable[str], policy: Policy = DEFAULT) -> None:
        self._setup(sorted(set(words)), policy)

    @classmethod
    def stored(cls, ordered: list[str], policy: Policy = DEFAULT) -> Vocabulary:
        """A vocabulary of words already sorted and distinct (an index file's)."""
        vocab = cls.__new__(cls)
        vocab._setup(ordered, policy)
        return vocab

    def _setup(self, ordered: list[str], policy: Policy) -> None:
        self.policy = policy
        self._sorted = ordered
        self.words = SortedWords(ordered)
        # Bucketed by (length, first letter): a typo search scans only words it could match.
        # Words with digits ("1.21", "(12345)" in generated titles) never match by typo: a
        # digit off is another version or number, and at 100k they swamp the buckets.
        self._buckets = Buckets(ordered)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def __len__(self) -> int:
        return len(self._sorted)

    def fill_buckets(self) -> Iterator[None]:
        """List the typo buckets ahead of the lookups, a step at a time (Buckets.fill)."""
        return self._buckets.fill()

    def prefixed(self, prefix: str, limit: int | None = None) -> list[str]:
        """Vocabulary words that start with prefix (not the prefix itself), shortest first."""
        if limit is None:
            limit = self.policy.prefix_completions
        i = bisect.bisect_left(self._sorted, prefix)
        out: list[str] = []
        while i < len(self._sorted) and self._sorted[i].startswith(prefix) and len(out) < limit:
            if self._sorted[i] != prefix:
                out.append(self._sorted[i])
            i += 1
        return sorted(out, key=len)

    def near(self, word: str, typos: int) -> list[tuple[str, int]]:
        """Words within `typos` edits (transpositions count once), with their distance."""
        if typos <= 0 or has_digit(word):
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

    def _budget(self, word: str) -> int:
        """The typos `nearest` allows `word`: its length's (allowed_typos), and one for a
        word of Policy.typo_free_letters letters that is no English word (Policy.
        short_word_typo: "hikr" for "hiker"; "newt" is a word the library lacks)."""
        p = self.policy
        budget = allowed_typos(word, p)
        short = len(word) == p.typo_free_letters and word.isalpha()
        if not budget and p.short_word_typo and short and not zipf(word):
            return 1
        return budget

    def match(self, word: str, *, prefix: bool = True) -> list[WordMatch]:
        """Every way a query word can match: exact, as a prefix, or within its typo budget."""
        p = self.policy
        found: dict[str, WordMatch] = {}
        if word in self.words:
            found[word] = WordMatch(word, EXACT, 0)
        if prefix and len(word) >= p.min_prefix and not word.isdigit():
            # Longer completions are less likely what was meant.
            top, cost, most = p.prefix_quality, p.prefix_letter_cost, p.prefix_max_cost
            for w in self.prefixed(word):
                q = top - min(most, cost * (len(w) - len(word)))
                found.setdefault(w, WordMatch(w, q, 0))
        typos = allowed_typos(word, p) if word not in self.words else 0
        if not found and len(word) == p.typo_free_letters and word.isalpha():
            typos = 1  # nothing else matches: a short word with a typo is still a guess
        for w, dist in self.near(word, typos):
            q = p.one_typo_quality if dist == 1 else p.two_typo_quality
            if w not in found or found[w].quality < q:
                found[w] = WordMatch(w, q, dist)
        if not found and (one := _singular(word)):
            # A plural with a typo ("chanels") is two edits from a title's singular
            # ("channel"): one more than a 5-8 letter word may have. Its singular is
            # matched instead, its plural counting as a typo.
            return [
                WordMatch(
                    m.word, p.one_typo_quality if not m.typos else p.two_typo_quality, m.typos + 1
                )
                for m in self.match(one, prefix=False)
                if m.typos < 2
            ]
        return list(found.values())

    def correct(self, word: str) -> str | None:
        """The closest vocabulary word within the typo budget (for a plural with no such
        word, its singular's), or None."""
        return next(iter(self.nearest(word)), None)

    def nearest(self, word: str) -> list[str]:
        """Every vocabulary word as few typos from `word` as any within its budget (for a
        plural with none, its singular's): those of its length first, then alphabetically.
        Which of them was meant is the caller's to weigh (several are one typo from
        "relase": "release", "rebase", "relate")."""
        if word in self.words:
            return [word]
        budget = self._budget(word)
        near = self.near(word, budget)
        if budget > allowed_typos(word, self.policy):
            # A short word's one typo keeps every letter typed (a letter dropped, doubled or
            # moved): with a letter changed, three of four letters say too little ("newt"
            # for "news", "next", "nest").
            near = [(w, d) for w, d in near if no_letter_changed(word, w)]
        if not near:
            one = _singular(word)
            return self.nearest(one) if one else []
        fewest = min(d for _, d in near)
        tied = (w for w, d in near if d == fewest)
        return sorted(tied, key=lambda w: (abs(len(w) - len(word)), w))


def no_letter_changed(typed: str, word: str) -> bool:
    """Whether `word` is `typed` with letters only dropped, doubled or moved, none changed
    for another (the letters one has over the other are all on one side), and any letter
    typed over the word's typed twice side by side: a slip adds a letter by doubling it,
    while a word two letters longer than another ("portugal", "portal") is another word."""
    extra, missing = Counter(typed) - Counter(word), Counter(word) - Counter(typed)
    return not (extra and missing) and all(c + c in typed for c in extra)


def _singular(word: str) -> str | None:
    """The word without a plural -s ("chanels" -> "chanel"), if it looks like a plural."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss") and word.isalpha():
        return word[:-1]
    return None


def name_key(folded: str) -> str:
    """A folded name as names are compared: "compiler_team" and "compiler-team" are
    "compiler team"."""
    return " ".join(folded.replace("_", " ").replace("-", " ").split())


# The same tag and author names are keyed on every "nothing found" reply (every tag of
# the library each time): remembered, like stems.
@lru_cache(maxsize=1 << 14)
def _key(name: str) -> str:
    return name_key(fold(name))


# Marks typed around a name rather than in it: a hashtag's "#", the "!" and "?" of chat,
# quotes and brackets.
_EDGE_MARKS = re.compile(r"^[#@\W_]+|[\W_]+$")


class NameTable:
    """Tag or author names for "exact, else one confident fuzzy match, else nothing"."""

    def __init__(self, names: Iterable[str], policy: Policy = DEFAULT) -> None:
        self.policy = policy
        self.table: dict[str, str] = {}
        for n in names:
            self.table.setdefault(_key(n), n)
        self._keys = list(self.table)

    def exact(self, name: str) -> str | None:
        return self.table.get(_key(name))

    def resolve(self, name: str, cutoff: float | None = None) -> str | None:
        """Exact name; else the one name holding all its words ("pike" → "Rob Pike");
        else the one name within a few typos of it; else None (never a guess between two)."""
        key = _key(name)
        found = self.resolve_key(key, cutoff)
        bare = _EDGE_MARKS.sub("", key)
        if found is None and bare != key:
            # "/tag Rust!!", "/tag #go", "/random energy?": the marks typed around a name
            # are no part of it (a name holding them, "c++", is found as typed first).
            return self.resolve_key(bare, cutoff)
        return found

    def resolve_key(self, key: str, cutoff: float | None = None) -> str | None:
        """resolve() for a name already folded and keyed (see name_key)."""
        if not key:
            return None
        if key in self.table:
            return self.table[key]
        p = self.policy
        parts = set(key.split())
        if all(len(part) >= p.name_part_letters for part in parts):
            holders = [k for k in self._keys if parts <= set(k.split())]
            if len(holders) == 1:
                return self.table[holders[0]]
        cutoff = p.name_cutoff if cutoff is None else cutoff
        best = process.extract(key, self._keys, scorer=fuzz.ratio, limit=3, score_cutoff=cutoff)
        if not best:
            return None
        if len(best) > 1 and best[1][1] >= best[0][1] - p.name_margin:
            return None  # two names about as close: not confident which one was meant
        return self.table[best[0][0]]


def closest_names(
    text: str, names: Iterable[str], limit: int = 3, policy: Policy = DEFAULT
) -> list[str]:
    """Up to `limit` names that the text or one of its key words could mean: the same
    stem ("batteries" for "battery"), or within the word's typo budget; fewest typos
    first, then in `names`' order."""
    typed = _key(text)
    if not typed:
        return []
    keys, shown, by_stem = _name_keys(tuple(names))
    typos: dict[int, int] = {}  # key position -> fewest typos
    # Each of the text's words (and the whole text) against every name at once: the typo
    # distances computed in C (rapidfuzz's extract keeps those within the budget), not a
    # Python loop over names x words, which every "nothing found" reply paid for.
    for target in dict.fromkeys([typed, *content_words(text)]):
        budget = allowed_typos(target, policy)
        near = [(0, i) for i in by_stem.get(stem(target), ())]
        if budget:
            found = process.extract(
                target, keys, scorer=OSA.distance, score_cutoff=budget, limit=None
            )
            near += [(typo, i) for _, typo, i in found]
        for typo, i in near:
            typos[i] = min(typos.get(i, typo), typo)
    return [shown[i] for i in sorted(typos, key=lambda i: (typos[i], i))[:limit]]


# The same names (the library's tags) are offered on every "nothing found" reply: their
# keys and stems are made once per list of names, not once per reply.
@lru_cache(maxsize=8)
def _name_keys(names: tuple[str, ...]) -> tuple[list[str], list[str], dict[str, list[int]]]:
    """The distinct keys of `names` in order, the first name of each, and by stem the
    positions of the keys having it."""
    first: dict[str, str] = {}
    for n in names:
        first.setdefault(_key(n), n)
    keys = list(first)
    by_stem: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        by_stem.setdefault(stem(k), []).append(i)
    return keys, list(first.values()), by_stem
