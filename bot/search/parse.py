"""The first stage: what a member typed, parsed once into a Query the later stages read.

A Query carries the free text's words, its content words and their stems, the filters
(`tag:`, `author:`, "exact phrases"), the kind of question (who, when, how many…), and
the readings the words allow: without the words that name what a library holds ("blog
posts about…") and without the words that ask for the newest ("latest go release"). The
later stages choose between readings by how well each matches; nothing downstream splits
the question into words again. A request of an article itself rather than of its text
("summarise the coral article", "who wrote it?", "surprise me", "articles by NAME") is
read from closed classes of request words (`wants`), the rest kept as the reading that
names the article (`topic`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import OSA

from bot.search import ordinals
from bot.search.followup import POINTERS
from bot.search.framing import (
    without_correction,
    without_laughter,
    without_preamble,
    without_request_frame,
)
from bot.search.period import (
    JOINING,
    Named,
    filter_dates,
    introduced,
    read_period,
)
from bot.search.policy import DEFAULT, Policy
from bot.search.question_words import (
    LISTING_WORDS,
    PERIOD_NOUNS,
    QUESTION_START,
    QUESTION_WORDS,
    RECENCY_WORDS,
    REQUEST_WORDS,
    YES_NO_START,
)
from bot.search.social import social_kind
from bot.search.stem import stem
from bot.search.typed import clip
from bot.search.words import STOPWORDS, fold, folded_words, fts_terms, words

# Words asking for the newest articles ("what's new?", "show me the most recent posts",
# "anything added lately"): a request made only of these and stopwords, with one of
# NEWEST_WORDS, lists the newest articles. Listing, time and request words only. "News"
# is what is new ("any news?", "🦀 news?": "could not find" and a did-you-mean before).
NEWEST_WORDS = frozenset(
    ["new", "newest", "latest", "recent", "recently", "lately", "fresh", "news"]
)
_NEWS_REQUEST = REQUEST_WORDS | frozenset(
    [
        *("added", "published", "posted", "written", "released", "out", "today", "yesterday"),
        *("week", "weeks", "month", "months", "day", "days", "last", "past", "since"),
        *("updates", "update", "happening", "happened", "come", "came"),
    ]
)
# The words of _NEWS_REQUEST that only say when, not what to list ("since", "last").
_NEWS_TIME = frozenset(
    ["today", "yesterday", "week", "weeks", "month", "months", "day", "days", "last", "past"]
) | frozenset(["since"])
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
SUMMARY_WORDS = frozenset(
    [
        *("summary", "summaries", "summarise", "summarize", "summarised", "summarized"),
        *("summarising", "summarizing", "tldr", "gist", "recap", "overview", "synopsis"),
        *("nutshell", "rundown"),
    ]
)
# "tl;dr", "sum it up", "in a nutshell": a summary asked for in several words, read as
# the one word "tldr" (a summary word) before the words are split.
_SUMMARY_PHRASE = re.compile(
    r"(?i)\btl\s*[;:,.]?\s*dr\b|\bsum(?:s|med|ming)?\s+(?:(?:it|this|that|them)\s+)?up\b"
    r"|\bin\s+a\s+nutshell\b"
)
# How long a summary is asked to be ("summarise it in one line", "the gist in a few
# words", "tl;dr in 2 sentences"): the length of the reply, no topic. Left out only
# beside a word asking for a summary: "the poem in three lines" may name a text's words.
_SUMMARY_LENGTH = re.compile(
    r"(?i)\b(?:in|into|within|using)\s+(?:just\s+|only\s+)?"
    r"(?:one|a|an|1|two|2|three|3|four|4|five|5|a\s+few|few|a\s+couple(?:\s+of)?)\s+"
    r"(?:short\s+)?(?:lines?|sentences?|words?|paragraphs?|bullet\s+points?|bullets?)\b"
)
# "More like this", "articles like the coral one": "like" after a word for articles or
# for more, read as "similar" (a RELATED_WORDS word) before the words are split ("what
# is it like" keeps its "like").
_RELATED_PHRASE = re.compile(
    r"(?i)\b(more|others?|ones?|anything|something|articles?|posts?|stor(?:y|ies))\s+like\b"
)
# "Any others?", "are there other ones?", "got any other articles?": "others" (or "other"
# and a word for articles) as the whole request, after at most a request to have some,
# stands for other articles like the one just discussed: read as "similar". As
# part of a question ("who were the others?", "what did the others say") it asks of the
# text.
_OTHERS_ALONE = re.compile(
    r"(?i)^\s*(?:(?:are|were) there|(?:have )?(?:you )?got|show me|give me)?\s*(?:any|some)?\s*"
    r"(?:others|other (?:ones|articles|posts|stories))\s*[?.!]*\s*$"
)
RELATED_WORDS = frozenset(["similar", "related", "alike"])
# Words that may lead a request for articles like one, naming it with no listing word:
# "something similar to the bird count", "anything like the coral one", "more like it".
_RELATED_LEAD = REQUEST_WORDS | LISTING_WORDS | frozenset(["more", "other", "others"])
# "Source?", "what's the source": where the article came from, asked as its link (a
# "source" with words of its own, "the source of the leak", asks of the text: see
# _ASKED_OF_ARTICLE's named_only). Before, "source?" found "Source-based code coverage".
LINK_WORDS = frozenset(["link", "links", "url", "urls", "address", "source", "sources"])
# Words asking for a quote of an article ("give me a quote from it", "quote something
# from that post"): before, "quote" was searched ("rsc.io/quote" of "Using Go Modules"),
# or the card came as a "closest match" to the words "quote", "give".
QUOTE_WORDS = frozenset(["quote", "quotes", "quotation", "quotations"])
# Words telling someone to look at what is pointed at ("@everyone check this out", "look
# at this one", "see this"): with nothing else named, the conversation's article, shown
# as itself. Before, its words were searched ("look", "check") and the conversation's
# article came as a "closest match" that "may not answer", or nothing was found.
LOOK_WORDS = frozenset(["look", "check", "see", "out"])
_ABOUT = frozenset(["about"])  # "what is the heat pump article about?": its summary
# Words asking who wrote an article or when it came out (with a listing word or a
# pronoun standing for the article: "who wrote it?", "when was the heat pump story
# published?").
AUTHOR_WORDS = frozenset(
    [
        *("wrote", "written", "write", "writes", "writer", "author", "authors", "authored"),
        "byline",
    ]
)
BYLINE_WORDS = AUTHOR_WORDS | frozenset(["published", "publish", "posted", "date", "dated"])
# Kinds of question a byline can answer: not "how many posts were published", nor "why";
# and those a request for a summary is: "who did google's ai summary mix up…" asks of
# the text.
_BYLINE_KINDS = frozenset([None, "who", "when", "what", "yesno"])
_SUMMARY_KINDS = frozenset([None, "what", "yesno"])
_LINK_KINDS = frozenset([None, "what", "where", "yesno"])
# (what is asked, the words asking it, the kinds of question that may, whether the
# article must be named with a listing word when other words are left), in order.
_ASKED_OF_ARTICLE = (
    (SUMMARY, SUMMARY_WORDS, _SUMMARY_KINDS, False),
    (SUMMARY, _ABOUT, frozenset(["what"]), True),
    (BYLINE, BYLINE_WORDS, _BYLINE_KINDS, True),
    (LINK, LINK_WORDS, _LINK_KINDS, True),
    (QUOTE, QUOTE_WORDS, _SUMMARY_KINDS, True),
    (SHOWN, LOOK_WORDS, frozenset([None]), True),
    (RELATED, RELATED_WORDS, _SUMMARY_KINDS, True),
)
# Words asking what the library holds as a whole: "how many articles are there?", "what
# topics do you cover?", "list the tags": a request made only of these (with a word
# naming tags, or "many"/"number" with a listing word), listing, request and stopwords.
_TAG_WORDS = frozenset(
    ["tag", "tags", "topic", "topics", "subject", "subjects", "category", "categories"]
)
_COUNT_WORDS = frozenset(["many", "number", "count", "total"])
# Kinds asked of what is listed ("what kind of articles do you have", "what sorts of
# stories are there"): the library's shape, as a count is; before, the help reply.
_KIND_WORDS = frozenset(["kind", "kinds", "sort", "sorts", "type", "types"])
# The bot's library named as its own ("what's in your library"): the library asked, not
# a "library of things" (no "your").
_HOLDER = frozenset(["library", "collection"])
_SECOND_PERSON = frozenset(["you", "your", "yours", "u", "ur"])
_LIBRARY_REQUEST = frozenset(
    [
        *("cover", "covers", "covered", "have", "has", "hold", "holds", "library", "there"),
        *("available", "exist", "kinds", "kind", "sort", "sorts", "types", "type", "different"),
        *("use", "used", "write", "got", "overall", "altogether", "in", "total"),
        *("collection", "sorts"),
    ]
)
# A request for an author's articles: "articles by Rafael Quintero", "anything else by
# her?", "what has Hannah Brightwell written?". Read as the filter `author:NAME` when the
# words before "by" only ask (listing, request and stop words) and the name is an
# author's (each word typed is a word of the name: no fuzzy guess at a name); when the
# name is only a pronoun ("more by her", "what else did she write?"), as AUTHORED.
_BY_NAME = re.compile(r"(?i)^(?P<lead>(?:\S+\s+)*?)by\s+(?P<name>[^?!.]+?)\s*[?!.]*$")
_WHAT_WROTE = re.compile(
    r"(?i)^what\s+(?:else\s+)?(?:has|have|did)\s+(?P<name>.+?)\s+"
    r"(?:written|write|wrote|published|publish)(?:\s+else)?\s*[?!.]*$"
)
# A request for a tag's articles in plain words: "articles tagged favorite", "posts
# labelled with release team". Read as the filter `tag:NAME` when the words before only
# ask and every word after names the library's tag; the participle is the closed class.
_TAGGED = re.compile(
    r"(?i)^(?P<lead>(?:\S+\s+)*?)(?:tagged|labell?ed)\s+(?:with\s+|as\s+)?"
    r"(?P<name>[^?!.]+?)\s*[?!.]*$"
)
_BY_LEAD = frozenset(["else", "more", "other", "others", "written", "wrote", "published"])
_SAME_AUTHOR = frozenset(["same", "author", "writer", "person"])
# Words asking for any article ("random article", "surprise me", "i'm feeling lucky"),
# and those that do with a listing word ("pick an article for me").
RANDOM_WORDS = frozenset(["random", "randomly", "surprise", "lucky"])
# "Surprise" asks only as the imperative ("surprise me", not "that does not surprise
# me"), "lucky" only as "feeling lucky" ("that was lucky" says something).
_RANDOM_PICK = frozenset(["pick", "choose"])
# ("im": "i'm" as folded, which STOPWORDS spells with its apostrophe.)
_RANDOM_REQUEST = REQUEST_WORDS | _RANDOM_PICK | frozenset(["feeling", "im", "read", "whatever"])
# Words that may come before the question word: "until which release", "since when".
_QUESTION_LEAD = frozenset(
    [
        "and",
        "so",
        "but",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "since",
        "until",
        "till",
        "to",
        "of",
        "with",
    ]
)

_FILTER = re.compile(
    r'(?i)(?<![\w:])(tag|author|by):(?:"([^"]*)"|“([^”]*)”|(\S+(?:\s+(?!\w+:)[^\s"“]+){0,3}))'
)
_PHRASE = re.compile(r'"([^"]+)"|“([^”]+)”')
# A filter with no name after it: "tag:" at the end, or before another filter.
_NAMELESS = re.compile(r"(?i)(?<![\w:])(tag|author|by|date):(?=\s*$|\s+\w+:)")
_NAME_EXAMPLES = {
    "tag": "tag:energy",
    "author": "author:smith",
    "by": "by:smith",
    "date": "date:2021 or date:2024-03",
}
# `date:2021`, `date:2024-03`, `date:2024-03-05`, `date:2019..2021` (see period.filter_dates).
_DATE_FILTER = re.compile(r"(?i)(?<![\w:])date:(\S+)")
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
    return _kind(fold(text))


def _kind(q: str) -> str | None:
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


def _terms(ws: list[str]) -> Terms:
    kept = tuple(_content(ws))
    return Terms(kept, tuple(stem(w) for w in kept))


# Words that make "how" ask for a measure: "how many", "how long", "how big"… They say
# what kind of answer is wanted (see question_kind), not what it is about. The English
# words of degree that "how" asks about (size, extent, age, speed, frequency, cost), the
# whole class rather than the ones a question set used.
_MEASURED = (
    *("many", "much", "long", "often", "old", "big", "fast", "far", "large", "tall", "high"),
    *("deep", "wide", "heavy", "small", "short", "expensive", "frequently", "recent"),
    "recently",
)
HOW_MEASURES = frozenset([*_MEASURED, "soon"])
# "how soon" asks for a time (the "how" cue), the others for a number.
_HOW_MUCH = re.compile(rf"\bhow (?:{'|'.join(_MEASURED)})\b")
# After "how", words no typo of "many"/"much" is read into ("how long", "how it works").
_NOT_AMOUNTS = STOPWORDS | HOW_MEASURES


def _content(ws: list[str]) -> list[str]:
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
    # see _within): the period, and the reading without its words, naming the topic.
    within: Named | None = None
    dated: Query | None = None
    # What is asked of an article itself (SUMMARY, BYLINE, RANDOM; see SUMMARY_WORDS),
    # and the reading without the words that ask it: the words naming the article.
    wants: str | None = None
    topic: Query | None = None
    # Two things asked side by side ("compare A with B", "the difference between A and
    # B", "A vs B"): the reading of each (see _compared).
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


_OPENING = re.compile(r"(\w+)(\s+)(\w+)")
_AMOUNT_WORDS = ("many", "much")


# Chat spellings of "please", read as the word ("link pls" asks for the link).
_PLEASE = re.compile(r"\b(?:pls|plz|plox)\b")
# "r" for "are" where a question's words around it leave no doubt: right after its
# question word, or after the noun of "how many/much NOUN", and before a stopword ("when r
# the layoffs", "how many articles r there"); "is r the best language" and "what
# packages in r are there" keep the letter.
_ARE = re.compile(r"^(?P<lead>how (?:many|much)(?: [^\W\d_]+)?|[a-z]+) r (?P<after>[^\W\d_']+)")


def _chat_spellings(folded: str) -> str:
    """Folded text with chat spellings of function words put right (see _PLEASE, _ARE)."""
    folded = _PLEASE.sub("please", folded)
    m = _ARE.match(folded)
    lead = m["lead"] if m else ""
    if m is None or m["after"] not in STOPWORDS:
        return folded
    if lead not in QUESTION_WORDS and not lead.startswith("how "):
        return folded
    return f"{lead} are {folded[m.start('after') :]}"


def _question_typos(folded: str) -> str:
    """Folded text with a mistyped question word put right, when the words around it
    leave no doubt it is one: "how meny stairs" asks how many, "wen did go 1 come out"
    and "wat is the atmosphere" ask when and what. A first word one typo from exactly one
    question word (all start with "w" or "h") counts only before an auxiliary verb or
    "many/much", so "hot dogs" and "way to go" stay as typed; the word after "how" only
    when it has four letters or more and is one typo from exactly one of "many" and
    "much" ("how man…" stays)."""
    m = _OPENING.match(folded)
    if m is None:
        return folded
    first, gap, second = m.groups()
    typed = first not in QUESTION_WORDS and first not in STOPWORDS and first[0] in "wh"
    if typed and (second in YES_NO_START or second in _AMOUNT_WORDS):
        near = [w for w in QUESTION_WORDS if OSA.distance(first, w) == 1]
        if len(near) == 1:
            first = near[0]
    if first == "how" and len(second) > 3 and second not in _NOT_AMOUNTS:
        near = [w for w in _AMOUNT_WORDS if OSA.distance(second, w) == 1]
        if len(near) == 1:
            second = near[0]
    return first + gap + second + folded[m.end() :]


def missing_name(text: str) -> str | None:
    """A one-line hint when `text` holds a filter with no name ("tag:", "author:"), else
    None: searching on would match the word "tag" or a title, not what was meant."""
    m = _NAMELESS.search(text)
    if m is None:
        bad = next((d for d in _DATE_FILTER.finditer(text) if not filter_dates(d[1])), None)
        if bad is None:
            return None
        return f"date:{bad[1]} is no date: {_WHAT_DATE}, e.g. {_NAME_EXAMPLES['date']}"
    key = m.group(1).lower()
    what = {"tag": "a tag name", "date": _WHAT_DATE}.get(key, "an author's name")
    return f"{key}: needs {what}, e.g. {_NAME_EXAMPLES[key]}"


_WHAT_DATE = "a year, month or day"


def _first_word(kind: str, ws: list[str]) -> tuple[str | None, int]:
    return (ws[0], 1) if ws else (None, 0)


def parse(raw: str, resolve: Resolver | None = None, policy: Policy = DEFAULT) -> Query:
    """Parse what was typed: `tag:NAME`, `author:NAME` and "exact phrases" apart from the
    free text, then its words, kind of question and readings.

    An unquoted name may run over several words ("author:rob pike"): `resolve` decides
    how many of the following words belong to it; the rest stay free text.
    """
    typed = clip(raw)
    framed = without_request_frame(without_preamble(typed))
    by, pointing = _by_author(framed, resolve) if resolve else (framed, False)
    by = _tagged(by, resolve) if resolve else by
    head, free = _filters(by, resolve or _first_word)
    head = replace(head, raw=typed)
    free = _RELATED_PHRASE.sub(r"\1 similar", _SUMMARY_PHRASE.sub("tldr", free))
    if not SUMMARY_WORDS.isdisjoint(folded_words(fold(free))):
        free = " ".join(_SUMMARY_LENGTH.sub(" ", free).split())
    free = _OTHERS_ALONE.sub("similar", without_laughter(without_correction(free)))
    folded = _question_typos(_chat_spellings(fold(free)))
    every = folded_words(folded)
    ranked = every[: policy.max_terms * 2]
    content = _content(ranked)[: policy.max_terms]
    q = _read(
        head, free, folded, every, ranked, content, policy, listing=True, recency=True, itself=True
    )
    if pointing:
        return replace(q, wants=AUTHORED, topic=None)
    plain = q.wants is None and q.period is None and q.within is None and not q.has_filters
    if plain and (topic := _topic_articles(head, free, typed, ranked, content, policy)):
        return replace(q, wants=LISTED, topic=topic)
    if q.has_filters or q.social or (pair := _compared(free, resolve, policy)) is None:
        return q
    return replace(q, compared=pair)


# Two things asked side by side: "compare A with B" (and, to, against, vs), "what's the
# difference between A and B", "A vs B". The grammar of comparing, never a topic: each
# side is searched as a question of its own, and a reply that showed one article (the
# side its words found surer) answered half of it.
_COMPARE = (
    re.compile(
        r"(?i)^\s*(?:compare|contrast)\s+(?P<a>.+?)\s+"
        r"(?:with|and|to|against|vs\.?|versus)\s+(?P<b>.+?)\s*[?!.]*\s*$"
    ),
    re.compile(
        r"(?i)^\s*(?:(?:what|whats|what's|what’s)(?:\s+is|\s+are)?\s+)?(?:the\s+)?"
        r"differences?\s+between\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)\s*[?!.]*\s*$"
    ),
)
# "A vs B": split at a "vs" or "versus" (see _versus_sides).
_VERSUS = re.compile(r"(?i)\s+(?:vs\.?|versus)\s+")
_END_MARKS = re.compile(r"\s*[?!.]*\s*$")


def _compared(free: str, resolve: Resolver | None, policy: Policy) -> tuple[Query, Query] | None:
    """The two sides of a comparison asked (see _COMPARE), each naming something (a word
    besides stopwords), else None."""
    texts: tuple[str, str] | None = None
    for pattern in _COMPARE:
        if (m := pattern.match(free)) is not None:
            texts = (m["a"], m["b"])
            break
    else:
        texts = _versus_sides(free)
    if texts is None:
        return None
    sides = (parse(texts[0], resolve, policy), parse(texts[1], resolve, policy))
    if all(side.content and side.compared is None for side in sides):
        return sides
    return None


def _versus_sides(free: str) -> tuple[str, str] | None:
    """The two sides of "A vs B", split at the first "vs" (or "versus") that follows a word
    naming a thing. After a function word "vs" opens a name, that word's object, not the
    second of two things: "debug go code in vs code", "enabled by default in VS Code" ask
    of the editor, as opinion.judged reads "use the vs code extension"."""
    for m in _VERSUS.finditer(free):
        a, b = free[: m.start()], _END_MARKS.sub("", free[m.end() :])
        before = folded_words(fold(a))
        if before and b and before[-1] not in STOPWORDS:
            return a, b
    return None


def _by_author(text: str, resolve: Resolver) -> tuple[str, bool]:
    """A request for an author's articles as the filter `author:"NAME"` ("articles by
    Rafael Quintero"), with whether it names the author by a pronoun only ("more by
    her?"); else the text as it was."""
    m = _BY_NAME.match(text) or _WHAT_WROTE.match(text)
    if m is None:
        return text, False
    lead = folded_words(fold(m.groupdict().get("lead") or ""))
    if not set(lead) <= _BY_LEAD | REQUEST_WORDS | LISTING_WORDS | STOPWORDS:
        return text, False
    name = folded_words(fold(m["name"]))
    if name and set(name) <= POINTERS | _SAME_AUTHOR | STOPWORDS:
        return text, True
    found, used = resolve("author", m["name"].split())
    if found is None or not set(name) <= set(folded_words(fold(found))):
        return text, False
    return f'author:"{found}"', False


