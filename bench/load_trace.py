"""Where an interaction's time goes inside the bot during `bench/load.py --trace`.

The load test times an interaction from outside (INTERACTION_CREATE -> callback). This
records, inside the bot process, what each interaction spent while it was under way:

* its SQL round trips (awaits into aiosqlite): how many, how long each waited in the
  reader thread's queue behind other queries, how long it ran there (wall, and the
  thread's CPU), and how long its coroutine then waited for the event loop to resume it;
* the event loop's CPU and wall time spent in its callbacks;
* its wait for a place in the interaction queue (bot/discord/deadline.py) and how long it
  held the place;

and, for the whole load, the garbage collector's pauses by generation and the share of
the time the event loop sat in `select` with nothing to run.

`install` runs in the bot process (bench/load_trace_hook/sitecustomize.py calls it when
`LOAD_TRACE` names a file), wrapping aiosqlite's `Connection._execute`, asyncio's
`Handle._run`, the selector's `select`, the interaction queue and discord.py's
`CommandTree._from_interaction`, and writes what it saw as JSON at exit. `summary` reads
that JSON for load.py's report. Nothing here runs unless asked for.
"""

from __future__ import annotations

import atexit
import collections
import contextvars
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HOOK = Path(__file__).resolve().parent / "load_trace_hook"
FIELDS = ("trips", "queue", "exec", "reader_cpu", "wake", "loop_cpu", "loop_wall")
# The record of the interaction under way (set around discord.py's dispatch of it, and so
# inherited by the tasks it starts).
CURRENT: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "load_trace", default=None
)


