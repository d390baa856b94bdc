"""A word typed as one that a title writes as two ("vscode" for "VS Code"), rerank.Asked.apart."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.parse import parse
from bot.search.policy import DEFAULT
from bot.search.rerank import _apart
from tests.conftest import CONTENT, small_engine


def test_a_word_splits_into_two_library_words_that_are_not_function_words() -> None:
    vocab = {"vs", "code", "go", "extension", "use", "rs", "in", "stall", "gopls"}
    q = parse("how many gopls releases before the vscode default", None, DEFAULT)
    assert _apart(q, vocab, DEFAULT) == {"vs code": "vscode"}
    # "install" splits into "in" (a function word) + "stall": no; "users" is too short to
    # split ("use" + "rs", Policy.apart_letters); a word the vocabulary holds whole
    # ("gopls") is left as typed.
    q = parse("how do users install gopls", None, DEFAULT)
    assert _apart(q, vocab, DEFAULT) == {}


def _post(slug: str, title: str, body: str, month: int) -> str:
    return (
        f"---\ntitle: {title}\nslug: {slug}\nauthor: Staff Writer\n"
        f"date: '2024-{month:02d}-01T00:00:00Z'\ntags: [tools]\n---\n{body}\n"
    )


# The post the question is about names the editor in its title only, as two words; the
# other holds the question's other words in one paragraph and never names the editor.
EDITOR = {
    "default.md": _post(
        "gizmo-default",
        "Gizmo on by default in the VS Code extension",
        "<p>The extension now uses gizmo by default. We have had 24 gizmo releases, and we "
        "thank every user who reported an issue.</p>",
        2,
    ),
    "years.md": _post(
        "ten-years",
        "Ten years of Widgets",
        "<p>This year our editor plugin gained gizmo support, and it became the default. "
        "Widgets shipped several releases.</p><p>Thanks to everyone who contributed.</p>",
        3,
    ),
}


async def test_a_title_writing_a_typed_word_as_two_names_it(tmp_path: Path) -> None:
    question = "how many gizmo releases were there before it became the vscode default"
    async with small_engine(tmp_path, EDITOR, CONTENT) as engine:
        answer = await engine.ask(question)
        assert answer.article is not None and answer.article.slug == "gizmo-default"
        assert "24 gizmo releases" in (answer.passage or "")
        # Without reading "vscode" as "VS Code", the other post wins.
        whole = SearchEngine(engine.library, policy=DEFAULT.with_(apart_letters=99))
        plain = await whole.ask(question)
        assert plain.article is not None and plain.article.slug == "ten-years"
