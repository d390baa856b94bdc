"""Daily picks' plain data: a guild's settings and one row of its picks history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

PickKind = Literal["auto", "manual"]
PickStatus = Literal["claimed", "posted", "skipped", "failed"]


@dataclass(frozen=True, slots=True)
class PicksSettings:
    """One guild's daily-picks settings. A guild with no saved row gets these defaults."""

    guild_id: int
    channel_id: int | None = None
    time: str = "09:00"  # HH:MM in `timezone`
    timezone: str = "UTC"  # IANA name
    tags: tuple[str, ...] = ()
    manager_role_id: int | None = None
    ping_role_id: int | None = None
    enabled: bool = True
    thread: bool = False
    skip_next: bool = False
    window_days: int = 60
    active_from: datetime | None = None  # run times before this instant are not due
    problem: str | None = None
    problem_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PickRecord:
    """One row of a guild's picks history."""

    id: int
    guild_id: int
    day: date  # the guild's local date the pick is for
    kind: PickKind
    status: PickStatus
    slug: str | None
    title: str | None
    note: str | None
    channel_id: int | None
    message_id: int | None
    error: str | None
    claimed_at: datetime  # UTC
    posted_at: datetime | None  # UTC
