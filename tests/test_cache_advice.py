"""A cache error that is not the cache's fault says what to do (lib25): "database is
locked" alone left the admin guessing who held it; a read-only file or a full disk
likewise. The library already served stays served."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.library.sync import Library
from bot.store import sqlite as store_sqlite
from bot.store.articles import StoreError, _store_error
from tests.test_sync import article, write


async def test_a_cache_locked_by_another_program_says_what_to_do(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(lib.content_dir, "a.md", article("Alpha", "alpha"))
    await lib.reload()
    write(lib.content_dir, "b.md", article("Beta", "beta"))
    monkeypatch.setattr(store_sqlite, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(lib.db_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program writing the same cache file
        with pytest.raises(StoreError) as caught:
            await lib.reload()
    finally:
        holder.close()
    message = str(caught.value)
    assert "database is locked: another program is writing it" in message
    assert "try again when it is done" in message and "\n" not in message
    assert (await lib.store.article("alpha")).title == "Alpha"  # still served
    assert (await lib.reload()).added == 1  # and once it is done, the reload goes through


def test_a_read_only_cache_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "articles.db"
    sqlite3.connect(path).close()
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            ro.execute("CREATE TABLE t (x)")
    finally:
        ro.close()
    error = _store_error("cannot write the article cache", path, caught.value)
    assert str(error).endswith(
        "attempt to write a readonly database: the file or its folder is read-only:"
        " make it writable, or set ARTICLES_DB to a writable place"
    )


def test_an_error_without_advice_is_said_as_it_was(tmp_path: Path) -> None:
    error = _store_error("cannot read the article cache", tmp_path, sqlite3.Error("odd"))
    assert str(error) == f"cannot read the article cache {tmp_path}: odd"
