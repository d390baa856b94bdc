"""The bot's state: meta values, per-guild picks settings and picks history.

One API over two engines chosen by URL: `sqlite:///data/state.db` (aiosqlite, WAL; the
embedded default) and `postgresql://user:pass@host:port/db` (asyncpg pool, shared by any
number of bot processes). All SQL for the state lives here and in state_migrations.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import aiosqlite

from bot.picks.model import PickKind, PickRecord, PicksSettings, PickStatus
from bot.store.sqlite import connect, use_wal
from bot.store.state_migrations import MIGRATIONS, statements

log = logging.getLogger("articlebot.state")

# Any constant works: it only has to be the same in every process migrating this database.
_PG_MIGRATION_LOCK = 0x41_52_54_42_4F_54  # "ARTBOT"

_SCHEMA_VERSION_DDL = (
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
)


class StateError(RuntimeError):
    """The state database cannot be opened or used; the message is one line for users."""


def _ts(value: datetime | None) -> str | None:
    """A fixed-width UTC ISO string, so text order is time order in both engines."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def _dt(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _bool(value: Any) -> bool:
    return bool(int(value))


@lru_cache(maxsize=256)
def _to_dollar(sql: str) -> str:
    """Translate `?` placeholders to asyncpg's `$1, $2, …` (no `?` appears in our literals)."""
    counter = iter(range(1, 10_000))
    return re.sub(r"\?", lambda _m: f"${next(counter)}", sql)


class _Engine(Protocol):
    name: str

    async def execute(self, sql: str, *args: Any) -> int: ...
    async def fetch(self, sql: str, *args: Any) -> list[Mapping[str, Any]]: ...
    async def migrate(self) -> int: ...
    async def close(self) -> None: ...


class _SqliteEngine:
    name = "sqlite"

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn
        # One connection: explicit transactions must not interleave with other coroutines.
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: str) -> _SqliteEngine:
        folder = Path(path).parent
        if path != ":memory:" and not folder.is_dir():
            # A typo in the URL would otherwise start an empty state without a word.
            log.warning("STATE_DATABASE_URL: folder %s does not exist; creating it", folder)
            folder.mkdir(parents=True, exist_ok=True)
        conn = await connect(path)
        try:
            conn.row_factory = aiosqlite.Row
            await use_wal(conn)
            await conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            # An open aiosqlite thread would keep the process alive after the error.
            await conn.close()
            raise
        return cls(conn)

    async def execute(self, sql: str, *args: Any) -> int:
        async with self._lock:
            cursor = await self._conn.execute(sql, args)
            try:
                return cursor.rowcount
            finally:
                await cursor.close()

    async def fetch(self, sql: str, *args: Any) -> list[Mapping[str, Any]]:
        async with self._lock:
            return list(await self._conn.execute_fetchall(sql, args))

    async def migrate(self) -> int:
        async with self._lock:
            # BEGIN IMMEDIATE takes the write lock first, so concurrent migrators queue up.
            await self._conn.execute("BEGIN IMMEDIATE")
            try:
                applied = await self._apply_missing()
            except BaseException:
                await self._conn.execute("ROLLBACK")
                raise
            await self._conn.execute("COMMIT")
            return applied

    async def _apply_missing(self) -> int:
        await self._conn.execute(_SCHEMA_VERSION_DDL)
        rows = await self._conn.execute_fetchall("SELECT version FROM schema_version")
        done = {row[0] for row in rows}
        count = 0
        for version in range(1, len(MIGRATIONS) + 1):
            if version in done:
                continue
            for sql in statements(version, self.name):
                await self._conn.execute(sql)
            await self._conn.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                (version, _ts(datetime.now(UTC))),
            )
            count += 1
        return count

    async def close(self) -> None:
        await self._conn.close()


