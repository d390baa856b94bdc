"""Words the rerank reads as the question's though written otherwise: a release number's
point releases (bot/search/versions.py) and a word typed as one that a title writes as two
(rerank.Asked.apart)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.search import irregular, rerank
from bot.search.parse import parse
from bot.search.policy import DEFAULT
from bot.search.rerank import _apart
from bot.search.versions import point_releases, release_of
from tests.conftest import CONTENT, answered_by, assert_rule_decides, small_engine, tool_post


def test_a_release_number_names_its_point_releases_and_nothing_else() -> None:
    stems = " gizmo 1.22.0 1.22.1 1.221 1.2 1.22rc1 v1.22.3 \n 1.22.0.4 go1.22.5 "
    assert point_releases(stems, ["1.22", "gizmo"]) == {
        "1.22.0": "1.22",
        "1.22.1": "1.22",
        "1.22.0.4": "1.22",
    }
    # "1.2" is not "1.21" nor "1.22": only whole dotted parts extend a number.
    assert point_releases(" 1.21 1.22 1.2.7 ", ["1.2"]) == {"1.2.7": "1.2"}
    assert point_releases(" 1.22.0 ", ["gizmo", "2024"]) == {}


# Two tools with one version scheme: the installer's point release names "3.4.0", the
# release notes of the tool it installs name "3.4" (and the installer in passing).
RELEASES = {
    "notes.md": tool_post(
        "gizmo-3-4",
        "Announcing Gizmo 3.4",
        "<p>Gizmo 3.4 is out today, with a new cache host for the fetch command and faster "
        "builds. Get it with gizmoup as usual.</p><p>Gizmo 3.4 also drops the old config "
        "format. Thanks to everyone who tested the betas.</p>",
        3,
    ),
    "installer.md": tool_post(
        "gizmoup-3-4-0",
        "Announcing Gizmoup 3.4.0",
        "<p>Gizmoup 3.4.0 adds one new host, riscv64, so gizmoup installs on RISC-V boards. "
        "Update gizmoup with its self-update command.</p>",
        4,
    ),
    "other.md": tool_post(
        "gizmo-plugins",
        "Writing Gizmo plugins",
        "<p>Plugins hook into the fetch and status commands. A plugin is a small script "
        "the status command runs after every change.</p>",
        5,
    ),
}


async def test_a_point_release_answers_a_question_naming_its_release_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The installer's 3.4.0 post holds the question's words as the notes do, and "3.4" as
    # "3.4.0": read as the same release, it is the answer.
    question = "which new gizmoup host came with 3.4"
    async with small_engine(tmp_path, RELEASES, CONTENT) as engine:
        slug, passage = await answered_by(engine.library, question)
        assert slug == "gizmoup-3-4-0" and "riscv64" in passage
        # With "3.4.0" read as another number, the notes naming "3.4" come first.
        monkeypatch.setattr(rerank, "point_releases", lambda stems, terms: {})
        monkeypatch.setattr(irregular, "point_releases", lambda stems, terms: {})
        assert (await answered_by(engine.library, question))[0] == "gizmo-3-4"


# -- a word typed as one, written as two --------------------------------------------------


def test_a_word_splits_into_two_library_words_that_are_not_function_words() -> None:
    vocab = {"vs", "code", "go", "extension", "use", "rs", "in", "stall", "gopls"}
    q = parse("how many gopls releases before the vscode default", None, DEFAULT)
    assert _apart(q, vocab, DEFAULT) == {"vs code": "vscode"}
    # "install" splits into "in" (a function word) + "stall": no; "users" is too short to
    # split ("use" + "rs", Policy.apart_letters); a word the vocabulary holds whole
    # ("gopls") is left as typed.
    q = parse("how do users install gopls", None, DEFAULT)
    assert _apart(q, vocab, DEFAULT) == {}


# The post the question is about names the editor in its title only, as two words; the
# other holds the question's other words in one paragraph and never names the editor.
EDITOR = {
    "default.md": tool_post(
        "gizmo-default",
        "Gizmo on by default in the VS Code extension",
        "<p>The extension now uses gizmo by default. We have had 24 gizmo releases, and we "
        "thank every user who reported an issue.</p>",
        2,
    ),
    "years.md": tool_post(
        "ten-years",
        "Ten years of Widgets",
        "<p>This year our editor plugin gained gizmo support, and it became the default. "
        "Widgets shipped several releases.</p><p>Thanks to everyone who contributed.</p>",
        3,
    ),
}


async def test_a_title_writing_a_typed_word_as_two_names_it(tmp_path: Path) -> None:
    question = "how many gizmo releases were there before it became the vscode default"
    # Without reading "vscode" as "VS Code", the other post wins (count_head off too: "24
    # gizmo releases", the count of what is asked, would choose the post on its own).
    whole = DEFAULT.with_(apart_letters=99, count_head=0.0)
    answer = ("gizmo-default", "24 gizmo releases")
    await assert_rule_decides(tmp_path, EDITOR, question, answer, whole, "ten-years")


# -- a release written x.y is x.y.0, not its later point release ------------------------


def test_a_release_is_its_zero_point_release_and_not_a_later_fix() -> None:
    assert release_of("1.80.0", "1.80") and release_of("1.80", "1.80")
    assert release_of("1.80.0.0", "1.80")
    assert not release_of("1.80.1", "1.80") and not release_of("1.80.0.4", "1.80")


POINT = {
    "feature.md": tool_post(
        "gizmo-3-4-0",
        "Announcing Gizmo 3.4.0",
        "<p>The Gizmo team is happy to announce a new version of Gizmo, 3.4.0.</p>"
        + "".join(
            f"<p>The {part} command learned to print the age of the lock file, to retry a "
            f"download that times out, and to read its settings from the project folder "
            f"before the home folder.</p>"
            for part in ("fetch", "status", "clean", "check", "bench")
        )
        + "<p>The cache moves to a host that serves every region.</p>",
        3,
    ),
    "fix.md": tool_post(
        "gizmo-3-4-1",
        "Announcing Gizmo 3.4.1",
        "<p>The Gizmo team has published a new point release of Gizmo, 3.4.1.</p>",
        4,
    ),
}


async def test_a_release_written_x_y_is_answered_by_the_x_y_0_notes(tmp_path: Path) -> None:
    # The fix's notes are shorter, so the first stage scores them higher; both titles name
    # "3.4" (point_releases), but only 3.4.0 names it as the release itself.
    question = "what changed in gizmo 3.4"
    rule_off = DEFAULT.with_(point_release_share=1.0)
    async with small_engine(tmp_path, POINT, CONTENT) as engine:
        assert (await answered_by(engine.library, question))[0] == "gizmo-3-4-0"
        assert (await answered_by(engine.library, question, rule_off))[0] == "gizmo-3-4-1"
        # Asked by its own number, the point release is the answer.
        assert (await answered_by(engine.library, "what changed in gizmo 3.4.1"))[0] == (
            "gizmo-3-4-1"
        )
