"""perf25: title scoring reads common words' postings without making their sets, and the
scores are exactly those of the straightforward computation (the code before perf25,
kept here as the reference), in the same order, on random titles and queries."""

from __future__ import annotations

import random
from array import array
from dataclasses import replace
from datetime import datetime, timedelta

from bot.library.model import ArticleMeta
from bot.search.index import build_index
from bot.search.policy import DEFAULT
from bot.search.rank import LibraryIndex
from bot.search.tables import Postings
from bot.search.words import STOPWORDS

COMMON = ["go", "rust", "release", "the", "of", "web", "new"]
RARE = [f"w{k}" for k in range(60)] + ["crates.io", "io", "webassembly", "naïve", "café"]


def _titles(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        size = rng.randint(1, 7)
        ws = [rng.choice(COMMON) if rng.random() < 0.55 else rng.choice(RARE) for _ in range(size)]
        out.append(" ".join(ws).capitalize())
    out += out[:5]  # repeated titles
    return out


def _index(seed: int, n: int = 2000) -> LibraryIndex:
    rng = random.Random(seed)
    start = datetime(2020, 1, 1)
    metas = [
        ArticleMeta(
            k, f"s{k}", t, None, start + timedelta(days=rng.randint(0, 900)), None, (), None, None
        )
        for k, t in enumerate(_titles(rng, n), start=1)
    ]
    # A small cap, top and postings budget: common words are capped, cut and not kept.
    policy = replace(DEFAULT, candidate_cap=40, title_top=25, postings_kept=150)
    return build_index(metas, [], policy)


class _Reference(LibraryIndex):
    """The code before perf25 for the parts it changed."""

    def _recall_and_precision(self, expansions, candidates):  # type: ignore[no-untyped-def]
        postings = self.postings
        within = postings.within
        postings.within = lambda w, among: postings[w] & among  # type: ignore[method-assign]
        try:
            return super()._recall_and_precision(expansions, candidates)
        finally:
            postings.within = within  # type: ignore[method-assign]

    def _in_order(self, out: dict[int, float], qwords: list[str]) -> None:
        p = self.policy
        check = out.keys() & self._holding(qwords[:-1])
        top = p.title_top
        if len(check) > top:
            floor = sorted(out.values(), reverse=True)[top - 1] - p.order_bonus - 1e-9
            check = {a for a in check if out[a] >= floor}
        keys = self._content_keys
        phrase = " " + " ".join(qwords)
        for a in check:
            if phrase in f" {keys[a]}":
                out[a] = min(p.order_cap, out[a] + p.order_bonus)

    def _whole_titles(self, out: dict[int, float], qwords: list[str]) -> None:
        whole = [self.postings.get(q) for q in qwords]
        if not all(whole):
            return
        qkey = " ".join(qwords)
        for a in min(whole, key=len) & out.keys():  # type: ignore[arg-type, operator]
            if self._content_keys[a] == qkey:
                out[a] = 1.0

    def _best(self, scores: dict[int, float]) -> dict[int, float]:
        top, ranks = self.policy.title_top, self.ranks
        edge = sorted(scores.values(), reverse=True)[top - 1]
        above = [a for a, s in scores.items() if s > edge]
        ties = [a for a, s in scores.items() if s == edge]
        ties.sort(key=ranks.__getitem__)
        del ties[top - len(above) :]
        above.sort(key=ranks.__getitem__)
        above.sort(key=scores.__getitem__, reverse=True)
        return {a: scores[a] for a in above + ties}

    def _matched_mass(self, holding: dict[str, set[int]]) -> dict[int, float]:
        # Title by title: the summed idf of its words a query word matched, in title order.
        idf = {w: self.idf(w) for w in holding}
        mass: dict[int, float] = {}
        for w, found in holding.items():
            if w in STOPWORDS:
                found = {a for a in found if w in self._twords[a].split()}
            elif (parts := self._parts_only.get(w)) is not None:
                found = found - parts
            for a in found:
                mass[a] = 0.0
        for a in mass:
            mass[a] = sum([idf[w] for w in self._twords[a].split() if w in idf])
        return mass


def _queries(rng: random.Random, count: int) -> list[list[str]]:
    pool = COMMON + RARE + ["a", "to", "gi", "rus", "relase", "w1", "webb", "zzz", "cafe"]
    return [[rng.choice(pool) for _ in range(rng.randint(1, 4))] for _ in range(count)]


def test_title_scores_are_the_straightforward_computations_in_the_same_order() -> None:
    for seed in range(4):
        new = _index(seed)
        ref = _index(seed)
        ref.__class__ = _Reference
        for q in _queries(random.Random(100 + seed), 100):
            joined = [(q[0], q[1], q[0] + q[1])] if len(q) > 1 else None
            got = new.title_scores(q, joined)
            assert list(got.items()) == list(ref.title_scores(q, joined).items()), q
        # Common words' postings are read in place: not kept, and past 8 x the candidates.
        assert max(map(new.postings.size_at, range(len(new.postings.words)))) > 8 * 40


def _postings(budget: int) -> Postings:
    rng = random.Random(7)
    lists = [sorted(rng.sample(range(5000), size)) for size in (3, 40, 900, 2500)]
    at = array("q", [0])
    for ids in lists:
        at.append(at[-1] + len(ids))
    flat = array("q", [a for ids in lists for a in ids])
    return Postings(["a", "b", "c", "d"], memoryview(at), memoryview(flat), budget)


def test_a_words_titles_among_others_are_the_intersection_made_the_same_way() -> None:
    rng = random.Random(3)
    # within: the same members in the same order as `postings[word] & among`; made from
    # the sorted ids when the word's set is not kept (budget 0 keeps none but the last).
    for budget in (0, 10_000):
        new, plain = _postings(budget), _postings(budget)
        for _ in range(200):
            among = set(rng.sample(range(5000), rng.randint(0, 600)))
            word = rng.choice("abcd")
            assert list(new.within(word, among)) == list(plain[word] & among)
            keys = dict.fromkeys(among).keys()
            assert new.members(word, keys) == plain[word] & among
            assert new.members(word, list(among)) == plain[word] & among
    assert _postings(0).members("zig", {1, 2}) == set()