class _PostgresEngine:
    name = "postgresql"

    def __init__(self, pool: Any) -> None:
        self._pool = pool

    @classmethod
    async def open(cls, url: str) -> _PostgresEngine:
        import asyncpg

        pool = await asyncpg.create_pool(url, min_size=1, max_size=10, timeout=15)
        return cls(pool)

    async def execute(self, sql: str, *args: Any) -> int:
        status = await self._pool.execute(_to_dollar(sql), *args)
        last = status.rsplit(" ", 1)[-1]
        return int(last) if last.isdigit() else 0

    async def fetch(self, sql: str, *args: Any) -> list[Mapping[str, Any]]:
        return list(await self._pool.fetch(_to_dollar(sql), *args))

    async def migrate(self) -> int:
        async with self._pool.acquire() as conn, conn.transaction():
            # Several processes may start at once: the transaction-scoped advisory lock makes
            # them migrate one after another, and the later ones find nothing left to do.
            await conn.execute("SELECT pg_advisory_xact_lock($1)", _PG_MIGRATION_LOCK)
            await conn.execute(_SCHEMA_VERSION_DDL)
            done = {row[0] for row in await conn.fetch("SELECT version FROM schema_version")}
            count = 0
            for version in range(1, len(MIGRATIONS) + 1):
                if version in done:
                    continue
                for sql in statements(version, self.name):
                    await conn.execute(sql)
                await conn.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)",
                    version,
                    _ts(datetime.now(UTC)),
                )
                count += 1
            return count

    async def close(self) -> None:
        await self._pool.close()


_SETTINGS_COLUMNS = (
    "guild_id, channel_id, time, timezone, tags, manager_role_id, ping_role_id, enabled, "
    "thread, skip_next, window_days, active_from, problem, problem_at, updated_at"
)
_PICK_COLUMNS = (
    "id, guild_id, day, kind, status, slug, title, note, channel_id, message_id, error, "
    "claimed_at, posted_at"
)


def _settings_from_row(row: Mapping[str, Any]) -> PicksSettings:
    return PicksSettings(
        guild_id=int(row["guild_id"]),
        channel_id=row["channel_id"],
        time=row["time"],
        timezone=row["timezone"],
        tags=tuple(json.loads(row["tags"])),
        manager_role_id=row["manager_role_id"],
        ping_role_id=row["ping_role_id"],
        enabled=_bool(row["enabled"]),
        thread=_bool(row["thread"]),
        skip_next=_bool(row["skip_next"]),
        window_days=int(row["window_days"]),
        active_from=_dt(row["active_from"]),
        problem=row["problem"],
        problem_at=_dt(row["problem_at"]),
    )


def _pick_from_row(row: Mapping[str, Any]) -> PickRecord:
    return PickRecord(
        id=int(row["id"]),
        guild_id=int(row["guild_id"]),
        day=date.fromisoformat(row["day"]),
        kind=row["kind"],
        status=row["status"],
        slug=row["slug"],
        title=row["title"],
        note=row["note"],
        channel_id=row["channel_id"],
        message_id=row["message_id"],
        error=row["error"],
        claimed_at=datetime.fromisoformat(row["claimed_at"]),
        posted_at=_dt(row["posted_at"]),
    )


