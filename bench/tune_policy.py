"""The search policy's ranking and confidence weights, searched jointly (issue 15).

Each library of bench/answers.py ("news", "blogs") is reloaded once; every candidate
policy is then asked the questions in this process, by a new SearchEngine over the same
cache (a new engine holds no state of the last one: its index, typo vocabularies, name
tables and title memo are made with the candidate's policy). A coordinate search moves one
weight at a time to a few values around its current one, for several passes, and keeps a
move only when it gains at least --min-gain questions.

The objective is counted on tuning material only: the tune half and the "fresh" set, both
libraries: right article first + right article at high confidence + passage holding the
answer key. Hard constraints, per library: unrelated questions given no confident answer
do not drop, ones given no article stay >= 0.80 (or do not drop, when below), answerable
questions refused do not rise, small talk and "what's new" do not drop. The test half is
only reported (before -> after); the "fresh2" set is never asked.

    .venv/bin/python bench/tune_policy.py [--passes N] [--min-gain N] [--reach R] [--minutes M]
        [--fields a,b,...] [--save FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

# The checkout's own `bot` first, then bench/: a venv installed from another worktree
# would otherwise give its code to what this script runs in process (--oracle).
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

from answers import (  # noqa: E402
    Library,
    Reply,
    in_process,
    load_fresh,
    load_questions,
    open_library,
    read_reply,
)
from botcli import project_reload  # noqa: E402

from bot.search.policy import DEFAULT, Policy  # noqa: E402

LIBRARIES = ("news", "blogs")
TUNING = "fresh"  # the fresh set is tune material; fresh2 is never read here
NO_ARTICLE_FLOOR = 0.80  # issue 15's target for unrelated questions given no article
# The hard constraints a candidate may break (see broken).
CONFIDENT = "unrelated answered with confidence"
ARTICLE = "unrelated given an article"
REFUSED = "more refused"


# ---------------------------------------------------------------- counting (pure)


@dataclass(frozen=True, slots=True)
class Counts:
    """What one library's replies to one group of questions come to, in questions."""

    answerable: int = 0
    first: int = 0  # right article first
    high_right: int = 0  # right article at high confidence
    held: int = 0  # the passage of the right article holds the answer key
    refused: int = 0  # answerable, no article
    unrelated: int = 0
    no_confident: int = 0  # unrelated, not answered with confidence
    no_article: int = 0  # unrelated, no article at all
    smalltalk: int = 0
    smalltalk_ok: int = 0  # small talk answered without an article
    latest: int = 0
    latest_ok: int = 0  # "what's new" naming one of the newest articles

    @property
    def objective(self) -> int:
        return self.first + self.high_right + self.held


def tally(library: str, replies: Sequence[Reply], newest: set[str]) -> Counts:
    """Counts of one library's replies: rows of set `library` are answerable, the rest
    unrelated, small talk or "what's new" (as bench/answers.py scores them)."""
    mine = [r for r in replies if r.row["set"] == library]
    by = {
        s: [r for r in replies if r.row["set"] == s] for s in ("unrelated", "smalltalk", "latest")
    }
    return Counts(
        answerable=len(mine),
        first=sum(r.right for r in mine),
        high_right=sum(r.right and r.confidence == "high" for r in mine),
        held=sum(r.held for r in mine),
        refused=sum(r.article is None for r in mine),
        unrelated=len(by["unrelated"]),
        no_confident=sum(r.confidence != "high" for r in by["unrelated"]),
        no_article=sum(r.article is None for r in by["unrelated"]),
        smalltalk=len(by["smalltalk"]),
        smalltalk_ok=sum(r.article is None for r in by["smalltalk"]),
        latest=len(by["latest"]),
        latest_ok=sum(bool(newest & set(r.named)) for r in by["latest"]),
    )


def broken(cand: Counts, base: Counts) -> str | None:
    """Which hard constraint `cand` breaks against the starting policy's `base` (one
    library's counts), or None."""
    if cand.no_confident < base.no_confident:
        return CONFIDENT
    floor = min(base.no_article, NO_ARTICLE_FLOOR * cand.unrelated)
    if cand.no_article < floor:
        return ARTICLE
    if cand.refused > base.refused:
        return REFUSED
    if cand.smalltalk_ok < base.smalltalk_ok or cand.latest_ok < base.latest_ok:
        return "small talk or what's new"
    return None


def objective(counts: dict[str, Counts]) -> int:
    return sum(c.objective for c in counts.values())


# ---------------------------------------------------------------- the weights searched


