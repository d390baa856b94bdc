"""An ordinary English word a passage holds only in a code block's line of code is no
distinctive word of the question held (Policy.code_plain_words): `$ cat go.mod` does not
answer "where did my cat go" with confidence; a question that reads as code keeps it."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.identifiers import only_in_code, written_as_code
from bot.search.policy import DEFAULT
from bot.search.results import HIGH
from tests.conftest import CONTENT, small_engine, tool_post


def test_a_word_held_only_in_a_code_blocks_line_of_code_is_told_apart() -> None:
    shell = ("$ cat go.mod", "pre", {"cat", "go"})
    assert only_in_code([shell], {"cat"}) == {"cat"}
    # Written in prose too, anywhere in the passage: held.
    assert only_in_code([shell, ("Our cat sleeps all day.", "text", {"cat"})], {"cat"}) == set()
    # A letter a mail archive wraps in <pre> is prose; so is a quoted line outside code.
    assert only_in_code([("At its core, ATP offers a store", "pre", {"core"})], {"core"}) == set()
    assert only_in_code([("> my cat is fine", "text", {"cat"})], {"cat"}) == set()


def test_a_question_written_in_code_form_is_told() -> None:
    assert written_as_code("how do i cat go.mod")
    assert written_as_code("what does go get -u do")
    assert written_as_code("what does `cat` print")
    assert not written_as_code("where did my cat go")
    assert not written_as_code("is it well-made, e.g. sturdy?")


MODULES = {
    "modules.md": tool_post(
        "moving-to-modules",
        "Moving a project to Go modules",
        "<p>Go projects now declare their dependencies in a module file. Moving an old "
        "project over takes one command, and the tool writes the file for you:</p>"
        "<pre><code>$ go mod init example.com/project\n"
        "$ cat go.mod\n"
        "module example.com/project</code></pre>"
        "<p>Commit the module file with the code so every build sees the same versions.</p>",
    ),
}


async def test_an_everyday_word_only_in_a_shell_line_answers_with_no_confidence(
    tmp_path: Path,
) -> None:
    question = "where did my cat go"
    rule_off = DEFAULT.with_(code_plain_words=0)
    async with small_engine(tmp_path, MODULES, CONTENT) as engine:
        answer = await engine.ask(question)
        off = await SearchEngine(engine.library, policy=rule_off).ask(question)
        # Asked in code form, the command is what the question is about.
        coded = await engine.ask("how do i cat go.mod to see the module")
    assert answer.confidence != HIGH, (answer.article, answer.passage)
    assert off.article is not None and off.article.slug == "moving-to-modules"
    assert off.confidence == HIGH
    assert coded.article is not None and coded.article.slug == "moving-to-modules"
    assert coded.confidence == HIGH
