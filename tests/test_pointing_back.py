"""A follow-up pointing back at the conversation's article whose everyday words find
another article (member19's sitting, bundled content/): "how much did it cost?" after the
Wendle's salmon is the restoration's cost, not the telemedicine pilot's closest match; a
word saying only the kind of answer wanted ("version" of "which go version added it")
need not be the article's; a thing named that the article lacks is another topic; "he" of
"what is he doing" is the pronoun, not laughter."""

from __future__ import annotations

import pytest

from bot.search.engine import SearchEngine
from bot.search.followup import Topic
from bot.search.parse import parse
from bot.search.results import HIGH
from tests.conftest import loaded_library
from tests.test_itself import HEARING, TOASTERS

WENDLE = "2025-11-03-river-restoration-brings-salmon-back-to-the-wendle"


async def test_a_pronoun_question_found_elsewhere_as_a_closest_match_is_asked_of_the_conversation(
    engine,
) -> None:
    question = "how much did it cost"
    alone = await engine.ask(question)
    # Alone, "cost" finds another article as a closest match (the telemedicine pilot's
    # "cost £410,000"): the Wendle article never writes "cost".
    assert alone.article is not None and alone.article.slug != WENDLE
    assert alone.confidence != HIGH
    answer = await engine.ask(question, Topic(WENDLE, None))
    assert answer.article is not None and answer.article.slug == WENDLE
    assert answer.followup and answer.confidence != HIGH  # the closest match, said so


async def test_a_rare_word_the_article_lacks_still_names_another_topic(engine) -> None:
    # "audiology" (rare in English, Policy.new_topic_zipf) is no word of the repair café's:
    # the hearing-aid trial's closest match stands, as with no conversation.
    question = "how many audiology visits did it take"
    alone = await engine.ask(question)
    assert alone.article is not None and alone.article.slug == HEARING
    assert alone.confidence != HIGH
    answer = await engine.ask(question, Topic(TOASTERS, None))
    assert answer.article is not None and answer.article.slug == HEARING


async def test_a_thing_named_that_the_article_lacks_is_another_topic(engine) -> None:
    # "fish" is an everyday word and no word of the repair café's: the Wendle's count,
    # surely, as with no conversation.
    answer = await engine.ask("how many fish did they count", Topic(TOASTERS, None))
    assert answer.article is not None and answer.article.slug == WENDLE
    assert answer.confidence == HIGH


@pytest.mark.parametrize("text", ["what is he doing", "what has he been doing", "how is he doing"])
def test_a_pronoun_is_no_laughter(text) -> None:
    assert parse(text).social is None


@pytest.mark.parametrize("text", ["hehe", "heh", "haha", "lol ok", "hehe thanks"])
def test_laughter_is_still_laughter(text) -> None:
    assert parse(text).social is not None


_POSTS = {
    "exports.md": (
        "Exporting functions from Quux plugins",
        "Quux 2.4 added a new directive, quux:export, which lets a plugin export its "
        "functions to the host. The host calls them as its own. Plugins built this way load "
        "faster and need no glue code. Earlier releases could only import functions.",
    ),
    "modules.md": (
        "Using Quux modules",
        "When it meets an import no module provides, the quux command looks up the module "
        "and adds the latest version to the module file. Each version added is recorded. "
        "The quux tool picks the newest version added unless a version is pinned.",
    ),
    "garden.md": (
        "A garden for every school",
        "Volunteers planted vegetable gardens at twelve schools this spring. Pupils water "
        "them every morning and sell the produce at a weekly market.",
    ),
}


@pytest.fixture
async def quux(tmp_path):
    root = tmp_path / "posts"
    root.mkdir()
    for name, (title, body) in _POSTS.items():
        (root / name).write_text(f"---\ntitle: {title}\n---\n{body}\n", encoding="utf-8")
    async with loaded_library(root, tmp_path / "quux.db") as library:
        yield SearchEngine(library, cache_size=0)


async def test_a_word_saying_the_kind_of_answer_need_not_be_the_articles(quux) -> None:
    question = "which quux version added it"
    alone = await quux.ask(question)
    # Alone, "version" and "added" find the modules post surely.
    assert alone.article is not None and alone.article.title == "Using Quux modules"
    assert alone.confidence == HIGH
    idx = await quux.index()
    exports = next(s for s in idx.by_slug if "export" in s)
    answer = await quux.ask(question, Topic(exports, None))
    assert answer.article is not None and answer.article.slug == exports, answer.reply
