"""When what a conversation last showed happened: "when was that?" read in the passage shown.

A member shown a passage asks "when was that?" / "when did that happen?" of what was just
read: its "that" is the event the passage tells, not the article. The passage dates it or
the article does not say: a date in a sentence of the passage ("on September 18", "in May
2024", "last summer", "since it began in 2020"), its first window first (the one chosen
for the question), then its other windows. Only when none holds a date is the article's
publication date the answer ("published on …"). Before, "when was that?" always gave the
publication date (article_asks.asks_when_itself), and "when did that happen?" searched the
article for "happen" as a closest match (member22's probes: "the show was September 18").
"""

from __future__ import annotations

import re

from bot.library.model import Article
from bot.search.asked import byline, of_shown
from bot.search.build import split_authors
from bot.search.followup import LEAD_IN, asks_of_shown, beside
from bot.search.query import BYLINE
from bot.search.quotes import best_quote
from bot.search.results import Answer
from bot.search.said_by import SENTENCE_BREAK
from bot.search.sentence_spans import DAY, WEEKDAY, YEAR
from bot.search.words import stems

# "when was that?", "and when did that happen?", "when did it take place exactly?",
# "when?": the question word, the copula or a verb standing for any event (happen, take
# place, occur), a demonstrative or pronoun for what was shown, nothing else. A verb of its
# own ("when did he join?", "when was it launched?") names an event the article is searched
# for, as before.
_ASKS = re.compile(
    LEAD_IN + r"when"
    r"(?: (?:was|were|is|did|does|do) (?:that|this|it|they)"
    r"(?: (?:happen|happened|take place|took place|occur|occurred|be))?)?"
    r"(?: exactly| again| then| precisely)?[\s?!.]*$"
)

# "when did he write it?", "so when did she write that": a person's pronoun writing what
# was discussed. The publication date answers when the ARTICLE was written; the person
# may be one the text dates writing something (the Dune screenplay "in 2018", journey23's
# and journey24's "when did he write it?" got the byline of October 2021). See
# written_sentences.
_ASKS_WRITTEN = re.compile(
    LEAD_IN + r"when did (?:he|she|they) (?:write|wrote|pen)"
    r"(?: (?:it|that|this|them|those))?(?: exactly| again| then| first)?[\s?!.]*$"
)
# A verb of writing in a sentence (the question's verb, in the text's forms).
_POSSESSIVE = re.compile(r"['’]s$")
_WRITING = re.compile(r"\b(?:wrote|written|writes|write|writing|penned)\b", re.IGNORECASE)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_SPAN = rf"(?:week|weekend|month|year|decade|{_SEASON}|{WEEKDAY}|{_MONTH})"
# A phrase dating an event: a calendar date ("September 18", "18 June 2025", "May 2024"),
# a month or year after a preposition of time ("in March", "since 2020", "by 2030"), a
# season of a year ("in spring 2026"), a span counted from the writing ("last summer",
# "earlier this year", "two years ago", "on Tuesday"). A bare month needs its preposition
# ("May" is also a verb); a bare number needs one too (a year, not a count). "The last
# year" is a length of time ("for the last year or so"), not a date.
_DATE = re.compile(
    rf"\b(?:{_MONTH} {DAY}(?:,? {YEAR})?(?!\d)"
    rf"|{DAY} {_MONTH}(?: {YEAR})?"
    rf"|{_MONTH},? {YEAR}"
    rf"|(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Dd]uring|[Aa]fter|[Bb]efore|[Ee]arly|[Ll]ate|[Oo]f|[Tt]hrough)"
    rf" (?:early |late |mid-?)?(?:{_MONTH}(?:,? {YEAR})?|(?:the )?{YEAR}s?|{_SEASON},? {YEAR})\b"
    rf"|(?<!the )(?:[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier this|[Ll]ater this|[Tt]hat) {_SPAN}\b"
    rf"|(?:\w+|\d+) (?:days|weeks|months|years|decades) ago\b|an? (?:day|week|month|year|decade) ago\b"
    rf"|[Oo]n {WEEKDAY}\b|[Yy]esterday\b)"
)

# How far from the window shown (in sentences of its paragraph) a sentence dating the
# same event is read: a paragraph tells one event and dates it once, near its start.
NEAR_SENTENCES = 2


# Words dating what a sentence tells by the day it was written ("we are also releasing
# Rust 1.1 beta today"): read in a reply days or years later they say nothing of when,
# unless the writing's date stands beside them. ("Now" is left out: "is now stable" says
# what holds since, as often as what happened that day.)
_WRITTEN_NOW = re.compile(
    r"\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening|week))\b", re.IGNORECASE
)
# A calendar date or a year: a sentence naming one dates its event itself.
_CALENDAR = re.compile(rf"\b(?:{_MONTH} {DAY}|{DAY} {_MONTH}|{YEAR})\b")


