"""A release number asked about names its point releases (bot/search/versions.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.search import irregular, rerank
from bot.search.engine import SearchEngine
from bot.search.versions import point_releases
from tests.conftest import CONTENT, small_engine


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


def _post(slug: str, title: str, body: str, month: int) -> str:
    return (
        f"---\ntitle: {title}\nslug: {slug}\nauthor: Staff Writer\n"
        f"date: '2024-{month:02d}-01T00:00:00Z'\ntags: [release]\n---\n{body}\n"
    )


# Two tools with one version scheme: the installer's point release names "3.4.0", the
# release notes of the tool it installs name "3.4" (and the installer in passing).
RELEASES = {
    "notes.md": _post(
        "gizmo-3-4",
        "Announcing Gizmo 3.4",
        "<p>Gizmo 3.4 is out today, with a new cache host for the fetch command and faster "
        "builds. Get it with gizmoup as usual.</p><p>Gizmo 3.4 also drops the old config "
        "format. Thanks to everyone who tested the betas.</p>",
        3,
    ),
    "installer.md": _post(
        "gizmoup-3-4-0",
        "Announcing Gizmoup 3.4.0",
        "<p>Gizmoup 3.4.0 adds one new host, riscv64, so gizmoup installs on RISC-V boards. "
        "Update gizmoup with its self-update command.</p>",
        4,
    ),
    "other.md": _post(
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
        answer = await engine.ask(question)
        assert answer.article is not None and answer.article.slug == "gizmoup-3-4-0"
        assert "riscv64" in (answer.passage or "")
        # With "3.4.0" read as another number, the notes naming "3.4" come first.
        monkeypatch.setattr(rerank, "point_releases", lambda stems, terms: {})
        monkeypatch.setattr(irregular, "point_releases", lambda stems, terms: {})
        plain = await SearchEngine(engine.library).ask(question)
        assert plain.article is not None and plain.article.slug == "gizmo-3-4"
