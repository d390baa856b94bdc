"""Questions asking for a judgement (bot/search/opinion.py): answered with confidence only
by a passage making the judgement asked for."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.opinion import judged
from bot.search.parse import parse
from bot.search.policy import DEFAULT
from bot.search.results import HIGH, LOW
from tests.conftest import CONTENT, small_engine, tool_post


def _judged(question: str) -> set[str]:
    return set(judged(parse(question, None, DEFAULT)))


def test_words_of_evaluation_and_the_alternatives_weighed_are_the_judgement() -> None:
    assert _judged("is quill better than zyloxa") == {"better", "zyloxa"}
    assert _judged("which is nicer, quill or zyloxa") == {"nicer", "quill", "zyloxa"}
    assert _judged("quill vs zyloxa, which should i pick") == {"quill", "zyloxa"}


def test_a_question_of_another_kind_or_a_name_is_no_judgement() -> None:
    # A question asking for a name, an amount or a reason, an "or" of a question that
    # chooses nothing, and "vs" inside a name ("the VS Code extension"), ask for none.
    assert _judged("who won best narrative at the awards") == set()
    assert _judged("how much worse is the risk for smokers") == set()
    assert _judged("why did they pick json or protobuf") == set()
    assert _judged("does the site show the readme now or only the root one") == set()
    assert _judged("what percent of developers use the vs code extension") == set()
    # A comparative weighing nothing says a change, not a judgement; "the best way" asks
    # how, "good" may name something: no alternatives weighed, no judgement.
    assert _judged("did exam results get better with the later start") == set()
    assert _judged("what's the best way to cancel a goroutine") == set()
    assert _judged("is zyloxa a good language") == set()


WEB = {
    "web.md": tool_post(
        "zyloxa-web",
        "Writing web apps in Zyloxa",
        "<p>Zyloxa ships a small web framework in its standard library. The framework "
        "routes requests, renders templates and serves static files.</p><p>Most teams "
        "start with it and add a router later; some move to Quill.</p>",
    ),
}
JUDGED = {
    "survey.md": tool_post(
        "zyloxa-survey",
        "What Zyloxa developers told us",
        "<p>We asked 2,000 Zyloxa developers about their tools. Quill was voted a better "
        "Zyloxa web framework than the standard library's for the third year running.</p>",
    ),
}


async def test_a_passage_on_the_topic_without_the_judgement_is_the_closest_match(
    tmp_path: Path,
) -> None:
    question = "quill vs zyloxa web framework, which is better"
    rule_off = DEFAULT.with_(judgement_missing=99)
    async with small_engine(tmp_path, WEB, CONTENT) as engine:
        answer = await engine.ask(question)
        assert answer.article is not None and answer.article.slug == "zyloxa-web"
        assert answer.confidence == LOW
        off = await SearchEngine(engine.library, policy=rule_off).ask(question)
        assert off.article is not None and off.confidence == HIGH


async def test_a_passage_making_the_judgement_answers_with_confidence(tmp_path: Path) -> None:
    async with small_engine(tmp_path, {**WEB, **JUDGED}, CONTENT) as engine:
        answer = await engine.ask("quill vs zyloxa web framework, which is better")
    assert answer.article is not None and answer.article.slug == "zyloxa-survey"
    assert answer.confidence == HIGH and "Quill" in (answer.passage or "")
