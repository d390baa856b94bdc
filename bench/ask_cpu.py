"""Ask CPU per question, this code against another version of it (`main` by default), in
one process over the same library, alternating query by query.

    .venv/bin/python bench/ask_cpu.py [--against REF] [--corpus DIR] [--large N]
        [--keep DIR] [--queries N]

Each version builds its own cache of the same content folder (the blogs, and with
`--large` a generated library of N articles) with its own `reload`; both engines then
answer the same questions in turn, with no result cache: the questions of
bench/answers_*.jsonl and search_speed.py's, then a mix of what members type
(search_speed.make_queries). Printed per set: the event-loop thread's CPU time per ask
(thread_time: SQLite runs in aiosqlite's threads) as median and mean, the wall p50 and
p99, and how many answers differ as JSON (0 unless a change is meant to alter them).
`--keep DIR` keeps the generated library and both caches for the next run (a reload of
an unchanged folder is quick). Run it on a quiet machine if you can; it prints the load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import search_speed  # noqa: E402
from worktree import checkout, load  # noqa: E402

from bot.library.sync import Library  # noqa: E402
from bot.search.engine import SearchEngine  # noqa: E402

BLOGS = ROOT.parent / "shared" / "corpus" / "blogs"
REF_PACKAGE = "botref"
# `bot` as a package name in imports and in module-name strings ("bot.search.words").
_BOT_NAME = re.compile(r"(?<=from )bot(?=[. ])|(?<=import )bot(?=[.\s])|(?<=[\"'])bot(?=\.)")


def reference_package(tree: Path, into: Path) -> ModuleType:
    """The `bot` package of another checkout, imported as `botref` beside this one."""
    target = into / REF_PACKAGE
    shutil.copytree(tree / "bot", target, ignore=shutil.ignore_patterns("__pycache__"))
    for path in target.rglob("*.py"):
        path.write_text(_BOT_NAME.sub(REF_PACKAGE, path.read_text(encoding="utf-8")))
    sys.path.insert(0, str(into))
    __import__(f"{REF_PACKAGE}.library.sync")
    __import__(f"{REF_PACKAGE}.search.engine")
    return sys.modules[REF_PACKAGE]


def build_cache(tree: Path, content: Path, db: Path) -> float:
    """Bring `db` in line with `content` with the code of `tree`, in a fresh process; its
    reload seconds."""
    done = subprocess.run(
        [sys.executable, "-m", "bot", "--content", str(content), "--db", str(db), "reload"]
        + ["--json", "--allow-removals"],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)["seconds"]


def questions(n_mixed: int, titles: list[str]) -> dict[str, list[str]]:
    """The query sets: questions with known answers, and a mix of what members type."""
    asked = [
        json.loads(line)["question"]
        for name in ("answers_blogs", "answers_news", "answers_other")
        for line in (ROOT / "bench" / f"{name}.jsonl").read_text().splitlines()
        if line.strip()
    ]
    return {
        "questions": asked + search_speed.QUESTIONS,
        "mixed": [q for _, q in search_speed.make_queries(titles, n_mixed)],
    }


async def open_engines(ref: ModuleType, ref_db: Path, new_db: Path) -> tuple[dict, Any, Any]:
    """REF's engine and this tree's over their caches, both warmed and uncached (so each
    call does its whole work), this tree's index, and what closes both libraries."""
    ref_lib = ref.library.sync.Library(Path("/nonexistent"), ref_db)
    new_lib = Library(Path("/nonexistent"), new_db)
    await ref_lib.open()
    await new_lib.open()
    engines: dict[str, Any] = {
        "ref": ref.search.engine.SearchEngine(ref_lib, cache_size=0),
        "new": SearchEngine(new_lib, cache_size=0),
    }
    idx = await engines["new"].warm()
    await engines["ref"].warm()

    async def close() -> None:
        await ref_lib.close()
        await new_lib.close()

    return engines, idx, close


async def compare(ref: ModuleType, ref_db: Path, new_db: Path, label: str, n: int) -> None:
    """Both engines over their caches, query by query in turn; prints the figures."""
    engines, idx, close = await open_engines(ref, ref_db, new_db)
    titles = [e.meta.title for e in idx.entries.values()]
    sets = questions(n, titles)
    for q in sets["mixed"][:30]:  # what a running bot has warm (stems, features, spelling)
        for engine in engines.values():
            await engine.ask(q)
    print(f"\n{label}: {idx.n} articles; {load()}")
    for name, items in sets.items():
        cpu: dict[str, list[float]] = {"ref": [], "new": []}
        wall: dict[str, list[float]] = {"ref": [], "new": []}
        differ = 0
        for i, q in enumerate(items):
            replies = {}
            for which in ("ref", "new") if i % 2 == 0 else ("new", "ref"):
                t, w = time.thread_time(), time.perf_counter()
                replies[which] = (await engines[which].ask(q)).as_json()
                cpu[which].append((time.thread_time() - t) * 1000)
                wall[which].append((time.perf_counter() - w) * 1000)
            differ += replies["ref"] != replies["new"]
        print(f"  ask, {name} (n {len(items)}; answers that differ: {differ})")
        for which in ("ref", "new"):
            c, w = cpu[which], wall[which]
            print(
                f"    {which}: CPU median {statistics.median(c):.2f} ms, mean"
                f" {statistics.mean(c):.2f} ms; wall p50 {statistics.median(w):.2f} ms,"
                f" p99 {search_speed._pct(w, 99):.2f} ms"
            )
        ratio = statistics.median(cpu["new"]) / statistics.median(cpu["ref"])
        print(f"    new / ref, CPU median: {ratio:.2f}")
    await close()


async def run(args: argparse.Namespace, ref_tree: Path, work: Path) -> None:
    ref = reference_package(ref_tree, work / "ref-code")
    libraries: list[tuple[str, Path]] = []
    if Path(args.corpus).is_dir():
        libraries.append(("blogs", Path(args.corpus)))
    else:
        print(f"corpus not found: {args.corpus} (skipping the blogs)")
    if args.large:
        content = work / f"generated-{args.large}"
        if not content.is_dir():
            from generate import generate  # bench/generate.py

            print(f"generating {args.large} articles into {content} …", flush=True)
            generate(BLOGS, content, args.large)
        libraries.append((f"generated {args.large}", content))
    for label, content in libraries:
        key = label.replace(" ", "-")
        seconds = {}
        for which, tree in (("ref", ref_tree), ("new", ROOT)):
            seconds[which] = build_cache(tree, content, work / f"{key}-{which}.db")
        print(
            f"\n{label}: caches built (reload {seconds['ref']:.1f} s ref, {seconds['new']:.1f} s new)"
        )
        await compare(ref, work / f"{key}-ref.db", work / f"{key}-new.db", label, args.queries)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", default="main", help="the git ref to compare with")
    ap.add_argument("--corpus", default=str(BLOGS))
    ap.add_argument("--large", type=int, default=0, help="also a generated library of N")
    ap.add_argument("--keep", type=Path, help="keep (and reuse) the libraries and caches here")
    ap.add_argument("--queries", type=int, default=300, help="mixed queries per library")
    args = ap.parse_args()
    with checkout(args.against) as ref_tree, tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(work / "ref-code", ignore_errors=True)
        print(f"ref: {args.against} at {_head(ref_tree)}; new: {_head(ROOT)} and its changes")
        asyncio.run(run(args, ref_tree, work))


def _head(tree: Path) -> str:
    return subprocess.run(
        ["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()


if __name__ == "__main__":
    main()