def _tagged(text: str, resolve: Resolver) -> str:
    """A request for a tag's articles as the filter `tag:"NAME"` ("articles tagged
    favorite"), else the text as it was."""
    m = _TAGGED.match(text)
    if m is None:
        return text
    lead = folded_words(fold(m["lead"]))
    if not set(lead) <= REQUEST_WORDS | LISTING_WORDS | STOPWORDS:
        return text
    typed = m["name"].split()
    found, used = resolve("tag", typed)
    if found is not None and used < len(typed) and _names_tag(found, typed[:used]):
        # "stories tagged go from 2019": the tag's words, then a period; read as "stories
        # go from 2019", a topic's articles of a period (_within), which lists the tag's.
        rest = folded_words(fold(" ".join(typed[used:])))
        if read_period(rest) is not None:
            return f"{m['lead']}{' '.join(typed)}"
    if found is None or used < len(typed):
        return text
    if not _names_tag(found, typed):
        return text
    return f'tag:"{found}"'


def _names_tag(tag: str, typed: list[str]) -> bool:
    """Whether every word typed is a word of the tag's name (no fuzzy guess at a name)."""
    return set(folded_words(fold(" ".join(typed)))) <= set(folded_words(fold(tag)))


@dataclass(frozen=True, slots=True)
class _Head:
    """A query as typed (printable, cut to length) and its filters."""

    raw: str
    phrases: tuple[str, ...]
    tags: tuple[str, ...]
    authors: tuple[str, ...]
    dates: tuple[tuple[str, str], ...] = ()


