"""Plain results of the search core; `as_json()` gives the command line's contract shapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.library.model import Article, Quote
from bot.search.query import AUTHORED


def _iso(date: datetime | None) -> str | None:
    return date.isoformat() if date else None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked article. `score` is 0-100; `label` adds the date when titles repeat."""

    slug: str
    title: str
    link: str | None
    date: datetime | None
    tags: tuple[str, ...]
    score: int
    author: str | None = None
    description: str | None = None
    cover_image: str | None = None
    label: str = ""

    def as_json(self) -> dict:
        return {
            "slug": self.slug,
            "title": self.title,
            "link": self.link,
            "date": _iso(self.date),
            "tags": list(self.tags),
            "score": self.score,
        }

    def ref_json(self) -> dict:
        return {"slug": self.slug, "title": self.title, "link": self.link}


@dataclass(slots=True)
class SearchResponse:
    """Confident hits, best first, and "did you mean" suggestions when they are plausible.

    `corrected` is the query as searched when typos in it were corrected to find the hits.
    """

    query: str
    hits: list[SearchHit] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    corrected: str | None = None

    def as_json(self) -> dict:
        return {
            "query": self.query,
            "results": [h.as_json() for h in self.hits],
            "suggestions": list(self.suggestions),
            "corrected": self.corrected,
        }


# How sure an answer is: the article answers the question ("high"), or it is the closest
# match and may not answer it ("low").
HIGH = "high"
LOW = "low"
# What every front end says first with a LOW answer.
TENTATIVE = "Closest match — it may not answer this."


def unsaved_text(article: Article) -> str | None:
    """What every front end says of an article whose body text was not saved (only its
    frontmatter was), or None when it has text: a card of empty fields tells a member
    nothing, and its link may still hold the story."""
    if article.text.strip():
        return None
    return "The article's text was not saved" + ("; the link has it." if article.link else ".")


@dataclass(slots=True)
class Answer:
    """The article that answers a question, its best passage, summary, quote and alternatives.

    `article` is None when nothing in the library answers, and for small talk ("thanks!"),
    which gets a friendly `reply` instead. `confidence` is HIGH or LOW with an article,
    None without. `newest` holds the newest articles when the question asked for them
    ("what's new?"); `article` is then the first of them.
    """

    question: str
    article: Article | None = None
    passage: str | None = None
    summary: str | None = None
    quote: Quote | None = None
    alternatives: list[SearchHit] = field(default_factory=list)
    score: int = 0
    confidence: str | None = None
    reply: str | None = None
    newest: list[SearchHit] = field(default_factory=list)
    # Answered as a follow-up about the article the conversation was about: front ends
    # say which article the answer is about.
    followup: bool = False
    # What was asked of an article itself (query.SUMMARY, BYLINE, RANDOM), answered in
    # `passage`; with no article, the request still to be answered (SearchEngine.ask).
    wants: str | None = None
    # The tag whose newest articles `newest` lists when it holds more than are listed
    # ("750 articles tagged rust"): front ends say where to see every one (/tag).
    more_of_tag: str | None = None
    # The answer is one post of a series ("Rust Survey 2019 Results") and the question named
    # none: which post it is from and the others that report it too, or that none is of
    # the year asked (series_note.py). Front ends show it under the passage.
    series: str | None = None
    # Found nothing, and names a subject the conversation's article lacks (a word English
    # rarely writes, Policy.unanswered_leaves_topic): the member moved on, the conversation
    # leaves its article (Conversations.answered). No part of the JSON.
    moved_on: bool = False

    @property
    def listed(self) -> list[Article | SearchHit]:
        """The articles the reply lists rather than answering with one card, in order:
        the newest or a period's (`newest`), or an author's ("2 articles by Rafael
        Quintero, newest first.": the answer's article, then the next ones), headed by
        the passage; empty when the reply is a card. Front ends number this list, and
        "the second one" is its second (bot/conversation.py)."""
        if self.newest:
            return list(self.newest)
        if self.wants == AUTHORED and self.article is not None and self.alternatives:
            return [self.article, *self.alternatives]
        return []

    @property
    def tentative(self) -> bool:
        """The closest match, which may not answer the question: front ends say so first."""
        return self.article is not None and self.confidence == LOW

    def as_json(self) -> dict:
        a = self.article
        out = {
            "question": self.question,
            "article": {"slug": a.slug, "title": a.title, "link": a.link} if a else None,
            "answer": self.passage,
            "summary": self.summary,
            "quote": {"text": self.quote.text, "speaker": self.quote.speaker}
            if self.quote
            else None,
            "alternatives": [h.ref_json() for h in self.alternatives[:4]],
            "confidence": self.confidence if a else None,
            "reply": self.reply,
        }
        if self.newest:
            out["results"] = [h.as_json() for h in self.newest]
        if self.series:  # (only when said: every other reply's JSON as it was)
            out["series"] = self.series
        return out


@dataclass(frozen=True, slots=True)
class TitleChoice:
    """An autocomplete choice; `label` carries the date when another article has this title."""

    slug: str
    title: str
    date: datetime | None
    repeated: bool = False

    @property
    def label(self) -> str:
        if self.repeated and self.date:
            return f"{self.title} ({self.date:%Y-%m-%d})"
        return self.title


@dataclass(frozen=True, slots=True)
class Lookup:
    """What a title or slug names: the article, else the closest titles to offer instead.

    `suggestions` is empty when `article` is found.
    """

    article: Article | None
    suggestions: list[TitleChoice]
