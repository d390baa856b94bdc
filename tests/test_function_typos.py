"""Slipped grammar words of a fast-typed question are read right (function_typos.py)."""

from __future__ import annotations

import dataclasses

from bot.search.function_typos import function_word
from bot.search.parse import parse as _parse
from bot.search.policy import DEFAULT

OFF = dataclasses.replace(DEFAULT, function_typo_letters=0)


def _none_held(word: str) -> bool:
    return False


def parse(text: str, policy=DEFAULT, held=_none_held):  # noqa: ANN001, ANN201
    """parse() over a library that holds none of the question's words."""
    return _parse(text, None, policy, held)


def test_slipped_question_words_decide_the_kind_and_leave_the_terms() -> None:
    q = parse("hw mnay tostrs did teh repiar cafe fx")
    assert q.kind == "number"
    assert "teh" not in q.terms.words and "mnay" not in q.terms.words
    assert parse("hw mcuh did teh fund pay").kind == "number"
    assert "teh" not in parse("whta did teh fund pay for").terms.words
    # With the rule off, "teh" is a word to look for and "wo" no question word.
    assert "teh" in parse("hw mnay tostrs did teh repiar cafe fx", policy=OFF).terms.words
    assert parse("hw mcuh did teh fund pay", policy=OFF).kind != "number"


def test_a_word_the_library_holds_or_everyday_english_stays() -> None:
    # "hw" in a hardware blog is its own word.
    assert "hw" in parse("hw fr teh tostrs", held=lambda w: w == "hw").terms.words
    assert "hw" not in parse("hw fr teh tostrs").terms.words
    assert function_word("dose") is None  # "what dose of vitamin d": a word of its own
    assert function_word("knot") is None and function_word("rust") is None
    assert function_word("toasters") is None  # longer words are the spelling's
    assert function_word("hwo") is None  # "how" or "who": no guess
    assert function_word("hw") == "how" and function_word("teh") == "the"
    # With the library's words unknown (no `held`), every word stays.
    assert "teh" in _parse("hw mnay tostrs did teh repiar cafe fx").terms.words


def test_odd_words_never_raise() -> None:
    for word in ("", "a", "é", "12", "x" * 400):
        assert function_word(word) is None


def test_a_letter_too_many_is_never_read_off() -> None:
    # "udp" is one letter more than "up": an acronym, not a slip; read as "up" it left "tcp"
    # alone in "what's the difference between tcp and udp" (fresh's unrelated question got
    # a confident answer from a Go talk about TCP connections).
    assert function_word("udp") is None
    assert "udp" in parse("what's the difference between tcp and udp").terms.words
    assert function_word("mcuh") == "much" and function_word("whta") == "what"


def test_small_talk_typed_short_is_said_not_slipped() -> None:
    # journey23: in the running bot (the library's words read) "thx" after an answer was
    # read as "the" and answered as a follow-up of the article, not thanked.
    assert function_word("thx") is None
    assert parse("thx").social == "thanks" and parse("thx!! 🙏").social == "thanks"
