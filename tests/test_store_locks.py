"""A second process beside the running bot must leave the bot's article cache intact.

POSIX locks belong to a process: if the bot closed any descriptor of articles.db of its
own, SQLite's locks would go with it, and the next process to close the cache (`bot
health`, run by the container's HEALTHCHECK every 30 s) would delete the live WAL.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from bot.discord.app import create_bot
from bot.settings import Settings
from tests.conftest import ROOT
from tests.fakediscord import FakeDiscord


async def run_cli(settings: Settings, *args: str) -> tuple[int, str]:
    """`python -m bot ARGS` in a second process over the same content and cache."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        cwd=settings.content_dir.parent,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHONPATH": str(ROOT),
            "CONTENT_DIR": str(settings.content_dir),
            "ARTICLES_DB": str(settings.articles_db),
            "STATE_DATABASE_URL": settings.state_database_url,
        },
    )
    out, _ = await asyncio.wait_for(proc.communicate(), 60)
    return proc.returncode or 0, out.decode()


async def test_health_in_a_second_process_leaves_the_running_bots_wal(
    fake_discord: FakeDiscord, settings: Settings
) -> None:
    bot = await fake_discord.start_bot(create_bot(settings, guild_ready_timeout=0.05))
    wal = Path(f"{settings.articles_db}-wal")
    assert wal.exists(), "the running bot's cache is in WAL mode"

    for _ in range(2):  # as the HEALTHCHECK does, again and again
        code, out = await run_cli(settings, "health")
        assert code == 0, out
        assert wal.exists(), "a second process deleted the running bot's WAL"

    # The bot still reloads and serves what changed.
    (settings.content_dir / "zeppelins.md").write_text(
        "---\ntitle: Zeppelins return to the skies\ntags: [transport]\n---\n"
        "<p>Three zeppelins now carry freight between the islands.</p>\n",
        encoding="utf-8",
    )
    report = await bot.service.reload()
    assert report.added == 1 and not report.failed
    assert await bot.service.count() == 15
    found = await bot.service.search("zeppelins")
    assert found.hits and found.hits[0].title == "Zeppelins return to the skies"
    code, out = await run_cli(settings, "stats")
    assert code == 0 and "15 articles" in out, out