def _filters(text: str, resolve: Resolver) -> tuple[_Head, str]:
    """The filters of text, and its free text without them and without quote marks."""
    tags: list[str] = []
    authors: list[str] = []

    def take(m: re.Match[str]) -> str:
        kind = "tag" if m.group(1).lower() == "tag" else "author"
        quoted = m.group(2) or m.group(3)
        # tag:compiler_team and tag:compiler-team both mean the tag "compiler team".
        ws = (quoted or m.group(4) or "").replace("_", " ").split()
        if quoted is not None:
            name, used = resolve(kind, [" ".join(ws)]) if ws else (None, 0)
            ws = []
        else:
            name, used = resolve(kind, ws)
        (tags if kind == "tag" else authors).append(name or "")
        return " " + " ".join(ws[max(used, 1 if ws else 0) :]) + " "

    free = _FILTER.sub(take, text)
    dates: list[tuple[str, str]] = []

    def dated(m: re.Match[str]) -> str:
        dates.append(filter_dates(m[1]) or ("", ""))  # not a date: matches nothing
        return " "

    free = _DATE_FILTER.sub(dated, free)
    phrases = []
    for m in _PHRASE.finditer(free):
        phrase = " ".join(fts_terms(m.group(1) or m.group(2) or ""))
        if phrase:
            phrases.append(phrase)
    free = _PHRASE.sub(lambda m: " " + (m.group(1) or m.group(2) or "") + " ", free)
    head = _Head(text, tuple(phrases), tuple(tags), tuple(authors), tuple(dates))
    return head, " ".join(free.replace('"', " ").split())


