"""Who does what: a light reading of a question's subject and verb, and whether a sentence
says it with the same subject doing the same verb (svo23; a bench feature of
learn_rerank.py, measured and not wired into the bot: bench/README.md "svo23").

No parser: English word order and its closed classes only. A question "why did the Rust
team remove X" puts its subject between the auxiliary and the verb, and a question "who
leads X" puts its verb right after the wh-word; without parts of speech the split between
subject and verb is not known from the question alone, so each split is tried against the
sentence: the sentence agrees when, inside one clause, a word of the question's subject
comes before its first finite verb and that verb is the question's ("The Rust team
removed X", "Amanieu d'Antras leads the design of inline assembly"), not when it only
holds the words ("a design that leads to ...", "the removal of X by the team").
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.search.question_words import QUESTION_WORDS, YES_NO_START
from bot.search.sentence_spans import tokens

_WH = QUESTION_WORDS
# Auxiliaries, copulas and modals: in a question, what the subject follows; in a sentence,
# the finite verb a participle or infinitive hangs on ("has removed", "will be removed").
_AUX = YES_NO_START | frozenset(
    ["am", "be", "been", "being", "had", "shall", "may", "might", "must"]
)
# Words that may stand between an auxiliary and its verb ("has also removed", "did not").
_BETWEEN = frozenset(["not", "also", "now", "already", "just", "still", "never", "n't", "no"])
# A word right after one of these is a noun or a noun's modifier, not a finite verb ("the
# leads", "of design").
_NOT_BEFORE_VERB = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "of",
        "in",
        "on",
        "at",
        "for",
        "to",
        "with",
        "by",
        "from",
        "into",
        "about",
    ]
)
# Where a question's verb phrase ends: a subordinate clause ("what does X do when ...").
_QUESTION_STOP = frozenset(["when", "if", "because", "while", "after", "before", "since"])
# Where a sentence's clause may begin besides its first word: after a comma, a semicolon
# or a colon, or one of these.
_CLAUSE_OPENERS = frozenset(["that", "which", "who", "and", "but", "because", "so", "when"])
# A question's wh-word is at most this many words in ("so, in which year did ...").
_WH_WITHIN = 3
# A wh-phrase names at most this many words before the auxiliary ("how many crates did").
_WH_PHRASE = 3
# A sentence's subject runs at most this many words before its finite verb, its object
# at most this many after it.
_SUBJECT_WORDS = 8
# A question's subject runs at most this many content words before its verb.
_SUBJECT_ASKED = 4
_OBJECT_WORDS = 8


@dataclass(frozen=True)
class Asked:
    """A question's words after its wh-word, in order (stems; "" for a stopword), and
    whether its subject comes first (an auxiliary follows the wh-phrase: "why did X
    remove Y") or is the wh-word itself ("who leads X")."""

    rest: tuple[str, ...]
    subject_first: bool


def asked(question: str) -> Asked | None:
    """The question's shape (see Asked), or None when it is no wh-question with a verb
    ("what is X" keeps only its copula: nothing to agree on)."""
    t = tokens(question)
    folded = t.folded
    wh = next((k for k in range(min(_WH_WITHIN, len(folded))) if folded[k] in _WH), None)
    if wh is None:
        return None
    aux = next(
        (k for k in range(wh + 1, min(wh + 2 + _WH_PHRASE, len(folded))) if folded[k] in _AUX),
        None,
    )
    start = (aux if aux is not None else wh) + 1
    end = next((k for k in range(start, len(folded)) if folded[k] in _QUESTION_STOP), len(folded))
    rest = tuple(s for s in t.stems[start:end] if s)
    if aux is not None and len(rest) < 2 or aux is None and not rest:
        return None
    return Asked(rest, aux is not None)


def agrees(a: Asked, sentence: str) -> float:
    """The share of the question's words the sentence holds in a clause where the
    question's subject is the subject of the question's verb (see the module docstring);
    0.0 when no clause agrees. Subject first: a word of rest[:i] in the subject, rest[i] its
    finite verb; subject the wh-word: rest[i] a finite verb with a word of rest[i+1:] in
    its object."""
    t = tokens(sentence)
    stems, folded, text = t.stems, t.folded, sentence
    n = len(stems)
    wanted = set(a.rest)
    best = 0.0
    for k in range(1, n):
        s = stems[k]
        if not s or s not in wanted or folded[k - 1] in _NOT_BEFORE_VERB:
            continue
        if not text[t.starts[k]].islower():
            continue  # (a capitalised word mid-sentence is a name's, not a verb)
        # the finite verb's subject: back over an auxiliary chain, then to the clause's start
        j = k
        while j > 0 and (folded[j - 1] in _AUX or _between(folded[j - 1])):
            j -= 1
        i = j
        while i > 0 and j - i < _SUBJECT_WORDS and not _breaks(text, t, i):
            if folded[i - 1] in _AUX:
                break  # a finite verb before: k is not the clause's first
            i -= 1
        if i == j or (j == k and not _finite_form(folded[k])):
            continue
        subject = set(stems[i:j])
        e = k + 1
        while e < n and e - k <= _OBJECT_WORDS and not _breaks(text, t, e):
            e += 1
        obj = set(stems[k + 1 : e])
        for v in (p for p, x in enumerate(a.rest) if x == s):
            if a.subject_first:
                # the subject's last word (its head) before the verb, as the question has it
                ok = 1 <= v <= _SUBJECT_ASKED and a.rest[v - 1] in subject
            else:
                # right after the wh-word, or after its noun ("which companies formed")
                ok = v <= 1 and not obj.isdisjoint(a.rest[v + 1 :])
            if ok:
                held = wanted & (subject | {s} | obj)
                best = max(best, len(held) / len(wanted))
    return best


def _between(word: str) -> bool:
    """Whether a word may stand inside a verb chain: a negation or an adverb ("has also
    removed", "is currently considering")."""
    return word in _BETWEEN or (len(word) > 4 and word.endswith("ly"))


def _finite_form(word: str) -> bool:
    """Whether a word without an auxiliary before it is written as a finite verb can be:
    a past in "-ed" or a third person in "-s" ("removed", "leads"; not "glass", "bonus",
    "analysis"). A bare stem is as often a noun or a modifier ("the old borrow checker")."""
    return word.endswith("ed") or (
        len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    )


def _breaks(text: str, t, k: int) -> bool:
    """Whether a clause may begin at word k: punctuation other than a space or hyphen
    before it, or a clause opener at it."""
    if k == 0:
        return True
    between = text[t.ends[k - 1] : t.starts[k]]
    return (between.strip() not in ("", "-", "'", "’", '"', "“", "”")) or t.folded[
        k
    ] in _CLAUSE_OPENERS
