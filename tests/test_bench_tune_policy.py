"""The joint weight search (bench/tune_policy.py): how replies are counted, which candidates
the hard constraints turn down, and the values tried around a weight. No corpus needed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The benches import each other as top-level modules from their own folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import tune_policy as tp  # noqa: E402
from answers import Reply  # noqa: E402

from bot.search.policy import DEFAULT  # noqa: E402


def reply(kind: str, article: str | None, confidence: str | None) -> Reply:
    """A reply to a question of `kind` (unrelated, small talk) naming `article`."""
    return Reply({"set": kind, "question": "q"}, article, None, confidence, True, [])


def test_tally_counts_right_first_high_held_and_the_other_kinds() -> None:
    replies = [
        Reply(
            {"set": "news", "question": "q1", "articles": ["a"], "key": "42 birds"},
            "a",
            "They counted 42 birds.",
            "high",
            True,
            ["a"],
        ),
        Reply(
            {"set": "news", "question": "q2", "articles": ["a"], "key": "x"},
            "a",
            "no",
            "low",
            True,
            ["a"],
        ),
        Reply(
            {"set": "news", "question": "q3", "articles": ["b"], "key": "x"},
            "a",
            "x",
            "high",
            True,
            ["a"],
        ),
        Reply(
            {"set": "news", "question": "q4", "articles": ["b"], "key": "x"},
            None,
            None,
            None,
            True,
            [],
        ),
        reply("unrelated", "a", "high"),
        reply("unrelated", "a", "low"),
        reply("unrelated", None, None),
        reply("smalltalk", None, None),
        Reply({"set": "latest", "question": "new?"}, "old", None, "high", True, ["old", "n1"]),
    ]
    c = tp.tally("news", replies, newest={"n1"})
    assert (c.answerable, c.first, c.high_right, c.held, c.refused) == (4, 2, 1, 1, 1)
    assert (c.unrelated, c.no_confident, c.no_article) == (3, 2, 1)
    assert (c.smalltalk, c.smalltalk_ok, c.latest, c.latest_ok) == (1, 1, 1, 1)
    # A question right at high confidence with the key counts three times.
    assert c.objective == 2 + 1 + 1
    assert tp.objective({"news": c, "blogs": c}) == 8


def test_constraints_turn_down_more_confident_unrelated_answers_and_refusals() -> None:
    base = tp.Counts(answerable=10, refused=1, unrelated=10, no_confident=10, no_article=9)
    assert tp.broken(base, base) is None
    assert tp.broken(tp.Counts(**{**vars_of(base), "no_confident": 9}), base)
    assert tp.broken(tp.Counts(**{**vars_of(base), "refused": 2}), base)
    # No article: may drop to the 0.80 floor, not below it.
    assert tp.broken(tp.Counts(**{**vars_of(base), "no_article": 8}), base) is None
    assert tp.broken(tp.Counts(**{**vars_of(base), "no_article": 7}), base)
    # Below the floor already: must not drop further.
    low = tp.Counts(**{**vars_of(base), "no_article": 6})
    assert tp.broken(low, low) is None
    assert tp.broken(tp.Counts(**{**vars_of(base), "no_article": 5}), low)


def vars_of(c: tp.Counts) -> dict:
    return {f: getattr(c, f) for f in c.__dataclass_fields__}


def test_values_tried_around_a_weight() -> None:
    assert tp.Knob("cue").values(DEFAULT) == [0.075, 0.1125, 0.1875, 0.225]
    assert tp.Knob("name_part").values(DEFAULT) == [0.1, 0.25, 0.5]  # from 0: small amounts
    assert tp.Knob("answer_threshold", add=tp.THRESHOLD).values(DEFAULT) == [
        0.55,
        0.575,
        0.625,
        0.65,
    ]
    assert tp.Knob("tentative_terms", add=(-1, 1)).values(DEFAULT) == [1, 3]
    # Further: amounts twice as large, factors squared.
    assert tp.Knob("answer_threshold", add=tp.THRESHOLD).values(DEFAULT, reach=2) == [
        0.5,
        0.55,
        0.65,
        0.7,
    ]
    assert tp.Knob("cue").values(DEFAULT, reach=2) == [0.0375, 0.0844, 0.2344, 0.3375]


def test_a_weight_of_a_mix_summing_to_one_takes_its_share_from_the_others() -> None:
    knob = tp.Knob("rerank_mix", 0, add=tp.MIX, keep_sum=True)
    moved = knob.set(DEFAULT, 0.5)
    assert moved.rerank_mix[0] == 0.5
    assert sum(moved.rerank_mix) == pytest.approx(1.0)
    # The others keep their proportions (0.3 : 0.2 : 0.1).
    assert moved.rerank_mix[1] / moved.rerank_mix[3] == pytest.approx(3.0, rel=1e-3)
    assert tp.changes(moved) == {"rerank_mix": list(moved.rerank_mix)}
    assert tp.changes(DEFAULT) == {}
