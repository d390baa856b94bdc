"""Search latency in process: p50/p99 per query for a mixed query set, at 1k and 100k articles.

    .venv/bin/python bench/search_speed.py                    # 1k (../shared/corpus/blogs)
    .venv/bin/python bench/search_speed.py --large            # + a generated 100k library
    .venv/bin/python bench/search_speed.py --large-db FILE    # + an existing 100k cache

The 100k library is written by bench/generate.py into a temp folder and loaded once
(several minutes); `--large-db` reuses a cache built earlier. Queries mix exact titles,
typo'd titles, fragments, tags, questions and unrelated text, drawn from the library.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bot.library.sync import Library  # noqa: E402
from bot.search.engine import SearchEngine  # noqa: E402

QUESTIONS = [
    "how did Go make its maps faster?",
    "what are go workspaces",
    "how do I cancel a long running goroutine",
    "what is a rust edition",
    "how do i write fuzz tests in go",
    "which rust release stabilized async fn in traits",
    "why does go use garbage collection",
    "what is the go module proxy",
]
UNRELATED = [
    "recipe for banana bread",
    "best hotels in paris",
    "how to train a puppy",
    "football world cup results",
    "symptoms of the flu",
    "cheap flights to tokyo",
]
TAGS = ["generics", "compiler team", "concurrency", "release", "survey", "tag:cargo team"]


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word))
    return word[:i] + word[i + 1 :] if rng.random() < 0.5 else word[:i] + word[i] + word[i:]


def make_queries(titles: list[str], n: int, seed: int = 11) -> list[tuple[str, str]]:
    """(kind, query) pairs: a realistic mix of what members type."""
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    while len(out) < n:
        t = rng.choice(titles)
        ws = t.split()
        kind = rng.choice(["title", "typo", "fragment", "tag", "question", "unrelated"])
        if kind == "title":
            out.append((kind, t))
        elif kind == "typo":
            long = [i for i, w in enumerate(ws) if len(w) >= 5 and w.isalpha()]
            if long:
                i = rng.choice(long)
                ws[i] = _typo(ws[i], rng)
            out.append((kind, " ".join(ws).lower()))
        elif kind == "fragment" and len(ws) >= 4:
            i = rng.randrange(0, len(ws) - 2)
            out.append((kind, " ".join(ws[i : i + rng.choice([2, 3])])))
        elif kind == "tag":
            out.append((kind, rng.choice(TAGS)))
        elif kind == "question":
            out.append((kind, rng.choice(QUESTIONS)))
        elif kind == "unrelated":
            out.append((kind, rng.choice(UNRELATED)))
    return out


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def measure(library: Library, label: str, n: int) -> None:
    await library.open()
    # No result cache: every query is computed afresh (the mix repeats tags and questions).
    engine = SearchEngine(library, cache_size=0)
    started = time.perf_counter()
    idx = await engine.index()
    build = time.perf_counter() - started
    # The full text's vocabulary (typo corrections of body words): the bot reads it while
    # warming up, before members ask; here it would land on the first word to correct.
    started = time.perf_counter()
    await engine.keeper.spelling(idx)
    spelling = time.perf_counter() - started
    titles = [e.meta.title for e in idx.entries.values()]
    queries = make_queries(titles, n)
    for _, q in queries[:20]:  # warm the caches a long-running bot would have warm
        await engine.search(q, 5)
    per_kind: dict[str, list[float]] = {}
    ask: list[float] = []
    autocomplete: list[float] = []
    slowest: tuple[float, str] = (0.0, "")
    for kind, q in queries:
        t = time.perf_counter()
        await engine.search(q, 5)
        ms = (time.perf_counter() - t) * 1000
        per_kind.setdefault(kind, []).append(ms)
        slowest = max(slowest, (ms, q))
    for _, q in queries[:200]:
        t = time.perf_counter()
        await engine.ask(q)
        ask.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        await engine.autocomplete(q[: random.Random(q).randint(3, 12)])
        autocomplete.append((time.perf_counter() - t) * 1000)
    every = [v for vs in per_kind.values() for v in vs]
    print(
        f"\n{label}: {idx.n} articles, index built in {build:.2f}s (text vocabulary"
        f" {spelling:.2f}s), {len(every)} searches"
    )
    print(f"  {'what':<12} {'n':>5} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    rows = [*sorted(per_kind.items()), ("search, all", every), ("ask", ask)]
    rows.append(("autocomplete", autocomplete))
    for kind, vs in rows:
        print(
            f"  {kind:<12} {len(vs):>5} {statistics.median(vs):>8.2f}"
            f" {_pct(vs, 99):>8.2f} {max(vs):>8.2f}"
        )
    print(f"  slowest search: {slowest[0]:.1f} ms for {slowest[1]!r}")
    await library.close()


async def main_async(args: argparse.Namespace) -> None:
    corpus = Path(args.corpus)
    with tempfile.TemporaryDirectory(prefix="search-speed-") as tmp:
        if corpus.is_dir():
            lib = Library(corpus, Path(tmp) / "small.db")
            await lib.reload()
            await measure(lib, "1k (corpus/blogs)", args.queries)
        else:
            print(f"corpus not found: {corpus} (skipping the 1k run)")
        large_db = Path(args.large_db) if args.large_db else None
        if args.large and large_db is None:
            from generate import generate  # bench/generate.py

            content = Path(tmp) / "large"
            print(f"generating {args.count} articles into {content} …")
            generate(corpus, content, args.count)
            large_db = Path(tmp) / "large.db"
            lib = Library(content, large_db)
            started = time.perf_counter()
            await lib.reload()
            print(f"loaded in {time.perf_counter() - started:.0f}s")
            await measure(lib, f"{args.count // 1000}k (generated)", args.queries)
        elif large_db is not None:
            lib = Library(Path(tmp), large_db)  # read only: no reload of an existing cache
            await measure(lib, f"large ({large_db.name})", args.queries)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "blogs"))
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--large", action="store_true", help="also generate and measure 100k")
    ap.add_argument("--large-db", default=None, help="an existing large cache to measure")
    ap.add_argument("--count", type=int, default=100_000)
    asyncio.run(main_async(ap.parse_args()))


if __name__ == "__main__":
    main()
