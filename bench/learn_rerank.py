"""A compact learned order over the rerank's own evidence, judged leave-one-set-out (issue 15).

Four sessions of hand-written near-tie rules inside the rerank's pool gained on the sets they
were read from and lost on unread ones. This asks whether a small LEARNED scorer over the
evidence the rerank already computes (Evidence, the first-stage score, the blend, the order
the rules gave) orders the pool better than the rules do, on a set it never trained on.

1. The table: every readable answerable question (the default tune half, fresh..fresh14,
   probe15, spell19; both libraries) asked in process as `ask` weighs it
   (rerank_pools.pools' engine, `SearchEngine.reranked`), each pool candidate's features and
   whether it is a labelled article. The held-out sets (answers.HELD_OUT) and the default test
   half are never put in it.
2. The model: a linear score over standardized features, trained by gradient descent (Adam) on
   a listwise softmax loss per question (the labelled candidates' share of the pool's softmax),
   with L2 on the weights; pure Python.
3. Leave-one-set-out: for each readable set, train on all the others, and count the held-out
   set's questions whose first candidate is a labelled article, under the current order and
   under the learned one (alone, and as a tie-break of the current order within a margin).

    .venv/bin/python bench/learn_rerank.py [--table FILE] [--features all|a,b,...]
        [--train-margin M] [--margins a,b,...] [--epochs N] [--l2 X] [--fit-all]

By default the 14 features of LEARNED, trained on the candidates within 0.05 of the first's
order and applied there (the tie-break bench/README.md "learn22" judged). `--table FILE`
keeps the table (JSON) after building it once; a second run reads it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys
import tempfile
import time
from collections.abc import Sequence
from operator import mul
from pathlib import Path

# The checkout's own `bot` first, then bench/ (as rerank_pools.py).
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]
from answers import FRESH_FILES, HELD_OUT, in_process, open_library  # noqa: E402
from botcli import project_reload  # noqa: E402
from clause_roles import agrees, asked  # noqa: E402
from rerank_pools import questions  # noqa: E402

from bot.search.stem import stem  # noqa: E402
from bot.search.words import words  # noqa: E402

LIBRARIES = ("news", "blogs")
DEFAULT_SET = "default"  # the tune half of answers_news.jsonl and answers_blogs.jsonl
# Features of one candidate, all read from what the rerank computed (see candidate_features).
FEATURES = (
    "order",  # the value the rerank sorts by (final + lead + release title)
    "order_gap",  # order minus the pool's best order
    "score",  # the final score ask's confidence reads
    "first",  # the first-stage score
    "cover",  # best passage coverage
    "doc_cover",
    "pairs",
    "lead",
    "names_release",
    "names_rarest",
    "holds_rare",
    "names_writer",
    "together_share",  # together / terms
    "distinct_share",  # distinct_together / terms
    "body_only",
    "log_sentences",
    "lone_common",
    "guess_apart",
    "guessed",
    "current_first",  # first in the current order (after the near-tie rules)
    "current_place",  # 1 / (1 + place in the current order)
    "stage_place",  # 1 / (1 + place in the first stage's ranking)
    "newest",  # 1 for the pool's newest article, 0 for its oldest
    # focus23: where the article holds the question's words (structure_features)
    "sentence_share",  # the most question terms one sentence holds / terms
    "sentence_weight",  # the largest share of the question's weight one sentence holds
    "title_weight",  # the share of the question's weight the title holds
    "heading_weight",  # ... its section headings hold
    "section_lead_weight",  # ... the first sentence under a heading (or the article's) holds
    "title_sentence_share",  # terms the title and the best sentence hold together / terms
    "heads_named",  # the nouns asked about (Wanted.heads) the title or a heading holds
    "about_weight",  # ... the title, the description and the tags hold (what it says it is about)
    # svo23: a sentence where the question's subject does the question's verb (clause_roles.py)
    "role_share",  # the most question terms such a sentence's clause holds / terms (0: none)
    "role_held",  # 1 when one sentence agrees so
)
# The compact set judged in bench/README.md ("learn22"): the default of --features.
LEARNED = (
    "first",
    "cover",
    "doc_cover",
    "pairs",
    "lead",
    "names_rarest",
    "holds_rare",
    "together_share",
    "current_first",
    "current_place",
    "stage_place",
    "best_doc_cover",
    "best_pairs",
    "best_together_share",
)
# Read from the table, not stored in it: whether a candidate has the pool's best value of
# these (a linear softmax cannot tell "best of its pool" from its values alone).
POOL_BEST = (
    "order",
    "score",
    "first",
    "cover",
    "doc_cover",
    "pairs",
    "lead",
    "together_share",
    "sentence_share",
    "sentence_weight",
    "title_sentence_share",
    "role_share",
)
ALL_FEATURES = FEATURES + tuple(f"best_{f}" for f in POOL_BEST)


def with_pool_best(table: list[dict]) -> None:
    """Each candidate's x extended with the POOL_BEST indicators (in place; once)."""
    cols = [FEATURES.index(f) for f in POOL_BEST]
    for q in table:
        cands = q["cands"]
        if cands and len(cands[0]["x"]) == len(ALL_FEATURES):
            continue
        tops = [max((c["x"][j] for c in cands), default=0.0) for j in cols]
        for c in cands:
            c["x"] = c["x"][: len(FEATURES)] + [
                float(c["x"][j] >= t - 1e-9) for j, t in zip(cols, tops, strict=True)
            ]


