"""perf24's exact cuts: fewer counting round trips for a question's compound and joined
forms (Retriever.forms, Retriever._counted), and cheaper code giving the same results
(rerank.named_site_first, Retriever._order)."""

from __future__ import annotations

import heapq
import random
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bot.search.compounds import Forms
from bot.search.index import DocFreqs
from bot.search.parse import parse
from bot.search.policy import DEFAULT
from bot.search.rerank import named_site_first
from bot.search.retrieve import Retriever
from bot.search.sites import site_words
from tests.conftest import small_engine, tool_post
from tests.test_guarded_counts import trips

FILES = {
    "devterm.md": tool_post(
        "devterm",
        "A portable terminal from ClockworkPi",
        "<p>The clockworkpi team built a portable terminal with a thermal printer. Its "
        "frontend is written in Lua, and the front end of the clockwork case is metal.</p>",
    ),
    "garden.md": tool_post(
        "garden",
        "A garden in the city",
        "<p>The garden grows beans and the city waters them. A clockwork timer runs the "
        "pump; a pi board logs the water used at the front of the shed.</p>",
    ),
}


def counts_of(sent: list[str]) -> list[str]:
    """The counting statements among those sent (see test_guarded_counts.trips)."""
    return [sql for sql in sent if "count(*)" in sql]


async def fresh_retriever(engine: Any) -> Retriever:
    """A retriever of the engine's index with nothing counted yet."""
    run = await engine._retriever(await engine.index())
    run.counts = DocFreqs(100)
    return run


async def test_a_joined_form_is_counted_with_its_words_in_one_round_trip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with small_engine(tmp_path, FILES) as engine:
        run = await fresh_retriever(engine)
        sent = trips(monkeypatch)
        exprs, dfs = await run._counted(
            ["clockwork", "pi"], [("clockwork", "pi", "clockworkpi")], Forms()
        )
        # Both words take the joined form "clockworkpi" (one article writes it), and
        # their counts with it came in the words' round trip (two before perf24).
        assert exprs == {
            "clockwork": '("clockwork" OR "clockworkpi")',
            "pi": '("pi" OR "clockworkpi")',
        }
        assert dfs == {"clockwork": 2, "pi": 2}
        assert len(counts_of(sent)) == 1, sent


async def test_a_word_in_two_joins_is_still_counted_with_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with small_engine(tmp_path, FILES) as engine:
        run = await fresh_retriever(engine)
        joins = [("front", "end", "frontend"), ("end", "front", "endfront")]
        exprs, dfs = await run._counted(["front", "end"], joins, Forms())
        # "endfront" is held by none: each word takes "frontend" only.
        assert exprs == {"front": '("front" OR "frontend")', "end": '("end" OR "frontend")'}
        assert dfs == {"front": 2, "end": 1}


async def test_a_hyphenated_compound_is_counted_in_the_learning_round_trip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with small_engine(tmp_path, FILES) as engine:
        run = await fresh_retriever(engine)
        q = parse("who built the portable front-end terminal")
        sent = trips(monkeypatch)
        forms = await run.forms(q)
        assert forms.expr("front", '"front"') == '("front" OR "frontend")'
        assert len(counts_of(sent)) == 1, sent  # acronyms.learn's (the question has runs of words)
        exprs, dfs = await run._counted(q.content, [], forms)
        # The compound's forms were counted in that trip: none more to count them.
        assert len(counts_of(sent)) == 1, sent
        assert exprs["front"] == '("front" OR "frontend")' and dfs["front"] == 2


def _named_site_first_before(found: list, margin: float, names: frozenset[str]) -> None:
    """named_site_first as it was before perf24 (every candidate's site read first)."""
    if not found or not names:
        return
    named = [bool(site_words(r.article.link) & names) for _, _, r in found]
    if named[0] or not any(named):
        return
    best = found[0][0]
    for k, (order, _, _) in enumerate(found[1:], 1):
        if order < best - margin:
            return
        if named[k]:
            found.insert(0, found.pop(k))
            return


def test_named_site_first_moves_what_it_moved_before() -> None:
    rng = random.Random(24)
    links = ["https://blog.rust-lang.org/a", "https://go.dev/b", "https://www.bbc.co.uk/c", None]
    for _ in range(2000):
        n = rng.randint(0, 8)
        orders = sorted((rng.random() for _ in range(n)), reverse=True)
        found = [
            (o, -k, SimpleNamespace(article=SimpleNamespace(link=rng.choice(links))))
            for k, o in enumerate(orders)
        ]
        names = frozenset(rng.sample(["rust", "go", "bbc", "lang", "python"], rng.randint(0, 2)))
        margin = rng.choice([0.0, 0.05, 0.1, 0.5])
        before, after = list(found), list(found)
        _named_site_first_before(before, margin, names)
        named_site_first(after, margin, names)
        assert after == before


def test_the_order_keeps_the_same_head_of_a_ranking() -> None:
    rng = random.Random(24)
    for _ in range(300):
        n = rng.randint(0, 700)
        ranks = list(range(n))
        rng.shuffle(ranks)
        # Rounded scores tie often, as real ones do.
        scores = {a: round(rng.random(), rng.choice([1, 2, 4])) for a in range(n)}
        run = SimpleNamespace(policy=DEFAULT, index=SimpleNamespace(ranks=ranks))
        got = Retriever._order(run, scores)  # type: ignore[arg-type]
        p = DEFAULT
        items: Any = scores.items()
        if len(scores) > p.ordered:
            low = min(p.rerank_floor, heapq.nlargest(p.ordered, scores.values())[-1]) - 0.01
            items = [(a, s) for a, s in items if s >= low]
        want = [k[2] for k in sorted([(-round(s * 100), ranks[a], a) for a, s in items])]
        assert got == want


async def test_a_question_asked_then_searched_is_parsed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.search import engine as engine_module

    parsed: list[str] = []
    real = engine_module.parse

    def counting(text: str, *args: Any, **kwargs: Any) -> Any:
        parsed.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(engine_module, "parse", counting)
    async with small_engine(tmp_path, FILES) as engine:
        answer = await engine.ask("who grows beans in the city garden")
        assert answer.article is not None and answer.article.slug == "garden"
        hits = (await engine.search("who grows beans in the city garden")).hits
        assert [h.slug for h in hits][:1] == ["garden"]
        assert parsed == ["who grows beans in the city garden"]
