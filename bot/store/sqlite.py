"""What both SQLite files (the article cache and the state) need when they are opened."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from pathlib import Path

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


PREFETCH_CHUNK = 8 << 20


def available_memory() -> int | None:
    """Bytes of memory the OS could give without swapping (Linux), else None."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def prefetch(path: Path, *, share: float = 0.5) -> int:
    """Ask the OS to read a database file into its page cache now; bytes asked for.

    A long-running process reads its cache file at random (FTS doclists, article rows):
    pages the OS dropped since the file was last used (after a restart, or on a host that
    reclaims idle page cache) each cost a disk read while members wait. One sequential
    read-ahead at start-up is far cheaper. Skipped where the OS cannot do it, and when the
    file is more than `share` of the memory available: it would only push out other pages.
    """
    advise = getattr(os, "posix_fadvise", None)
    try:
        size = path.stat().st_size
    except OSError:
        return 0
    free = available_memory()
    if advise is None or free is None or size > share * free:
        return 0
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return 0
    try:
        # Linux reads ahead only a few MiB per call: ask chunk by chunk. The reads happen
        # in the background; the calls return in a fraction of a second for 500 MB.
        for offset in range(0, size, PREFETCH_CHUNK):
            advise(fd, offset, PREFETCH_CHUNK, os.POSIX_FADV_WILLNEED)
    except OSError:
        return 0
    finally:
        os.close(fd)
    return size
