"""Requests of the library rather than of an article's text: its newest articles ("what's
new?"), a period's ("articles from 2021"), a topic's within a period ("rust posts from
2019"), a topic's counted or listed ("how many posts about rust?"), any article
("surprise me"), and what it holds as a whole ("what topics do you cover?"). Closed
classes of request words, never a topic; parse.py reads a Query with them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.search.followup import POINTERS
from bot.search.period import JOINING, Named, introduced, read_period
from bot.search.query import Query, Rereading
from bot.search.question_words import (
    LISTING_WORDS,
    PERIOD_NOUNS,
    QUESTION_WORDS,
    RECENCY_WORDS,
    REQUEST_WORDS,
)
from bot.search.words import STOPWORDS, fold, folded_words

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
# Words asking for any article ("random article", "surprise me", "i'm feeling lucky"),
# and those that do with a listing word ("pick an article for me").
RANDOM_WORDS = frozenset(["random", "randomly", "surprise", "lucky"])
# "Surprise" asks only as the imperative ("surprise me", not "that does not surprise
# me"), "lucky" only as "feeling lucky" ("that was lucky" says something).
_RANDOM_PICK = frozenset(["pick", "choose"])
# ("im": "i'm" as folded, which STOPWORDS spells with its apostrophe.)
_RANDOM_REQUEST = REQUEST_WORDS | _RANDOM_PICK | frozenset(["feeling", "im", "read", "whatever"])


def within_period(every: list[str], reading: Rereading) -> tuple[Named | None, Query | None]:
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
    topic = reading(drop, listing=True, recency=True)
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


# A message that is only a plural word for articles and its subject, after at most two
# words of its own ("articles on energy", "go posts about the garbage collector"): a list
# asked for as a heading names it, no question word needed (journey26: one post was the
# answer). Plural only: "the post about the go 1.0 path" names one.
_HEADED = re.compile(
    r"(?i)^\W*(?:[\w.'-]+\s+){0,2}(?:posts|articles|stories|blogs|tutorials|guides)\s+"
    r"(?:about|on|regarding|concerning|covering|mentioning|discussing)\s+\w"
)


def _headed(typed: str, reading: Rereading) -> Query | None:
    """The topic of a list asked for as a heading (_HEADED), None when the message also
    asks a question of it ("articles on energy say what?") or of someone ("do")."""
    said = folded_words(fold(typed))
    if not QUESTION_WORDS.isdisjoint(said) or not _DO.isdisjoint(said):
        return None
    topic = reading(_TOPIC_ASKING, listing=False, recency=False)
    return topic if topic is not None and topic.content else None


def topic_articles(typed: str, reading: Rereading) -> Query | None:
    """The reading naming the topic whose articles are counted or listed (see _OF_SUBJECT),
    else None. `typed` is the message before its request frame ("list the…" loses its
    "list" to the frame)."""
    if not _TOPIC_CUE.search(typed):
        if _HEADED.match(typed):  # "go posts about the garbage collector"
            return _headed(typed, reading)
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
    # "List the survey results posts": told to list, the topic named before the word for
    # articles and nothing after it, as a count may name it (journey26: one post answered).
    ordered = said[cue - 1] == "list" and not after and listing[0] > 0
    if (
        not counted
        and not ordered
        and not (after and (after[0] in _OF_SUBJECT or after[:2] == ["do", "you"]))
    ):
        return None
    for i, w in enumerate(said):  # "how many posts did jenn write" asks of a post's text
        if w in _DO and said[i + 1 : i + 2] not in (["you"], ["u"]):
            return None
    topic = reading(_TOPIC_ASKING, listing=False, recency=False)
    if topic is None or not topic.content:
        return None
    return topic


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
# deictic adverbs: "is there anything new", "anything new since then" ask the library; nor
# "else", which points at what was said, not at an article ("anything else new?").
ARTICLE_POINTERS = POINTERS - frozenset(["there", "then", "else"])


# The personal pronouns among them: the people or things a conversation named ("they",
# "their"). Not the demonstratives, which are as often relatives or determiners of the
# question's own noun ("examples of apps that stopped working").
PERSONAL_POINTERS = ARTICLE_POINTERS - frozenset(["this", "that", "these", "those"])


def asks_recent(ws: list[str]) -> bool:
    """Whether a recency word asks for the newest of what matches ("latest rust release",
    "the most recent go survey"). Not "how recent does it need to be" (a measure); nor in
    a question with a personal pronoun for what was said ("when did they present their
    latest request": the latest of theirs, which the conversation's article tells, not the
    library's newest of "present request": before, a list of Go posts), unless the word
    names articles ("their latest posts")."""
    said = not PERSONAL_POINTERS.isdisjoint(ws)
    return any(
        w in RECENCY_WORDS
        and ws[i - 1 : i] != ["how"]
        and (not said or not LISTING_WORDS.isdisjoint(ws[i + 1 : i + 2]))
        for i, w in enumerate(ws)
    )


def asks_newest(ws: list[str]) -> bool:
    """Whether words only ask for the newest articles: "what's new?", "latest posts",
    "anything added lately" (stopwords, listing, time and request words, and one of
    NEWEST_WORDS)."""
    if not ARTICLE_POINTERS.isdisjoint(ws):
        return False  # "what's new in it?" asks what the article pointed at says is new
    return bool(NEWEST_WORDS.intersection(ws)) and _NEWEST_ALLOWED.issuperset(ws)


# "The latest" asked in the singular ("what is the latest rust release", "whats the newest
# one", "which was the most recent post"): one article, the list's first, is asked for. A
# superlative and a singular copula or "one", no plural one ("what are the latest posts").
_SUPERLATIVE_NEWEST = re.compile(r"\b(?:newest|latest|most recent)\b")
_SINGULAR = re.compile(r"\b(?:is|was|one)\b|\b(?:what|which|whats|what's)'?s?\b(?= the\b)")
_PLURAL = re.compile(r"\b(?:are|were|these|those|ones)\b")


def asks_newest_one(question: str) -> bool:
    """Whether a question answered with the newest articles asks for one of them, the
    newest (see _SINGULAR): "when was it released?" after it is about that one, not a
    guess between the list's (journey27: "Which one? The last list had 5")."""
    text = question.lower().replace("’", "'")
    return bool(
        _SUPERLATIVE_NEWEST.search(text) and _SINGULAR.search(text) and not _PLURAL.search(text)
    )


# Words asking for the library's oldest articles ("oldest post", "what are the earliest
# articles?"): with a word for articles, and otherwise only the words "what's new?" may
# be made of. Not "first" (an ordinal of a list: "the first article").
OLDEST_WORDS = frozenset(["oldest", "earliest"])


def asks_oldest(ws: list[str]) -> bool:
    """Whether words only ask for the oldest articles: "oldest post", "what are the
    earliest articles?" (journey26: the post on the oldest Go program answered)."""
    return (
        bool(OLDEST_WORDS.intersection(ws))
        and not LISTING_WORDS.isdisjoint(ws)
        and (_NEWEST_ALLOWED | OLDEST_WORDS).issuperset(ws)
        and ARTICLE_POINTERS.isdisjoint(ws)
    )


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
