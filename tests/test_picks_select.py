"""Choosing the daily pick: newest unpicked first, good cards favoured, never a repeat."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.picks.select import PickCandidate, choose_pick, filter_by_tags, last_picked

NOW = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


def library(n: int, *, seed: int = 1) -> list[PickCandidate]:
    """`n` articles a day apart (a-000 the oldest) with a mix of summaries, covers and tags."""
    rng = random.Random(seed)
    return [
        PickCandidate(
            slug=f"a-{i:03d}",
            title=f"Article {i}",
            date=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(days=i),
            tags=(rng.choice(["go", "rust", "science"]),),
            has_good_summary=rng.random() < 0.6,
            has_cover=rng.random() < 0.5,
        )
        for i in range(n)
    ]


def simulate(candidates: list[PickCandidate], days: int, **kwargs: object) -> list[str]:
    history: dict[str, datetime] = {}
    picks = []
    for day in range(days):
        now = NOW + timedelta(days=day)
        chosen = choose_pick(candidates, history, now=now, rng=random.Random(day), **kwargs)
        assert chosen is not None
        history[chosen.slug] = now
        picks.append(chosen.slug)
    return picks


def test_no_repeats_over_sixty_days() -> None:
    for size in (60, 61, 200):
        picks = simulate(library(size, seed=size), 60)
        assert len(set(picks)) == 60, f"a repeat within 60 days among {size} articles"


def test_newest_first_when_cards_are_equal() -> None:
    plain = [PickCandidate(c.slug, c.title, c.date) for c in library(10)]
    assert choose_pick(plain, {}, now=NOW).slug == "a-009"
    assert choose_pick(plain, {"a-009": NOW - timedelta(days=1)}, now=NOW).slug == "a-008"


def test_good_summary_and_cover_outweigh_a_little_recency() -> None:
    base = datetime(2025, 1, 1, tzinfo=UTC)
    newest_bare = PickCandidate("bare", "Bare", base + timedelta(days=2))
    older_good = PickCandidate("good", "Good", base, has_good_summary=True, has_cover=True)
    middle = PickCandidate("middle", "Middle", base + timedelta(days=1))
    for seed in range(20):
        chosen = choose_pick(
            [newest_bare, middle, older_good], {}, now=NOW, rng=random.Random(seed)
        )
        assert chosen.slug == "good"
    # …but a good card far down the list does not jump ahead of everything.
    many = [PickCandidate(f"n{i}", "N", base + timedelta(days=100 + i)) for i in range(20)]
    assert choose_pick([*many, older_good], {}, now=NOW).slug == "n19"


def test_never_twice_in_a_row_with_two_articles() -> None:
    picks = simulate(library(2), 30)
    assert all(a != b for a, b in zip(picks, picks[1:], strict=False))
    assert set(picks) == {"a-000", "a-001"}


def test_everything_picked_restarts_with_least_recently_picked() -> None:
    candidates = library(5)
    history = {c.slug: NOW - timedelta(days=10 - i) for i, c in enumerate(candidates)}
    # a-000 was picked longest ago; a-004 most recently.
    assert choose_pick(candidates, history, now=NOW).slug == "a-000"
    history["a-000"] = NOW - timedelta(hours=1)  # now it is the last pick
    assert choose_pick(candidates, history, now=NOW).slug == "a-001"


def test_window_is_configurable() -> None:
    candidates = library(3)
    history = {"a-002": NOW - timedelta(days=8), "a-001": NOW - timedelta(days=1)}
    assert choose_pick(candidates, history, now=NOW, window_days=7).slug == "a-002"
    assert choose_pick(candidates, history, now=NOW, window_days=60).slug == "a-000"


def test_tag_filter() -> None:
    candidates = library(50)
    picks = simulate(candidates, 20, tags=["RUST"])
    rust = {c.slug for c in candidates if "rust" in c.tags}
    assert set(picks) <= rust
    assert choose_pick(candidates, {}, now=NOW, tags=["cooking"]) is None
    assert {c.slug for c in filter_by_tags(candidates, ["go", "science"])} == {
        c.slug for c in candidates if c.tags[0] in ("go", "science")
    }


def test_almost_empty_library() -> None:
    assert choose_pick([], {}, now=NOW) is None
    only = library(1)
    # The only article is picked again, even though it was the last pick yesterday.
    assert simulate(only, 3) == ["a-000"] * 3


def test_last_pick_may_be_missing_from_the_library() -> None:
    history = {"deleted-article": NOW - timedelta(days=1)}
    assert last_picked(history) == "deleted-article"
    assert choose_pick(library(2), history, now=NOW).slug == "a-001"


@settings(max_examples=150, deadline=None)
@given(
    n=st.integers(min_value=0, max_value=12),
    picked=st.lists(st.tuples(st.integers(0, 15), st.integers(0, 200)), max_size=15),
    seed=st.integers(0, 1000),
    window=st.integers(0, 90),
)
def test_choice_is_always_a_candidate_and_never_the_last_pick(
    n: int, picked: list[tuple[int, int]], seed: int, window: int
) -> None:
    candidates = library(n, seed=seed)
    history = {f"a-{i:03d}": NOW - timedelta(days=ago, minutes=i) for i, ago in picked}
    chosen = choose_pick(candidates, history, now=NOW, window_days=window, rng=random.Random(seed))
    if n == 0:
        assert chosen is None
        return
    assert chosen in candidates
    if n > 1:
        assert chosen.slug != last_picked(history)


def test_candidates_from_the_article_cache() -> None:
    from bot.library.model import ArticleMeta
    from bot.picks.source import candidate_from_meta

    good = ArticleMeta(
        id=1,
        slug="heat-pumps",
        title="Heat pumps halve bills",
        author=None,
        date=NOW,
        link=None,
        tags=("energy",),
        cover_image="https://example.org/cover.jpg",
        description="A street-by-street rollout of heat pumps cut heating bills by half in a year.",
    )
    candidate = candidate_from_meta(good)
    assert (candidate.slug, candidate.tags) == ("heat-pumps", ("energy",))
    assert candidate.has_good_summary and candidate.has_cover
    bare = candidate_from_meta(
        ArticleMeta(2, "x", "X", None, None, None, (), None, "https://example.org/x")
    )
    assert not bare.has_good_summary and not bare.has_cover
