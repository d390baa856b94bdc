"""When a guild's daily pick is due: pure functions of the settings and an injected clock.

A day's run instant is the set local time on that local date. A run time that does not exist
(spring-forward gap) runs at the first instant after it; an ambiguous one (fall-back) runs at
its first occurrence. A day is due from its run instant until local midnight, once.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.picks.model import PicksSettings
from bot.picks.settings import parse_time, validate_timezone

_TICK = timedelta(microseconds=1)


def zone_of(settings: PicksSettings) -> ZoneInfo:
    """The guild's timezone."""
    return ZoneInfo(validate_timezone(settings.timezone))


def local_today(settings: PicksSettings, now: datetime) -> date:
    """The guild's local date at `now`."""
    return _require_aware(now).astimezone(zone_of(settings)).date()


def run_instant(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The UTC instant of local `day` at wall time `at` in `tz`, resolving DST gaps and folds."""
    wall = datetime.combine(day, at)
    first = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if first.astimezone(tz).replace(tzinfo=None) == wall:
        return first  # exists; fold=0 is the earlier of two ambiguous readings
    # In a gap: the two readings straddle the transition; the first instant whose wall time
    # reaches `wall` is the transition itself. Bisect down to the microsecond.
    other = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    lo, hi = sorted((first, other))
    while hi - lo > _TICK:
        mid = lo + (hi - lo) // 2
        if mid.astimezone(tz).replace(tzinfo=None) >= wall:
            hi = mid
        else:
            lo = mid
    return hi


def _require_aware(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now


def _runs_on(settings: PicksSettings, day: date, tz: ZoneInfo) -> datetime | None:
    run = run_instant(day, parse_time(settings.time), tz)
    if settings.active_from is not None and run < settings.active_from:
        return None  # the schedule was set after this day's run time
    return run


def due_day(settings: PicksSettings, now: datetime, last_auto_day: date | None) -> date | None:
    """The local day whose automatic pick is due at `now`, or None.

    Due once the set time has passed on the guild's local today, until local midnight, if
    that day is after `last_auto_day` (the last day claimed). Past days are never due.
    """
    tz = zone_of(settings)
    today = _require_aware(now).astimezone(tz).date()
    if last_auto_day is not None and last_auto_day >= today:
        return None
    run = _runs_on(settings, today, tz)
    if run is None or now < run:
        return None
    return today


def next_run(settings: PicksSettings, now: datetime, last_auto_day: date | None = None) -> datetime:
    """When the next automatic pick runs (UTC): `now` itself if one is due, else its time.

    `last_auto_day` is the last local day already claimed (None: none yet).
    """
    tz = zone_of(settings)
    today = _require_aware(now).astimezone(tz).date()
    day = today
    # A zone change can leave claimed days ahead of today; a year bounds the search.
    for _ in range(400):
        if last_auto_day is None or day > last_auto_day:
            run = _runs_on(settings, day, tz)
            if run is not None:
                if run >= now:
                    return run
                if day == today:
                    return now.astimezone(UTC)  # due now: posts late, once
        day += timedelta(days=1)
    raise ValueError("no run within a year")  # unreachable with sane settings
