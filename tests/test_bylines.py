"""Several writers named as a list (bot/search/bylines.py): journey24's "Written by David
Faber,Alex Sherman" (the export's field as it is) on a byline and a card's author line."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.library.model import Article
from bot.search.asked import byline
from bot.search.bylines import people, source_line


@pytest.mark.parametrize(
    ("field", "named"),
    [
        ("David Faber,Alex Sherman", "David Faber and Alex Sherman"),
        ("Tyler Bui-Palsulich, Eno Compton", "Tyler Bui-Palsulich and Eno Compton"),
        ("A One, B Two, and C Three", "A One, B Two and C Three"),
        ("davidtwco and wesleywiser", "davidtwco and wesleywiser"),
        ("The Go Team", "The Go Team"),
        (None, None),
    ],
)
def test_several_writers_are_listed(field, named) -> None:
    assert people(field) == named


def test_a_byline_and_a_source_line_list_the_writers() -> None:
    article = Article(
        slug="bid",
        title="Paramount launches a hostile bid",
        path="bid.md",
        link="https://www.cnbc.com/2025/12/08/bid.html",
        author="David Faber,Alex Sherman",
        date=datetime(2025, 12, 8, tzinfo=UTC),
    )
    assert byline(article).startswith("Written by David Faber and Alex Sherman; published on 8")
    assert source_line(article.author, article.link) == "David Faber and Alex Sherman · cnbc.com"


@pytest.mark.parametrize(
    ("field", "named"),
    [
        ("Russ Cox, for the Go team", "Russ Cox, for the Go team"),
        ("Todd Kulesza, on behalf of the Go team", "Todd Kulesza, on behalf of the Go team"),
        ("Ana Li, Bo Chen, for the Go team", "Ana Li and Bo Chen, for the Go team"),
        ("A One, B Two", "A One and B Two"),  # "A" capitalised: a name, not "a"
    ],
)
def test_a_part_saying_for_whom_is_no_second_writer(field, named) -> None:
    """journey26: the Go blog's "Russ Cox, for the Go team" was shown "Russ Cox and for the
    Go team" on every card and byline of such a post."""
    assert people(field) == named