@dataclass(frozen=True, slots=True)
class Knob:
    """One number of the policy: a field, or one weight of a tuple field (`at`)."""

    name: str
    at: int | None = None
    steps: tuple[float, ...] = (0.5, 0.75, 1.25, 1.5)  # factors of the current value
    add: tuple[float, ...] = ()  # or amounts added to it
    keep_sum: bool = False  # a tuple of weights summing to 1: the others make up for it

    @property
    def label(self) -> str:
        return self.name if self.at is None else f"{self.name}[{self.at}]"

    def get(self, p: Policy) -> float:
        v = getattr(p, self.name)
        return v[self.at] if self.at is not None else v

    def values(self, p: Policy, reach: float = 1.0) -> list[float]:
        """The values tried around the current one: the amounts added, or the factors (from
        0: small values); `reach` > 1 tries further (amounts times it, factors to its power)."""
        v = self.get(p)
        ints = isinstance(getattr(DEFAULT, self.name), int)
        if self.add:
            tried = [v + a * reach for a in self.add]
        elif v == 0:
            tried = [t * reach for t in (0.1, 0.25, 0.5)]
        else:
            tried = [v * s**reach for s in self.steps]
        out = {round(t) if ints else round(t, 4) for t in tried}
        return sorted(t for t in out if t >= 0 and t != v)

    def set(self, p: Policy, value: float) -> Policy:
        if self.at is None:
            return p.with_(**{self.name: value})
        old = list(getattr(p, self.name))
        rest = sum(old) - old[self.at]
        new = list(old)
        new[self.at] = value
        if self.keep_sum and rest > 0:
            scale = (sum(old) - value) / rest
            if scale < 0:
                return p  # the others cannot make up for it: not a candidate
            new = [value if i == self.at else w * scale for i, w in enumerate(old)]
        return p.with_(**{self.name: tuple(round(w, 4) for w in new)})


THRESHOLD = (-0.05, -0.025, 0.025, 0.05)
# The constraint a candidate breaks -> the threshold that may restore it (see Search.repair),
# by these steps, smallest first (raised; lowered for refusals).
REPAIRS = {
    CONFIDENT: "answer_threshold",
    ARTICLE: "tentative_threshold",
    REFUSED: "tentative_threshold",
}
REPAIR_STEPS = (0.01, 0.02, 0.03, 0.05)
MIX = (-0.1, -0.05, 0.05, 0.1)

# What ranks an article for a question, chooses its passage and says how sure the answer
# is; not the budgets and speed caps (pools, limits, caps), nor keyword search's weights
# (an `ask` never reads them).
KNOBS: tuple[Knob, ...] = (
    *(Knob("question_mix", i, add=MIX) for i in range(3)),
    *(Knob("rerank_mix", i, add=MIX, keep_sum=True) for i in range(4)),
    *(Knob("question_bm25_weights", i) for i in range(3)),  # the text's weight is the unit
    Knob("rerank_floor", add=THRESHOLD),
    Knob("long_article_sentences"),
    Knob("long_article_cost"),
    Knob("title_word_floor"),
    Knob("precision_base", add=MIX),
    Knob("order_bonus"),
    Knob("prefix_quality", add=MIX),
    Knob("one_typo_quality", add=MIX),
    Knob("two_typo_quality", add=MIX),
    Knob("title_share", add=MIX),
    Knob("proximity"),
    Knob("cue"),
    Knob("cover_cap", add=THRESHOLD),
    Knob("extra_sentence"),
    Knob("long_passage_cost"),
    Knob("answer_fit"),
    Knob("next_fit"),
    Knob("partial_fit"),
    Knob("object_fit"),
    Knob("asked_name_fit"),
    Knob("closeness_words"),
    Knob("unanchored"),
    Knob("leaning"),
    Knob("article_specificity"),
    Knob("title_shown"),
    Knob("name_part"),
    Knob("named_answer"),
    Knob("context_share"),
    Knob("pointer_cost"),
    Knob("lead_cost"),
    Knob("answer_threshold", add=THRESHOLD),
    Knob("confident_threshold", add=THRESHOLD),
    Knob("confident_terms", add=(-1, 1)),
    Knob("tentative_threshold", add=THRESHOLD),
    Knob("tentative_title_floor", add=THRESHOLD),
    Knob("tentative_terms", add=(-1, 1)),
)


def changes(p: Policy, base: Policy = DEFAULT) -> dict[str, object]:
    """The fields of p that differ from base, as a SEARCH_POLICY file would give them."""
    a, b = asdict(p), asdict(base)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in a.items() if v != b[k]}


# ---------------------------------------------------------------- asking in process


@dataclass
class Loaded:
    """One library, reloaded once into `db`, with the questions it is asked."""

    lib: Library
    db: Path
    tune: list[dict]  # tune half and fresh: answerable, unrelated, small talk, what's new
    test: list[dict]  # test half, the same kinds


