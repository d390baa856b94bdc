"""Sentences and counts: what a reader of the bot's passages and cards would notice."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.library.counts import reading_minutes, word_count
from bot.library.markup import html_to_blocks
from bot.library.quotes import extract_quotes
from bot.library.sentences import split_sentences

# --- split_sentences -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Smith met Prof. Jones at 3 p.m. The talk was long.",
            ["Dr. Smith met Prof. Jones at 3 p.m.", "The talk was long."],
        ),
        (
            "Ask Mr. Brown, Mrs. Green and Ms. White. No. 5 is on St. Mark's Road.",
            ["Ask Mr. Brown, Mrs. Green and Ms. White.", "No. 5 is on St. Mark's Road."],
        ),
        (
            "He moved to the U.S. in 2010. Then the U.K. The end.",
            ["He moved to the U.S. in 2010.", "Then the U.K.", "The end."],
        ),
        (
            "We use e.g. apples, i.e. fruit, etc. and more. Then we stop.",
            ["We use e.g. apples, i.e. fruit, etc. and more.", "Then we stop."],
        ),
        ("Apple Inc. CEO Tim Cook spoke. Bye.", ["Apple Inc. CEO Tim Cook spoke.", "Bye."]),
        ("J. R. R. Tolkien wrote it. He died.", ["J. R. R. Tolkien wrote it.", "He died."]),
        ("See Fig. 3 and vs. the rest. Done.", ["See Fig. 3 and vs. the rest.", "Done."]),
        (
            "It rose 3.5 percent. Go 1.21 and v1.2.3 and go1.21 shipped. Next.",
            ["It rose 3.5 percent.", "Go 1.21 and v1.2.3 and go1.21 shipped.", "Next."],
        ),
        (
            "See https://go.dev/blog/go1.21 for more. Edit main.go first. Done.",
            ["See https://go.dev/blog/go1.21 for more.", "Edit main.go first.", "Done."],
        ),
        ("Wait... what? Really… Yes!", ["Wait... what?", "Really…", "Yes!"]),
        ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        ("(See the note.) Next one.", ["(See the note.)", "Next one."]),
        ("It ended [at last.] Fine.", ["It ended [at last.]", "Fine."]),
        ("The firm Acme Ltd. The end.", ["The firm Acme Ltd.", "The end."]),
    ],
)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_quote_that_carries_on_into_said_is_one_sentence() -> None:
    assert split_sentences("“It works. It really does,” said Bob. Then he left.") == [
        "“It works. It really does,” said Bob.",
        "Then he left.",
    ]
    assert split_sentences('"Is it safe?" she asked. Nobody knew.') == [
        '"Is it safe?" she asked.',
        "Nobody knew.",
    ]


def test_quote_ending_a_sentence_splits_after_the_closing_mark() -> None:
    assert split_sentences("He said: “We are done.” The room went quiet.") == [
        "He said: “We are done.”",
        "The room went quiet.",
    ]


def test_blank_lines_are_hard_breaks_and_line_wraps_are_not() -> None:
    text = "Hi Bryan, the draft\nlooks good\n\nThanks for it"
    assert split_sentences(text) == ["Hi Bryan, the draft looks good", "Thanks for it"]


# --- counts ----------------------------------------------------------------------------


def test_word_count_and_reading_minutes() -> None:
    assert word_count("It’s a well-known fact — 3.5 cups, not 4.") == 8
    assert word_count("") == 0
    assert reading_minutes(0) == 0
    assert reading_minutes(10) == 1
    assert reading_minutes(230 * 7) == 7
    # Punctuation alone is no word; an underscore is not a letter; any script's letters are.
    assert word_count("a — b | c ... _ __init__ 東京 ١٢٣ x\u2003y") == 8


# The words as a pattern finds them, the definition word_count keeps: a run of non-space
# characters from its first letter or digit (whitespace and letters of every script).
_WORD_PATTERN = re.compile(r"[^\W_]\S*")
_runs = st.text(
    st.sampled_from(
        [" ", "\n", "\t", "\u2003", "\x1c", "_", "—", "'", ".", "a", "Z", "9", "é", "東", "١", "²"]
    )
    | st.characters(),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(_runs)
def test_word_count_counts_what_the_word_pattern_finds(text: str) -> None:
    assert word_count(text) == len(_WORD_PATTERN.findall(text))


# --- never raise -----------------------------------------------------------------------

_TAGS = ["p", "div", "pre", "script", "figure", "figcaption", "li", "ul", "a", "br", "td", "tr"]
html_ish = st.lists(
    st.one_of(
        st.text(max_size=40),
        st.sampled_from([f"<{t}>" for t in _TAGS] + [f"</{t}>" for t in _TAGS]),
        st.sampled_from(["“", "”", '"', ". ", "Dr. ", "said ", "<!--", "-->", "&amp;", "\x00"]),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(html_ish)
def test_text_functions_never_raise(body: str) -> None:
    blocks = html_to_blocks(body)
    assert all(isinstance(b, str) and b for b in blocks)
    for block in blocks:
        for sentence in split_sentences(block):
            assert sentence.strip()
    extract_quotes(blocks + [body])
    split_sentences(body)
    assert word_count(body) >= 0


def test_a_parenthesised_run_of_sentences_leaves_no_stray_bracket() -> None:
    # The Go blog's "(Note that golang.org … distribution. Go.dev is a companion site to
    # provide these supporting resources.)" answered "what is go.dev" with "….)" (QA).
    text = (
        "(Note that golang.org is still the home for the Go distribution. "
        "Go.dev is a companion site to provide these supporting resources.)"
    )
    assert split_sentences(text) == [
        "Note that golang.org is still the home for the Go distribution.",
        "Go.dev is a companion site to provide these supporting resources.",
    ]
    # One sentence in brackets keeps them, and so does a smiley.
    assert split_sentences("(This one is aside.)") == ["(This one is aside.)"]
    assert split_sentences("(It worked. We loved it :)") == ["It worked.", "We loved it :)"]
