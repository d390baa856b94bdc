"""A settable clock for the picks scheduler, shared by the core and end-to-end tests."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo


class FakeClock:
    """Returns `now`; tests move it to drive the scheduler."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, *args: int, zone: str = "UTC") -> None:
        self.now = datetime(*args, tzinfo=ZoneInfo(zone)).astimezone(UTC)
