"""Reading the cache file in at start-up: the whole file, in chunks, and only when it fits."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.store import sqlite as sqlite_files
from bot.store.sqlite import PREFETCH_CHUNK, prefetch


@pytest.fixture
def advised(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, int]]:
    calls: list[tuple[int, int, int]] = []
    monkeypatch.setattr(
        os, "posix_fadvise", lambda fd, off, n, advice: calls.append((off, n, advice))
    )
    monkeypatch.setattr(sqlite_files, "available_memory", lambda: 1 << 40)
    return calls


def test_the_whole_file_is_asked_for_chunk_by_chunk(
    tmp_path: Path, advised: list[tuple[int, int, int]]
) -> None:
    db = tmp_path / "articles.db"
    db.write_bytes(b"x" * (2 * PREFETCH_CHUNK + 5))
    assert prefetch(db) == db.stat().st_size
    assert [off for off, _, _ in advised] == [0, PREFETCH_CHUNK, 2 * PREFETCH_CHUNK]
    assert all(n == PREFETCH_CHUNK and a == os.POSIX_FADV_WILLNEED for _, n, a in advised)


def test_a_file_too_big_for_memory_is_left_alone(
    tmp_path: Path, advised: list[tuple[int, int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "articles.db"
    db.write_bytes(b"x" * 1000)
    monkeypatch.setattr(sqlite_files, "available_memory", lambda: 1999)
    assert prefetch(db) == 0
    assert advised == []
    monkeypatch.setattr(sqlite_files, "available_memory", lambda: None)  # not Linux
    assert prefetch(db) == 0 and advised == []


def test_a_missing_file_or_a_refusing_os_is_no_error(
    tmp_path: Path, advised: list[tuple[int, int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert prefetch(tmp_path / "nothing.db") == 0
    db = tmp_path / "articles.db"
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
