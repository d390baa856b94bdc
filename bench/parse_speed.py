"""parse_article's time per article, alone or beside other versions of the code.

    python bench/parse_speed.py [FOLDER ...] [--every N] [--generated DIR [--every-gen 50]]
    python bench/parse_speed.py --against 91fd6ec --against main [--rounds 3] [FOLDER ...]
    python bench/parse_speed.py --soup [FOLDER ...]   # building the tree alone, vs stock bs4

Each measure is one fresh process that reads the files first, then parses them all three
times and keeps the best pass (ms per article, one core). Without folders: the blogs
corpus; --generated adds every 50th file of a generated library (bench/generate.py). With
--against, each round measures this tree and every REF (temporary git worktrees) in
turn, the order rotating from round to round, and prints the medians and the load.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BLOGS = ROOT.parent / "shared" / "corpus" / "blogs"

from bench.worktree import CheckoutError, checkout, load, run_with  # noqa: E402

# Runs in the tree being measured (its working directory), so it imports that tree's code.
ONE = """
import json, sys, time
from pathlib import Path
from bot.library.parse import ArticleError, parse_article

folder, every = Path(sys.argv[1]), int(sys.argv[2])
files = sorted(folder.rglob("*.md"))[::every]
raws = [(f.read_bytes(), f.relative_to(folder).as_posix()) for f in files]
best, failed, sentences, quotes = float("inf"), 0, 0, 0
for _ in range(3):
    failed = sentences = quotes = 0
    start = time.perf_counter()
    for raw, rel in raws:
        try:
            article = parse_article(raw, rel)
        except ArticleError:
            failed += 1
            continue
        sentences += len(article.sentences)
        quotes += len(article.quotes)
    best = min(best, time.perf_counter() - start)
print(json.dumps({"files": len(raws), "ms": best / len(raws) * 1e3, "failed": failed,
                  "sentences": sentences, "quotes": quotes}))
"""


def soup_times(folder: Path, every: int) -> tuple[float, float]:
    """ms per article to build the tree: the project's builder, and stock
    BeautifulSoup(body, "lxml"), in this process, alternating, best of 5 passes each."""
    import time

    import frontmatter
    from bs4 import BeautifulSoup

    from bot.library import markup
    from bot.library.parse import _HANDLER, ArticleError, decode

    bodies = []
    for path in sorted(folder.rglob("*.md"))[::every]:
        try:
            _, body = frontmatter.parse(decode(path.read_bytes()), handler=_HANDLER)
        except ArticleError:
            continue
        if body.strip():
            bodies.append(body if markup.looks_like_html(body) else markup._MD.render(body))
    marked = [markup._inline_marked(b) for b in bodies]
    best = {"project": float("inf"), "stock": float("inf")}
    for _ in range(5):
        start = time.perf_counter()
        for body in marked:  # as parse_blocks does: inline tags already marks
            BeautifulSoup(body, builder=markup._builder())
        best["project"] = min(best["project"], time.perf_counter() - start)
        start = time.perf_counter()
        for body in bodies:
            BeautifulSoup(body, "lxml")
        best["stock"] = min(best["stock"], time.perf_counter() - start)
    return best["project"] / len(bodies) * 1e3, best["stock"] / len(bodies) * 1e3


def measure(code: Path, folder: Path, every: int) -> dict:
    return json.loads(run_with(code, ONE, [str(folder), str(every)]).strip().splitlines()[-1])


def compare(trees: dict[str, Path], folders: list[tuple[Path, int]], rounds: int) -> None:
    names = list(trees)
    for folder, every in folders:
        sample = "every file" if every == 1 else f"every {every}th file"
        print(f"{folder} ({sample}), {rounds} rounds; {load()}")
        ms: dict[str, list[float]] = {n: [] for n in names}
        for i in range(rounds):
            order = names[i % len(names) :] + names[: i % len(names)]
            for name in order:
                r = measure(trees[name], folder, every)
                ms[name].append(r["ms"])
            print(f"  round {i + 1}: " + ", ".join(f"{n} {ms[n][-1]:.3f} ms" for n in names))
        medians = {n: statistics.median(ms[n]) for n in names}
        print(
            f"  median ms per article ({r['files']} files): "
            + ", ".join(f"{n} {m:.3f}" for n, m in medians.items())
            + f"; {load()}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help=f"default: {BLOGS}")
    parser.add_argument("--every", type=int, default=1, help="every Nth file of the folders")
    parser.add_argument("--generated", type=Path, help="a generated library, sampled too")
    parser.add_argument("--every-gen", type=int, default=50)
    parser.add_argument("--against", action="append", default=[], metavar="REF")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--soup", action="store_true", help="the tree alone, against stock bs4")
    args = parser.parse_args()
    folders = [(f, args.every) for f in args.folders or [BLOGS]]
    if args.generated:
        folders.append((args.generated, args.every_gen))
    missing = [f for f, _ in folders if not f.is_dir()]
    if missing:
        print(f"{missing[0]} is absent", file=sys.stderr)
        return 2
    if args.soup:
        for folder, every in folders:
            project, stock = soup_times(folder, every)
            print(
                f"{folder}: the tree {project:.3f} ms an article with the project's builder,"
                f" {stock:.3f} ms with BeautifulSoup(body, 'lxml') ({stock / project:.1f}x);"
                f" {load()}"
            )
        return 0
    if not args.against:
        for folder, every in folders:
            r = measure(ROOT, folder, every)
            print(
                f"{folder}: {r['files']} files, {r['ms']:.3f} ms an article (best of 3),"
                f" {r['failed']} failed, {r['sentences']} sentences, {r['quotes']} quotes; {load()}"
            )
        return 0
    try:
        with contextlib.ExitStack() as stack:
            trees = {"this tree": ROOT}
            for ref in args.against:
                trees[ref] = stack.enter_context(checkout(ref))
            compare(trees, folders, args.rounds)
    except CheckoutError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