def _read(
    head: _Head,
    text: str,
    folded: str,
    every: list[str],
    ws: list[str],
    content: list[str],
    policy: Policy,
    *,
    listing: bool,
    recency: bool,
    itself: bool = False,
) -> Query:
    """The Query of free text `text` (`folded`): `every` is all its words, `ws` those
    ranked, `content` theirs that are not stopwords; with its readings without listing
    words (and that one's without recency words) and without recency words, if asked,
    and (`itself`) what it asks of an article itself with the reading naming the article."""
    without_listing = without_recency = None
    if listing:
        without_listing = _without(
            head, text, ws, content, LISTING_WORDS, policy, listing=False, recency=recency
        )
    # "how recent does it need to be" asks for a measure, not for the newest articles.
    if recency and any(w in RECENCY_WORDS and ws[i - 1 : i] != ["how"] for i, w in enumerate(ws)):
        without_recency = _without(
            head, text, ws, content, RECENCY_WORDS, policy, listing=False, recency=False
        )
    filters = bool(head.phrases or head.tags or head.authors or head.dates)
    kind = _kind(folded) if text else question_kind(head.raw)
    wants, topic = (None, None)
    if itself and not filters:
        wants, topic = _itself(head, text, every, ws, content, kind, policy)
    period = None if filters else asks_period(every)
    within, dated = (None, None)
    if itself and not filters and wants is None and period is None:
        within, dated = _within(head, text, every, ws, content, policy)
    # The passage stage reads the whole question (the filters too when it is only filters).
    asked = every if text else words(head.raw)
    sentence = len(content) >= policy.sentence_content_words and len(ws) > len(content)
    return Query(
        raw=head.raw,
        text=text,
        words=tuple(ws),
        content=tuple(content),
        phrases=head.phrases,
        tags=head.tags,
        authors=head.authors,
        dates=head.dates,
        typed=tuple(every),
        folded=folded,
        terms=_terms(asked),
        kind=kind,
        asks=not filters and _asks(head.raw, ws, policy),
        opens_question=bool(ws) and ws[0] in QUESTION_START and len(content) >= 2,
        sentence=sentence and not filters,
        without_listing=without_listing,
        without_recency=without_recency,
        social=None if filters else social_kind(text, every),
        newest=not filters and asks_newest(every),
        period=period,
        within=within,
        dated=dated,
        wants=wants,
        topic=topic,
    )


