"""Pairs of turns over a library of corpus files: a first question, then a second asked in
the conversation the first answer started (SearchEngine.ask with the Topic kept by
bot.conversation.Conversations, as bench/followups.py asks), judged by kind.

    PYTHONHASHSEED=0 .venv/bin/python bench/turn_pairs.py PAIRS --library corpus:GLOB,... [-v]

PAIRS: one pair a line, `KIND | first question | second question | title`, # comments;
--library as bench/discord_session.py reads it (the files are copied to a temporary folder,
never into the project). A second turn is right when:
  follow  it is answered from the first answer's article, whose title holds `title`;
  switch  it is not answered from the first answer's article: it is answered as with no
          conversation (the article asked alone is shown too, and whether its title holds
          `title`: the question's own ranking, which no conversation rule can change).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

from discord_session import library_folder  # noqa: E402

from bot.conversation import Conversations  # noqa: E402
from bot.library.sync import Library  # noqa: E402
from bot.search.engine import SearchEngine  # noqa: E402
from bot.search.results import Answer  # noqa: E402


def pairs(path: Path) -> list[tuple[str, str, str, str]]:
    """The file's pairs: (kind, first question, second question, title expected)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, q1, q2, title = (part.strip() for part in line.split("|"))
            out.append((kind, q1, q2, title))
    return out


def _title(a: Answer) -> str:
    return a.article.title if a.article else f"<{(a.reply or 'no article')[:40]}>"


async def run(rows: list[tuple[str, str, str, str]], library: str, verbose: bool) -> list[bool]:
    oks: list[bool] = []
    with tempfile.TemporaryDirectory() as tmp:
        content = library_folder(library, Path(tmp))
        lib = Library(content, Path(tmp) / "bench.db")
        await lib.reload()
        engine = SearchEngine(lib, cache_size=0)
        try:
            for kind, q1, q2, title in rows:
                talk = Conversations(ttl=600)
                first = await engine.ask(q1)
                talk.answered(first, "c")
                second = await engine.ask(q2, talk.about("c"))
                alone = await engine.ask(q2)
                was = first.article.slug if first.article else None
                now = second.article.slug if second.article else None
                if kind == "follow":
                    ok = now is not None and now == was and title.lower() in _title(second).lower()
                else:
                    ok = now != was or (alone.article is not None and alone.article.slug == was)
                oks.append(ok)
                if verbose or not ok:
                    hit = title.lower() in _title(alone).lower()
                    print(
                        f"  {'ok  ' if ok else 'MISS'} [{kind}] {q1!r} -> {_title(first)!r}\n"
                        f"       {q2!r} -> {_title(second)!r} ({second.confidence}); "
                        f"alone {_title(alone)!r} ({alone.confidence}, "
                        f"{'expected' if hit else 'not expected'})"
                    )
        finally:
            await lib.close()
    return oks


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pairs", type=Path)
    ap.add_argument("--library", required=True, help="as bench/discord_session.py reads it")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every pair")
    args = ap.parse_args()
    rows = pairs(args.pairs)
    oks = asyncio.run(run(rows, args.library, args.verbose))
    for kind in dict.fromkeys(k for k, *_ in rows):
        mine = [ok for (k, *_), ok in zip(rows, oks, strict=True) if k == kind]
        print(f"{kind}: {sum(mine)}/{len(mine)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
