"""Question words a passage holds only inside code identifiers (bot/search/identifiers.py)
are not words of the question said together: `fn meaning_of_life()` does not answer "what
is the meaning of life" with confidence."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.identifiers import identifier_stems, only_in_identifiers, prose_stems
from bot.search.policy import DEFAULT
from bot.search.results import HIGH
from tests.conftest import CONTENT, small_engine, tool_post


def test_the_words_of_an_underscore_joined_identifier_are_told_from_prose() -> None:
    code = "1 | fn meaning_of_life(): u32 { 42 } // see __init__ and x_"
    assert identifier_stems(code) == {"mean", "of", "life"}
    assert "life" not in prose_stems(code) and {"fn", "init"} <= prose_stems(code)
    # One word with underscores around it, or a blank, joins no words.
    assert identifier_stems("let _ = __life__;") == set()


def test_a_word_held_only_inside_identifiers_is_told_apart() -> None:
    code = ("error: use `->` instead: fn meaning_of_life(): u32 { 42 }", {"mean", "life"})
    assert only_in_identifiers([code]) == {"mean", "life"}
    # Written in prose too, in the same sentence or another of the passage: held.
    assert only_in_identifiers([code, ("What gives life meaning?", {"mean", "life"})]) == set()
    assert only_in_identifiers([("life: fn meaning_of_life()", {"mean", "life"})]) == {"mean"}
    # The question writes the identifier itself: its words are what it asks about.
    assert only_in_identifiers([code], asked={"mean", "life"}) == set()
    # A stem the sentence holds by another form and no identifier holds stays held.
    assert only_in_identifiers([("the children_count field", {"child", "field"})]) == set()


DIAGNOSTICS = {
    "diagnostics.md": tool_post(
        "quill-diagnostics",
        "Translating Quill's compiler diagnostics",
        "<p>Quill's compiler diagnostics can now be translated. Here is a diagnostic for a "
        "colon written where an arrow belongs:</p>"
        "<pre><code>error: return types are written with `-&gt;`\n"
        "1 | fn meaning_of_life(): u32 { 42 }\n"
        "  |                     ^ help: use `-&gt;` instead</code></pre>"
        "<p>Translators can help by joining the localization working group.</p>",
    ),
}


async def test_words_only_in_a_code_identifier_answer_with_no_confidence(tmp_path: Path) -> None:
    question = "what is the meaning of life"
    # (The diagnostic's line is also a line of code in a code block: Policy.code_plain_words
    # discounts its English words too, so both are off for the rule-off reply.)
    rule_off = DEFAULT.with_(identifier_words_together=1, code_plain_words=0)
    async with small_engine(tmp_path, DIAGNOSTICS, CONTENT) as engine:
        answer = await engine.ask(question)
        off = await SearchEngine(engine.library, policy=rule_off).ask(question)
        # The identifier's own name asked about is answered as before.
        named = await engine.ask("what does meaning_of_life return in the quill diagnostic")
    assert answer.confidence != HIGH, (answer.article, answer.passage)
    assert off.article is not None and off.article.slug == "quill-diagnostics"
    assert off.confidence == HIGH
    assert named.article is not None and named.article.slug == "quill-diagnostics"
    assert named.confidence == HIGH
