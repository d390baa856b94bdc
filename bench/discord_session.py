"""What the fake-Discord drivers (bench/discord_journey.py, bench/discord_replies_dump.py)
share: the lines of their input file, the library folder a walk runs over, the bot's
settings over it and a started fake Discord.

Libraries (always a temporary folder; corpus files are read from ../shared, never copied
into the project):
- "content": a copy of content/ (the clock of those walks is 10 May 2026);
- "mixed": ../shared/corpus/real and blogs;
- "real:N": N news exports of ../shared/corpus/real, every other file in path order (a
  spread over the years, the same N each run);
- "empty": no article yet (a server setting the bot up; files are added by the walk);
- "corpus:GLOB,GLOB,...": the files of ../shared/corpus the globs name (relative to it, e.g.
  "real/*/*/*/*dune*.md,blogs/*/*/*/*intro-generics*.md"), each glob naming at least one:
  a library whose every file a walk names.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def input_lines(path: Path) -> Iterator[str]:
    """The lines of a driver's input file that say something: not blank, not a # comment."""
    for line in path.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


def library_folder(library: str, folder: Path) -> Path:
    """Fill `folder`/content with `library`'s articles (see the module doc); return it."""
    content = folder / "content"
    name, _, count = library.partition(":")
    if name == "content":
        shutil.copytree(ROOT / "content", content)
    elif name == "mixed":
        shutil.copytree(CORPUS / "real", content / "real")
        shutil.copytree(CORPUS / "blogs", content / "blogs")
    elif name == "real":
        files = sorted((CORPUS / "real").rglob("*.md"))[::2][: int(count)]
        for src in files:
            dst = content / src.relative_to(CORPUS / "real")
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
    elif name == "empty":
        content.mkdir(parents=True)
    elif name == "corpus":
        content.mkdir(parents=True)
        for pattern in count.split(","):
            files = sorted(CORPUS.glob(pattern.strip()))
            if not files:
                raise ValueError(f"no file of {CORPUS} matches {pattern!r}")
            for src in files:
                dst = content / src.relative_to(CORPUS)
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dst)
    else:
        raise ValueError(f"unknown library {library!r}")
    return content


def library_now(library: str) -> datetime:
    """The walk's clock: content/'s articles run to May 2026, the corpus is read as of today."""
    if library.partition(":")[0] in ("content", "empty"):
        return datetime(2026, 5, 10, 12, tzinfo=UTC)
    return datetime(2026, 12, 7, 12, tzinfo=UTC)


def bot_settings(content: Path, folder: Path) -> Any:
    """The bot's settings over `content`, its cache and state in `folder`; no cooldown."""
    from bot.settings import Settings

    return Settings(
        content_dir=content,
        articles_db=folder / "articles.db",
        state_database_url=f"sqlite:///{folder}/state.db",
        discord_token="fake-bot-token",
        cooldown_queries=1000,
        cooldown_seconds=30,
    )


async def started_fake() -> Any:
    """A started fake Discord that waits as long as a slow answer takes."""
    from tests.fakediscord import FakeDiscord

    fake = FakeDiscord(timeout=60.0, interaction_deadline=None)
    await fake.start()
    return fake
