"""The summary an answer shows: not the passage said again in a reworded description
(reply25: the Chicago ICE page's description under its body's first sentence)."""

from __future__ import annotations

from dataclasses import replace

from bot.library.model import Article, Sentence
from bot.search.policy import Policy
from bot.search.shown_summary import fits, needs_context, shown_summary

POLICY = Policy()
OFF = replace(POLICY, summary_restates_share=0.0)

DESCRIPTION = (
    "The Facebook page Bird Watch Chicagoland amassed over 70,000 members in recent weeks "
    "as the spring migration has ramped up in Chicago and the suburbs."
)
PASSAGE = (
    "The Facebook page Bird Watch Chicagoland had over 70,000 members in recent weeks "
    "as the spring migration has ramped up in Chicago and the suburbs."
)
NEXT = (
    "A Facebook group that shared sightings of rare warblers in the Chicago area was taken "
    "down by Meta after a dispute over photo credits, according to its founder."
)


def _article(description: str, body: list[str]) -> Article:
    return Article(
        slug="a",
        title="Facebook removes Chicago-area page dedicated to bird sightings",
        path="a.md",
        description=description,
        text=" ".join(body),
        sentences=tuple(Sentence(s, i) for i, s in enumerate(body)),
    )


def test_a_description_rewording_the_passage_gives_way_to_another_summary() -> None:
    article = _article(DESCRIPTION, [PASSAGE, NEXT])
    # summarize alone keeps the description: the passage does not hold it word for word.
    assert shown_summary(article, PASSAGE, OFF) == DESCRIPTION
    assert shown_summary(article, PASSAGE, POLICY) == NEXT


def test_a_description_adding_to_the_passage_is_kept() -> None:
    article = _article(DESCRIPTION, [NEXT, PASSAGE])
    assert shown_summary(article, NEXT, POLICY) == DESCRIPTION
    assert shown_summary(article, None, POLICY) == DESCRIPTION


def test_the_restated_summary_is_kept_over_one_that_would_not_serve() -> None:
    promo = "Sign up for our free weekly newsletter to keep up with the birds of the Chicago area."
    asking = (
        "From the lakefront to the suburbs, what about birds in Chicago do you want us to cover?"
    )
    for other in (promo, asking):
        assert not fits(other, _article(DESCRIPTION, []))
        article = _article(DESCRIPTION, [PASSAGE, other])
        assert shown_summary(article, PASSAGE, POLICY) == DESCRIPTION
    assert fits(NEXT, _article(DESCRIPTION, []))


LONG = (
    "As more people cut the cord and drop their cable subscriptions, public access channels "
    "are losing a vital source of revenue. For decades, cable companies have paid franchise "
    "fees to local towns as compensation for the use of the public right of way, through "
    "which the companies route their cables. Those fees have funded local stations focused "
    "on public, educational and governmental programming. We also speak with the director "
    "of a station in California, who says it is of the community, by the community."
)


def test_a_long_description_is_shown_as_its_first_whole_sentences() -> None:
    article = _article(LONG, [PASSAGE, NEXT])
    whole = replace(POLICY, summary_shown_words=0)
    assert shown_summary(article, PASSAGE, whole) == LONG
    short = shown_summary(article, PASSAGE, POLICY)
    assert short.endswith("route their cables. …")
    assert LONG.startswith(short.removesuffix(" …"))
    assert len(short.split()) <= POLICY.summary_shown_words + 1


OPENING = (
    "We are excited to announce that rustup 1.29.1 beta is now available for testing and we"
    " are currently looking for testers."
)
NEW_FLAG = (
    "Installing i686 host toolchains on 64-bit Windows now requires a new flag, force non host."
)
POINTER = "Please see our blog post for more details regarding this change."
OFF_CONTEXT = replace(POLICY, summary_needing_context_passed=False)


def _post(body: list[str]) -> Article:
    return Article(
        slug="b",
        title="Rustup 1.29.1 beta: call for testing!",
        path="b.md",
        description=None,
        text=" ".join(body),
        sentences=tuple(Sentence(s, i) for i, s in enumerate(body)),
    )


def test_a_body_summary_needing_context_gives_way_to_the_opening() -> None:
    # reply27: summarize passes over the opening "We …" and takes the pointer.
    article = _post([OPENING, NEW_FLAG, POINTER])
    assert shown_summary(article, NEW_FLAG, OFF_CONTEXT) == POINTER
    assert shown_summary(article, NEW_FLAG, POLICY) == OPENING


def test_a_summary_needing_context_with_no_better_stays() -> None:
    # No opening that reads alone and nothing else that fits: the summary stays.
    article = _post([POINTER])
    assert shown_summary(article, None, POLICY) == POINTER
    # The editor's description is its own summary, kept as summarize gave it.
    described = replace(_post([OPENING, NEW_FLAG]), description=POINTER + " And more words.")
    assert shown_summary(described, NEW_FLAG, POLICY) == shown_summary(
        described, NEW_FLAG, OFF_CONTEXT
    )


def test_what_needs_context_as_a_summary() -> None:
    assert needs_context(POINTER)
    assert needs_context("As a consequence the minimum supported API level will increase to 19.")
    assert needs_context("To switch out of the dev environment, just remove that variable.")
    assert needs_context("However, the layoffs don’t tell the whole story.")
    assert not needs_context("To date, the company has raised five million dollars from investors.")
    assert needs_context("If you plan to attend, please register as soon as you can to help.")
    assert needs_context("It's production-ready and already in use at Google, so try it.")
    # An "it" pointing at nothing before: the blog's opening says when.
    assert not needs_context("It's been half a year since we last summarized our progress.")
    assert not needs_context(NEW_FLAG)
    assert not needs_context(OPENING)
    assert needs_context("The following is a list of changes we are tracking for the Edition.")
    assert needs_context("If you want to support Rust, please consider donating to the Fund.")
    # A subject after the purpose clause, a "please" to no one in particular, and "The X, …"
    # naming its subject: each says what the article is about.
    assert not needs_context("To align with that point, cargo new will no longer ignore it.")
    assert not needs_context("Please join us in welcoming TC as a new member of the lang team.")
    assert not needs_context("The following meeting will take place on 12 March.")
    assert not needs_context("The complaint, led by the County Counsel, alleges Meta profited.")
