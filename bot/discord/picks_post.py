"""Posting a daily pick: check the channel and the bot's permissions there, send the card,
open its thread, and record the outcome with the picks service.

A moderator can fix every failure here (a deleted channel, a lost permission), so each is
recorded with a one-line reason that /picks show displays; none is raised.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import discord

from bot.discord.picks_card import format_day, pick_post, thread_name
from bot.picks import PlannedPick

if TYPE_CHECKING:
    from bot.discord.client import ArticleBot

log = logging.getLogger("articlebot.picks")

# What the bot needs in the picks channel, by discord.Permissions attribute.
POST_PERMISSIONS = {
    "view_channel": "View Channel",
    "send_messages": "Send Messages",
    "embed_links": "Embed Links",
}
GONE = "the picks channel no longer exists: choose another with /picks channel"
# A repeat is looked for among this many newest picks (a window of 60 daily picks, plus
# the moderators' own /picks now).
HISTORY_LOOKBACK = 100


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
    # The day the article was last posted within the repeat window, when this is a repeat.
    before: date | None = None

    @property
    def posted(self) -> bool:
        return self.message_id is not None


def missing_permissions(channel: discord.abc.GuildChannel) -> list[str]:
    """The posting permissions the bot lacks in `channel` (names as Discord shows them;
    none when its own member is not cached, and Discord will say so when it posts)."""
    me = channel.guild.me
    if me is None:
        return []
    perms = channel.permissions_for(me)
    return [label for attr, label in POST_PERMISSIONS.items() if not getattr(perms, attr)]


class PickPoster:
    """Posts planned picks to Discord for the picks service, which records each outcome."""

    def __init__(self, bot: ArticleBot) -> None:
        self.bot = bot
        self.service = bot.service
        assert bot.service.picks is not None, "the bot's service is opened with its state"
        self.picks = bot.service.picks

    async def post(self, pick: PlannedPick) -> PostResult:
        """Post `pick` and record the outcome; failures are recorded, never raised. A
        repeat says so on its card, and an automatic one in /picks show (see _repeat)."""
        before = await self.posted_before(pick)
        try:
            message = await self._send(pick, before)
        except PickFailure as exc:
            await self.picks.record_failed(pick, str(exc))
            return PostResult(pick, error=str(exc))
        except Exception as exc:
            log.exception("daily pick for guild %s: posting failed", pick.guild_id)
            error = f"posting failed unexpectedly: {exc}"
            await self.picks.record_failed(pick, error)
            return PostResult(pick, error=error)
        await self.picks.record_posted(pick, message_id=message.id, channel_id=message.channel.id)
        log.info(
            "daily pick for guild %s on %s posted: %s (%s)",
            pick.guild_id,
            pick.day,
            pick.slug,
            pick.kind,
        )
        if before is not None and pick.kind == "auto":
            await self.picks.note_problem(pick.guild_id, repeat_problem(pick, before))
        thread_error = await self._open_thread(pick, message) if pick.settings.thread else None
        return PostResult(
            pick, message.id, message.channel.id, thread_error=thread_error, before=before
        )

    async def posted_before(self, pick: PlannedPick) -> date | None:
        """The day the pick's article was last posted in the guild within the repeat window
        before `pick`'s day, if it was (from the history's newest page)."""
        page = await self.picks.history(pick.guild_id, 1, HISTORY_LOOKBACK)
        days = [
            r.day
            for r in page.items
            if r.slug == pick.candidate.slug
            and r.status == "posted"
            and 0 <= (pick.day - r.day).days < pick.settings.window_days
        ]
        return max(days, default=None)

    async def _channel(self, pick: PlannedPick) -> discord.abc.GuildChannel:
        channel = self.bot.get_channel(pick.channel_id)
        if channel is None:
            try:
                channel = await self.bot.fetch_channel(pick.channel_id)
            except discord.NotFound:
                raise PickFailure(GONE) from None
            except discord.Forbidden:
                raise PickFailure(
                    "I can no longer see the picks channel: give me View Channel there, "
                    "or choose another with /picks channel"
                ) from None
        if not isinstance(channel, discord.abc.GuildChannel) or not isinstance(
            channel, discord.abc.Messageable
        ):
            raise PickFailure("the picks channel is not a text channel: choose another")
        missing = missing_permissions(channel)
        if missing:
            raise PickFailure(
                f"I lost the {', '.join(missing)} permission in #{channel.name}: "
                "give it back, or choose another channel with /picks channel"
            )
        return channel

    async def _send(self, pick: PlannedPick, before: date | None = None) -> discord.Message:
        channel = await self._channel(pick)
        # By exact slug: a fuzzy lookup could feature a different article.
        article = await self.service.article(pick.slug)
        card = self.service.card(article) if article is not None else None
        post = pick_post(pick, article, card and card.summary, card and card.quote, before)
        try:
            return await channel.send(  # type: ignore[union-attr]
                content=post.content,
                embed=post.embed,
                allowed_mentions=post.allowed_mentions,
                **({"view": post.view} if post.view is not None else {}),
            )
        except discord.Forbidden as exc:
            raise PickFailure(
                f"Discord refused the post in #{channel.name} (missing permissions: "
                f"{exc.text or exc.status}): check my permissions there"
            ) from None
        except discord.NotFound:
            raise PickFailure(GONE) from None

    async def _open_thread(self, pick: PlannedPick, message: discord.Message) -> str | None:
        """Open the discussion thread under a posted pick; a failure is noted, not fatal."""
        try:
            await message.create_thread(name=thread_name(pick), auto_archive_duration=1440)
        except discord.HTTPException as exc:
            error = f"the pick was posted but I could not open its thread: {exc.text or exc.status}"
            log.warning("daily pick for guild %s: %s", pick.guild_id, error)
            await self.picks.note_problem(pick.guild_id, error)
            return error
        return None


def repeat_problem(pick: PlannedPick, before: date) -> str:
    """What /picks show says after an automatic pick repeated an article: journey23 and
    journey24 saw the only article under the picks' tags posted day after day with no word
    to anyone (/picks now said so to the moderator who ran it; the schedule told no one)."""
    return (
        f"the pick of {format_day(pick.day)} repeated “{pick.title}” (picked on "
        f"{format_day(before)}): every article the picks may choose was picked in the last "
        f"{pick.settings.window_days} days; /picks tags widens the choice"
    )
