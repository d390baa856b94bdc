"""Parse every article of ../shared/corpus/blogs in one process and print articles/s.

Run by hand: .venv/bin/python bench/parse_speed.py [FOLDER]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bot.library.parse import ArticleError, parse_article

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "blogs"


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    files = sorted(folder.rglob("*.md"))
    if not files:
        sys.exit(f"no .md files under {folder}")
    raws = [(f.read_bytes(), f.relative_to(folder).as_posix()) for f in files]
    size = sum(len(r) for r, _ in raws)
    for rounds in (1, 2, 3):
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
        took = time.perf_counter() - start
        print(
            f"round {rounds}: {len(raws)} files ({size / 1e6:.1f} MB) in {took:.2f} s: "
            f"{len(raws) / took:.0f} articles/s, {size / 1e6 / took:.1f} MB/s; "
            f"{failed} failed, {sentences} sentences, {quotes} quotes"
        )


if __name__ == "__main__":
    main()
