"""The interaction queue and the 3-second deadline, without Discord: a stand-in interaction
records acknowledgements (the end-to-end tests in test_discord_e2e.py drive the real path)."""

from __future__ import annotations

import asyncio
from typing import Any

import discord
import pytest

from bot.discord import deadline


class _Response:
    def __init__(self, fail: bool) -> None:
        self.deferred = 0
        self.fail = fail

    def is_done(self) -> bool:
        return self.deferred > 0

    async def defer(self, **_: Any) -> None:
        await asyncio.sleep(0)
        if self.fail:
            raise discord.HTTPException(_FakeHTTP(), "unknown interaction")
        self.deferred += 1


class _FakeHTTP:
    status = 404
    reason = "Not Found"


class _Interaction:
    def __init__(self, kind: discord.InteractionType, fail: bool = False) -> None:
        self.extras: dict[str, Any] = {}
        self.type = kind
        self.response = _Response(fail)


COMMAND = discord.InteractionType.application_command
AUTOCOMPLETE = discord.InteractionType.autocomplete


@pytest.fixture
def quick_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """An interaction is acknowledged after 0.05 s of waiting, so the tests wait little."""
    monkeypatch.setattr(deadline, "DEFER_AFTER", 0.05)


async def _after(seconds: float, value: str) -> str:
    await asyncio.sleep(seconds)
    return value


async def test_a_quick_answer_is_not_acknowledged_and_a_slow_one_once_before_it(
    quick_deadline: None,
) -> None:
    quick, slow = _Interaction(COMMAND), _Interaction(COMMAND)
    assert await deadline.in_time(quick, _after(0, "a")) == "a"
    assert await deadline.in_time(slow, _after(0.2, "b")) == "b"
    assert quick.response.deferred == 0
    assert slow.response.deferred == 1
    # Autocomplete cannot be acknowledged: it only waits.
    choices = _Interaction(AUTOCOMPLETE)
    assert await deadline.in_time(choices, _after(0.2, "c")) == "c"
    assert choices.response.deferred == 0


async def test_an_interaction_already_late_is_acknowledged_before_its_answer(
    quick_deadline: None,
) -> None:
    late = _Interaction(COMMAND)
    late.extras[deadline._ARRIVED] = 0.0  # arrived long ago
    assert await deadline.in_time(late, _after(0, "a")) == "a"
    assert late.response.deferred == 1


async def test_a_failed_acknowledgement_gives_the_queue_place_back(quick_deadline: None) -> None:
    queue = deadline.InteractionQueue(width=1)
    release = asyncio.Event()
    ran: list[str] = []

    async def hold() -> None:
        await release.wait()
        ran.append("first")

    first = asyncio.create_task(queue.run(_Interaction(COMMAND), hold))
    await asyncio.sleep(0)
    # Waits for its turn past the deadline; its acknowledgement fails (the interaction is
    # gone) after the place came free: the place must not be lost with it.
    doomed = _Interaction(COMMAND, fail=True)

    async def never() -> None:
        ran.append("doomed")

    waiting = asyncio.create_task(queue.run(doomed, never))
    await asyncio.sleep(0.15)  # past DEFER_AFTER: its acknowledgement has failed
    release.set()
    await first
    with pytest.raises(discord.HTTPException):
        await waiting
    assert ran == ["first"]

    async def after() -> None:
        ran.append("after")

    await asyncio.wait_for(queue.run(_Interaction(COMMAND), after), 1)
    assert ran == ["first", "after"]


async def test_a_cancelled_wait_for_a_place_does_not_take_it() -> None:
    queue = deadline.InteractionQueue(width=1)
    release = asyncio.Event()

    async def hold() -> None:
        await release.wait()

    async def nothing() -> None:
        return None

    first = asyncio.create_task(queue.run(_Interaction(COMMAND), hold))
    await asyncio.sleep(0)
    waiting = asyncio.create_task(queue.run(_Interaction(COMMAND), nothing))
    await asyncio.sleep(0)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    release.set()
    await first
    await asyncio.wait_for(queue.run(_Interaction(COMMAND), nothing), 1)
