"""Slips in a question's words that the spelling left as typed, so the question was refused
(bench/README.md, "refuse25"): a word the text writes after a longer word of its start, a
four-letter word missing a letter, a guess past the few tried."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.parse import parse
from bot.search.policy import DEFAULT
from bot.search.rerank import Asked
from bot.search.spelling import TextVocabulary
from bot.search.stem import stem
from tests.conftest import corrected_by, described_post, small_engine

WATER = {
    "w.md": described_post(
        "water",
        "Town water notes",
        "<p>Fluoride is cheap. Most of the country drinks fluoridated water. In the end"
        " the towns chose to fluoridate their supply, the first in the region.</p>",
    ),
    "k.md": described_post("kettles", "Kettle care", "<p>Descale the kettle every season.</p>"),
}

HIKER = {
    "h.md": described_post(
        "hiker", "Hiker lost for a day", "<p>The walker ignored the rescuers' calls.</p>"
    ),
    "n.md": described_post("weekly", "News of the week", "<p>Pets and gardens this week.</p>"),
}


async def test_a_word_written_after_a_longer_one_of_its_start_counts_as_written(
    tmp_path: Path,
) -> None:
    # The article writes "fluoride", "fluoridated", then "fluoridate". The stem's one-token
    # snippet shows "Fluoride", too far from "fluuoridate"; the guess "fluoridate" then
    # counts only if the text writes it, which the old check read at the first word starting
    # so ("fluoridated") and denied: the slip stayed as typed (fresh news' "which city was
    # first to fluoridate its water", slipped by bench/typos.py, refused).
    question = "which towns chose to fluuoridate their supply"
    async with small_engine(tmp_path, WATER) as engine:
        for on in (1, 0):
            rule = DEFAULT.with_(spelling_written_anywhere=on)
            fixed = question.replace("fluuoridate", "fluoridate")
            assert (await corrected_by(engine.library, question, rule) == fixed) == bool(on)


async def test_a_four_letter_slip_keeping_its_letters_is_read_against_titles(
    tmp_path: Path,
) -> None:
    # "hikr" is "hiker" with a letter dropped; a word of four letters has no typo budget
    # (Meilisearch's), so the title's "Hiker" was never reached and the question refused.
    question = "how long was the hikr lost"
    async with small_engine(tmp_path, HIKER) as engine:
        for on in (1, 0):
            rule = SearchEngine(engine.library, policy=DEFAULT.with_(short_word_typo=on))
            answer = await rule.ask(question)
            assert (answer.article is not None and answer.article.slug == "hiker") == bool(on)


async def test_a_four_letter_word_with_a_letter_changed_is_not_read_as_another(
    tmp_path: Path,
) -> None:
    # "newt" is one changed letter from the title's "news": with three of four letters
    # alike, that is another word, not a slip; it stays as typed.
    async with small_engine(tmp_path, HIKER) as engine:
        searched = await engine.search("pet newt")
        assert "news" not in (searched.corrected or "")
        assert (await engine.ask("pet newt")).article is None


def test_guesses_of_equal_typos_try_the_commoner_english_word_first() -> None:
    # "paitings" (porter "pait") is one typo from the stems "part", "past", "pair" and
    # "paint"; most articles hold the first three, so only they were tried
    # (Policy.spelling_guesses 3), and "paintings" never was.
    vocab = [("part", 50), ("past", 40), ("pair", 30), ("paint", 2)]
    on = TextVocabulary(vocab, DEFAULT).guesses("paitings")
    off = TextVocabulary(vocab, DEFAULT.with_(spelling_english_first=0)).guesses("paitings")
    assert on[0] == "paintings"
    assert "paintings" not in off


def test_a_slip_in_a_name_keeps_the_name_rare() -> None:
    # "zutand" -> "zustand": neither is English, so the correction is a name typed with a
    # slip, as rare as the name typed right (Asked.rare -> Evidence.holds_rare: the closest
    # match rather than nothing). "monstera" -> "monsters" puts in an English word: a
    # guess, never rare. Off (Policy.rare_slipped_name 0), no correction is.
    idf = {"zustand": 6.0, "boilerplate": 4.0, "full": 1.0, "monsters": 5.0, "repot": 6.0}
    held = {"zustand": 1, "boilerplate": 2, "full": 300, "monsters": 2}
    name = parse("is zustand full of boilerplate")
    guess = parse("when should i repot my monsters")
    for on in (1, 0):
        policy = DEFAULT.with_(rare_slipped_name=on)
        slipped = Asked.of(name, idf, held, policy=policy, corrections={"zutand": "zustand"})
        assert ("zustand" in slipped.rare) == bool(on)
        guessed = Asked.of(guess, idf, held, policy=policy, corrections={"monstera": "monsters"})
        assert stem("monsters") not in guessed.rare
        # "offside" (not on the English list) read as the name "offsite" changes a letter:
        # an English word the list lacks, not a slip in a name.
        other = Asked.of(
            parse("the offsite rule"),
            {"offsite": 6.0, "rule": 2.0},
            {"offsite": 1},
            policy=policy,
            corrections={"offside": "offsite"},
        )
        assert stem("offsite") not in other.rare
