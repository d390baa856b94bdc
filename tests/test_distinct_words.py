"""A question whose candidates hold only its everyday words together is read again by its
distinctive ones (SearchEngine._without_everyday): nothing only when the library holds no
distinctive word of it. Over ../shared/corpus/blogs, where it was met: "late" (an everyday
word 58 of the posts write) ranked the posts, and "generics" (FTS5's porter stem "gener"
is in 477: general, generate…) none of them."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.policy import DEFAULT
from bot.search.results import LOW
from tests.conftest import loaded_library, shared_path

# The member's question (none of the probes written before the rule was refused).
QUESTIONS = [("why did go add generics so late", "generic")]


async def test_a_distinctive_word_beside_everyday_ones_finds_the_closest_match(
    tmp_path: Path,
) -> None:
    async with loaded_library(shared_path("corpus", "blogs"), tmp_path / "blogs.db") as lib:
        for question, word in QUESTIONS:
            answer = await SearchEngine(lib).ask(question)
            assert answer.article is not None and word in answer.article.title.lower()
            assert answer.confidence == LOW
            off = await SearchEngine(lib, policy=DEFAULT.with_(distinct_pool=0)).ask(question)
            assert off.article is None or word not in off.article.title.lower()
