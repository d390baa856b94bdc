"""A question sharing ordinary English words with a name an article writes, not its topic
(unrel22): "how do i build a log cabin from a kit" and "Log Cabin Republicans"."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.named_apart import only_in_names
from bot.search.policy import DEFAULT
from tests.conftest import assert_rule_makes_closest, small_engine
from tests.test_ask import _article


def _library(cabin: str) -> dict[str, str]:
    """A concert story whose every "log cabin" is `cabin`, and others holding "kit" and
    "build", so that the question's "kit" is a word the library knows but the story lacks."""
    return {
        "w.md": _article(
            "concert",
            "Hecklers disrupted a guitarist's concert",
            "<p>The guitarist played the Kennedy Center on Friday.</p>"
            f"<p>Members of the {cabin} group heckled her during the second set.</p>"
            f"<p>The {cabin} chapter had no comment.</p>",
        ),
        **{
            f"k{k}.md": _article(
                f"drums-{k}", f"Drum kit review {k}", f"<p>We build a drum kit in part {k}.</p>"
            )
            for k in range(3)
        },
    }


async def test_words_held_only_inside_a_name_give_the_closest_match(tmp_path: Path) -> None:
    # The story writes "log" and "cabin" only in "Log Cabin Republicans", a name, and
    # lacks "kit": the question shares the name's words, not its topic, so the story is
    # the closest match however high its score (the confident floor is lowered so the
    # score alone would be confident: Policy.name_word_zipf).
    sure = DEFAULT.with_(answer_threshold=0.4)
    off = sure.with_(name_word_zipf=0.0)
    question = "how do i build a log cabin from a kit"
    (tmp_path / "named").mkdir()
    (tmp_path / "plain").mkdir()
    async with small_engine(tmp_path / "named", _library("Log Cabin Republicans")) as engine:
        await assert_rule_makes_closest(engine.library, question, "concert", sure, off)
    # The same words written as ordinary words ("a log cabin") are the story's topic.
    async with small_engine(tmp_path / "plain", _library("log cabin owners'")) as engine:
        plain = await SearchEngine(engine.library, policy=sure).ask(question)
    assert plain.article is not None and plain.confidence == "high"


def test_only_in_names_reads_the_case_away_from_a_sentence_start() -> None:
    texts = ["Fox News unveiled a lineup.", "The actors said Fox never asked them."]
    held = [{"fox"}, {"fox"}]
    assert only_in_names(texts, held, {"fox"})
    # Lower case anywhere is the ordinary word.
    assert not only_in_names([*texts, "A fox crossed the road."], [*held, {"fox"}], {"fox"})
    # A sentence's first word shows nothing: only that, and nothing is shown.
    assert not only_in_names(texts[:1], held[:1], {"fox"})
    # Bad input never raises: fewer held sets than texts.
    assert not only_in_names(texts, [], {"fox"})
