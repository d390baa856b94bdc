"""The daily-picks scheduler: every tick, post the picks due for this process's guilds.

The picks service decides what is due and claims each day atomically (so across processes
and restarts a day is handed out once); the poster sends them. Each process only
schedules the guilds on its own shards.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from discord.ext import commands, tasks

from bot.discord.picks_post import PickPoster, PostResult
from bot.picks import PlannedPick

if TYPE_CHECKING:
    from bot.discord.client import ArticleBot

log = logging.getLogger("articlebot.picks")

# How often the scheduler looks for due picks. A pick is due from its time until local
# midnight, so a tick only decides how late (at most) a pick is posted.
TICK_SECONDS = 30.0
POST_CONCURRENCY = 5  # guilds posted to at once in one tick


class PicksScheduler(commands.Cog, name="PicksScheduler"):
    """Posts each guild's automatic daily pick when it is due."""

    def __init__(self, bot: ArticleBot, poster: PickPoster) -> None:
        self.bot = bot
        self.poster = poster
        self.picks = poster.picks
        self._run_lock = asyncio.Lock()
        self.ticks = 0  # ticks completed (tests wait for the first one)

    async def cog_load(self) -> None:
        self.tick.change_interval(seconds=TICK_SECONDS)
        self.tick.start()

    async def cog_unload(self) -> None:
        # Cancel rather than stop: the state database closes right after the cogs unload.
        self.tick.cancel()

    @tasks.loop(seconds=TICK_SECONDS)
    async def tick(self) -> None:
        try:
            await self.run_due()
        except Exception:  # one bad tick must not end the loop for every guild
            log.exception("daily picks: the scheduler tick failed")
        self.ticks += 1

    @tick.before_loop
    async def _before_tick(self) -> None:
        await self.bot.wait_until_ready()

    def local_guild_ids(self) -> set[int]:
        """The guilds this process schedules: those on its shards that are available."""
        ids = {g.id for g in self.bot.guilds if not g.unavailable}
        count, shard_ids = self.bot.shard_count, getattr(self.bot, "shard_ids", None)
        if count and shard_ids:
            # AutoShardedBot only sees its shards' guilds; this guards against a stale cache.
            ids = {gid for gid in ids if (gid >> 22) % count in shard_ids}
        return ids

    async def run_due(self) -> list[PostResult]:
        """Post every pick due now for this process's guilds; one tick of the scheduler."""
        async with self._run_lock:
            guild_ids = self.local_guild_ids()
            if not guild_ids:
                return []
            planned = await self.picks.due(guild_ids)
            if not planned:
                return []
            gate = asyncio.Semaphore(POST_CONCURRENCY)

            async def one(pick: PlannedPick) -> PostResult:
                async with gate:
                    return await self.poster.post(pick)

            return list(await asyncio.gather(*(one(p) for p in planned)))
