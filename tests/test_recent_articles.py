"""The store keeps the whole articles it read last, by id (ArticleStore.articles_by_id):
the same articles, in the same order, without reading them again; bounded; forgotten when
a reload changes the library."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.library.sync import Library
from bot.store import articles as store_module


def _write(root: Path, name: str, title: str, body: str) -> None:
    (root / name).write_text(f"---\ntitle: {title}\n---\n<p>{body}</p>\n", encoding="utf-8")


async def _ids(lib: Library) -> dict[str, int]:
    return {m.slug: m.id for m in await lib.store.all_meta()}


def _behind_its_back(db: Path, sql: str) -> None:
    """A change the reading store is not told of (another connection's write)."""
    with sqlite3.connect(db) as c:
        c.execute(sql)


async def test_an_article_read_again_is_the_one_kept(lib: Library) -> None:
    for i in range(3):
        _write(lib.content_dir, f"a{i}.md", f"Article {i}", f"Body of article {i}.")
    await lib.reload()
    ids = sorted((await _ids(lib)).values())
    first = await lib.store.articles_by_id(ids[:2])
    # The rows' text changed behind the store's back: a kept article is not read again.
    _behind_its_back(lib.db_path, "UPDATE articles SET text = 'changed'")
    again = await lib.store.articles_by_id([ids[1], ids[0]])
    assert again[ids[0]] is first[ids[0]] and again[ids[1]] is first[ids[1]]
    # Kept and read ones together come back in id order, as the query gives them.
    mixed = await lib.store.articles_by_id([ids[2], ids[0]])
    assert list(mixed) == [ids[0], ids[2]]
    assert mixed[ids[0]].text != "changed" and mixed[ids[2]].text == "changed"


async def test_only_the_last_read_are_kept(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "RECENT_ARTICLES", 2)
    for i in range(3):
        _write(lib.content_dir, f"a{i}.md", f"Article {i}", f"Body of article {i}.")
    await lib.reload()
    a, b, c = sorted((await _ids(lib)).values())
    await lib.store.articles_by_id([a])
    await lib.store.articles_by_id([b, c])  # a is the oldest: no longer kept
    _behind_its_back(lib.db_path, "UPDATE articles SET text = 'changed'")
    got = await lib.store.articles_by_id([a, b, c])
    assert [got[i].text == "changed" for i in (a, b, c)] == [True, False, False]


async def test_a_reload_that_changes_the_library_forgets_them(lib: Library) -> None:
    _write(lib.content_dir, "a.md", "Alpha", "The first version of alpha.")
    _write(lib.content_dir, "b.md", "Beta", "Beta stays.")
    await lib.reload()
    await lib.store.content_version()  # (as the search index reads it before serving)
    old = (await _ids(lib))["a"]
    assert (await lib.store.articles_by_id([old]))[old].title == "Alpha"
    (lib.content_dir / "a.md").unlink()
    await lib.reload()
    # Until the index reads the new content version, the removed one may be served...
    await lib.store.content_version()
    # ...then it is gone, as the cache says.
    assert await lib.store.articles_by_id([old]) == {}