def _itself(
    head: _Head,
    text: str,
    every: list[str],
    ws: list[str],
    content: list[str],
    kind: str | None,
    policy: Policy,
) -> tuple[str | None, Query | None]:
    """What a request asks of an article itself (SUMMARY, BYLINE, LINK, RELATED, RANDOM
    or None), or of the library (LIBRARY), and the reading without the words that ask it,
    which names the article (None for RANDOM and LIBRARY).

    Only a summary may be asked with the article's topic alone ("tl;dr hearing aids");
    the others name it with a listing word ("who wrote the coral article?") or say
    nothing else ("who wrote it?", "anything similar?": the conversation's article):
    "who wrote the letter" and "is hearing loss related to memory" ask of the text."""
    if asks_random(every):
        return RANDOM, None
    if asks_library(every):
        return LIBRARY, None
    if kind == "when" and asks_when_itself(every):
        return BYLINE, None  # "when was that?": the date of the article pointed at
    if kind == "what" and asks_new_in_itself(every):
        return SUMMARY, None  # "what's new in it?": the gist of the article pointed at
    for wants, asking, kinds, named_only in _ASKED_OF_ARTICLE:
        if kind not in kinds or not asking.intersection(ws):
            continue
        if asking is _ABOUT and ws[-1:] != ["about"]:
            continue  # "what is … about": about last
        drop = asking | REQUEST_WORDS
        topic = _without(head, text, ws, content, drop, policy, listing=True, recency=True)
        named = not named_only or bool(LISTING_WORDS.intersection(ws))
        # ("the … one" names no article for RELATED: "is it similar to the old one?")
        related = asking is RELATED_WORDS
        named = named or (_related_leads(ws) if related else _one_named(ws))
        if topic is not None and (named or not topic.content):
            return wants, topic
    return None, None


