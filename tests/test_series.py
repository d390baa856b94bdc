"""A question about the first of something, among the posts of a series (series.py)."""

from __future__ import annotations

from pathlib import Path

from bot.search.policy import DEFAULT
from bot.search.series import asks_first, same_series, series_words
from tests.conftest import assert_rule_decides, dated_post

# The first meetup's own post, and the later one of the series, which recaps the first
# and holds the question's words at its top.
MEETUPS = {
    "m1.md": dated_post(
        "meetup",
        "Quillkit Meetup",
        "2019-06-01",
        "Forty Quillkit users met in Lyon last weekend.",
        "The talks covered the parser and the formatter.",
        "We plan to meet again next year.",
    ),
    "m2.md": dated_post(
        "meetup-2023",
        "Quillkit Meetup 2023",
        "2023-06-01",
        "The Quillkit meetup took place in Porto this year, with two hundred users.",
        "Since the first meetup in Lyon, the meetup has grown every year.",
        "The talks covered the new sandbox.",
    ),
}


async def test_the_first_of_a_series_is_its_oldest_post(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        MEETUPS,
        "where was the first quillkit meetup",
        ("meetup", "Lyon"),
        DEFAULT.with_(first_margin=0.0),
        "meetup-2023",
    )


def test_a_question_asks_about_the_first_by_its_ordinal_or_superlative() -> None:
    assert asks_first(("where", "was", "the", "First", "meetup"))
    assert asks_first(("the", "earliest", "release"))
    assert not asks_first(("where", "was", "the", "second", "meetup"))


def test_titles_are_one_series_by_their_words_not_their_numbers() -> None:
    share = DEFAULT.series_title_share
    summit = series_words("Contributors Summit")
    assert summit == series_words("Contributors Summit 2019")
    assert same_series(summit, series_words("Contributors Summit 2019"), share)
    assert same_series(
        series_words("December 2024 Project Director Update"),
        series_words("Late 2025 Project Director Update"),
        share,
    )
    # One shared word of two is not a series ("go" alone).
    assert not same_series(
        series_words("Go 1.1 is released"), series_words("Introducing the Go Race Detector"), share
    )
