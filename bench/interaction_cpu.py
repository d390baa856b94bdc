"""CPU per interaction kind, in one process: the load test's mix without Discord or the
fake, to see where the bot's CPU goes before running `load.py`.

    .venv/bin/python bench/interaction_cpu.py --db COPY_OF_100K.db [--count 2000]
        [--seed 6] [--users 200] [--dump FILE] [--profile KIND|all [--profile-out F]] [--trips]
        [--against REF [--rounds 3] [--ref-db REF_COPY.db]]

It draws the same interactions as `bench/load.py` (its workload and mix, same seed), then
makes each reply the way the cogs do: the service calls and the embeds and components
(as the JSON discord.py would send), with the result cache on (as the bot runs). Printed
per kind: how many, process CPU per interaction (SQLite runs in aiosqlite's threads,
which thread time would miss) as mean and median, its share of the total, and the event
loop's own thread CPU (the rest is SQLite's). `--users N` sends the interactions from N
members in turn, as the load test does (its `--users`, 200), and keeps their
conversations as the bot does, so a member's ask after an answer is read
as a possible follow-up (FOLLOWUP_MINUTES); without it no ask has a conversation. `--dump`
writes every reply's JSON, one line each, to compare two versions' replies; `--profile
KIND` prints cProfile's top functions (the event loop thread's CPU) for that kind's
interactions, and `--profile-out F` writes their pstats (to diff two versions' by function). `--trips` counts the
SQL round trips (queries handed to aiosqlite's threads) each kind makes, and which
statements they were: each costs the event loop a future, a hand-off and a wake-up.

`--against REF` runs the same interactions with REF's code (checked out in a temporary
worktree, reading the same cache: REF must read its format) and this code, alternating,
`--rounds` times each, and prints each kind's median CPU per interaction beside REF's, and
whether every reply was the same. When REF cannot read this code's cache (an older format),
`--ref-db` gives it a cache of its own: made by REF from the same library, and by a full
re-parse in both, so articles have their ids in the same order and the same interactions
are drawn.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import contextvars
import cProfile
import inspect
import io
import json
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# `--code TREE` (how --against runs another version) imports `bot` from that tree.
CODE = Path(sys.argv[sys.argv.index("--code") + 1]) if "--code" in sys.argv else ROOT
sys.path.insert(0, str(CODE))
sys.path.insert(1, str(ROOT / "bench"))
# `bot` is imported first: bench/load.py puts this tree first on the path when imported.
import bot  # noqa: E402, F401, I001

import aiosqlite  # noqa: E402
import discord  # noqa: E402
from load import load_workload, plan  # noqa: E402
from worktree import checkout, load  # noqa: E402

from bot.discord import render  # noqa: E402
from bot.discord.guidance import next_steps_embed  # noqa: E402
from bot.discord.views import (  # noqa: E402
    answer_view,
    article_reply,
    menu,
    menu_view,
    next_steps_view,
)
from bot.service import LibraryService, Refresh, open_service  # noqa: E402
from bot.settings import Settings  # noqa: E402

OWNER = 1234

# --trips: the kind of interaction being made, and round trips counted per kind and statement.
_KIND: contextvars.ContextVar[str | None] = contextvars.ContextVar("kind", default=None)
TRIPS: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
# The event loop's own thread CPU per interaction, by kind (the rest of the process CPU is
# SQLite's work in aiosqlite's threads: a third of it at 100k, bench/README.md, perf26).
LOOP: dict[str, list[float]] = defaultdict(list)


def _statement(fn: Any, args: tuple) -> str:
    """A short name for what a round trip ran: the SQL's opening words, else the function."""
    sql = args[0] if args and isinstance(args[0], str) else getattr(fn, "__name__", str(fn))
    return " ".join(sql.split())[:60]