def readable_sets() -> list[str]:
    """The sets whose questions may be read (tune material), default first."""
    fresh = [s for s in FRESH_FILES if s not in HELD_OUT]
    return [DEFAULT_SET, *fresh]


def rows_of(name: str, library: str) -> list[dict]:
    """The answerable questions of set `name` asked of `library` (the default set: its tune
    half only)."""
    if name == DEFAULT_SET:
        return [r for r in questions(library)[library] if r["split"] == "tune"]
    return questions(name).get(library, [])


def candidate_features(
    k: int, r, first: float, stage: int, newest: float, best: float, order: float, shape=None
) -> list[float]:
    """One candidate's FEATURES (`r`: bot.search.rerank.Ranked at place k)."""
    ev = r.evidence
    terms = max(ev.terms, 1)
    return [
        order,
        order - best,
        r.score,
        first,
        ev.cover,
        ev.doc_cover,
        ev.pairs,
        ev.lead,
        ev.names_release,
        float(ev.names_rarest),
        float(ev.holds_rare),
        float(ev.names_writer),
        ev.together / terms,
        ev.distinct_together / terms,
        ev.body_only,
        math.log1p(ev.sentences),
        float(ev.lone_common),
        float(ev.guess_apart),
        float(ev.guessed),
        float(k == 0),
        1.0 / (1 + k),
        1.0 / (1 + stage),
        newest,
        *structure_features(r.article, ev),
        *role_features(ev, shape),
    ]


def role_features(ev, shape) -> list[float]:
    """svo23's candidate evidence: the best share of the question's terms one sentence's
    clause holds where the question's subject does its verb (clause_roles.agrees;
    `shape` is clause_roles.asked(question), None for a question without one), and whether any
    sentence agrees. Only sentences holding two question terms or more are read."""
    p = ev.passages
    if shape is None or p is None:
        return [0.0, 0.0]
    best = max(
        (agrees(shape, s.text) for s, h in zip(p.sentences, p.held, strict=True) if len(h) >= 2),
        default=0.0,
    )
    return [best, float(best > 0)]


def structure_features(article, ev) -> list[float]:
    """focus23's candidate evidence of WHERE an article holds the question's words: one
    sentence restating it, its title, its section headings, the sentence opening a section,
    what its title, description and tags say it is about."""
    p = ev.passages
    if p is None or not p.q:
        return [0.0] * 8
    w, total, q = p.weight, p.total, p.q
    held, sents = p.held, p.sentences
    title = set(p.title_terms)

    def share(terms) -> float:
        return sum(w.get(t, 0.0) for t in terms) / total

    best_n = max((len(h) for h in held), default=0)
    best_w = max((share(h) for h in held), default=0.0)
    heading: set[str] = set()
    section_lead: set[str] = set(held[0]) if held else set()
    for k, s in enumerate(sents):
        if s.heading:
            heading |= held[k]
            if k + 1 < len(sents) and not sents[k + 1].heading:
                section_lead |= held[k + 1]
    together = max((len(title | h) for h in held), default=len(title))
    heads = p.wanted.heads
    named = len(heads & (title | heading)) / len(heads) if heads else 0.0
    n = len(q)
    about = {stem(x) for x in words(article.description or "")}
    about |= {stem(x) for tag in article.tags for x in words(tag)}
    return [
        best_n / n,
        best_w,
        share(title),
        share(heading),
        share(section_lead),
        together / n,
        named,
        share(title | (about & q)),
    ]


