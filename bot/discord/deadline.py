"""Answering interactions in arrival order, and before Discord's 3-second deadline.

Without a queue, a burst of interactions all progress at once: every await (a database
read, an HTTP request) sends a handler to the back of the event loop's queue, behind the
work of every other interaction in flight, so one needing several reads waits for the
whole burst several times over. Letting a few in at a time, first come first served,
gives each the same short wait and the burst the same total time.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import discord

from bot.discord.reply import acknowledge

_T = TypeVar("_T")

# Interactions handled at once: enough to overlap one's database or HTTP wait with
# another's computing, few enough that a late arrival is not slowed by the whole burst.
QUEUE_WIDTH = 4
# Seconds after arrival an unanswered command is acknowledged ("thinking…"): Discord drops
# an interaction not acknowledged within 3 s of sending it, and it reached us a bit late.
DEFER_AFTER = 1.5
_ARRIVED = "arrived"


def mark_arrival(interaction: discord.Interaction) -> None:
    """Remember when the interaction reached the bot (the deadline counts from there)."""
    interaction.extras.setdefault(_ARRIVED, time.monotonic())


async def in_time(interaction: discord.Interaction, work: Awaitable[_T]) -> _T:
    """Await work; a command still waiting for it DEFER_AFTER seconds after it arrived
    is acknowledged first, so its answer comes as a follow-up instead of being dropped."""
    task = asyncio.ensure_future(work)
    arrived = interaction.extras.get(_ARRIVED, time.monotonic())
    left = DEFER_AFTER - (time.monotonic() - arrived)
    if left > 0:
        await asyncio.wait({task}, timeout=left)
    if not task.done() and interaction.type is discord.InteractionType.application_command:
        await acknowledge(interaction)
    return await task


class InteractionQueue:
    """Lets QUEUE_WIDTH interactions run at once, the others waiting in arrival order."""

    def __init__(self, width: int = QUEUE_WIDTH) -> None:
        self._slots = asyncio.Semaphore(width)

    async def run(
        self, interaction: discord.Interaction, handler: Callable[[], Awaitable[None]]
    ) -> None:
        """Run handler once a slot is free (acknowledging the command if that takes long)."""
        mark_arrival(interaction)
        acquiring = asyncio.ensure_future(self._slots.acquire())
        try:
            await in_time(interaction, acquiring)
        except BaseException:
            # Cancelled or the acknowledgement failed: a slot taken later goes back at once.
            acquiring.add_done_callback(self._give_back)
            raise
        try:
            await handler()
        finally:
            self._slots.release()

    def _give_back(self, acquiring: asyncio.Future[bool]) -> None:
        if not acquiring.cancelled() and acquiring.exception() is None:
            self._slots.release()
