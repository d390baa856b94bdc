"""Requests about an article itself, not its text: its summary ("summarise the solar co-op
one", "tl;dr hearing aids"), its author and date ("who wrote the coral article?", "when
was that published?"), any article ("surprise me"), and what the library holds ("what
topics do you cover?"). The words that ask are language (closed classes); the rest names
the article, found as any question is (bundled content/)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.cli import main as cli_main
from bot.console import run_chat
from bot.conversation import Conversations
from bot.library.model import Article
from bot.search import asked, cards
from bot.search.engine import SearchEngine
from bot.search.followup import Topic
from bot.search.parse import parse
from bot.search.policy import DEFAULT
from bot.search.query import BYLINE, LIBRARY, LINK, RANDOM, RELATED, SUMMARY
from bot.search.results import HIGH, SearchHit
from bot.service import LibraryService
from tests.conftest import CONTENT, small_engine

SOLAR = "2025-06-18-solar-co-op-puts-panels-on-forty-school-roofs"
CORAL = "2026-04-02-coral-nursery-replants-twenty-thousand-fragments"
HEAT = "2026-02-12-street-by-street-heat-pump-rollout-halves-bills"
HEARING = "2026-03-14-hearing-aids-linked-to-slower-memory-decline"
BIRDS = "2026-01-26-citizen-scientists-count-record-number-of-garden-birds"
TOASTERS = "2025-02-08-repair-cafe-fixes-record-number-of-toasters"


@pytest.mark.parametrize(
    ("text", "wants", "topic"),
    [
        ("summarise the solar coop one", SUMMARY, ("solar", "coop")),
        ("summary of the coral article", SUMMARY, ("coral",)),
        ("tl;dr hearing aids", SUMMARY, ("hearing", "aids")),
        ("sum it up: the coral article", SUMMARY, ("coral",)),
        ("what's the heat pump article about?", SUMMARY, ("heat", "pump")),
        ("who wrote the solar co-op article", BYLINE, ("solar", "co", "op")),
        ("when was the heat pump story published?", BYLINE, ("heat", "pump", "story")),
        ("who wrote the battery one", BYLINE, ("battery",)),  # "the … one" names an article
        ("when was that published?", BYLINE, ()),
        ("give me the link", LINK, ()),
        ("what's the url of the solar co-op article", LINK, ("solar", "co", "op")),
        ("anything similar?", RELATED, ()),
        ("more like this", RELATED, ()),
        # "others" as the whole request stands for other articles like the one discussed.
        ("any others?", RELATED, ()),
        ("are there any other ones", RELATED, ()),
        ("got any other articles?", RELATED, ()),
        ("articles like the coral one", RELATED, ("coral",)),
        ("similar to the bird count?", RELATED, ("bird", "count")),  # leading: no "article"
        ("anything related to the coral one", RELATED, ("coral",)),
        ("something like the bird count", RELATED, ("bird", "count")),
        ("random article", RANDOM, None),
        ("surprise me", RANDOM, None),
        ("i'm feeling lucky", RANDOM, None),
        ("pick an article for me", RANDOM, None),
        ("what topics do you cover?", LIBRARY, None),
        ("how many articles are there", LIBRARY, None),
    ],
)
def test_words_asking_of_an_article_itself_are_not_what_it_is_about(text, wants, topic) -> None:
    q = parse(text)
    assert q.wants == wants
    assert (q.topic.content if q.topic else None) == topic


@pytest.mark.parametrize(
    "text",
    [
        "who wrote the letter to the council",  # of the text: no article named or pointed at
        "when were the results published",
        "who wrote that letter",  # "that" points at the letter, not at an article
        "random number generators",
        "that does not surprise me at all",
        "that was lucky",
        "how many posts were published in 2025",
        "topic modelling",
        "what did the mayor say about it",
        "who did the ai summary mix him up with",  # a summary in the text, not asked for
        "is hearing loss related to memory decline?",
        "were similar designs tested before?",
        "is it similar to the old one?",
        "what is it like",
        "what's the address of the repair café",
        "who were the others?",  # "others" in a question of the text
        "what did the others say",
        "are there others in the team",
    ],
)
def test_the_same_words_in_a_question_of_the_text_ask_nothing_of_the_article(text) -> None:
    assert parse(text).wants is None


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("summarise the solar coop one", SOLAR),
        ("summary of the coral article", CORAL),
        ("give me the gist of the heat pump story", HEAT),
        ("tl;dr hearing aids", HEARING),
        ("sum up the coral article", CORAL),
        ("what's the heat pump article about?", HEAT),
    ],
)
async def test_a_summary_request_answers_with_the_articles_summary(
    engine: SearchEngine, question: str, slug: str
) -> None:
    answer = await engine.ask(question)
    assert answer.article is not None and answer.article.slug == slug
    assert answer.passage == cards.summary(answer.article)
    assert answer.summary is None  # not said twice


async def test_summary_words_do_not_lower_the_confidence_the_rest_earns(engine) -> None:
    plain = await engine.ask("the coral article")
    asked = await engine.ask("summary of the coral article")
    assert plain.confidence == asked.confidence == HIGH


async def test_a_byline_question_is_answered_from_the_frontmatter(engine) -> None:
    answer = await engine.ask("who wrote the solar co-op article")
    assert answer.article is not None and answer.article.slug == SOLAR
    assert answer.passage == "Written by Marcus Ellery; published on 18 June 2025."
    answer = await engine.ask("when was the heat pump article published")
    assert answer.article is not None and answer.article.slug == HEAT
    assert answer.passage == "Written by Rafael Quintero; published on 12 February 2026."


async def test_a_byline_question_pointing_back_is_about_the_conversations_article(
    engine,
) -> None:
    # On its own, "when was that published?" found another article that "has published
    # the results"; after the solar co-op, "that" is the solar co-op article.
    for question in ("when was that published?", "who wrote it?"):
        answer = await engine.ask(question, Topic(SOLAR, None))
        assert answer.article is not None and answer.article.slug == SOLAR, question
        assert answer.followup and answer.confidence == HIGH
        assert answer.passage == "Written by Marcus Ellery; published on 18 June 2025."
    summary = await engine.ask("summarise it", Topic(CORAL, None))
    assert summary.article is not None and summary.article.slug == CORAL
    assert summary.passage == cards.summary(summary.article)


async def test_the_link_of_the_conversations_article(engine) -> None:
    answer = await engine.ask("give me the link", Topic(SOLAR, None))
    assert answer.article is not None and answer.article.slug == SOLAR
    assert answer.passage == f"Read it at {answer.article.link}"


async def test_anything_similar_lists_the_articles_most_like_one(engine) -> None:
    related = await engine.related(CORAL, 5)
    asked = (("anything similar?", Topic(CORAL, None)), ("articles like the coral one", None))
    for question, about in asked:
        answer = await engine.ask(question, about)
        assert answer.article is not None and answer.article.slug == related[0].slug
        like = [h.slug for h in related[1:] if h.score >= DEFAULT.like_floor]
        assert [h.slug for h in answer.alternatives] == like
        assert "Coral nursery" in (answer.passage or "")


async def test_similar_to_a_named_article_is_never_that_article(engine) -> None:
    related = await engine.related(BIRDS, 5)
    answer = await engine.ask("similar to the bird count?")
    assert answer.article is not None and answer.article.slug == related[0].slug != BIRDS
    assert "garden birds" in (answer.passage or "")


@pytest.mark.parametrize(
    "question",
    ["articles by rafael quintero", "posts by quintero", "what has rafael quintero written?"],
)
async def test_a_request_for_an_authors_articles_lists_them_newest_first(
    engine, question: str
) -> None:
    answer = await engine.ask(question)
    assert answer.article is not None and answer.article.slug == HEAT  # the newer of two
    assert [h.title for h in answer.alternatives] == [
        "Fund pays open-source maintainers to fix old bugs"
    ]
    assert answer.passage == "2 articles by Rafael Quintero, newest first."


async def test_what_else_did_she_write_lists_the_authors_other_articles(engine) -> None:
    for question in ("what else did she write?", "anything else by her?"):
        answer = await engine.ask(question, Topic(TOASTERS, None))
        assert answer.article is not None and answer.article.slug != TOASTERS, question
        assert answer.article.author == "Hannah Brightwell"
        assert answer.passage == "1 other article by Hannah Brightwell."


@pytest.mark.parametrize("question", ["stories by the river", "what did the mayor write"])
async def test_by_with_no_authors_name_is_a_question_of_the_text(engine, question) -> None:
    answer = await engine.ask(question)
    assert answer.passage is None or "articles by" not in answer.passage


async def test_an_article_named_but_not_found_is_not_the_conversations(engine) -> None:
    answer = await engine.ask("summarise the zebra finch article", Topic(CORAL, None))
    assert answer.article is None or answer.article.slug != CORAL


async def test_pointing_back_with_no_conversation_asks_which_article(engine) -> None:
    for question in ("who wrote it?", "summarise it"):
        answer = await engine.ask(question)
        assert answer.article is None and answer.reply and "Which article?" in answer.reply


async def test_an_article_without_author_or_date_says_so(tmp_path: Path) -> None:
    files = {"anon.md": "---\ntitle: Zyloxa kettles recalled\nslug: anon\n---\nZyloxa kettles.\n"}
    async with small_engine(tmp_path, files) as engine:
        answer = await engine.ask("who wrote the zyloxa article?")
        assert answer.article is not None and answer.article.slug == "anon"
        assert answer.passage == "The article names no author; it gives no publication date."


async def test_a_guest_posts_own_word_on_who_wrote_it_comes_with_the_byline(
    tmp_path: Path,
) -> None:
    text = (
        "---\ntitle: Zyloxa at scale\nslug: guest\nauthor: The Go Team\n"
        "date: '2015-07-06T00:00:00Z'\n---\nThis guest post was written by Yang Zhou,"
        " an engineer at Zyloxa.\n\nZyloxa serves many requests a day with Go.\n"
    )
    async with small_engine(tmp_path, {"guest.md": text}) as engine:
        answer = await engine.ask("who wrote the zyloxa guest post?")
        assert answer.article is not None and answer.article.slug == "guest"
        assert answer.passage == (
            "This guest post was written by Yang Zhou, an engineer at Zyloxa."
            " Written by The Go Team; published on 6 July 2015."
        )


async def test_a_random_request_draws_a_new_article_each_time(engine) -> None:
    drawn = set()
    for _ in range(12):  # the ask cache must not freeze the first draw
        answer = await engine.ask("surprise me")
        assert answer.article is not None and answer.confidence == HIGH
        drawn.add(answer.article.slug)
    assert len(drawn) > 1  # 12 draws of 14 articles all alike: 14^-11


async def test_what_the_library_holds_is_a_reply_with_its_counts_and_tags(engine) -> None:
    answer = await engine.ask("what topics do you cover?")
    assert answer.article is None and answer.reply is not None
    assert "14 articles" in answer.reply and "environment (7)" in answer.reply


async def test_the_console_conversation_answers_who_wrote_it(bundled_library) -> None:
    service = LibraryService(bundled_library, SearchEngine(bundled_library))
    out = io.StringIO()
    lines = "how many toasters did the repair café fix?\nwho wrote it?\n"
    assert await run_chat(service, stdin=io.StringIO(lines), stdout=out) == 0
    assert "Written by Hannah Brightwell; published on 8 February 2025." in out.getvalue()


async def test_tell_me_more_after_who_wrote_it_goes_on_from_the_text_shown(engine) -> None:
    # The byline shows none of the article's text: "tell me more" goes on from the
    # passage shown before it, not back to the summary the byline's card already showed.
    talk = Conversations(ttl=600)
    first = await engine.ask("how many toasters did the repair café fix?")
    talk.answered(first, "me")
    for question in ("who wrote it?", "give me the link"):
        talk.answered(await engine.ask(question, talk.about("me")), "me")
    more = await engine.ask("tell me more", talk.about("me"))
    assert more.article is not None and more.article.slug == TOASTERS
    assert more.passage and more.passage not in (first.passage or "")
    text = " ".join(s.text for s in more.article.sentences)
    assert text.index(more.passage) > text.index(first.passage or "")


def test_ask_json_of_a_random_request_is_a_sure_article(tmp_path: Path, capsys) -> None:
    code = cli_main(
        ["--content", str(CONTENT), "--db", str(tmp_path / "a.db"), "ask", "random article"]
        + ["--json"]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["article"] is not None and out["confidence"] == HIGH


@pytest.mark.parametrize(
    ("text", "wants"),
    [
        ("link pls", LINK),  # QA: "pls" was a word of the topic, so no request for the link
        ("how many articles r there", LIBRARY),  # QA: answered with an article's 22 million
    ],
)
def test_chat_spellings_of_function_words_ask_as_the_words_do(text: str, wants: str) -> None:
    assert parse(text).wants == wants


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        ("when r the layoffs", ["when", "are", "the", "layoffs"]),
        ("how much r the tickets", ["how", "much", "are", "the", "tickets"]),
        ("is r the best language", ["is", "r", "the", "best", "language"]),  # the language R
        ("what packages in r are there", ["what", "packages", "in", "r", "are", "there"]),
    ],
)
def test_r_is_are_only_where_a_question_leaves_no_doubt(text: str, reads: list[str]) -> None:
    assert list(parse(text).typed) == reads


def test_the_articles_of_co_authors_are_said_to_be_by_either() -> None:
    # "What else did they write?" after a post by two: the articles of each of them, so
    # "by A and B" would say they wrote all of them together.
    first = Article(slug="a", title="A", path=Path("a"))
    hits = [SearchHit(s, s, None, None, (), 0) for s in ("a", "b")]
    answer = asked.authored("q", ["Ian Lance Taylor", "Robert Griesemer"], first, hits, DEFAULT)
    assert answer.passage == "2 articles by Ian Lance Taylor or Robert Griesemer, newest first."


async def test_a_word_for_articles_alone_names_the_conversations_article(engine) -> None:
    # Member QA: "who wrote the post" after an answer searched "post" and gave the byline of
    # another article (a roadmap's "call for blog posts"): "the post", "the story" name no
    # article of their own, as "it" names none.
    for question in ("who wrote the post", "who wrote the story?"):
        answer = await engine.ask(question, Topic(SOLAR, None))
        assert answer.article is not None and answer.article.slug == SOLAR, question
        assert answer.passage == "Written by Marcus Ellery; published on 18 June 2025."
    summary = await engine.ask("summarize the post", Topic(CORAL, None))
    assert summary.article is not None and summary.article.slug == CORAL
    answer = await engine.ask("who wrote the post")  # no conversation: which one?
    assert answer.article is None and answer.reply and "Which article?" in answer.reply
    answer = await engine.ask("who wrote the coral post", Topic(SOLAR, None))  # named
    assert answer.article is not None and answer.article.slug == CORAL


async def test_the_length_asked_of_a_summary_names_no_article(engine) -> None:
    # Member QA: "summarise it in one line" searched "line" and followed up with a passage
    # as a closest match: the length asked is of the reply, not a topic.
    for question in ("summarise it in one line", "give me the gist in a few words"):
        answer = await engine.ask(question, Topic(CORAL, None))
        assert answer.article is not None and answer.article.slug == CORAL, question
        assert answer.passage == cards.summary(answer.article)
    named = await engine.ask("summarize the heat pump article in two sentences", Topic(CORAL, None))
    assert named.article is not None and named.article.slug == HEAT
    assert parse("how many birds in one garden").content == ("birds", "one", "garden")


async def test_the_x_one_names_the_article_whose_writer_is_asked(engine: SearchEngine) -> None:
    # Read as words of the text, "wrote" and "batteries" sit together in the coding club
    # article ("wrote most of the code", "replace worn batteries"), which came first.
    answer = await engine.ask("who wrote the battery one")
    assert answer.article is not None
    assert answer.article.slug == "2025-04-15-sodium-sulfur-battery-survives-ten-thousand-cycles"
