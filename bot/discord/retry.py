"""Waiting out an unreachable Discord at start-up: backoff, and one log line per try.

Before the bot is up it makes two requests: the login (GET /users/@me) and, without
SHARD_COUNT, the gateway lookup (GET /gateway/bot) that says how many shards to run.
discord.py gives up at the first failure of either; a crash then would make Docker restart
the bot in a loop, each time with a trace. A rejected token is not waited out: the caller
turns it into a one-line exit.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import discord

log = logging.getLogger("articlebot.discord")

# Network failures worth waiting out (Discord down, DNS, no route yet); a rejected token or
# intent is not one of them.
UNREACHABLE = (OSError, aiohttp.ClientError, TimeoutError, discord.DiscordServerError)
FIRST_RETRY_SECONDS = 1.0
MAX_RETRY_SECONDS = 60.0


def unreachable(exc: BaseException) -> str | None:
    """Why Discord could not be reached, when `exc` is worth waiting out; else None."""
    if isinstance(exc, discord.GatewayNotFound):
        # discord.py wraps every HTTP error of the gateway lookup in GatewayNotFound: only
        # Discord's own 5xx is transient (a 401 is a rejected token).
        exc = exc.__cause__ if isinstance(exc.__cause__, discord.DiscordServerError) else exc
    if not isinstance(exc, UNREACHABLE):
        return None
    return " ".join(str(exc).split()) or type(exc).__name__


async def with_retry(
    bot: Any,
    step: Callable[[], Awaitable[None]],
    what: str,
    *,
    first_delay: float = FIRST_RETRY_SECONDS,
    before_retry: Callable[[], Awaitable[None]] | None = None,
) -> None:
    """Run `step` until it succeeds, waiting out an unreachable Discord with backoff (up
    to MAX_RETRY_SECONDS apart) and one warning per try; other errors are raised.

    While it waits, `bot.unreachable` says why, so the heartbeat reports the bot unhealthy.
    """
    delay = first_delay
    attempt = 1
    while True:
        try:
            await step()
        except Exception as exc:
            reason = unreachable(exc)
            if reason is None:
                raise
            bot.unreachable = reason
            log.warning(
                "cannot reach %s (try %d: %s); retrying in %.0f s", what, attempt, reason, delay
            )
        else:
            bot.unreachable = None
            return
        if before_retry is not None:
            await before_retry()
        await asyncio.sleep(delay)
        delay = min(delay * 2, MAX_RETRY_SECONDS)
        attempt += 1
