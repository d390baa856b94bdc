"""Why the labelled post lost: every readable ranking miss of a library, by class (issue 15).

For each readable answerable question (learn_rerank's sets: the default tune half,
fresh..fresh15 less answers.HELD_OUT, probe15, spell19, unrel22, typo22) asked in process as
`ask` weighs it (`SearchEngine.reranked`), a miss is a question whose first candidate is not
a labelled post. Each miss is counted by:

* where the labelled post is: outside the rerank's pool, or in it at place 2 or lower;
* its class against the first: a SIBLING (the two titles share half the shorter one's
  words: the same series, a release and its point release), or else whether the labelled
  post's best single sentence holds more of the question's terms than the first's
  (a sentence restating the question), as many, or fewer (the answer in other words);
* FOCUS: whether the first or the labelled post holds more of the question's weight in
  what it says it is about (its title, description and tags), and in its section headings;
* whether the first post's own text holds the question's answer key as well (the label
  names one post where two state the answer);
* how far the labelled post's order is behind the first's (`gap_band`): the near-tie rules
  of the rerank lift a post within 0.05-0.1 of the first, so a miss further behind is out
  of any such rule's reach (rank25: 7 of fresh17's 21 were within 0.1).

Counts only, then each miss's line with `--show` (readable sets only; never the held-out
ones, which learn_rerank.readable_sets leaves out).

    .venv/bin/python bench/miss_classes.py [--library blogs|news] [--show]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

# The checkout's own `bot` first, then bench/ (as rerank_pools.py).
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]
from answers import in_process, open_library  # noqa: E402
from botcli import project_reload  # noqa: E402
from learn_rerank import readable_sets, rows_of  # noqa: E402

from bot.search.policy import DEFAULT  # noqa: E402
from bot.search.stem import stem  # noqa: E402
from bot.search.words import words  # noqa: E402

# Two titles are one series when they share this share of the shorter one's words.
SIBLING_SHARE = 0.5


def title_words(title: str) -> set[str]:
    """A title's words of three letters or more, bare numbers left out ("1.24" and
    "1.24.1" name one series)."""
    found = re.findall(r"[a-z0-9.]+", title.lower())
    return {w for w in found if len(w) > 2 and not re.fullmatch(r"[0-9.]+", w)}


def siblings(a: str, b: str) -> bool:
    x, y = title_words(a), title_words(b)
    return len(x & y) >= SIBLING_SHARE * max(1, min(len(x), len(y)))


def where_held(r) -> dict:
    """One candidate's question terms by place (`r`: bot.search.rerank.Ranked)."""
    p = r.evidence.passages
    if p is None or not p.q:
        return {"sentence": 0, "about": 0.0, "headings": 0.0}
    q, w, total = p.q, p.weight, p.total
    about = {stem(x) for x in words(r.article.description or "")}
    about |= {stem(x) for tag in r.article.tags for x in words(tag)}
    about = (about & q) | set(p.title_terms)
    headings = set().union(*(p.held[k] for k, s in enumerate(p.sentences) if s.heading))
    return {
        "sentence": max((len(h) for h in p.held), default=0),
        "about": sum(w.get(t, 0.0) for t in about) / total,
        "headings": sum(w.get(t, 0.0) for t in headings) / total,
    }


# The margins the rerank's near-tie rules use (Policy.restated_margin 0.05, the sibling
# rules' 0.1): a labelled post this close behind is within their reach.
GAP_BANDS = (0.05, 0.1)


def order_of(r) -> float:
    """The order the rerank sorts a candidate by before its rules (`r`: Ranked; as
    rerank.rerank: the final score, the lead and a named release)."""
    ev = r.evidence
    return r.score + DEFAULT.lead_weight * ev.lead + DEFAULT.release_title_weight * ev.names_release


def gap_band(first: float, labelled: float) -> str:
    """How far the labelled post's order is behind the first's, by GAP_BANDS."""
    gap = first - labelled
    for band in GAP_BANDS:
        if gap <= band + 1e-9:
            return f"within {band}"
    return f"more than {GAP_BANDS[-1]}"


def compare(a: float, b: float, first: str, labelled: str) -> str:
    return first if a > b + 1e-9 else labelled if b > a + 1e-9 else "equal"


async def classify(library: str, tmp: Path, show: bool) -> Counter:
    lib = open_library(library, tmp)
    db = tmp / f"{library}.db"
    project_reload(lib.content, db, {})
    counts: Counter = Counter()
    async with in_process(lib.content, db) as engine:
        for name in readable_sets():
            for row in rows_of(name, library):
                _, found = await engine.reranked(row["question"])
                labels = set(row["articles"])
                slugs = [lib.label_of.get(r.article.slug, r.article.slug) for r in found]
                place = next((k for k, s in enumerate(slugs) if s in labels), None)
                counts["questions"] += 1
                if place == 0:
                    continue
                if place is None:
                    counts["labelled post outside the pool"] += 1
                    continue
                first, lab = found[0], found[place]
                f, g = where_held(first), where_held(lab)
                if siblings(first.article.title, lab.article.title):
                    kind = "sibling posts (one series)"
                else:
                    kind = "one sentence holds " + compare(
                        g["sentence"],
                        f["sentence"],
                        "more terms: the labelled's",
                        "more terms: the first's",
                    ).replace("equal", "as many terms in each")
                about = compare(f["about"], g["about"], "the first", "the labelled")
                heads = compare(f["headings"], g["headings"], "the first", "the labelled")
                key = row.get("key") or ""
                both = bool(key) and key.lower() in " ".join(first.article.text.lower().split())
                counts[f"in the pool: {kind}"] += 1
                counts[f"  focus (title, description, tags) holds more: {about}"] += 1
                counts[f"  section headings hold more: {heads}"] += 1
                counts["  the first post's text holds the answer key too"] += both
                band = gap_band(order_of(first), order_of(lab))
                counts[f"  the labelled's order behind the first's: {band}"] += 1
                if show:
                    print(
                        f"[{name}] {row['question']} | {kind}; about: {about}; key in first: "
                        f"{both}; {band} | {first.article.title[:50]} || * {lab.article.title[:50]}"
                    )
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--library", choices=("blogs", "news"), default="blogs")
    ap.add_argument("--show", action="store_true", help="print each miss (readable sets only)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="articlebot-misses-") as tmp:
        counts = asyncio.run(classify(args.library, Path(tmp), args.show))
    # (the classes first, then the sub-counts over every miss in the pool)
    for k in sorted(counts, key=lambda k: (k.startswith(" "), k != "questions", k)):
        print(f"{counts[k]:5}  {k}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
