"""Right after a list the member asked for ("anything from 2026"), a request of an article
itself naming none points into that list: "summarise that" / "more like this" ask which
one, "who wrote these?" names the list's writers (journey26: they were answered from the
article held from before the list, or told that article was gone)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.conversation import Conversations
from bot.library.sync import Library
from bot.search.asked import which_one
from bot.search.engine import SearchEngine
from bot.search.policy import DEFAULT

CORAL = "2026-04-02-coral-nursery-replants-twenty-thousand-fragments"


async def _after_a_list(engine: SearchEngine) -> tuple[Conversations, int]:
    talk = Conversations(ttl=600)
    first = await engine.ask("how many coral fragments has the nursery replanted")
    assert first.article is not None and first.article.slug == CORAL
    talk.answered(first, "k")
    listed = await engine.ask("anything from 2026")
    assert len(listed.listed) == 4
    talk.answered(listed, "k")
    about = talk.about("k")
    assert about is not None and about.slug == CORAL and about.behind_list
    return talk, len(listed.listed)


@pytest.mark.parametrize("question", ["summarise that", "more like this", "who wrote it?"])
async def test_a_request_naming_no_article_after_a_list_asks_which(
    bundled_library: Library, question: str
) -> None:
    engine = SearchEngine(bundled_library)
    talk, n = await _after_a_list(engine)
    which = await engine.ask(question, talk.about("k"))
    assert which.article is None and which.reply == which_one(n)
    # Off: answered from the coral article, asked about before the list.
    off = SearchEngine(bundled_library, policy=replace(DEFAULT, list_points_into=0))
    talk, _ = await _after_a_list(off)
    old = await off.ask(question, talk.about("k"))
    assert old.article is not None


async def test_who_wrote_these_names_the_lists_writers(bundled_library: Library) -> None:
    engine = SearchEngine(bundled_library)
    talk, n = await _after_a_list(engine)
    these = await engine.ask("who wrote most of these", talk.about("k"))
    assert these.article is None and these.reply is not None
    assert these.reply.startswith(f"Of the {n} articles listed, written by: ")
    assert "Leilani Kahale" in these.reply  # the coral article's writer, one of the 2026 four
    most = await engine.ask("who writes the most articles here", talk.about("k"))
    assert most.reply == these.reply


async def test_a_question_of_its_own_after_a_list_is_asked_as_ever(
    bundled_library: Library,
) -> None:
    engine = SearchEngine(bundled_library)
    talk, _ = await _after_a_list(engine)
    own = await engine.ask("how many toasters did the repair cafe fix", talk.about("k"))
    assert own.article is not None and own.reply is None
    card = await engine.ask("summarise the repair cafe article", talk.about("k"))
    assert card.article is not None and "toaster" in card.article.title


async def test_the_latest_asked_in_the_singular_is_the_one_talked_about(
    bundled_library: Library,
) -> None:
    # journey27: "what is the latest rust release" listed the newest five, then "when was
    # it released?" and "link?" were asked "Which one?": one was asked for, the first.
    engine = SearchEngine(bundled_library)
    talk = Conversations(ttl=600)
    latest = await engine.ask("what is the newest article")
    assert latest.newest and latest.article is not None
    talk.answered(latest, "k")
    about = talk.about("k")
    assert about is not None and about.slug == latest.article.slug
    assert not about.first_of_list and len(about.listed) > 1  # "the second one" still works
    byline = await engine.ask("who wrote it?", about)
    assert byline.article is not None and byline.article.slug == latest.article.slug
    # Asked in the plural, the list is what was asked for: which one is asked.
    talk = Conversations(ttl=600)
    talk.answered(await engine.ask("what are the newest articles"), "k")
    which = await engine.ask("who wrote it?", talk.about("k"))
    assert which.article is None and which.reply is not None and "Which one?" in which.reply
