"""A question whose ordinary English words an article writes once, deep in its body, is
the closest match unless the score is very high (unrel23): "what is the best pizza oven"
and a disaster-relief story comparing its paperwork to ordering a pizza."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.in_passing import in_passing
from bot.search.policy import DEFAULT
from bot.search.results import HIGH, LOW
from tests.conftest import assert_rule_makes_closest, small_engine
from tests.test_ask import _article

QUESTION = "what is the best pizza oven"


def _library(opening: str) -> dict[str, str]:
    """A relief-agency story opening with `opening`, then writing "pizza" and "oven" in
    one sentence of its body; and unrelated stories, so the words are rare in the library."""
    return {
        "r.md": _article(
            "relief",
            "Relief agency changes how victims apply for help",
            f"<p>{opening}</p>"
            "<p>Applicants now need an email address to register.</p>"
            "<p>Advocates said many older victims have none.</p>"
            "<p>The agency said tracking claims would get faster.</p>"
            "<p>“When you order a pizza, you know when it goes into the oven,” an official "
            "said of the new system.</p>",
        ),
        **{
            f"t{k}.md": _article(
                f"trains-{k}",
                f"Rail timetable report {k}",
                f"<p>The timetable for line {k} changes in spring.</p>",
            )
            for k in range(3)
        },
    }


async def test_ordinary_words_in_passing_give_the_closest_match(tmp_path: Path) -> None:
    # The story writes "pizza" and "oven", ordinary English, once, away from its title
    # and opening: below passing_threshold it is the closest match. The confident floor
    # is lowered and passing_threshold raised so the score alone would be confident and
    # under the bar whatever this small library makes of it.
    sure = DEFAULT.with_(answer_threshold=0.3, passing_threshold=1.01)
    off = sure.with_(passing_sentences=0)
    (tmp_path / "aside").mkdir()
    (tmp_path / "topic").mkdir()
    aside_lib = _library("The agency that helps disaster victims changed its rules on Monday.")
    async with small_engine(tmp_path / "aside", aside_lib) as engine:
        await assert_rule_makes_closest(engine.library, QUESTION, "relief", sure, off)
        # From passing_threshold up the score alone says the story is about them.
        scored = await SearchEngine(engine.library, policy=sure.with_(passing_threshold=0.0)).ask(
            QUESTION
        )
        unheld = await SearchEngine(engine.library, policy=sure).ask(f"{QUESTION} in kerbleton")
    assert scored.confidence == HIGH
    # A word no article holds (a slip left as typed, a name written otherwise) took its
    # weight off the score the rule reads: the rule says nothing then.
    assert unheld.article is not None and unheld.article.slug == "relief"
    assert unheld.confidence == HIGH
    # The same words in its opening are what the story is about.
    topic_lib = _library("A pizza oven maker won the agency's contract on Monday.")
    async with small_engine(tmp_path / "topic", topic_lib) as engine:
        topic = await SearchEngine(engine.library, policy=sure).ask(QUESTION)
    assert topic.article is not None and topic.article.slug == "relief"
    assert topic.confidence == HIGH


def test_in_passing_counts_sentences_and_reads_names_and_the_opening() -> None:
    plain = {"pizza", "oven", "best"}
    sets = [set(), {"pizza"}, {"pizza", "oven"}]
    assert in_passing({"pizza", "oven"}, plain, set(), sets, 2)
    # A word written in more sentences than `most` is what the article comes back to.
    assert not in_passing({"pizza", "oven"}, plain, set(), sets, 1)
    # A word the title or the opening holds is its topic.
    assert not in_passing({"pizza", "oven"}, plain, {"oven"}, sets, 2)
    # A name or technical word ("goinstall") is no ordinary English word.
    assert not in_passing({"pizza", "goinstal"}, plain, set(), [{"pizza", "goinstal"}], 2)
    # Nothing held, or the rule off (0): nothing said.
    assert not in_passing(set(), plain, set(), sets, 2)
    assert not in_passing({"pizza"}, plain, set(), sets, 0)


async def test_an_english_word_the_library_lacks_is_no_slip(tmp_path: Path) -> None:
    # "pasta" (ordinary English, in no article) and "backyard" (read as "backward", which
    # a timetable writes) are no slips whose lost weight lowered the score: the library
    # lacks what was asked, so the rule still reads the story's words in passing
    # (Policy.passing_english_missing). A made-up word ("kerbleton") still exempts it
    # (the test above).
    sure = DEFAULT.with_(answer_threshold=0.3, passing_threshold=1.01)
    off = sure.with_(passing_english_missing=0)
    lib = _library("The agency that helps disaster victims changed its rules on Monday.")
    lib["w.md"] = _article(
        "backward", "Rail timetable changes", "<p>The timetable for line nine runs backward.</p>"
    )
    async with small_engine(tmp_path, lib) as engine:
        for question in (f"{QUESTION} for pasta", f"{QUESTION} for a backyard"):
            ruled = await SearchEngine(engine.library, policy=sure).ask(question)
            unruled = await SearchEngine(engine.library, policy=off).ask(question)
            assert ruled.article is not None and ruled.article.slug == "relief", question
            assert ruled.confidence == LOW, question
            assert unruled.article is not None and unruled.article.slug == "relief", question
            assert unruled.confidence == HIGH, question
