""" "When was that?" read in the passage the conversation last showed (member22's sitting):
the date a sentence of the passage gives what it tells ("in May 2024", "last week"), or
the one nearest it in its paragraph; the publication date only when none dates it. Before,
"when was that?" always gave the publication date, and "when did that happen?" searched
the article for "happen" as a closest match."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.conversation import Conversations
from bot.search import when_shown
from bot.search.engine import SearchEngine
from bot.search.followup import Topic
from bot.search.policy import DEFAULT
from bot.search.query import BYLINE
from bot.search.results import HIGH, Answer
from tests.conftest import dated_post, small_engine

TELEMEDICINE = "2025-05-30-rural-telemedicine-programme-cuts-travel-for-hill-farmers"
BOOTHS = (
    "The Glen Orrin Connected Care pilot installed six soundproofed consultation booths in"
    " community buildings across the valley in May 2024."
)
MILES = (
    "In its first 12 months the programme hosted 2,310 consultations. The health board "
    "estimates they saved patients a combined 183,000 miles of driving and around 4,600 "
    "hours of travel time."
)


@pytest.mark.parametrize(
    "text",
    [
        "when was that",
        "When did that happen?",
        "and when was it?",
        "when?",
        "so when did it take place",
    ],
)
def test_when_was_that_asks_of_what_was_shown(text) -> None:
    assert when_shown.asks_when(text)


@pytest.mark.parametrize(
    "text", ["when did he join", "when was it launched", "when was the pilot set up", "that"]
)
def test_a_verb_or_topic_of_its_own_does_not(text) -> None:
    assert not when_shown.asks_when(text)


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        (BOOTHS, ["in May 2024"]),
        ("The show was on September 18, 2025, at the Kennedy Center.", ["September 18, 2025"]),
        ("It lent its 10,000th item last week: a hedge trimmer.", ["last week"]),
        ("It paid 1500 people, and they may stay.", []),  # a count, "may" the verb
        ("It began in 2020 and was bleached in 2019.", ["in 2020", "in 2019"]),
        ("For the last year or so, he has run the meeting.", []),  # a length, not a date
    ],
)
def test_the_phrases_that_date_a_sentence(sentence, dates) -> None:
    assert when_shown.dates_in(sentence) == dates


async def test_the_date_in_the_passage_shown_answers_surely(engine) -> None:
    answer = await engine.ask("when did that happen", Topic(TELEMEDICINE, BOOTHS))
    assert answer.article is not None and answer.article.slug == TELEMEDICINE
    assert answer.confidence == HIGH and answer.followup and answer.wants == BYLINE
    assert answer.passage is not None and answer.passage.startswith("In May 2024: The Glen")


async def test_without_a_date_in_the_passage_the_publication_date_answers(engine) -> None:
    answer = await engine.ask("when was that", Topic(TELEMEDICINE, MILES))
    assert answer.confidence == HIGH and answer.wants == BYLINE
    assert answer.passage is not None and "published on 30 May 2025" in answer.passage
    assert "May 2024" not in answer.passage


async def test_with_the_rule_off_the_publication_date_answers_as_before(bundled_library) -> None:
    off = SearchEngine(bundled_library, policy=replace(DEFAULT, event_date_shown=0))
    answer = await off.ask("when was that", Topic(TELEMEDICINE, BOOTHS))
    assert answer.passage is not None and "May 2024" not in answer.passage


CORAL = "2026-04-02-coral-nursery-replants-twenty-thousand-fragments"


async def test_when_was_that_dates_the_event_the_last_question_asked(bundled_library) -> None:
    """member23's probe: "how hot did the water get last year?" found no answer, so the
    passage shown was still the nursery's count ("since it began in 2020"); "when was
    that?" asks of the heatwave the last question named, not of the count."""
    engine = SearchEngine(bundled_library)
    talk = Conversations(ttl=600)
    first = await engine.ask("how many coral fragments has the tavaru nursery replanted")
    assert first.article is not None and first.article.slug == CORAL
    talk.answered(first, "k")
    asked = "how hot did the water get last year"
    # Whatever the question found, the conversation holds it as its last question.
    talk.answered(Answer(question=asked), "k")
    topic = talk.about("k")
    assert topic is not None and topic.slug == CORAL and topic.asked == asked
    answer = await engine.ask("when was that?", topic)
    assert answer.passage is not None and answer.passage.startswith("Last year: The approach")
    # Off: the passage shown alone dates the nursery's start.
    off = SearchEngine(bundled_library, policy=replace(DEFAULT, event_of_asked=0))
    before = await off.ask("when was that?", topic)
    assert before.passage is not None and before.passage.startswith("In 2020")


async def test_a_question_read_in_the_passage_shown_keeps_the_question_before(engine) -> None:
    talk = Conversations(ttl=600)
    first = await engine.ask("when did the telemedicine pilot install its booths")
    talk.answered(first, "k")
    topic = talk.about("k")
    assert topic is not None and topic.asked == first.question
    talk.answered(await engine.ask("who said that", topic), "k")
    after = talk.about("k")
    assert after is not None and after.asked == first.question


