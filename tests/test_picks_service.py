"""Daily picks through the core service, as every adapter uses it, with a fake clock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.picks import PickCandidate, PicksError, PicksService, filter_by_tags
from bot.store.state import StateStore, open_state
from tests.fakeclock import FakeClock

if __package__:
    from .pg import fresh_database, postgres_url  # noqa: F401
else:
    from pg import fresh_database, postgres_url  # noqa: F401

GUILD, OTHER = 111, 222
CHANNEL = 999


def make_library(n: int) -> list[PickCandidate]:
    base = datetime(2024, 1, 1, tzinfo=UTC)
    return [
        PickCandidate(
            slug=f"art-{i:03d}",
            title=f"Article {i}",
            date=base + timedelta(days=i),
            tags=("rust",) if i % 3 == 0 else ("go",),
            has_good_summary=i % 2 == 0,
            has_cover=i % 5 == 0,
        )
        for i in range(n)
    ]


def source(articles: list[PickCandidate]):
    async def candidates(tags: list[str] | None) -> list[PickCandidate]:
        return filter_by_tags(articles, tags)

    return candidates


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[StateStore]:
    async with await open_state(f"sqlite:///{tmp_path}/state.db") as state:
        yield state


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2025, 6, 1, 7, 0, tzinfo=UTC))


async def configured(
    store: StateStore,
    clock: FakeClock,
    *,
    n: int = 80,
    guild: int = GUILD,
    at: str = "09:00",
    zone: str = "UTC",
) -> PicksService:
    service = PicksService(store, source(make_library(n)), clock)
    await service.set_channel(guild, CHANNEL)
    await service.set_time(guild, at, zone)
    return service


async def post_all(service: PicksService, guild_ids: set[int] | None = None) -> list[str]:
    """What an adapter does on each scheduler tick: post every due pick and record it."""
    posted = []
    for pick in await service.due(guild_ids):
        await service.record_posted(pick, message_id=len(posted) + 1)
        posted.append(pick.slug)
    return posted


async def test_configure_and_validate(store: StateStore, clock: FakeClock) -> None:
    service = PicksService(store, source(make_library(10)), clock)
    settings = await service.set_time(GUILD, "7:30", "europe/london")
    assert (settings.time, settings.timezone) == ("07:30", "Europe/London")
    with pytest.raises(PicksError, match="unknown timezone 'Mars/Base'"):
        await service.set_time(GUILD, "09:00", "Mars/Base")
    with pytest.raises(PicksError, match="HH:MM"):
        await service.set_time(GUILD, "noon", "UTC")
    # A bad time and a bad zone: both named at once (one error stops nothing short).
    with pytest.raises(PicksError, match="HH:MM.*; unknown timezone 'Mars/Base'"):
        await service.set_time(GUILD, "noon", "Mars/Base")
    assert (await service.set_tags(GUILD, ["Rust", " go "])).tags == ("rust", "go")
    with pytest.raises(PicksError, match="no article has any of the tags cooking"):
        await service.set_tags(GUILD, ["cooking"])
    assert (await service.set_tags(GUILD, None)).tags == ()
    await service.set_manager_role(GUILD, 5)
    await service.set_ping_role(GUILD, 6)
    await service.set_thread(GUILD, True)
    await service.set_window_days(GUILD, 30)
    with pytest.raises(PicksError, match="repeat window"):
        await service.set_window_days(GUILD, -1)
    stored = await service.settings(GUILD)
    assert (stored.manager_role_id, stored.ping_role_id, stored.thread) == (5, 6, True)
    assert stored.window_days == 30 and stored.timezone == "Europe/London"


async def test_post_now_needs_a_channel_and_respects_a_chosen_article(
    store: StateStore, clock: FakeClock
) -> None:
    service = PicksService(store, source(make_library(5)), clock)
    with pytest.raises(PicksError, match="no picks channel"):
        await service.now(GUILD)
    await service.set_channel(GUILD, CHANNEL)
    pick = await service.now(GUILD, note="  a favourite  ")
    assert (pick.kind, pick.channel_id, pick.note) == ("manual", CHANNEL, "a favourite")
    assert pick.slug == "art-004"  # the newest
    await service.record_posted(pick, message_id=77)
    # The next automatic choice is not the same article.
    assert (await service.now(GUILD)).slug != "art-004"
    chosen = await service.now(GUILD, slug="art-001")
    assert chosen.title == "Article 1"
    with pytest.raises(PicksError, match="no article with the slug"):
        await service.now(GUILD, slug="nope")
    [row] = (await service.history(GUILD)).items
    assert (row.slug, row.kind, row.status, row.message_id) == ("art-004", "manual", "posted", 77)


async def test_scheduled_post_at_the_set_time_once(store: StateStore, clock: FakeClock) -> None:
    service = await configured(store, clock)  # configured at 07:00 for 09:00
    clock.set(2025, 6, 1, 8, 59)
    assert await service.due() == []
    clock.set(2025, 6, 1, 9, 0)
    [pick] = await service.due()
    assert (pick.kind, pick.day, pick.channel_id) == ("auto", date(2025, 6, 1), CHANNEL)
    await service.record_posted(pick, message_id=1)
    clock.set(2025, 6, 1, 9, 1)
    assert await service.due() == []
    clock.set(2025, 6, 2, 9, 0)
    assert len(await post_all(service)) == 1


async def test_restart_mid_day_posts_late_once(tmp_path: Path, clock: FakeClock) -> None:
    url = f"sqlite:///{tmp_path}/state.db"
    async with await open_state(url) as store:
        await configured(store, clock)
    # The bot was down at 09:00 and comes back at 15:00: it posts late, once.
    clock.set(2025, 6, 1, 15, 0)
    async with await open_state(url) as store:
        service = PicksService(store, source(make_library(10)), clock)
        assert len(await post_all(service)) == 1
    clock.set(2025, 6, 1, 16, 0)
    async with await open_state(url) as store:
        service = PicksService(store, source(make_library(10)), clock)
        assert await post_all(service) == []
        # Down all of June 2, back after midnight: June 2 is not posted on June 3.
        clock.set(2025, 6, 3, 0, 30)
        assert await post_all(service) == []
        clock.set(2025, 6, 3, 9, 0)
        assert len(await post_all(service)) == 1
        assert [r.day for r in (await service.history(GUILD)).items] == [
            date(2025, 6, 3),
            date(2025, 6, 1),
        ]


async def test_configuring_after_todays_time_starts_tomorrow(
    store: StateStore, clock: FakeClock
) -> None:
    clock.set(2025, 6, 1, 12, 0)
    service = await configured(store, clock)
    assert await service.due() == []
    overview = await service.show(GUILD)
    assert overview.next_run == datetime(2025, 6, 2, 9, 0, tzinfo=ZoneInfo("UTC"))
    clock.set(2025, 6, 2, 9, 0)
    assert len(await post_all(service)) == 1


async def test_dst_day_posts_once_at_the_first_valid_instant(
    store: StateStore, clock: FakeClock
) -> None:
    clock.set(2025, 3, 8, 12, 0)
    service = await configured(store, clock, at="02:30", zone="America/New_York")
    posted_at = []
    # Tick every 10 minutes across the spring-forward night (02:30 does not exist).
    while clock.now < datetime(2025, 3, 10, 12, 0, tzinfo=UTC):
        if await post_all(service):
            posted_at.append(clock.now)
        clock.now += timedelta(minutes=10)
    assert posted_at == [
        datetime(2025, 3, 9, 7, 0, tzinfo=UTC),  # 03:00 EDT, when the clocks jump
        datetime(2025, 3, 10, 6, 30, tzinfo=UTC),  # 02:30 EDT the next day
    ]


async def test_skip_the_next_pick(store: StateStore, clock: FakeClock) -> None:
    service = await configured(store, clock)
    assert (await service.skip(GUILD)).skip_next
    clock.set(2025, 6, 1, 9, 0)
    assert await service.due() == []
    assert not (await service.settings(GUILD)).skip_next
    [row] = (await service.history(GUILD)).items
    assert row.status == "skipped"
    clock.set(2025, 6, 2, 9, 0)
    assert len(await post_all(service)) == 1


async def test_off_and_on(store: StateStore, clock: FakeClock) -> None:
    service = await configured(store, clock)
    await service.set_enabled(GUILD, False)
    clock.set(2025, 6, 1, 9, 0)
    assert await service.due() == []
    assert (await service.show(GUILD)).next_run is None
    clock.set(2025, 6, 1, 9, 30)
    await service.set_enabled(GUILD, True)  # on again after today's time: from tomorrow
    assert await service.due() == []
    clock.set(2025, 6, 2, 9, 0)
    assert len(await post_all(service)) == 1


async def test_failure_is_reported_and_other_guilds_are_unaffected(
    store: StateStore, clock: FakeClock
) -> None:
    service = await configured(store, clock)
    await configured(store, clock, guild=OTHER)
    clock.set(2025, 6, 1, 9, 0)
    picks = {p.guild_id: p for p in await service.due()}
    assert set(picks) == {GUILD, OTHER}
    await service.record_failed(
        picks[GUILD], "403 Forbidden (error code: 50013): Missing Permissions"
    )
    await service.record_posted(picks[OTHER], message_id=5)

    overview = await service.show(GUILD)
    assert overview.problem and "Missing Permissions" in overview.problem
    assert overview.recent[0].status == "failed"
    assert (await service.show(OTHER)).problem is None
    # The failed day is not retried; the next day posts and clears the problem.
    clock.set(2025, 6, 1, 10, 0)
    assert await service.due() == []
    clock.set(2025, 6, 2, 9, 0)
    assert len(await post_all(service, {GUILD})) == 1
    assert (await service.show(GUILD)).problem is None


async def test_empty_library_reports_a_problem(store: StateStore, clock: FakeClock) -> None:
    service = await configured(store, clock, n=0)
    clock.set(2025, 6, 1, 9, 0)
    assert await service.due() == []
    assert (await service.show(GUILD)).problem == "the library has no article to pick"
    with pytest.raises(PicksError, match="no article to pick"):
        await service.now(GUILD)


async def test_no_repeats_over_sixty_days_and_tags(store: StateStore, clock: FakeClock) -> None:
    service = await configured(store, clock, n=70)
    slugs = []
    for day in range(60):
        clock.now = datetime(2025, 6, 1, 9, 5, tzinfo=UTC) + timedelta(days=day)
        slugs += await post_all(service)
    assert len(slugs) == 60 == len(set(slugs))

    await service.set_tags(OTHER, ["rust"])
    await service.set_channel(OTHER, CHANNEL)
    clock.now += timedelta(days=1)
    [pick] = await service.due({OTHER})
    assert "rust" in pick.candidate.tags


async def test_shards_only_schedule_their_guilds(store: StateStore, clock: FakeClock) -> None:
    service = await configured(store, clock)
    await configured(store, clock, guild=OTHER)
    clock.set(2025, 6, 1, 9, 0)
    assert [p.guild_id for p in await service.due({GUILD})] == [GUILD]
    # Shards moved: another process now owns OTHER and still posts its day.
    assert [p.guild_id for p in await service.due({OTHER, 333})] == [OTHER]
    assert await service.due(None) == []


async def test_two_guilds_in_different_zones(store: StateStore, clock: FakeClock) -> None:
    clock.set(2025, 5, 31, 20, 0)  # 05:00 June 1 in Tokyo, 13:00 May 31 in Los Angeles
    tokyo = await configured(store, clock, guild=GUILD, zone="Asia/Tokyo")
    await configured(store, clock, guild=OTHER, zone="America/Los_Angeles")
    clock.set(2025, 6, 1, 9, 0, zone="Asia/Tokyo")  # 17:00 May 31 in Los Angeles
    [pick] = await tokyo.due()
    assert (pick.guild_id, pick.day) == (GUILD, date(2025, 6, 1))
    clock.set(2025, 6, 1, 9, 0, zone="America/Los_Angeles")
    [pick] = await tokyo.due()
    assert (pick.guild_id, pick.day) == (OTHER, date(2025, 6, 1))
    shown = await tokyo.show(OTHER)
    assert shown.next_run.tzinfo == ZoneInfo("America/Los_Angeles")
    assert shown.next_run.date() == date(2025, 6, 2) and shown.next_run.hour == 9


async def test_show_history_and_preview(store: StateStore, clock: FakeClock) -> None:
    service = await configured(store, clock, n=30)
    for day in range(12):
        clock.now = datetime(2025, 6, 1, 9, 0, tzinfo=UTC) + timedelta(days=day)
        await post_all(service)
    overview = await service.show(GUILD)
    assert len(overview.recent) == 10 and overview.recent[0].day == date(2025, 6, 12)
    page = await service.history(GUILD, page=2, per_page=5)
    assert (page.total, page.pages, len(page.items)) == (12, 3, 5)
    assert page.items[0].day == date(2025, 6, 7)
    assert (await service.history(GUILD, page=99, per_page=5)).page == 3

    clock.now = datetime(2025, 6, 12, 12, 0, tzinfo=UTC)
    before = await store.count_history(GUILD)
    preview = await service.preview(GUILD, days=5)
    assert await store.count_history(GUILD) == before  # nothing written
    assert [p.day for p in preview] == [date(2025, 6, 13) + timedelta(days=i) for i in range(5)]
    # What the preview shows is what gets posted.
    posted = []
    for day in range(1, 6):
        clock.now = datetime(2025, 6, 12, 9, 0, tzinfo=UTC) + timedelta(days=day)
        posted += await post_all(service)
    assert posted == [p.candidate.slug for p in preview]
    with pytest.raises(PicksError, match="days must be"):
        await service.preview(GUILD, days=0)


async def test_preview_shows_a_skipped_day(store: StateStore, clock: FakeClock) -> None:
    service = await configured(store, clock, n=3)
    await service.skip(GUILD)
    preview = await service.preview(GUILD, days=4)
    assert preview[0].skipped and preview[0].candidate is None
    assert preview[0].day == date(2025, 6, 1)
    slugs = [p.candidate.slug for p in preview[1:]]
    assert all(a != b for a, b in zip(slugs, slugs[1:], strict=False))


async def test_preview_of_an_unconfigured_guild_starts_at_the_next_run(
    store: StateStore, clock: FakeClock
) -> None:
    service = PicksService(store, source(make_library(5)), clock)
    clock.set(2025, 6, 1, 12, 0)
    preview = await service.preview(GUILD, days=2)
    assert [p.run_at for p in preview] == [
        datetime(2025, 6, 2, 9, 0, tzinfo=ZoneInfo("UTC")),
        datetime(2025, 6, 3, 9, 0, tzinfo=ZoneInfo("UTC")),
    ]


@pytest.fixture(params=["sqlite", "postgresql"])
async def shared_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/shared.db"
    return await fresh_database(request.getfixturevalue("postgres_url"))


async def test_processes_sharing_state_post_each_day_once(
    shared_url: str, clock: FakeClock
) -> None:
    stores = [await open_state(shared_url) for _ in range(3)]
    try:
        services = [PicksService(s, source(make_library(20)), clock) for s in stores]
        for guild in range(1, 6):
            await services[0].set_channel(guild, CHANNEL)
            await services[0].set_time(guild, "09:00", "UTC")
        clock.set(2025, 6, 1, 9, 0)
        # Every process ticks at once and asks for all guilds (e.g. during a shard move).
        results = await asyncio.gather(*(s.due(None) for s in services * 2))
        planned = [(p.guild_id, p.day) for picks in results for p in picks]
        assert sorted(planned) == [(g, date(2025, 6, 1)) for g in range(1, 6)]
    finally:
        for s in stores:
            await s.close()


async def test_servers_start_from_the_configured_defaults(
    store: StateStore, clock: FakeClock
) -> None:
    from bot.settings import Settings

    defaults = Settings.load(
        environ={"PICKS_TIME": "18:15", "PICKS_TIMEZONE": "Asia/Tokyo"}, env_file=None
    ).picks_defaults()
    service = PicksService(store, source(make_library(5)), clock, defaults=defaults)
    fresh = await service.settings(GUILD)
    assert (fresh.guild_id, fresh.time, fresh.timezone) == (GUILD, "18:15", "Asia/Tokyo")
    # A server's own choice wins over the defaults, and survives.
    await service.set_time(GUILD, "06:00", "UTC")
    assert (await service.settings(GUILD)).time == "06:00"
    set_channel = await service.set_channel(OTHER, CHANNEL)
    assert set_channel.timezone == "Asia/Tokyo"
