"""The running bot's heartbeat (see bot.health), written from its event loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from pathlib import Path
from typing import Any

from bot.health import Beat, Gateway, remove_beat, write_beat

log = logging.getLogger("articlebot.discord")

STATE_TIMEOUT = 5.0


def gateway_of(bot: Any, was_ready: bool) -> Gateway:
    """How the bot's gateway connection is: starting (no bot yet, or never ready yet),
    connected, or disconnected (Discord unreachable, closed, or a shard is down)."""
    if bot is None:
        return "starting"
    if getattr(bot, "unreachable", None):
        return "disconnected"
    shards = getattr(bot, "shards", None) or {}
    down = bot.is_closed() or any(shard.is_closed() for shard in shards.values())
    if bot.is_ready() and not down:
        return "connected"
    return "disconnected" if was_ready or bot.is_closed() else "starting"


async def state_problem(state: Any) -> str | None:
    """Why the state database does not answer, or None (also before it is open)."""
    if state is None:
        return None
    try:
        await asyncio.wait_for(state.ping(), STATE_TIMEOUT)
    except TimeoutError:
        return f"no answer in {STATE_TIMEOUT:.0f} s"
    except Exception as exc:  # any failure is the answer here
        return " ".join(str(exc).split()) or type(exc).__name__
    return None


class Heartbeat:
    """Writes `path` every `interval` seconds (0: never) about `bot` and `state`, which
    are set once they exist: the heart beats from the start, while the library opens."""

    def __init__(self, path: Path, interval: float) -> None:
        self.path = path
        self.interval = interval
        self.bot: Any = None
        self.state: Any = None

    async def run(self, stop: asyncio.Event) -> None:
        """Beat until `stop`, then remove the file (a stopped bot is not a failing one)."""
        if not self.interval:
            return
        was_ready = warned = False
        try:
            while not stop.is_set():
                gateway = gateway_of(self.bot, was_ready)
                was_ready = was_ready or gateway == "connected"
                beat = Beat(time.time(), os.getpid(), gateway, await state_problem(self.state))
                try:
                    write_beat(self.path, beat)  # a few hundred bytes: no thread needed
                except OSError as exc:
                    if not warned:
                        log.warning("cannot write the heartbeat %s: %s", self.path, exc.strerror)
                        warned = True
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.interval)
        finally:
            remove_beat(self.path)