def _one_named(ws: list[str]) -> bool:
    """Whether the request ends naming an article by "the … one", the pronoun standing for
    an article as a listing word does: "who wrote the battery one", "link to the heat pump
    one". Before, "who wrote the battery one" searched "wrote" and "battery" in
    the text, and a sentence where a child "wrote most of the code" beside "batteries" won
    over the battery article. "The one" alone names nothing (the conversation's article),
    nor does a place in a list ("the second one": ordinals.picked)."""
    if ws[-1:] != ["one"] or "the" not in ws[:-2] or ordinals.picked(" ".join(ws)):
        return False
    named = ws[len(ws) - 1 - ws[::-1].index("the") : -1][1:]  # the words between them
    return bool(named) and not set(named) & STOPWORDS


def _within(
    head: _Head, text: str, every: list[str], ws: list[str], content: list[str], policy: Policy
) -> tuple[Named | None, Query | None]:
    """A topic's articles asked for within a period: "rust posts from 2019", "latest go
    release in 2023", "articles about energy from last year". The request names what it
    lists (a listing word or a recency word) and introduces each period ("from", "in",
    "during"…), and its other words name a topic: the period, and the reading without its
    words. A year in a question asks of the text: "how many birds were counted in 2024"
    and "what happened in 2021 to the couch guy" list nothing."""
    if _LISTS.isdisjoint(every) or _asks_of_text(every):
        return None, None
    named = read_period(every)
    if named is None:
        return None, None
    starts = [i for i in sorted(named.used) if i - 1 not in named.used]
    if not all(introduced(every, i) for i in starts):
        return None, None
    drop = frozenset(every[i] for i in named.used)
    topic = _without(head, text, ws, content, drop, policy, listing=True, recency=True)
    if topic is None or not (set(topic.content) - _LISTS - _PERIOD_ALLOWED):
        return None, None
    return named, topic


# A question lists articles only when what it asks for is one ("which go posts from 2019…",
# "how many rust articles in 2024"): its listing word within this many words of the
# question word. Further on, the word is part of what the question asks about ("how many
# times did the live laugh blog person stream in 2025" asks of a blog's text).
_LISTED_WITHIN = 3
# ...and with no "do" asking of someone: "how many blog posts did jenn write in 2026" asks
# what her post says (fresh2), not for the library's posts of 2026.
_DO = frozenset(["do", "does", "did"])


def _asks_of_text(every: list[str]) -> bool:
    """Whether words open with a question word whose next few words name nothing listed,
    or ask with "do" of someone."""
    if not every or every[0] not in QUESTION_WORDS:
        return False
    return _LISTS.isdisjoint(every[1 : 1 + _LISTED_WITHIN]) or not _DO.isdisjoint(every)


# A topic's articles asked for by number or as a list ("how many articles about ice do
# you have", "how many go posts are there", "list the articles about netflix", "which
# posts mention generics"): a count ("how many", "number of") or a request to list
# ("list", "which"/"what" before the word for articles) of a word for articles, the topic
# introduced by a preposition of subject (or, counted, named before the word for
# articles), the other words only those asking what the library holds. Before, the best
# article was the answer and no number was said ("how many articles about rust are there"
# followed up on the article of the conversation). Grammar of asking, never a topic.
_OF_SUBJECT = frozenset(
    [
        *("about", "on", "regarding", "concerning", "covering", "mention", "mentions"),
        *("mentioning", "mentioned", "discussing", "discuss", "discusses", "re"),
    ]
)
_TOPIC_ASKING = (
    _LIBRARY_REQUEST
    | REQUEST_WORDS
    | LISTING_WORDS
    | _OF_SUBJECT
    | _COUNT_WORDS
    | QUESTION_WORDS
    | frozenset(["all", "every", "each", "list", "ones", "far", "currently", "now"])
)
_TOPIC_CUE = re.compile(r"(?i)\b(?:many|number|list|which|what|any)\b")
# The library asked what it holds, in the words of owning: "what do you have on X", "what
# have you got about X" list X's articles as "which articles are about X" does.
_HOLDING = frozenset([("do", "you", "have"), ("have", "you", "got")])
# The articles counted are named at most this many words after the count or list word:
# "how many times did the post say…" counts no articles.
_TOPIC_LISTED_WITHIN = 3


