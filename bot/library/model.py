"""Plain data the library hands to everything else: articles and their light columns
(what a reload reports and the library's counts: bot/library/report.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote from an article, with its speaker when the text names one.

    `kind` is "quote" for words the article quotes (direct speech, a block quote), or
    "excerpt" for a pull-quote: a sentence of the article's own, chosen when it quotes
    no one, shown as an excerpt and never with a speaker.
    """

    text: str
    speaker: str | None = None
    kind: str = "quote"

    @property
    def excerpt(self) -> bool:
        return self.kind == "excerpt"


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the body text; `paragraph` numbers the block it came from and
    `kind` says what block that was: "text" (a paragraph, a list item, a table row),
    "heading", "pre" (code) or "blockquote" (see bot.library.markup.Kind).

    Body text only: page furniture (captions, bylines, datelines, call-outs, "Related"
    lists...) is marked while the HTML is read and never becomes a sentence. A heading
    is kept: its words say what the sentences under it are about, but it is a label,
    never an answer on its own (bot/search/passage.py).
    """

    text: str
    paragraph: int
    kind: str = "text"

    @property
    def heading(self) -> bool:
        return self.kind == "heading"


@dataclass(frozen=True, slots=True)
class CardText:
    """What every card of an article shows besides its own fields: its summary and its
    quote (None: it has no text to quote). Both depend on the article alone, so the reload
    makes them once (bot/search/cards.py)."""

    summary: str
    quote: Quote | None


@dataclass(frozen=True, slots=True)
class Article:
    """One parsed article file. `text` is the body text (no page furniture), blocks
    separated by blank lines; `sentences` and `quotes` come from the same body."""

    slug: str
    title: str
    path: str  # relative to the content folder, with forward slashes
    author: str | None = None
    date: datetime | None = None  # always timezone-aware when set
    link: str | None = None
    tags: tuple[str, ...] = ()
    cover_image: str | None = None
    description: str | None = None
    text: str = ""
    sentences: tuple[Sentence, ...] = ()
    quotes: tuple[Quote, ...] = ()
    word_count: int = 0
    reading_minutes: int = 0
    # Each sentence's stems, a line per sentence (bot/search/sentence_stems.py): computed
    # once by the reload and stored with the article; None where they were not.
    stems: str | None = None
    # Its card's summary and quote, made by the reload and stored with the article (see
    # bot/search/cards.py); None where they were not.
    card: CardText | None = None


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """The light columns of an article: enough to rank, list and pick without its text."""

    id: int
    slug: str
    title: str
    author: str | None
    date: datetime | None
    link: str | None
    tags: tuple[str, ...]
    cover_image: str | None
    description: str | None
