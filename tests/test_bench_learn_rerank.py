"""The learned-order bench (bench/learn_rerank.py): it never trains on held-out sets, its
model learns which feature marks the labelled candidate, and its tie-break moves only near
ties."""

from __future__ import annotations

import sys
from pathlib import Path

# The benches import each other as top-level modules from their own folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import learn_rerank  # noqa: E402

ORDER = learn_rerank.FEATURES.index("order")
PAIRS = learn_rerank.FEATURES.index("pairs")


def cand(order: float, pairs: float, y: int) -> dict:
    x = [0.0] * len(learn_rerank.FEATURES)
    x[ORDER], x[PAIRS] = order, pairs
    return {"x": x, "y": y}


def question(first_labelled: bool, gap: float = 0.01) -> dict:
    # The labelled candidate writes the question's pairs; it is first or second by order.
    a, b = cand(0.7, 0.0, 0), cand(0.7 - gap, 1.0, 1)
    if first_labelled:
        a, b = cand(0.7, 1.0, 1), cand(0.7 - gap, 0.0, 0)
    return {"set": "fresh", "library": "blogs", "question": "q", "cands": [a, b]}


def test_the_held_out_sets_are_never_in_the_table() -> None:
    sets = learn_rerank.readable_sets()
    assert learn_rerank.DEFAULT_SET in sets
    assert not set(sets) & set(learn_rerank.HELD_OUT)


def test_the_model_learns_the_feature_marking_the_labelled_candidate() -> None:
    table = [question(k % 2 == 0) for k in range(20)]
    learn_rerank.with_pool_best(table)
    used = [learn_rerank.ALL_FEATURES.index(f) for f in ("order", "pairs")]
    model = learn_rerank.train(table, used, epochs=60, l2=0.01, lr=0.1)
    assert model.w[PAIRS] > 0
    assert all(learn_rerank.first_right(q, learn_rerank.learned_key(model)) for q in table)
    # The current order puts the labelled one first in half of them only.
    assert sum(learn_rerank.first_right(q, learn_rerank.current_key) for q in table) == 10


def test_the_tie_break_moves_only_candidates_within_its_margin() -> None:
    table = [question(False, gap=0.01), question(False, gap=0.2)]
    learn_rerank.with_pool_best(table)
    used = [learn_rerank.ALL_FEATURES.index("pairs")]
    model = learn_rerank.train(table, used, epochs=60, l2=0.01, lr=0.1)
    pick = learn_rerank.tiebreak_key(model, 0.05)
    assert pick(table[0]) and not pick(table[1])
