"""The in-process interaction bench (bench/interaction_cpu.py): its SQL round-trip count,
which says how many queries each kind of interaction hands to aiosqlite's threads."""

from __future__ import annotations

import sys
from pathlib import Path

import aiosqlite

from bot.library.sync import Library

# The benches import each other as top-level modules from their own folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import interaction_cpu  # noqa: E402


async def test_round_trips_are_counted_under_the_kind_that_made_them(
    bundled_library: Library,
) -> None:
    store = await bundled_library.open()
    original = aiosqlite.Connection._execute
    interaction_cpu.TRIPS.clear()
    with interaction_cpu.counting_trips():
        await store.count()  # no interaction under way: not counted
        token = interaction_cpu._KIND.set("random")
        await store.count()
        await store.articles_by_id([1, 2])
        interaction_cpu._KIND.reset(token)
    counted = interaction_cpu.TRIPS["random"]
    assert sum(counted.values()) == 2
    assert counted["SELECT count(*) FROM articles"] == 1
    assert list(interaction_cpu.TRIPS) == ["random"]
    # The wrapper is gone afterwards: nothing counts outside the bench's run.
    assert aiosqlite.Connection._execute is original
    await store.count()
    assert sum(interaction_cpu.TRIPS["random"].values()) == 2
