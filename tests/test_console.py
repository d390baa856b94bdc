"""The console chat, driven through stdin/stdout as a member would use it when piped."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from bot.console import run_chat
from bot.library.sync import Library
from bot.search.engine import SearchEngine
from bot.service import LibraryService

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"


def service_over(library: Library) -> LibraryService:
    return LibraryService(library, SearchEngine(library))


@pytest.fixture
def seeded(seed_library: Library) -> LibraryService:
    return service_over(seed_library)


async def chat(service: LibraryService, lines: list[str]) -> str:
    out = io.StringIO()
    code = await run_chat(service, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out)
    assert code == 0
    return out.getvalue()


async def test_banner_question_and_quit(seeded) -> None:
    text = await chat(seeded, ["who was the first to receive BE-CAR7?", "/quit", "never read"])
    assert text.splitlines()[0] == "ArticleBot console — 1 articles. Type a question or /help."
    assert "Alyssa Tapley" in text
    assert "Prof Waseem Qasim" in text  # the quote with its speaker
    assert "https://www.positive.news/" in text
    assert "never read" not in text
    assert "\x1b[" not in text  # plain text when piped


async def test_every_command(seeded) -> None:
    text = await chat(
        seeded,
        [
            "/help",
            "/search blood cancer",
            "/article revolutionary therapy treats untreatable blood cancer",
            "/quote",
            "/quote Revolutionary therapy",
            "/summary revolutionary therapy",
            "/tags",
            "/tag helth",
            "/random",
            "/random science",
            "/latest 3",
        ],
    )
    assert "/search QUERY" in text  # help
    assert text.count("Revolutionary therapy treats ‘untreatable’ blood cancer") >= 5
    assert "health (1)" in text and "science (1)" in text  # /tags
    assert "Tag health (1)" in text  # fuzzy /tag
    assert "living drug" in text  # summary


async def test_odd_input_never_crashes(seeded) -> None:
    text = await chat(
        seeded,
        ["", "   ", "/", "/nope", "/latest many", "/latest -5", "/tag", "/search", '"', "NEAR(",
         "🦀" * 50, "x" * 10_000, "/article no such article at all", "recipe for banana bread"],
    )  # fmt: skip
    assert "Unknown command /nope" in text
    assert "Usage: /latest [N]" in text
    assert "No article titled" in text
    assert "could not find an article" in text
    assert "Something went wrong" not in text


async def test_end_of_input_ends_the_chat(seeded) -> None:
    out = io.StringIO()
    assert await run_chat(seeded, stdin=io.StringIO(""), stdout=out) == 0
    assert out.getvalue().startswith("ArticleBot console")


async def test_bundled_library_chat(tmp_path: Path) -> None:
    lib = Library(CONTENT, tmp_path / "b.db")
    await lib.reload()
    try:
        text = await chat(service_over(lib), ["/latest 2", "/tags", "/random"])
        assert "Latest" in text and text.count("\n- ") >= 2
    finally:
        await lib.close()


async def test_related_and_stats(tmp_path: Path) -> None:
    shutil.copytree(CONTENT, tmp_path / "content")
    (tmp_path / "content" / "broken.md").write_text("---\ntitle: [oops\n---\n")
    lib = Library(tmp_path / "content", tmp_path / "b.db")
    await lib.reload()
    try:
        text = await chat(
            service_over(lib),
            ["/related hearing aids linked to slower memory decline", "/related", "/stats",
             "/related zzzz qqqq xxxx"],
        )  # fmt: skip
    finally:
        await lib.close()
    related = text.split("== Related to Hearing aids linked to slower memory decline")[1]
    listed = [line for line in related.splitlines() if line.startswith("- ")]
    assert listed and not any(line.startswith("- Hearing aids") for line in listed)
    assert "Usage: /related TITLE" in text
    assert "14 articles from 15 files" in text and "environment (7)" in text
    assert "failing: broken.md:" in text
    assert "No article titled 'zzzz qqqq xxxx'." in text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


async def test_rich_output_on_a_terminal(seeded) -> None:
    out = _Terminal()
    stdin = io.StringIO("who was the first to receive BE-CAR7?\n/search [bold]x\n/tags\n")
    assert await run_chat(seeded, stdin=stdin, stdout=out) == 0
    text = out.getvalue()
    assert "Alyssa Tapley" in text and "\x1b[" in text  # styled


async def test_a_piped_transcript_shows_each_question(seeded) -> None:
    text = await chat(seeded, ["who was the first to receive BE-CAR7?", "/tags"])
    lines = text.splitlines()
    asked = lines.index("> who was the first to receive BE-CAR7?")
    assert "Alyssa Tapley" in "\n".join(lines[asked + 1 : lines.index("> /tags")])
    assert "health (1)" in "\n".join(lines[lines.index("> /tags") + 1 :])
