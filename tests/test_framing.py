"""How a member frames a request (member13's sitting): the frame of asking ("show me…",
"i'm looking for…"), a quote asked of an article, the library's shape asked for, a tag's
articles of a period, two things compared, a pasted paragraph's did-you-mean, "more like
this" with nothing much like it, and "check this out" (bundled content/)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.search import cards
from bot.search.engine import SearchEngine
from bot.search.followup import Topic
from bot.search.parse import parse
from bot.search.policy import DEFAULT
from bot.search.query import COMPARE, LIBRARY, QUOTE, SHOWN
from bot.search.results import HIGH
from tests.test_itself import CORAL, HEAT, SOLAR, TOASTERS


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("show me posts by the go team about generics", ("posts", "go", "team", "generics")),
        ("can you find me anything on otters", ("otters",)),
        ("i'm looking for news about tax refunds", ("news", "tax", "refunds")),
        ("could you pull up the coral story", ("coral", "story")),
        ("i want to read posts about concurrency", ("posts", "concurrency")),
        ("do you have articles on heat pumps", ("heat", "pumps")),
        ("u got anything on fema", ("fema",)),  # chat spelling (journey25)
        # A frame with nothing named after it stays as typed; "tell me about" is untouched.
        ("show me", ("show",)),
        ("find it", ("find",)),
        # A bare verb frames only what it lists: a title opening with one stays whole.
        ("Get familiar with workspaces", ("get", "familiar", "workspaces")),
        ("find otters", ("find", "otters")),
        ("find the posts about generics", ("posts", "generics")),
    ],
)
def test_a_requests_frame_is_not_what_it_asks_for(text: str, content: tuple[str, ...]) -> None:
    assert parse(text).content == content


async def test_a_period_asked_in_a_frame_lists_the_topic_not_the_frame(engine) -> None:
    # "find articles from 2025 about schools" listed the best matches for "find schools".
    answer = await engine.ask("find articles from 2025 about solar schools")
    assert answer.passage is not None and "“solar schools”" in answer.passage
    assert "find" not in answer.passage


async def test_a_quote_asked_of_the_conversations_article_is_its_card(engine) -> None:
    for question in ("give me a quote from it", "quote something from that post"):
        answer = await engine.ask(question, Topic(CORAL, None))
        assert answer.article is not None and answer.article.slug == CORAL, question
        assert answer.wants == QUOTE and answer.confidence == HIGH and answer.quote is not None
    named = await engine.ask("give me one quote from the toaster story", Topic(CORAL, None))
    assert named.article is not None and named.article.slug == TOASTERS
    assert named.quote is not None
    # Its title names every word naming it ("toasters"): the article asked for, not a
    # "closest match" that may not answer.
    assert named.confidence == HIGH
    alone = await engine.ask("give me a quote from it")
    assert alone.article is None and alone.reply and "Which article?" in alone.reply


@pytest.mark.parametrize(
    "question",
    [
        "what kind of articles do you have",
        "what's in your library",
        "what sorts of stories are there",
    ],
)
async def test_the_librarys_shape_asked_is_its_counts_tags_and_newest(engine, question) -> None:
    assert parse(question).wants == LIBRARY
    answer = await engine.ask(question)
    assert answer.reply is not None and "14 articles" in answer.reply
    assert "The newest: “Coral nursery replants" in answer.reply and "(2026-04-02)" in answer.reply


def test_a_library_named_by_its_topic_or_the_bots_use_is_not_the_library_asked() -> None:
    assert parse("what's in the library of things").wants is None
    assert parse("what kind of stuff can i ask you?").social == "help"


@pytest.mark.parametrize(
    "question", ["articles from 2025 about environment", "stories tagged environment from 2025"]
)
async def test_a_tags_articles_of_a_period_are_all_listed(engine, question: str) -> None:
    answer = await engine.ask(question)
    tagged = [h for h in answer.newest if "environment" in h.tags]
    assert answer.newest and tagged == answer.newest
    assert all(h.date is not None and h.date.year == 2025 for h in answer.newest)
    n = len(answer.newest)
    assert answer.passage is not None
    assert answer.passage.startswith(f"{n} articles tagged “environment” from 2025")


def test_two_sides_of_a_comparison_are_read_apart() -> None:
    q = parse("compare the heat pump story with the solar schools one")
    assert q.compared is not None
    assert [side.content for side in q.compared] == [
        ("heat", "pump", "story"),
        ("solar", "schools", "one"),
    ]
    pair = parse("what's the difference between go modules and rust editions").compared
    assert pair is not None and [s.content for s in pair] == [
        ("go", "modules"),
        ("rust", "editions"),
    ]
    assert parse("what changed in go modules").compared is None


async def test_compare_a_with_b_shows_both(engine) -> None:
    answer = await engine.ask("compare the heat pump story with the solar schools one")
    assert answer.wants == COMPARE
    assert [h.slug for h in answer.alternatives] == [HEAT, SOLAR]
    assert answer.article is not None and answer.article.slug == HEAT
    assert answer.passage is not None
    for hit in answer.alternatives:
        assert f"“{hit.title}”: " in answer.passage
    # One line a side: front ends list them (Discord: one linked item each).
    sides = answer.passage.splitlines()[1:]
    assert [s.split("”: ")[0] for s in sides] == [f"“{h.title}" for h in answer.alternatives]


async def test_a_tags_list_shorter_than_the_tag_names_the_tag_to_page_through(engine) -> None:
    listed = await engine.ask("how many articles about environment")
    assert listed.passage == "7 articles tagged “environment”, newest first."
    assert len(listed.newest) == DEFAULT.newest_listed and listed.more_of_tag == "environment"
    every = await engine.ask("list the articles tagged wildlife")
    assert len(every.newest) == 2 and every.more_of_tag is None  # all of the tag listed


async def test_a_pasted_paragraphs_did_you_mean_is_not_the_paragraph(engine) -> None:
    text = (
        "Lorem ipsum dolor sit amet consectetur, so anyway I read something about a library"
        " lending things, like drills, and I wonder how many items it has lent so far?"
    )
    found = await engine.search(text)
    assert all(len(s.split()) <= DEFAULT.suggest_max_words for s in found.suggestions)


async def test_more_like_this_says_so_when_nothing_is_much_like_it(bundled_library) -> None:
    strict = SearchEngine(bundled_library, policy=replace(DEFAULT, like_floor=101))
    answer = await strict.ask("more like this", Topic(CORAL, None))
    assert (
        answer.article is None and answer.reply and "No other article is much like" in answer.reply
    )
    loose = SearchEngine(bundled_library, policy=replace(DEFAULT, like_floor=0))
    answer = await loose.ask("more like this", Topic(CORAL, None))
    assert answer.article is not None and answer.article.slug != CORAL


async def test_check_this_out_shows_the_conversations_article(engine) -> None:
    for question in ("check this out", "look at this one"):
        answer = await engine.ask(question, Topic(CORAL, None))
        assert answer.article is not None and answer.article.slug == CORAL, question
        assert answer.wants == SHOWN and answer.confidence == HIGH
        assert answer.summary == cards.summary(answer.article)
    alone = await engine.ask("check this out")
    assert alone.article is None and alone.reply and "Look at what?" in alone.reply
    assert parse("new rust release is out").wants is None


def test_vs_after_a_function_word_opens_a_name_not_a_comparison() -> None:
    # "in vs code": "vs" is the object of "in", the editor's name, not a second thing.
    assert parse("how do i debug go code in vs code").compared is None
    assert parse("is gopls enabled by default in VS Code").compared is None
    pair = parse("rust vs go").compared
    assert pair is not None and [s.content for s in pair] == [("rust",), ("go",)]
    # The split is the first "vs" after a word naming a thing.
    pair = parse("gopls in vs code vs goland?").compared
    assert pair is not None and pair[1].content == ("goland",)
