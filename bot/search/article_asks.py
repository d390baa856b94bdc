"""Requests of an article itself rather than of its text (Query.wants): its summary
("tl;dr hearing aids"), byline ("who wrote it?", "when was that?"), link, a quote, the
article to look at ("check this out"), articles like it ("anything similar?"), and the
phrases that ask these in several words ("sum it up", "more like this"). Closed classes
of request words, never a topic; parse.py reads a Query with them, and `asked_of_itself`
calls library_asks for the requests of no article ("surprise me", "list the tags").
"""

from __future__ import annotations

import re

from bot.search import ordinals
from bot.search.library_asks import ARTICLE_POINTERS, asks_library, asks_random
from bot.search.query import (
    BYLINE,
    LIBRARY,
    LINK,
    QUOTE,
    RANDOM,
    RELATED,
    SHOWN,
    SUMMARY,
    Query,
    Rereading,
)
from bot.search.question_words import LISTING_WORDS, QUESTION_WORDS, REQUEST_WORDS, YES_NO_START
from bot.search.words import STOPWORDS, fold, folded_words

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
# "Sauce" is chat's spelling of "source" ("sauce?", "sauce pls": journey23 found nothing);
# it asks the same only as the whole request (named_only), so "the sauce recipe" or "what
# goes in the sauce" (other words, no listing word) ask of the text.
LINK_WORDS = frozenset(["link", "links", "url", "urls", "address", "source", "sources", "sauce"])
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


def request_phrases(free: str) -> str:
    """Free text with the requests made in several words read as one request word: "tl;dr"
    and "sum it up" as "tldr", "more like this" as "more similar", and a summary's length
    ("in one line") left out beside a word asking for a summary."""
    free = _RELATED_PHRASE.sub(r"\1 similar", _SUMMARY_PHRASE.sub("tldr", free))
    if not SUMMARY_WORDS.isdisjoint(folded_words(fold(free))):
        free = " ".join(_SUMMARY_LENGTH.sub(" ", free).split())
    return free


def others_alone(free: str) -> str:
    """Free text with "any others?" alone read as "similar" (see _OTHERS_ALONE)."""
    return _OTHERS_ALONE.sub("similar", free)


def asked_of_itself(
    every: list[str], ws: list[str], kind: str | None, reading: Rereading
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
        topic = reading(drop, listing=True, recency=True)
        named = not named_only or bool(LISTING_WORDS.intersection(ws))
        # ("the … one" names no article for RELATED: "is it similar to the old one?")
        related = asking is RELATED_WORDS
        # ("the … one" before the words asking: "when was the openwrt one published")
        unasked = [w for w in ws if w not in asking]
        named = named or (_related_leads(ws) if related else _one_named(unasked))
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


def names_an_article(topic: Query) -> bool:
    """Whether the words left of a request of an article itself name one: a word besides
    the words for articles. "who wrote the post?", "summarize the story" name none, as
    "who wrote it?" names none: the article is the conversation's (before, "post" was
    searched: a roadmap's "call for blog posts")."""
    return bool(set(topic.content) - LISTING_WORDS)


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
    return (bare or not ARTICLE_POINTERS.isdisjoint(ws)) and _WHEN_ITSELF.issuperset(ws)


def asks_new_in_itself(ws: list[str]) -> bool:
    """Whether words only ask what is new in the article pointed at: "and what's new in
    it?", "what's new in that one" (a pronoun for the article, "new", stopwords). The gist
    of a release post is what is new in it ("Go 1.27 adds generic methods, …"); before,
    its passage for "new" came as a closest match ("a new version of Rust")."""
    return "new" in ws and not ARTICLE_POINTERS.isdisjoint(ws) and _NEW_IN_ITSELF.issuperset(ws)


_NEW_IN_ITSELF = STOPWORDS | frozenset(["new", "whats", "one"])
