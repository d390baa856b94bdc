""" "Why?" / "how come?" alone read in the passage the conversation last showed
(member22's leftover, member23's probes): a sentence shown giving a reason answers surely,
a reason beside it in its paragraph as the closest match, and "how come?", with no reason
there, is asked as "why?" rather than searched for "come"."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.search import why_shown
from bot.search.engine import SearchEngine
from bot.search.followup import Topic
from bot.search.policy import DEFAULT
from bot.search.results import HIGH, LOW

TOASTERS = "2025-02-08-repair-cafe-fixes-record-number-of-toasters"
RATE = "The café’s success rate across all items was 71%."
REASON = (
    "Clothing and textiles had the highest rate, at 88%, while laptops and phones had the"
    " lowest, at 46%, largely because of glued-in batteries and missing spare parts."
)
COUNT = "Volunteers repaired 1,630 items over 12 sessions, up from 1,180 the year before."
BIRDS = "2026-01-26-citizen-scientists-count-record-number-of-garden-birds"
TALLY = (
    "Together they recorded 1.62 million birds, the highest total in the 14-year history of"
    " the Great Garden Bird Tally."
)


@pytest.mark.parametrize(
    "text", ["why?", "Why", "but why?", "why's that", "why is that so?", "How come?", "how so"]
)
def test_why_alone_asks_of_what_was_shown(text) -> None:
    assert why_shown.asks_why(text)


@pytest.mark.parametrize(
    "text", ["why not?", "why not 1000", "and why not $1,000?", "why not more"]
)
def test_why_not_an_amount_asks_of_what_was_shown(text) -> None:
    # journey27: "why not 1000" after "$350 more, despite projections of $1,000" found
    # nothing; an amount names no topic of its own.
    assert why_shown.asks_why(text)


@pytest.mark.parametrize(
    "text", ["why did okafor start it", "how come it's free", "whys", "why not rust?"]
)
def test_a_reason_asked_of_a_thing_named_does_not(text) -> None:
    assert not why_shown.asks_why(text)


@pytest.mark.parametrize(
    ("sentence", "gives"),
    [
        (REASON, True),
        ("The bridge closed due to flooding.", True),
        ("He has worked there since he was in his 40s.", False),  # a time, not a reason
        ("A report is due to be published in the summer.", False),  # expected, not caused
        (COUNT, False),
    ],
)
def test_a_sentence_giving_a_reason(sentence, gives) -> None:
    assert why_shown.gives_reason(sentence) is gives


async def test_the_reason_shown_answers_surely(engine, bundled_library) -> None:
    topic = Topic(TOASTERS, f"{COUNT} … {REASON}")
    answer = await engine.ask("why?", topic)
    assert answer.confidence == HIGH and answer.followup and answer.passage == REASON
    off = SearchEngine(bundled_library, policy=replace(DEFAULT, reason_shown=0))
    before = await off.ask("why?", topic)
    assert before.confidence != HIGH and before.passage != REASON


async def test_a_reason_beside_the_passage_is_the_closest_match(engine, bundled_library) -> None:
    answer = await engine.ask("how come?", Topic(TOASTERS, RATE))
    assert answer.confidence == LOW and answer.passage == REASON
    none = SearchEngine(bundled_library, policy=replace(DEFAULT, reason_near=0))
    assert (await none.ask("how come?", Topic(TOASTERS, RATE))).passage != REASON


async def test_how_come_without_a_reason_is_asked_as_why(engine, bundled_library) -> None:
    topic = Topic(BIRDS, TALLY)
    answer = await engine.ask("how come?", topic)
    why = await engine.ask("why?", topic)
    assert answer.article is not None and answer.article.slug == BIRDS
    assert answer.question == "how come?" and answer.passage == why.passage
    off = SearchEngine(bundled_library, policy=replace(DEFAULT, reason_shown=0))
    before = await off.ask("how come?", topic)
    assert before.article is None  # "come" found nothing: "could not find"
