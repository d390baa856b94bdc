"""Answers when a question has a slip in it: each readable question asked as written and
with one typo typed into its longest word (issue 15).

A held-out set's typos are few and were each read by someone; this bench makes many,
the same way every time, from questions the team may read: in each answerable question
of the tune half, of every fresh set but the untouched and validation ones
(answers.HELD_OUT: fresh21 and fresh20; fresh6 to fresh19 are read) and of the bundled
library's set, the longest word of 6 letters or more gets one slip (a letter dropped,
doubled, or swapped with the next: random.Random(SEED), in file order). Each question is asked as written and as
slipped, in process, through the pool `ask` weighs (SearchEngine.reranked) and its
confidence. Printed per library and set: answered right at high confidence as written
and as slipped, and of the slipped words the ones corrected to the word as written (or
a word of its stem), to another word, or not at all; then every question that was right
as written and is not when slipped, with its correction. The test half and the untouched
and validation fresh sets (answers.HELD_OUT) are never read.

    .venv/bin/python bench/typos.py [--library news|blogs|content] [--policy FILE]
    .venv/bin/python bench/typos.py --split test [--library news|blogs]   # held out: totals only
    .venv/bin/python bench/typos.py --slips 2     # two slips in the longest word
    .venv/bin/python bench/typos.py --words 2     # one slip in each of the two longest words

With --slips 2 the longest word gets a second slip drawn the same way on the slipped
word (a member's own typo plus one more: "recieveing"); with --words 2 the next longest
word gets one slip too. One slip in one word draws as the bench always did.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# The checkout's own `bot` first, then bench/ (see answers.py).
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]
from answers import (  # noqa: E402
    CONTENT_FILE,
    FRESH_FILES,
    HELD_OUT,
    SET_FILES,
    Library,
    in_process,
    load_rows,
    open_library,
)
from botcli import project_reload  # noqa: E402
from rerank_pools import UNREAD  # noqa: E402

SEED = 7
LONGEST = 6  # a slip goes into a word this long or longer (shorter ones allow no typo)
CORRECTED, OTHER, UNCORRECTED = "to the word meant", "to another word", "not corrected"


def edit(word: str, rng: random.Random) -> str:
    """One slip in `word` (not its first or last letter): a letter dropped, doubled, or
    swapped with the next."""
    k = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("drop", "swap", "double"))
    if kind == "drop":
        return word[:k] + word[k + 1 :]
    if kind == "swap":
        return word[:k] + word[k + 1] + word[k] + word[k + 2 :]
    return word[:k] + word[k] + word[k:]


def slip(
    question: str, rng: random.Random, slips: int = 1, words_slipped: int = 1
) -> tuple[str, str, str] | None:
    """The question with `slips` slips in its longest word (the last of equal ones), or
    one slip in each of its `words_slipped` longest words; the longest word and its
    slipped form; None when too few words are long enough or a slip changes nothing.
    One slip in one word draws from `rng` as the bench always did."""
    words = question.split()
    long = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= LONGEST]
    if len(long) < words_slipped:
        return None
    chosen = sorted(long, key=lambda k: (len(words[k]), k), reverse=True)[:words_slipped]
    out = list(words)
    for n, i in enumerate(chosen):
        typed = words[i]
        for _ in range(slips if n == 0 else 1):
            typed = edit(typed, rng)
        if typed.lower() == words[i].lower():
            return None
        out[i] = typed
    i = chosen[0]
    return " ".join(out), words[i].lower(), out[i].lower()


def test_half_rows(library: str) -> dict[str, list[dict]]:
    """The answerable questions of a library's test half (rerank_pools.UNREAD), for its
    aggregates only: its rows and slips are never printed (`report(..., unread=True)`)."""
    if library == "content":
        return {}
    return {UNREAD: [r for r in load_rows(SET_FILES[library]) if r["split"] == UNREAD]}


def readable_rows(library: str) -> dict[str, list[dict]]:
    """The answerable questions of a library the team may read, by set: the tune half, the
    fresh sets but those HELD_OUT, and for "content" the bundled library's set."""
    if library == "content":
        return {"content": [r for r in load_rows(CONTENT_FILE) if r["set"] == "content"]}
    out = {"tune": [r for r in load_rows(SET_FILES[library]) if r["split"] != UNREAD]}
    for name, path in FRESH_FILES.items():
        if name not in HELD_OUT:
            out[name] = [r for r in load_rows(path) if r["set"] == library]
    return {k: v for k, v in out.items() if v}


