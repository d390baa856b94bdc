"""How members talk to the bot (member14's sitting): a preamble of chatter before the
question, an emoji for thanks, "when was that?" of the conversation's article, "what's new
in it", a topic's articles counted or listed, a recent period with nothing in it, the
marks typed around a tag's name, a short question naming a word its conversation's
article lacks, and a pasted paragraph that finds nothing (bundled content/)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.library.sync import Library
from bot.search.engine import SearchEngine
from bot.search.followup import Topic
from bot.search.framing import without_preamble
from bot.search.library_asks import asks_oldest
from bot.search.parse import parse
from bot.search.policy import DEFAULT
from bot.search.query import BYLINE, LISTED, SUMMARY
from bot.search.results import HIGH
from tests.test_itself import CORAL, HEAT, TOASTERS


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("hey bot quick q, did anyone count the birds", "did anyone count the birds"),
        ("hey bot, quick question — when did the coral replanting start?", "when did the coral"),
        ("hiya bot! random question but how many toasters", "how many toasters"),
        ("quick question: who wrote the coral story", "who wrote the coral story"),
        ("hey bot what is a heat pump", "what is a heat pump"),
        # No preamble: a greeting not set off, an announcement word as a topic's word.
        ("hello world in go", "hello world in go"),
        ("Question mark operator in rust", "Question mark operator in rust"),
        # A preamble with nothing after it stays, for small talk to read.
        ("hi bot!", "hi bot!"),
    ],
)
def test_a_preamble_of_chatter_is_not_what_is_asked(text: str, rest: str) -> None:
    assert without_preamble(text).startswith(rest)


async def test_a_question_after_chatter_is_answered_as_asked_plainly(engine) -> None:
    plain = await engine.ask("how many toasters did the repair cafe fix")
    chatted = await engine.ask("hey bot, quick question: how many toasters did the repair cafe fix")
    assert plain.article is not None and plain.article.slug == TOASTERS
    assert chatted.article is not None and chatted.article.slug == TOASTERS
    assert parse("hey bot, quick question: how many toasters").content == ("toasters",)


@pytest.mark.parametrize(("text", "kind"), [("👍", "ack"), ("👍🏽👍🏽", "ack"), ("🙏", "thanks")])
def test_an_emoji_of_assent_is_small_talk(text: str, kind: str) -> None:
    assert parse(text).social == kind
    assert parse("🤔🤔🤔").social == "wordless"


@pytest.mark.parametrize(
    "question",
    # "When?" alone asks the same of the article just shown (member15).
    [
        "when was that",
        "and when did it come out",
        "when was it?",
        "when?",
        "and when?",
        "when exactly?",
    ],
)
async def test_when_was_that_is_the_conversations_articles_date(engine, question) -> None:
    assert parse(question).wants == BYLINE
    answer = await engine.ask(question, Topic(CORAL, None))
    assert answer.article is not None and answer.article.slug == CORAL
    assert answer.confidence == HIGH and answer.followup
    assert answer.passage is not None and "published on 2 April 2026" in answer.passage
    alone = await engine.ask(question)
    assert alone.article is None and alone.reply and "Which article?" in alone.reply


def test_when_asked_of_something_named_is_asked_of_the_text() -> None:
    assert parse("when did they add generics").wants is None
    assert parse("when did it rain there").wants is None
    assert parse("when was it launched?").wants is None  # "launched in January": the text


async def test_whats_new_in_it_is_the_articles_gist_not_the_newest(engine) -> None:
    assert not parse("and what's new in it").newest
    assert parse("and what's new in it").wants == SUMMARY
    assert parse("what's new?").newest and parse("what's new?").wants is None
    assert parse("is there anything new").newest
    assert parse("any news?").newest and parse("🦀 news?").newest
    assert not parse("fox news").newest and not parse("news about rust").newest
    assert parse("what's new in the heat pump rollout").wants is None  # names its topic
    answer = await engine.ask("and what's new in it", Topic(HEAT, None))
    assert answer.article is not None and answer.article.slug == HEAT
    assert answer.confidence == HIGH and answer.newest == []


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("how many articles about rust are there", ("rust",)),
        ("how many go posts are there", ("go",)),
        ("how many articles do you have about energy", ("energy",)),
        ("list the articles about netflix", ("netflix",)),
        ("which posts mention generics", ("generics",)),
        ("what posts are about async", ("async",)),
        # Asks nothing of an article itself (test_itself), and is no library size: counted.
        ("how many articles mention heat pumps", ("heat", "pumps")),
        # journey26: told to list, the topic before the word for articles.
        ("list the survey results posts", ("survey", "results")),
        ("list the heat pump articles", ("heat", "pump")),
        # ...and asked as a heading: a plural word for articles and its subject.
        ("articles on energy", ("energy",)),
        ("go posts about the garbage collector", ("go", "garbage", "collector")),
    ],
)
def test_a_topics_articles_counted_or_listed(question: str, topic: tuple[str, ...]) -> None:
    q = parse(question)
    assert q.wants == LISTED and q.topic is not None and q.topic.content == topic


@pytest.mark.parametrize(
    "question",
    [
        "how many posts did jenn write",  # asks of a post's text
        "which post announced rust 1.0",  # asks for one post
        "how many birds were counted",  # counts no articles
        "how many articles are there",  # the library's size
        "list the posts",  # no topic: not a topic's articles
        "the post about salmon",  # one post named
        "articles on energy say what",  # a question of them
    ],
)
def test_a_count_of_something_else_is_not_a_topics_articles(question: str) -> None:
    assert parse(question).wants != LISTED


async def test_a_tags_articles_counted_are_all_of_them(engine) -> None:
    answer = await engine.ask("how many articles do you have about energy")
    assert answer.passage is not None and answer.passage.startswith("3 articles tagged “energy”")
    assert len(answer.newest) == 3


async def test_a_words_articles_counted_say_how_many_mention_it(engine) -> None:
    answer = await engine.ask("how many articles mention toasters")
    assert answer.passage is not None
    assert answer.passage.startswith("1 article mentions “toasters”")
    assert answer.article is not None and answer.article.slug == TOASTERS


async def test_a_period_after_the_newest_article_offers_the_newest(engine) -> None:
    later = await engine.ask("articles from 2030")
    assert later.passage is not None
    assert later.passage.startswith("No articles from 2030; the newest instead")
    assert later.newest and later.newest[0].slug == CORAL
    earlier = await engine.ask("articles from 2020")
    assert earlier.reply == "No articles from 2020: the library runs from 2025 to 2026."


@pytest.mark.parametrize("typed", ["Energy!!", "#energy", "energy?"])
async def test_marks_typed_around_a_tags_name_are_no_part_of_it(engine, typed: str) -> None:
    tag, articles = await engine.tag(typed)
    assert tag == "energy" and len(articles) == 3


async def test_a_short_question_naming_a_rare_word_the_article_lacks_is_new(
    bundled_library: Library,
) -> None:
    # "bills" is the heat-pump article's; "gpu" no word of it, nor everyday English.
    answer = await SearchEngine(bundled_library).ask("gpu bills?", Topic(HEAT, None))
    assert answer.article is None
    off = replace(DEFAULT, new_topic_zipf=0)
    guessed = await SearchEngine(bundled_library, policy=off).ask("gpu bills?", Topic(HEAT, None))
    assert guessed.article is not None and guessed.article.slug == HEAT and guessed.followup
    held = await SearchEngine(bundled_library).ask("how much did bills drop", Topic(HEAT, None))
    assert held.article is not None and held.article.slug == HEAT


PASTED = (
    "my neighbour keeps talking at barbecues about vintage motorcycles, carburettor tuning,"
    " spark plugs, chrome polish, leather saddles and old garages, and then she said divers"
    " replant coral fragments on reefs in warm water, how does it work?"
)


async def test_a_pasted_paragraph_finding_nothing_is_not_a_follow_up(bundled_library) -> None:
    answer = await SearchEngine(bundled_library).ask(PASTED, Topic(CORAL, None))
    assert answer.article is None
    off = replace(DEFAULT, pasted_terms=10**6)
    guessed = await SearchEngine(bundled_library, policy=off).ask(PASTED, Topic(CORAL, None))
    assert guessed.article is not None and guessed.article.slug == CORAL


async def test_few_articles_counted_are_all_listed(engine) -> None:
    # content/: "birds" is in the bird count's text and in another article's; the search
    # is confident of the bird count only. Before, "2 articles mention “birds”." stood
    # above one title, and a member went looking for the second.
    answer = await engine.ask("list articles about birds")
    assert answer.passage == "2 articles mention “birds”, the best match first."
    assert len(answer.newest) == 2
    assert answer.newest[0].slug == answer.article.slug


@pytest.mark.parametrize("question", ["oldest post", "what are the earliest articles?"])
async def test_the_oldest_articles_listed_oldest_first(
    bundled_library: Library, question: str
) -> None:
    # journey26: "oldest post" answered with a post saying "oldest" (a Go program's).
    answer = await SearchEngine(bundled_library).ask(question)
    assert answer.passage == "The oldest articles, oldest first."
    assert answer.article is not None and answer.article.slug == TOASTERS  # Feb 2025, the first
    dates = [h.date for h in answer.newest]
    assert len(dates) > 1 and dates == sorted(dates)
    off = SearchEngine(bundled_library, policy=replace(DEFAULT, oldest_listed=0))
    assert (await off.ask(question)).passage != answer.passage


def test_oldest_of_something_else_asks_of_the_text() -> None:
    assert not asks_oldest(["what", "is", "the", "oldest", "tree"])
    assert not asks_oldest(["the", "first", "article"])
