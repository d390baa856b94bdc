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


def test_structure_features_say_where_the_article_holds_the_question() -> None:
    # focus23: one sentence restating the question, the headings, what the post says it is
    # about (title, description, tags), each read from the rerank's own passages.
    from types import SimpleNamespace

    from bot.search.stem import stem

    survey, go, year = stem("survey"), stem("go"), "2011"
    q = {survey, go, year}
    sentences = [
        SimpleNamespace(heading=True),  # "The survey"
        SimpleNamespace(heading=False),  # "Go users, take our survey."
        SimpleNamespace(heading=False),  # "It ran in 2011."
    ]
    passages = SimpleNamespace(
        q=q,
        weight={survey: 2.0, go: 1.0, year: 1.0},
        total=4.0,
        held=[{survey}, {survey, go}, {year}],
        sentences=sentences,
        title_terms=set(),
        wanted=SimpleNamespace(heads=frozenset({survey})),
    )
    article = SimpleNamespace(description="Please take a Go survey", tags=())
    first = learn_rerank.FEATURES.index("sentence_share")
    got = dict(
        zip(
            learn_rerank.FEATURES[first : first + 8],
            learn_rerank.structure_features(article, SimpleNamespace(passages=passages)),
            strict=True,
        )
    )
    assert got["sentence_share"] == 2 / 3  # "Go users, take our survey."
    assert got["sentence_weight"] == 3 / 4
    assert got["title_weight"] == 0.0
    assert got["heading_weight"] == 2 / 4
    assert got["section_lead_weight"] == 3 / 4  # the heading's first sentence and the opening
    assert got["heads_named"] == 1.0  # "survey" in a heading
    assert got["about_weight"] == 3 / 4  # the description names the survey and go
    none = learn_rerank.structure_features(article, SimpleNamespace(passages=None))
    assert none == [0.0] * 8


def test_role_features_read_the_sentence_where_the_subject_does_the_verb() -> None:
    # svo23: the best clause agreeing with the question's subject and verb, and whether any.
    from types import SimpleNamespace

    from clause_roles import asked

    shape = asked("why did the rust team remove the old borrow checker")
    texts = [
        "The removal of the old borrow checker by the Rust team was overdue.",
        "The Rust team removed the old borrow checker.",
        "Checker.",
    ]
    passages = SimpleNamespace(
        sentences=[SimpleNamespace(text=t) for t in texts],
        held=[{"remov", "borrow"}, {"remov", "borrow"}, {"checker"}],
    )
    ev = SimpleNamespace(passages=passages)
    assert learn_rerank.role_features(ev, shape) == [1.0, 1.0]
    passages.sentences = passages.sentences[:1] + passages.sentences[2:]
    passages.held = passages.held[:1] + passages.held[2:]
    assert learn_rerank.role_features(ev, shape) == [0.0, 0.0]
    assert learn_rerank.role_features(ev, None) == [0.0, 0.0]
    assert learn_rerank.role_features(SimpleNamespace(passages=None), shape) == [0.0, 0.0]
