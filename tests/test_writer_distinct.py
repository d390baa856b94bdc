"""A question naming the best article's writer by a word few articles hold (its byline)
counts that name among the distinctive words held together (Policy.writer_distinct): the
byline is the article's own though no passage writes it. "how long was brittany away from
her day job" (fresh15, news) held day, job and away together, all everyday English, and was
the closest match only (bench/README.md, "refuse26")."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.policy import DEFAULT
from bot.search.results import HIGH, LOW
from tests.conftest import small_engine, tool_post


def _by(author: str, slug: str, title: str, body: str) -> str:
    return tool_post(slug, title, body).replace("author: Staff Writer", f"author: {author}")


_POSTS = {
    "leave.md": _by(
        "Marisol Quenneville",
        "build-the-thing",
        "Build the thing",
        "I took a sabbatical to write software for myself. I was away from my day job for "
        "six weeks. The first week I gave a talk at a meetup.",
    ),
    **{
        f"o{k}.md": tool_post(
            f"notes-{k}",
            f"Office notes {k}",
            f"The office opens at nine. Staff keep a rota for the kitchen, part {k}.",
        )
        for k in range(4)
    },
    "commute.md": tool_post(
        "commute", "Commuting by bike", "Riding to the day job takes twenty minutes."
    ),
}


async def test_naming_the_writer_counts_as_a_distinctive_word_held(tmp_path: Path) -> None:
    question = "how long was quenneville away from her day job"
    async with small_engine(tmp_path, _POSTS) as engine:
        answer = await engine.ask(question)
        _, found = await engine.reranked(question)
        off = await SearchEngine(engine.library, policy=DEFAULT.with_(writer_distinct=0)).ask(
            question
        )
        # Not naming the writer, the same everyday words stay the closest match at most.
        unnamed = await engine.ask("how long was she away from her day job")
    assert found[0].evidence.names_writer
    assert found[0].evidence.distinct_together == 0
    assert off.article is not None and off.article.slug == "build-the-thing"
    assert off.confidence == LOW, off.passage
    assert answer.article is not None and answer.article.slug == "build-the-thing"
    assert answer.confidence == HIGH, answer.passage
    assert unnamed.confidence != HIGH
