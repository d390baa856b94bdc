"""`python -m bot run` in a subprocess against a fake Discord on 127.0.0.1: for tests of
what only a fresh process shows (start-up, restarts)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Callable

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

    async def stop(self) -> int:
        """Stop the bot as Docker does (SIGTERM); its exit code."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        return await self.finish()

    def kill(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()


@contextlib.asynccontextmanager
async def fake_on(port: int, token: str = "fake-bot-token") -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord(token=token)
    await fake.start(port)
    try:
        yield fake
    finally:
        await fake.close()
