"""ArticleBot: the discord.py client that owns the library, the engine and the state.

The cogs stay thin: they read `bot.engine`, `bot.library`, `bot.state` and render.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import logging
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.commandsync import sync_tree
from bot.discord.cooldown import UserCooldown
from bot.discord.deadline import InteractionQueue, mark_arrival
from bot.discord.errors import OnCooldown, report_error
from bot.discord.reply import NO_MENTIONS
from bot.discord.views import ArticleButton
from bot.library.model import ReloadReport
from bot.library.sync import Library
from bot.library.watch import summarize
from bot.settings import Settings

log = logging.getLogger("articlebot.discord")

COGS = ("bot.discord.cogs.ask", "bot.discord.cogs.library", "bot.discord.cogs.admin")
# Cogs other issues add; loaded when their module exists.
OPTIONAL_COGS = ("bot.discord.cogs.picks",)

Clock = Callable[[], datetime]
# Python hands the GIL to a waiting thread only after this long. aiosqlite's thread needs
# it back for every row it fetches, so with the default 5 ms a busy event loop made a
# 40-row query wait ~200 ms: a short interval keeps queries fast under load.
GIL_SWITCH_INTERVAL = 0.0002


def utc_now() -> datetime:
    return datetime.now(UTC)


def intents() -> discord.Intents:
    """Default intents: guild and DM messages, no privileged intent.

    Discord delivers the content of messages that mention the bot (and of DMs) without
    the Message Content intent, which is all the mention handler reads.
    """
    return discord.Intents.default()


class ArticleTree(app_commands.CommandTree):
    """The command tree: per-user cooldowns before commands, and one error handler."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.queue = InteractionQueue()

    async def _call(self, interaction: discord.Interaction) -> None:
        # Commands and autocomplete wait their turn in the queue; one marked queue=False
        # (/reload: it acknowledges at once, then runs for minutes) runs beside it instead.
        command = interaction.command
        if command is not None and command.extras.get("queue") is False:
            mark_arrival(interaction)
            await super()._call(interaction)
            return
        await self.queue.run(interaction, lambda: super(ArticleTree, self)._call(interaction))

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.type is not discord.InteractionType.application_command:
            return True  # autocomplete and components are not queries
        command = interaction.command
        if command is not None and command.extras.get("cooldown") is False:
            return True
        retry = self.client.cooldown.hit(interaction.user.id)  # type: ignore[attr-defined]
        if retry is not None:
            raise OnCooldown(retry)
        return True

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        await report_error(interaction, error)


