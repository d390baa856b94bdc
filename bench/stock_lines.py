"""Stock lines: sentences a site repeats across its articles (stock26, issue 15).

A release post's "If you have a previous version of Rust installed via rustup, you can get
1.x with: rustup update stable", a newsletter's "Sign up for …", a news export's footer:
the article did not write them for itself, so they are no passage, summary or quote of it.
This counts, over a library's stored sentences (the ones a reply can show), how many
sentences occur in at least N articles, normalised as bot/search/stock.py keys them (case,
spacing and quote marks folded, numbers and version numbers masked), for N = 3, 5, 10, and
the share of the site's articles (the link's host, else the author, else the top folder)
each top line is in.

    PYTHONPATH=. python bench/stock_lines.py [--db DB | --library news|blogs|content] [--top 30]

With --library, the library is reloaded cold into a temporary database first (as
bench/answers.py builds it: corpus files linked, never copied).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bot.search.stock import stock_key  # noqa: E402


def site_of(link: str | None, author: str | None, path: str) -> str:
    """The site an article came from: its link's host, else its author, else its folder."""
    if link:
        host = urlsplit(link).netloc.lower().removeprefix("www.")
        if host:
            return host
    return author or path.split("/", 1)[0]


def measure(db: Path, top: int) -> None:
    con = sqlite3.connect(db)
    sites = {
        i: site_of(link, author, path)
        for i, link, author, path in con.execute("SELECT id, link, author, path FROM articles")
    }
    per_site = Counter(sites.values())
    holders: dict[str, set[int]] = defaultdict(set)
    shown: dict[str, str] = {}
    total = 0
    for article_id, text in con.execute("SELECT article_id, text FROM sentences"):
        key = stock_key(text)
        if not key:
            continue
        total += 1
        holders[key].add(article_id)
        shown.setdefault(key, text)
    print(f"{db}: {len(sites)} articles, {total} sentences keyed, {len(holders)} distinct keys")
    for n in (2, 3, 5, 10):
        keys = [k for k, ids in holders.items() if len(ids) >= n]
        occurrences = sum(len(holders[k]) for k in keys)
        articles = len(set().union(*(holders[k] for k in keys))) if keys else 0
        print(
            f"  in >= {n:2d} articles: {len(keys):5d} distinct sentences, {occurrences:6d}"
            f" occurrences, in {articles} articles"
        )
    print(f"\ntop {top} (articles holding it / articles of its main site):")
    for key, ids in sorted(holders.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]:
        site, held = Counter(sites[i] for i in ids).most_common(1)[0]
        share = held / per_site[site]
        print(f"  {len(ids):4d}  {site} {held}/{per_site[site]} ({share:.2f})  {shown[key][:110]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path)
    ap.add_argument("--library", choices=("news", "blogs", "content"), default="news")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()
    if args.db:
        measure(args.db, args.top)
        return
    import answers
    from botcli import project_reload

    with tempfile.TemporaryDirectory() as tmp:
        content, db = Path(tmp) / "content", Path(tmp) / "lib.db"
        answers.link_tree(answers.LIBRARY_ROOTS[args.library], content)
        project_reload(content, db, {})
        measure(db, args.top)


if __name__ == "__main__":
    main()