def question_rows(name: str) -> tuple[list[dict], list[dict]]:
    """(tune + fresh rows, test rows) asked of library `name`, as bench/answers.py asks
    them: its answerable questions and the unrelated/small talk/what's new ones."""
    sets, other = load_questions([name])
    fresh, fresh_other = load_fresh(TUNING)
    rows = sets[name] + other
    tune = [r for r in rows if r["split"] == "tune"] + fresh.get(name, []) + fresh_other
    return tune, [r for r in rows if r["split"] == "test"]


def load(name: str, tmp: Path) -> Loaded:
    """Library `name` reloaded (by the bot's `reload`) into a cache under tmp."""
    lib = open_library(name, tmp)
    db = tmp / f"{name}.db"
    project_reload(lib.content, db, {})
    tune, test = question_rows(name)
    return Loaded(lib, db, tune, test)


async def ask_all(ld: Loaded, rows: list[dict], policy: Policy) -> Counts:
    """Counts of `rows` asked of a new engine made with `policy`, as a bot started with
    that SEARCH_POLICY would answer them (no result cache; the saved index is read)."""
    async with in_process(ld.lib.content, ld.db, policy) as engine:
        replies = [
            read_reply(r, (await engine.ask(r["question"])).as_json(), ld.lib.label_of)
            for r in rows
        ]
    return tally(ld.lib.name, replies, ld.lib.newest())


async def counts_of(libs: Sequence[Loaded], policy: Policy, half: str) -> dict[str, Counts]:
    """Each library's counts of its `half` ("tune": with fresh; "test") under `policy`."""
    return {ld.lib.name: await ask_all(ld, getattr(ld, half), policy) for ld in libs}


# ---------------------------------------------------------------- the search


@dataclass
class Search:
    """Coordinate search state: the policy so far and its objective, from `base` (the
    starting policy's counts, which the constraints compare with)."""

    evaluate: Callable[[Policy], Awaitable[dict[str, Counts]]]
    min_gain: int
    base: dict[str, Counts]
    reach: float = 1.0  # see Knob.values
    policy: Policy = DEFAULT
    best: int = 0
    tried: int = 0

    def __post_init__(self) -> None:
        self.best = objective(self.base)

    async def tries(self, knob: Knob) -> list[Try]:
        """Each value tried around the knob's current one (repaired, see repair)."""
        out = []
        for v in knob.values(self.policy, self.reach):
            cand = knob.set(self.policy, v)
            if cand == self.policy:
                continue
            found = await self.judge(v, cand)
            if found.broken and knob.name not in REPAIRS.values():
                found = await self.repair(found)
            out.append(found)
        return out

    async def judge(self, value: float, policy: Policy, note: str = "") -> Try:
        counts = await self.evaluate(policy)
        self.tried += 1
        why = next((f"{n}: {b}" for n in counts if (b := broken(counts[n], self.base[n]))), None)
        return Try(value, policy, counts, objective(counts), why, note)

    async def repair(self, found: Try) -> Try:
        """A move that shifts the final scores may cross a threshold only because the scale
        moved: the smallest step of the threshold the broken constraint depends on (see
        REPAIRS) that keeps every constraint, if one does; else `found` as it was."""
        reason = (found.broken or "").split(": ", 1)[-1]
        name = REPAIRS.get(reason)
        if name is None:
            return found
        sign = -1 if reason == REFUSED else 1
        for step in REPAIR_STEPS:
            value = round(getattr(found.policy, name) + sign * step, 4)
            fixed = await self.judge(found.value, found.policy.with_(**{name: value}))
            if fixed.broken is None:
                return replace(fixed, note=f" with {name} {value:g}")
        return found

    async def step(self, knob: Knob) -> tuple[bool, str]:
        """Move `knob` to its best value around the current one if that gains min_gain
        questions and breaks no constraint: (moved, a line saying what was found)."""
        old = knob.get(self.policy)
        tries = await self.tries(knob)
        allowed = [t for t in tries if t.broken is None]
        # Ties go to the value nearest the current one: the smallest change.
        best = max(allowed, key=lambda t: (t.score, not t.note, -abs(t.value - old)), default=None)
        said = ", ".join(
            f"{t.value:g}{t.note} {t.score - self.best:+d}" + (f" ({t.broken})" if t.broken else "")
            for t in tries
        )
        if best is None or best.score < self.best + self.min_gain:
            return False, f"{knob.label} = {old:g}: {said}"
        line = (
            f"MOVE {knob.label}: {old:g} -> {best.value:g}, objective {self.best} -> {best.score}"
        )
        self.policy, self.best = best.policy, best.score
        return True, f"{line}   (tried {said})\n{figures(best.counts)}"


