"""Reading the cache file in at start-up: the whole file, in chunks, and only when it fits,
through the one descriptor the process keeps while connections are open."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.store import sqlite as sqlite_files
from bot.store.articles import ArticleStore
from bot.store.sqlite import PREFETCH_CHUNK, held_descriptor, hold, prefetch, release


@pytest.fixture
def held(tmp_path: Path):
    """The file as a connection would hold it (see bot.store.sqlite.hold)."""
    db = tmp_path / "articles.db"
    db.write_bytes(b"")
    hold(db)
    yield db
    release(db)


@pytest.fixture
def advised(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, int]]:
    calls: list[tuple[int, int, int]] = []
    monkeypatch.setattr(
        os, "posix_fadvise", lambda fd, off, n, advice: calls.append((off, n, advice))
    )
    monkeypatch.setattr(sqlite_files, "available_memory", lambda: 1 << 40)
    return calls


def test_the_whole_file_is_asked_for_chunk_by_chunk(
    held: Path, advised: list[tuple[int, int, int]]
) -> None:
    db = held
    db.write_bytes(b"x" * (2 * PREFETCH_CHUNK + 5))
    assert prefetch(db) == db.stat().st_size
    assert [off for off, _, _ in advised] == [0, PREFETCH_CHUNK, 2 * PREFETCH_CHUNK]
    assert all(n == PREFETCH_CHUNK and a == os.POSIX_FADV_WILLNEED for _, n, a in advised)


def test_a_file_too_big_for_memory_is_left_alone(
    held: Path, advised: list[tuple[int, int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = held
    db.write_bytes(b"x" * 1000)
    monkeypatch.setattr(sqlite_files, "available_memory", lambda: 1999)
    assert prefetch(db) == 0
    assert advised == []
    monkeypatch.setattr(sqlite_files, "available_memory", lambda: None)  # not Linux
    assert prefetch(db) == 0 and advised == []


def test_a_missing_file_or_a_refusing_os_is_no_error(
    held: Path, advised: list[tuple[int, int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert prefetch(held.parent / "nothing.db") == 0
    db = held
    db.write_bytes(b"x")

    def refuse(*_: object) -> None:
        raise OSError("not supported")

    monkeypatch.setattr(os, "posix_fadvise", refuse)
    assert prefetch(db) == 0
    monkeypatch.delattr(os, "posix_fadvise")
    assert prefetch(db) == 0


@pytest.mark.skipif(not Path("/proc/meminfo").exists(), reason="reads /proc/meminfo (Linux)")
def test_available_memory_is_read_from_the_os() -> None:
    free = sqlite_files.available_memory()
    assert free is not None and free > 1 << 20


def test_a_file_no_connection_holds_is_never_opened(
    tmp_path: Path, advised: list[tuple[int, int, int]]
) -> None:
    db = tmp_path / "articles.db"
    db.write_bytes(b"x" * 100)
    assert prefetch(db) == 0 and advised == []


async def test_the_descriptor_outlives_every_connection_of_the_process(tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    first = await ArticleStore.open(db)
    second = await ArticleStore.open(db, readers=2)  # e.g. a reload's writer beside readers
    fd = held_descriptor(db)
    assert fd is not None and os.path.samestat(os.fstat(fd), db.stat())
    await second.close()
    await second.close()  # closing twice must not count twice
    assert held_descriptor(db) == fd, "closed while the first store still holds locks"
    await first.close()
    assert held_descriptor(db) is None
