"""Why one post beat another: each missed question's rerank pool, with its evidence.

For the answerable questions of a set that `ask` does not answer with a labelled article
first at high confidence, the candidates as the rerank weighed them, best first: the
final score (`ask`'s confidence reads it), the lead that orders ties (Policy.lead_weight),
the first-stage score, the best passage's coverage, the whole-article share, the word
pairs, the article's sentences and title; the labelled articles marked `*`, and where the
first labelled one finished when it was not in the pool at all. In process, over a cache
built from the library the way `answers.py` builds it, with the same pools and scores as
`ask` (`SearchEngine.reranked`).

The held-out material stays unread: the test half of `answers_blogs.jsonl` and
`answers_news.jsonl` prints its counts only, never a question, and the untouched fresh set and
the validation one (HELD_OUT: fresh21 and fresh20; fresh19 and older are read) are refused.
Five issue-15 passes each wrote this as a throwaway script.

`--labelled-in` reads every pool with the labelled articles added to it (as the rerank adds
the articles holding a rare word): what perfect first-stage recall would give, so a pass
about recall knows its ceiling before it builds anything (prf23: +2 of 841 readable blog
questions).

    .venv/bin/python bench/rerank_pools.py --set blogs --split tune
    .venv/bin/python bench/rerank_pools.py --set fresh2 --top 8
    .venv/bin/python bench/rerank_pools.py --set fresh15 --labelled-in
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# The checkout's own `bot` first, then bench/: a venv installed from another worktree
# would otherwise give its code to what this script runs in process (--oracle).
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]
from answers import (  # noqa: E402
    FRESH_FILES,
    HELD_OUT,
    SET_FILES,
    SPLITS,
    Library,
    in_process,
    load_fresh,
    load_questions,
    open_library,
)
from botcli import project_reload  # noqa: E402

# The half whose questions are never printed (tune on tune, report test).
UNREAD = "test"


@dataclass
class Pool:
    """One question as `ask` weighed it: its candidates and how sure the first one is."""

    row: dict
    confidence: str | None
    lines: list[str]  # the candidates, best first, as printed
    place: int | None  # where the first labelled article finished (None: not in the pool)

    @property
    def right(self) -> bool:
        return self.place == 0 and self.confidence is not None

    @property
    def sure(self) -> bool:
        return self.right and self.confidence == "high"


def candidate_line(k: int, r, first: float, labelled: bool, lead_weight: float) -> str:
    """One candidate: its place, scores and title (`r`: bot.search.rerank.Ranked)."""
    ev = r.evidence
    return (
        f"  {'*' if labelled else ' '}{k:2} score {r.score:.3f} +lead {lead_weight * ev.lead:.3f}"
        f" | first {first:.2f} passage {ev.cover:.2f} article {ev.doc_cover:.2f}"
        f" pairs {ev.pairs:.2f} | {ev.sentences:3} sentences | {r.article.title[:60]}"
    )


def labelled_in(engine, wanted: set[int]) -> None:
    """Make `engine`'s first stage hand the rerank the article ids in `wanted` (filled per
    question by the caller) as it hands it the articles holding a rare word: read whatever
    their first score. For the recall ceiling only; the first-stage scores are unchanged."""
    ranked_of = engine._ranked

    async def with_wanted(idx, q, run):
        found = await ranked_of(idx, q, run)
        extra = tuple(a for a in sorted(wanted) if a not in found.rare)
        return dataclasses.replace(found, rare=(*found.rare, *extra))

    engine._ranked = with_wanted


async def pools(
    lib: Library,
    db: Path,
    rows: Sequence[dict],
    top: int,
    policy_file: str | None,
    with_labelled: bool = False,
):
    """Every row's pool, in process over the cache `db` of `lib` (the labelled articles
    added to each when `with_labelled`)."""
    from bot.search import respond
    from bot.search.policy import load_policy

    policy = load_policy(policy_file)
    async with in_process(lib.content, db, policy) as engine:
        idx = await engine.index()
        wanted: set[int] = set()
        if with_labelled:
            labelled_in(engine, wanted)
        out = []
        for row in rows:
            labels = set(row["articles"])
            if with_labelled:
                wanted.clear()
                wanted.update(
                    a
                    for slug, label in lib.label_of.items()
                    if label in labels and (a := idx.by_slug.get(slug)) is not None
                )
                engine._reranks.clear()  # a question asked again may be labelled otherwise
            ranked, found = await engine.reranked(row["question"])
            slugs = [lib.label_of.get(r.article.slug, r.article.slug) for r in found]
            place = next((k for k, s in enumerate(slugs) if s in labels), None)
            lines = [
                candidate_line(
                    k,
                    r,
                    ranked.scores.get(idx.by_slug.get(r.article.slug, -1), 0.0),
                    slugs[k] in labels,
                    policy.lead_weight,
                )
                for k, r in enumerate(found[:top])
            ]
            out.append(Pool(row, respond.confidence(found, policy), lines, place))
        return out


def report(name: str, split: str, found: Sequence[Pool]) -> None:
    """Counts for one library and half; each miss's pool unless the half is UNREAD."""
    n = len(found)
    right = sum(p.right for p in found)
    sure = sum(p.sure for p in found)
    refused = sum(p.confidence is None for p in found)
    outside = sum(p.place is None for p in found)
    print(
        f"{name} {split}: {n} questions, right article first {right}, of them at high "
        f"confidence {sure}, refused {refused}, the labelled article not in the pool {outside}"
    )
    if split == UNREAD:
        return
    for p in found:
        if p.sure:
            continue
        place = "not in the pool" if p.place is None else f"labelled article at place {p.place + 1}"
        print(f"\n{p.row['question']}  [{p.row['type']}; {p.confidence}; {place}]")
        print("\n".join(p.lines))
    print()


def questions(which: str) -> dict[str, list[dict]]:
    """The answerable questions of a set by library (both libraries for a fresh set)."""
    if which in FRESH_FILES:
        return load_fresh(which)[0]
    return load_questions([which])[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", required=True, choices=[*SET_FILES, *FRESH_FILES])
    ap.add_argument("--split", choices=[*SPLITS, "all"], default="tune")
    ap.add_argument("--top", type=int, default=6, help="candidates printed per question")
    ap.add_argument("--policy", default=None, help="a policy file, as SEARCH_POLICY")
    ap.add_argument(
        "--labelled-in",
        action="store_true",
        help="add the labelled articles to every pool: the ceiling of first-stage recall",
    )
    args = ap.parse_args(argv)
    if args.set in HELD_OUT:
        ap.error(f"{args.set} is never read question by question: run answers.py for its figures")
    for name, rows in questions(args.set).items():
        splits = sorted({r["split"] for r in rows})
        if args.set in SET_FILES and args.split != "all":
            splits = [args.split]
        rows = [r for r in rows if r["split"] in splits]
        with tempfile.TemporaryDirectory(prefix="articlebot-pools-") as tmp:
            lib = open_library(name, Path(tmp))
            db = Path(tmp) / "cache.db"
            project_reload(lib.content, db, {})
            found = asyncio.run(pools(lib, db, rows, args.top, args.policy, args.labelled_in))
        for split in splits:
            report(name, split, [p for p in found if p.row["split"] == split])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
