"""The title or description as the answering sentence when the body states no answer of
the kind asked for (passage.headline_answer, Policy.headline_fit)."""

from __future__ import annotations

from bot.library.model import Article, Sentence
from bot.search.parse import parse
from bot.search.passage import best_passage
from bot.search.policy import DEFAULT
from bot.search.rerank import Asked, article_evidence

OFF = DEFAULT.with_(headline_fit=0.0)


def _article(paragraphs: list[list[str]], title: str, description: str | None = None) -> Article:
    sentences = tuple(Sentence(s, i) for i, p in enumerate(paragraphs) for s in p)
    return Article(
        slug="a",
        title=title,
        path="a.md",
        description=description,
        text="\n\n".join(" ".join(p) for p in paragraphs),
        sentences=sentences,
    )


CHOIR = _article(
    [
        ["The school choir sang carols at the town hall on Friday evening."],
        ["The kids had rehearsed for weeks, their teacher said."],
    ],
    title="300 kids sing carols at the town hall",
)


def test_an_empty_body_lets_the_title_answer() -> None:
    # A read-later export that saved the link alone: the headline states the count.
    saved = _article([], title="Roving gang of 20 otters attacks a jogger in the park")
    q = parse("how many otters were in the gang")
    assert best_passage(saved, q) == saved.title
    assert best_passage(saved, q, OFF) is None


def test_the_title_leads_when_the_body_holds_no_count() -> None:
    q = parse("how many kids sang carols at the town hall")
    shown = best_passage(CHOIR, q)
    assert shown is not None and shown.startswith(CHOIR.title + " … ")
    off = best_passage(CHOIR, q, OFF)
    assert off is not None and "300" not in off
    # The rerank's passage (what `ask` shows for the answer) reads the same.
    weights = {"kid": 2.0, "sang": 3.0, "carol": 4.0, "town": 1.0, "hall": 1.0}
    ev = article_evidence(CHOIR, Asked.of(q, weights), DEFAULT)
    assert ev.passage is not None and ev.passage.startswith(CHOIR.title)
    assert "300" not in (article_evidence(CHOIR, Asked.of(q, weights), OFF).passage or "")


def test_the_description_answers_when_the_title_does_not() -> None:
    cut = _article(
        [["Subscribe to read the full story about the otters."]],
        title="Otters attack a jogger in the park",
        description="A gang of 20 otters bit a jogger near the lake on Sunday.",
    )
    q = parse("how many otters attacked the jogger")
    shown = best_passage(cut, q)
    assert shown is not None and shown.startswith(cut.description or "-")
    assert "20" not in (best_passage(cut, q, OFF) or "")


def test_a_body_stating_the_answer_keeps_its_own_passage() -> None:
    told = _article(
        [["About 280 kids from four schools sang carols at the town hall on Friday."]],
        title="300 kids sing carols at the town hall",
    )
    q = parse("how many kids sang carols at the town hall")
    assert best_passage(told, q) == best_passage(told, q, OFF)
    assert "300" not in (best_passage(told, q) or "")


def test_a_question_not_asking_for_a_typed_answer_keeps_the_body() -> None:
    # "why" is answered in plain words: a number in the title is no answer to it.
    q = parse("why did the kids sing carols at the town hall")
    assert best_passage(CHOIR, q) == best_passage(CHOIR, q, OFF)
