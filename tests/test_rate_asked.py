""" "How much per hour?" alone asks the conversation's article for its rate (member22's
leftover, member23's probes): an amount "per X" / "a X" / "an X" there, not another
article's "watt-hours per kilogram" found by the words "per" and "hour"."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.search import rate_asked
from bot.search.engine import SearchEngine
from bot.search.followup import Topic
from bot.search.policy import DEFAULT
from bot.search.results import HIGH, LOW

FUND = "2025-09-10-fund-pays-open-source-maintainers-to-fix-old-bugs"
CLUB = "2025-12-09-volunteer-coding-club-teaches-three-hundred-children"
PAID = "It paid 86 maintainers across 61 projects"
HOURLY = "at a flat rate of £75 an hour"


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("how much per hour", "hour"),
        ("How much per month?", "month"),
        ("and per year?", "year"),
        ("what's the rate a day", "day"),
        ("how much does it cost per week", "week"),
        ("how much will the schools save per year", None),  # names its thing
        ("how many per hour", None),  # a count, not an amount
    ],
)
def test_a_rate_asked_alone(question, unit) -> None:
    assert rate_asked.asks_rate(question) == unit


@pytest.mark.parametrize(
    ("sentence", "unit", "gives"),
    [
        ("at a flat rate of £75 an hour, to spend", "hour", True),
        ("at an extra cost of around £22,000 a year each.", "year", True),
        ("then a small charge per loan, typically £1 to £6 depending on the item.", "loan", True),
        ("The cell stores about 160 watt-hours per kilogram.", "hour", False),
        ("charging it once a day for more than 27 years.", "day", False),
    ],
)
def test_an_amount_per_unit(sentence, unit, gives) -> None:
    assert rate_asked.rates(sentence, unit) is gives


async def test_the_articles_only_rate_answers_surely(engine, bundled_library) -> None:
    topic = Topic(FUND, f"{PAID}, who between them closed 1,270 issues.")
    answer = await engine.ask("how much per hour", topic)
    assert answer.article is not None and answer.article.slug == FUND
    assert answer.confidence == HIGH and answer.passage is not None and HOURLY in answer.passage
    off = SearchEngine(bundled_library, policy=replace(DEFAULT, rate_of_article=0))
    before = await off.ask("how much per hour", topic)
    assert before.passage is None or HOURLY not in before.passage


async def test_a_rate_the_article_does_not_give_is_its_closest_match(
    engine, bundled_library
) -> None:
    topic = Topic(CLUB, None)
    answer = await engine.ask("how much per month", topic)
    assert answer.article is not None and answer.article.slug == CLUB
    assert answer.confidence == LOW and answer.passage is not None
    assert "£3,500 a year" in answer.passage
    off = SearchEngine(bundled_library, policy=replace(DEFAULT, rate_of_article=0))
    before = await off.ask("how much per month", topic)  # the heat pumps' "£7,900 per home"
    assert before.article is None or before.article.slug != CLUB


HEAT = "2026-02-12-street-by-street-heat-pump-rollout-halves-bills"


async def test_of_several_rates_the_question_read_as_before_stands(engine) -> None:
    """The heat pumps give two sums per home (£7,900 installed, £640 a year on heating):
    "how much per home" read as before is sure of one (member22's same_article_fit), and
    stays so rather than the closest match of the two."""
    opening = "Eighteen months into the Warm Streets scheme, 1,150 homes have swapped"
    answer = await engine.ask("how much per home", Topic(HEAT, opening))
    assert answer.article is not None and answer.article.slug == HEAT
    assert answer.confidence == HIGH and answer.passage is not None
    assert "per home" in answer.passage
