"""A folder-wide rename, timed: the reload after the whole content folder moves under a
subfolder (an export re-run into `export2/`, a folder renamed), with the files whose bytes
are unchanged moved (hard27) against every file parsed again (hard26's 156 s at 18,817).

    PYTHONPATH=. python bench/folder_move.py [--count 3000] [--rounds 2] [--work DIR]

Generates COUNT articles (bench/generate.py over the blogs corpus), loads them, then per
round and per way (alternating): a copy of the loaded folder and cache, the folder moved
under `export2/`, one reload timed. "parse" is the same code with the move step turned off
(every moved file parsed, as before). Checks the two ways end with the same articles (slug,
title, text, sentences) and prints the medians.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.generate import DEFAULT_SOURCE, generate  # noqa: E402
from bot.library.sync import Library  # noqa: E402


async def _load(content: Path, db: Path) -> None:
    lib = Library(content, db)
    await lib.open()
    try:
        await lib.reload()
    finally:
        await lib.close()


async def _moved(content: Path, db: Path, parse: bool) -> tuple[float, dict]:
    (content / "export2").mkdir()
    for entry in sorted(content.iterdir()):
        if entry.name != "export2":
            entry.rename(content / "export2" / entry.name)
    lib = Library(content, db)
    if parse:  # hard26's way: every file new by its path is parsed
        lib._move_unparsed = _keep  # type: ignore[method-assign]
    await lib.open()
    try:
        started = time.perf_counter()
        report = await lib.reload()
        seconds = time.perf_counter() - started
        store = lib.store
        assert store is not None
        metas = await store.all_meta()
        found = await store.articles_by_id([m.id for m in metas])
        seen = {a.slug: (a.path, a.title, a.text, a.sentences) for a in found.values()}
    finally:
        await lib.close()
    assert report.removed == 0 and report.added == 0, report.as_json()
    return seconds, seen


async def _keep(writer, todo, rows, vanished, report):  # noqa: ANN001, ANN202
    return todo


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="folder_move-"))
    base = work / "base"
    if not (base / "content").exists():
        generate(args.source, base / "content", args.count)
        asyncio.run(_load(base / "content", base / "data" / "articles.db"))
    times: dict[str, list[float]] = {"parse": [], "move": []}
    ends: dict[str, dict] = {}
    for n in range(args.rounds):
        for way in ("parse", "move") if n % 2 == 0 else ("move", "parse"):
            run = work / way
            shutil.rmtree(run, ignore_errors=True)
            shutil.copytree(base, run)
            seconds, ends[way] = asyncio.run(
                _moved(run / "content", run / "data" / "articles.db", way == "parse")
            )
            times[way].append(seconds)
            print(f"round {n + 1} {way}: {seconds:.2f} s", flush=True)
    same = ends["parse"] == ends["move"]
    files = sum(1 for _ in (base / "content").rglob("*.md"))
    parse, move = statistics.median(times["parse"]), statistics.median(times["move"])
    print(
        f"{files} files moved under export2/: parse {parse:.2f} s, move {move:.2f} s"
        f" ({move / parse:.3f}x); the same articles: {same}"
    )
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
