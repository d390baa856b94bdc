"""One slip in a question word still finds the word meant (bench/typos.py's causes; bench/README.md,
"typo14"): the nearest written form of a term, ties to the word most articles hold, and
slips onto another word's rare stem."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.fuzzy import Vocabulary
from bot.search.policy import DEFAULT
from bot.search.spelling import TextVocabulary, porter, surface
from tests.conftest import corrected_by, described_post, small_engine


def test_the_form_of_a_term_nearest_the_typed_word_is_the_guess() -> None:
    # Porter stems "screnings" to "screne", one typo from "screen": the guess must be
    # the form of "screen" the slip is near ("screenings"), not "screen" itself, three
    # typos from what was typed; "actiev" is "active", not the bare stem "activ".
    assert surface(porter("screenings"), "screnings", porter("screnings")) == "screenings"
    assert surface(porter("active"), "actiev", porter("actiev")) == "active"
    off = DEFAULT.with_(spelling_typed_tails=0)
    assert surface(porter("screenings"), "screnings", porter("screnings"), off) == "screen"
    assert surface(porter("active"), "actiev", porter("actiev"), off) == "activ"


def test_a_slip_inside_the_stem_is_edited_after_a_term_s_start() -> None:
    # "watcihng" stems to itself, and its first letters "watc", "watci"... are no term:
    # the edits are made after "watc", which starts the held "watch"
    # (Policy.spelling_edit_prefix); off, no edit is tried.
    terms = [(porter(w), 3) for w in ("watching", "deployed", "wind")]
    assert TextVocabulary(terms).edits("watcihng") == [["watching"]]
    assert TextVocabulary(terms).edits("deplyoed") == [["deployed"]]
    off = DEFAULT.with_(spelling_edit_prefix=0)
    assert TextVocabulary(terms, off).edits("watcihng") == []
    assert TextVocabulary(terms).edits("zxqwerty") == []  # nothing starts so


def test_every_word_as_few_typos_away_is_offered() -> None:
    vocab = Vocabulary(["rebase", "release", "relate", "kettle"])
    assert set(vocab.nearest("relase")) == {"rebase", "release", "relate"}
    assert vocab.correct("relase") == vocab.nearest("relase")[0]
    assert vocab.nearest("release") == ["release"]
    assert vocab.nearest("zzzzzz") == []


RELEASES = {
    **{
        f"r{k}.md": described_post(
            f"release-{k}", f"The {k}.0 release", f"<p>Version {k}.0 shipped in spring.</p>"
        )
        for k in range(1, 4)
    },
    "b.md": described_post("rebase", "How to rebase a branch", "<p>Rebase onto main first.</p>"),
}


async def test_a_tie_between_title_words_goes_to_the_one_most_articles_hold(
    tmp_path: Path,
) -> None:
    # "relase" is one typo from "rebase" (one article) and "release" (three): the slip
    # is read as the word the library writes most (Policy.spelling_tie_by_articles); off,
    # as the word of the typed length, and the question finds nothing.
    question = "which relase version shipped in spring"
    meant = question.replace("relase", "release")
    async with small_engine(tmp_path, RELEASES) as engine:
        for tie in (1, 0):
            rule = DEFAULT.with_(spelling_tie_by_articles=tie)
            searched = await SearchEngine(engine.library, policy=rule).search(question)
            assert (searched.corrected == meant) == bool(tie)
            assert bool(searched.hits) == bool(tie)


TUTORS = {
    "t.md": described_post(
        "tutor", "Our new volunteers", "<p>Sam is the club's tutor. Tuesday is Sam's day.</p>"
    ),
    "f.md": described_post(
        "fuzzing", "Notes from the spring meetup", "<p>Katie wrote the fuzzing tutorial.</p>"
    ),
}


async def test_a_slip_onto_another_word_s_rare_stem_is_still_corrected(tmp_path: Path) -> None:
    # Porter stems "tutoral" to "tutor", which one article holds ("tutor"), but none writes
    # "tutoral": the word is corrected as one no article holds
    # (Policy.spelling_collision_articles); off, it matches the tutor's article as typed.
    question = "who wrote the fuzzing tutoral"
    async with small_engine(tmp_path, TUTORS) as engine:
        for most, meant in ((2, "tutorial"), (0, None)):
            rule = DEFAULT.with_(spelling_collision_articles=most)
            fixed = meant and question.replace("tutoral", meant)
            assert await corrected_by(engine.library, question, rule) == fixed
        # A rare word an article writes as typed is no slip, nor a possessive typed
        # without its apostrophe ("sams" for "Sam's").
        for asked in ("who is the club's tutor", "what is sams day"):
            ranked, _ = await engine.reranked(asked)
            assert not ranked.corrections


OTTERS = {
    "o.md": described_post(
        "otters", "Roving gang of otters in the gardens", "<p>A man was bitten by the pond.</p>"
    ),
    **{
        f"n{k}.md": described_post(
            f"notes-{k}", f"Other notes from meetup {k}", "<p>The members met in the hall.</p>"
        )
        for k in range(1, 4)
    },
}


async def test_a_word_a_title_writes_inflected_is_no_slip(tmp_path: Path) -> None:
    # Only a title says "otters" (its text does not): "otter" shares its stem, as a body
    # word of that stem would, so it is no slip onto a rare stem to correct to "other"
    # (a function word, weighing nothing: before, the question found the notes).
    async with small_engine(tmp_path, OTTERS) as engine:
        ranked, found = await engine.reranked("who wrote the otter story")
        assert not ranked.corrections
        assert found and found[0].article.slug == "otters"
