"""Picking an article of a list by its place: "the second one", "who wrote the last one?",
"number 2", after "what's new?", a period's list or an answer's other matches."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest

from bot.console import run_chat
from bot.conversation import Conversations
from bot.search.asked import NO_LIST, NO_OTHER, which_other
from bot.search.engine import SearchEngine
from bot.search.followup import Topic
from bot.search.ordinals import LAST, Pick, picked
from bot.search.results import HIGH, Answer, SearchHit
from bot.service import LibraryService
from tests.test_followup import answer_about

CORAL = "2026-04-02-coral-nursery-replants-twenty-thousand-fragments"
HEARING = "2026-03-14-hearing-aids-linked-to-slower-memory-decline"
SALMON = "2025-11-03-river-restoration-brings-salmon-back-to-the-wendle"


@pytest.mark.parametrize(
    ("text", "pick"),
    [
        ("the second one", Pick(2, "it", True)),
        ("tell me more about the 3rd article", Pick(3, "tell me more about it", True)),
        ("what about the second?", Pick(2, "what about it", True)),
        ("open number 4", Pick(4, "open it", True)),
        ("#2", Pick(2, "it", True)),
        ("2", Pick(2, "it", True)),
        ("who wrote the last one?", Pick(LAST, "who wrote it", False)),
        ("when was the first post published", Pick(1, "when was it published", False)),
    ],
)
def test_a_place_in_a_list_is_read_from_ordinals_and_numerals(text: str, pick: Pick) -> None:
    assert picked(text) == pick


@pytest.mark.parametrize(
    "text",
    [
        "what was the first car",  # an ordinal before a word naming no listed thing
        "the last time we met",
        "first things first",
        "who came second",
        "2 or 3 of them",  # a numeral among other words
        "rust 2024",
        "",
        "🙂",
    ],
)
def test_other_ordinals_and_numerals_pick_nothing(text: str) -> None:
    assert picked(text) is None


async def test_the_second_one_opens_the_second_of_the_list_shown(engine) -> None:
    talk = Conversations(ttl=60)
    newest = await engine.ask("what's new?")
    talk.answered(newest, "a")
    about = talk.about("a")
    assert about is not None and about.slug is None  # a list, no article yet
    assert about.listed[:2] == (CORAL, HEARING)
    second = await engine.ask("tell me more about the second one", about)
    assert second.article is not None and second.article.slug == HEARING
    assert second.confidence == HIGH and second.summary
    # What is asked of the picked article is answered from it; the list stays.
    talk.answered(second, "a")
    about = talk.about("a")
    assert about is not None and about.slug == HEARING and about.listed[:1] == (CORAL,)
    byline = await engine.ask("who wrote the first one?", about)
    assert byline.article is not None and byline.article.slug == CORAL
    assert byline.passage is not None and byline.passage.startswith("Written by")
    assert byline.question == "who wrote the first one?"


async def test_a_place_the_list_does_not_have_says_which_it_has(engine) -> None:
    about = Topic(None, None, (CORAL, HEARING))
    answer = await engine.ask("the 9th one", about)
    assert answer.article is None and answer.reply == "The last list had 2: ask for one of 1 to 2."


async def test_without_a_list_a_place_alone_says_there_is_none(engine) -> None:
    # No list shown: "the second one" asks for nothing a search could find (member QA: it
    # was searched, "could not find" and titles holding "second"); said so.
    for alone in ("the first one", "the second one", "tell me more about the 2nd one"):
        answer = await engine.ask(alone)
        assert answer.article is None and answer.reply == NO_LIST, alone
        # After an answer naming no list (its card alone), the same.
        answer = await engine.ask(alone, Topic(CORAL, None))
        assert answer.article is None and answer.reply == NO_LIST, alone
    # Asking something of a place is read as any question is, never as a pick.
    asked = await engine.ask("who wrote the first one")
    assert asked.reply != NO_LIST and not asked.followup


def _about(slug: str, listed: tuple[str, ...] = (), followup: bool = False) -> Answer:
    hits = [SearchHit(s, s, None, None, (), 0) for s in listed]
    return replace(answer_about(slug), alternatives=hits, followup=followup)


def test_an_answers_list_replaces_the_last_and_a_follow_up_keeps_it() -> None:
    talk = Conversations(ttl=60)
    talk.answered(_about(CORAL, (HEARING, SALMON)), "a")
    assert talk.about("a") == Topic(CORAL, "p.", (HEARING, SALMON))
    talk.answered(_about(HEARING, followup=True), "a")  # "tell me more", "the first one"
    assert talk.about("a") == Topic(HEARING, "p.", (HEARING, SALMON), CORAL)
    # A question answered by another of the list: the member is going through it.
    talk.answered(_about(SALMON), "a")
    assert talk.about("a") == Topic(SALMON, "p.", (HEARING, SALMON), HEARING)
    talk.answered(_about(CORAL), "a")  # a new question, no other matches: no list
    assert talk.about("a") == Topic(CORAL, "p.", (), SALMON)
    talk.answered(Answer(question="thanks", reply="You're welcome!"), "a")
    assert talk.about("a") == Topic(CORAL, "p.", (), SALMON)


async def test_the_second_one_after_nothing_found_is_of_the_list_offered(bundled_library) -> None:
    # Member QA: after "could not find" and a numbered list of what a search finds, "the
    # second one" opened the second of an older list's answers: the list offered is the
    # list the member saw last.
    service = LibraryService(bundled_library, SearchEngine(bundled_library))
    out = io.StringIO()
    lines = "how many toasters did the repair cafe fix\nwhat is the capital of mongolia\n"
    lines += "the second one\n"
    assert await run_chat(service, stdin=io.StringIO(lines), stdout=out) == 0
    text = out.getvalue()
    offered = text[text.index("I could not find") :]
    second = re.search(r"^ 2\. (.+) \(\d{4}-\d\d-\d\d\)$", offered, re.M)
    assert second is not None, offered
    reply = offered[offered.index("> the second one") :]
    assert f"== {second[1]} ==" in reply


async def test_the_other_one_is_of_a_list_of_two_the_one_not_discussed(engine) -> None:
    # Member QA: "what about the other one" was searched ("could not find", titles holding
    # "one"). Of a list of two it is the article the conversation is not about; with no
    # such list, it says which it cannot tell.
    answer = await engine.ask("what about the other one", Topic(CORAL, None, (CORAL, HEARING)))
    assert answer.article is not None and answer.article.slug == HEARING
    answer = await engine.ask("who wrote the other one?", Topic(HEARING, None, (CORAL, HEARING)))
    assert answer.article is not None and answer.article.slug == CORAL
    for about in (None, Topic(CORAL, None)):
        answer = await engine.ask("what about the other one", about)
        assert answer.article is None and answer.reply == NO_OTHER
    # A list of three: which other is a guess, and the reply names the list's places
    # (member23: "The other of what?" read as if no list had been shown).
    answer = await engine.ask(
        "what about the other one", Topic(SALMON, None, (CORAL, HEARING, SALMON))
    )
    assert answer.article is None and answer.reply == which_other(3) and "1 to 3" in answer.reply
    assert picked("the other day") is None and picked("other ones like it") is None
