"""Sending to Discord with mentions locked down on every single request."""

from __future__ import annotations

from typing import Any

import discord

from bot.discord.render import content as fit_content
from bot.discord.render import embed_as_text

# Nothing a message says — article text or user input — may ping anyone.
NO_MENTIONS = discord.AllowedMentions.none()


async def send(
    interaction: discord.Interaction,
    text: str | None = None,
    *,
    embed: discord.Embed | None = None,
    view: discord.ui.View | None = None,
    ephemeral: bool = False,
) -> None:
    """Answer an interaction: the first response, or a follow-up once it was answered/deferred."""
    kwargs: dict[str, Any] = {"allowed_mentions": NO_MENTIONS, "ephemeral": ephemeral}
    if text is not None:
        kwargs["content"] = fit_content(text)
    if embed is not None:
        kwargs["embed"] = embed
    if view is not None:
        kwargs["view"] = view
    if interaction.response.is_done():
        await interaction.followup.send(**kwargs)
    else:
        await interaction.response.send_message(**kwargs)


async def acknowledge(interaction: discord.Interaction, *, ephemeral: bool = False) -> None:
    """Show "thinking…" for a slow answer, unless the interaction was acknowledged already
    (the interaction queue does so for a command that waited long for its turn)."""
    if not interaction.response.is_done():
        await interaction.response.defer(thinking=True, ephemeral=ephemeral)


async def edit_original(interaction: discord.Interaction, **kwargs: Any) -> None:
    """Edit the interaction's original response (e.g. disable buttons on timeout)."""
    await interaction.edit_original_response(allowed_mentions=NO_MENTIONS, **kwargs)


async def reply_to(
    message: discord.Message,
    text: str | None = None,
    *,
    embed: discord.Embed | None = None,
    view: discord.ui.View | None = None,
) -> discord.Message:
    """Reply to a member's message without pinging them or anyone. Where the bot may not
    embed (no Embed Links in the channel: Discord would drop the card and show only its
    buttons), the embed goes as text."""
    kwargs: dict[str, Any] = {"mention_author": False, "allowed_mentions": NO_MENTIONS}
    if view is not None:
        kwargs["view"] = view
    if embed is not None and not _may_embed(message):
        return await message.reply(embed_as_text(embed), **kwargs)
    if embed is not None:
        kwargs["embed"] = embed
    return await message.reply(text, **kwargs)


def _may_embed(message: discord.Message) -> bool:
    """Whether the bot's embeds show in the message's channel (always in a DM; in a guild
    channel with Embed Links; when its own member is not cached, as if it may)."""
    guild = message.guild
    me = guild.me if guild is not None else None
    if me is None:
        return True
    return message.channel.permissions_for(me).embed_links
