"""Generate a large article library by reshuffling a real corpus.

Each generated article takes its title from one source article (with a few words swapped
in from another, so titles stay realistic but distinct), its tags and author from
sources, and a body of paragraphs drawn from several sources. Deterministic for a seed.

    python bench/generate.py OUT_DIR --count 100000 [--source ../shared/corpus/blogs]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import frontmatter
import yaml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "blogs"
_PARAGRAPH = re.compile(r"<(p|h2|h3|ul|pre)\b.*?</\1>", re.S)


@dataclass(frozen=True)
class Source:
    title: str
    author: str
    tags: list[str]
    description: str
    paragraphs: list[str]


def load_sources(folder: Path) -> list[Source]:
    sources = []
    for path in sorted(folder.rglob("*.md")):
        post = frontmatter.load(path)
        paragraphs = [m.group(0) for m in _PARAGRAPH.finditer(post.content)]
        if not post.get("title") or not paragraphs:
            continue
        sources.append(
            Source(
                title=str(post["title"]),
                author=str(post.get("author") or "Anonymous"),
                tags=[str(t) for t in post.get("tags") or []],
                description=str(post.get("description") or ""),
                paragraphs=paragraphs,
            )
        )
    return sources


def generate(source_dir: Path, out_dir: Path, count: int, seed: int = 7) -> int:
    """Write `count` articles under out_dir/YYYY/MM/; returns how many were written."""
    rng = random.Random(seed)
    sources = load_sources(source_dir)
    if not sources:
        raise SystemExit(f"no usable articles in {source_dir}")
    vocabulary = sorted({w for s in sources for w in s.title.split() if len(w) > 3})
    start = datetime(2010, 1, 1, tzinfo=UTC)
    for i in range(count):
        base = rng.choice(sources)
        words = base.title.split()
        for _ in range(rng.randint(1, 2)):
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        title = f"{' '.join(words)} ({i})"
        date = start + timedelta(minutes=rng.randrange(60 * 24 * 365 * 16))
        paragraphs = []
        for _ in range(rng.randint(4, 10)):
            donor = rng.choice(sources)
            paragraphs.append(rng.choice(donor.paragraphs))
        slug = f"gen-{i:06d}"
        meta = {
            "author": rng.choice(sources).author,
            "cover_image": None,
            "date": date.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "dateFolder": date.strftime("%Y/%m/%d"),
            "description": base.description if rng.random() < 0.4 else "",
            "link": f"https://example.invalid/articles/{slug}",
            "slug": slug,
            "tags": sorted(set(base.tags + rng.choice(sources).tags[:1])),
            "title": title,
        }
        folder = out_dir / date.strftime("%Y/%m")
        folder.mkdir(parents=True, exist_ok=True)
        text = "---\n" + yaml.safe_dump(meta, sort_keys=True, allow_unicode=True) + "---\n"
        (folder / f"{slug}.md").write_text(text + "\n".join(paragraphs) + "\n", encoding="utf-8")
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not args.source.is_dir():
        print(f"source corpus {args.source} is absent", file=sys.stderr)
        return 2
    started = time.perf_counter()
    n = generate(args.source, args.out, args.count, args.seed)
    print(f"wrote {n} articles to {args.out} in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
