"""`bot health`: the cache holds articles, and the running bot (if any) is alive."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time

import pytest

from bot.discord.app import create_bot
from bot.settings import Settings
from tests.conftest import ROOT
from tests.fakediscord import FakeDiscord


def health(settings: Settings, interval: int = 10) -> subprocess.CompletedProcess:
    """`python -m bot health` in another process, as Docker's HEALTHCHECK runs it."""
    return subprocess.run(
        [sys.executable, "-m", "bot", "health"],
        capture_output=True,
        text=True,
        cwd=settings.content_dir.parent,
        timeout=60,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHONPATH": str(ROOT),
            "CONTENT_DIR": str(settings.content_dir),
            "ARTICLES_DB": str(settings.articles_db),
            "HEARTBEAT_SECONDS": str(interval),
        },
    )


def write_beat(settings: Settings, age: float, gateway: str, state: str | None = None) -> None:
    """The heartbeat file a running bot would have written `age` seconds ago."""
    beat = {"at": time.time() - age, "pid": 4242, "gateway": gateway, "state": state}
    settings.heartbeat_file.write_text(json.dumps(beat), encoding="utf-8")


def reload(settings: Settings) -> None:
    subprocess.run(
        [sys.executable, "-m", "bot", "--content", str(settings.content_dir), "--db",
         str(settings.articles_db), "reload"],
        check=True, capture_output=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)},
    )  # fmt: skip


def test_a_missing_cache_is_exit_1_not_2(settings: Settings) -> None:
    out = health(settings)  # Docker reserves 2; 1 means unhealthy
    assert out.returncode == 1 and out.stderr.startswith("unhealthy:"), out.stderr
    assert out.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("age", "gateway", "state", "problem"),
    [
        (100, "connected", None, "has not written its heartbeat for"),
        (1, "disconnected", None, "not connected to Discord"),
        (1, "connected", "connection refused", "cannot reach its state database"),
    ],
)
def test_a_stuck_or_cut_off_bot_is_unhealthy(
    settings: Settings, age: int, gateway: str, state: str | None, problem: str
) -> None:
    reload(settings)
    write_beat(settings, age, gateway, state)
    out = health(settings)
    # (The age said is the file's age when the check runs: seconds more on a busy machine.)
    assert out.returncode == 1 and problem in out.stderr, out.stderr


def test_a_live_bot_and_no_bot_are_both_healthy(settings: Settings) -> None:
    reload(settings)
    assert health(settings).stdout.strip() == "ok: 14 articles"  # no bot has run here
    write_beat(settings, 0, "connected")
    out = health(settings)
    assert out.returncode == 0 and "alive" in out.stdout


async def test_the_running_bot_beats_and_a_stuck_loop_shows(
    fake_discord: FakeDiscord, settings: Settings
) -> None:
    from bot.discord.heartbeat import Heartbeat

    bot = await fake_discord.start_bot(create_bot(settings, guild_ready_timeout=0.05))
    heart = Heartbeat(settings.heartbeat_file, 1)
    heart.bot, heart.state = bot, bot.service.state
    stop = asyncio.Event()
    task = asyncio.create_task(heart.run(stop))
    for _ in range(50):
        await asyncio.sleep(0.1)
        if settings.heartbeat_file.exists():
            data = json.loads(settings.heartbeat_file.read_text())
            if data["gateway"] == "connected":
                break
    assert data["gateway"] == "connected" and data["state"] is None and data["pid"] == os.getpid()
    out = health(settings, interval=1)
    assert out.returncode == 0 and "alive" in out.stdout, out.stderr

    time.sleep(3.5)  # noqa: ASYNC251 - the event loop is stuck (this test blocks it) …
    stuck = health(settings, interval=1)  # … and still is while health looks
    assert stuck.returncode == 1 and "has not written its heartbeat" in stuck.stderr

    stop.set()
    await task
    assert not settings.heartbeat_file.exists(), "a clean stop removes the heartbeat"
