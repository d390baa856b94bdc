"""Related articles (an article card's menu): this code against another version of it
(`main` by default), in one process over the same library, alternating article by article.

    .venv/bin/python bench/related.py [--against REF] [--corpus DIR] [--sample N]
        [--large-db DB --large-ref-db DB]

Each version reads its own cache: of the blogs (built here by each version's `reload`),
and with `--large-db` a large library's cache for this code and `--large-ref-db` one for
the other (copies: each version saves its search index beside its cache). For a sample of
articles, both engines list the 4 related articles, with no result cache. Printed per
library: the process CPU per call (SQLite runs in aiosqlite's threads, so thread time
would miss it) as median and p99; how many of the 4 the versions share (overlap@4); and,
not trusting either version's output, what a suggestion has in common with the article:
a specific tag (one at most 10 % of the library has), a rare title word (at most 1 % of
titles, and at least 2 titles, hold it), either; and, where bodies are read (the blogs), the
tf-idf cosine of the suggestion's body with the article's, beside that of random pairs.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ask_cpu import _head, build_cache, open_engines, reference_package  # noqa: E402
from worktree import checkout, load  # noqa: E402

from bot.search.words import STOPWORDS, words  # noqa: E402

BLOGS = ROOT.parent / "shared" / "corpus" / "blogs"
LIMIT = 4
SPECIFIC_TAG_SHARE = 0.10  # a tag at most this share of the library has
RARE_WORD_SHARE = 0.01  # a title word at most this share of titles hold (and >= 2)
_WORD = re.compile(r"[a-z][a-z0-9']+")


def _pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


class Library_:
    """What the quality check knows of the library: tags and title words per slug, their
    frequencies, and (when read) the bodies as tf-idf vectors."""

    def __init__(self, metas: list[Any]) -> None:
        self.tags = {m.slug: set(m.tags) for m in metas}
        self.twords = {m.slug: {w for w in words(m.title) if w not in STOPWORDS} for m in metas}
        n = len(metas)
        tag_df = Counter(t for ts in self.tags.values() for t in ts)
        word_df = Counter(w for ws in self.twords.values() for w in ws)
        self.specific = {t for t, c in tag_df.items() if c <= SPECIFIC_TAG_SHARE * n}
        self.rare = {w for w, c in word_df.items() if 2 <= c <= max(2, RARE_WORD_SHARE * n)}
        self.vectors: dict[str, dict[str, float]] = {}

    def read_bodies(self, bodies: dict[str, str]) -> None:
        tfs = {s: Counter(_WORD.findall(text.lower())) for s, text in bodies.items()}
        df = Counter(w for tf in tfs.values() for w in tf)
        n = len(tfs)
        for slug, tf in tfs.items():
            vec = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in tf.items()}
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            self.vectors[slug] = {w: v / norm for w, v in vec.items()}

    def cosine(self, a: str, b: str) -> float | None:
        va, vb = self.vectors.get(a), self.vectors.get(b)
        if va is None or vb is None:
            return None
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(v * vb.get(w, 0.0) for w, v in va.items())

    def shares(self, slug: str, other: str) -> tuple[bool, bool]:
        """Whether other shares a specific tag, and a rare title word, with slug."""
        tag = bool(self.tags[slug] & self.tags.get(other, set()) & self.specific)
        word = bool(self.twords[slug] & self.twords.get(other, set()) & self.rare)
        return tag, word


async def compare(
    ref: ModuleType, ref_db: Path, new_db: Path, label: str, sample: int, bodies: bool
) -> None:
    """Both engines over their caches, article by article in turn; prints the figures."""
    engines, idx, close = await open_engines(ref, ref_db, new_db)
    metas = [idx.entries.meta(a) for a in idx.newest]
    lib = Library_(metas)
    slugs = [m.slug for m in random.Random(19).sample(metas, min(sample, len(metas)))]
    if bodies:
        store = await engines["new"].keeper.store()
        texts = {}
        for m in metas:
            article = await store.article_by_id(m.id)
            texts[m.slug] = article.text if article else ""
        lib.read_bodies(texts)
    for slug in slugs[:20]:  # what a running bot has warm
        for engine in engines.values():
            await engine.related(slug, LIMIT)
    print(f"\n{label}: {idx.n} articles, {len(slugs)} sampled; {load()}")
    cpu: dict[str, list[float]] = {"ref": [], "new": []}
    found: dict[str, dict[str, list[str]]] = {"ref": {}, "new": {}}
    for i, slug in enumerate(slugs):
        for which in ("ref", "new") if i % 2 == 0 else ("new", "ref"):
            t = time.process_time()
            hits = await engines[which].related(slug, LIMIT)
            cpu[which].append((time.process_time() - t) * 1000)
            found[which][slug] = [h.slug for h in hits]
    overlap = statistics.mean(
        len(set(found["ref"][s]) & set(found["new"][s])) / LIMIT for s in slugs
    )
    rng = random.Random(7)
    all_slugs = [m.slug for m in metas]
    print(f"  overlap@{LIMIT} of new with ref: {overlap:.2f}")
    for which in ("ref", "new"):
        c = cpu[which]
        pairs = [(s, o) for s in slugs for o in found[which][s]]
        n = max(1, len(pairs))
        tag = sum(lib.shares(s, o)[0] for s, o in pairs) / n
        word = sum(lib.shares(s, o)[1] for s, o in pairs) / n
        either = sum(any(lib.shares(s, o)) for s, o in pairs) / n
        empty = sum(not found[which][s] for s in slugs)
        line = (
            f"  {which}: CPU median {statistics.median(c):.2f} ms, p99 {_pct(c, 99):.2f} ms;"
            f" {len(pairs)} suggestions ({empty} articles with none): specific tag {tag:.2f},"
            f" rare title word {word:.2f}, either {either:.2f}"
        )
        if bodies:
            cos = [x for s, o in pairs if (x := lib.cosine(s, o)) is not None]
            line += f"; body cosine mean {statistics.mean(cos):.3f}"
        print(line)
    if bodies:
        rand = [lib.cosine(s, rng.choice(all_slugs)) or 0.0 for s in slugs for _ in range(LIMIT)]
        print(f"  random pairs: body cosine mean {statistics.mean(rand):.3f}")
    for slug in slugs[:3]:  # a few to read
        print(f"  e.g. {idx.entries[idx.by_slug[slug]].meta.title!r}")
        for which in ("ref", "new"):
            titles = [idx.entries[idx.by_slug[s]].meta.title for s in found[which][slug]]
            print(f"    {which}: {titles}")
    await close()


async def run(args: argparse.Namespace, ref_tree: Path, work: Path) -> None:
    ref = reference_package(ref_tree, work / "ref-code")
    if Path(args.corpus).is_dir():
        for which, tree in (("ref", ref_tree), ("new", ROOT)):
            build_cache(tree, Path(args.corpus), work / f"blogs-{which}.db")
        await compare(
            ref, work / "blogs-ref.db", work / "blogs-new.db", "blogs", args.sample, bodies=True
        )
    else:
        print(f"corpus not found: {args.corpus} (skipping the blogs)")
    if args.large_db:
        await compare(ref, args.large_ref_db, args.large_db, "large", args.sample, bodies=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", default="main", help="the git ref to compare with")
    ap.add_argument("--corpus", default=str(BLOGS))
    ap.add_argument("--sample", type=int, default=300, help="articles per library")
    ap.add_argument("--large-db", type=Path, help="a large library's cache, for this code")
    ap.add_argument("--large-ref-db", type=Path, help="a copy of it, for the other version")
    args = ap.parse_args()
    if bool(args.large_db) != bool(args.large_ref_db):
        ap.error("--large-db and --large-ref-db go together")
    with checkout(args.against) as ref_tree, tempfile.TemporaryDirectory() as tmp:
        print(f"ref: {args.against} at {_head(ref_tree)}; new: {_head(ROOT)} and its changes")
        asyncio.run(run(args, ref_tree, Path(tmp)))


if __name__ == "__main__":
    main()
