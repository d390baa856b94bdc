"""Reload speed and memory: cold, no-change and full-update reloads of the blogs corpus
and of a generated library (100,000 articles by default), alone or beside other code.

    python bench/ingest.py [--count 100000] [--keep DIR]
    python bench/ingest.py --against REF [--rounds 3] [--count 100000] [--keep DIR]

Each reload runs in a fresh process so its peak memory (main process and parse workers,
ru_maxrss) is its own. Targets: cold ≥ 400 articles/s on the blogs and ≥ 1,500/s on the
generated library (issue 16), a no-change reload of 100k files ≤ 0.6 s (issue 19), peak
memory ≤ 500 MB, and a reload after every file changed ≤ 1.5 × the cold one (the full
update replaces every article, so it must not grow faster than the library).

With --against, the same reloads run for this tree and for REF (any git ref, checked out
in a temporary worktree and removed afterwards), alternating in each round (this, REF,
then REF, this...), and the medians are printed side by side with the load average: the
machine is shared, so only figures from one run compare.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BLOGS = ROOT.parent / "shared" / "corpus" / "blogs"

from bench.worktree import CheckoutError, checkout, load, run_with  # noqa: E402

# One reload in a fresh interpreter, of the code in its working directory (so REF's
# parse workers import REF's code too), printed as JSON with its peak memory.
ONE = """
import asyncio, json, resource, sys, time
from bot.library.sync import Library

async def run():
    library = Library(sys.argv[1], sys.argv[2])
    started = time.perf_counter()
    report = await library.reload()
    seconds = time.perf_counter() - started
    await library.close()
    return {**report.as_json(), "wall": seconds}

result = asyncio.run(run())
result["rss_main_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
result["rss_worker_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(result))
"""


def measure(content: Path, db: Path, code: Path = ROOT) -> dict:
    """One reload of `content` into `db` by the code in `code`, in a fresh process."""
    out = run_with(code, ONE, [str(content), str(db)])
    return json.loads(out.strip().splitlines()[-1])


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


def generated(args: argparse.Namespace, tmp: Path) -> Path:
    """The generated library, written once (and kept in --keep, if given)."""
    gen = args.keep or tmp / "generated"
    if not (gen / ".complete").exists():
        from bench.generate import generate

        started = time.perf_counter()
        generate(args.blogs, gen, args.count)
        (gen / ".complete").write_text(str(args.count))
        print(f"generated {args.count} articles in {time.perf_counter() - started:.0f}s")
    return gen


def alone(args: argparse.Namespace, tmp: Path) -> None:
    print(f"blogs corpus ({args.blogs}), {load()}")
    db = tmp / "blogs.db"
    print(row("  cold reload", measure(args.blogs, db)))
    print(row("  no-change reload", measure(args.blogs, db)))

    gen = generated(args, tmp)
    print(f"generated library ({gen}), {load()}")
    db = tmp / "generated.db"
    print(row("  cold reload", measure(gen, db)))
    nochange = sorted((measure(gen, db) for _ in range(3)), key=lambda r: r["wall"])
    print(row("  no-change (median of 3)", nochange[1]))
    cold = measure(gen, tmp / "cold.db")  # a fresh build again, beside the update
    touch_all(gen)
    update = measure(gen, db)
    print(row("  full update (all changed)", update))
    print(row("  fresh build", cold))
    print(f"  full update / fresh build: {update['wall'] / cold['wall']:.2f}x (target <= 1.5x)")
    size = sum(p.stat().st_size for p in tmp.glob("generated.db*"))
    print(f"  cache size {size / 1e6:.0f} MB, {load()}")


def side_by_side(label: str, content: Path, sides: dict[str, Path], rounds: int, tmp: Path) -> None:
    """Cold and no-change reloads of `content` by each side, alternating, with medians."""
    print(f"{label} ({content}), {rounds} rounds; at the start: {load()}")
    names = list(sides)
    cold: dict[str, list[dict]] = {n: [] for n in names}
    nochange: dict[str, list[dict]] = {n: [] for n in names}
    for i in range(rounds):
        order = names if i % 2 == 0 else names[::-1]
        for name in order:
            db = tmp / f"{label}-{name}-{i}.db"
            cold[name].append(measure(content, db, sides[name]))
            nochange[name].append(measure(content, db, sides[name]))
            for p in tmp.glob(f"{db.name}*"):
                p.unlink()
        print(
            f"  round {i + 1}: "
            + "; ".join(
                f"{n} cold {_rate(cold[n][-1]):.0f}/s, no-change {nochange[n][-1]['wall']:.2f}s"
                for n in names
            )
            + f"; {load()}"
        )
    print(f"  {'median':<22}" + "".join(f"{n:>22}" for n in names) + f"{'ratio':>10}")
    rates = [statistics.median(_rate(r) for r in cold[n]) for n in names]
    print(
        f"  {'cold reload':<22}"
        + "".join(f"{r:>20.0f}/s" for r in rates)
        + f"{rates[0] / rates[1]:>9.2f}x"
    )
    walls = [statistics.median(r["wall"] for r in nochange[n]) for n in names]
    print(
        f"  {'no-change reload':<22}"
        + "".join(f"{w:>21.2f}s" for w in walls)
        + f"{walls[0] / walls[1]:>9.2f}x"
    )
    peaks = [max(r["rss_main_mb"] for r in cold[n]) for n in names]
    print(f"  {'peak main memory':<22}" + "".join(f"{p:>19.0f} MB" for p in peaks))
    print(f"  at the end: {load()}")


def _rate(r: dict) -> float:
    return (r["added"] + r["updated"]) / r["wall"]


def against(args: argparse.Namespace, tmp: Path) -> int:
    """Alternate this tree and REF, each in fresh processes, and print medians."""
    try:
        with checkout(args.against) as other:
            sides = {"this tree": ROOT, args.against: other}
            if args.only in (None, "blogs"):
                side_by_side("blogs", args.blogs, sides, args.rounds, tmp)
            if args.only in (None, "generated"):
                side_by_side("generated", generated(args, tmp), sides, args.rounds, tmp)
    except CheckoutError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="reuse/keep the generated library here")
    parser.add_argument("--against", metavar="REF", help="compare with this git ref")
    parser.add_argument("--rounds", type=int, default=3, help="rounds with --against")
    parser.add_argument("--only", choices=("blogs", "generated"), help="one library only")
    parser.add_argument("--blogs", type=Path, default=BLOGS, help="the blogs corpus")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:  # one reload of this tree, for a profiler: py-spy record -- ... --one C DB
        print(json.dumps(measure(Path(args.one[0]), Path(args.one[1]))))
        return 0
    if not args.blogs.is_dir():
        print(f"{args.blogs} is absent: the benchmark needs the shared corpus", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="ingest-") as tmp:
        if args.against:
            return against(args, Path(tmp))
        alone(args, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
