"""Guarded article counts: a count that needs another's first (a run of words counted as a
phrase only where some article holds its initials) made in the same round trip
(SearchStore.doc_freqs, DocFreqs.count, acronyms._learn)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.search import acronyms
from bot.search.index import DocFreqs
from bot.search.parse import parse
from bot.search.policy import DEFAULT
from bot.search.words import fts_quote
from bot.store.search import SearchStore
from tests.conftest import small_engine, tool_post

FILES = {
    "therapy.md": tool_post(
        "gene-therapy",
        "A therapy for an untreatable cancer",
        "<p>Developed by University College London (UCL), the technique edits the genetic "
        "code of donor cells. Most patients were in remission a year later, UCL said.</p>",
    ),
    "garden.md": tool_post(
        "garden",
        "A garden in the city",
        "<p>The garden grows beans and the city waters them. University staff visit it.</p>",
    ),
}

HELD, RARE, NONE = fts_quote("the"), fts_quote("ucl"), fts_quote("qqzzxxnothing")
PHRASE = fts_quote("university college london")


def trips(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The statements the search store hands to SQLite from now on, one per round trip."""
    sent: list[str] = []
    real = SearchStore._rows

    async def spy(self: SearchStore, sql: str, params: Any = ()) -> Any:
        sent.append(sql)
        return await real(self, sql, params)

    monkeypatch.setattr(SearchStore, "_rows", spy)
    return sent


@pytest.fixture
async def fts(tmp_path: Path) -> AsyncIterator[SearchStore]:
    """The full-text store of a small library of FILES."""
    async with small_engine(tmp_path, FILES) as engine:
        yield SearchStore((await engine.keeper.store()).readers)


async def test_a_guarded_term_is_counted_only_where_its_guard_is_held_in_one_trip(
    fts: SearchStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = await fts.doc_freqs([HELD, NONE, RARE, PHRASE])
    assert plain[0] == 2 and plain[1] == 0 and plain[2] == 1 and plain[3] == 1
    sent = trips(monkeypatch)
    guarded = await fts.doc_freqs([HELD, NONE, RARE], [(0, PHRASE), (1, HELD), (2, PHRASE)])
    assert guarded == [2, 0, 1, 1, 0, 1]
    assert len(sent) == 1
    # A MATCH FTS5 refuses zeroes only itself, and what it guards.
    assert await fts.doc_freqs([HELD, "AND"], [(0, PHRASE), (1, PHRASE)]) == [2, 0, 1, 0]


async def test_doc_freqs_remember_only_what_was_counted(
    fts: SearchStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = DocFreqs(100)
    sent = trips(monkeypatch)
    assert await counts.count(fts, [NONE, RARE], [(NONE, PHRASE)]) == [0, 1, 0]
    assert len(sent) == 1
    # The phrase was not counted (its guard is held by none): not remembered as 0.
    assert await counts.count(fts, [RARE], [(RARE, PHRASE)]) == [1, 1]
    assert len(sent) == 2 and counts[PHRASE] == 1
    # All known now: no round trip; a guard known unheld gives 0 without one.
    both = [(NONE, PHRASE), (RARE, PHRASE)]
    assert await counts.count(fts, [NONE, RARE], both) == [0, 1, 0, 1]
    assert len(sent) == 2


async def test_acronyms_count_words_initials_and_runs_in_one_round_trip(
    fts: SearchStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = DocFreqs(100)
    sent = trips(monkeypatch)
    q = parse("what did university college london say")
    learned = await acronyms.learn(q, fts, counts, DEFAULT)
    # The run's initials ("ucl") are held: the run is counted as a phrase, in the
    # words' round trip; the one other is reading the articles that write "UCL".
    assert [("count(*)" in s) for s in sent] == [True, False], sent
    assert learned == {("university", "college", "london"): ("ucl",)}
    assert counts[PHRASE] == 1 and counts[RARE] == 1
