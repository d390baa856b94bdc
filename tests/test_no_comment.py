"""A news no-comment line ("X declined to comment.") answers no "who" question but one
about the declining or about who spoke (bot/search/no_comment.py, Policy.no_comment_who)."""

from __future__ import annotations

from bot.search.no_comment import answers_no_who, declined
from bot.search.policy import DEFAULT
from bot.search.words import stems
from tests.test_answer import _shown

LINE = "Acme spokesperson Kelly Brandt declined to comment."


N = DEFAULT.no_comment_subject_words


def test_the_no_comment_line_is_read_in_its_usual_forms() -> None:
    assert declined(LINE, N) == frozenset(stems("declined to comment"))
    assert declined("The company did not immediately respond to a request for comment.", N)
    assert declined("Brandt could not be reached on Friday.", N)
    assert declined("Brandt refused to say how many jobs would go.", N)
    assert declined("Brandt said the cuts were small.", N) is None
    # A sentence telling more of its subject first is not a no-comment line only.
    named = "Holt, who was named chief executive in 2020, did not respond to a request."
    assert declined(named, N) is None
    assert (
        declined(
            "Acme's long-serving chief executive of the last decade Dana Holt declined to comment.",
            N,
        )
        is None
    )


def test_only_a_question_of_speaking_or_declining_asks_of_it() -> None:
    assert answers_no_who(LINE, frozenset(stems("who runs acme now")), N)
    assert not answers_no_who(LINE, frozenset(stems("who refused to comment")), N)
    assert not answers_no_who(LINE, frozenset(stems("who spoke for acme")), N)
    assert not answers_no_who(
        "Acme CEO Dana Holt runs the company.", frozenset(stems("who runs acme")), N
    )


def test_who_runs_it_is_not_answered_by_the_spokesperson_who_declined() -> None:
    # journey24: "who runs amazon now" showed "Amazon spokesperson Kelly Nantel declined to
    # comment." (the title before her name made her an agent), sure.
    story = [
        ["Acme is planning a new wave of job cuts, sources say."],
        [LINE],
        ["The cuts are expected to fall hardest on the human resources division."],
        ["Acme chief executive Dana Holt already oversaw the largest cuts in its history."],
    ]
    q = "who runs acme now"
    shown = _shown("Acme plans cuts", story, q) or ""
    assert "Dana Holt" in shown and "declined" not in shown
    off = DEFAULT.with_(no_comment_who=False)
    assert "declined" in (_shown("Acme plans cuts", story, q, off) or "")
    # A question of who spoke still gets the spokesperson.
    assert "declined" in (_shown("Acme plans cuts", story, "who spoke for acme") or "")