def _topic_articles(
    head: _Head, free: str, typed: str, ws: list[str], content: list[str], policy: Policy
) -> Query | None:
    """The reading naming the topic whose articles are counted or listed (see _OF_SUBJECT),
    else None. `typed` is the message before its request frame ("list the…" loses its
    "list" to the frame)."""
    if not _TOPIC_CUE.search(typed):
        return None  # most questions: folded once more for nothing (ask CPU)
    said = folded_words(fold(typed))
    cue = next(
        (
            i + 1
            for i, w in enumerate(said)
            if (w in ("many", "number") and said[i - 1 : i] in (["how"], ["the"], []))
            or (w == "list" and i == 0)
            or (w in ("which", "what", "any") and i == 0)
        ),
        None,
    )
    if cue is None:
        return None
    listing = [
        i for i, w in enumerate(said[cue : cue + _TOPIC_LISTED_WITHIN + 1]) if w in LISTING_WORDS
    ]
    if said[0] == "what" and tuple(said[cue : cue + 3]) in _HOLDING:
        listing = [2]  # "what do you have on X": owning stands for the articles listed
    if not listing:
        return None
    after = said[cue + listing[0] + 1 :]
    counted = said[cue - 1] in ("many", "number")
    # Listed ("which posts…"), the topic follows a preposition of subject: "which post
    # announced rust 1.0" asks for one post, not a list.
    after = after[1:] if after[:1] in (["are"], ["were"]) else after  # "what posts are about…"
    if not counted and not (after and (after[0] in _OF_SUBJECT or after[:2] == ["do", "you"])):
        return None
    for i, w in enumerate(said):  # "how many posts did jenn write" asks of a post's text
        if w in _DO and said[i + 1 : i + 2] not in (["you"], ["u"]):
            return None
    topic = _without(head, free, ws, content, _TOPIC_ASKING, policy, listing=False, recency=False)
    if topic is None or not topic.content:
        return None
    return topic


def names_an_article(topic: Query) -> bool:
    """Whether the words left of a request of an article itself name one: a word besides
    the words for articles. "who wrote the post?", "summarize the story" name none, as
    "who wrote it?" names none: the article is the conversation's (before, "post" was
    searched: a roadmap's "call for blog posts")."""
    return bool(set(topic.content) - LISTING_WORDS)


def topic_words(q: Query) -> str:
    """The words naming a query's topic, as a reply repeats them: its content words but
    those that list or ask for the newest ("rust posts" -> "rust")."""
    return " ".join(w for w in q.content if w not in _LISTS)


def with_dates(q: Query, dates: tuple[tuple[str, str], ...]) -> Query:
    """The query and its readings filtered to these dates (see Query.dates): a topic asked
    within a period is searched as if `date:` said it."""
    return replace(
        q,
        dates=dates,
        without_listing=q.without_listing and with_dates(q.without_listing, dates),
        without_recency=q.without_recency and with_dates(q.without_recency, dates),
    )


def _related_leads(ws: list[str]) -> bool:
    """Whether a word of RELATED_WORDS leads the request, so the rest names the article
    without a listing word: only request, listing and stop words before it, with one of
    them or "to" after it ("anything similar to the bird count", "what's related to the
    coral one"). "Is hearing loss related to memory", "were similar designs tested" and
    "is it similar to the old one?" ask of the text."""
    i = next(i for i, w in enumerate(ws) if w in RELATED_WORDS)
    lead = ws[:i]
    if not set(lead) <= _RELATED_LEAD | STOPWORDS:
        return False
    if _RELATED_LEAD.intersection(lead):
        return True
    return ws[i + 1 : i + 2] == ["to"] and not (lead and lead[0] in YES_NO_START)


# The words each request may be made of besides its cue (see asks_newest, asks_random,
# asks_library): built once, as every query is read against them.
_NEWEST_ALLOWED = NEWEST_WORDS | _NEWS_REQUEST | LISTING_WORDS | STOPWORDS
# A period's request names what to list ("posts", "anything", "published", "how many").
_PERIOD_CUES = (
    LISTING_WORDS | _NEWS_REQUEST | NEWEST_WORDS | _COUNT_WORDS | PERIOD_NOUNS
) - _NEWS_TIME
# What a topic's articles of a period are asked for with ("rust posts", "latest release").
_LISTS = LISTING_WORDS | RECENCY_WORDS
_PERIOD_ALLOWED = (
    _NEWEST_ALLOWED | _COUNT_WORDS | PERIOD_NOUNS | JOINING | frozenset(["may", "please"])
)
_RANDOM_ALLOWED = RANDOM_WORDS | _RANDOM_REQUEST | LISTING_WORDS | STOPWORDS
_LIBRARY_ALLOWED = (
    _TAG_WORDS | _COUNT_WORDS | _LIBRARY_REQUEST | REQUEST_WORDS | LISTING_WORDS | STOPWORDS
)


# The pronouns that point at an article ("what's new in it", "anything new about them"):
# beside a word for the newest they ask of that article, not for the library's newest
# (before, "and what's new in it" after a Rust release listed the newest posts). Not the
# deictic adverbs: "is there anything new", "anything new since then" ask the library.
_NEWS_POINTERS = POINTERS - frozenset(["there", "then"])


