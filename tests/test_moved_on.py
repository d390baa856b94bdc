"""A question that found nothing and names another subject leaves the conversation's
article (issue 15, journey27 steps 9-10): after the COP30 article, "does fluoride make kids
dumber" found nothing and "how many ppl did they track" was answered from COP30. Small talk
and a question of everyday words that found nothing keep the article (member23's "how hot
did the water get last year?" then "when was that?")."""

from __future__ import annotations

from dataclasses import replace

from bot.conversation import Conversations
from bot.search.engine import SearchEngine
from bot.search.policy import DEFAULT

CORAL = "2026-04-02-coral-nursery-replants-twenty-thousand-fragments"
FIRST = "how many coral fragments has the tavaru nursery replanted"


async def _after(engine: SearchEngine, question: str) -> tuple[Conversations, bool]:
    talk = Conversations(ttl=600)
    first = await engine.ask(FIRST)
    assert first.article is not None and first.article.slug == CORAL
    talk.answered(first, "k")
    answer = await engine.ask(question, talk.about("k"))
    assert answer.article is None
    talk.answered(answer, "k")
    return talk, answer.moved_on


async def test_a_question_naming_another_subject_that_found_nothing_leaves_the_article(
    engine,
) -> None:
    talk, moved = await _after(engine, "does fluoride make kids dumber")
    topic = talk.about("k")
    assert moved and topic is not None and topic.slug is None
    assert topic.before == CORAL  # (the article left: Topic.before)
    assert topic.asked == "does fluoride make kids dumber"
    then = await engine.ask("how many did they track", topic)
    assert not then.followup
    assert then.article is None or then.article.slug != CORAL


async def test_everyday_words_that_found_nothing_keep_the_article(engine) -> None:
    talk, moved = await _after(engine, "how hot did the water get last year")
    topic = talk.about("k")
    assert not moved and topic is not None and topic.slug == CORAL
    answer = await engine.ask("when was that?", topic)
    assert answer.article is not None and answer.article.slug == CORAL


async def test_small_talk_keeps_the_article(engine) -> None:
    talk = Conversations(ttl=600)
    talk.answered(await engine.ask(FIRST), "k")
    thanks = await engine.ask("lol ok", talk.about("k"))
    assert thanks.reply is not None and not thanks.moved_on
    talk.answered(thanks, "k")
    topic = talk.about("k")
    assert topic is not None and topic.slug == CORAL


async def test_with_the_rule_off_the_article_stays(bundled_library) -> None:
    off = SearchEngine(bundled_library, policy=replace(DEFAULT, unanswered_leaves_topic=0))
    talk, moved = await _after(off, "does fluoride make kids dumber")
    topic = talk.about("k")
    assert not moved and topic is not None and topic.slug == CORAL
