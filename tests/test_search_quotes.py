"""The quote shown for an article: a notable quote, else a pull-quote excerpt."""

from __future__ import annotations

from bot.library.model import Article, Quote, Sentence
from bot.search.quotes import best_quote, pull_quote


def _article(sentences: list[str], quotes: tuple[Quote, ...] = ()) -> Article:
    return Article(
        slug="a",
        title="A new bridge for the town",
        path="a.md",
        text=" ".join(sentences),
        sentences=tuple(Sentence(s, i) for i, s in enumerate(sentences)),
        quotes=quotes,
    )


BODY = [
    "The town council met on Monday.",
    "The bridge was designed by Maria Lopez, an engineer from Porto, over three years.",
    "We never thought a bridge could change how a whole town gets to work every day.",
    "It will open in 2027.",
]


def test_quote_prefers_a_speaker_and_relevance() -> None:
    article = _article(
        BODY,
        quotes=(
            Quote("This will change how people move around the town every single day"),
            Quote("The bridge is designed to last for a hundred years at least", "Maria Lopez"),
        ),
    )
    assert best_quote(article).speaker == "Maria Lopez"
    assert best_quote(article, "how long will the bridge last").speaker == "Maria Lopez"


def test_the_quote_is_not_a_repeat_of_what_the_reply_shows() -> None:
    first = Quote("We fixed 212 toasters this year and most needed a fuse", "Maria Okafor")
    second = Quote("People bring us things they love and want to keep using", "Sam Lee")
    article = Article(slug="a", title="Repair café", path="a.md", quotes=(first, second))
    passage = f"“{first.text},” said Maria Okafor."
    assert best_quote(article, "how many toasters", avoid=passage) == second
    assert best_quote(article, "how many toasters", avoid=[passage, "a summary"]) == second
    assert best_quote(article, "how many toasters") == first
    # Only one quote: shown even though the passage holds it.
    lone = Article(slug="b", title="B", path="b.md", quotes=(first,))
    assert best_quote(lone, "toasters", avoid=passage) == first


def test_an_article_without_speech_gets_a_pull_quote_excerpt() -> None:
    article = _article(BODY, quotes=(Quote("Addressing for Random-Access Storage"),))
    quote = best_quote(article)
    assert quote is not None and quote.excerpt and quote.speaker is None
    assert quote.text == BODY[2]  # first person, a strong claim, reads alone
    # Never the sentence the reply already shows.
    other = best_quote(article, avoid=[BODY[2]])
    assert other is not None and other.text != BODY[2]


def test_no_quote_only_for_an_article_without_text() -> None:
    assert best_quote(_article([])) is None
    assert pull_quote(_article(["Hi."])) is None
    assert best_quote(_article(["The new bridge opened on Monday."])) == Quote(
        "The new bridge opened on Monday.", None, "excerpt"
    )
    # An answer whose passage is the article's only sentence gets no excerpt repeating it.
    lone = _article(["The new bridge opened on Monday."])
    assert best_quote(lone, avoid="The new bridge opened on Monday.") is None