def asks_newest(ws: list[str]) -> bool:
    """Whether words only ask for the newest articles: "what's new?", "latest posts",
    "anything added lately" (stopwords, listing, time and request words, and one of
    NEWEST_WORDS)."""
    if not _NEWS_POINTERS.isdisjoint(ws):
        return False  # "what's new in it?" asks what the article pointed at says is new
    return bool(NEWEST_WORDS.intersection(ws)) and _NEWEST_ALLOWED.issuperset(ws)


def asks_period(ws: list[str]) -> Named | None:
    """The period whose articles words only ask for: "articles from 2021", "what was
    posted last month", "anything from this week", "how many posts in march 2024?" (a
    period, and besides its words only stopwords, listing, request, time and counting
    words, one of them not a stopword: "in 2021" alone, or "what happened in 2021 to the
    couch guy", asks no list); else None."""
    named = read_period(ws)
    if named is None:
        return None
    rest = {w for i, w in enumerate(ws) if i not in named.used}
    if _PERIOD_CUES.isdisjoint(rest) or not _PERIOD_ALLOWED.issuperset(rest):
        return None
    return named


# What may stand beside "when" and a pronoun for the article when its date is asked:
# the copula ("when was that?", "when is it from") and coming out ("when did it come
# out"), as a post comes out. A verb of its own names an event the text dates ("when was
# it launched?": "launched in January", bench/followups.py), asked of the text as before.
_OCCURRING = frozenset(["come", "came", "out", "from", "exactly"])
_WHEN_ITSELF = _OCCURRING | QUESTION_WORDS | STOPWORDS


def asks_when_itself(ws: list[str]) -> bool:
    """Whether words only ask when the article pointed at was: "when was that?", "and
    when did it come out" (a pronoun for the article, the question word, the copula or
    coming out; see _OCCURRING). Before, they were answered with the
    article's best passage for no words at all, as a closest match that "may not answer",
    though "when was it published" gave its date, sure. "When?" alone (with stopwords) asks
    the same of the article just shown: it names nothing else to date."""
    bare = not set(ws) - STOPWORDS - QUESTION_WORDS - _OCCURRING  # "when?", "and when exactly?"
    return (bare or not _NEWS_POINTERS.isdisjoint(ws)) and _WHEN_ITSELF.issuperset(ws)


def asks_new_in_itself(ws: list[str]) -> bool:
    """Whether words only ask what is new in the article pointed at: "and what's new in
    it?", "what's new in that one" (a pronoun for the article, "new", stopwords). The gist
    of a release post is what is new in it ("Go 1.27 adds generic methods, …"); before,
    its passage for "new" came as a closest match ("a new version of Rust")."""
    return "new" in ws and not _NEWS_POINTERS.isdisjoint(ws) and _NEW_IN_ITSELF.issuperset(ws)


_NEW_IN_ITSELF = STOPWORDS | frozenset(["new", "whats", "one"])


def asks_random(ws: list[str]) -> bool:
    """Whether words only ask for any article: "random article", "surprise me", "i'm
    feeling lucky", "pick an article for me" (stopwords, listing and request words, and a
    word of RANDOM_WORDS where it asks, or "pick"/"choose" with a listing word)."""
    cue = any(
        w in RANDOM_WORDS
        and (w != "surprise" or i == 0)
        and (w != "lucky" or ws[i - 1 : i] == ["feeling"])
        for i, w in enumerate(ws)
    )
    if not cue and not (_RANDOM_PICK.intersection(ws) and LISTING_WORDS.intersection(ws)):
        return False
    return _RANDOM_ALLOWED.issuperset(ws)


def asks_library(ws: list[str]) -> bool:
    """Whether words only ask what the library holds: "how many articles are there?",
    "what topics do you cover?", "list the tags" (a word naming tags, or one counting
    with a listing word; listing, request and stopwords)."""
    tags = bool(_TAG_WORDS.intersection(ws))
    counted = bool(_COUNT_WORDS.intersection(ws) or _KIND_WORDS.intersection(ws))
    yours = _HOLDER.intersection(ws) and not _SECOND_PERSON.isdisjoint(ws)
    if not tags and not (counted and LISTING_WORDS.intersection(ws)) and not yours:
        return False
    return _LIBRARY_ALLOWED.issuperset(ws)


def _asks(raw: str, ws: list[str], policy: Policy) -> bool:
    """A natural question rather than a title or keywords: answer it like `ask`."""
    if not ws:
        return False
    if raw.rstrip().endswith("?"):
        return True
    if len(ws) < policy.question_min_words:
        return False
    first, second = ws[0], ws[1]
    return first in QUESTION_START or (first in _QUESTION_LEAD and second in QUESTION_WORDS)


def _without(
    head: _Head,
    text: str,
    ws: list[str],
    content: list[str],
    drop: frozenset[str],
    policy: Policy,
    *,
    listing: bool,
    recency: bool,
) -> Query | None:
    """The reading of a query without the words in `drop`; None when it has none of them.

    A typed word made of dropped words only ("posts", "blog-posts") leaves the text; the
    ranked words and content words lose every dropped word.
    """
    if not drop.intersection(ws):
        return None
    kept: list[str] = []
    every: list[str] = []
    for token in text.split():
        token_words = words(token)
        if not token_words or not set(token_words) <= drop:
            kept.append(token)
            every += token_words
    plain = " ".join(kept)
    ranked = [w for w in ws if w not in drop]
    rest = [w for w in content if w not in drop]
    return _read(
        head, plain, fold(plain), every, ranked, rest, policy, listing=listing, recency=recency
    )