@dataclass
class Asked:
    """One question as written and as slipped, and what `ask` made of each."""

    row: dict
    meant: str  # the word as written
    typed: str  # the word with its slip
    clean: bool  # right article first at high confidence, as written
    slipped: bool  # the same, slipped
    fixed: str | None  # what the search corrected the slipped word to

    @property
    def correction(self) -> str:
        from bot.search.stem import stem

        if self.fixed is None:
            return UNCORRECTED
        return CORRECTED if stem(self.fixed) == stem(self.meant) else OTHER


async def ask_all(
    lib: Library,
    db: Path,
    rows: Sequence[dict],
    policy_file: str | None,
    slips: int = 1,
    words_slipped: int = 1,
):
    """Each row asked as written and slipped, in process over the cache `db` of `lib`."""
    from bot.search import respond
    from bot.search.policy import load_policy

    policy = load_policy(policy_file)
    rng = random.Random(SEED)
    out: list[Asked] = []
    async with in_process(lib.content, db, policy) as engine:

        async def sure(question: str, labels: set[str]) -> tuple[bool, dict[str, str]]:
            ranked, found = await engine.reranked(question)
            first = found and lib.label_of.get(found[0].article.slug, found[0].article.slug)
            right = bool(first) and first in labels
            return right and respond.confidence(found, policy) == "high", ranked.corrections

        for row in rows:
            slipped = slip(row["question"], rng, slips, words_slipped)
            if slipped is None:
                continue
            question, meant, typed = slipped
            labels = set(row["articles"])
            clean, _ = await sure(row["question"], labels)
            after, corrections = await sure(question, labels)
            out.append(Asked(row, meant, typed, clean, after, corrections.get(typed)))
        return out


def report(library: str, name: str, asked: Sequence[Asked], unread: bool = False) -> None:
    n = len(asked)
    clean = sum(a.clean for a in asked)
    slipped = sum(a.slipped for a in asked)
    kinds = Counter(a.correction for a in asked)
    print(
        f"{library} {name}: {n} slipped questions, right at high confidence {clean} as "
        f"written, {slipped} slipped; corrected {kinds[CORRECTED]} {CORRECTED}, "
        f"{kinds[OTHER]} {OTHER}, {kinds[UNCORRECTED]} {UNCORRECTED}"
    )
    for a in asked:
        if a.clean and not a.slipped and not unread:
            print(f"    lost: {a.typed!r} ({a.meant}) -> {a.fixed!r}: {a.row['question']!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--library", choices=[*SET_FILES, "content"], action="append")
    ap.add_argument("--policy", default=None, help="a policy file, as SEARCH_POLICY")
    ap.add_argument(
        "--split",
        choices=["tune", UNREAD],
        default="tune",
        help=f"{UNREAD}: slip the test half's questions instead, aggregates only (held out)",
    )
    ap.add_argument(
        "--slips", type=int, choices=[1, 2], default=1, help="slips typed into the longest word"
    )
    ap.add_argument(
        "--words",
        type=int,
        choices=[1, 2],
        default=1,
        help="2: one more slip in the next longest word (a question with two slipped words)",
    )
    args = ap.parse_args(argv)
    unread = args.split == UNREAD
    for library in args.library or [*SET_FILES, "content"]:
        sets = test_half_rows(library) if unread else readable_rows(library)
        if not sets:
            continue
        rows = [r for rs in sets.values() for r in rs]
        with tempfile.TemporaryDirectory(prefix="articlebot-typos-") as tmp:
            lib = open_library(library, Path(tmp))
            db = Path(tmp) / "cache.db"
            project_reload(lib.content, db, {})
            asked = asyncio.run(ask_all(lib, db, rows, args.policy, args.slips, args.words))
        for name, rs in sets.items():
            ids = {id(r) for r in rs}
            report(library, name, [a for a in asked if id(a.row) in ids], unread)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
