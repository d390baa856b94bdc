"""The `fake_discord` pytest fixture: a started FakeDiscord that fails the test on errors."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from .server import FakeDiscord


class SpecValidationSkipped(pytest.PytestWarning):
    """The Discord OpenAPI spec is absent, so request bodies were not validated."""


@contextlib.asynccontextmanager
async def running(fake: FakeDiscord) -> AsyncIterator[FakeDiscord]:
    """Start `fake`; at exit stop any bot and fail the test on recorded errors.

    Tests that need a FakeDiscord subclass use this in their own fixture.
    """
    if fake.validation_skipped:
        warnings.warn(
            SpecValidationSkipped(f"request bodies not validated: {fake.validation_skipped}"),
            stacklevel=1,
        )
    await fake.start()
    try:
        yield fake
    finally:
        await fake.close()
    if fake.errors:
        pytest.fail(
            "fake Discord saw invalid payloads or unknown routes:\n  " + "\n  ".join(fake.errors),
            pytrace=False,
        )


@pytest_asyncio.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A running fake Discord that fails the test on errors."""
    async with running(FakeDiscord()) as fake:
        yield fake
