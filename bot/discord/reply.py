"""Sending to Discord with mentions locked down on every single request."""

from __future__ import annotations

from typing import Any

import discord

from bot.discord.render import content as fit_content

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
