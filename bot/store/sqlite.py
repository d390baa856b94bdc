"""What both SQLite files (the article cache and the state) need when they are opened."""

from __future__ import annotations

import asyncio
import sqlite3

import aiosqlite


async def use_wal(db: aiosqlite.Connection, attempts: int = 50) -> str:
    """Switch to WAL mode and return the journal mode now in force.

    Switching a new file needs a moment of exclusive access that busy_timeout does not
    wait for, so processes (or stores) opening it at the same time retry briefly.
    """
    for attempt in range(attempts):
        try:
            row = await (await db.execute("PRAGMA journal_mode = WAL")).fetchone()
            return str(row[0]).lower()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            await asyncio.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")
