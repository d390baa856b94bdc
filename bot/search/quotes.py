"""The quote to show for an article: its most notable quote, else a pull-quote excerpt."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.library.model import Article, Quote
from bot.search.stem import stem
from bot.search.summary import reads_alone
from bot.search.words import STOPWORDS, words

# A pull-quote reads as a quotable line: long enough to say something, short enough to
# quote whole.
PULL_MIN_WORDS = 10
PULL_MAX_WORDS = 40
_FIRST_PERSON = re.compile(r"\b(?:I|we|our|us|my|me)\b")
_STRONG = re.compile(
    r"\b(?:never|always|every|most|best|worst|only|must|should|not|no one|nothing|"
    r"everyone|more than|less than)\b|!",
    re.IGNORECASE,
)


def _terms(text: str) -> set[str]:
    return {stem(w) for w in words(text) if w not in STOPWORDS}


def _avoided(text: str, avoid: str | Iterable[str] | None) -> bool:
    if not avoid:
        return False
    shown = [avoid] if isinstance(avoid, str) else [a for a in avoid if a]
    return any(text in a or a in text for a in shown)


def best_quote(
    article: Article, question: str | None = None, *, avoid: str | Iterable[str] | None = None
) -> Quote | None:
    """The most notable quote: a named speaker first, then relevance, then a readable length.

    With no quote worth showing, a pull-quote (`kind="excerpt"`, no speaker) from the
    article's own sentences; None only for an article with no text (or none the reply
    does not already show: an excerpt never repeats `avoid`). A quote inside
    `avoid` (texts the reply already shows: the passage, the summary) is taken only when
    no other is left.
    """
    # A short unattributed "quote" is usually a scare-quoted phrase or a title, not speech.
    quotes = [(i, x) for i, x in enumerate(article.quotes) if x.speaker or len(x.text.split()) >= 8]
    if avoid:
        fresh = [(i, x) for i, x in quotes if not _avoided(x.text, avoid)]
        quotes = fresh or quotes
    if not quotes:
        return pull_quote(article, question, avoid=avoid)
    q = _terms(question) if question else set()

    def score(item: tuple[int, Quote]) -> float:
        i, quote = item
        n = len(quote.text.split())
        s = 2.0 if quote.speaker else 0.0
        if q:
            s += 1.5 * len(_terms(quote.text) & q) / len(q)
        s += 0.5 if 8 <= n <= 60 else 0.0
        return s - 0.01 * i

    return max(quotes, key=score)[1]


def pull_quote(
    article: Article, question: str | None = None, *, avoid: str | Iterable[str] | None = None
) -> Quote | None:
    """The article's most quotable sentence, as an excerpt with no speaker.

    Quotable: it reads alone, says something whole (10-40 words), and speaks plainly
    (first person, a strong claim) or to the question; earlier sentences win ties. None
    only when the article has no sentence of four words or more, other than headings
    and those in `avoid`.
    """
    # Headings are labels, not something the article says: passed over, their places
    # kept (a sentence's place decides ties).
    said = [s for s in article.sentences if s.text.strip()]
    if all(s.heading for s in said):
        return None
    q = _terms(question) if question else set()
    best: tuple[float, str] | None = None
    for i, sentence in enumerate(said[:200]):
        if sentence.heading:
            continue
        text = sentence.text
        n = len(text.split())
        if not PULL_MIN_WORDS <= n <= PULL_MAX_WORDS or not reads_alone(text, first_person=True):
            continue
        if _avoided(text, avoid):
            continue
        s = 1.0 - 0.002 * i
        s += 0.6 if _FIRST_PERSON.search(text) else 0.0
        length = 0.3 if 14 <= n <= 30 else 0.0
        if best is not None and (s + 0.4) + length + (1.5 if q else 0.0) <= best[0]:
            continue  # it cannot win even as a strong claim (the costliest test, skipped)
        s += 0.4 if _STRONG.search(text) else 0.0
        s += length
        if q:
            s += 1.5 * len(_terms(text) & q) / len(q)
        if best is None or s > best[0]:
            best = (s, text)
    if best is None:
        # Nothing reads alone: the first sentence of a few words still beats nothing, but
        # not one the reply already shows (an excerpt repeating the passage adds nothing).
        fallback = next(
            (
                s.text
                for s in said
                if not s.heading and len(s.text.split()) >= 4 and not _avoided(s.text, avoid)
            ),
            None,
        )
        return Quote(fallback, None, "excerpt") if fallback else None
    return Quote(best[1], None, "excerpt")
