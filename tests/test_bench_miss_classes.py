"""The miss classes bench (bench/miss_classes.py): which posts are one series."""

from __future__ import annotations

import sys
from pathlib import Path

# The benches import each other as top-level modules from their own folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import miss_classes  # noqa: E402


def test_a_release_and_its_point_release_are_one_series() -> None:
    assert miss_classes.siblings("Announcing Rust 1.24", "Announcing Rust 1.24.1")
    assert miss_classes.siblings("The 2019 Rust Event Lineup", "The 2020 Rust Event Lineup")


def test_posts_sharing_one_topic_word_are_not() -> None:
    assert not miss_classes.siblings(
        "Six Years of Rust", "Launching the Rust Foundation Maintainers Fund"
    )
    assert miss_classes.title_words("Go 1.22 is released!") == {"released"}


def test_the_gap_band_says_whether_a_near_tie_rule_could_reach_the_labelled_post() -> None:
    assert miss_classes.gap_band(0.80, 0.78) == "within 0.05"
    assert miss_classes.gap_band(0.80, 0.75) == "within 0.05"
    assert miss_classes.gap_band(0.80, 0.72) == "within 0.1"
    assert miss_classes.gap_band(0.80, 0.60) == "more than 0.1"
