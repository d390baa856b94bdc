"""A near tie decided by one sentence saying the question again (rerank.restated_first)."""

from __future__ import annotations

from pathlib import Path

from bot.search.policy import DEFAULT
from tests.conftest import assert_rule_decides, dated_post

# Release notes name the question's words in their title and all through the text, each
# sentence one or two of them, never two side by side as the question writes them; a
# working group's update says the question again in one sentence ("the widget type only
# implements …"), deep in a longer text about other things. By single words the release
# notes lead, by a hair.
POSTS = {
    "a.md": dated_post(
        "release-notes",
        "Quillkit 2.5 brings new widget traits and types",
        "2025-09-01",
        "Quillkit 2.5 is out, with new traits for the standard library.",
        "Every numeric type can now be formatted in binary.",
        "Library authors asked us to implement faster hashing, and 2.5 does.",
        "The Debug output of a widget is shorter than before.",
        "Thanks to everyone who sent a change for this release right on time.",
    ),
    "b.md": dated_post(
        "group-update",
        "What the error handling group is working on",
        "2026-02-01",
        "The error handling group met four times this winter.",
        "We have been reviewing how programs report failures to their users.",
        "Our first goal is a common way to attach context to an error.",
        "As of this writing, the widget type only implements the Display and Debug traits.",
        "A second goal is better messages when a program panics.",
        "We are also writing a guide for library authors.",
        "The guide explains when to return an error and when to stop.",
        "Our meetings are open, and the notes are published after each one.",
        "If you would like to help, join the group's chat channel.",
        "We will post another update in the spring.",
    ),
}


async def test_a_near_tie_goes_to_the_post_saying_the_question_again(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        POSTS,
        "what traits does the widget type implement right now",
        ("group-update", "only implements the Display and Debug traits"),
        DEFAULT.with_(restated_margin=0.0),
        "release-notes",
    )
