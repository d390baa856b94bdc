"""Starting `python -m bot run`: an unreachable Discord is waited out, a bad token or a
corrupt state database is one line, and the logs are plain text where no one reads colour."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path

import discord
import pytest

from bot.discord.app import create_bot, setup_logging
from bot.settings import Settings
from tests.conftest import ROOT
from tests.fakediscord import FakeDiscord


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Bot:
    """`python -m bot run` in a subprocess, its stderr read line by line."""

    def __init__(self, settings: Settings, port: int, **env: str) -> None:
        self.settings, self.port, self.env = settings, port, env
        self.lines: list[str] = []
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        base = f"http://127.0.0.1:{self.port}"
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run",
            stderr=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.DEVNULL,
            cwd=self.settings.content_dir.parent,
            env={
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "PYTHONPATH": str(ROOT),
                "CONTENT_DIR": str(self.settings.content_dir),
                "ARTICLES_DB": str(self.settings.articles_db),
                "STATE_DATABASE_URL": self.settings.state_database_url,
                "DISCORD_TOKEN": "fake-bot-token",
                "DISCORD_API_BASE": f"{base}/api/v10",
                "DISCORD_GATEWAY_URL": f"ws://127.0.0.1:{self.port}/gateway",
                **self.env,
            },
        )  # fmt: skip

    async def wait_for(self, found: Callable[[list[str]], bool], seconds: float) -> None:
        assert self.proc is not None and self.proc.stderr is not None
        async with asyncio.timeout(seconds):
            while not found(self.lines):
                line = await self.proc.stderr.readline()
                if not line:
                    raise AssertionError("the bot ended:\n" + "".join(self.lines))
                self.lines.append(line.decode())

    async def finish(self, seconds: float = 30) -> int:
        assert self.proc is not None and self.proc.stderr is not None
        async with asyncio.timeout(seconds):
            rest = await self.proc.stderr.read()
            self.lines += rest.decode().splitlines(keepends=True)
            return await self.proc.wait()

    def kill(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()


@contextlib.asynccontextmanager
async def fake_on(port: int, token: str = "fake-bot-token"):
    fake = FakeDiscord(token=token)
    await fake.start(port)
    try:
        yield fake
    finally:
        await fake.close()


async def test_an_unreachable_discord_is_waited_out(settings: Settings) -> None:
    port = free_port()
    bot = Bot(settings, port)
    await bot.start()
    try:
        await bot.wait_for(lambda ls: sum("cannot reach Discord" in x for x in ls) >= 2, 30)
        async with fake_on(port):
            await bot.wait_for(lambda ls: any("connected as" in x for x in ls), 60)
            assert bot.proc is not None
            bot.proc.send_signal(signal.SIGTERM)
            assert await bot.finish() == 0
    finally:
        bot.kill()
    text = "".join(bot.lines)
    assert "Traceback" not in text, text
    tries = [x for x in bot.lines if "cannot reach Discord" in x]
    assert "try 1" in tries[0] and "try 2" in tries[1]
    before = text[: text.index("connected as")]
    assert before.count("logging in") == 1, "one line per try, not two"


async def test_a_rejected_token_is_one_line(settings: Settings) -> None:
    port = free_port()
    async with fake_on(port, token="another-token"):
        bot = Bot(settings, port)
        await bot.start()
        try:
            code = await bot.finish()
        finally:
            bot.kill()
    assert code == 2
    assert bot.lines[-1].startswith("error: Discord rejected DISCORD_TOKEN")
    assert "Traceback" not in "".join(bot.lines)


async def test_a_corrupt_state_database_fails_fast_in_run(settings: Settings) -> None:
    state = settings.content_dir.parent / "state.db"
    state.write_bytes(os.urandom(20_000))
    port = free_port()
    async with fake_on(port):
        bot = Bot(settings, port, STATE_DATABASE_URL=f"sqlite:///{state}")
        await bot.start()
        try:
            code = await bot.finish(seconds=60)
        finally:
            bot.kill()
    assert code == 2, "".join(bot.lines)
    assert bot.lines[-1].startswith("error: cannot open state database")
    assert "Traceback" not in "".join(bot.lines)


def test_logs_have_no_colour_codes_where_no_terminal_reads_them(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = logging.getLogger()
    saved = list(root.handlers), root.level
    stream = io.StringIO()
    monkeypatch.setattr(discord.utils, "is_docker", lambda: True)  # discord.py colours there
    monkeypatch.setattr(sys, "stderr", stream)
    try:
        setup_logging(settings)
        logging.getLogger("articlebot.test").warning("library at start-up: 14 added")
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in saved[0]:
            root.addHandler(handler)
        root.setLevel(saved[1])
    assert "library at start-up: 14 added" in stream.getvalue()
    assert "\x1b[" not in stream.getvalue()


def test_no_voice_warnings_for_a_bot_without_voice(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = True  # as on a fresh start
    with caplog.at_level(logging.WARNING):
        create_bot(settings)
    assert not [r for r in caplog.records if "voice" in r.getMessage()]


def test_the_test_run_shows_no_audioop_warning(tmp_path: Path) -> None:
    probe = tmp_path / "test_probe.py"
    probe.write_text("import discord\n\n\ndef test_import():\n    assert discord.Client\n")
    out = __import__("subprocess").run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c",
         str(ROOT / "pyproject.toml"), "--rootdir", str(ROOT), str(probe)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout
    assert "audioop" not in out.stdout and "warning" not in out.stdout.lower(), out.stdout
