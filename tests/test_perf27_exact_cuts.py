"""perf27's exact cuts: the same values, in the same order, for less work
(scoring.combine without a question's empty tag scores, a word's regional spellings read
once; Retriever._order's one pass is held to its old code by test_perf24_exact_cuts)."""

from __future__ import annotations

import random

import pytest

from bot.search import regional
from bot.search.scoring import combine


def _combine_before(
    title: dict[int, float], text: dict[int, float], tag: dict[int, float], mix: tuple
) -> dict[int, float]:
    """combine as it was before perf27 (every key's three lookups)."""
    a, b, c = mix
    return {
        k: 1 - (1 - a * title.get(k, 0.0)) * (1 - b * text.get(k, 0.0)) * (1 - c * tag.get(k, 0.0))
        for k in title.keys() | text.keys() | tag.keys()
    }


def _scores(rng: random.Random, n: int) -> dict[int, float]:
    return {rng.randrange(2000): rng.choice([rng.random(), 1.0, 0.0]) for _ in range(n)}


def test_combine_gives_the_same_floats_in_the_same_order() -> None:
    rng = random.Random(27)
    for _ in range(400):
        title, text = _scores(rng, rng.randint(0, 300)), _scores(rng, rng.randint(0, 300))
        tag = _scores(rng, rng.randint(0, 40)) if rng.random() < 0.5 else {}
        mix = (rng.random(), rng.random(), rng.random())
        got, want = combine(title, text, tag, mix), _combine_before(title, text, tag, mix)
        assert list(got.items()) == list(want.items())  # the floats bit for bit, and the order


def test_a_words_regional_patterns_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    regional._variants.cache_clear()
    calls: list[str] = []
    real = regional._our

    def counting(word: str) -> list[str]:
        calls.append(word)
        return real(word)

    monkeypatch.setattr(regional, "_our", counting)
    first = regional.variants("colour")
    first.append("mutated by a caller")  # a caller's list is its own
    assert regional.variants("colour") == ["color"]
    assert calls == ["colour"]
    regional._variants.cache_clear()


def _all_patterns(word: str) -> tuple[str, ...]:
    """regional's variants with every pattern read (before perf27's ending check)."""
    if len(word) < 5 or not word.isalpha() or word in regional.STOPWORDS:
        return ()
    out = [
        *regional._our(word),
        *regional._swap_ending(word, regional._ISE_ENDINGS, "is", "iz", 3),
        *regional._swap_ending(word, regional._YSE_ENDINGS, "ys", "yz", 3),
        *regional._tre(word),
        *regional._ogue(word),
        *regional._digraph(word, 7),
        *regional._ll(word),
        *regional._ence(word),
        *regional._swap_ending(word, ("", "s"), "gramme", "gram", 3),
    ]
    return tuple(v for v in dict.fromkeys(out) if v != word)


def test_a_word_ending_in_no_patterns_ending_has_the_same_variants() -> None:
    rng = random.Random(2027)
    stems = ["col", "behavi", "organ", "anal", "cent", "fib", "catal", "trav", "mod", "def"]
    stems += ["leukaem", "paediatr", "oestrog", "progr", "counsel", "marv", "lic", "pret"]
    words = [s + t for s in stems for t in regional._TAILS]
    words += [
        "".join(rng.choice("aeiolrsnt") for _ in range(rng.randint(5, 10))) for _ in range(3000)
    ]
    skipped = 0
    for w in words:
        assert regional._variants.__wrapped__(w) == _all_patterns(w), w
        skipped += len(w) >= 5 and not w.endswith(regional._TAILS)
    assert skipped > 100  # the check is exercised
    assert regional.variants("leukaemia") == ["leukemia"]  # _digraph alone, past the check
