"""Two slips in one question word (bench/typos.py --slips 2; bench/README.md, "typo15"): a
word of 7-8 letters, whose budget is one typo, is matched at two typos against the words
the articles write when nothing nearer corrects it."""

from __future__ import annotations

from pathlib import Path

from bot.search.fuzzy import no_letter_changed
from bot.search.policy import DEFAULT
from tests.conftest import corrected_by, described_post, small_engine

NOTES = {
    "z.md": described_post(
        "zustand",
        "Zustand notes",
        "<p>Zustand is a state manager for the React framework and hooks.</p>",
    ),
    "k.md": described_post(
        "kettles", "Kettle care", "<p>Descale the kettle every season or so.</p>"
    ),
}


async def test_a_word_with_two_slips_is_corrected_to_a_word_the_text_writes(
    tmp_path: Path,
) -> None:
    # "faework" is "framework" with two letters dropped: two typos, past the one a word
    # of 7 letters has; only the body writes "framework". With the rule it is read as
    # "framework"; off, it is left as typed (Policy.spelling_two_typo_letters).
    question = "which ui faework is it a state manager for"
    async with small_engine(tmp_path, NOTES) as engine:
        for least in (7, 0):
            rule = DEFAULT.with_(spelling_two_typo_letters=least)
            fixed = question.replace("faework", "framework")
            assert (await corrected_by(engine.library, question, rule) == fixed) == bool(least)


async def test_two_typos_are_not_tried_below_the_rule_s_length(tmp_path: Path) -> None:
    # "saeosn" (6 letters) is two typos from "season": below 7 letters two typos reach too
    # many other words, so it is left as typed; with the length lowered to 6 it is read.
    question = "which saeosn to descale a kettle"
    async with small_engine(tmp_path, NOTES) as engine:
        for least, meant in ((7, None), (6, question.replace("saeosn", "season"))):
            rule = DEFAULT.with_(spelling_two_typo_letters=least)
            assert await corrected_by(engine.library, question, rule) == meant


def test_at_two_typos_no_letter_is_changed_for_another() -> None:
    # Two slips of letters dropped, doubled or swapped keep the letters typed; a changed
    # letter plus one more reaches other names ("michael" for "michele", a name the
    # library lacks): the two-typo pass keeps only the former.
    assert no_letter_changed("faework", "framework")
    assert no_letter_changed("copryiht", "copyright")
    assert no_letter_changed("delegets", "delegates")
    assert not no_letter_changed("michele", "michael")
    # Letters typed over the word are doubled ones; "portugal" is no "portal" typed twice over.
    assert no_letter_changed("avvaalle", "avalle")
    assert not no_letter_changed("portugal", "portal")
