"""Questions asking when something came out prefer the post announcing it, "what is X" the
post introducing X, and a question about now the release that shipped what it asks about
(bot/search/present.py, Policy.arrival_margin, Policy.introduced_margin and
Policy.shipped_pool)."""

from __future__ import annotations

from pathlib import Path

from bot.search.policy import DEFAULT
from bot.search.present import (
    asks_arrival,
    asks_what_is,
    introduces,
    release_topic,
    ships,
)
from bot.search.words import stems
from tests.conftest import assert_rule_decides, dated_post

# The release's own announcement, and a post of guides for it that says the release's
# number more often and holds "come out".
RELEASE = {
    "r1.md": dated_post(
        "guides",
        "Two New Guides for Quillkit 2.4",
        "2023-01-10",
        "Quillkit 2.4 will come out soon, and two new guides show how to use Quillkit 2.4.",
        "The first guide covers the Quillkit 2.4 parser; the second its formatter.",
        "Try them with the Quillkit 2.4 beta when it comes out.",
    ),
    "r2.md": dated_post(
        "released",
        "Quillkit 2.4 is released",
        "2023-03-15",
        "Today the Quillkit team released version 2.4, on March 15.",
        "It brings a faster parser and a new formatter.",
        "Thanks to everyone who tested the beta.",
    ),
}

# The post introducing a board, and a later update about it that says its name more often.
BOARD = {
    "b1.md": dated_post(
        "introducing",
        "Introducing the Quillkit Steering Board",
        "2022-02-01",
        "The board is a new body of seven members that governs the project.",
        "It replaces the core team and decides on funding.",
    ),
    "b2.md": dated_post(
        "update",
        "March 2023 Quillkit Steering Board Update",
        "2023-03-30",
        "The Quillkit Steering Board met in March.",
        "The Quillkit Steering Board approved the budget and the Quillkit Steering Board "
        "elected its chair.",
    ),
}


async def test_when_it_came_out_is_answered_by_the_announcement(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        RELEASE,
        "when did quillkit 2.4 come out",
        ("released", "March 15"),
        DEFAULT.with_(arrival_margin=0.0),
        "guides",
    )


async def test_what_it_is_is_answered_by_its_introduction(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        BOARD,
        "what is the quillkit steering board",
        ("introducing", "new body"),
        DEFAULT.with_(introduced_margin=0.0),
        "update",
    )


def test_arrival_questions_are_read_not_plans() -> None:
    for q in (
        "when did go 1.18 come out",
        "when was the council introduced",
        "when was it released",
        "go 1 release date",
    ):
        assert asks_arrival(tuple(q.split())), q
    for q in (
        "when was 1.39 expected to be released",
        "when did the team plan to release go 1.2",
        "what was released in go 1.18",
        "when did the summit take place",
        "is go 1.18 out yet",
    ):
        assert not asks_arrival(tuple(q.split())), q


def test_a_title_introduces_exactly_what_the_question_names() -> None:
    assert asks_what_is(("what", "is", "the", "council"))
    assert asks_what_is(("whats", "gopls"))
    assert not asks_what_is(("when", "was", "it", "introduced"))
    council = stems("rust leadership council")
    assert introduces("Introducing the Rust Leadership Council", council)
    assert introduces("Announcing the Rust Leadership Council!", council)
    assert not introduces("February 2024 Leadership Council Update", council)
    assert not introduces("Introducing the Rust Leadership Council", stems("council"))
    assert not introduces("Rust Leadership Council", council)


# The proposal, written before, says the feature's name throughout; the release that
# shipped it lists it among other things; a later release extends it.
SHIPPED = {
    "s1.md": dated_post(
        "proposal",
        "A Proposal for Adding Sandboxes to Quillkit",
        "2021-05-01",
        "We propose adding sandboxes to Quillkit.",
        "Sandboxes would let Quillkit run plugins safely; sandboxes are the most requested "
        "feature, and Quillkit sandboxes would isolate each plugin.",
        about="A design for sandboxes in Quillkit.",
    ),
    "s2.md": dated_post(
        "shipped",
        "Quillkit 3.0 is released",
        "2022-03-01",
        "Today we release Quillkit 3.0.",
        "The parser is twice as fast, and the formatter keeps comments.",
        "Thanks to all who tested it.",
        about="Quillkit 3.0 adds sandboxes, a faster parser and more.",
    ),
    "s3.md": dated_post(
        "later",
        "Quillkit 3.4 is released",
        "2024-03-01",
        "Today we release Quillkit 3.4.",
        "The formatter now wraps long lines.",
        about="Quillkit 3.4 adds sandbox limits, line wrapping and more.",
    ),
}


async def test_a_question_about_now_is_answered_by_the_release_that_shipped_it(
    tmp_path: Path,
) -> None:
    await assert_rule_decides(
        tmp_path,
        SHIPPED,
        "does quillkit have sandboxes now",
        ("shipped", "Quillkit"),
        DEFAULT.with_(shipped_pool=0),
        "proposal",
    )


def test_what_a_release_says_it_ships() -> None:
    topic = release_topic(("go", "generics", "now"), "Go 1.18 is released!")
    assert topic == stems("generics")
    assert release_topic(("go", "fuzzing", "beta"), "Go 1.18 is released!") == stems("fuzzing")
    assert ships(["Go 1.18 adds generics, native fuzzing, workspace mode and more."], topic)
    assert ships(["In Rust 1.51, const generics are now stable."], stems("const generics"))
    # The topic as part of something longer is another thing; a mention is no shipping.
    assert not ships(["Go 1.27 adds support for generic type aliases on methods."], topic)
    assert not ships(["We propose adding generics to Go."], topic)
