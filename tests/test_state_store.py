"""The state store against both engines: SQLite (always) and PostgreSQL (when available)."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.picks.model import PicksSettings
from bot.store.state import StateError, open_state, redact_url, sqlite_path
from bot.store.state_migrations import MIGRATIONS

if __package__:
    from .pg import fresh_database, postgres_url  # noqa: F401
else:
    from pg import fresh_database, postgres_url  # noqa: F401

BIG_ID = 1_234_567_890_123_456_789  # Discord snowflakes need 64-bit columns
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
async def state_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty state database for each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/state.db"
    server = request.getfixturevalue("postgres_url")
    return await fresh_database(server)


async def test_migrations_run_once_and_again_is_a_no_op(state_url: str) -> None:
    store = await open_state(state_url)
    try:
        assert await store.schema_version() == len(MIGRATIONS)
        assert await store.migrate() == 0
    finally:
        await store.close()
    # A restart (a second open) applies nothing and keeps the data.
    async with await open_state(state_url) as again:
        assert await again.migrate() == 0
        assert await again.schema_version() == len(MIGRATIONS)


async def test_concurrent_start_ups_migrate_once(state_url: str) -> None:
    stores = await asyncio.gather(*(open_state(state_url) for _ in range(5)))
    try:
        assert {await s.schema_version() for s in stores} == {len(MIGRATIONS)}
        await stores[0].set_meta("k", "v")
        assert await stores[-1].get_meta("k") == "v"
    finally:
        await asyncio.gather(*(s.close() for s in stores))


async def test_meta_round_trip(state_url: str) -> None:
    async with await open_state(state_url) as store:
        assert await store.get_meta("command_hash") is None
        await store.set_meta("command_hash", "abc")
        await store.set_meta("command_hash", "def")
        assert await store.get_meta("command_hash") == "def"
    async with await open_state(state_url) as store:
        assert await store.get_meta("command_hash") == "def"


async def test_settings_round_trip(state_url: str) -> None:
    async with await open_state(state_url) as store:
        assert await store.get_settings(BIG_ID) == PicksSettings(guild_id=BIG_ID)
        full = PicksSettings(
            guild_id=BIG_ID,
            channel_id=BIG_ID + 1,
            time="07:45",
            timezone="America/New_York",
            tags=("go", "rust"),
            manager_role_id=BIG_ID + 2,
            ping_role_id=BIG_ID + 3,
            enabled=False,
            thread=True,
            skip_next=True,
            window_days=30,
            active_from=T0,
            problem="channel deleted",
            problem_at=T0 + timedelta(hours=1),
        )
        await store.save_settings(full)
        assert await store.get_settings(BIG_ID) == full
        # Off guilds are not scheduled; on ones with a channel are.
        assert await store.scheduled_settings() == []
        await store.save_settings(PicksSettings(guild_id=7, channel_id=70))
        await store.save_settings(PicksSettings(guild_id=8))  # no channel yet
        assert [s.guild_id for s in await store.scheduled_settings()] == [7]

        await store.clear_skip_next(BIG_ID)
        await store.set_problem(BIG_ID, None, None)
        reread = await store.get_settings(BIG_ID)
        assert not reread.skip_next and reread.problem is None and reread.problem_at is None
        assert reread.tags == ("go", "rust")


async def test_claim_day_exactly_once_across_two_stores(state_url: str) -> None:
    day = date(2025, 3, 1)
    first, second = await open_state(state_url), await open_state(state_url)
    try:
        claims = [s.claim_day(1, day, slug=f"a{i}") for i in range(5) for s in (first, second)]
        results = await asyncio.gather(*claims)
        assert sorted(results) == [False] * 9 + [True]
        # Another day, another guild: free; a restart sees the claim.
        assert await first.claim_day(1, day + timedelta(days=1))
        assert await second.claim_day(2, day)
    finally:
        await first.close()
        await second.close()
    async with await open_state(state_url) as restarted:
        assert not await restarted.claim_day(1, day)
        # Manual picks are not limited to one a day.
        await restarted.add_pick(1, day, status="posted", slug="m1", at=T0)
        await restarted.add_pick(1, day, status="posted", slug="m2", at=T0)
        assert await restarted.count_history(1) == 4


async def test_claim_outcomes_and_history_newest_first(state_url: str) -> None:
    async with await open_state(state_url) as store:
        d1, d2, d3 = date(2025, 3, 1), date(2025, 3, 2), date(2025, 3, 3)
        assert await store.claim_day(5, d1, slug="one", title="One", at=T0)
        await store.complete_claim(5, d1, channel_id=50, message_id=BIG_ID, posted_at=T0)
        assert await store.claim_day(5, d2, slug="two", at=T0 + timedelta(days=1))
        await store.fail_claim(5, d2, "Missing Permissions")
        assert await store.claim_day(5, d3, status="skipped", at=T0 + timedelta(days=2))
        await store.add_pick(
            5, d3, status="posted", slug="three", note="hi", at=T0 + timedelta(days=2, hours=1)
        )

        rows = await store.history(5, limit=10)
        assert [r.day for r in rows] == [d3, d3, d2, d1]
        assert [(r.kind, r.status) for r in rows] == [
            ("manual", "posted"),
            ("auto", "skipped"),
            ("auto", "failed"),
            ("auto", "posted"),
        ]
        assert rows[2].error == "Missing Permissions"
        assert rows[3].message_id == BIG_ID and rows[3].posted_at == T0
        assert rows[0].note == "hi"
        assert [r.day for r in await store.history(5, limit=2, offset=2)] == [d2, d1]
        assert await store.count_history(5) == 4

        # Failed and skipped picks do not count as picked.
        assert await store.last_pick_times(5) == {
            "one": T0,
            "three": T0 + timedelta(days=2, hours=1),
        }
        assert await store.last_auto_day(5) == d3
        assert await store.last_auto_day(6) is None
        assert await store.last_auto_days() == {5: d3}


async def test_sqlite_relative_path_is_relative_to_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with await open_state("sqlite:///data/nested/state.db") as store:
        assert store.engine == "sqlite"
        await store.set_meta("k", "v")
    assert (tmp_path / "data" / "nested" / "state.db").is_file()


async def test_bad_urls_give_one_line_errors() -> None:
    with pytest.raises(StateError, match="unsupported state database URL"):
        await open_state("mysql://root:secret@localhost/db")
    with pytest.raises(StateError) as info:
        await open_state("mysql://root:secret@localhost/db")
    assert "secret" not in str(info.value)
    with pytest.raises(StateError, match="bad SQLite URL"):
        sqlite_path("sqlite://")
    assert sqlite_path("sqlite:////abs/state.db") == "/abs/state.db"
    assert redact_url("postgresql://bot:pw@db:5432/state") == "postgresql://bot:***@db:5432/state"
