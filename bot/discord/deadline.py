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
    arrived = interaction.extras.get(_ARRIVED, time.monotonic())
    left = DEFER_AFTER - (time.monotonic() - arrived)
    if interaction.type is not discord.InteractionType.application_command:
        return await work  # autocomplete is never acknowledged: nothing to time
    if left <= 0:  # already late: acknowledge while the work goes on
        task = asyncio.ensure_future(work)
        await acknowledge(interaction)
        return await task
    # Every interaction passes here (the queue's turn) and most are answered well within
    # the time: one timer that acknowledges only if it fires, rather than a task for the
    # work and asyncio.wait (its waiter, callbacks and timer), ~25 us an interaction.
    loop = asyncio.get_running_loop()
    late: list[asyncio.Task[None]] = []
    timer = loop.call_later(left, lambda: late.append(loop.create_task(acknowledge(interaction))))
    try:
        return await work
    finally:
        timer.cancel()
        if late:  # the acknowledgement goes out before the answer (or the error reply)
            await late[0]


class InteractionQueue:
    """Lets QUEUE_WIDTH interactions run at once, the others waiting in arrival order."""

    def __init__(self, width: int = QUEUE_WIDTH) -> None:
        self._slots = asyncio.Semaphore(width)

    async def run(
        self, interaction: discord.Interaction, handler: Callable[[], Awaitable[None]]
    ) -> None:
        """Run handler once a slot is free (acknowledging the command if that takes long)."""
        mark_arrival(interaction)
        taken = False

        async def take() -> None:
            nonlocal taken
            await self._slots.acquire()
            taken = True

        try:
            await in_time(interaction, take())
        except BaseException:
            # The acknowledgement failed after the slot was taken: it goes back at once.
            # (Cancelled while waiting, the semaphore itself passes the slot on.)
            if taken:
                self._slots.release()
            raise
        try:
            await handler()
        finally:
            self._slots.release()