class ArticleBot(commands.AutoShardedBot):
    """The bot. AutoSharded: one process runs the shards in SHARD_IDS of SHARD_COUNT
    (all recommended shards when SHARD_COUNT is unset)."""

    def __init__(
        self,
        settings: Settings,
        *,
        library: Library | None = None,
        engine: Any = None,
        state: Any = None,
        clock: Clock = utc_now,
        prepare_library: bool = True,
        sync_on_start: bool = True,
        view_timeout: float = 300.0,
        cooldown_clock: Callable[[], float] = time.monotonic,
        **options: Any,
    ) -> None:
        if settings.shard_count is not None:
            options.setdefault("shard_count", settings.shard_count)
            if settings.shard_ids:
                options.setdefault("shard_ids", list(settings.shard_ids))
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=intents(),
            allowed_mentions=NO_MENTIONS,
            tree_cls=ArticleTree,
            **options,
        )
        self.settings = settings
        self.library = library
        self.engine = engine
        self.state = state
        self.clock = clock
        self.prepare_library = prepare_library
        self.sync_on_start = sync_on_start
        self.view_timeout = view_timeout
        self.cooldown = UserCooldown(
            settings.cooldown_queries, settings.cooldown_seconds, cooldown_clock
        )
        self.started_at = time.monotonic()
        self.synced = False  # whether this start synced the command tree
        self.watcher_report: tuple[datetime, ReloadReport] | None = None
        self._owned: list[Any] = []  # what this bot opened and must close
        self._watch_stop = asyncio.Event()
        self._watch_task: asyncio.Task[None] | None = None
        self._reload_task: asyncio.Task[None] | None = None
        self._closing = False

    # -- start-up ------------------------------------------------------------------------

    async def setup_hook(self) -> None:
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL))
        if self.prepare_library:
            await self._open_library()
        if self.state is None:
            from bot.store.state import open_state

            self.state = await open_state(self.settings.state_database_url)
            self._owned.append(self.state)
        self.add_dynamic_items(ArticleButton)
        for name in COGS:
            await self.load_extension(name)
        for name in OPTIONAL_COGS:
            if importlib.util.find_spec(name) is not None:
                await self.load_extension(name)
        if self.sync_on_start:
            self.synced = await sync_tree(
                self.tree,
                self.state,
                application_id=self.application_id,
                guild_id=self.settings.discord_guild_id,
            )
        if self.settings.watch_content and self.prepare_library:
            self._watch_task = asyncio.create_task(self._watch(), name="articlebot-watch")

    async def _open_library(self) -> None:
        if self.library is None:
            self.library = Library(
                self.settings.content_dir,
                self.settings.articles_db,
                max_bytes=self.settings.max_article_bytes,
            )
            self._owned.append(self.library)
            store = await self.library.open()
            # The cache is derived data: bring it in line with the folder at every start.
            # A cache that already holds articles is served while that runs, so a restart
            # over a large library connects at once; an empty one is filled first.
            if await store.count():
                self._reload_task = asyncio.create_task(
                    self._startup_reload(), name="articlebot-startup-reload"
                )
            else:
                await self._startup_reload()
        elif self.library.store is None:
            await self.library.open()
        if self.engine is None:
            from bot.search.engine import SearchEngine

            self.engine = SearchEngine(self.library, cache_size=self.settings.result_cache_size)
        # Build the search index before connecting: at 100k articles it takes seconds, which
        # the first member's query would otherwise pay (past Discord's 3 s). After each
        # reload it is rebuilt in the background while the previous one keeps serving.
        warm = getattr(self.engine, "warm", None)
        if warm is not None:
            started = time.perf_counter()
            await warm()
            log.info("search index ready in %.1fs", time.perf_counter() - started)
        follow = getattr(self.engine, "follow_reloads", None)
        if follow is not None:
            follow()

    async def _startup_reload(self) -> None:
        assert self.library is not None
        try:
            report = await self.library.reload()
        except Exception:
            log.exception("reloading the library at start-up failed; serving the cache as is")
            return
        log.info("library at start-up: %s", summarize(report))

    async def _watch(self) -> None:
        from bot.library.watch import watch_content

        def remember(report: ReloadReport) -> None:
            self.watcher_report = (self.clock(), report)

        assert self.library is not None
        await watch_content(self.library, stop_event=self._watch_stop, on_report=remember)

    async def on_ready(self) -> None:
        log.info(
            "connected as %s (id %s) to %d server(s)",
            self.user,
            self.user.id if self.user else "?",
            len(self.guilds),
        )

    async def on_message(self, message: discord.Message) -> None:
        # No prefix commands: the ask cog answers mentions (commands.Bot would run `help`).
        return

    # -- shutdown ------------------------------------------------------------------------

    async def close(self) -> None:
        """Disconnect, stop the watcher, then close what this bot opened (idempotent)."""
        if self._closing:
            return await super().close()
        self._closing = True
        self._watch_stop.set()
        if self._reload_task is not None and not self._reload_task.done():
            self._reload_task.cancel()  # the reload rolls back; the next start redoes it
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reload_task
        if self._watch_task is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(self._watch_task, 5)
        try:
            await super().close()
        finally:
            for resource in reversed(self._owned):
                try:
                    await resource.close()
                except Exception:
                    log.exception("closing %r failed", type(resource).__name__)
            self._owned.clear()

    # -- info ------------------------------------------------------------------------------

    @property
    def uptime(self) -> float:
        return time.monotonic() - self.started_at

    def shard_summary(self) -> str:
        ids = sorted(self.shards) if self.shards else list(self.settings.shard_ids)
        count = self.shard_count or self.settings.shard_count or 1
        return f"{', '.join(map(str, ids)) or '0'} of {count}"
