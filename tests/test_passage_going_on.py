"""The sentence going on from the one shown, after a window already holding a span of the
kind asked for (issue 15, pass18: Policy.follow_gate)."""

from __future__ import annotations

from bot.library.model import Article, Sentence
from bot.search.parse import parse
from bot.search.passage import best_passage
from bot.search.policy import DEFAULT, Policy

FROB_Q = "what does frob_of give you"


def _shown(after: str, policy: Policy = DEFAULT) -> str | None:
    paragraphs = [
        ["Widgets gained a few small features this release."],
        ["Users can now read the frob of a public field with frob_of!(Widget, field).", after],
        ["Enable strip in release profiles by default"],
    ]
    sentences = tuple(Sentence(s, i) for i, p in enumerate(paragraphs) for s in p)
    article = Article(
        slug="a",
        title="Widgets 1.2",
        path="a.md",
        text="\n\n".join(" ".join(p) for p in paragraphs),
        sentences=sentences,
    )
    return best_passage(article, parse(FROB_Q), policy)


def test_a_follower_holding_the_question_s_words_comes_along_after_a_code_span() -> None:
    # The window's code token names the thing asked about, and fits "what" as a code span;
    # the sentence after it leans back on it ("This") and, holding "frob" too, says what
    # it gives. Off (follow_gate 0), the window stands alone, as a typed answer did.
    after = "This expands to a usize expression with the frob in bytes from the start."
    shown = _shown(after)
    assert shown and "frob_of!(Widget, field)" in shown and "in bytes" in shown
    off = _shown(after, DEFAULT.with_(follow_gate=0))
    assert off and "frob_of!(Widget, field)" in off and "in bytes" not in off


def test_a_follower_holding_no_question_word_stays_out_after_a_code_span() -> None:
    # The same follower without the question's words is no more about the thing asked than
    # any next sentence: the window holding a span of the kind asked for stands alone.
    shown = _shown("This expands to a usize expression counted in bytes from the start.")
    assert shown and "frob_of!(Widget, field)" in shown and "in bytes" not in shown
