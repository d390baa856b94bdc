"""bench/clause_roles.py: a question's subject and verb met in a sentence's own (svo23)."""

from __future__ import annotations

import sys
from pathlib import Path

# The benches import each other as top-level modules from their own folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from clause_roles import agrees, asked  # noqa: E402


def test_a_question_with_an_auxiliary_puts_its_subject_first():
    shape = asked("Why did the Rust team remove the old borrow checker?")
    assert shape is not None and shape.subject_first
    assert shape.rest[:3] == ("rust", "team", "remov")


def test_a_wh_subject_question_puts_its_verb_first():
    shape = asked("Who leads the design of inline assembly?")
    assert shape is not None and not shape.subject_first
    assert shape.rest[0] == "lead"


def test_no_shape_without_a_wh_word_or_a_verb():
    assert asked("rust borrow checker") is None
    assert asked("what is rust") is None
    assert asked("") is None


def test_the_subject_doing_the_verb_agrees_the_words_alone_do_not():
    shape = asked("Why did the Rust team remove the old borrow checker?")
    assert agrees(shape, "The Rust team removed the old borrow checker because it was slow.") == 1.0
    # an auxiliary chain and an adverb between subject and verb, after an opening phrase
    assert agrees(shape, "In 2019, the team has finally removed the borrow checker.") > 0
    # the same words, but the verb as a noun and the subject after it
    assert agrees(shape, "The removal of the old borrow checker by the Rust team was overdue.") == 0
    assert agrees(shape, "") == 0


def test_a_wh_subject_agrees_when_the_verb_takes_the_questions_object():
    shape = asked("Who leads the design of inline assembly?")
    assert agrees(shape, "Amanieu d'Antras leads the design of inline assembly.") == 1.0
    assert agrees(shape, "The design of inline assembly leads to many questions.") == 0
