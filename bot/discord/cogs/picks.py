"""Moderators' daily picks: the `/picks` commands.

Thin over the picks service (bot.picks.PicksService): this cog checks who may configure,
turns each command into a service call and the result into a private reply. Posting is
`PickPoster`'s job (bot/discord/picks_post.py), the schedule `PicksScheduler`'s
(bot/discord/picks_scheduler.py); `setup()` wires the three.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import render
from bot.discord.errors import NotAllowed, UserError
from bot.discord.pager import Pager
from bot.discord.picks_card import NOTE_MAX, history_pages, overview_embed, skip_sentence
from bot.discord.picks_post import PickPoster, missing_permissions
from bot.discord.picks_scheduler import PicksScheduler
from bot.discord.reply import acknowledge, send
from bot.picks import (
    PicksError,
    PicksSettings,
    can_manage,
    timezone_suggestions,
    validate_timezone,
)

if TYPE_CHECKING:
    from bot.discord.client import ArticleBot

MAX_HISTORY_PAGES = 20  # /picks history shows at most this many pages (newest first)
ZONES_OFFERED = 3  # the zones an unknown one's error names
MOD = {"cooldown": False}  # configuration is not a query: no per-user query cooldown


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """The picks core's PicksError is the moderator's mistake: show it as such, as a
    sentence (the core words it to follow "error: " on the command line: "no picks channel
    is set…"; in Discord it stands alone)."""
    try:
        yield
    except PicksError as exc:
        raise UserError(sentence(exc)) from exc


def sentence(exc: PicksError) -> str:
    """The picks core's error as a sentence on its own (it starts lower case)."""
    said = str(exc)
    return said[:1].upper() + said[1:]


class PicksCog(commands.Cog, name="Picks"):
    """Daily picks: per-server settings, posting now, what is planned and what was posted."""

    picks = app_commands.Group(
        name="picks",
        description="Moderators' daily article picks",
        guild_only=True,
        extras={"moderators": True},  # /help lists it for moderators
    )

    def __init__(self, bot: ArticleBot, poster: PickPoster) -> None:
        self.bot = bot
        self.poster = poster
        self.picks_service = poster.picks  # `picks` is the command group

    # -- permission ------------------------------------------------------------------------

    async def _moderator(self, interaction: discord.Interaction) -> PicksSettings:
        """The guild's settings, when the caller may manage picks; NotAllowed otherwise."""
        if interaction.guild is None:
            raise UserError("Daily picks are set per server: use /picks in a server.")
        settings = await self.picks_service.settings(interaction.guild.id)
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
        missing = missing_permissions(channel)
        if missing:
            raise UserError(
                f"I cannot post in {channel.mention}: I need {', '.join(missing)} there. "
                "Give me those permissions, then run /picks channel again."
            )
        settings = await self.picks_service.set_channel(channel.guild.id, channel.id)
        state = "" if settings.enabled else " Picks are off: turn them on with /picks on."
        await send(
            interaction,
            f"Daily picks will be posted in {channel.mention} at {settings.time} "
            f"{settings.timezone}.{state}",
            ephemeral=True,
        )

    @picks.command(name="time", description="Set the daily time and timezone", extras=MOD)
    @app_commands.describe(
        time="The time of day, HH:MM on a 24-hour clock (e.g. 09:30) or like 7am",
        timezone="The server's timezone, e.g. Europe/Paris (left out: the one set before)",
    )
    async def picks_time(
        self,
        interaction: discord.Interaction,
        time: app_commands.Range[str, 1, 10],
        timezone: app_commands.Range[str, 1, 64] | None = None,
    ) -> None:
        await self._moderator(interaction)
        assert interaction.guild is not None
        with user_errors():
            try:
                if timezone is not None:
                    validate_timezone(timezone)
            except PicksError as exc:
                # "London" for Europe/London (journey23): name the zones it may mean.
                close = timezone_suggestions(timezone, ZONES_OFFERED)
                typed = timezone.strip().lower().replace(" ", "_")
                close = [z for z in close if typed in z.lower()] or close
                if close:
                    raise PicksError(f"{exc}: did you mean {', '.join(close)}?") from exc
                raise
            settings = await self.picks_service.set_time(interaction.guild.id, time, timezone)
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
        try:
            settings = await self.picks_service.set_tags(
                interaction.guild.id, [tags] if tags else None
            )
        except PicksError as exc:
            # journey22: "No article has any of the tags 🌊" left the moderator guessing:
            # the tags closest to what was typed, and where the rest are listed.
            closest = await self.bot.service.closest_tags(tags or "", 3)
            text = sentence(exc) + "."
            if closest:
                text += f" Closest: {render.format_tags(closest)}."
            raise UserError(text + " `/tags` lists every tag.") from exc
        if settings.tags:
            text = "Picks now come only from articles tagged " + render.format_tags(settings.tags)
            if unused := await self.picks_service.unused_tags(settings.tags):
                text += (
                    f". No article is tagged {render.format_tags(unused)} (`/tags` lists every tag)"
                )
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
        await self.picks_service.set_manager_role(interaction.guild.id, role.id if role else None)
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
        await self.picks_service.set_ping_role(guild.id, role.id if role else None)
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
            article = (await self.bot.service.lookup(title)).article
            if article is None:
                raise UserError(
                    f"I could not find the article “{render.cut(render.clean(title), 100)}”: "
                    "pick one of the suggestions."
                )
            slug = article.slug
        with user_errors():
            pick = await self.picks_service.now(interaction.guild.id, slug, note)
        result = await self.poster.post(pick)
        before = result.before
        name = render.cut(render.clean(pick.title), 200)
        if not result.posted:
            raise UserError(f"I could not post **{name}**: {render.clean(result.error)}")
        text = f"Posted **{name}** in <#{result.channel_id}>."
        if before is not None:
            # journey22: with one article under the picks' tags, /picks now posted it again
            # and again, and the moderator was not told it was a repeat, nor why.
            text += f" It was picked before, on {before:%-d %B %Y}"
            if slug is None:
                days = pick.settings.window_days
                text += (
                    f": every article the picks may choose was picked in the last {days} "
                    "days, so the least recent came round again (`/picks tags` widens the "
                    "choice)"
                )
            text += "."
        if result.thread_error:
            text += f" ({render.clean(result.thread_error)})"
        await send(interaction, text, ephemeral=True)

    @picks_now.autocomplete("title")
    async def _title_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        choices = await self.bot.service.autocomplete(current, limit=render.CHOICES)
        return render.title_choices(choices)

    @picks.command(name="skip", description="Skip the next automatic pick", extras=MOD)
    async def picks_skip(self, interaction: discord.Interaction) -> None:
        await self._moderator(interaction)
        assert interaction.guild is not None
        await self.picks_service.skip(interaction.guild.id)
        overview = await self.picks_service.show(interaction.guild.id)
        await send(interaction, skip_sentence(overview), ephemeral=True)

    @picks.command(name="off", description="Stop automatic daily picks", extras=MOD)
    async def picks_off(self, interaction: discord.Interaction) -> None:
        await self._moderator(interaction)
        assert interaction.guild is not None
        await self.picks_service.set_enabled(interaction.guild.id, False)
        await send(
            interaction, "Automatic daily picks are off. /picks now still works.", ephemeral=True
        )

    @picks.command(name="on", description="Resume automatic daily picks", extras=MOD)
    async def picks_on(self, interaction: discord.Interaction) -> None:
        await self._moderator(interaction)
        assert interaction.guild is not None
        settings = await self.picks_service.set_enabled(interaction.guild.id, True)
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
        overview = await self.picks_service.show(interaction.guild.id)
        await send(interaction, embed=overview_embed(overview), ephemeral=True)

    @picks.command(name="history", description="Every pick so far, newest first", extras=MOD)
    async def picks_history(self, interaction: discord.Interaction) -> None:
        await self._moderator(interaction)
        assert interaction.guild is not None
        gid = interaction.guild.id
        first = await self.picks_service.history(gid, 1)
        records = list(first.items)
        for page in range(2, min(first.pages, MAX_HISTORY_PAGES) + 1):
            records += (await self.picks_service.history(gid, page, first.per_page)).items
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
        await self.picks_service.set_thread(guild.id, state == "on")
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
    poster = PickPoster(bot)
    await bot.add_cog(PicksCog(bot, poster))
    await bot.add_cog(PicksScheduler(bot, poster))
