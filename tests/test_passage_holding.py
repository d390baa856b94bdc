"""The passage stage's shortcuts over an article's sentences (perf30): the sentences holding
a question term found once (Passages.holding), and aged() leaving an article that writes no
age as it is. Both read fewer sentences, never another answer."""

from __future__ import annotations

from bot.library.model import Sentence
from bot.search.answer_type import Wanted
from bot.search.named_again import aged
from bot.search.parse import parse
from bot.search.passage import Passages
from bot.search.policy import DEFAULT
from bot.search.sentence_roles import SentenceRoles

SENTENCES = (
    Sentence("The council met on Tuesday.", 0),
    Sentence("Nothing else happened.", 0),
    Sentence("The council voted to close the library.", 1),
    Sentence("It will reopen in March.", 1),
)


def test_holding_lists_the_sentences_holding_a_term_in_order() -> None:
    held = [{"council"}, frozenset(), {"council", "librari"}, frozenset()]
    q = {"council", "librari"}
    passages = Passages(SENTENCES, held, q, None, Wanted.of(parse("when will the library")), set())
    assert passages.holding == [0, 2]
    # Every window starts at most window-1 sentences before one of them, and holds one.
    assert passages.windows
    assert all(any(passages.held[k] for k in range(i, j)) for i, j, _ in passages.windows)


def test_aged_leaves_an_article_writing_no_age_as_it_is() -> None:
    held = [{"council"}, frozenset(), frozenset(), frozenset()]
    roles = SentenceRoles(SENTENCES, "", DEFAULT)
    assert aged(held, roles, DEFAULT) is held


def test_aged_still_reads_a_person_named_again_by_age() -> None:
    sentences = (
        Sentence("Mia Lane, 12, was the first patient to receive it.", 0),
        Sentence("“I can go to school again,” the 15-year-old said.", 1),
    )
    held = [{"patient"}, frozenset()]
    out = aged(held, SentenceRoles(sentences, "", DEFAULT), DEFAULT)
    assert out[1] == {"patient"}
