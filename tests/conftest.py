"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.library.sync import Library
from bot.search.engine import SearchEngine
from bot.search.policy import DEFAULT, Policy
from bot.search.results import HIGH, LOW
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CONTENT = ROOT / "content"


# The keys of `ask --json` (bot/search/results.py Answer.as_json), "results" aside.
ASK_JSON_KEYS = {
    "question",
    "article",
    "answer",
    "summary",
    "quote",
    "alternatives",
    "confidence",
    "reply",
}


def project_modules_imported(module: str) -> set[str]:
    """The project's modules (packages' own __init__ aside) a fresh interpreter holds once
    it has imported `module`: what a fingerprint of the code deciding something (the
    parser's, the stems', the cards' version) must cover."""
    loaded = subprocess.run(
        [sys.executable, "-c", f"import sys, {module}; print(*sorted(sys.modules))"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    packages = {"bot", "bot.library", "bot.search"}
    return {m for m in loaded if m.startswith("bot.") and m not in packages}


@contextlib.asynccontextmanager
async def loaded_library(content: Path, db: Path) -> AsyncIterator[Library]:
    """A library over `content`, reloaded into the cache `db`, closed afterwards."""
    lib = Library(content, db)
    await lib.reload()
    try:
        yield lib
    finally:
        await lib.close()


@contextlib.asynccontextmanager
async def small_engine(
    tmp_path: Path, files: dict[str, str], base: Path | None = None
) -> AsyncIterator[SearchEngine]:
    """An engine over a library of these files (name -> text), with the articles of `base`
    when given, closed afterwards."""
    content = tmp_path / "content"
    if base is not None:
        shutil.copytree(base, content)
    content.mkdir(exist_ok=True)
    for name, text in files.items():
        (content / name).write_text(text, encoding="utf-8")
    async with loaded_library(content, tmp_path / "small.db") as lib:
        yield SearchEngine(lib)


def tool_post(slug: str, title: str, body: str, month: int = 3) -> str:
    """An article file of a tools blog (2024, the month given), for small_engine."""
    return (
        f"---\ntitle: {title}\nslug: {slug}\nauthor: Staff Writer\n"
        f"date: '2024-{month:02d}-01T00:00:00Z'\ntags: [tools]\n---\n{body}\n"
    )


def dated_post(slug: str, title: str, date: str, *paragraphs: str, about: str = "") -> str:
    """An article file dated `date` (YYYY-MM-DD), one <p> a paragraph, described as
    `about` when given, for small_engine."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    described = f"description: {about}\n" if about else ""
    return (
        f"---\ntitle: {title}\nslug: {slug}\nauthor: Staff Writer\n{described}"
        f"date: '{date}T00:00:00Z'\ntags: [news]\n---\n{body}\n"
    )


def described_post(slug: str, title: str, body: str) -> str:
    """An article file with a description of its own, adding no words to the title
    vocabulary typos are first corrected against (else the parser takes one from the
    body, and its words join it), for small_engine."""
    return (
        f"---\ntitle: {title}\nslug: {slug}\nauthor: Staff Writer\n"
        f"description: A note from the club.\ndate: '2025-03-01T00:00:00Z'\n---\n{body}\n"
    )


async def corrected_by(library: Library, question: str, policy: Policy = DEFAULT) -> str | None:
    """The question as a new engine over `library`, spelling by `policy`, searches it with
    its typos corrected (None: as typed)."""
    return (await SearchEngine(library, policy=policy).search(question)).corrected


async def answered_by(
    library: Library, question: str, policy: Policy = DEFAULT
) -> tuple[str | None, str]:
    """The slug of the article a new engine over `library`, ranking by `policy`, answers
    `question` with (None: no article), and its passage ("" when none)."""
    answer = await SearchEngine(library, policy=policy).ask(question)
    return (answer.article.slug if answer.article else None), answer.passage or ""


async def assert_rule_makes_closest(
    library: Library, question: str, slug: str, sure: Policy, without: Policy
) -> None:
    """`question` is answered by `slug` as the closest match under `sure` (the confident
    floor lowered so that the score alone would be confident), and confidently under
    `without`: `sure` with the rule at hand switched off. A confidence rule's test shows
    both: the article is still found, and the rule alone makes it uncertain."""
    ruled = await SearchEngine(library, policy=sure).ask(question)
    unruled = await SearchEngine(library, policy=without).ask(question)
    assert (ruled.article and ruled.article.slug, ruled.confidence) == (slug, LOW)
    assert (unruled.article and unruled.article.slug, unruled.confidence) == (slug, HIGH)


async def assert_rule_decides(
    tmp_path: Path,
    files: dict[str, str],
    question: str,
    answer: tuple[str, str],
    without: Policy,
    other: str,
) -> None:
    """Over these files and content/, `question` is answered by `answer`'s article (slug,
    text its passage holds), and by `other` under `without`: the policy with the rule at
    hand switched off. A ranking rule's test shows both: what it does, and that it decides."""
    async with small_engine(tmp_path, files, CONTENT) as engine:
        slug, passage = await answered_by(engine.library, question)
        assert (slug, answer[1] in passage) == (answer[0], True), (slug, passage)
        assert (await answered_by(engine.library, question, without))[0] == other


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when that folder is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the shared corpus next to the project")
    return path


@pytest.fixture
def seed_dir() -> Path:
    return shared_path("seed")


@pytest.fixture
def blogs_dir() -> Path:
    return shared_path("corpus", "blogs")


@pytest.fixture
def real_dir() -> Path:
    return shared_path("corpus", "real")


@pytest.fixture
async def lib(tmp_path: Path):
    """A library over an empty content folder, opened (test_sync, test_bad_files_keep_served;
    modules with a `lib` of their own read theirs)."""
    content = tmp_path / "content"
    content.mkdir()
    library = Library(content, tmp_path / "data" / "articles.db")
    await library.open()
    yield library
    await library.close()


@pytest.fixture
async def seed_library(seed_dir: Path, tmp_path: Path):
    """The one-article seed library, loaded into a fresh cache."""
    async with loaded_library(seed_dir, tmp_path / "seed.db") as lib:
        yield lib


@pytest.fixture
async def library(tmp_path: Path):
    """The bundled content/ copied into tmp_path/content (a test may add or change its
    files there), loaded into a fresh cache (test_index_file, test_search_index)."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    async with loaded_library(content, tmp_path / "articles.db") as lib:
        yield lib


@pytest.fixture
async def bundled_library(tmp_path: Path):
    """The bundled content/ (14 articles), loaded into a fresh cache."""
    async with loaded_library(CONTENT, tmp_path / "bundled.db") as lib:
        yield lib


@pytest.fixture
def engine(bundled_library: Library) -> SearchEngine:
    """A search engine over bundled_library (a module with an `engine` of its own reads
    that one)."""
    return SearchEngine(bundled_library)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Bot settings over a copy of the bundled content/ and a fresh state database."""
    shutil.copytree(CONTENT, tmp_path / "content")
    return Settings(
        content_dir=tmp_path / "content",
        articles_db=tmp_path / "data" / "articles.db",
        state_database_url=f"sqlite:///{tmp_path}/data/state.db",
        discord_token="fake-bot-token",
        cooldown_queries=1000,  # the cooldown has its own test
        cooldown_seconds=30,
    )


# The fake Discord (tests/fakediscord) as a fixture for every end-to-end test.
from tests.fakediscord import fake_discord  # noqa: E402, F401


def unprivileged() -> list[str]:
    """A command prefix under which file permissions apply, as they do to a real user.

    Root ignores them (CAP_DAC_OVERRIDE); setpriv drops that capability for the command.
    Skips the test where neither works.
    """
    import os

    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
