"""Turns of a conversation (member15's sitting, bundled content/): "source?" asks the link
of the article just shown ("when?" alone its date: tests/test_how_members_ask.py), and "what else did they say?" or "is
there more on this?" the next part of it, as "tell me more" does."""

from __future__ import annotations

import pytest

from bot.search.followup import Topic, wants_more
from bot.search.parse import parse
from bot.search.query import LINK
from bot.search.results import HIGH
from tests.test_itself import CORAL, HEAT


@pytest.mark.parametrize("question", ["source?", "what's the source", "source pls", "sources?"])
async def test_source_asks_the_conversations_articles_link(engine, question) -> None:
    assert parse(question).wants == LINK
    answer = await engine.ask(question, Topic(HEAT, None))
    assert answer.article is not None and answer.article.slug == HEAT
    assert answer.passage is not None and "https://" in answer.passage


def test_a_source_with_words_of_its_own_asks_of_the_text() -> None:
    assert parse("what is the source of the leak").wants is None
    assert parse("open source").wants is None
    assert parse("source code of the go compiler").wants is None


def test_when_with_words_of_its_own_asks_of_the_text() -> None:
    assert parse("when did the coral replanting start").wants is None
    assert parse("when was it launched?").wants is None


@pytest.mark.parametrize(
    "question",
    [
        "what else did they say",
        "what else did she say?",
        "what else does it say",
        "is there more on this?",
        "is there any more",
        "anything more about it?",
    ],
)
async def test_other_ways_of_asking_for_more_are_more(engine, question) -> None:
    assert wants_more(question)
    first = await engine.ask("how many coral fragments were replanted")
    assert first.article is not None and first.article.slug == CORAL and first.passage
    answer = await engine.ask(question, Topic(CORAL, first.passage))
    assert answer.article is not None and answer.article.slug == CORAL
    assert answer.confidence == HIGH and answer.passage and answer.passage != first.passage


def test_more_with_a_topic_of_its_own_is_not_more_of_it() -> None:
    assert not wants_more("is there more about rust")
    assert not wants_more("what else did the council say about trees")
