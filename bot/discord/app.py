"""Entry points for the command line: run the bot, or only sync its slash commands."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from typing import Any

import discord

from bot.discord.client import ArticleBot, open_bot_service
from bot.discord.commandsync import sync_tree
from bot.discord.endpoints import use_endpoints
from bot.discord.heartbeat import Heartbeat
from bot.discord.retry import FIRST_RETRY_SECONDS, with_retry
from bot.service import Clock, LibraryService, Refresh, open_service, utc_now
from bot.settings import Settings

log = logging.getLogger("articlebot.discord")


def create_bot(
    settings: Settings,
    *,
    service: LibraryService | None = None,
    clock: Clock = utc_now,
    **options: Any,
) -> ArticleBot:
    """A configured, not yet started bot over `service` (used, not closed); without one,
    the bot opens its own when it starts and closes it with itself."""
    return ArticleBot(settings, service=service, clock=clock, **options)


def setup_logging(settings: Settings) -> None:
    """Logging the discord.py way; replaces the command line's plain root handler.

    Colour only on a terminal: discord.py also colours whenever it runs in Docker, which
    fills `docker logs` and log collectors with escape codes.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    plain = None
    if not sys.stderr.isatty():
        plain = logging.Formatter(
            "[{asctime}] [{levelname:<8}] {name}: {message}", "%Y-%m-%d %H:%M:%S", style="{"
        )
    discord.utils.setup_logging(
        level=getattr(logging, settings.log_level.upper()),
        root=True,
        formatter=plain or discord.utils.MISSING,
    )


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
    cause = exc.__cause__ if isinstance(exc, discord.GatewayNotFound) else None
    if isinstance(exc, discord.LoginFailure) or getattr(cause, "status", None) == 401:
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
    # The heartbeat starts first: opening the service can take a while on a large library.
    heart = Heartbeat(settings.heartbeat_file, settings.heartbeat_seconds)
    beats = asyncio.Event()
    beating = asyncio.create_task(heart.run(beats), name="articlebot-heartbeat")
    try:
        # The service first, then the bot over it (discord.py's advanced_startup.py).
        async with open_bot_service(settings) as service:
            heart.state = service.state
            heart.bot = create_bot(settings, service=service)
            return await _serve(heart.bot, settings, stop)
    finally:
        beats.set()
        await beating
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(sig)


async def login_with_retry(
    bot: ArticleBot, token: str, *, first_delay: float = FIRST_RETRY_SECONDS
) -> None:
    """Log in, waiting out an unreachable Discord (see bot/discord/retry.py)."""
    client_log = logging.getLogger("discord.client")
    level = client_log.level

    async def fresh_session() -> None:
        # discord.py's "logging in" line once, not again with every try.
        client_log.setLevel(max(level, logging.WARNING))
        # The failed login's HTTP session is closed; the next one gets a new connector.
        await bot.http.close()
        bot.http.connector = discord.utils.MISSING

    try:
        await with_retry(
            bot,
            lambda: bot.login(token),
            "Discord",
            first_delay=first_delay,
            before_retry=fresh_session,
        )
    finally:
        client_log.setLevel(level)


async def _connect(bot: ArticleBot, token: str) -> None:
    await login_with_retry(bot, token)
    await bot.connect()


async def _serve(bot: ArticleBot, settings: Settings, stop: asyncio.Event) -> int:
    """Run `bot` until it ends or `stop` is set; 0 on a clean shutdown."""
    runner = asyncio.create_task(_connect(bot, settings.discord_token), name="articlebot")
    try:
        stopper = asyncio.create_task(stop.wait(), name="articlebot-signals")
        done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if stopper in done:
            log.info("signal received: shutting down")
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
        runner.cancel()  # still waiting to retry, or connected: either way, done
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await runner


async def sync_commands(settings: Settings) -> int:
    """Log in, sync the slash commands (to DISCORD_GUILD_ID when set), and exit."""
    setup_logging(settings)
    _point_at(settings)
    # Only the state is needed (the command-sync hash): the cache is neither read nor made.
    async with open_service(settings, refresh=Refresh.NEVER, state=True) as service:
        bot = create_bot(settings, service=service, sync_on_start=False)
        try:
            try:
                await bot.login(settings.discord_token)  # runs setup_hook: the cogs
            except discord.LoginFailure as exc:
                print(f"error: {_login_problem(exc)}", file=sys.stderr)
                return 2
            await sync_tree(
                bot.tree,
                service.state,
                application_id=bot.application_id,
                guild_id=settings.discord_guild_id,
                force=True,
            )
            where = (
                f"guild {settings.discord_guild_id}" if settings.discord_guild_id else "all servers"
            )
            print(f"slash commands synced to {where}")
            return 0
        finally:
            await bot.close()