def dated_by_writing(passage: str | None, article: Article) -> str | None:
    """A "when" question's passage whose first window dates what it tells only by the day
    it was written ("…releasing Rust 1.1 beta today…") and names no calendar date or year:
    the publication date after that window ("To kick off… today, simultaneously with Rust
    1.0. (Published on 15 May 2015.)"), which that "today" means; after it, so the passage
    still starts with the page's words (the "Read in context" link finds them there).
    Before (journey24, journey25), "when was rust 1.0 released" showed the sentence alone,
    the date only in the card's footer. Else the passage as it was."""
    if not passage or article.date is None:
        return passage
    window, *rest = passage.split(" … ")
    if not _WRITTEN_NOW.search(window) or _CALENDAR.search(window):
        return passage
    date = article.date
    dated = f"{window} (Published on {date.day} {date:%B %Y}.)"
    return " … ".join([dated, *rest])


def asks_when(question: str) -> bool:
    """Whether the question asks when what was just shown happened ("when was that?")."""
    return asks_of_shown(_ASKS, question) is not None


def dated(shown: str, article: Article | None = None) -> list[str]:
    """The sentences of the passage `shown` that date what they tell (see _DATE): those of
    its first window (the one chosen for the question; " … " parts were added for words it
    lacked), else of the first later window holding any, else the sentence of `article`
    nearest the first window in its paragraph that does (near); [] when none does."""
    windows = shown.split(" … ")
    for window in windows:
        found = [s for s in SENTENCE_BREAK.split(window) if _DATE.search(s)]
        if found:
            return found
    return near(article, windows[0]) if article is not None else []


def near(article: Article, window: str) -> list[str]:
    """The sentence of `article` dating what it tells nearest the `window` shown, within
    the window's paragraph and NEAR_SENTENCES of it, the one before first at equal
    distance (a paragraph dates its event once: "On the hottest afternoon of last summer…"
    then "Streets with more than 40% canopy were… 3.9C cooler"); [] when none is."""
    found = beside(article, window, NEAR_SENTENCES, lambda text: bool(_DATE.search(text)))
    return [found] if found else []


def of_asked(article: Article, asked: str | None, shown: str, least: int) -> list[str]:
    """The sentence of `article` dating what it tells that holds most of the words the
    conversation's last question (`asked`) names beyond the article's title, when it holds
    `least` of them or more and more than any sentence of the passage `shown` does ("how
    hot did the water get last year?", left unanswered, then "when was that?": "The
    approach was put to the test last year, when water temperatures…" holds "water",
    "last" and "year"; the passage still shown dates the nursery's start). The title's
    words name the article, not the event asked about. [] when no sentence is such."""
    if not asked or least <= 0:
        return []
    named = stems(asked) - stems(article.title)
    if not named:
        return []

    def held(sentence: str) -> int:
        return len(named & stems(sentence))

    own = max((held(s) for w in shown.split(" … ") for s in SENTENCE_BREAK.split(w)), default=0)
    candidates = [s.text.strip() for s in article.sentences if _DATE.search(s.text)]
    best = max(candidates, key=held, default=None)  # the first of the best, in order
    if best is None or held(best) < least or held(best) <= own:
        return []
    return [best]


def asks_when_written(question: str) -> bool:
    """Whether the question asks when a person (a pronoun) wrote what was discussed."""
    return asks_of_shown(_ASKS_WRITTEN, question) is not None


def written_sentences(article: Article, shown: str) -> list[str]:
    """The first sentence that dates someone writing, the byline's writers aside: of the
    passage `shown` first, else of the article in order. A sentence naming a byline writer
    is left out (their writing is the article, which the byline dates). [] when none."""
    writers = {w for name in split_authors(article.author) for w in name.split()[-1:]}

    def fits(sentence: str) -> bool:
        named = {_POSSESSIVE.sub("", w.strip('.,;:“”"')) for w in sentence.split()}
        return bool(_WRITING.search(sentence) and _DATE.search(sentence) and not writers & named)

    pieces = [s for w in shown.split(" … ") for s in SENTENCE_BREAK.split(w)]
    pieces += [s.text.strip() for s in article.sentences]
    return next(([s] for s in pieces if fits(s)), [])


def dates_in(sentence: str) -> list[str]:
    """The date phrases of a sentence, in order, without repeats."""
    seen: list[str] = []
    for m in _DATE.finditer(sentence):
        if m.group(0) not in seen:
            seen.append(m.group(0))
    return seen


def when_answer(
    question: str, article: Article, shown: str, asked: str | None = None, least: int = 0
) -> Answer:
    """ "When was that?" answered from the passage `shown` of `article`, sure: the date
    phrases of its dated sentences, then those sentences, then the publication date (which
    a span counted from the writing, "last week", reads from). The article's byline
    ("published on …") when the passage dates nothing. The event is the last question's
    (`asked`) when a dated sentence elsewhere holds more of its words (of_asked: `least`
    words or more; 0: the passage shown alone). Asked of the article (query.BYLINE), so
    the passage shown before stays where "tell me more" goes on."""
    sentences = of_asked(article, asked, shown, least) or dated(shown, article)
    return dated_answer(question, article, sentences)


def dated_answer(question: str, article: Article, sentences: list[str]) -> Answer:
    """The answer giving `sentences`' date phrases, the sentences, then the byline (the
    byline alone when there are none); see when_answer."""
    line = byline(article)
    if sentences:
        phrases = [p for s in sentences for p in dates_in(s)]
        lead = "; ".join(dict.fromkeys(phrases))
        passage = f"{lead[:1].upper()}{lead[1:]}: {' '.join(sentences)} ({line})"
    else:
        passage = line
    return of_shown(question, article, passage, best_quote(article), BYLINE)
