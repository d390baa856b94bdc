"""What both SQLite files (the article cache and the state) need when they are opened."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import threading
from pathlib import Path

import aiosqlite

# How long a statement waits for another connection's lock before "database is locked".
BUSY_TIMEOUT_MS = 10_000


async def connect(path: str | Path) -> aiosqlite.Connection:
    """An autocommit aiosqlite connection that waits up to 10 s for locks.

    Raises sqlite3.Error or OSError. On a failed connect aiosqlite stops its worker thread
    without waiting for it; a process that then prints its one-line error and exits would
    get that thread's "Event loop is closed" traceback after it, so it is waited for here.
    """
    pending = aiosqlite.connect(path, isolation_level=None)
    try:
        db = await pending
    except BaseException:
        worker = (
            pending if isinstance(pending, threading.Thread) else getattr(pending, "_thread", None)
        )
        if worker is not None and worker.is_alive():
            await asyncio.to_thread(worker.join, 5)
        raise
    try:
        await db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except BaseException:
        await db.close()
        raise
    return db


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


# SQLite's primary result codes for a damaged file (sqlite3.Error.sqlite_errorcode & 0xFF).
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26


def is_corrupt(exc: BaseException) -> bool:
    """Whether SQLite says the file itself is damaged (not locked, full or read-only)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in (SQLITE_CORRUPT, SQLITE_NOTADB)


# What the admin can do about an error that is not the cache's fault (sqlite's primary
# result codes): "database is locked" alone left them guessing who holds it.
_ADVICE = {
    5: "another program is writing it (a second bot or reload on the same file, or a tool"
    " holding it open): try again when it is done; each bot needs its own ARTICLES_DB",
    6: "another program is writing it: try again when it is done",
    8: "the file or its folder is read-only: make it writable, or set ARTICLES_DB to a"
    " writable place",
    13: "the disk is full: free some space, then reload",
}


def advice(exc: BaseException) -> str:
    """What to do about a sqlite error (locked, read-only, disk full), or ""."""
    code = getattr(exc, "sqlite_errorcode", None)
    return _ADVICE.get(code & 0xFF, "") if code is not None else ""


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


# One read-only descriptor per cache file, shared by every connection of this process.
# POSIX record locks belong to the process, not to a descriptor: closing *any* descriptor
# of a file drops every lock SQLite holds on it. Another process (`bot health`, run by the
# HEALTHCHECK) then believes it is the last user and deletes the live WAL. So the cache
# file is never opened and closed beside a connection: this descriptor is opened with the
# first connection and closed only after the last one, when there is no lock left to lose.
_held: dict[str, list[int]] = {}  # real path -> [descriptor or -1, connections]
_held_guard = threading.Lock()


def hold(path: Path) -> None:
    """Count one more open connection on `path` (call after it is connected)."""
    key = os.path.realpath(path)
    with _held_guard:
        entry = _held.get(key)
        if entry is None:
            try:
                fd = os.open(key, os.O_RDONLY | os.O_CLOEXEC)
            except OSError:
                fd = -1  # prefetch is then skipped; the connection works all the same
            _held[key] = [fd, 1]
        else:
            entry[1] += 1


def release(path: Path) -> None:
    """Count one connection fewer (call after it is closed); the last closes the descriptor."""
    key = os.path.realpath(path)
    with _held_guard:
        entry = _held.get(key)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] > 0:
            return
        del _held[key]
        if entry[0] >= 0:
            os.close(entry[0])  # no connection of this process is left: no lock to drop


def held_descriptor(path: Path) -> int | None:
    """The shared descriptor of `path` while a connection is open on it, else None."""
    entry = _held.get(os.path.realpath(path))
    return entry[0] if entry is not None and entry[0] >= 0 else None


def prefetch(path: Path, *, share: float = 0.5) -> int:
    """Ask the OS to read an open database file into its page cache now; bytes asked for.

    A long-running process reads its cache file at random (FTS doclists, article rows):
    pages the OS dropped since the file was last used (after a restart, or on a host that
    reclaims idle page cache) each cost a disk read while members wait. One sequential
    read-ahead at start-up is far cheaper. It goes through the held descriptor (see
    `hold`), never a new one. Skipped where the OS cannot do it, when no connection is
    open, and when the file is more than `share` of the memory available: it would only
    push out other pages.
    """
    advise = getattr(os, "posix_fadvise", None)
    fd = held_descriptor(path)
    if fd is None:
        return 0
    try:
        size = os.fstat(fd).st_size
    except OSError:
        return 0
    free = available_memory()
    if advise is None or free is None or size > share * free:
        return 0
    try:
        # Linux reads ahead only a few MiB per call: ask chunk by chunk. The reads happen
        # in the background; the calls return in a fraction of a second for 500 MB.
        for offset in range(0, size, PREFETCH_CHUNK):
            advise(fd, offset, PREFETCH_CHUNK, os.POSIX_FADV_WILLNEED)
    except OSError:
        return 0
    return size
