"""A follow-up answered from the conversation's article is said surely when the sentence
shown holds the amount or date it asks for (Policy.followup_answer_fit, member17's sitting,
bundled content/): its own everyday words make the rerank find the article a closest match
at best, though the sentence answers. One whose answer is not in the article stays the
closest match or nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.library.sync import Library
from bot.search import followup
from bot.search.engine import SearchEngine
from bot.search.followup import Topic
from bot.search.policy import DEFAULT
from bot.search.results import HIGH
from tests.test_itself import CORAL, HEARING, HEAT, TOASTERS

THINGS = "2025-03-19-library-of-things-lends-its-ten-thousandth-item"
OFF = replace(DEFAULT, followup_answer_fit=0.0)


@pytest.mark.parametrize(
    ("slug", "question", "answer"),
    [
        (TOASTERS, "when did it open", "2019"),  # "its best since it opened in 2019"
        (THINGS, "how many members does it have", "2,150 members"),
        (CORAL, "what was the survival rate", "81% survived"),
    ],
)
async def test_a_follow_up_whose_sentence_holds_the_amount_or_date_asked_is_sure(
    bundled_library: Library, slug, question, answer
) -> None:
    on = await SearchEngine(bundled_library).ask(question, Topic(slug, None))
    assert on.article is not None and on.article.slug == slug and on.followup
    assert answer in (on.passage or ""), on.passage
    assert on.confidence == HIGH, question
    # With the rule off, the same sentence under "Closest match".
    off = await SearchEngine(bundled_library, policy=OFF).ask(question, Topic(slug, None))
    assert off.passage == on.passage and off.confidence != HIGH, question


@pytest.mark.parametrize(
    ("slug", "question"),
    [
        # "how much" naming nothing measured: "one in three people over 65" is no price.
        (HEARING, "how much does one cost"),
        # "injured" is in no sentence of the article: its counts are of other things.
        (TOASTERS, "how many people were injured"),
        # "how many homes": "forty identical ones" does not name homes.
        (HEAT, "how many homes got one"),
        # "who" among the names of a sentence is too loose a span to be sure of.
        (CORAL, "who leads the science"),
    ],
)
async def test_a_follow_up_whose_sentence_does_not_answer_in_kind_stays_unsure(
    bundled_library: Library, slug, question
) -> None:
    answer = await SearchEngine(bundled_library).ask(question, Topic(slug, None))
    assert answer.confidence != HIGH, (question, answer.passage)


async def test_a_short_question_finding_the_conversations_article_as_a_closest_match_is_read_as_a_follow_up(
    bundled_library: Library,
) -> None:
    # Policy.same_article_fit (member22's sitting): "how much per home" finds the heat-pump
    # rollout on its own words, but as a closest match; read as a follow-up of it, the
    # sentence shown holds the amount asked for ("£7,900 per home").
    question = "how much per home"
    alone = await SearchEngine(bundled_library).ask(question)
    assert alone.article is not None and alone.article.slug == HEAT
    assert alone.confidence != HIGH
    on = await SearchEngine(bundled_library).ask(question, Topic(HEAT, None))
    assert on.article is not None and on.article.slug == HEAT and on.followup
    assert "£7,900 per home" in (on.passage or ""), on.passage
    assert on.confidence == HIGH
    off_policy = replace(DEFAULT, same_article_fit=0)
    off = await SearchEngine(bundled_library, policy=off_policy).ask(question, Topic(HEAT, None))
    assert off.confidence != HIGH and not off.followup


SOLAR = "2025-06-18-solar-co-op-puts-panels-on-forty-school-roofs"


async def test_an_amount_per_thing_needs_that_rate_in_the_sentence_shown(
    bundled_library: Library,
) -> None:
    # "how much per school": the solar co-op's sentence holds "school" and an amount, but
    # the amount is "14p per kilowatt-hour" sold "to each school": no rate per school, so
    # the sure reading (followup.rate_shown) does not hold.
    question = "how much per school"
    on = await SearchEngine(bundled_library).ask(question, Topic(SOLAR, None))
    assert on.article is not None and on.article.slug == SOLAR
    assert "14p per kilowatt-hour" in (on.passage or "")
    assert on.confidence != HIGH


@pytest.mark.parametrize(
    ("question", "window", "shown"),
    [
        ("how much per home", "That brought the cost down to £7,900 per home.", True),
        ("how much per hour", "at a flat rate of £75 an hour", True),
        ("how much per school", "sells to each school at 14p per kilowatt-hour", False),
        ("how much did it cost", "The pilot cost £410,000.", True),
    ],
)
def test_rate_shown(question, window, shown) -> None:
    assert followup.rate_shown(question, window) is shown
