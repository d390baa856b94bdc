"""What every card of an article shows, made once when the article is read: its summary
and its quote. Both depend on the article alone (its description, title, sentences and
quotes), never on the library or a question.

Making them on every /article, /random, /quote and /summary reply cost the event loop
~0.3 ms a card at 100k articles (bench/README.md, "Issue 19, cards at ingest"). The
reload's parse workers make them (`card_of`) and the cache stores them with the article;
`summary` and `quote` read them, and make them the same way for an article that has none
(read from a cache written before they were stored, or kept stale while its file fails).

`cards_version()` fingerprints the code and libraries that decide them: a cache whose
cards other code made is parsed again whole at the next reload (bot/library/workers.py).
"""

from __future__ import annotations

import functools

from bot.library.fingerprint import code_fingerprint
from bot.library.model import Article, CardText, Quote
from bot.search.quotes import best_quote
from bot.search.summary import summarize

# The modules whose code decides a card's summary and quote (tests/test_cards.py checks
# that making one imports no other module of the project), and the libraries they use.
CARD_MODULES = (
    "bot.search.cards",
    "bot.search.summary",
    "bot.search.quotes",
    "bot.search.stem",
    "bot.search.words",
    "bot.library.furniture",
    "bot.library.sentences",
    "bot.library.model",
    "bot.library.fingerprint",
)
_CARD_LIBRARIES = ("rapidfuzz", "PyStemmer")


def card_of(article: Article) -> CardText:
    """The summary and quote every card of `article` shows, made from the article."""
    return CardText(summarize(article), best_quote(article))


def summary(article: Article) -> str:
    """The card's summary: the stored one, else made now (the same text)."""
    return article.card.summary if article.card is not None else summarize(article)


def quote(article: Article) -> Quote | None:
    """The card's quote: the stored one, else chosen now (the same quote)."""
    return article.card.quote if article.card is not None else best_quote(article)


@functools.cache
def cards_version() -> str:
    """A fingerprint of what decides the stored cards: the modules' code and the
    libraries' versions. Derived, not bumped by hand (see parser_version)."""
    return code_fingerprint(CARD_MODULES, _CARD_LIBRARIES)