def test_one_shared_word_is_no_event() -> None:
    """A question sharing one word with a dated sentence ("year") names no event there:
    the passage shown dates what it tells; two words beyond the title's do."""
    from tests.test_answer import ARTICLE

    shown = "The bridge will carry 12000 cyclists a day."
    assert when_shown.of_asked(ARTICLE, "what did the year bring", shown, 2) == []
    opened = when_shown.of_asked(ARTICLE, "will it open after three years", shown, 2)
    assert opened == ["It will open in 2027 after three years of work."]
    # The words of the title ("bridge", "town") name the article, not the event.
    assert when_shown.of_asked(ARTICLE, "the town bridge", shown, 1) == []


_SCREENPLAY = (
    "Good then that screenwriter Eric Roth typed the screenplay in an old program. "
    "“It’s half superstition and half fear of change,” Roth said. Roth wrote the screenplay "
    "for Dune in 2018 and explained he was still using it on a podcast in 2020."
)


@pytest.fixture
async def screenplay(tmp_path):
    post = (
        "---\ntitle: The Dune screenplay was typed in DOS\nauthor: Matthew Gault\n"
        f"date: 2021-10-26\n---\n{_SCREENPLAY}\n"
    )
    async with small_engine(tmp_path, {"dune.md": post}) as engine:
        yield engine


@pytest.mark.parametrize("question", ["when did he write it?", "so when did he write that"])
async def test_when_a_person_wrote_it_is_the_date_the_text_gives(screenplay, question) -> None:
    # journey23, journey24: after the Dune answer, "when did he write it?" (he = Roth) got
    # the byline "Written by Matthew Gault; published on 26 October 2021", not 2018.
    (slug,) = (await screenplay.index()).by_slug
    shown = "“It’s half superstition and half fear of change,” Roth said."
    answer = await screenplay.ask(question, Topic(slug, shown))
    assert answer.confidence == HIGH and answer.passage is not None
    assert answer.passage.startswith("In 2018; in 2020: Roth wrote the screenplay for Dune")
    assert answer.passage.endswith("(Written by Matthew Gault; published on 26 October 2021.)")


async def test_when_the_article_was_written_is_its_byline(screenplay) -> None:
    (slug,) = (await screenplay.index()).by_slug
    answer = await screenplay.ask("when was it written?", Topic(slug, "Roth said."))
    assert answer.passage == "Written by Matthew Gault; published on 26 October 2021."


def test_a_byline_writers_own_writing_is_the_articles() -> None:
    from bot.library.model import Article, Sentence

    text = "Gault wrote in 2020 that the program was old."
    article = Article("a", "A", "a.md", author="Matthew Gault", sentences=(Sentence(text, 0),))
    assert when_shown.written_sentences(article, text) == []


def test_an_initialism_does_not_end_the_sentence_dated() -> None:
    # journey24: "On Thursday: The latest news: on Thursday, the U." (cut at "U.S.").
    shown = (
        "The latest news: on Thursday, the U.S. Securities and Exchange Commission filed a "
        "lawsuit against Musk. Dr. Ames agreed."
    )
    assert when_shown.dated(shown) == [
        "The latest news: on Thursday, the U.S. Securities and Exchange Commission filed a "
        "lawsuit against Musk."
    ]


async def test_a_when_answer_dated_only_by_its_writing_day_shows_that_day(tmp_path) -> None:
    # "…releasing Widget 1.1 beta today": read years later, "today" is the day the post was
    # published, which stands before it; the rule off, the sentence alone (journey25).
    files = {
        "w.md": dated_post(
            "widget-one",
            "Announcing Widget 1.0",
            "2015-05-15",
            "To kick off that process, we are also releasing Widget 1.1 beta today,"
            " simultaneously with Widget 1.0.",
            "Widget is a small toolkit for building reliable gadgets.",
        )
    }
    async with small_engine(tmp_path, files) as engine:
        answer = await engine.ask("when was widget 1.0 released")
        assert answer.article is not None and answer.article.slug == "widget-one"
        shown = answer.passage or ""
        assert (
            shown.startswith("To kick off") and "Widget 1.0. (Published on 15 May 2015.)" in shown
        )
        off = SearchEngine(engine.library, policy=replace(DEFAULT, writing_date_shown=0))
        plain = await off.ask("when was widget 1.0 released")
        assert "Published on" not in (plain.passage or "")


def test_a_passage_naming_its_own_date_is_left_as_it_is() -> None:
    from datetime import UTC, datetime

    from bot.library.model import Article

    article = Article(
        slug="s", title="t", path="s.md", date=datetime(2015, 5, 15, tzinfo=UTC), text="x"
    )
    dated = "Today, on May 15, we release it."
    assert when_shown.dated_by_writing(dated, article) == dated
    assert when_shown.dated_by_writing("It ships now.", article) == "It ships now."
    assert when_shown.dated_by_writing("We ship it today. … And more.", article) == (
        "We ship it today. (Published on 15 May 2015.) … And more."
    )