@contextlib.contextmanager
def counting_trips() -> Any:
    """Count every call that hands work to an aiosqlite thread (Connection._execute: every
    execute, fetch, commit...) under the interaction kind that made it."""
    original = aiosqlite.Connection._execute

    async def counted(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        kind = _KIND.get()
        if kind is not None:
            TRIPS[kind][_statement(fn, args)] += 1
        return await original(self, fn, *args, **kwargs)

    aiosqlite.Connection._execute = counted  # type: ignore[method-assign]
    try:
        yield
    finally:
        aiosqlite.Connection._execute = original  # type: ignore[method-assign]


def _json(embeds: list[discord.Embed], view: discord.ui.View | None, extra: Any = None) -> str:
    """The reply as Discord would receive it (what discord.py serialises), one line."""
    body = {
        "embeds": [e.to_dict() for e in embeds],
        "components": view.to_components() if view is not None else [],
        "extra": extra,
    }
    return json.dumps(body, sort_keys=True, default=str)


def _card_only(call: Any) -> dict[str, bool]:
    """`whole=False` as the cogs pass it for a card, where `call` takes it (code before it
    loaded the whole article for every card)."""
    return {"whole": False} if "whole" in inspect.signature(call).parameters else {}


async def reply(
    service: LibraryService,
    kind: str,
    options: dict[str, Any],
    talk: Any = None,
    member: Any = None,
) -> str:
    """One interaction's reply, made as its cog makes it (bot/discord/cogs); `talk`, the
    members' conversations (None: none kept), is read and told of the answer to an ask
    as the ask cog does under `member`'s key."""
    if kind == "ask":
        question = options["question"]
        if talk is None:
            answer = await service.ask(question)
        else:
            answer = await service.ask(question, talk.about(member))
            talk.answered(answer, member)
        if answer.reply is not None:
            return _json([], None, answer.reply)
        if answer.article is None:
            steps = await service.next_steps(question)
            return _json([next_steps_embed(steps, "lead")], next_steps_view(steps, None))
        if answer.newest:
            embed = render.list_pages("Newest articles", answer.newest)[0]
            return _json([embed], menu_view("card", answer.newest, "Open one…", OWNER))
        shown = answer
        if hasattr(service, "shown_passage"):  # as the cog shows it (quotation marks paired)
            text, bold = service.shown_passage(answer)
            shown = replace(answer, passage=text or None)
        else:  # code before shown_passage (an older --against REF)
            bold = service.highlights(answer.passage or "", answer.question)
        return _json([render.answer_embed(shown, bold)], answer_view(answer, OWNER))
    if kind == "search":
        response = await service.search(options["query"], limit=25)
        if not response.hits:
            steps = await service.next_steps(options["query"], response)
            embed = next_steps_embed(steps, "lead", searching=True)
            return _json([embed], next_steps_view(steps))
        pages = render.search_pages(response, render.PAGE_SIZE)
        return _json(pages[:1], None, menu("card", response.hits[:5], "Open a result…") is None)
    if kind == "article":
        lookup = await service.lookup(options["title"], limit=10, **_card_only(service.lookup))
        if lookup.article is None:
            return _json([], None, [s.title for s in lookup.suggestions])
        embed, view = await article_reply(service, lookup.article, "card", owner=OWNER)
        return _json([embed], view)
    if kind == "autocomplete":
        choices = await service.autocomplete(options["title"], limit=render.CHOICES)
        return json.dumps([c.to_dict() for c in render.title_choices(choices)])
    if kind == "latest":
        metas = await service.latest(options["count"])
        embed = render.list_pages("Latest articles", metas)[0]
        return _json([embed], menu_view("card", metas, "Open one…", OWNER))
    if kind == "random":
        article = await service.random_article(
            options.get("tag"), **_card_only(service.random_article)
        )
        if article is None:
            return _json([], None, None)
        embed, view = await article_reply(service, article, "card", owner=OWNER)
        return _json([embed], view)
    if kind == "tag":
        found = await service.tag(options["name"])
        if found.tag is None:
            return _json([], None, None)
        shown = found.articles[:500]
        pages = render.list_pages("heading", shown, render.LIST_PAGE_SIZE, tag=found.tag)
        return _json(pages[:1], None, len(pages))
    pages = render.tags_pages(await service.tags())
    return _json(pages[:1], None, len(pages))


def conversations(settings: Settings) -> Any:
    """The members' conversations as the bot keeps them (bot/discord/client.py), so an ask
    by a member answered within FOLLOWUP_MINUTES is read as a possible follow-up, as in the
    load test; code before conversations (an older --against REF) keeps none."""
    try:
        from bot.conversation import Conversations
    except ImportError:
        return None
    return Conversations(settings.followup_minutes * 60)


async def measure(args: argparse.Namespace) -> dict[str, list[float]]:
    """CPU ms per interaction, by kind, of this process's code."""
    rng = random.Random(args.seed)
    work = load_workload(args.db, rng)
    todo = plan(args.count, work, rng)
    overrides = {"articles_db": args.db, "content_dir": args.db.parent}
    settings = Settings.load(overrides, env_file=None)
    cpu: dict[str, list[float]] = defaultdict(list)
    # The loop thread's CPU (thread_time), not wall time: a wall-clock profile counts the
    # loop's waits for SQLite's threads as its select's time.
    profiler = cProfile.Profile(time.thread_time) if args.profile else None
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    trips = counting_trips() if args.trips else contextlib.nullcontext()
    talk = conversations(settings) if args.users else None
    async with open_service(settings, refresh=Refresh.NEVER, warm=True) as service:
        random.seed(args.seed)  # /random draws from the library's own random
        for kind, _command, options in todo[: args.warmup]:
            await reply(service, kind, options)
        with trips:
            for i, (kind, _command, options) in enumerate(todo):
                on = profiler is not None and args.profile in (kind, "all")
                started, loop_started = time.process_time(), time.thread_time()
                if on:
                    profiler.enable()
                token = _KIND.set(kind)
                body = await reply(service, kind, options, talk, (0, i % (args.users or 1)))
                _KIND.reset(token)
                if on:
                    profiler.disable()
                cpu[kind].append((time.process_time() - started) * 1000)
                LOOP[kind].append((time.thread_time() - loop_started) * 1000)
                if dump is not None:
                    dump.write(json.dumps({"kind": kind, "options": options, "reply": body}) + "\n")
    if dump is not None:
        dump.close()
    if profiler is not None:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
        print(out.getvalue(), file=sys.stderr)
        if args.profile_out:
            profiler.dump_stats(str(args.profile_out))
    return cpu


def trips_table(cpu: dict[str, list[float]]) -> None:
    """Round trips per interaction of each kind, and the statements that made them."""
    print(f"\nSQL round trips per interaction (--trips)\n{'kind':<13}{'n':>6}{'trips':>8}")
    for kind in sorted(cpu, key=lambda k: -sum(TRIPS[k].values()) / len(cpu[k])):
        n = len(cpu[kind])
        print(f"{kind:<13}{n:>6}{sum(TRIPS[kind].values()) / n:>8.2f}")
        for statement, count in sorted(TRIPS[kind].items(), key=lambda sc: -sc[1]):
            print(f"{'':<19}{count / n:>8.2f}  {statement}")


def table(cpu: dict[str, list[float]], count: int) -> None:
    total = sum(sum(v) for v in cpu.values())
    loop = sum(sum(v) for v in LOOP.values())
    print(
        f"{count} interactions, {total / count:.2f} ms CPU each on average, of which the"
        f" event loop's thread {loop / count:.2f} (the rest SQLite's threads); {load()}"
    )
    print(f"{'kind':<13}{'n':>6}{'mean ms':>10}{'median ms':>11}{'share':>8}{'loop ms':>9}")
    for kind, values in sorted(cpu.items(), key=lambda kv: -sum(kv[1])):
        mean = sum(values) / len(values)
        med = statistics.median(values)
        share = sum(values) / total
        on_loop = sum(LOOP[kind]) / len(values)
        print(f"{kind:<13}{len(values):>6}{mean:>10.2f}{med:>11.2f}{share:>8.0%}{on_loop:>9.2f}")


def against(args: argparse.Namespace) -> None:
    """Alternate REF's code and this code over the same interactions; medians of the
    per-kind means, and whether the replies were the same."""
    means: dict[str, dict[str, list[float]]] = {"ref": defaultdict(list), "this": defaultdict(list)}
    common = ["--count", str(args.count), "--seed", str(args.seed), "--users", str(args.users)]
    dbs = {"ref": args.ref_db or args.db, "this": args.db}
    with checkout(args.against) as ref_tree, tempfile.TemporaryDirectory() as tmp:
        dumps = {"ref": Path(tmp) / "ref.jsonl", "this": Path(tmp) / "this.jsonl"}
        for round_ in range(args.rounds):
            for name, tree in (("ref", ref_tree), ("this", ROOT)):
                command = [sys.executable, __file__, "--db", str(dbs[name]), *common]
                command += ["--code", str(tree), "--json"]
                command += ["--dump", str(dumps[name])]
                done = subprocess.run(command, check=True, capture_output=True, text=True)
                cpu = json.loads(done.stdout)
                total = sum(sum(v) for v in cpu.values()) / args.count
                print(f"round {round_ + 1} {name}: {total:.2f} ms an interaction; {load()}")
                means[name]["all"].append(total)
                for kind, values in cpu.items():
                    means[name][kind].append(sum(values) / len(values))
        same = dumps["ref"].read_bytes() == dumps["this"].read_bytes()
    print(f"\nmedian of {args.rounds} rounds, CPU ms per interaction (mean of each kind)")
    print(f"{'kind':<13}{args.against:>12}{'this':>10}{'ratio':>8}")
    for kind in sorted(means["this"], key=lambda k: -statistics.median(means["this"][k])):
        ref = statistics.median(means["ref"][kind])
        this = statistics.median(means["this"][kind])
        print(f"{kind:<13}{ref:>12.2f}{this:>10.2f}{this / ref:>8.2f}")
    print(f"replies the same as {args.against}'s: {'yes' if same else 'NO'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="a copy of a large cache")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--dump", type=Path, help="write every reply's JSON here")
    parser.add_argument("--profile", help="cProfile this kind's interactions, or all (to stderr)")
    parser.add_argument("--profile-out", type=Path, help="also write --profile's pstats here")
    parser.add_argument("--trips", action="store_true", help="count SQL round trips per kind")
    parser.add_argument(
        "--users",
        type=int,
        default=0,
        help="members asking in turn, with conversations kept as the bot does (0: none)",
    )
    parser.add_argument("--against", help="a git ref to compare with (e.g. main)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ref-db", type=Path, help="REF's own cache (see --against)")
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.against:
        against(args)
        return
    cpu = asyncio.run(measure(args))
    if args.json:
        print(json.dumps(cpu))
    else:
        table(cpu, args.count)
    if args.trips:
        trips_table(cpu)


if __name__ == "__main__":
    main()
