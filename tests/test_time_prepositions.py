"""A "when" question opening with a preposition of time asks for its object in the text."""

from __future__ import annotations

from bot.library.model import Article, Sentence
from bot.search.answer_type import Wanted
from bot.search.parse import parse
from bot.search.passage import best_passage
from bot.search.policy import DEFAULT

ONE_WINDOW = DEFAULT.with_(second_chars=0)


def _survey() -> Article:
    paragraphs = [
        [
            "The community team is pleased to announce the compiler performance survey.",
            "The survey asks how long your builds take and which tools you use.",
        ],
        ["Whether or not you use the compiler today, we want to know your opinions."],
        [
            "Filling in the survey takes about ten minutes, and the survey is anonymous.",
            "We will accept submissions until Monday, July 7th, 2031.",
            "After that we will post the results on this blog.",
        ],
        ["Thanks to everyone who helped us write the questions."],
    ]
    sentences = tuple(Sentence(s, i) for i, p in enumerate(paragraphs) for s in p)
    return Article(
        slug="a",
        title="Compiler performance survey",
        path="a.md",
        text="\n\n".join(" ".join(p) for p in paragraphs),
        sentences=sentences,
    )


def test_until_when_is_answered_by_the_date_after_until() -> None:
    """npsg27 (readable blogs tune and fresh10: "until when is the rust compiler
    performance survey open"): the sentence giving the date holds none of the question's
    words, only "until", a function word the sentence stems drop."""
    asked = parse("until when can i fill in the compiler performance survey")
    assert Wanted.of(asked).governs == "until"
    passage = best_passage(_survey(), asked, ONE_WINDOW)
    assert passage and "July 7th" in passage
    passage = best_passage(_survey(), asked, ONE_WINDOW.with_(governed_fit=0.0))
    assert not passage or "July 7th" not in passage


def test_only_a_preposition_governing_when_is_read() -> None:
    assert Wanted.of(parse("by when should the lints be on nightly")).governs == "by"
    assert Wanted.of(parse("when is the survey open")).governs == ""
    assert Wanted.of(parse("until which version was it broken")).governs == ""