def install(out: str, skip: int) -> Callable[[], None]:
    """Record the interactions after the first `skip` (the load test's warm-up) into `out`
    (JSON) when the process exits; returns what undoes it (for tests)."""
    import asyncio.events
    import gc
    import selectors

    import aiosqlite.core
    from discord import app_commands

    from bot.discord import deadline

    pc, tt = time.perf_counter, time.thread_time
    current = CURRENT
    seen = [0]
    state: dict[str, Any] = {"on": not skip, "start": pc(), "records": [], "gc": [], "select": []}

    run = asyncio.events.Handle._run

    def timed_run(self: asyncio.events.Handle) -> None:
        rec = self._context.get(current) if state["on"] else None
        if rec is None:
            return run(self)
        wall, cpu = pc(), tt()
        try:
            return run(self)
        finally:
            rec["loop_wall"] += pc() - wall
            rec["loop_cpu"] += tt() - cpu

    asyncio.events.Handle._run = timed_run  # type: ignore[method-assign]

    select = selectors.EpollSelector.select

    def timed_select(self: selectors.EpollSelector, timeout: float | None = None) -> Any:
        if not state["on"]:
            return select(self, timeout)
        began = pc()
        try:
            return select(self, timeout)
        finally:
            state["select"].append((began, pc() - began))

    selectors.EpollSelector.select = timed_select  # type: ignore[method-assign]

    began_gc: list[float] = []

    examined = [0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            # The objects this collection examines (its generation and the younger ones),
            # counted before its clocks start; its CPU beside its wall time tells the
            # collector's work from the time the process was not running (a busy machine).
            if state["on"]:
                examined[0] = sum(len(gc.get_objects(g)) for g in range(info["generation"] + 1))
            began_gc[:] = [pc(), tt()]
        elif state["on"] and began_gc:
            took, cpu = pc() - began_gc[0], tt() - began_gc[1]
            state["gc"].append((began_gc[0], took, info["generation"], examined[0], cpu))

    gc.callbacks.append(on_gc)

    execute = aiosqlite.core.Connection._execute

    async def timed_execute(self: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        rec = current.get()
        if rec is None or not state["on"]:
            return await execute(self, fn, *args, **kwargs)
        marks: dict[str, float] = {}

        def call(*a: Any, **k: Any) -> Any:
            marks["start"], cpu = pc(), tt()
            try:
                return fn(*a, **k)
            finally:
                marks["end"], marks["cpu"] = pc(), tt() - cpu

        queued = pc()
        result = await execute(self, call, *args, **kwargs)
        rec["trips"] += 1
        rec["queue"] += marks["start"] - queued
        rec["exec"] += marks["end"] - marks["start"]
        rec["reader_cpu"] += marks["cpu"]
        rec["wake"] += pc() - marks["end"]
        return result

    aiosqlite.core.Connection._execute = timed_execute  # type: ignore[method-assign]

    queue_run = deadline.InteractionQueue.run

    async def timed_queue_run(self: Any, interaction: Any, handler: Any) -> None:
        rec = current.get()
        if rec is None:
            return await queue_run(self, interaction, handler)

        async def held() -> None:
            rec["placed"] = pc()
            try:
                await handler()
            finally:
                rec["freed"] = pc()

        return await queue_run(self, interaction, held)

    deadline.InteractionQueue.run = timed_queue_run  # type: ignore[method-assign]

    from_interaction = app_commands.CommandTree._from_interaction

    def traced(self: Any, interaction: Any) -> Any:
        seen[0] += 1
        if seen[0] == skip + 1:
            state["on"], state["start"] = True, pc()
        if not state["on"]:
            return from_interaction(self, interaction)
        kind = (interaction.data or {}).get("name", "?")
        if interaction.type.value == 4:  # application command autocomplete
            kind = "autocomplete"
        rec: dict[str, Any] = {"kind": kind, "arrived": pc(), **dict.fromkeys(FIELDS, 0)}
        state["records"].append(rec)
        token = current.set(rec)
        try:
            return from_interaction(self, interaction)
        finally:
            current.reset(token)

    app_commands.CommandTree._from_interaction = traced  # type: ignore[method-assign]

    def write() -> None:
        Path(out).write_text(json.dumps(state), encoding="utf-8")

    atexit.register(write)

    def undo() -> None:
        asyncio.events.Handle._run = run  # type: ignore[method-assign]
        selectors.EpollSelector.select = select  # type: ignore[method-assign]
        gc.callbacks.remove(on_gc)
        aiosqlite.core.Connection._execute = execute  # type: ignore[method-assign]
        deadline.InteractionQueue.run = queue_run  # type: ignore[method-assign]
        app_commands.CommandTree._from_interaction = from_interaction  # type: ignore[method-assign]
        atexit.unregister(write)

    return undo


def summary(data: dict[str, Any], kinds: list[str]) -> list[str]:
    """Report lines: per kind (and all), ms per interaction: round trips, their reader
    queue wait, run time, reader-thread CPU and loop wake-up wait, the loop's CPU and wall,
    the wait for a queue place and its holding; those with a round trip ("new": not
    answered from the result cache) counted apart; then the window's GC pauses and idle
    loop share."""
    records = [r for r in data.get("records", []) if "freed" in r]
    if not records:
        return ["trace: no interaction recorded"]
    start = data["start"]
    end = max(r["freed"] for r in records)
    window = max(end - start, 1e-9)
    idle = sum(min(at + took, end) - at for at, took in data.get("select", []) if at < end)
    lines = [
        "inside the bot, ms per interaction (means; new = made at least one SQL round trip):",
        f"  {'command':<13} {'n':>5} {'new':>4} {'trips':>6} {'queue':>6} {'run':>6}"
        f" {'rd cpu':>6} {'wake':>6} {'loop':>6} {'lp wall':>7} {'wait':>7} {'held':>6}"
        f" {'new loop':>8}",
    ]

    def line(name: str, group: list[dict[str, Any]]) -> str:
        def ms(key: str) -> float:
            return statistics.fmean(r[key] for r in group) * 1000

        new = [r for r in group if r["trips"]]
        new_loop = statistics.fmean(r["loop_cpu"] for r in new) * 1000 if new else 0.0
        wait = statistics.fmean(r["placed"] - r["arrived"] for r in group) * 1000
        held = statistics.fmean(r["freed"] - r["placed"] for r in group) * 1000
        return (
            f"  {name:<13} {len(group):>5} {len(new):>4} {statistics.fmean(r['trips'] for r in group):>6.2f}"
            f" {ms('queue'):>6.2f} {ms('exec'):>6.2f} {ms('reader_cpu'):>6.2f} {ms('wake'):>6.2f}"
            f" {ms('loop_cpu'):>6.2f} {ms('loop_wall'):>7.2f} {wait:>7.1f} {held:>6.2f}"
            f" {new_loop:>8.2f}"
        )

    lines.append(line("all", records))
    by_kind: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for r in records:
        by_kind[r["kind"]].append(r)
    for kind in [k for k in kinds if k in by_kind] + sorted(set(by_kind) - set(kinds)):
        lines.append(line(kind, by_kind[kind]))
    pauses: dict[int, list[float]] = collections.defaultdict(list)
    cpus: dict[int, list[float]] = collections.defaultdict(list)
    examined: dict[int, list[int]] = collections.defaultdict(list)
    # (start, wall, generation[, objects examined, CPU]): older traces hold the first three.
    for at, took, generation, *more in data.get("gc", []):
        if at < end:
            pauses[generation].append(took * 1000)
            if more:
                examined[generation].append(more[0])
                cpus[generation].append(more[1] * 1000)
    gcs = ", ".join(
        f"gen{g} {len(p)} x (total {sum(p):.0f} ms, longest {max(p):.1f}"
        + (f"; CPU {sum(cpus[g]):.0f} ms, longest {max(cpus[g]):.1f}" if cpus[g] else "")
        + (f"; objects {statistics.median(examined[g]):.0f}" if examined[g] else "")
        + ")"
        for g, p in sorted(pauses.items())
    )
    lines.append(
        f"  window {window:.2f}s: event loop idle in select {idle / window:.0%};"
        f" GC pauses {gcs or 'none'}"
    )
    return lines


if __name__ == "__main__":
    # The report of a trace written by another version's load run, e.g. an older commit's
    # bench/load.py run with PYTHONPATH=bench/load_trace_hook:. LOAD_TRACE=FILE
    # LOAD_TRACE_SKIP=10 (its warm-up's length): python bench/load_trace.py FILE
    import sys

    from load import MIX

    print("\n".join(summary(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")), list(MIX))))
