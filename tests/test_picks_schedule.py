"""When daily picks are due: normal days, restarts, DST changes and several zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.picks.model import PicksSettings
from bot.picks.schedule import due_day, next_run, run_instant
from bot.picks.settings import (
    PicksError,
    can_manage,
    normalize_tags,
    parse_time,
    timezone_suggestions,
    validate_timezone,
)

NY = "America/New_York"
LONDON = "Europe/London"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def conf(at: str = "09:00", zone: str = "UTC", **kw: object) -> PicksSettings:
    return PicksSettings(guild_id=1, channel_id=10, time=at, timezone=zone, **kw)  # type: ignore[arg-type]


# -- settings validation ----------------------------------------------------------------


def test_parse_time_reads_a_12_hour_time_as_typed() -> None:
    # journey26: a moderator's "7am" was refused for its form.
    assert parse_time("7am") == time(7, 0)
    assert parse_time("7:30 PM") == time(19, 30)
    assert parse_time("12am") == time(0, 0) and parse_time("12 p.m.") == time(12, 0)
    for bad in ("13pm", "0am", "7:61am"):
        with pytest.raises(PicksError):
            parse_time(bad)


def test_parse_time_accepts_24_hour_times() -> None:
    assert parse_time("09:30") == time(9, 30)
    assert parse_time("7:05") == time(7, 5)
    assert parse_time(" 23:59 ") == time(23, 59)
    assert parse_time("00:00") == time(0, 0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("25:00", "hour must be 00-23"),
        ("12:60", "minutes must be 00-59"),
        ("9h", "HH:MM"),  # ("9am" reads as 09:00 since journey26)
        ("", "HH:MM"),
        ("12:3", "HH:MM"),
    ],
)
def test_parse_time_errors_are_clear(text: str, message: str) -> None:
    with pytest.raises(PicksError, match=message):
        parse_time(text)


def test_timezones_are_validated_and_suggested() -> None:
    assert validate_timezone("Europe/London") == "Europe/London"
    assert validate_timezone("america/new_york") == NY
    with pytest.raises(PicksError) as info:
        validate_timezone("Mars/Base")
    assert str(info.value) == "unknown timezone 'Mars/Base'"

    assert timezone_suggestions("lond")[0] == LONDON
    assert timezone_suggestions("new y")[0] == NY
    assert timezone_suggestions("Londn")[0] == LONDON  # a typo still finds it
    assert timezone_suggestions("tokyo") == ["Asia/Tokyo"]
    assert len(timezone_suggestions("")) == 25
    assert len(timezone_suggestions("a")) == 25
    assert len(timezone_suggestions("europe", limit=5)) == 5
    assert timezone_suggestions("zzzzzz") == []


def test_tags_and_manager_roles() -> None:
    assert normalize_tags([" Go ", "rust,GO", "#Science"]) == ("go", "rust", "science")
    assert normalize_tags(None) == ()
    settings = conf(manager_role_id=42)
    assert can_manage(settings, member_role_ids=[1, 42], has_manage_messages=False)
    assert not can_manage(settings, member_role_ids=[1], has_manage_messages=False)
    assert can_manage(conf(), member_role_ids=[], has_manage_messages=True)
    assert not can_manage(conf(), member_role_ids=[42], has_manage_messages=False)


# -- an ordinary day ---------------------------------------------------------------------


def test_normal_day() -> None:
    s = conf("09:00")
    today = date(2025, 6, 1)
    assert due_day(s, utc(2025, 6, 1, 8, 59), None) is None
    assert due_day(s, utc(2025, 6, 1, 9, 0), None) == today
    assert due_day(s, utc(2025, 6, 1, 9, 0), today - timedelta(days=1)) == today
    # Claimed: nothing again that day, due again the next.
    assert due_day(s, utc(2025, 6, 1, 9, 1), today) is None
    assert due_day(s, utc(2025, 6, 1, 23, 59), today) is None
    assert due_day(s, utc(2025, 6, 2, 9, 0), today) == date(2025, 6, 2)


def test_restart_mid_day_posts_late_once() -> None:
    s = conf("09:00")
    yesterday = date(2025, 6, 1)
    # Down at 09:00, back at 15:00: still today's pick, once.
    assert due_day(s, utc(2025, 6, 2, 15, 0), yesterday) == date(2025, 6, 2)
    assert due_day(s, utc(2025, 6, 2, 15, 1), date(2025, 6, 2)) is None
    assert next_run(s, utc(2025, 6, 2, 15, 0), yesterday) == utc(2025, 6, 2, 15, 0)


def test_a_missed_day_is_not_posted_after_midnight() -> None:
    s = conf("09:00")
    # Down all of June 2: after midnight June 2 is gone, and June 3 waits for 09:00.
    assert due_day(s, utc(2025, 6, 3, 0, 30), date(2025, 6, 1)) is None
    assert due_day(s, utc(2025, 6, 3, 8, 59), date(2025, 6, 1)) is None
    assert due_day(s, utc(2025, 6, 3, 9, 0), date(2025, 6, 1)) == date(2025, 6, 3)


def test_schedule_set_after_todays_time_starts_tomorrow() -> None:
    s = conf("09:00", active_from=utc(2025, 6, 1, 12, 0))
    assert due_day(s, utc(2025, 6, 1, 12, 0), None) is None
    assert next_run(s, utc(2025, 6, 1, 12, 0)) == utc(2025, 6, 2, 9, 0)
    assert due_day(s, utc(2025, 6, 2, 9, 0), None) == date(2025, 6, 2)
    # Set before the time: today counts.
    early = conf("09:00", active_from=utc(2025, 6, 1, 8, 0))
    assert due_day(early, utc(2025, 6, 1, 9, 0), None) == date(2025, 6, 1)


def test_next_run_is_in_the_future_or_now_when_due() -> None:
    s = conf("09:00", LONDON)  # BST in June: 09:00 local is 08:00 UTC
    assert next_run(s, utc(2025, 6, 1, 7, 0)) == utc(2025, 6, 1, 8, 0)
    assert next_run(s, utc(2025, 6, 1, 7, 0), date(2025, 6, 1)) == utc(2025, 6, 2, 8, 0)
    assert next_run(s, utc(2025, 6, 1, 9, 0), date(2025, 6, 1)) == utc(2025, 6, 2, 8, 0)
    assert next_run(s, utc(2025, 6, 1, 9, 0), date(2025, 5, 31)) == utc(2025, 6, 1, 9, 0)


# -- daylight saving ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "day", "at", "expected"),
    [
        # Spring forward: the set time does not exist; run when the clocks jump.
        (NY, date(2025, 3, 9), "02:30", utc(2025, 3, 9, 7, 0)),  # 03:00 EDT
        (LONDON, date(2025, 3, 30), "01:30", utc(2025, 3, 30, 1, 0)),  # 02:00 BST
        # Fall back: the set time happens twice; run at the first.
        (NY, date(2025, 11, 2), "01:30", utc(2025, 11, 2, 5, 30)),  # 01:30 EDT
        (LONDON, date(2025, 10, 26), "01:30", utc(2025, 10, 26, 0, 30)),  # 01:30 BST
        # Ordinary times on change days keep their wall-clock time.
        (NY, date(2025, 3, 9), "09:00", utc(2025, 3, 9, 13, 0)),
        (NY, date(2025, 3, 8), "09:00", utc(2025, 3, 8, 14, 0)),
        (LONDON, date(2025, 10, 26), "09:00", utc(2025, 10, 26, 9, 0)),
        (LONDON, date(2025, 10, 25), "09:00", utc(2025, 10, 25, 8, 0)),
    ],
)
def test_dst_run_instants(zone: str, day: date, at: str, expected: datetime) -> None:
    assert run_instant(day, parse_time(at), ZoneInfo(zone)) == expected
    s = conf(at, zone)
    assert due_day(s, expected - timedelta(microseconds=1), day - timedelta(days=1)) is None
    assert due_day(s, expected, day - timedelta(days=1)) == day


def test_fall_back_runs_once() -> None:
    s = conf("01:30", NY)
    first, second = utc(2025, 11, 2, 5, 30), utc(2025, 11, 2, 6, 30)  # 01:30 EDT, 01:30 EST
    assert first.astimezone(ZoneInfo(NY)).time() == second.astimezone(ZoneInfo(NY)).time()
    assert due_day(s, first, date(2025, 11, 1)) == date(2025, 11, 2)
    assert due_day(s, second, date(2025, 11, 2)) is None


@pytest.mark.parametrize(
    ("zone", "at"),
    [(NY, "02:30"), (NY, "01:30"), (LONDON, "01:30"), (LONDON, "00:00"), ("UTC", "23:45")],
)
def test_a_year_of_ticks_posts_every_day_exactly_once(zone: str, at: str) -> None:
    s = conf(at, zone)
    tz = ZoneInfo(zone)
    now = utc(2025, 1, 1, 0, 7)
    last: date | None = None
    claimed: list[date] = []
    while now < utc(2026, 1, 1):
        day = due_day(s, now, last)
        if day is not None:
            claimed.append(day)
            last = day
            # Posted on the local day it is for.
            assert now.astimezone(tz).date() == day
        now += timedelta(minutes=15)
    assert len(claimed) == len(set(claimed)), "a day was posted twice"
    expected = {date(2025, 1, 2) + timedelta(days=i) for i in range(363)}
    missed = sorted(expected - set(claimed))
    assert not missed, f"missed {len(missed)} days, first {missed[:3]}"


def test_two_zones_have_their_own_days() -> None:
    tokyo, la = conf("09:00", "Asia/Tokyo"), conf("09:00", "America/Los_Angeles")
    now = utc(2025, 6, 1, 1, 0)  # 10:00 June 1 in Tokyo, 18:00 May 31 in Los Angeles
    assert due_day(tokyo, now, date(2025, 5, 31)) == date(2025, 6, 1)
    assert due_day(la, now, date(2025, 5, 30)) == date(2025, 5, 31)
    assert due_day(la, now, date(2025, 5, 31)) is None
    assert next_run(la, now, date(2025, 5, 31)) == utc(2025, 6, 1, 16, 0)
    assert next_run(tokyo, now, date(2025, 6, 1)) == utc(2025, 6, 2, 0, 0)


def test_naive_clock_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        due_day(conf(), datetime(2025, 6, 1, 9, 0), None)
