"""A question word's British or American spelling meets the other one the library writes
(bot/search/regional.py)."""

from __future__ import annotations

from pathlib import Path

from bot.search.policy import DEFAULT
from bot.search.regional import learn, variants
from tests.conftest import CONTENT, answered_by, small_engine, tool_post

RULE_OFF = DEFAULT.with_(regional_spellings=0)


def test_the_patterns_make_the_other_spelling_both_ways() -> None:
    pairs = [
        ("leukaemia", "leukemia"),
        ("colour", "color"),
        ("favourite", "favorite"),
        ("behaviour", "behavior"),
        ("neighbours", "neighbors"),
        ("organise", "organize"),
        ("organisation", "organization"),
        ("analyse", "analyze"),
        ("centre", "center"),
        ("centred", "centered"),
        ("fibre", "fiber"),
        ("catalogue", "catalog"),
        ("travelled", "traveled"),
        ("counsellor", "counselor"),
        ("defence", "defense"),
        ("licence", "license"),
        ("programme", "program"),
        ("paediatrician", "pediatrician"),
        ("oestrogen", "estrogen"),
    ]
    for uk, us in pairs:
        assert us in variants(uk), uk
        assert uk in variants(us), us
    # Words the patterns would misread are left alone: another word, a name, too short.
    for word in ("floor", "scored", "filed", "called", "hours", "michael", "boeing", "being"):
        assert variants(word) == [], word


async def test_a_spelling_counts_only_where_the_text_writes_it() -> None:
    memo: dict[str, tuple[str, ...]] = {}
    # porter's "organ" holds "organize" in one library and only "organs" in another.
    found = await learn(["organise"], {"organ": 3, "organis": 1}, _writing({"organize"}), memo)
    assert found == {("organise",): ("organize",)}
    assert await learn(["organise"], {"organ": 3}, _writing(set()), {}) == {}
    # A term that is the spelling itself needs no reading; none held: none.
    assert await learn(["colour"], {"color": 2}, _writing(set()), {}) == {("colour",): ("color",)}
    assert await learn(["colour"], {"colour": 2}, _writing(set()), {}) == {}
    assert memo == {"organise": ("organize",)}


def _writing(words: set[str]):
    async def writes(word: str) -> bool:
        return word in words

    return writes


BLOOD = {
    "therapy.md": tool_post(
        "base-editing",
        "Revolutionary therapy treats untreatable blood cancer",
        "<p>Doctors in London treated nine children with T-cell leukaemia using base "
        "editing. Most children with T-cell leukaemia respond to standard treatment, but "
        "around 20% do not. The edited cells are given to the patient.</p>",
    ),
    "epa.md": tool_post(
        "formaldehyde",
        "The EPA weakens its formaldehyde rule",
        "<p>The agency says formaldehyde is a common chemical. Exposure has been linked to "
        "leukemia and other cancer in workers. Industry groups welcomed the change.</p>",
    ),
}


async def test_a_word_spelled_the_other_way_finds_the_article(tmp_path: Path) -> None:
    # rank19's fresh13 miss: the story writes "leukaemia", another "leukemia".
    question = "is t cell leukemia a common cancer"
    async with small_engine(tmp_path, BLOOD, CONTENT) as engine:
        on = await answered_by(engine.library, question)
        off = await answered_by(engine.library, question, RULE_OFF)
    assert (on[0], "leukaemia" in on[1]) == ("base-editing", True), on
    assert off[0] == "formaldehyde", off
