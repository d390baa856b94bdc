"""Compounds written joined, hyphenated or apart meet (bot/search/compounds.py)."""

from __future__ import annotations

from pathlib import Path

from bot.search.compounds import forms_of, hyphenated, split
from bot.search.parse import parse
from bot.search.policy import DEFAULT
from tests.conftest import assert_rule_decides, tool_post

VOCAB = {"front", "end", "time", "zone", "web", "site", "vs", "code", "car", "in", "stall"}


def test_a_joined_word_splits_into_two_library_words_of_three_letters_or_more() -> None:
    assert split("frontend", VOCAB, 6, 3) == ("front", "end")
    assert split("timezone", VOCAB, 6, 3) == ("time", "zone")
    # Too short, a piece of two letters ("vs"), a function word ("in"), not all letters.
    assert split("carend", VOCAB, 7, 3) is None
    assert split("vscode", VOCAB, 6, 3) is None
    assert split("install", VOCAB, 6, 3) is None
    assert split("front3nd", VOCAB, 6, 3) is None


def test_a_hyphen_joins_two_words_and_not_a_longer_run() -> None:
    assert hyphenated("is the Front-End fast? what about time-zone") == {
        ("front", "end"),
        ("time", "zone"),
    }
    assert hyphenated("a state-of-the-art web-site") == {("web", "site")}


def test_each_word_has_its_other_forms_and_none_with_the_rule_off() -> None:
    q = parse("is the parallel frontend web-site fast")
    forms = forms_of(q, VOCAB, DEFAULT)
    assert forms.phrases == {"frontend": ("front end",), "web": ("website",), "site": ("website",)}
    # The same forms as the sentence stems write them, for the rerank's sentences.
    assert forms.stems == {"front end": ("frontend",), "websit": ("web", "site")}
    assert forms.hyphens == {("web", "site")}
    assert forms.expr("frontend", '"frontend"') == '("frontend" OR "front end")'
    assert forms_of(q, VOCAB, DEFAULT.with_(compound_part_letters=0)).phrases == {}


def test_an_acronym_the_library_spells_out_is_one_more_form() -> None:
    q = parse("how much of its hr staff is amazon cutting")
    learned = {("hr",): ("human resources",)}
    forms = forms_of(q, VOCAB, DEFAULT, learned)
    assert forms.phrases["hr"] == ("human resources",)
    assert forms.stems["human resourc"] == ("hr",)
    q = parse("what did the national labor relations board rule")
    run = ("national", "labor", "relations", "board")
    forms = forms_of(q, VOCAB, DEFAULT, {run: ("nlrb",)})
    assert all(forms.phrases[w] == ("nlrb",) for w in run)
    assert forms.stems["nlrb"] == ("nation", "labor", "relat", "board")


FRONT = {
    "front.md": tool_post(
        "parallel-front-end",
        "A front-end on many threads",
        "<p>The compiler's front-end now runs on several threads. Builds of large crates "
        "are up to 50% faster with the parallel front-end.</p>",
    ),
    # Another text writes "frontend" joined: the word is no typo to correct.
    "site.md": tool_post(
        "web-frontend",
        "A new web frontend",
        "<p>The package site has a new frontend, written with a small templating library.</p>",
    ),
    "tests.md": tool_post(
        "parallel-tests",
        "Parallel tests",
        "<p>The test runner starts tests in parallel. Suites finish 30% faster on "
        "machines with many cores, and the parallel runner prints results as they come."
        "</p>",
    ),
}


async def test_a_word_typed_joined_meets_the_text_writing_it_hyphenated(tmp_path: Path) -> None:
    rule_off = DEFAULT.with_(compound_part_letters=0)
    await assert_rule_decides(
        tmp_path,
        FRONT,
        "how much faster is the parallel frontend",
        ("parallel-front-end", "50%"),
        rule_off,
        "parallel-tests",
    )


JOINED = {
    "zones.md": tool_post(
        "timezones",
        "Working with timezones",
        "<p>Every timestamp carries its timezone. To show a time in another timezone, "
        "convert it with the In method before formatting it.</p>",
    ),
    "other.md": tool_post(
        "zone",
        "The time zone of a server",
        "<p>A server keeps one time zone for its logs.</p>",
    ),
    "format.md": tool_post(
        "formatting",
        "Formatting a time",
        "<p>To change how a time is shown, pass a layout to Format. The layout is the "
        "reference time written the way you want yours.</p>",
    ),
}


async def test_a_pair_typed_hyphenated_meets_the_text_writing_it_joined(tmp_path: Path) -> None:
    rule_off = DEFAULT.with_(compound_part_letters=0)
    await assert_rule_decides(
        tmp_path,
        JOINED,
        "how do i change the time-zone of a time",
        ("timezones", "another timezone"),
        rule_off,
        "zone",
    )


def test_a_word_with_an_english_prefix_matches_it_hyphenated_in_sentences() -> None:
    """npsg27 (fresh19's "what was the rust build system rewritten with": "The build system
    for Rust has been re-written in Rust, using Cargo."): the sentence stems read
    "re-written" as "re" "written"; the question's "rewritten" also matches them. Only in
    sentences: FTS5 reads "we're porting" as "re porting"."""
    from bot.search.compounds import prefixed

    vocab = {"written", "founder", "port", "act"}
    assert prefixed("rewritten", vocab, 4) == ("re", "written")
    assert prefixed("cofounder", vocab, 4) == ("co", "founder")
    assert prefixed("react", vocab, 4) is None  # (a rest of three letters)
    assert prefixed("rewritten", vocab, 0) is None
    q = parse("what was the build system rewritten with")
    forms = forms_of(q, vocab, DEFAULT)
    assert forms.stems == {"re written": ("rewritten",)}
    assert forms.phrases == {}
    assert forms_of(q, vocab, DEFAULT.with_(prefix_rest_letters=0)).stems == {}
