"""Every readable row of both libraries asked in-process, with the reply's confidence, its
article and the best article's evidence (unrel28): what made an unrelated answer HIGH.

Rows: answers_news/blogs (both halves), answers_other's unrelated rows, fresh..fresh19,
unrel22-24 and any probe files given (jsonl rows with "set" and "question"; a "prefix"
names the right article by its slug's start). Never fresh20/fresh21.

    PYTHONHASHSEED=0 PYTHONPATH=. python bench/confident_rows.py OUT.jsonl [POLICY] [PROBES…]
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import answers as A  # noqa: E402
from botcli import project_reload  # noqa: E402

from bot.search import respond  # noqa: E402
from bot.search.policy import load_policy  # noqa: E402

SETS = ["fresh", *(f"fresh{i}" for i in range(2, 20)), "unrel22", "unrel23", "unrel24"]
HELD_OUT = {"fresh20", "fresh21"}


def rows_for(lib: str, probes: list[Path]) -> list[dict]:
    rows = [{**r, "src": lib} for r in A.load_rows(A.SET_FILES[lib])]
    rows += [{**r, "src": "other"} for r in A.load_rows(A.OTHER_FILE) if r["set"] == "unrelated"]
    for s in SETS:
        assert s not in HELD_OUT
        for r in A.load_rows(A.FRESH_FILES[s]):
            if r["set"] in (lib, "unrelated"):
                rows.append({**r, "src": s, "split": s})
    for f in probes:
        for r in A.load_rows(f):
            if r["set"] in (lib, "unrelated"):
                rows.append({**r, "src": f.stem, "split": "probe"})
    return rows


LAST: dict = {}
_confidence = respond.confidence


def _spy(found, policy, asks=True, judged=frozenset()):
    """respond.confidence, keeping the best article's score and evidence."""
    sure = _confidence(found, policy, asks, judged)
    if found:
        ev = found[0].evidence
        LAST["score"] = found[0].score
        LAST["ev"] = None
        if ev is not None:
            kinds = (int, float, bool, str)
            LAST["ev"] = {
                k: getattr(ev, k)
                for k in dir(ev)
                if not k.startswith("_") and isinstance(getattr(ev, k, None), kinds)
            }
    return sure


respond.confidence = _spy


async def ask_all(lib, content: Path, db: Path, policy, rows: list[dict], out) -> None:
    async with A.in_process(content, db, policy) as engine:
        for r in rows:
            LAST.clear()
            ans = await engine.ask(r["question"])
            art = ans.article
            slug = lib.label_of.get(art.slug, art.slug) if art is not None else None
            prefix = r.get("prefix")
            right = slug in set(r.get("articles") or ()) or bool(
                slug and prefix and slug.startswith(prefix)
            )
            row = {
                "lib": lib.name,
                "src": r["src"],
                "split": r.get("split"),
                "set": r["set"],
                "q": r["question"],
                "article": slug,
                "title": art.title if art else None,
                "conf": ans.confidence,
                "right": right,
                "score": LAST.get("score"),
                "ev": LAST.get("ev"),
            }
            out.write(json.dumps(row) + "\n")


def main() -> None:
    out_path = Path(sys.argv[1])
    policy = load_policy(sys.argv[2] if len(sys.argv) > 2 else None)
    probes = [Path(p) for p in sys.argv[3:]]
    with out_path.open("w") as out:
        for name in ("news", "blogs"):
            with tempfile.TemporaryDirectory(prefix="confident-rows-") as tmp:
                lib = A.open_library(name, Path(tmp))
                db = Path(tmp) / "cache.db"
                project_reload(lib.content, db, dict(os.environ))
                rows = rows_for(name, probes)
                asyncio.run(ask_all(lib, lib.content, db, policy, rows, out))
                print(name, len(rows), file=sys.stderr)


if __name__ == "__main__":
    main()