class StateStore:
    """The bot's state database. Open with `open_state(url)`; close with `close()`."""

    def __init__(self, engine: _Engine, url: str) -> None:
        self._db = engine
        self._url = url

    @property
    def url(self) -> str:
        """The database URL with any password hidden (for logs and /status)."""
        return redact_url(self._url)

    @property
    def engine(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self._db.name

    async def __aenter__(self) -> StateStore:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the connection or pool."""
        await self._db.close()

    # -- schema ---------------------------------------------------------------------------

    async def ping(self) -> None:
        """Raise unless the database answers (for the heartbeat)."""
        await self._db.fetch("SELECT 1")

    async def migrate(self) -> int:
        """Apply missing migrations (safe to run concurrently); return how many ran."""
        return await self._db.migrate()

    async def schema_version(self) -> int:
        """The highest applied migration number (0 on an empty database)."""
        rows = await self._db.fetch("SELECT MAX(version) AS v FROM schema_version")
        return int(rows[0]["v"] or 0) if rows else 0

    # -- meta -----------------------------------------------------------------------------

    async def get_meta(self, key: str) -> str | None:
        """The value stored under `key`, or None."""
        rows = await self._db.fetch("SELECT value FROM meta WHERE key = ?", key)
        return rows[0]["value"] if rows else None

    async def set_meta(self, key: str, value: str) -> None:
        """Store `value` under `key`, replacing any earlier value."""
        await self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            key,
            value,
        )

    # -- picks settings -------------------------------------------------------------------

    async def get_settings(
        self, guild_id: int, defaults: PicksSettings | None = None
    ) -> PicksSettings:
        """The guild's picks settings; `defaults` (or the built-in ones) when it saved none."""
        rows = await self._db.fetch(
            f"SELECT {_SETTINGS_COLUMNS} FROM picks_settings WHERE guild_id = ?", guild_id
        )
        if rows:
            return _settings_from_row(rows[0])
        if defaults is None:
            return PicksSettings(guild_id=guild_id)
        return dataclasses.replace(defaults, guild_id=guild_id)

    async def save_settings(self, settings: PicksSettings, *, at: datetime | None = None) -> None:
        """Insert or replace the guild's settings row."""
        s = settings
        columns = [c.strip() for c in _SETTINGS_COLUMNS.split(",")]
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "guild_id")
        await self._db.execute(
            f"INSERT INTO picks_settings ({_SETTINGS_COLUMNS}) "
            f"VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT (guild_id) DO UPDATE SET {updates}",
            s.guild_id,
            s.channel_id,
            s.time,
            s.timezone,
            json.dumps(list(s.tags)),
            s.manager_role_id,
            s.ping_role_id,
            int(s.enabled),
            int(s.thread),
            int(s.skip_next),
            int(s.window_days),
            _ts(s.active_from),
            s.problem,
            _ts(s.problem_at),
            _ts(at or datetime.now(UTC)),
        )

    async def scheduled_settings(self) -> list[PicksSettings]:
        """Settings of every guild with picks enabled and a channel set, by guild id."""
        rows = await self._db.fetch(
            f"SELECT {_SETTINGS_COLUMNS} FROM picks_settings "
            "WHERE enabled = 1 AND channel_id IS NOT NULL ORDER BY guild_id"
        )
        return [_settings_from_row(row) for row in rows]

    async def clear_skip_next(self, guild_id: int) -> None:
        """Clear the guild's skip-next flag (after the skipped day was claimed)."""
        await self._db.execute(
            "UPDATE picks_settings SET skip_next = 0 WHERE guild_id = ?", guild_id
        )

    async def set_problem(self, guild_id: int, problem: str | None, at: datetime | None) -> None:
        """Record (or with None, clear) the guild's last picks problem."""
        await self._db.execute(
            "UPDATE picks_settings SET problem = ?, problem_at = ? WHERE guild_id = ?",
            problem,
            _ts(at) if problem is not None else None,
            guild_id,
        )

    # -- picks history --------------------------------------------------------------------

    async def claim_day(
        self,
        guild_id: int,
        day: date,
        *,
        slug: str | None = None,
        title: str | None = None,
        status: PickStatus = "claimed",
        note: str | None = None,
        channel_id: int | None = None,
        at: datetime | None = None,
    ) -> bool:
        """Claim the automatic pick of `guild_id` for local `day`; True for exactly one caller.

        Atomic across processes sharing the database and across restarts (unique index on
        guild and day for automatic picks, insert-or-nothing).
        """
        rows = await self._db.fetch(
            "INSERT INTO picks (guild_id, day, kind, status, slug, title, note, channel_id, "
            "claimed_at) VALUES (?, ?, 'auto', ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING RETURNING id",
            guild_id,
            day.isoformat(),
            status,
            slug,
            title,
            note,
            channel_id,
            _ts(at or datetime.now(UTC)),
        )
        return bool(rows)

    async def complete_claim(
        self,
        guild_id: int,
        day: date,
        *,
        channel_id: int | None,
        message_id: int | None,
        posted_at: datetime | None = None,
        slug: str | None = None,
        title: str | None = None,
    ) -> None:
        """Mark the claimed automatic pick as posted (slug/title kept unless given)."""
        await self._db.execute(
            "UPDATE picks SET status = 'posted', channel_id = ?, message_id = ?, posted_at = ?, "
            "slug = COALESCE(?, slug), title = COALESCE(?, title), error = NULL "
            "WHERE guild_id = ? AND day = ? AND kind = 'auto'",
            channel_id,
            message_id,
            _ts(posted_at or datetime.now(UTC)),
            slug,
            title,
            guild_id,
            day.isoformat(),
        )

    async def fail_claim(
        self, guild_id: int, day: date, error: str, *, status: PickStatus = "failed"
    ) -> None:
        """Mark the claimed automatic pick as failed (or skipped) with a one-line reason."""
        await self._db.execute(
            "UPDATE picks SET status = ?, error = ? WHERE guild_id = ? AND day = ? AND kind = 'auto'",
            status,
            error,
            guild_id,
            day.isoformat(),
        )

    async def add_pick(
        self,
        guild_id: int,
        day: date,
        *,
        status: PickStatus,
        kind: PickKind = "manual",
        slug: str | None = None,
        title: str | None = None,
        note: str | None = None,
        channel_id: int | None = None,
        message_id: int | None = None,
        error: str | None = None,
        at: datetime | None = None,
    ) -> int:
        """Append a history row (manual picks); return its id."""
        when = _ts(at or datetime.now(UTC))
        rows = await self._db.fetch(
            "INSERT INTO picks (guild_id, day, kind, status, slug, title, note, channel_id, "
            "message_id, error, claimed_at, posted_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            guild_id,
            day.isoformat(),
            kind,
            status,
            slug,
            title,
            note,
            channel_id,
            message_id,
            error,
            when,
            when if status == "posted" else None,
        )
        return int(rows[0]["id"])

    async def history(self, guild_id: int, limit: int = 10, offset: int = 0) -> list[PickRecord]:
        """The guild's picks, newest first."""
        rows = await self._db.fetch(
            f"SELECT {_PICK_COLUMNS} FROM picks WHERE guild_id = ? "
            "ORDER BY claimed_at DESC, id DESC LIMIT ? OFFSET ?",
            guild_id,
            int(limit),
            int(offset),
        )
        return [_pick_from_row(row) for row in rows]

    async def count_history(self, guild_id: int) -> int:
        """How many history rows the guild has."""
        rows = await self._db.fetch("SELECT COUNT(*) AS n FROM picks WHERE guild_id = ?", guild_id)
        return int(rows[0]["n"])

    async def last_pick_times(self, guild_id: int) -> dict[str, datetime]:
        """When each article was last picked in the guild (posted or being posted)."""
        rows = await self._db.fetch(
            "SELECT slug, MAX(COALESCE(posted_at, claimed_at)) AS at FROM picks "
            "WHERE guild_id = ? AND slug IS NOT NULL AND status IN ('posted', 'claimed') "
            "GROUP BY slug",
            guild_id,
        )
        return {row["slug"]: datetime.fromisoformat(row["at"]) for row in rows}

    async def last_auto_days(self) -> dict[int, date]:
        """The latest local day claimed for an automatic pick, for every guild with one."""
        rows = await self._db.fetch(
            "SELECT guild_id, MAX(day) AS day FROM picks WHERE kind = 'auto' GROUP BY guild_id"
        )
        return {int(row["guild_id"]): date.fromisoformat(row["day"]) for row in rows}

    async def last_auto_day(self, guild_id: int) -> date | None:
        """The latest local day claimed for an automatic pick, whatever its outcome."""
        rows = await self._db.fetch(
            "SELECT MAX(day) AS day FROM picks WHERE guild_id = ? AND kind = 'auto'", guild_id
        )
        value = rows[0]["day"] if rows else None
        return date.fromisoformat(value) if value else None