async def library_table(library: str, sets: Sequence[str], tmp: Path) -> list[dict]:
    """Every question of `sets` asked of `library`: its pool's features and labels, in the
    rerank's order (what it is trained on and compared with)."""
    from bot.search.policy import DEFAULT

    lib = open_library(library, tmp)
    db = tmp / f"{library}.db"
    project_reload(lib.content, db, {})
    policy = DEFAULT
    out = []
    async with in_process(lib.content, db, policy) as engine:
        idx = await engine.index()
        for name in sets:
            for row in rows_of(name, library):
                ranked, found = await engine.reranked(row["question"])
                shape = asked(row["question"])
                labels = set(row["articles"])
                ids = [idx.by_slug.get(r.article.slug, -1) for r in found]
                stage = {a: k for k, a in enumerate(ranked.ids)}
                ages = sorted(idx.ranks[a] for a in ids if a >= 0)
                orders = [
                    r.score
                    + policy.lead_weight * r.evidence.lead
                    + policy.release_title_weight * r.evidence.names_release
                    for r in found
                ]
                best = max(orders, default=0.0)
                cands = []
                for k, (r, a) in enumerate(zip(found, ids, strict=True)):
                    age = ages.index(idx.ranks[a]) if a >= 0 else 0
                    newest = 1.0 - age / max(len(ages) - 1, 1)
                    first = ranked.scores.get(a, 0.0)
                    cands.append(
                        {
                            "x": candidate_features(
                                k,
                                r,
                                first,
                                stage.get(a, len(ranked.ids)),
                                newest,
                                best,
                                orders[k],
                                shape,
                            ),
                            "y": int(lib.label_of.get(r.article.slug, r.article.slug) in labels),
                        }
                    )
                out.append(
                    {"set": name, "library": library, "question": row["question"], "cands": cands}
                )
    return out


def build_table(sets: Sequence[str]) -> list[dict]:
    table: list[dict] = []
    for library in LIBRARIES:
        t0 = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="articlebot-learn-") as tmp:
            table += asyncio.run(library_table(library, sets, Path(tmp)))
        print(f"{library}: pools in {time.perf_counter() - t0:.0f}s", flush=True)
    return table


# ---------------------------------------------------------------- the model (pure Python)


class Model:
    """A linear score over standardized features: w . (x - mean) / std."""

    def __init__(self, mean: list[float], std: list[float], w: list[float]) -> None:
        self.mean, self.std, self.w = mean, std, w

    def score(self, x: Sequence[float]) -> float:
        return sum(
            w * (v - m) / s for w, v, m, s in zip(self.w, x, self.mean, self.std, strict=True)
        )


def standardize(qs: Sequence[dict], used: Sequence[int]) -> tuple[list[float], list[float]]:
    xs = [c["x"] for q in qs for c in q["cands"]]
    mean, std = [], []
    for j in range(len(ALL_FEATURES)):
        if j not in used:
            mean.append(0.0)
            std.append(1.0)
            continue
        col = [x[j] for x in xs]
        m = sum(col) / len(col)
        v = sum((c - m) ** 2 for c in col) / len(col)
        mean.append(m)
        std.append(math.sqrt(v) or 1.0)
    return mean, std


def near(q: dict, margin: float | None) -> list[dict]:
    """The candidates within `margin` of the current first's order (all when None)."""
    cands = q["cands"]
    if margin is None or not cands:
        return cands
    j = FEATURES.index("order")
    top = cands[0]["x"][j]
    return [c for c in cands if c["x"][j] >= top - margin]


def train(
    qs: Sequence[dict],
    used: Sequence[int],
    epochs: int,
    l2: float,
    lr: float,
    margin: float | None = None,
) -> Model:
    """Listwise softmax over each pool holding a labelled article: maximise the log of the
    labelled candidates' share, minus l2 x |w|^2; full-batch Adam."""
    mean, std = standardize(qs, used)
    data = []
    for q in qs:
        cands = near(q, margin)
        ys = [c["y"] for c in cands]
        if not any(ys) or all(ys):
            continue
        xs = [[(c["x"][j] - mean[j]) / std[j] for j in used] for c in cands]
        data.append((xs, ys))
    d = len(used)
    w = [0.0] * d
    m1, m2 = [0.0] * d, [0.0] * d
    b1, b2, eps = 0.9, 0.999, 1e-8
    n = len(data) or 1
    for t in range(1, epochs + 1):
        g = [2 * l2 * wj for wj in w]
        for xs, ys in data:
            s = [sum(map(mul, w, x)) for x in xs]
            top = max(s)
            e = [math.exp(v - top) for v in s]
            z = sum(e)
            zl = sum(ei for ei, y in zip(e, ys, strict=True) if y)
            # d(-log(zl/z))/ds_i = p_i - p_i|labelled
            for x, ei, y in zip(xs, e, ys, strict=True):
                coef = (ei / z - (ei / zl if y else 0.0)) / n
                g = [gj + coef * xj for gj, xj in zip(g, x, strict=True)]
        for j in range(d):
            m1[j] = b1 * m1[j] + (1 - b1) * g[j]
            m2[j] = b2 * m2[j] + (1 - b2) * g[j] * g[j]
            w[j] -= lr * (m1[j] / (1 - b1**t)) / (math.sqrt(m2[j] / (1 - b2**t)) + eps)
    full = [0.0] * len(ALL_FEATURES)
    for j, wj in zip(used, w, strict=True):
        full[j] = wj
    return Model(mean, std, full)


