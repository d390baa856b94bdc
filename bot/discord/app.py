"""Entry points for the command line: run the bot, or only sync its slash commands."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from typing import Any

import discord

from bot.discord.client import ArticleBot, Clock, utc_now
from bot.discord.commandsync import sync_tree
from bot.discord.endpoints import use_endpoints
from bot.library.sync import Library
from bot.settings import Settings

log = logging.getLogger("articlebot.discord")


def create_bot(
    settings: Settings,
    *,
    library: Library | None = None,
    engine: Any = None,
    state: Any = None,
    clock: Clock = utc_now,
    **options: Any,
) -> ArticleBot:
    """A configured, not yet started bot. Whatever is passed in is used and not closed."""
    return ArticleBot(settings, library=library, engine=engine, state=state, clock=clock, **options)


def setup_logging(settings: Settings) -> None:
    """Logging the discord.py way; replaces the command line's plain root handler."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    discord.utils.setup_logging(level=getattr(logging, settings.log_level.upper()), root=True)


def _point_at(settings: Settings) -> None:
    if settings.discord_api_base or settings.discord_gateway_url:
        use_endpoints(settings.discord_api_base, settings.discord_gateway_url)
        log.info(
            "using Discord endpoints %s / %s",
            settings.discord_api_base or "default",
            settings.discord_gateway_url or "default",
        )


def _login_problem(exc: BaseException) -> str | None:
    """A one-line explanation for start-up failures a user can fix."""
    if isinstance(exc, discord.LoginFailure):
        return "Discord rejected DISCORD_TOKEN: check the bot token in the developer portal"
    if isinstance(exc, discord.PrivilegedIntentsRequired):
        return "Discord refused a privileged intent: enable it in the developer portal (Bot tab)"
    return None


async def run_bot(settings: Settings) -> int:
    """Connect to Discord and serve until SIGINT/SIGTERM; 0 on a clean shutdown."""
    setup_logging(settings)
    _point_at(settings)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    bot = create_bot(settings)
    try:
        runner = asyncio.create_task(bot.start(settings.discord_token), name="articlebot")
        stopper = asyncio.create_task(stop.wait(), name="articlebot-signals")
        done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if stopper in done:
            log.info("signal received: shutting down")
            await bot.close()
            with contextlib.suppress(Exception):
                await runner
            return 0
        stopper.cancel()
        exc = runner.exception()
        if exc is not None:
            problem = _login_problem(exc)
            if problem is None:
                raise exc
            print(f"error: {problem}", file=sys.stderr)
            return 2
        return 0
    finally:
        await bot.close()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(sig)


async def sync_commands(settings: Settings) -> int:
    """Log in, sync the slash commands (to DISCORD_GUILD_ID when set), and exit."""
    setup_logging(settings)
    _point_at(settings)
    bot = create_bot(settings, prepare_library=False, sync_on_start=False)
    try:
        try:
            await bot.login(settings.discord_token)  # runs setup_hook: cogs, state
        except discord.LoginFailure as exc:
            print(f"error: {_login_problem(exc)}", file=sys.stderr)
            return 2
        await sync_tree(
            bot.tree,
            bot.state,
            application_id=bot.application_id,
            guild_id=settings.discord_guild_id,
            force=True,
        )
        where = f"guild {settings.discord_guild_id}" if settings.discord_guild_id else "all servers"
        print(f"slash commands synced to {where}")
        return 0
    finally:
        await bot.close()
