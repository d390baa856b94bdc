"""Errors: what users caused gets a short ephemeral line; bugs get a trace id in the log."""

from __future__ import annotations

import logging
import uuid

import discord
from discord import app_commands

from bot.discord.render import error_embed
from bot.discord.reply import send

log = logging.getLogger("articlebot.discord")


class UserError(app_commands.AppCommandError):
    """Something the user asked for cannot be done; the message is shown to them as is."""


class OnCooldown(app_commands.CheckFailure):
    """The user sent too many queries; `retry_after` seconds until the next one is allowed."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"on cooldown for {retry_after:.1f}s")
        self.retry_after = retry_after


class NotAllowed(app_commands.CheckFailure):
    """The user lacks a permission the command needs (checked in the bot, not only by Discord)."""


def user_message(error: BaseException) -> str | None:
    """The line a user sees for an error they caused; None for bugs."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, UserError | NotAllowed):
        return str(error)
    if isinstance(error, OnCooldown):
        wait = max(1, round(error.retry_after))
        return f"Slow down a little — you can ask again in {wait} s."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "That command only works in a server."
    if isinstance(error, app_commands.MissingPermissions):
        return "You need the " + ", ".join(error.missing_permissions) + " permission for that."
    if isinstance(error, app_commands.BotMissingPermissions):
        return "I am missing the " + ", ".join(error.missing_permissions) + " permission here."
    if isinstance(error, app_commands.TransformerError | app_commands.CommandNotFound):
        return "I did not understand that option: " + str(error)
    if isinstance(error, app_commands.CheckFailure):
        return "You cannot use that command here."
    return None


async def report_error(interaction: discord.Interaction, error: BaseException) -> None:
    """Tell the user what went wrong in an ephemeral embed; log bugs with a trace id."""
    text = user_message(error)
    if text is None:
        trace = uuid.uuid4().hex[:8]
        original = getattr(error, "original", error)
        log.error(
            "unexpected error (trace id %s) in %s by user %s",
            trace,
            _describe(interaction),
            interaction.user.id if interaction.user else "?",
            exc_info=original,
        )
        text = f"Sorry, something went wrong (id {trace})."
    try:
        await send(interaction, embed=error_embed(text), ephemeral=True)
    except discord.HTTPException as exc:  # the interaction may have expired meanwhile
        log.warning("could not report an error to the user: %s", exc)


def _describe(interaction: discord.Interaction) -> str:
    if interaction.command is not None:
        return f"/{interaction.command.qualified_name}"
    data = interaction.data or {}
    return str(data.get("custom_id") or data.get("name") or interaction.type.name)
