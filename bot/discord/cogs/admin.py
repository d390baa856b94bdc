"""Admin commands: /reload and /status (Manage Server; guild only)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot import __version__
from bot.discord import render
from bot.discord.errors import NotAllowed, UserError
from bot.discord.reply import acknowledge, send
from bot.library.sync import LibraryError, RemovalRefused
from bot.library.watch import summarize

if TYPE_CHECKING:
    from bot.discord.client import ArticleBot

log = logging.getLogger("articlebot.discord")

ADMIN = {"cooldown": False}


def require_manage_guild(interaction: discord.Interaction) -> None:
    """Discord hides admin commands by default_permissions, but server admins can override
    that per role or channel: check again here."""
    if interaction.guild is None:
        raise UserError("That command only works in a server.")
    if not interaction.permissions.manage_guild:
        raise NotAllowed("You need the Manage Server permission to use this command.")


class AdminCog(commands.Cog, name="Admin"):
    """Reloading the library and the bot's health."""

    def __init__(self, bot: ArticleBot) -> None:
        self.bot = bot
        self._reloading = False  # set before the first await, so two callers cannot both start

    @app_commands.command(
        name="reload",
        description="Reload the article library",
        # Minutes at 100k articles: it acknowledges at once and must not hold a queue place.
        extras={**ADMIN, "queue": False},
    )
    @app_commands.describe(
        allow_removals="Confirm a reload that removes all or many articles (MAX_REMOVAL_SHARE)"
    )
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def reload(self, interaction: discord.Interaction, allow_removals: bool = False) -> None:
        require_manage_guild(interaction)
        service = self.bot.service
        if self._reloading or service.reloading:
            raise UserError(
                "A reload is already running — its result will show in /status when it finishes."
            )
        self._reloading = True
        try:
            await acknowledge(interaction, ephemeral=True)
            try:
                # Returns once searches see the new library (the index rebuilds behind them).
                report = await service.reload(allow_removals=allow_removals)
            except RemovalRefused as exc:
                raise UserError(f"{exc}. Run /reload allow_removals:True to confirm.") from exc
            except LibraryError as exc:
                raise UserError(str(exc)) from exc
            log.info("/reload by %s: %s", interaction.user.id, summarize(report))
            stats = await service.stats()  # what is served now: a failing file's old version
            same = await service.same_links()
            embed = render.reload_embed(
                report, served=stats.articles, stale=stats.stale, same_links=same
            )
            await send(interaction, embed=embed, ephemeral=True)
        finally:
            self._reloading = False

    @app_commands.command(
        name="status", description="The bot's health and the library", extras=ADMIN
    )
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def status(self, interaction: discord.Interaction) -> None:
        require_manage_guild(interaction)
        bot = self.bot
        stats = await bot.service.stats()
        watcher = None
        if bot.settings.watch_content:
            watcher = "on"
            if bot.service.last_watch is not None:
                at, report = bot.service.last_watch
                watcher += (
                    f"; last automatic reload {at:%Y-%m-%d %H:%M:%S} UTC: {summarize(report)}"
                )
            else:
                watcher += "; no change seen yet"
        state = getattr(bot.service.state, "engine", None) or "?"
        info = render.StatusInfo(
            articles=stats.articles,
            tags=len(stats.tags),
            files=stats.files,
            failing=[(f.path, f.error, f.kept) for f in stats.failing],
            warned=[(w.path, w.warning) for w in stats.warned],
            stale=stats.stale,
            last_reload=stats.last_reload,
            watcher=watcher,
            cache_bytes=stats.db_bytes,
            uptime_seconds=bot.uptime,
            latency_seconds=bot.latency,
            version=__version__,
            shards=bot.shard_summary(),
            state=str(state),
            warning=bot.service.library.refused,
        )
        await send(interaction, embed=render.status_embed(info), ephemeral=True)


async def setup(bot: ArticleBot) -> None:
    await bot.add_cog(AdminCog(bot))