def first_right(q: dict, key) -> bool:
    """Whether the candidate `key` puts first (stable: the current order breaks ties) is
    labelled."""
    cands = q["cands"]
    if not cands:
        return False
    best = max(range(len(cands)), key=lambda k: (key(cands[k], k), -k))
    return bool(cands[best]["y"])


def current_key(c: dict, k: int) -> float:
    return -k


def learned_key(model: Model):
    return lambda c, k: model.score(c["x"])


def tiebreak_key(model: Model, margin: float):
    """The learned score orders only the candidates within `margin` of the current first's
    order value (as the near-tie rules do); the current first stays when none is."""
    order = FEATURES.index("order")

    def pick(q: dict) -> bool:
        cands = q["cands"]
        if not cands:
            return False
        top = cands[0]["x"][order]
        near = [k for k, c in enumerate(cands) if c["x"][order] >= top - margin]
        best = max(near, key=lambda k: (model.score(cands[k]["x"]), -k))
        return bool(cands[best]["y"])

    return pick


def loso(table: list[dict], sets: Sequence[str], used: Sequence[int], args) -> None:
    """Leave-one-set-out: right first under the current order and the learned ones."""
    margins = [float(m) for m in args.margins.split(",") if m]
    head = f"{'held out':<9} {'lib':<5} {'n':>4} {'pool':>4} {'current':>7} {'learned':>7}"
    head += "".join(f" {'tb' + format(m, 'g'):>7}" for m in margins)
    print(head)
    totals: dict[str, list[int]] = {}
    for held in sets:
        train_qs = [q for q in table if q["set"] != held]
        model = train(train_qs, used, args.epochs, args.l2, args.lr, args.train_margin)
        for library in LIBRARIES:
            qs = [q for q in table if q["set"] == held and q["library"] == library]
            if not qs:
                continue
            row = [
                len(qs),
                sum(any(c["y"] for c in q["cands"]) for q in qs),
                sum(first_right(q, current_key) for q in qs),
                sum(first_right(q, learned_key(model)) for q in qs),
                *(sum(tiebreak_key(model, m)(q) for q in qs) for m in margins),
            ]
            t = totals.setdefault(library, [0] * len(row))
            for i, v in enumerate(row):
                t[i] += v
            print(
                f"{held:<9} {library:<5} "
                + " ".join(f"{v:>4}" if i < 2 else f"{v:>7}" for i, v in enumerate(row)),
                flush=True,
            )
    for library, t in totals.items():
        n = t[0]
        shares = " ".join(f"{v / n:>7.3f}" for v in t[2:])
        print(f"{'ALL':<9} {library:<5} {n:>4} {t[1]:>4} {shares}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--table", default=None, help="keep/read the table here (JSON)")
    ap.add_argument("--epochs", type=int, default=80)
    ap.add_argument("--l2", type=float, default=0.1)
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument(
        "--features",
        default=",".join(LEARNED),
        help="only these features (comma-separated; 'all': every one; default: LEARNED)",
    )
    ap.add_argument("--margins", default="0.05", help="tie-break margins tried")
    ap.add_argument(
        "--train-margin",
        type=float,
        default=0.05,
        help="train only on candidates within this of the first's order (the tie-break's pool)",
    )
    ap.add_argument("--fit-all", action="store_true", help="print weights trained on all sets")
    args = ap.parse_args(argv)
    sets = readable_sets()
    path = Path(args.table) if args.table else None
    if path is not None and path.exists():
        table = json.loads(path.read_text(encoding="utf-8"))
    else:
        table = build_table(sets)
        if path is not None:
            path.write_text(json.dumps(table), encoding="utf-8")
    with_pool_best(table)
    wanted = [] if args.features == "all" else [f for f in args.features.split(",") if f]
    unknown = set(wanted) - set(ALL_FEATURES)
    if unknown:
        ap.error(f"unknown features: {', '.join(sorted(unknown))}")
    used = [j for j, f in enumerate(ALL_FEATURES) if not wanted or f in wanted]
    n = len(table)
    print(
        f"{n} questions, {sum(len(q['cands']) for q in table)} candidates, "
        f"features: {', '.join(ALL_FEATURES[j] for j in used)}"
    )
    loso(table, sets, used, args)
    if args.fit_all:
        model = train(table, used, args.epochs, args.l2, args.lr, args.train_margin)
        for j in used:
            print(
                f"  {ALL_FEATURES[j]:<15} w {model.w[j]:+.3f}  mean {model.mean[j]:.3f} "
                f"std {model.std[j]:.3f}"
            )
        if [ALL_FEATURES[j] for j in used] == list(LEARNED):
            # Per raw feature (w / std): within one pool the means shift every score alike,
            # so these are the weights a rerank step would use.
            raw = [round(model.w[j] / model.std[j], 4) for j in used]
            print(f"weights per raw feature, in that order: {tuple(raw)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
