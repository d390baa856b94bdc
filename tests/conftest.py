"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CONTENT = ROOT / "content"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when that folder is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the shared corpus next to the project")
    return path


@pytest.fixture
def seed_dir() -> Path:
    return shared_path("seed")


@pytest.fixture
def blogs_dir() -> Path:
    return shared_path("corpus", "blogs")


@pytest.fixture
def real_dir() -> Path:
    return shared_path("corpus", "real")


# The fake Discord (tests/fakediscord) as a fixture for every end-to-end test.
from tests.fakediscord import fake_discord  # noqa: E402, F401