def sqlite_path(url: str) -> str:
    """The file path in a `sqlite:///relative` or `sqlite:////absolute` URL."""
    rest = url[len("sqlite://") :].split("?", 1)[0]
    if not rest.startswith("/"):
        raise StateError(f"bad SQLite URL {url!r}: use sqlite:///relative/path or sqlite:////abs")
    path = rest[1:]
    if not path:
        raise StateError(f"bad SQLite URL {url!r}: no file path")
    return path


def redact_url(url: str) -> str:
    """The URL with any password replaced, for logs and error messages."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


async def open_state(url: str, *, migrate: bool = True) -> StateStore:
    """Open the state database at `url` and apply any missing migrations.

    `sqlite:///data/state.db` (relative to the working directory; the folder is created) or
    `postgresql://user:pass@host:port/db`. Raises StateError with a one-line reason.
    """
    engine: _Engine
    try:
        if url.startswith("sqlite://"):
            engine = await _SqliteEngine.open(sqlite_path(url))
        elif url.startswith(("postgresql://", "postgres://")):
            engine = await _PostgresEngine.open(url)
        else:
            raise StateError(
                f"unsupported state database URL {redact_url(url)!r}: "
                "use sqlite:///path or postgresql://user:pass@host:port/db"
            )
    except StateError:
        raise
    except Exception as exc:  # OSError, aiosqlite's and asyncpg's own hierarchies
        raise StateError(f"cannot open state database {redact_url(url)}: {exc}") from exc
    store = StateStore(engine, url)
    if migrate:
        try:
            await store.migrate()
        except BaseException:
            await store.close()
            raise
    return store


__all__: Sequence[str] = (
    "StateError",
    "StateStore",
    "open_state",
    "redact_url",
    "sqlite_path",
)
