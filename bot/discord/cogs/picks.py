"""Moderators' daily picks: the `/picks` commands and the scheduler that posts them.

Thin over bot.picks.PicksService: the service decides what and when (and claims each day
atomically); this cog checks who may configure, posts the card and records the outcome.
Each process only schedules the guilds on its own shards.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.discord import render
from bot.discord.errors import NotAllowed, UserError
from bot.discord.picks_card import NOTE_MAX, history_pages, overview_embed, pick_post, thread_name
from bot.discord.reply import acknowledge, send
from bot.discord.views import Pager
from bot.picks import PickCandidate, PicksError, PicksService, PlannedPick, can_manage
from bot.picks.model import PicksSettings
from bot.picks.settings import timezone_suggestions
from bot.picks.source import store_candidates

if TYPE_CHECKING:
    from bot.discord.client import ArticleBot

log = logging.getLogger("articlebot.picks")

# How often the scheduler looks for due picks. A pick is due from its time until local
# midnight, so a tick only decides how late (at most) a pick is posted.
TICK_SECONDS = 30.0
MAX_HISTORY_PAGES = 20  # /picks history shows at most this many pages (newest first)
POST_CONCURRENCY = 5  # guilds posted to at once in one tick
MOD = {"cooldown": False}  # configuration is not a query: no per-user query cooldown

# What the bot needs in the picks channel, by discord.Permissions attribute.
POST_PERMISSIONS = {
    "view_channel": "View Channel",
    "send_messages": "Send Messages",
    "embed_links": "Embed Links",
}


class PickFailure(Exception):
    """A pick could not be posted for a reason a moderator can fix (shown in /picks show)."""


@dataclass(frozen=True, slots=True)
class PostResult:
    """What happened to one pick: the posted message id, or why it failed."""

    pick: PlannedPick
    message_id: int | None = None
    channel_id: int | None = None
    error: str | None = None
    thread_error: str | None = None

    @property
    def posted(self) -> bool:
        return self.message_id is not None


def missing_permissions(channel: discord.abc.GuildChannel, me: discord.Member) -> list[str]:
    """The posting permissions the bot lacks in `channel` (names as Discord shows them)."""
    perms = channel.permissions_for(me)
    return [label for attr, label in POST_PERMISSIONS.items() if not getattr(perms, attr)]


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """The picks core's PicksError is the moderator's mistake: show it as such."""
    try:
        yield
    except PicksError as exc:
        raise UserError(str(exc)) from exc


class PicksCog(commands.Cog, name="Picks"):
    """Daily picks: per-server settings and the scheduler posting them."""

    picks = app_commands.Group(
        name="picks", description="Moderators' daily article picks", guild_only=True
    )

    def __init__(self, bot: ArticleBot, service: PicksService | None = None) -> None:
        self.bot = bot
        # The bot's clock is read at every call, so tests can move time under a running bot.
        self.service = service or PicksService(
            bot.state,
            self._candidates,
            lambda: bot.clock(),
            defaults=bot.settings.picks_defaults(),
        )
        self._run_lock = asyncio.Lock()
        self.ticks = 0  # scheduler ticks completed (tests wait for the first one)

    async def _candidates(self, tags: list[str] | None) -> list[PickCandidate]:
        library = self.bot.library
        if library is None or library.store is None:
            return []
        return await store_candidates(library.store)(tags)

    # -- lifecycle -------------------------------------------------------------------------

    async def cog_load(self) -> None:
        if self.bot.library is None:
            return  # e.g. `python -m bot sync`: commands only, nothing to post
        self.scheduler.change_interval(seconds=TICK_SECONDS)
        self.scheduler.start()

    async def cog_unload(self) -> None:
        # Cancel rather than stop: the state database closes right after the cogs unload.
        self.scheduler.cancel()

    @tasks.loop(seconds=TICK_SECONDS)
    async def scheduler(self) -> None:
        try:
            await self.run_due()
        except Exception:  # one bad tick must not end the loop for every guild
            log.exception("daily picks: the scheduler tick failed")
        self.ticks += 1

    @scheduler.before_loop
    async def _before_scheduler(self) -> None:
        await self.bot.wait_until_ready()

    # -- scheduling ------------------------------------------------------------------------

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
            planned = await self.service.due(guild_ids)
            if not planned:
                return []
            gate = asyncio.Semaphore(POST_CONCURRENCY)

            async def one(pick: PlannedPick) -> PostResult:
                async with gate:
                    return await self.post(pick)

            return list(await asyncio.gather(*(one(p) for p in planned)))

    async def post(self, pick: PlannedPick) -> PostResult:
        """Post `pick` and record the outcome; failures are recorded, never raised."""
        try:
            message = await self._send_pick(pick)
        except PickFailure as exc:
            await self.service.record_failed(pick, str(exc))
            return PostResult(pick, error=str(exc))
        except Exception as exc:
            log.exception("daily pick for guild %s: posting failed", pick.guild_id)
            error = f"posting failed unexpectedly: {exc}"
            await self.service.record_failed(pick, error)
            return PostResult(pick, error=error)
        await self.service.record_posted(pick, message_id=message.id, channel_id=message.channel.id)
        log.info(
            "daily pick for guild %s on %s posted: %s (%s)",
            pick.guild_id,
            pick.day,
            pick.slug,
            pick.kind,
        )
        thread_error = await self._open_thread(pick, message) if pick.settings.thread else None
        return PostResult(pick, message.id, message.channel.id, thread_error=thread_error)

    async def _picks_channel(self, pick: PlannedPick) -> discord.abc.GuildChannel:
        channel = self.bot.get_channel(pick.channel_id)
        if channel is None:
            try:
                channel = await self.bot.fetch_channel(pick.channel_id)
            except discord.NotFound:
                raise PickFailure(
                    "the picks channel no longer exists: choose another with /picks channel"
                ) from None
            except discord.Forbidden:
                raise PickFailure(
                    "I can no longer see the picks channel: give me View Channel there, "
                    "or choose another with /picks channel"
                ) from None
        if not isinstance(channel, discord.abc.GuildChannel) or not isinstance(
            channel, discord.abc.Messageable
        ):
            raise PickFailure("the picks channel is not a text channel: choose another")
        return channel

    async def _send_pick(self, pick: PlannedPick) -> discord.Message:
        channel = await self._picks_channel(pick)
        me = channel.guild.me
        if me is not None:
            missing = missing_permissions(channel, me)
            if missing:
                raise PickFailure(
                    f"I lost the {', '.join(missing)} permission in #{channel.name}: "
                    "give it back, or choose another channel with /picks channel"
                )
        article = None
        summary = quote = None
        library = self.bot.library
        if library is not None and library.store is not None:
            # By exact slug: a fuzzy lookup could feature a different article.
            article = await library.store.article(pick.slug)
        if article is not None and self.bot.engine is not None:
            summary = self.bot.engine.summary(article)
            quote = self.bot.engine.quote(article)
        post = pick_post(pick, article, summary, quote)
        try:
            return await channel.send(  # type: ignore[union-attr]
                content=post.content, embed=post.embed, allowed_mentions=post.allowed_mentions
            )
        except discord.Forbidden as exc:
            raise PickFailure(
                f"Discord refused the post in #{channel.name} (missing permissions: "
                f"{exc.text or exc.status}): check my permissions there"
            ) from None
        except discord.NotFound:
            raise PickFailure(
                "the picks channel no longer exists: choose another with /picks channel"
            ) from None

    async def _open_thread(self, pick: PlannedPick, message: discord.Message) -> str | None:
        """Open the discussion thread under a posted pick; a failure is noted, not fatal."""
        try:
            await message.create_thread(name=thread_name(pick), auto_archive_duration=1440)
        except discord.HTTPException as exc:
            error = f"the pick was posted but I could not open its thread: {exc.text or exc.status}"
            log.warning("daily pick for guild %s: %s", pick.guild_id, error)
            await self.service.state.set_problem(pick.guild_id, error, self.bot.clock())
            return error
        return None

    # -- permission ------------------------------------------------------------------------

    async def _moderator(self, interaction: discord.Interaction) -> PicksSettings:
        """The guild's settings, when the caller may manage picks; NotAllowed otherwise."""
        if interaction.guild is None:
            raise UserError("Daily picks are set per server: use /picks in a server.")
        settings = await self.service.settings(interaction.guild.id)
        perms = interaction.permissions
        roles = [r.id for r in getattr(interaction.user, "roles", ())]
        if can_manage(
            settings,
            member_role_ids=roles,
            has_manage_messages=perms.manage_messages or perms.administrator,
        ):
            return settings
        extra = " or the picks manager role" if settings.manager_role_id else ""
        raise NotAllowed(
            f"Only moderators can manage daily picks: that needs Manage Messages{extra}."
        )

    # -- commands --------------------------------------------------------------------------

    @picks.command(name="channel", description="Choose the channel daily picks go to", extras=MOD)
    @app_commands.describe(channel="The channel for daily picks")
    async def picks_channel(
        self, interaction: discord.Interaction, channel: discord.TextChannel
    ) -> None:
        await self._moderator(interaction)
        me = channel.guild.me
        missing = missing_permissions(channel, me) if me is not None else []
        if missing:
            raise UserError(
                f"I cannot post in {channel.mention}: I need {', '.join(missing)} there. "
                "Give me those permissions, then run /picks channel again."
            )
        settings = await self.service.set_channel(channel.guild.id, channel.id)
        state = "" if settings.enabled else " Picks are off: turn them on with /picks on."
        await send(
            interaction,
            f"Daily picks will be posted in {channel.mention} at {settings.time} "
            f"{settings.timezone}.{state}",
            ephemeral=True,
        )

    @picks.command(name="time", description="Set the daily time and timezone", extras=MOD)
    @app_commands.describe(
        time="The time of day, HH:MM on a 24-hour clock (e.g. 09:30)",
        timezone="The server's timezone, e.g. Europe/Paris",
    )
    async def picks_time(
        self,
        interaction: discord.Interaction,
        time: app_commands.Range[str, 1, 10],
        timezone: app_commands.Range[str, 1, 64],
    ) -> None:
        await self._moderator(interaction)
        assert interaction.guild is not None
        with user_errors():
            settings = await self.service.set_time(interaction.guild.id, time, timezone)
        await send(
            interaction,
            f"Daily picks at {settings.time} {settings.timezone}, starting from the next time "
            "that comes round.",
            ephemeral=True,
        )

    @picks_time.autocomplete("timezone")
    async def _timezone_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [
            app_commands.Choice(name=z[: render.CHOICE_NAME], value=z[: render.CHOICE_VALUE])
            for z in timezone_suggestions(current, render.CHOICES)
        ]

    @picks.command(name="tags", description="Pick only from these tags (empty: any)", extras=MOD)
    @app_commands.describe(tags="Tags separated by commas or spaces; leave empty for any")
    async def picks_tags(
        self, interaction: discord.Interaction, tags: app_commands.Range[str, 1, 500] | None = None
    ) -> None:
        await self._moderator(interaction)
        assert interaction.guild is not None
        # Checking the tags reads the whole library: answer within Discord's 3 s first.
        await acknowledge(interaction, ephemeral=True)
        with user_errors():
            settings = await self.service.set_tags(interaction.guild.id, [tags] if tags else None)
        if settings.tags:
            text = "Picks now come only from articles tagged " + render.format_tags(settings.tags)
        else:
            text = "Picks now come from the whole library."
        await send(interaction, render.cut(text, 1900), ephemeral=True)

    @picks.command(name="role", description="A role allowed to manage picks", extras=MOD)
    @app_commands.describe(role="The role (leave empty: only Manage Messages)")
    async def picks_role(
        self, interaction: discord.Interaction, role: discord.Role | None = None
    ) -> None:
        await self._moderator(interaction)
        assert interaction.guild is not None
        perms = interaction.permissions
        if not (perms.manage_messages or perms.administrator):
            # Holders of the picks role may run picks, not decide who else may.
            raise NotAllowed("Changing the picks role needs the Manage Messages permission.")
        if role is not None and role.is_default():
            raise UserError("@everyone cannot be the picks role: choose a moderators' role.")
        await self.service.set_manager_role(interaction.guild.id, role.id if role else None)
        text = (
            f"Members with {role.mention} can now manage daily picks, besides Manage Messages."
            if role
            else "Only members with Manage Messages can manage daily picks now."
        )
        await send(interaction, text, ephemeral=True)

    @picks.command(name="ping", description="A role to mention in each pick", extras=MOD)
    @app_commands.describe(role="The role to notify (leave empty: nobody)")
    async def picks_ping(
        self, interaction: discord.Interaction, role: discord.Role | None = None
    ) -> None:
        await self._moderator(interaction)
        guild = interaction.guild
        assert guild is not None
        if role is not None and role.is_default():
            raise UserError("Picks never ping @everyone: choose a role members can opt into.")
        await self.service.set_ping_role(guild.id, role.id if role else None)
        if role is None:
            await send(interaction, "Picks will not mention anyone.", ephemeral=True)
            return
        text = f"Each pick will mention {role.mention}."
        me = guild.me
        if not role.mentionable and not (me and me.guild_permissions.mention_everyone):
            text += (
                " Note: that role is not mentionable and I lack Mention @everyone, so Discord"
                " will not notify its members: make the role mentionable."
            )
        await send(interaction, text, ephemeral=True)

    @picks.command(name="now", description="Post a pick right away", extras=MOD)
    @app_commands.describe(
        title="An article (leave empty for the next automatic pick)",
        note="A note from the moderators, shown on the card",
    )
    async def picks_now(
        self,
        interaction: discord.Interaction,
        title: app_commands.Range[str, 1, 200] | None = None,
        note: app_commands.Range[str, 1, NOTE_MAX] | None = None,
    ) -> None:
        await self._moderator(interaction)
        assert interaction.guild is not None
        # Choosing reads the whole library and posting waits on Discord: acknowledge first.
        await acknowledge(interaction, ephemeral=True)
        slug = None
        if title:
            article = await self.bot.engine.find(title)
            if article is None:
                raise UserError(
                    f"I could not find the article “{render.cut(render.clean(title), 100)}”: "
                    "pick one of the suggestions."
                )
            slug = article.slug
        with user_errors():
            pick = await self.service.now(interaction.guild.id, slug, note)
        result = await self.post(pick)
        name = render.cut(render.clean(pick.title), 200)
        if not result.posted:
            await send(
                interaction,
                f"I could not post **{name}**: {render.clean(result.error)}",
                ephemeral=True,
            )
            return
        text = f"Posted **{name}** in <#{result.channel_id}>."
        if result.thread_error:
            text += f" ({render.clean(result.thread_error)})"
        await send(interaction, text, ephemeral=True)

    @picks_now.autocomplete("title")
    async def _title_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        choices = await self.bot.engine.autocomplete(current, limit=render.CHOICES)
        return render.title_choices(choices)

    @picks.command(name="skip", description="Skip the next automatic pick", extras=MOD)
    async def picks_skip(self, interaction: discord.Interaction) -> None:
        await self._moderator(interaction)
        assert interaction.guild is not None
        await self.service.skip(interaction.guild.id)
        await send(interaction, "The next automatic pick will be skipped.", ephemeral=True)

    @picks.command(name="off", description="Stop automatic daily picks", extras=MOD)
    async def picks_off(self, interaction: discord.Interaction) -> None:
        await self._moderator(interaction)
        assert interaction.guild is not None
        await self.service.set_enabled(interaction.guild.id, False)
        await send(
            interaction, "Automatic daily picks are off. /picks now still works.", ephemeral=True
        )

    @picks.command(name="on", description="Resume automatic daily picks", extras=MOD)
    async def picks_on(self, interaction: discord.Interaction) -> None:
        await self._moderator(interaction)
        assert interaction.guild is not None
        settings = await self.service.set_enabled(interaction.guild.id, True)
        if settings.channel_id is None:
            text = "Automatic daily picks are on, but no channel is set: use /picks channel."
        else:
            text = (
                f"Automatic daily picks are on: daily at {settings.time} {settings.timezone} "
                f"in <#{settings.channel_id}>."
            )
        await send(interaction, text, ephemeral=True)

    @picks.command(name="show", description="Settings, next pick, recent picks", extras=MOD)
    async def picks_show(self, interaction: discord.Interaction) -> None:
        await self._moderator(interaction)
        assert interaction.guild is not None
        overview = await self.service.show(interaction.guild.id)
        await send(interaction, embed=overview_embed(overview), ephemeral=True)

    @picks.command(name="history", description="Every pick so far, newest first", extras=MOD)
    async def picks_history(self, interaction: discord.Interaction) -> None:
        await self._moderator(interaction)
        assert interaction.guild is not None
        gid = interaction.guild.id
        first = await self.service.history(gid, 1)
        records = list(first.items)
        for page in range(2, min(first.pages, MAX_HISTORY_PAGES) + 1):
            records += (await self.service.history(gid, page, first.per_page)).items
        pages = history_pages(records, first.total, first.per_page)
        await Pager.start(interaction, pages, timeout=self.bot.view_timeout, ephemeral=True)

    @picks.command(
        name="thread", description="Open a discussion thread under each pick", extras=MOD
    )
    @app_commands.describe(state="on or off")
    async def picks_thread(
        self, interaction: discord.Interaction, state: Literal["on", "off"]
    ) -> None:
        settings = await self._moderator(interaction)
        guild = interaction.guild
        assert guild is not None
        await self.service.set_thread(guild.id, state == "on")
        text = f"Discussion threads under picks are {state}."
        channel = guild.get_channel(settings.channel_id) if settings.channel_id else None
        me = guild.me
        can_thread = (
            channel is None or me is None or channel.permissions_for(me).create_public_threads
        )
        if state == "on" and not can_thread:
            text += f" Note: I need Create Public Threads in <#{settings.channel_id}> to open them."
        await send(interaction, text, ephemeral=True)


async def setup(bot: ArticleBot) -> None:
    await bot.add_cog(PicksCog(bot))
