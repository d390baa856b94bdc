"""The load test's trace inside the bot (bench/load_trace.py): what it records of an
interaction's SQL round trips, and how its report adds them up."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import aiosqlite

# The benches import each other as top-level modules from their own folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import load_trace  # noqa: E402


def _record(kind: str, trips: int, loop_cpu: float, placed: float, freed: float) -> dict:
    return {
        "kind": kind,
        "arrived": 0.0,
        "placed": placed,
        "freed": freed,
        "trips": trips,
        "queue": 0.001 * trips,
        "exec": 0.002 * trips,
        "reader_cpu": 0.0005 * trips,
        "wake": 0.003 * trips,
        "loop_cpu": loop_cpu,
        "loop_wall": loop_cpu * 2,
    }


def test_summary_adds_up_per_kind_and_counts_new_interactions_apart() -> None:
    data = {
        "start": 0.0,
        "records": [
            _record("ask", 3, 0.008, 0.100, 0.150),  # a new question: three round trips
            _record("ask", 0, 0.002, 0.200, 0.210),  # answered from the result cache
            _record("tags", 0, 0.001, 0.300, 0.400),
            {"kind": "ask", "arrived": 0.0, "trips": 1},  # never placed: left out
        ],
        "select": [(0.0, 0.1), (0.39, 0.5)],  # the second cut at the window's end, 0.4 s
        "gc": [(0.05, 0.004, 0), (0.06, 0.010, 1), (0.5, 0.2, 2)],  # the last after the end
    }
    lines = load_trace.summary(data, ["ask", "search", "tags"])
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:5]}
    assert list(rows) == ["all", "ask", "tags"]  # search: none recorded, no row
    # n, new, trips, queue, run, reader cpu, wake, loop, loop wall, wait, held, new loop
    assert rows["ask"] == [
        "2", "1", "1.50", "1.50", "3.00", "0.75", "4.50", "5.00", "10.00", "150.0", "30.00",
        "8.00",
    ]  # fmt: skip
    assert rows["all"][:3] == ["3", "1", "1.00"]
    assert "idle in select 28%" in lines[5]  # (0.1 + 0.01) of 0.4 s
    assert "gen0 1 x (total 4 ms" in lines[5] and "gen1 1 x (total 10 ms" in lines[5]
    assert "gen2" not in lines[5]


def test_summary_reports_each_collections_cpu_and_objects_where_recorded() -> None:
    """A collection recorded with the objects it examined and its CPU (a busy machine
    stretches the wall time, not the CPU) shows both; older traces' entries only the wall."""
    data = {
        "start": 0.0,
        "records": [_record("ask", 1, 0.002, 0.100, 0.150)],
        "select": [],
        "gc": [(0.01, 0.006, 0, 1000, 0.002), (0.02, 0.004, 0, 3000, 0.003), (0.03, 0.01, 1)],
    }
    line = load_trace.summary(data, ["ask"])[-1]
    assert "gen0 2 x (total 10 ms, longest 6.0; CPU 5 ms, longest 3.0; objects 2000)" in line
    assert "gen1 1 x (total 10 ms, longest 10.0)" in line


def test_summary_of_nothing_says_so() -> None:
    assert load_trace.summary({"records": []}, ["ask"]) == ["trace: no interaction recorded"]


def test_a_round_trip_is_timed_under_the_interaction_that_made_it(tmp_path: Path) -> None:
    """install's aiosqlite wrapper as the bot meets it: a query made while an interaction
    is under way counts one trip for it, with its queue, run and wake-up times; a query
    made outside one counts for none; undoing it restores aiosqlite."""
    original = aiosqlite.core.Connection._execute
    rec = {"kind": "ask", "arrived": 0.0, **dict.fromkeys(load_trace.FIELDS, 0)}

    async def main() -> None:
        undo = load_trace.install(str(tmp_path / "trace.json"), skip=0)
        try:
            async with aiosqlite.connect(":memory:") as db:
                await db.execute_fetchall("SELECT 1")  # no interaction under way
                token = load_trace.CURRENT.set(rec)
                try:
                    await db.execute_fetchall("SELECT 1")
                    await db.execute_fetchall("SELECT 2")
                finally:
                    load_trace.CURRENT.reset(token)
        finally:
            undo()

    asyncio.run(main())
    assert rec["trips"] == 2
    assert rec["exec"] > 0 and rec["queue"] >= 0 and rec["wake"] > 0
    assert rec["loop_cpu"] > 0  # the loop's callbacks run for it were timed too
    assert aiosqlite.core.Connection._execute is original
    assert not (tmp_path / "trace.json").exists()  # written at exit only, and undone


def test_the_hook_installs_only_in_a_bot_run_asked_to_trace(tmp_path: Path) -> None:
    """bench/load_trace_hook/sitecustomize.py does nothing without LOAD_TRACE; with it, a
    `... run` process writes the trace at exit."""
    import os
    import subprocess

    out = tmp_path / "trace.json"
    root = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(load_trace.HOOK), root])}
    code = "import sys; print('ok')"
    plain = subprocess.run([sys.executable, "-c", code, "run"], env=env, capture_output=True)
    assert plain.returncode == 0 and not out.exists()
    env.update(LOAD_TRACE=str(out), LOAD_TRACE_SKIP="10")
    traced = subprocess.run([sys.executable, "-c", code, "run"], env=env, capture_output=True)
    assert traced.returncode == 0, traced.stderr.decode()[-2000:]
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["records"] == [] and written["on"] is False