@dataclass(frozen=True, slots=True)
class Try:
    """One value tried for a knob: the policy with it, its counts and objective, and the
    hard constraint it breaks (None: none)."""

    value: float
    policy: Policy
    counts: dict[str, Counts]
    score: int
    broken: str | None
    note: str = ""  # a threshold moved with it (see Search.repair)


# ---------------------------------------------------------------- main


def figures(counts: dict[str, Counts]) -> str:
    """One line per library of shares, as bench/answers.py prints them."""

    def share(k: int, n: int) -> str:
        return f"{k / n:.2f}" if n else " n/a"

    return "\n".join(
        f"  {n:<6} first {share(c.first, c.answerable)}  high-right "
        f"{share(c.high_right, c.answerable)}  held {share(c.held, c.answerable)}  refused "
        f"{share(c.refused, c.answerable)}  (n {c.answerable});  unrelated no-confident "
        f"{share(c.no_confident, c.unrelated)}  no-article {share(c.no_article, c.unrelated)}"
        f" (n {c.unrelated})"
        for n, c in counts.items()
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passes", type=int, default=3, help="passes over the weights (3)")
    ap.add_argument("--min-gain", type=int, default=2, help="questions a move must gain (2)")
    ap.add_argument(
        "--reach", type=float, default=1.0, help="how far from each weight to try (1; 2: twice)"
    )
    ap.add_argument("--minutes", type=float, default=90.0, help="stop after this long (90)")
    ap.add_argument("--fields", default="", help="only these fields (comma-separated)")
    ap.add_argument("--save", default=None, help="write the changed fields here (JSON)")
    args = ap.parse_args(argv)
    known = {k.name for k in KNOBS}
    wanted = {f for f in args.fields.split(",") if f}
    if wanted - known:
        ap.error(f"not a searched field: {', '.join(sorted(wanted - known))}")
    args.knobs = [k for k in KNOBS if not wanted or k.name in wanted]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="articlebot-tune-") as tmp:
        t0 = time.perf_counter()
        libs = [load(name, Path(tmp)) for name in LIBRARIES]
        print(f"libraries reloaded in {time.perf_counter() - t0:.1f}s", flush=True)
        return asyncio.run(run(args, libs, t0))


async def run(args: argparse.Namespace, libs: list[Loaded], t0: float) -> int:
    memo: dict[Policy, dict[str, Counts]] = {}

    async def evaluate(p: Policy) -> dict[str, Counts]:
        if p not in memo:
            memo[p] = await counts_of(libs, p, "tune")
        return memo[p]

    base = await evaluate(DEFAULT)
    test_before = await counts_of(libs, DEFAULT, "test")
    print(f"tune + fresh, current policy: objective {objective(base)}\n{figures(base)}")
    print(f"test half, current policy:\n{figures(test_before)}", flush=True)
    search = Search(evaluate, args.min_gain, base, args.reach)
    await coordinate(search, args, t0)
    after = memo[search.policy]
    test_after = await counts_of(libs, search.policy, "test")
    print(f"\n{search.tried} candidates in {(time.perf_counter() - t0) / 60:.1f} min")
    print(f"tune + fresh: objective {objective(base)} -> {objective(after)}")
    print(f"  before\n{figures(base)}\n  after\n{figures(after)}")
    print(f"test half (reported, never used to choose):\n  before\n{figures(test_before)}")
    print(f"  after\n{figures(test_after)}")
    print(f"  objective {objective(test_before)} -> {objective(test_after)}")
    changed = changes(search.policy)
    print("changed fields: " + (json.dumps(changed) if changed else "none"))
    if args.save:
        Path(args.save).write_text(json.dumps(changed, indent=2) + "\n", encoding="utf-8")
        print(f"saved {args.save} (use as SEARCH_POLICY or --policy)")
    return 0


async def coordinate(search: Search, args: argparse.Namespace, t0: float) -> None:
    """Passes over the knobs until one moves none (or the time is up), printing each move."""
    for n in range(1, args.passes + 1):
        moved = 0
        for knob in args.knobs:
            if time.perf_counter() - t0 > args.minutes * 60:
                print(f"time is up (--minutes {args.minutes}) in pass {n}", flush=True)
                return
            did, line = await search.step(knob)
            moved += did
            print(f"pass {n}: {line}", flush=True)
        print(
            f"pass {n} done: {moved} moves, objective {search.best}, {search.tried} candidates, "
            f"{(time.perf_counter() - t0) / 60:.1f} min",
            flush=True,
        )
        if not moved:
            return


if __name__ == "__main__":
    raise SystemExit(main())
