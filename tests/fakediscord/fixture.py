"""The `fake_discord` pytest fixture: a started FakeDiscord that fails the test on errors."""

from __future__ import annotations

import warnings
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from .server import FakeDiscord


class SpecValidationSkipped(pytest.PytestWarning):
    """The Discord OpenAPI spec is absent, so request bodies were not validated."""


@pytest_asyncio.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A running fake Discord; at teardown, stops any bot and fails on recorded errors."""
    fake = FakeDiscord()
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
