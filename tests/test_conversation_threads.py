"""How a conversation's thread is held (member16's sitting, bundled content/): a pronoun
question its own words find nowhere is asked of the conversation's article; "go back to the
first one" returns to an article; a list is held while the member goes through it; "what do
you have on X" and "any other posts on X" list X's articles; praise said of the bot."""

from __future__ import annotations

import pytest

from bot.conversation import Conversations
from bot.search import followup, ordinals
from bot.search.followup import Topic
from bot.search.parse import parse
from bot.search.query import LISTED
from bot.search.results import HIGH
from tests.test_itself import CORAL, HEAT, SOLAR, TOASTERS

THINGS = "2025-03-19-library-of-things-lends-its-ten-thousandth-item"


@pytest.mark.parametrize(
    ("slug", "question"),
    [
        (THINGS, "how much does it cost to join"),
        (CORAL, "how long did it take them"),
        (TOASTERS, "who came up with the idea for it"),
        (CORAL, "why does she care so much"),
        (SOLAR, "when did they first start talking about it"),
    ],
)
async def test_a_pronoun_question_found_nowhere_is_asked_of_the_conversations_article(
    engine, slug, question
) -> None:
    # Alone, its everyday words find no article: before, "could not find" and a list.
    assert (await engine.ask(question)).article is None
    answer = await engine.ask(question, Topic(slug, None))
    assert answer.article is not None and answer.article.slug == slug, question
    assert answer.followup and answer.confidence != HIGH  # the closest match, said so


async def test_a_question_naming_its_thing_or_asking_yes_or_no_stays_unanswered(engine) -> None:
    assert not followup.held("what") and not followup.held("yesno") and followup.held("why")
    for question in ("is it going to rain tomorrow", "what is his favourite film?"):
        assert (await engine.ask(question, Topic(CORAL, None))).article is None, question


def _answered(talk: Conversations, answer) -> Topic:
    talk.answered(answer, "k")
    topic = talk.about("k")
    assert topic is not None
    return topic


async def test_go_back_to_the_first_one_returns_to_the_article_before(engine) -> None:
    talk = Conversations(ttl=600)
    first = await engine.ask("how many fragments did the coral nursery replant")
    assert first.article is not None and first.article.slug == CORAL
    topic = _answered(talk, first)
    second = await engine.ask("how much did heat pump bills drop", topic)
    assert second.article is not None and second.article.slug == HEAT
    topic = _answered(talk, second)
    assert topic.before == CORAL and not topic.listed
    for question in ("go back to the first one", "back to the first article please"):
        pick = ordinals.picked(question)
        assert pick is not None and pick.back and pick.shown
        answer = await engine.ask(question, topic)
        assert answer.article is not None and answer.article.slug == CORAL, question
    # Gone back, the article left is the one before: "back to the other one" again.
    back = _answered(talk, await engine.ask("go back to the first one", topic))
    assert back.slug == CORAL and back.before == HEAT


def test_a_place_without_going_back_is_no_return() -> None:
    pick = ordinals.picked("who wrote the first one")
    assert pick is not None and not pick.back


async def test_a_list_is_held_while_the_member_goes_through_it(engine) -> None:
    talk = Conversations(ttl=600)
    listed = await engine.ask("what do you have on energy")
    topic = _answered(talk, listed)
    assert len(topic.listed) > 1 and SOLAR in topic.listed
    solar = await engine.ask("tell me about the solar co-op", topic)
    assert solar.article is not None and solar.article.slug == SOLAR
    topic = _answered(talk, solar)
    assert topic.listed == tuple(h.slug for h in (listed.newest or listed.alternatives))
    # "the first one" is still the list's.
    first = await engine.ask("go back to the first one", topic)
    assert first.article is not None and first.article.slug == topic.listed[0]


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what do you have on energy", "energy"),
        ("what have you got about coral reefs?", "coral reefs"),
        ("what do you have about batteries?", "batteries"),
        ("any other posts on webassembly", "webassembly"),
        ("any articles about heat pumps?", "heat pumps"),
    ],
)
def test_owning_and_any_ask_the_topics_articles(question, topic) -> None:
    q = parse(question)
    assert q.wants == LISTED and q.topic is not None, question
    assert " ".join(q.topic.content) == topic


@pytest.mark.parametrize(
    "question",
    [
        "what do you have to do to enable telemetry",
        "is there anything on go's module mirror",
        "any idea why it failed",
        "any news?",
        "what do you have",
    ],
)
def test_other_uses_of_owning_and_any_are_not_lists(question) -> None:
    assert parse(question).wants != LISTED, question


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("nice, you're pretty handy", "praise"),
        ("thanks, you are a star", "thanks"),
        ("great, ur the best", "praise"),
    ],
)
def test_praise_said_of_the_bot_is_small_talk(message, kind) -> None:
    assert parse(message).social == kind


def test_a_clause_about_the_bot_asking_or_correcting_is_not_praise() -> None:
    assert parse("thanks, you are going to tell me about rust?").social is None
    assert parse("nice, you are wrong about the date of the coral article").social is None
