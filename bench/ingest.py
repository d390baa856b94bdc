"""Reload speed and memory: cold, no-change and full-update reloads of the blogs corpus
and of a generated library (100,000 articles by default).

    python bench/ingest.py [--count 100000] [--keep DIR]

Each reload runs in a fresh process so its peak memory (main process and parse workers,
ru_maxrss) is its own. Targets: cold ≥ 400 articles/s, no-change reload of 100k files
≤ 3 s, peak memory ≤ 500 MB, and a reload after every file changed ≤ 1.5 × the cold one
(the full update replaces every article, so it must not grow faster than the library).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BLOGS = ROOT.parent / "shared" / "corpus" / "blogs"


def one(content: str, db: str) -> None:
    """Child mode: one reload, printed as JSON with this process's peak memory."""
    from bot.library.sync import Library

    async def run() -> dict:
        library = Library(content, db)
        started = time.perf_counter()
        report = await library.reload()
        seconds = time.perf_counter() - started
        await library.close()
        return {**report.as_json(), "wall": seconds}

    result = asyncio.run(run())
    result["rss_main_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["rss_worker_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(result))


def measure(content: Path, db: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--one", str(content), str(db)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def touch_all(root: Path) -> int:
    """Change every article's bytes (a trailing newline) so the next reload re-parses all."""
    count = 0
    for path in root.rglob("*.md"):
        with path.open("ab") as f:
            f.write(b"\n")
        count += 1
    return count


def row(label: str, r: dict) -> str:
    parsed = r["added"] + r["updated"]
    rate = f"{parsed / r['wall']:8.0f}/s" if parsed else " " * 10
    return (
        f"{label:<26} {r['wall']:8.2f}s {rate}  files={r['added'] + r['updated'] + r['unchanged']:<7}"
        f" failed={len(r['failed']):<3} peak main={r['rss_main_mb']:.0f} MB"
        f" worker={r['rss_worker_mb']:.0f} MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="reuse/keep the generated library here")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(*args.one)
        return 0
    if not BLOGS.is_dir():
        print(f"{BLOGS} is absent: the benchmark needs the shared corpus", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="ingest-") as tmp:
        tmp_path = Path(tmp)
        print(f"blogs corpus ({BLOGS})")
        db = tmp_path / "blogs.db"
        print(row("  cold reload", measure(BLOGS, db)))
        print(row("  no-change reload", measure(BLOGS, db)))

        gen = args.keep or tmp_path / "generated"
        if not (gen / ".complete").exists():
            from bench.generate import generate

            started = time.perf_counter()
            generate(BLOGS, gen, args.count)
            (gen / ".complete").write_text(str(args.count))
            print(f"generated {args.count} articles in {time.perf_counter() - started:.0f}s")
        print(f"generated library ({gen})")
        db = tmp_path / "generated.db"
        print(row("  cold reload", measure(gen, db)))
        nochange = [measure(gen, db) for _ in range(3)]
        nochange.sort(key=lambda r: r["wall"])
        print(row("  no-change (median of 3)", nochange[1]))
        cold = measure(gen, tmp_path / "cold.db")  # a fresh build again, beside the update
        touch_all(gen)
        update = measure(gen, db)
        print(row("  full update (all changed)", update))
        print(row("  fresh build", cold))
        print(f"  full update / fresh build: {update['wall'] / cold['wall']:.2f}x (target <= 1.5x)")
        print(
            f"  cache size {sum(p.stat().st_size for p in tmp_path.glob('generated.db*')) / 1e6:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
