"""ArticleBot: the discord.py client over one library service.

The service (library, engine, state, picks) is built outside the bot and handed in, as in
discord.py's examples/advanced_startup.py; the cogs stay thin: they call `bot.service`
and render what it returns.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
import time
from collections.abc import Callable
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.conversation import Conversations
from bot.discord.commandsync import sync_tree
from bot.discord.cooldown import UserCooldown
from bot.discord.deadline import InteractionQueue, mark_arrival
from bot.discord.errors import OnCooldown, report_error
from bot.discord.pager import PageButton, Pagers
from bot.discord.reply import NO_MENTIONS
from bot.discord.retry import with_retry
from bot.discord.views import PERSISTENT
from bot.service import Clock, LibraryService, Refresh, open_service, utc_now
from bot.settings import Settings

log = logging.getLogger("articlebot.discord")

COGS = (
    "bot.discord.cogs.ask",
    "bot.discord.cogs.library",
    "bot.discord.cogs.admin",
    "bot.discord.cogs.picks",
)
# Python hands the GIL to a waiting thread only after this long. aiosqlite's thread needs
# it back for every row it fetches, so with the default 5 ms a busy event loop made a
# 40-row query wait ~200 ms: a short interval keeps queries fast under load.
GIL_SWITCH_INTERVAL = 0.0002
# Python's full collection walks every container that outlived two younger collections:
# here the search index's tables made as queries need them (the kept title postings, up to
# Policy.postings_kept ids; the decoded title keys) and the result cache, 25-90 ms at 100k
# articles during which no interaction is served. It runs once the objects promoted since
# the last one reach a quarter of those it kept; with the index frozen out of the
# collector's way (search/index.py) that is a few thousand, so once or twice in every
# 1,000 interactions under load. Waiting for 100 collections of the middle generation
# instead of Python's 10 makes it ~10x rarer; each reclaimed only 0.7-5k objects, so
# memory barely grows meanwhile (bench/README.md, load test, "Eighteenth pass").
GC_FULL_AFTER = 100
# Python collects its youngest generation once 700 more containers were made than freed.
# Under load, what such a collection finds is mostly alive: the work of the interactions in
# flight (coroutines, candidate lists, sentences, cards) and the result and memo caches
# filling, ~1,500 objects each time at 0.3-0.4 ms, ~140 of them and 13 middle ones a
# thousand interactions (`bench/load.py --trace` at 100k articles: 90-95 ms of the loop's
# CPU). Every pause stops each interaction in flight. Collecting after 10,000 lets most of
# an interaction's temporaries be freed before any collection looks at them: 8 young and 1
# middle collection a thousand interactions, 48-68 ms of CPU; the longest pause grows to
# ~7-11 ms of CPU, small against a reply's 150-250 ms under that load (bench/README.md,
# gc19).
GC_YOUNG_AFTER = 10_000


def open_bot_service(
    settings: Settings, clock: Clock = utc_now
) -> contextlib.AbstractAsyncContextManager[LibraryService]:
    """The library service as the bot needs it: the cache served at once and refreshed
    behind it, the index built before connecting (the first question would otherwise pay
    for it, past Discord's 3 s), the state and picks, and the watcher when WATCH_CONTENT."""
    return open_service(
        settings,
        refresh=Refresh.BACKGROUND,
        state=True,
        warm=True,
        watch=settings.watch_content,
        clock=clock,
    )


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
        service: LibraryService | None = None,
        clock: Clock = utc_now,
        sync_on_start: bool = True,
        view_timeout: float = 300.0,
        cooldown_clock: Callable[[], float] = time.monotonic,
        **options: Any,
    ) -> None:
        # No voice here: discord.py's warnings about its optional voice libraries are noise.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
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
        self._service = service
        self.clock = clock
        self.sync_on_start = sync_on_start
        self.view_timeout = view_timeout
        self.pagers = Pagers()  # lists being paged through, until their pager times out
        self.cooldown = UserCooldown(
            settings.cooldown_queries, settings.cooldown_seconds, cooldown_clock
        )
        # The article each member was last answered about, per channel, for follow-ups
        # (on the same monotonic clock as the cooldowns, which tests set).
        self.conversations = Conversations(settings.followup_minutes * 60, clock=cooldown_clock)
        self.started_at = time.monotonic()
        self.synced = False  # whether this start synced the command tree
        self.unreachable: str | None = None  # why Discord could not be reached, while retrying
        self._owned = contextlib.AsyncExitStack()  # what this bot opened and must close
        self._closing = False

    @property
    def service(self) -> LibraryService:
        """The library service: handed in, or opened by setup_hook (and then closed here)."""
        if self._service is None:
            raise RuntimeError("the library service is opened in setup_hook")
        return self._service

    # -- start-up ------------------------------------------------------------------------

    async def setup_hook(self) -> None:
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL))
        young, middle, full = gc.get_threshold()
        gc.set_threshold(max(young, GC_YOUNG_AFTER), middle, max(full, GC_FULL_AFTER))
        if self._service is None:
            # The bot's clock is read at every call, so tests can move time under a running bot.
            opening = open_bot_service(self.settings, lambda: self.clock())
            self._service = await self._owned.enter_async_context(opening)
        # Components answer after a restart: what they act on is in their custom_id.
        self.add_dynamic_items(*PERSISTENT, PageButton)
        for name in COGS:
            await self.load_extension(name)
        if self.sync_on_start:
            self.synced = await sync_tree(
                self.tree,
                self.service.state,
                application_id=self.application_id,
                guild_id=self.settings.discord_guild_id,
            )

    async def launch_shards(self) -> None:
        # Without SHARD_COUNT, discord.py first asks Discord for the gateway and the shard
        # count (GET /gateway/bot) and gives up at the first failure, where each shard
        # reconnects on its own once launched: wait out the lookup as the login is.
        await with_retry(self, super().launch_shards, "Discord's gateway")

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
        """Disconnect, then close the service if this bot opened it (idempotent)."""
        if self._closing:
            return await super().close()
        self._closing = True
        self.pagers.close()
        try:
            await super().close()
        finally:
            try:
                await self._owned.aclose()
            except Exception:
                log.exception("closing the library service failed")

    # -- info ------------------------------------------------------------------------------

    @property
    def uptime(self) -> float:
        return time.monotonic() - self.started_at

    def shard_summary(self) -> str:
        ids = sorted(self.shards) if self.shards else list(self.settings.shard_ids)
        count = self.shard_count or self.settings.shard_count or 1
        return f"{', '.join(map(str, ids)) or '0'} of {count}"
