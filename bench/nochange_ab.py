"""No-change reloads of a generated library by this tree and another checkout, alternating
(this, other, then other, this...), each in a fresh process (bench.ingest.measure), with
medians and their ratio: the machine is shared, so only a ratio from one run compares.

    python bench/nochange_ab.py OTHER_TREE [--count 20000] [--rounds 11] [--keep DIR]

OTHER_TREE is a checkout (e.g. /work/main). Each side parses the library once into its own
cache first (a cold reload, not timed here: bench/ingest.py measures that).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ingest import BLOGS, measure  # noqa: E402
from bench.worktree import load  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout")
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--keep", type=Path, help="reuse/keep the library and caches here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.keep or Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        gen = tmp / f"generated-{args.count}"
        if not (gen / ".complete").exists():
            from bench.generate import generate

            generate(BLOGS, gen, args.count)
            (gen / ".complete").write_text(str(args.count))
        sides = {"this": ROOT, "other": args.other.resolve()}
        dbs = {name: tmp / f"{name}-{args.count}.db" for name in sides}
        print(f"{args.count} files, {args.rounds} rounds; at the start: {load()}", flush=True)
        for name in sides:
            measure(gen, dbs[name], sides[name])  # parse once (a no-op when kept)
        walls: dict[str, list[float]] = {name: [] for name in sides}
        for i in range(args.rounds):
            for name in list(sides) if i % 2 == 0 else list(sides)[::-1]:
                r = measure(gen, dbs[name], sides[name])
                if r["unchanged"] != args.count:
                    raise SystemExit(f"{name}: not a no-change reload: {r}")
                walls[name].append(r["wall"])
        med = {name: statistics.median(w) for name, w in walls.items()}
        print(
            f"no-change reload, median: this {med['this']:.3f}s, other {med['other']:.3f}s,"
            f" ratio {med['this'] / med['other']:.3f}; at the end: {load()}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
