"""What the parser makes of a message: the Query every later stage reads, its Terms, the
kind of question (`question_kind`) and what a request asks of an article or of the
library (the `Query.wants` kinds). Apart from the parser (parse.py and the request
readers it calls, article_asks.py and library_asks.py) so the stages that only read a
Query need not import the parsing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Protocol

from bot.search.period import Named
from bot.search.question_words import YES_NO_START
from bot.search.stem import stem
from bot.search.words import STOPWORDS, fold

# What a request may ask of an article itself rather than of its text (Query.wants):
# its summary ("summarise the solar co-op one", "tl;dr hearing aids"), its author and
# date ("who wrote the coral article?", "when was that published?"), or any article
# ("surprise me"). Closed classes of English: the words that ask, never the topics.
SUMMARY = "summary"
BYLINE = "byline"
LINK = "link"
RELATED = "related"
RANDOM = "random"
AUTHORED = "authored"  # the other articles of the conversation's article's author
QUOTE = "quote"  # a quote of the article ("give me a quote from it"): its card, sure
SHOWN = "shown"  # the article itself pointed at to look at ("check this out"): its card
COMPARE = "compare"  # two articles asked side by side ("compare A with B"; Query.compared)
# Those answered from the conversation's article when the request names none.
ARTICLE_ASKS = frozenset([SUMMARY, BYLINE, LINK, RELATED, AUTHORED, QUOTE, SHOWN])
LIBRARY = "library"  # not of an article: what the library holds ("what topics do you cover?")
LISTED = "listed"  # a topic's articles counted or listed ("how many posts about rust?")


_CUES = tuple(
    (cue, re.compile(rf"\b{cue}(?:'s|s)?\b")) for cue in ("who", "when", "where", "why", "how")
)
# ("what version" is no time: it asks for a version number, as "which version" does; see
# answer_type's nouns after "what")
_WHAT_TIME = re.compile(r"\bwhat (?:year|date|day|month)\b")
_WHAT = re.compile(r"\b(?:what|which|whats)\b")


def question_kind(text: str) -> str | None:
    """What kind of answer a question wants: "number" (how many/much/long…), "who", "when",
    "where", "why", "how", "what" (what/which), "yesno" (is/does/can… first), or None.

    The passage stage looks for a sentence of that kind (a name for "who", a number for
    "number"); "what" and "yesno" name no kind of sentence.
    """
    return kind_of_folded(fold(text))


def kind_of_folded(q: str) -> str | None:
    """question_kind of folded text.

    The question word is the first one: a later "when", "who", "where" or "how" opens a
    clause inside the question, not the question ("where was cruz sitting when the agents
    pulled up", "what does she want to be when she grows up", "the streamer who noticed…").
    On one word, "how many" before "how" and "what year" before "what"."""
    found = [
        (m.start(), rank, cue)
        for rank, (cue, pattern) in enumerate(
            (("number", _HOW_MUCH), *_CUES, ("when", _WHAT_TIME), ("what", _WHAT))
        )
        if (m := pattern.search(q)) is not None
    ]
    if found:
        return min(found)[2]
    first = q.split(maxsplit=1)[:1]
    if first and first[0] in YES_NO_START:
        return "yesno"
    return None


@dataclass(frozen=True, slots=True)
class Terms:
    """A question's content words as passages match them: folded, and stemmed, in order."""

    words: tuple[str, ...] = ()
    stems: tuple[str, ...] = ()  # stems[i] is the stem of words[i]

    def weights(self, idf: Mapping[str, float] | None = None) -> dict[str, float]:
        """Each distinct stem with its weight: the highest library idf (by folded word) of
        the words it stands for, 1.0 for a word `idf` does not know (or without `idf`)."""
        known = idf or {}
        out: dict[str, float] = {}
        for w, s in zip(self.words, self.stems, strict=True):
            out[s] = max(out.get(s, 0.0), known.get(w, 1.0))
        return out


def terms_of(ws: list[str]) -> Terms:
    kept = tuple(content_words(ws))
    return Terms(kept, tuple(stem(w) for w in kept))


# Words that make "how" ask for a measure: "how many", "how long", "how big"… They say
# what kind of answer is wanted (see question_kind), not what it is about. The English
# words of degree that "how" asks about (size, extent, age, speed, frequency, cost,
# temperature: "how hot did the water get"), the
# whole class rather than the ones a question set used.
_MEASURED = (
    *("many", "much", "long", "often", "old", "big", "fast", "far", "large", "tall", "high"),
    *("deep", "wide", "heavy", "small", "short", "expensive", "frequently", "recent"),
    # (not "cool": "how cool is that" is an exclamation far more often than a measure)
    *("hot", "cold", "warm"),
    "recently",
)
HOW_MEASURES = frozenset([*_MEASURED, "soon"])
# "how soon" asks for a time (the "how" cue), the others for a number.
_HOW_MUCH = re.compile(rf"\bhow (?:{'|'.join(_MEASURED)})\b")


def content_words(ws: list[str]) -> list[str]:
    """The words that say what a query is about: not stopwords, nor the measure word of
    "how many", "how long"…"""
    return [
        w
        for i, w in enumerate(ws)
        if w not in STOPWORDS and not (i and ws[i - 1] == "how" and w in HOW_MEASURES)
    ]


@dataclass(frozen=True, slots=True)
class Query:
    """A query split once into free text, words, filters and what kind of question it is."""

    raw: str  # as typed, made printable and cut to length
    text: str = ""  # the free text, without filters and quote marks
    words: tuple[str, ...] = ()  # folded words of the free text (the first 2 x max_terms)
    content: tuple[str, ...] = ()  # words minus stopwords (the first max_terms)
    phrases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # resolved names ("" when unresolved)
    authors: tuple[str, ...] = ()
    dates: tuple[tuple[str, str], ...] = ()  # `date:` filters' ISO bounds ("" "": no date)
    typed: tuple[str, ...] = ()  # every word of the free text (words holds the first ones)
    folded: str = ""  # the free text folded, for tag names
    terms: Terms = field(default_factory=Terms)  # the question's words as passages match them
    kind: str | None = None  # see question_kind
    asks: bool = False  # reads as a natural question: answered like `ask`
    opens_question: bool = False  # starts with a question word and has 2+ content words
    sentence: bool = False  # many content words joined by function words: a description
    without_listing: Query | None = None  # the reading without "posts", "tutorial"…
    without_recency: Query | None = None  # the reading without "latest", "newest"…
    social: str | None = None  # small talk: "thanks", "farewell", "greeting", "praise"…
    newest: bool = False  # asks for the newest articles ("what's new?")
    # The period whose articles are asked for ("articles from 2021"; see asks_period).
    period: Named | None = None
    # A topic's articles of a period ("rust posts from 2019", "latest go release in 2023";
    # see within_period): the period, and the reading without its words, naming the topic.
    within: Named | None = None
    dated: Query | None = None
    # What is asked of an article itself (SUMMARY, BYLINE, RANDOM; see SUMMARY_WORDS),
    # and the reading without the words that ask it: the words naming the article.
    wants: str | None = None
    topic: Query | None = None
    # Two things asked side by side ("compare A with B", "the difference between A and
    # B", "A vs B"): the reading of each (see parse._compared).
    compared: tuple[Query, Query] | None = None

    @property
    def title_key(self) -> str:
        """The free text as a title's key (see LibraryIndex.exact_title)."""
        return " ".join(self.typed)

    @property
    def has_filters(self) -> bool:
        return bool(self.phrases or self.tags or self.authors or self.dates)

    @property
    def empty(self) -> bool:
        return not self.words and not self.has_filters

    @property
    def joined(self) -> list[tuple[str, str, str]]:
        """Adjacent content words the library may write as one: ("web", "assembly",
        "webassembly"), ("go", "fmt", "gofmt"). Like Meilisearch, the engine also looks
        for the concatenation of two words typed apart."""
        keep = set(self.content)
        return [
            (a, b, a + b)
            for a, b in zip(self.words, self.words[1:], strict=False)
            if a in keep and b in keep and a != b and (a + b).isalnum() and len(a + b) >= 4
        ]

    def corrected(self, fixes: Mapping[str, str]) -> Query:
        """This query with the typos the retrieval corrected ("tennesee" -> "tennessee")
        in the words later stages read; as typed in `raw`."""
        if not fixes:
            return self

        def fix(ws: tuple[str, ...], content: bool = False) -> tuple[str, ...]:
            # A run-together word's correction is two words ("coop" -> "co op"); a function
            # word typed with a slip ("teh") is no content word once read as one ("the").
            parts = (part for w in ws for part in fixes.get(w, w).split())
            return tuple(p for p in parts if not (content and p in STOPWORDS))

        kept = fix(self.terms.words, content=True)
        return replace(
            self,
            words=fix(self.words),
            content=fix(self.content, content=True),
            typed=fix(self.typed),
            terms=Terms(kept, tuple(stem(w) for w in kept)),
        )

    @property
    def may_be_question(self) -> bool:
        """Worth answering as a question when nothing matches it as keywords: a short query
        opening with a question word ("who founded X"), or a description."""
        return bool(self.words) and not self.has_filters and (self.opens_question or self.sentence)


# resolve(kind, words) -> (name or None, how many of the words the name used)
Resolver = Callable[[str, list[str]], tuple[str | None, int]]


class Rereading(Protocol):
    """The query being parsed read again without the words in `drop` (parse._without
    bound to that query): how the request readers (article_asks, library_asks) name what
    is left once the words asking are gone, without importing the parser that imports
    them."""

    def __call__(self, drop: frozenset[str], *, listing: bool, recency: bool) -> Query | None: ...
