"""Answers to what members ask of an article itself or of the library, not of its text:
an article's summary, byline or link, the articles like it, an author's articles, a
random one, and the library's size and tags (see parse.SUMMARY_WORDS and the classes
after it). SearchEngine finds the article; these functions say what was asked of it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from bot.library.model import Article
from bot.library.source import source_of
from bot.search import cards
from bot.search.article_asks import AUTHOR_WORDS
from bot.search.bylines import people, writers
from bot.search.policy import Policy
from bot.search.query import (
    AUTHORED,
    BYLINE,
    COMPARE,
    LIBRARY,
    LINK,
    QUOTE,
    RELATED,
    SHOWN,
    SUMMARY,
    Query,
)
from bot.search.question_words import LISTING_WORDS
from bot.search.rank import LibraryIndex
from bot.search.results import HIGH, LOW, Answer, SearchHit
from bot.search.stem import stem
from bot.search.words import words

# What the bot says to a request about an article that names none ("who wrote it?",
# "summarise it") when no conversation is about one.
WHICH_ARTICLE = {
    AUTHORED: "Whose articles? Name the author (“articles by …”), or ask a question first and"
    " then “what else did they write?”.",
    LINK: "Which article? Name it (“link to the article about …”), or ask a question first"
    " and then “link?”.",
    RELATED: "Which article? Name it (“articles like the one about …”), or ask a question"
    " first and then “anything similar?”.",
    SUMMARY: "Which article? Name it (“summarise the article about …”), or ask a question first"
    " and then “summarise it”.",
    BYLINE: "Which article? Name it (“who wrote the article about …?”), or ask a question first"
    " and then “who wrote it?”.",
    SHOWN: "Look at what? Paste an article's link or ask about its subject, and I'll show it.",
    QUOTE: "Which article? Name it (“a quote from the article about …”), or ask a question"
    " first and then “give me a quote from it”.",
}


# What the bot says to "tell me more" (followup.wants_more) when no conversation is about an
# article: its words name nothing, so any article its search found would be a guess.
# "the second one" when the conversation has shown no list to pick from. It names no place:
# "the 9th one" or "the last one" was answered "The second of what?" (harden20).
NO_LIST = (
    "Which one? No list was shown yet: ask a question or “what's new?”, then pick"
    " one of its list (“the second one”)."
)
# "the other one" with no list of two to pick from.
NO_OTHER = (
    "The other of what? Ask a question or “what's new?”, then pick one of its list by its"
    " place (“the second one”)."
)


def other_writers(title: str, names: str, listed: int) -> str:
    """ "The other one" with no one other article to pick, in a conversation about an
    article several people wrote (`names`, listed): its writers may be the two meant
    (journey24's and journey25's "and the other one?" right after such a byline), so the
    reply names them, then says how to pick another article: of the last list (`listed`
    articles, as which_other says) or, with none, as NO_OTHER does."""
    if listed > 1:
        rest = (
            f"For another article of the last list, ask for one of 1 to {listed} by its place"
            " (“the second one”)."
        )
    else:
        rest = (
            "For another article: ask a question or “what's new?”, then pick one of its list"
            " by its place (“the second one”)."
        )
    return f"“{title}” was written by {names}. {rest}"


def which_other(listed: int) -> str:
    """ "The other one" after a list of more than one other article: which one is a
    guess, so the reply names the list's places (not NO_OTHER's "of what?": a list was
    shown)."""
    return (
        f"Which other one? The last list had {listed}: ask for one of 1 to {listed} by its"
        " place (“the second one”)."
    )


def which_one(listed: int) -> str:
    """ "When was that one published?" right after a list of `listed` articles, none
    chosen: which one is a guess (the first, taken silently, may not be the one meant)."""
    return (
        f"Which one? The last list had {listed}: ask for one of 1 to {listed} by its"
        " place (“when was the second one published?”), or open it from the list."
    )


def writers_of(listed: Sequence[Article]) -> str:
    """ "Who wrote these?" right after a list: its writers, those of most of its articles
    first (a byline of several names counts for each; "for the Go team" names no one)."""
    counts = Counter(
        name
        for article in listed
        for name in dict.fromkeys(writers(source_of(article.author, article.link).person))
    )
    if not counts:
        return f"None of the {len(listed)} articles listed names its writer."
    named = [f"{name} ({n})" if n > 1 else name for name, n in counts.most_common(8)]
    more = len(counts) - len(named)
    text = ", ".join(named) + (f" and {more} more" if more else "")
    unsigned = sum(1 for a in listed if not source_of(a.author, a.link).person)
    gap = f"; {unsigned} name no writer" if unsigned else ""
    return f"Of the {len(listed)} articles listed, written by: {text}{gap}."


# A question about the conversation's article (or a place of its list) once a reload has
# removed that article: said so, not "which article?" as if none had been shown.
GONE = "That article is no longer in the library."
MORE_OF_WHAT = (
    "More of what? Ask a question first (or pick one of a list: “the second one”), then"
    " “tell me more”."
)


def which_article(q: Query) -> Answer:
    """A request for an article's summary or byline naming no article, or for any
    article: what is wanted, for SearchEngine.ask to answer (RANDOM: it draws one; the
    others: from the conversation's article, else `reply` asks which one)."""
    return Answer(question=q.raw, wants=q.wants, reply=WHICH_ARTICLE.get(q.wants or ""))


def byline(article: Article) -> str:
    """Who wrote an article and when, from its frontmatter, as a sentence ("Written by
    Marcus Ellery; published on 18 June 2025."), saying so when either is not given. An
    author that is a domain (the exporter found no byline) names no person."""
    person = people(source_of(article.author, article.link).person)
    date = article.date
    who = f"Written by {person}" if person else "The article names no author"
    when = f"published on {date.day} {date:%B %Y}" if date else "it gives no publication date"
    return f"{who}; {when}."


def _asked(article: Article, wants: str, said: str | None = None) -> tuple[str | None, str | None]:
    """The passage and summary an answer about the article itself shows. A byline follows
    `said`, the article's own passage for the question, when that passage speaks of who
    wrote it (a guest post: "this week's post is written by…", where the frontmatter may
    name a team)."""
    if wants == BYLINE:
        line = byline(article)
        own = said is not None and bool(AUTHOR_WORDS.intersection(words(said)))
        return (f"{said} {line}" if own else line), cards.summary(article)
    if wants == SUMMARY:
        return cards.summary(article) or None, None
    if wants == QUOTE:  # the card's quote is the answer; no passage stands before it
        return None, cards.summary(article)
    if wants == LINK:
        where = f"Read it at {article.link}" if article.link else "The article gives no link."
        return where, cards.summary(article)
    return None, cards.summary(article)


# What is asked of an article that its title's words name surely: a quote, or the article
# to look at. Their naming words are all the question holds of the article ("give me one
# quote from the toaster story"), so a match on them alone came as a "closest match" that
# "may not answer", under which the quote asked for was shown.
BY_TITLE = frozenset([QUOTE, SHOWN])


def titled(article: Article, topic: Query) -> bool:
    """Whether every word naming the article (besides words for articles) is a word of
    its title, as stemmed ("toaster" of "…record number of toasters")."""
    named = {stem(w) for w in topic.content if w not in LISTING_WORDS}
    return bool(named) and named <= {stem(w) for w in words(article.title)}


def asked_of(found: Answer, wants: str) -> Answer:
    """An answer found by the words naming an article, with what was asked of the article
    itself as its passage (its summary or byline); as sure as the naming words made it."""
    assert found.article is not None
    passage, summary = _asked(found.article, wants, found.passage)
    quote = found.quote if found.quote is None or found.quote.text != passage else None
    return replace(found, passage=passage, summary=summary, quote=quote, newest=[], wants=wants)


def authored(
    question: str,
    names: Sequence[str],
    first: Article,
    hits: list[SearchHit],
    policy: Policy,
    *,
    other: bool = False,
) -> Answer:
    """ "Articles by Rafael Quintero": the author's newest article as the answer, saying
    how many there are, and the next ones as the other matches (`hits`: all of them,
    newest first; `other`: besides the conversation's article)."""
    n = len(hits)
    kind = ("other " if other else "") + ("article" if n == 1 else "articles")
    # Any of the names: the articles of each, not those they wrote together (as the reply
    # when there is none says).
    said = f"{n} {kind} by {' or '.join(names)}" + (", newest first" if n > 1 else "")
    if n > 1 + policy.alternatives:
        said += f'; /search author:"{names[0]}" lists them all'
    return Answer(
        question=question,
        article=first,
        passage=said + ".",
        summary=cards.summary(first),
        quote=cards.quote(first),
        alternatives=hits[1 : 1 + policy.alternatives],
        score=100,
        confidence=HIGH,
        wants=AUTHORED,
    )


def like(
    question: str, source: Article, first: Article, others: list[SearchHit], sure: str
) -> Answer:
    """ "Anything similar?": the article most like `source` as the answer, saying so, and
    the `others` like it as alternatives; `sure` as `source` was found."""
    return Answer(
        question=question,
        article=first,
        passage=f"An article like “{source.title}”.",
        summary=cards.summary(first),
        quote=cards.quote(first),
        alternatives=others,
        score=100,
        confidence=sure,
        wants=RELATED,
    )


# What the bot says to a pasted address no article of the library has.
NO_LINK = (
    "No article in the library has that link. Ask about its subject in your own words,"
    " or search for its title."
)


def card(question: str, article: Article, wants: str | None = None) -> Answer:
    """An article asked for itself, by its address or at random (RANDOM), answered with its
    card: its summary and a quote. Sure (HIGH): it is the article asked for."""
    return Answer(
        question=question,
        article=article,
        summary=cards.summary(article),
        quote=cards.quote(article),
        score=100,
        confidence=HIGH,
        wants=wants,
    )


def of_shown(
    question: str,
    article: Article,
    passage: str,
    quote: str | None,
    wants: str | None,
    sure: str = HIGH,
) -> Answer:
    """A follow-up read in the passage a conversation last showed ("who said that?",
    "when was that?", "why?": said_by, when_shown, why_shown), answered with `passage`:
    sure (HIGH) when the passage holds it, since the passage is the one asked about
    (`sure`: LOW when only its neighbours do); `wants` keeps the passage shown before
    where "tell me more" goes on from (bot/conversation.py; None: `passage` is the
    article's own text, where it goes on from)."""
    return Answer(
        question=question,
        article=article,
        passage=passage,
        summary=cards.summary(article),
        quote=quote,
        score=100,
        confidence=sure,
        followup=True,
        wants=wants,
    )


def of_itself(question: str, article: Article, wants: str) -> Answer:
    """A request about an article itself ("who wrote it?") answered from the article the
    conversation is about (`followup`): sure (HIGH), since that article is the one asked
    about."""
    passage, summary = _asked(article, wants)
    return Answer(
        question=question,
        article=article,
        passage=passage,
        summary=summary,
        quote=cards.quote(article),
        score=100,
        confidence=HIGH,
        followup=True,
        wants=wants,
    )


# Tags a reply about the library names; /tags lists every one.
TAGS_SHOWN = 8


def library(index: LibraryIndex, q: Query) -> Answer:
    """ "How many articles are there?", "what topics do you cover?": the library's size
    and its most used tags, as a reply (the /tags and /tag commands list the rest)."""
    tags = index.tag_counts
    shown = ", ".join(f"{t} ({n})" for t, n in tags[:TAGS_SHOWN])
    more = "; /tags lists them all" if len(tags) > TAGS_SHOWN else ""
    articles = f"{index.n} article" + ("" if index.n == 1 else "s")
    if not tags:
        return Answer(question=q.raw, reply=f"The library holds {articles}, with no tags.")
    return Answer(
        question=q.raw,
        reply=f"The library holds {articles} under {len(tags)} tags, the most used: {shown}"
        f"{more}. Type /tag NAME to see the articles of one.{_newest(index)}",
        wants=LIBRARY,
    )


def _newest(index: LibraryIndex) -> str:
    """ " The newest: “TITLE” (DATE); /latest lists more.": what "what kind of articles do
    you have" asks besides counts, how current the library is ("" when empty)."""
    if not index.newest:
        return ""
    aid = index.newest[0]
    title = index.entries[aid].meta.title
    when = index.date_text(aid)[:10]
    return f" The newest: “{title}”" + (f" ({when})" if when else "") + "; /latest lists more."


def compared(question: str, a: Answer, b: Answer, hits: list[SearchHit]) -> Answer:
    """ "Compare A with B": the two articles' gists one after the other (the passage), the
    first as the answer and both listed (`hits`) to open; as sure as the less sure side.
    Before, the side its words found surer was the whole reply. One line a side, so front
    ends show them as a list (Discord, one linked item each), not one run of text."""
    assert a.article is not None and b.article is not None
    gists = "\n".join(
        f"“{x.title}”: {cards.summary(x) or 'no summary saved.'}" for x in (a.article, b.article)
    )
    sure = LOW if LOW in (a.confidence, b.confidence) else HIGH
    return Answer(
        question=question,
        article=a.article,
        passage=f"Two articles, side by side.\n{gists}",
        alternatives=hits,
        score=min(a.score, b.score),
        confidence=sure,
        wants=COMPARE,
    )
