"""Summaries: a real description, else an extract that reads well on its own."""

from __future__ import annotations

import pytest

from bot.library.model import Article, Sentence
from bot.search.summary import extract_summary, is_real_summary, summarize


@pytest.mark.parametrize(
    "description, real",
    [
        (
            "Gene therapy has reversed previously untreatable blood cancers in children and adults",
            True,
        ),
        ("", False),
        (None, False),
        ("https://example.com/a/b", False),
        ("Read more", False),
        ("Click here to read the full story on our site", False),
        ("Too short", False),
        ("A real summary, in plain words, of what the article says about the town", True),
        ("<p>A <b>real</b> summary, in HTML, of what the article says about the town</p>", True),
    ],
)
def test_is_real_summary(description: str | None, real: bool) -> None:
    assert is_real_summary(description, "Some title") is real


def test_description_copying_the_title_is_not_a_summary() -> None:
    title = "How the new bridge changed the town for good"
    assert not is_real_summary("How the new bridge changed the town for good.", title)


def _article(sentences: list[str], description: str | None = None) -> Article:
    return Article(
        slug="s",
        title="Bridge opens to cyclists",
        path="s.md",
        description=description,
        sentences=tuple(Sentence(s, i) for i, s in enumerate(sentences)),
    )


def test_extract_skips_headings_code_and_back_references() -> None:
    article = _article(
        [
            "Introduction",
            "This post is part 1 in a series about the bridge.",
            "It was a long road.",
            "x := make(map[string]int); y = foo(x)",
            "The new bridge opened to cyclists on Monday after three years of building work.",
            "However, drivers will have to wait until spring to use it themselves.",
        ]
    )
    summary = extract_summary(article)
    assert summary.startswith("The new bridge opened to cyclists")
    assert "However" not in summary and "x :=" not in summary


PROSE = "The new bridge opened to cyclists on Monday after three years of building work."


@pytest.mark.parametrize(
    "code_like",
    [
        "Call the helper with parse_args() before the bridge opens to cyclists on Monday.",
        "Set the value with config.load(path) before the bridge opens to cyclists on Monday.",
        "The bridge_status flag turns on when the bridge opens to cyclists on Monday.",
        "Read std::vector first, then the bridge opens to cyclists for the town on Monday.",
        "Run $ make bridge first, then the bridge opens to cyclists for the town on Monday.",
        "// the bridge opens to cyclists for the whole town on Monday after the works.",
        "The `bridge` command opens the bridge to cyclists for the town on Monday morning.",
    ],
)
def test_extract_passes_over_sentences_that_look_like_code(code_like: str) -> None:
    assert extract_summary(_article([code_like, PROSE])) == PROSE


def test_prose_with_brackets_and_dots_is_not_taken_for_code() -> None:
    prose = "The bridge (finished in 2024) opens to cyclists of the town on Monday, i.e. soon."
    assert extract_summary(_article([prose, PROSE])) == prose


def test_summarize_uses_description_when_real() -> None:
    real = "The town's new bridge opened to cyclists after three years of building work."
    article = _article(["The bridge opened on Monday to a crowd of cyclists."], real)
    assert summarize(article) == real
    article = _article(
        ["The bridge opened on Monday to a crowd of cyclists and walkers."], "Read more"
    )
    assert summarize(article).startswith("The bridge opened on Monday")


def test_summary_of_empty_article_is_empty_not_an_error() -> None:
    assert summarize(_article([])) == ""


@pytest.mark.parametrize(
    "description",
    [
        "Dark web reports go dark",  # a teaser
        "How imprecise UI animations erode trust in product",
        "Making big public statements is always fun and people who think themselves to be "
        "important love doing it as a way of trying to […]",
        "The council met on Monday to decide the future of the old bridge in town and more …",
        "[Link: Bridge reopens | https://example.org/bridge | Example News] The council voted.",
        "This article was originally published by Example News and is republished with "
        "permission under a Creative Commons licence.",
        "Sign up for our newsletter to get the best stories about the town in your inbox.",
        "Hungarian Prime Minister Viktor Orban speaks to media in Budapest, Hungary. "
        "(Janos Kummer/Getty Images)",
        "Welcome back to the Abstract! Here’s some of the most intriguing studies I came "
        "across this week:",
    ],
)
def test_descriptions_a_reader_would_not_trust_are_not_summaries(description: str) -> None:
    assert not is_real_summary(description, "Some title")


def test_summary_avoids_what_the_reply_already_shows() -> None:
    real = "The town's new bridge opened to cyclists after three years of building work."
    sentences = [
        "The new bridge opened to cyclists on Monday after three years of building work.",
        "Drivers will have to wait until the spring before they can cross it themselves.",
    ]
    article = _article(sentences, real)
    assert summarize(article) == real
    assert summarize(article, avoid=[real]) == sentences[0]
    assert summarize(article, avoid=[real, sentences[0]]) == sentences[1]


def test_extract_skips_a_heading_that_ends_in_a_parenthesis() -> None:
    heading = "Bridge opens to cyclists: what the town gets (phase one, phase two)"
    assert extract_summary(_article([heading, PROSE])) == PROSE


def test_prose_about_links_and_pages_stays_a_summary() -> None:
    prose = "The link between the new bridge and fewer car trips was not found in the study."
    assert extract_summary(_article([prose])) == prose


@pytest.mark.parametrize(
    "note",
    [
        "Note: For the timetable of the bridge works for cyclists, see the council's page.",
        "Editor's note: This story about the bridge for cyclists was updated on Tuesday.",
        "Update: The bridge opens to cyclists on Monday after the final safety checks.",
    ],
)
def test_extract_passes_over_an_editors_note(note: str) -> None:
    # The Go blog's "Note: For documentation … see …" was the summary of "Go Modules: v2
    # and Beyond" (exploratory QA).
    assert extract_summary(_article([note, PROSE])) == PROSE
