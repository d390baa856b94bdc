"""A short query opening with a question word asks as it would with "?" (respond.asks,
Policy.short_question_asks): "what is tpde" (fresh19, blogs) was the closest match only,
its one article writing the word in passing (Policy.lone_terms: words asking nothing), and
"what is tpde?" a confident answer (bench/README.md, "refuse27")."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.policy import DEFAULT
from bot.search.results import HIGH, LOW
from tests.conftest import small_engine, tool_post

_POSTS = {
    "update.md": tool_post(
        "program-update",
        "Program management update",
        "We met the compiler team this month. The goals for the year are set. Reviews are "
        "on schedule. Zorblax, a fast compiler backend from a university group, was shown "
        "at the meeting.",
    ),
    **{
        f"n{k}.md": tool_post(f"notes-{k}", f"Team notes {k}", f"The team met on Monday, part {k}.")
        for k in range(4)
    },
}


async def test_a_short_question_asks_as_it_would_with_a_question_mark(tmp_path: Path) -> None:
    async with small_engine(tmp_path, _POSTS) as engine:
        short = await engine.ask("what is zorblax")
        marked = await engine.ask("what is zorblax?")
        off = await SearchEngine(engine.library, policy=DEFAULT.with_(short_question_asks=0)).ask(
            "what is zorblax"
        )
        # Not a question: the word alone, mentioned in passing, is the closest match only.
        word = await engine.ask("zorblax")
    assert marked.article is not None and marked.article.slug == "program-update"
    assert marked.confidence == HIGH
    assert short.article is not None and short.article.slug == "program-update"
    assert short.confidence == HIGH, short.passage
    assert off.confidence == LOW
    assert word.confidence != HIGH
