"""A near tie decided by the question's phrase written as a phrase (rerank.pairs_first)."""

from __future__ import annotations

from pathlib import Path

from bot.search.policy import DEFAULT
from tests.conftest import assert_rule_decides, dated_post

# The results of another survey name the question's words in their title and opening,
# apart ("Quillkit … survey", "Debugging was the top answer"); the debugging survey's own
# post writes the question's phrase once, deep in a longer text. By single words the
# results lead, by a hair.
SURVEYS = {
    "a.md": dated_post(
        "perf-results",
        "Quillkit compiler performance survey results",
        "2025-09-01",
        "The Quillkit compiler performance survey was open until June, and we thank everyone"
        " who took part.",
        "Debugging was the top answer in the Quillkit survey: many said slow builds took too long.",
        "The survey got 3,000 answers from Quillkit users.",
    ),
    "b.md": dated_post(
        "debug-survey",
        "Help us improve Quillkit",
        "2026-02-01",
        "We want to hear how you work with your programs.",
        "Every year we ask our users what they need.",
        "Last year the answers shaped the new formatter.",
        "This year, answer the Quillkit debugging survey until March 13.",
        "It takes about five minutes to fill in.",
        "The first part asks which editor you write your programs in.",
        "The second part asks how you step through a program when it misbehaves.",
        "Some questions are about printing values, others about breakpoints.",
        "We also ask which platforms you ship to and how you build for them.",
        "You can skip any question you would rather not answer.",
        "No names or addresses are kept with the replies.",
        "The results will be published on this blog in the spring.",
        "The tooling team will use them to plan its next two years of work.",
        "Last year we heard from more than two thousand people.",
        "Their replies led to the new formatter and the faster test runner.",
        "This time the focus is narrower than before.",
        "We would like to hear from beginners as much as from experts.",
        "If you teach a class, please pass the link on to your students.",
        "Thank you for helping us make the tools better.",
    ),
}


async def test_a_near_tie_goes_to_the_post_writing_the_question_s_phrase(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        SURVEYS,
        "until when can i answer the quillkit debugging survey",
        ("debug-survey", "March 13"),
        DEFAULT.with_(pairs_margin=0.0),
        "perf-results",
    )
