"""Typo corrections of question words against every word of the library's text.

Titles, tags and descriptions are held in memory as words (see LibraryIndex.text_vocab);
the body text is known only through FTS5's own vocabulary, whose terms its porter
tokenizer has stemmed ("households" is "household", "tennessee" is "tennesse"). A word no
article holds is stemmed the same way (PyStemmer's porter, the algorithm SQLite's porter
tokenizer implements), matched within the typo budget a title word has, and turned back
into a word the tokenizer stems to the term found; the words the text holds for that term
(FTS5's one-token snippets) decide, so a correction is a word some article really uses,
within the typo budget of what was typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import Stemmer
from rapidfuzz.distance import OSA

from bot.search.english import zipf
from bot.search.fuzzy import Vocabulary, allowed_typos
from bot.search.policy import DEFAULT, Policy
from bot.search.words import STOPWORDS, fold

_PORTER = Stemmer.Stemmer("porter")
# Endings a porter term may have lost: a word with one of them stems back to the term.
_ENDINGS = ("", "e", "s", "es", "ed", "ing", "er", "ion", "ation", "ly")
# The fewest letters a part of a run-together word has ("co" of "coop").
_SPLIT_PART = 2
# The fewest letters of a term typed as the start of a mistyped word (TextVocabulary.edits).
_STEM_TYPED = 4
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Endings the porter stemmer takes off a long enough word (its steps 1-4, as typed), and the
# "y" of "-ly" ("eventualy"): a typo shortening the word before one keeps it on.
_TYPED_ENDINGS = "y ly s es ed ing er ers ence ance ment ion al ic ive ous ize ate able ible ant ent ism ness ful"


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

    def fill_buckets(self) -> Iterator[None]:
        """List the typo buckets ahead of the lookups, a step at a time (Buckets.fill)."""
        return self._vocab.fill_buckets()

    def guesses(self, word: str, budget: int | None = None) -> list[str]:
        """Words the full-text search can look for in place of `word` (one no article
        holds): one per term within its typo budget, fewest typos first, then the terms
        most articles hold. Stems are shorter than words, so a term can be nearer than the
        words it stands for ("recip" of "recipe" and "recipi" of "recipients"): see
        `closest`, which checks the words the text really holds."""
        if not word.isalpha():
            return []
        budget = allowed_typos(word, self.policy) if budget is None else budget
        if not budget:
            return []
        # term -> (typos, whether an ending was taken off, the typed stem it is near): the
        # word's own stem first on equal typos ("comissioner": "commission" before the
        # "commiss" of "comiss").
        near: dict[str, tuple[int, int, str]] = {}
        for k, stem in enumerate(typed_stems(word)):
            # The stem without an ending may be a term as it is ("eventual": "eventu").
            exact = [(stem, 0)] if k and stem in self.docs else []
            for term, typos in (*exact, *self._vocab.near(stem, budget)):
                entry = (typos, min(k, 1), stem)
                if term not in near or entry[:2] < near[term][:2]:
                    near[term] = entry
        p = self.policy
        order = sorted(near, key=lambda t: (*near[t][:2], -self.docs[t], t))
        if p.spelling_english_first and len(order) > p.spelling_guesses:
            # Within the groups of equal typos the guesses come from, the word each term
            # would be typed as, English words first (Policy.spelling_english_first).
            last = near[order[p.spelling_guesses - 1]][:2]
            tied = [t for t in order if near[t][:2] <= last]
            form = {t: surface(t, word, near[t][2], p) for t in tied}
            order = sorted(
                tied, key=lambda t: (*near[t][:2], -bool(zipf(form[t] or "")), -self.docs[t], t)
            )
            found = (form[t] for t in order[: p.spelling_guesses])
        else:
            found = (surface(t, word, near[t][2], p) for t in order[: p.spelling_guesses])
        return [g for g in dict.fromkeys(found) if g]

    def edits(self, word: str) -> list[list[str]]:
        """Words one edit from `word` as typed (a letter dropped, added, changed, or two
        side by side swapped, after a term it starts with) that the
        tokenizer stems to a term the text holds, grouped by term, those whose term most
        articles hold first. The terms are stems, and a typo can move a word's stem further
        than the word: "readng" is "readng" to porter but "reading" is "read"; "celebratte"
        is "celebratt", two letters past "celebr". One edit on the word itself finds them
        where `guesses`, near the stem, cannot. Which form of a term was meant is the
        caller's to read from the text (`closest`). A word of everyday English (english.py's
        list) is no typo but a word the library lacks ("sneakers" is no "speakers"): none of
        the 42 words the search corrected in answerable questions of the tune material was
        one, 10 of the 14 in unrelated ones were (bench/README.md, "ranking and confidence,
        fifth pass"); it also spares the work for the many English words of a question a
        library does not hold."""
        if not word.isalpha() or not allowed_typos(word, self.policy) or zipf(word):
            return []
        # A slip past the stem leaves the stem typed: "read" of "readng", "celebr" of
        # "celebratte"; the edits are made after it. Most names a library lacks start with
        # no held term of 4 letters or more, and no edit is made for them (ask CPU). A
        # slip inside the stem leaves only its start typed ("watc" of "watcihng", "depl"
        # of "deplyoed", porter's "deploi"): a term starting so will do
        # (Policy.spelling_edit_prefix).
        k = next((k for k in range(_STEM_TYPED, len(word)) if self._starts(word[:k])), 0)
        if not k:
            return []
        found: dict[str, list[str]] = {}
        own = porter(word)
        cands = [word[:k] + v for v in _one_edit(word[k:])]
        # One call into the stemmer for the hundred or two strings.
        for cand, term in zip(cands, _PORTER.stemWords(cands), strict=True):
            if term in self.docs and term != own:
                found.setdefault(term, []).append(cand)
        order = sorted(found, key=lambda t: (-self.docs[t], t))
        n = self.policy.spelling_guesses
        return [sorted(found[t])[:n] for t in order[:n]]

    def _starts(self, typed: str) -> bool:
        """Whether `typed` is a term, or (Policy.spelling_edit_prefix) starts one."""
        if typed in self.docs:
            return True
        return bool(self.policy.spelling_edit_prefix and self._vocab.prefixed(typed, 1))

    def splits(self, word: str) -> list[str]:
        """Two words the text holds that `word` (one no article holds) may be typed for,
        run together: "coop" for "co-op" (which the tokenizer reads as "co" "op"),
        "hearingaids" for "hearing aids". A run-together word has no typo to correct, so
        the typo budget never finds these. Each part has two letters or more and one is
        no stopword ("isit"); the ones whose rarer part most articles hold come first.
        Whether some article writes the two side by side is the caller's to count."""
        if not word.isalpha() or len(word) < 2 * _SPLIT_PART:
            return []
        found: list[tuple[int, str]] = []
        for i in range(_SPLIT_PART, len(word) - _SPLIT_PART + 1):
            a, b = word[:i], word[i:]
            if a in STOPWORDS and b in STOPWORDS:
                continue
            held = min(self.docs.get(porter(a), 0), self.docs.get(porter(b), 0))
            if held:
                found.append((-held, f"{a} {b}"))
        return [pair for _, pair in sorted(found)[: self.policy.spelling_guesses]]


def function_word(word: str) -> str | None:
    """The function word `word` is with two letters side by side swapped ("teh" for "the",
    "adn" for "and", "waht" for "what"), for a word of at least three letters that is no
    English word; None otherwise. Such a slip asks nothing: read as the function word, it
    weighs nothing, where left as typed it weighs as a word no article holds and makes the
    question look as if the library lacked its topic ("which editors use delve under teh
    hood?", fresh8, refused). A typo budget never reaches it: words of up to
    Policy.typo_free_letters must be typed exactly. The caller checks that no article
    holds the word (a name such as "Teh" stays a name)."""
    if len(word) < 3 or not word.isalpha() or zipf(word):
        return None
    for i in range(len(word) - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if swapped != word and swapped in STOPWORDS:
            return swapped
    return None


def _one_edit(word: str) -> set[str]:
    """Every string one edit from `word`: a letter dropped, added or changed, or two side
    by side swapped (Norvig's spelling corrector's edits1)."""
    cut = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    dropped = {a + b[1:] for a, b in cut if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in cut if len(b) > 1}
    changed = {a + c + b[1:] for a, b in cut if b for c in _LETTERS}
    added = {a + c + b for a, b in cut for c in _LETTERS}
    return (dropped | swapped | changed | added) - {word}


def typed_stems(word: str) -> list[str]:
    """The porter terms a mistyped word may stand for: its own stem, then its stem without
    each English ending it has. Porter takes an ending off only after enough vowel-consonant
    runs, so a dropped vowel keeps it on: "publsher" stays "publsher" while "publisher" is
    "publish", and "diffrence" keeps the "ence" that "difference" ("differ") loses; without
    the ending, "publsh" and "diffr" are within a typo of the terms the text holds. The
    correction must still be within the typo budget as written (see `closest`)."""
    out = [porter(word)]
    for ending in _TYPED_ENDINGS.split():
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            out.append(porter(word[: -len(ending)]))
    return list(dict.fromkeys(out))


def closest(
    typed: str, held: list[str], policy: Policy = DEFAULT, budget: int | None = None
) -> str | None:
    """Of the words the text holds (as written, in any case), the one nearest `typed` within
    its typo budget (or `budget`), folded; None when none is that near."""
    budget = allowed_typos(typed, policy) if budget is None else budget
    best: tuple[int, str] | None = None
    for w in dict.fromkeys(fold(h) for h in held):
        if w == typed or not w.isalpha():
            continue
        d = OSA.distance(typed, w, score_cutoff=budget)
        if d <= budget and (best is None or d < best[0]):
            best = (d, w)
    return best[1] if best else None


def surface(term: str, typed: str, typed_stem: str, policy: Policy = DEFAULT) -> str | None:
    """A word the porter tokenizer stems to `term`, the one nearest the typed word: the
    term (or its -i as -y) with the typed word's own ending ("housholds" -> "households"),
    its last few letters ("screnings" -> "screenings", where porter stemmed the typed word
    to "screne") or a common ending; on equal typos an English word first ("actiev" ->
    "active", not "activ"), else in that order. Only the nearest can be a correction
    within the typo budget (`closest`); a form the typo does not reach is no help."""
    tails = [typed[len(typed_stem) :]] if typed.startswith(typed_stem) else []
    if policy.spelling_typed_tails:
        tails += [typed[-k:] for k in range(1, min(policy.spelling_typed_tails, len(typed)) + 1)]
    bases = [
        term,
        *([term[:-1] + "y"] if term.endswith("i") and policy.spelling_typed_tails else []),
    ]
    candidates = [b + t for b in bases for t in (*tails, *_ENDINGS)]
    if term.endswith("i"):
        candidates.append(term[:-1] + "y")
    held = [c for c in dict.fromkeys(candidates) if porter(c) == term]
    if not policy.spelling_typed_tails:
        return next(iter(held), None)
    return min(held, key=lambda c: (OSA.distance(typed, c), not zipf(c)), default=None)
