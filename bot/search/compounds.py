"""Words a question types in one form and a text writes in another: a compound joined,
hyphenated or apart ("frontend", "front-end", "front end"), and an acronym or the words it
stands for ("HR", "human resources"; see acronyms.py). One reading (`Forms`, made by
`forms_of`) serves every stage: the full-text search's expressions (retrieve.py), the
rerank's word counts and its sentence and title matching (rerank.py, irregular.py).

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
from collections.abc import Container, Mapping
from dataclasses import dataclass, field

from bot.search.policy import Policy
from bot.search.query import Query
from bot.search.stem import stem
from bot.search.words import STOPWORDS, fold, fts_quote

_HYPHENATED = re.compile(r"(?<![\w-])([^\W_]+)-([^\W_]+)(?![\w-])")
# English prefixes a writer may set off with a hyphen or join ("re-written" / "rewritten",
# "co-founder" / "cofounder", "pre-release" / "prerelease", "non-profit" / "nonprofit"):
# the closed class, too short or too rare as words for `split`'s vocabulary test.
_PREFIXES = ("re", "co", "pre", "non", "anti", "multi", "sub", "semi")


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


def prefixed(word: str, vocab: Container[str], rest: int) -> tuple[str, str] | None:
    """`word` as an English prefix (_PREFIXES) and a word of `vocab` at least `rest`
    letters long ("rewritten" -> ("re", "written")), which a text may hyphenate; None for
    no such reading or `rest` 0."""
    if not rest or not word.isalpha():
        return None
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= rest:
            tail = word[len(p) :]
            if tail in vocab and tail not in STOPWORDS:
                return p, tail
    return None


def hyphenated(text: str) -> set[tuple[str, str]]:
    """The pairs of words `text` joins with one hyphen ("front-end" -> ("front", "end")),
    folded; not the parts of a longer hyphenated run ("state-of-the-art")."""
    return {(a, b) for a, b in _HYPHENATED.findall(fold(text))}


@dataclass(frozen=True, slots=True)
class Forms:
    """A question's words as a text may write them otherwise.

    `phrases`: a content word -> the other forms (folded words, space-separated) a text
    may write it in: "frontend" -> ("front end",); "front" and "end" -> ("frontend",) for
    "front-end"; "hr" -> ("human resources",), and "human", "resources" -> ("hr",).
    `stems`: such a form as the sentence stems write it -> the question's stems it stands
    for: "front end" -> ("frontend",), "frontend" -> ("front", "end").
    `hyphens`: the pairs the question hyphenates (for titles written as one word)."""

    phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    stems: dict[str, tuple[str, ...]] = field(default_factory=dict)
    hyphens: frozenset[tuple[str, str]] = frozenset()

    def expr(self, word: str, expr: str) -> str:
        """`word`'s FTS5 expression `expr`, matching its other forms too."""
        others = self.phrases.get(word)
        if not others:
            return expr
        return "(" + " OR ".join([expr, *map(fts_quote, others)]) + ")"


def _stems(phrase: str) -> str:
    return " ".join(stem(w) for w in phrase.split() if w not in STOPWORDS)


def forms_of(
    q: Query,
    vocab: Container[str],
    policy: Policy,
    acronyms: Mapping[tuple[str, ...], tuple[str, ...]] | None = None,
) -> Forms:
    """The question's other forms (see Forms). `vocab`: the library's title and description
    words (for `split`); `acronyms`: what acronyms.learn found for the question's words,
    (words as the question types them) -> (the form the library writes them in,) (an
    empty tuple: looked for, none). Compounds are off with 0 compound_part_letters."""
    phrases: dict[str, list[str]] = {}
    stems: dict[str, tuple[str, ...]] = {}

    def add(word: str, form: str, stands_for: tuple[str, ...]) -> None:
        if form not in phrases.setdefault(word, []):
            phrases[word].append(form)
        stems.setdefault(_stems(form), stands_for)

    part = policy.compound_part_letters
    hyphens: set[tuple[str, str]] = set()
    if part:
        for w, t in zip(q.terms.words, q.terms.stems, strict=True):
            if two := split(w, vocab, policy.compound_letters, part):
                add(w, " ".join(two), (t,))
            elif two := prefixed(w, vocab, policy.prefix_rest_letters):
                # In sentences only, not the full text's phrases: FTS5 reads "we're
                # porting" as "re porting" (the sentence stems drop a contraction's "re"),
                # and "report" would count every such article.
                stems.setdefault(_stems(" ".join(two)), (t,))
        kept = set(q.content)
        for a, b in hyphenated(q.text):
            if a in kept and b in kept and (a + b).isalpha() and STOPWORDS.isdisjoint((a, b)):
                hyphens.add((a, b))
                add(a, a + b, (stem(a), stem(b)))
                add(b, a + b, (stem(a), stem(b)))
    for typed, (form, *_) in ((k, v) for k, v in (acronyms or {}).items() if v):
        stands_for = tuple(stem(w) for w in typed)
        for w in typed:
            add(w, form, stands_for)
    return Forms({w: tuple(fs) for w, fs in phrases.items()}, stems, frozenset(hyphens))
