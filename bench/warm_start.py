"""Process start -> search index ready, over a cache as it is: what the bot does before
connecting (`engine.warm()`, logged as "search index ready in …s").

    .venv/bin/python bench/warm_start.py --db FILE [--content DIR] [--rounds 3]

Each round is a fresh process that opens the cache (never reloading it: `--content` is
only the folder the library is said to be of) and warms the engine: the saved index
loaded (or built, with its log line), the commonest title words counted and the full
text's vocabulary read, both from FTS5. Printed per round: the warm-up and the time from
process start; then the median, and the size of the cache's full-text index (the bytes
of its segments), which those two FTS5 reads walk. The cache is opened as the bot opens
it, so a stale or missing index file is built and saved by the first round: copy a cache
you want left as it is.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import asyncio, logging, sys, time
started = time.perf_counter()
from pathlib import Path
logging.basicConfig(level=logging.WARNING)
logging.getLogger("articlebot.search").setLevel(logging.DEBUG)  # "building it", "… up to date"
from bot.library.sync import Library
from bot.search.engine import SearchEngine

async def main(content, db):
    library = Library(Path(content), Path(db))
    await library.open()
    try:
        t = time.perf_counter()
        await SearchEngine(library).warm()
        print(time.perf_counter() - t, time.perf_counter() - started, flush=True)
    finally:
        await library.close()

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


def fulltext_bytes(db: Path) -> int:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        return conn.execute("SELECT sum(length(block)) FROM articles_fts_data").fetchone()[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, required=True, help="the cache (its index file beside)")
    ap.add_argument("--content", type=Path, default=ROOT / "content")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    if not args.db.is_file():
        sys.exit(f"warm_start: no cache at {args.db}")
    warm, total = [], []
    for n in range(args.rounds):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(args.content), str(args.db)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        w, t = map(float, out.stdout.split())
        warm.append(w)
        total.append(t)
        rebuilt = "building it" in out.stderr or "bringing it up to date" in out.stderr
        print(
            f"round {n + 1}: warm {w:.2f} s, process start -> ready {t:.2f} s"
            + (" (index file built or updated)" if rebuilt else "")
        )
    print(
        f"median: warm {statistics.median(warm):.2f} s, process start -> ready"
        f" {statistics.median(total):.2f} s; full-text index {fulltext_bytes(args.db) / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
