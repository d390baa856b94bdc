""" "Who said that?" read in the passage the conversation last showed (member22's sitting):
the speaker of a quote the passage holds, else a name beside a verb of saying in it, else
the writer when no one is quoted there; sure, since the passage is the one asked about.
Before, "said" chose another passage of the article (another speaker) as a closest match."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.search import said_by
from bot.search.engine import SearchEngine
from bot.search.followup import Topic
from bot.search.parse import parse
from bot.search.policy import DEFAULT
from bot.search.query import QUOTE
from bot.search.results import HIGH
from tests.conftest import dated_post, loaded_library, small_engine

TELEMEDICINE = "2025-05-30-rural-telemedicine-programme-cuts-travel-for-hill-farmers"
REID = (
    "“Before this, a ten-minute check on my blood pressure cost me a full day off the farm,”"
    " said Callum Reid, a sheep farmer from Achnabreck who uses the booth in the Strathbeg hall."
)
MILES = (
    "In its first 12 months the programme hosted 2,310 consultations. The health board "
    "estimates they saved patients a combined 183,000 miles of driving and around 4,600 "
    "hours of travel time."
)


@pytest.mark.parametrize(
    "text", ["who said that", "Who said that?", "who said it", "who says this", "so who said that"]
)
def test_who_said_that_asks_for_a_speaker(text) -> None:
    assert said_by.asks_speaker(text)


@pytest.mark.parametrize(
    "text", ["who wrote it", "who said that about the fund", "who said the fund was small", "that"]
)
def test_other_questions_do_not(text) -> None:
    assert not said_by.asks_speaker(text)


async def test_the_speaker_of_the_quote_shown_answers_surely(engine) -> None:
    # The passage shown: the consultations, then Callum Reid's quote (a second window).
    answer = await engine.ask("who said that", Topic(TELEMEDICINE, f"{MILES} … {REID}"))
    assert answer.article is not None and answer.article.slug == TELEMEDICINE
    assert answer.confidence == HIGH and answer.followup and answer.wants == QUOTE
    assert answer.passage is not None and answer.passage.startswith("Callum Reid said it")


async def test_words_no_one_is_quoted_saying_are_the_writers(engine) -> None:
    answer = await engine.ask("who said that", Topic(TELEMEDICINE, MILES))
    assert answer.confidence == HIGH
    assert answer.passage is not None and "the writer's, Eilidh MacAskill" in answer.passage


async def test_without_a_passage_shown_the_question_is_asked_as_before(engine) -> None:
    answer = await engine.ask("who said that", Topic(TELEMEDICINE, None))
    assert answer.passage is None or "said it:" not in answer.passage


_POST = (
    "The council voted to close the old bridge on Monday. Engineers found cracks in two "
    "of its piers last spring. Harrow says that the repairs would cost more than a new "
    "bridge, and the work would take three years. Traffic will go by the ring road. "
    "“We had no other choice,” he said."
)


@pytest.fixture
async def bridge(tmp_path):
    root = tmp_path / "posts"
    root.mkdir()
    (root / "bridge.md").write_text(
        f"---\ntitle: Old bridge to close\nauthor: Dana Smith\n---\n{_POST}\n", encoding="utf-8"
    )
    async with loaded_library(root, tmp_path / "bridge.db") as library:
        yield SearchEngine(library, cache_size=0)


async def test_a_name_beside_a_verb_of_saying_answers(bridge) -> None:
    idx = await bridge.index()
    (slug,) = idx.by_slug
    shown = "Harrow says that the repairs would cost more than a new bridge, and the work would take three years."
    answer = await bridge.ask("who said that", Topic(slug, shown))
    assert answer.confidence == HIGH
    assert answer.passage is not None and answer.passage.startswith("Harrow said it: Harrow says")


async def test_a_speaker_left_unnamed_is_not_taken_for_the_writer(bridge) -> None:
    idx = await bridge.index()
    (slug,) = idx.by_slug
    answer = await bridge.ask("who said that", Topic(slug, "“We had no other choice,” he said."))
    assert answer.passage is None or "writer's" not in answer.passage


_HURRICANE = (
    "The president asked about it often. “It was almost too stupid for words,” said a former "
    "official close to the president. “I did not get the sense he was joking at all.”\n\n"
    "He dropped the topic later."
)


async def test_a_quotation_goes_on_with_the_speaker_of_the_one_before(tmp_path) -> None:
    # journey24: "I did not get the sense he was joking at all." shown alone; "who said
    # that?" was "No one is quoted in that part: the words are the writer's".
    post = f"---\ntitle: Hurricane gun\nauthor: Dana Smith\n---\n{_HURRICANE}\n"
    async with small_engine(tmp_path, {"gun.md": post}) as engine:
        (slug,) = (await engine.index()).by_slug
        shown = "“I did not get the sense he was joking at all.”"
        answer = await engine.ask("who said that?", Topic(slug, shown))
    assert answer.confidence == HIGH and answer.passage is not None
    assert answer.passage.startswith(
        "A former official close to the president said it: “I did not get the sense"
    )


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Harrow says that the repairs would cost more.", "Harrow"),
        ("The level the EPA now says is acceptable will protect people.", "EPA"),
        ("“It works,” said Gary Hairston, 71, a retired miner.", "Gary Hairston"),
        ("Multiple Kennedy Center employees said so.", None),  # the subject goes unnamed
        ("…, and the council says it will extend the scheme.", "The council"),
        ("Joe Dante, who made Gremlins in 1984, recently told a paper so.", "Joe Dante"),
        ("Anna Kelly, a White House spokeswoman, said in a statement that…", "Anna Kelly"),
        ("The level the agency now says is safe.", "The agency"),
        ("She said it was over.", None),
        # journey24: a source described, not named, after the quotation
        (
            "“Too stupid for words,” said a former Trump official close to him.",
            "A former Trump official close to him",
        ),
        ("He told a reporter that it was fine.", None),  # whom, not who
    ],
)
def test_the_name_beside_a_verb_of_saying(sentence, name) -> None:
    found = said_by.speaker_in((), sentence)
    assert (found[0] if found else None) == name


@pytest.fixture
async def real_library(real_dir, tmp_path):
    async with loaded_library(real_dir, tmp_path / "real.db") as library:
        yield library


async def test_what_someone_said_is_sure_when_the_sentence_shown_names_them_saying_it(
    real_library,
) -> None:
    # Policy.followup_said_sure: after the coal miners' black lung story, "what did the
    # white house say" finds its spokeswoman's statement; its everyday words rerank low.
    idx = await SearchEngine(real_library).index()
    coal = next(s for s in idx.by_slug if "black-lung" in s)
    question = "what did the white house say"
    on = await SearchEngine(real_library).ask(question, Topic(coal, None))
    assert on.article is not None and on.article.slug == coal and on.followup
    assert "White House spokeswoman, said" in (on.passage or "")
    assert on.confidence == HIGH
    off_policy = replace(DEFAULT, followup_said_sure=0)
    off = await SearchEngine(real_library, policy=off_policy).ask(question, Topic(coal, None))
    assert off.passage == on.passage and off.confidence != HIGH


@pytest.mark.parametrize(
    ("question", "window", "sure"),
    [
        ("what did the white house say", "Anna Kelly, a White House spokeswoman, said so.", True),
        ("what did the white house say", "The White House held a meeting.", False),
        ("what did she say", "Anna Kelly, a White House spokeswoman, said so.", False),
        ("what did the union want", "The union said it wanted more.", False),
    ],
)
def test_what_someone_said_needs_their_words_and_a_verb_of_saying(question, window, sure) -> None:
    q = parse(question)
    assert said_by.tells_what_said(q.words, set(q.terms.weights()), window) is sure


def test_who_said_words_of_its_own_reads_those_words() -> None:
    assert said_by.asks_words("who said it was bonkers?") == {"bonker"}
    assert said_by.asks_words("so who called it a joke") == {"joke"}
    assert not said_by.asks_words("who said that?")  # asks_speaker's
    assert not said_by.asks_words("who wrote it?")


async def test_who_said_it_was_words_is_the_quotation_holding_them(tmp_path) -> None:
    # journey25: after the retractions article, "who said it was bonkers" showed the
    # sentence naming Springer Nature's Kersjes (the title stood in for "it"), not Dorothy
    # Bishop's quotation; the rule off, as before.
    files = {
        "r.md": dated_post(
            "retract",
            "Publisher retracts papers that trained networks on a bonkers dataset",
            "2025-12-08",
            "Five papers have been retracted since November, and 33 more retractions of"
            " papers on the dataset are planned, says Tim Kersjes, the publisher's head of"
            " research integrity.",
            "“When I saw how it was created, I just thought, this is absolute bonkers,”"
            " says Dorothy Bishop, emeritus professor at the University of Oxford.",
        )
    }
    async with small_engine(tmp_path, files) as engine:
        about = Topic("retract", None)
        answer = await engine.ask("who said it was bonkers", about)
        assert (answer.passage or "").startswith("Dorothy Bishop said it: “When I saw")
        assert answer.confidence == HIGH
        off = SearchEngine(engine.library, policy=replace(DEFAULT, said_words_quoted=0))
        before = await off.ask("who said it was bonkers", about)
        assert not (before.passage or "").startswith("Dorothy Bishop said it")
