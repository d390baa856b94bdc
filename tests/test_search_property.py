"""Property: any string gives a result or an empty result, never an exception."""

from __future__ import annotations

import asyncio
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.library.sync import Library
from bot.search.engine import SearchEngine
from bot.search.parse import parse

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"

# Bias the alphabet towards FTS5 and filter syntax so odd combinations come up often.
SYNTAX = st.sampled_from(
    ['"', "*", "NEAR(", "-", ":", "^", "(", ")", "OR", "AND", "NOT", "tag:", "author:", "+",
     "{", "}", "'", "\\", " ", "🦀", "é", "\x00", "“", "”"]
)  # fmt: skip
QUERIES = st.lists(st.one_of(st.text(max_size=12), SYNTAX), max_size=12).map("".join)


def test_parse_never_raises() -> None:
    @given(QUERIES)
    @settings(max_examples=300, deadline=None)
    def check(text: str) -> None:
        q = parse(text)
        assert len(q.raw) <= 300

    check()


def test_any_query_gives_a_result_or_nothing(tmp_path: Path) -> None:
    loop = asyncio.new_event_loop()
    lib = Library(CONTENT, tmp_path / "p.db")
    loop.run_until_complete(lib.reload())
    engine = SearchEngine(lib)

    @given(QUERIES)
    @settings(
        max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    def check(text: str) -> None:
        resp = loop.run_until_complete(engine.search(text))
        assert all(0 <= h.score <= 100 for h in resp.hits)
        answer = loop.run_until_complete(engine.ask(text))
        assert answer.article is None or answer.passage is None or answer.passage
        loop.run_until_complete(engine.autocomplete(text))
        loop.run_until_complete(engine.find(text))

    try:
        check()
    finally:
        loop.run_until_complete(lib.close())
        loop.close()
