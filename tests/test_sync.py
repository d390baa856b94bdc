"""Incremental reload of a content folder into the cache."""

from __future__ import annotations

import asyncio
import contextlib
import os
from pathlib import Path

import pytest

from bot.library import workers
from bot.library.sync import Library, LibraryError


def article(
    title: str, slug: str | None = None, body: str = "<p>Some text here.</p>", **extra
) -> str:
    lines = ["---", f"title: {title!r}"]
    if slug:
        lines.append(f"slug: {slug}")
    lines += [f"{k}: {v!r}" for k, v in extra.items()]
    lines += ["tags:", "  - testing", "---", body]
    return "\n".join(lines) + "\n"


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


async def test_incremental_reload_lifecycle(lib: Library) -> None:
    root = lib.content_dir
    write(root, "a.md", article("Alpha", "alpha"))
    write(root, "nested/b.md", article("Beta", "beta"))
    report = await lib.reload()
    assert (report.added, report.updated, report.removed, report.unchanged) == (2, 0, 0, 0)
    assert (await lib.store.article("beta")).path == "nested/b.md"

    # Nothing changed: everything is skipped.
    report = await lib.reload()
    assert (report.added, report.updated, report.unchanged) == (0, 0, 2)

    # Touch without changing content: mtime differs, hash does not.
    path = root / "a.md"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    report = await lib.reload()
    assert (report.added, report.updated, report.unchanged) == (0, 0, 2)

    # Change one, add one, delete one.
    write(root, "a.md", article("Alpha, revised", "alpha"))
    write(root, "c.md", article("Gamma", "gamma"))
    (root / "nested" / "b.md").unlink()
    report = await lib.reload()
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 1, 1, 0)
    assert (await lib.store.article("alpha")).title == "Alpha, revised"
    assert await lib.store.article("beta") is None
    assert await lib.store.count() == 2

    # Break a good file: the old version stays served, the file is reported and stale.
    write(root, "a.md", "---\ntitle: [unclosed\n---\nbody")
    report = await lib.reload()
    assert [f.path for f in report.failed] == ["a.md"]
    assert (await lib.store.article("alpha")).title == "Alpha, revised"
    stats = await lib.store.stats()
    assert stats.stale == 1 and stats.failing[0].path == "a.md"

    # Still broken on the next reload: still reported, still served.
    report = await lib.reload()
    assert [f.path for f in report.failed] == ["a.md"]
    assert await lib.store.article("alpha") is not None

    # Fixed again.
    write(root, "a.md", article("Alpha, fixed", "alpha"))
    report = await lib.reload()
    assert report.failed == [] and report.updated == 1
    assert (await lib.store.article("alpha")).title == "Alpha, fixed"
    assert (await lib.store.stats()).failing == []


async def test_every_kind_of_bad_file_is_reported_and_skipped(lib: Library) -> None:
    root = lib.content_dir
    write(root, "good.md", article("Good one", "good"))
    write(root, "bad-yaml.md", "---\ntitle: 'x\n  bad: [\n---\n<p>x</p>")
    write(root, "no-title.md", "---\nauthor: Someone\n---\n<p>no title</p>")
    write(root, "latin1.md", "---\ntitle: Café\n---\nna\xefve".encode("latin-1"))
    write(root, "binary.md", b"\x00\x01\x02PNG\x00\x00")
    write(root, "huge.md", article("Huge", "huge", body="<p>" + "word " * 500_000 + "</p>"))
    lib.max_bytes = 1_000_000
    report = await lib.reload()
    assert report.added == 1
    reasons = {f.path: f.error for f in report.failed}
    assert set(reasons) == {"bad-yaml.md", "no-title.md", "latin1.md", "binary.md", "huge.md"}
    assert "title" in reasons["no-title.md"]
    assert "UTF-8" in reasons["latin1.md"]
    assert "limit" in reasons["huge.md"]
    assert all("\n" not in reason and reason for reason in reasons.values())
    assert await lib.store.count() == 1


async def test_duplicate_slugs_are_both_kept_and_reported(lib: Library) -> None:
    write(lib.content_dir, "one.md", article("First", "same"))
    write(lib.content_dir, "two.md", article("Second", "same"))
    report = await lib.reload()
    assert report.added == 2
    assert len(report.renamed) == 1 and "same-2" in report.renamed[0]
    assert (await lib.store.article("same")).title == "First"
    assert (await lib.store.article("same-2")).title == "Second"
    # A later reload with nothing changed keeps both slugs stable.
    await lib.reload()
    assert (await lib.store.article("same-2")).title == "Second"


async def test_slug_comes_from_path_when_missing(lib: Library) -> None:
    write(lib.content_dir, "2024/05/My Post.md", article("Pathless"))
    await lib.reload()
    metas = await lib.store.all_meta()
    assert len(metas) == 1 and metas[0].slug and " " not in metas[0].slug


async def test_many_files_parse_in_worker_processes(lib: Library) -> None:
    for i in range(200):
        write(lib.content_dir, f"bulk/{i:03}.md", article(f"Bulk article {i}", f"bulk-{i}"))
    write(lib.content_dir, "bulk/broken.md", "no frontmatter, no title")
    report = await lib.reload()
    assert report.added == 200 and [f.path for f in report.failed] == ["bulk/broken.md"]
    assert await lib.store.count() == 200


async def test_missing_content_folder_is_a_clear_error(tmp_path: Path) -> None:
    library = Library(tmp_path / "nope", tmp_path / "db.sqlite")
    with pytest.raises(LibraryError, match="does not exist"):
        await library.reload()


async def test_deleted_cache_is_rebuilt(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write(content, "a.md", article("Alpha", "alpha"))
    db = tmp_path / "articles.db"
    library = Library(content, db)
    await library.reload()
    await library.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    library = Library(content, db)
    report = await library.reload()
    assert report.added == 1
    await library.close()


async def test_readers_see_old_or_new_library_never_an_error(lib: Library) -> None:
    root = lib.content_dir
    for i in range(30):
        write(root, f"old-{i}.md", article(f"Old {i}", f"old-{i}"))
    await lib.reload()
    for i in range(30):
        (root / f"old-{i}.md").unlink()
        write(root, f"new-{i}.md", article(f"New {i}", f"new-{i}"))

    seen: set[tuple[int, str]] = set()
    stop = asyncio.Event()

    async def reader() -> None:
        while not stop.is_set():
            metas = await lib.store.all_meta()
            kinds = {m.slug.split("-")[0] for m in metas}
            seen.add((len(metas), ",".join(sorted(kinds))))
            await asyncio.sleep(0)

    task = asyncio.create_task(reader())
    await lib.reload(allow_removals=True)  # every article replaced: a person confirmed it
    await asyncio.sleep(0.05)
    stop.set()
    await task
    assert seen <= {(30, "old"), (30, "new")}
    assert (30, "new") in seen


async def test_second_reload_waits_for_the_first(lib: Library) -> None:
    write(lib.content_dir, "a.md", article("Alpha", "alpha"))
    first = asyncio.create_task(lib.reload())
    await asyncio.sleep(0)
    assert lib.reloading
    second = await lib.reload()
    assert (await first).added == 1
    assert second.added == 0 and second.unchanged == 1


async def test_multi_word_tags_survive_the_cache(lib: Library) -> None:
    write(
        lib.content_dir,
        "a.md",
        "---\ntitle: Team news\nslug: team\ntags: ['Compiler  Team', release]\n---\n<p>x</p>\n",
    )
    await lib.reload()
    assert (await lib.store.article("team")).tags == ("compiler team", "release")
    assert (await lib.store.all_meta())[0].tags == ("compiler team", "release")


async def _update_all_work(tmp_path: Path, n: int) -> tuple[int, int]:
    """Work counts of a reload after all n files changed: (SQLite VM steps in thousands,
    Python lines run in bot/library/sync.py). Counts, not seconds: the machine is shared."""
    import sys

    from bot.store.articles import ArticleWriter

    content = tmp_path / f"content{n}"
    for i in range(n):
        write(content, f"a{i}.md", article(f"Article number {i}", f"article-{i}"))
    library = Library(content, tmp_path / f"c{n}.db", workers=1)  # parse in this process
    await library.reload()
    for i in range(n):
        write(content, f"a{i}.md", article(f"Article number {i}", f"article-{i}", "<p>New.</p>"))

    steps = 0

    def step() -> int:
        nonlocal steps
        steps += 1
        return 0

    transaction = ArticleWriter.transaction

    @contextlib.asynccontextmanager
    async def counted(self: ArticleWriter):  # noqa: ANN202
        await self.db.set_progress_handler(step, 1000)
        async with transaction(self):
            yield

    lines = 0
    sync_file = sys.modules[Library.__module__].__file__

    def trace(frame, event, arg):  # noqa: ANN001, ANN202
        nonlocal lines
        if frame.f_code.co_filename != sync_file:
            return None
        if event == "line":
            lines += 1
        return trace

    ArticleWriter.transaction = counted  # type: ignore[method-assign]
    sys.settrace(trace)
    try:
        report = await library.reload()
    finally:
        sys.settrace(None)
        ArticleWriter.transaction = transaction  # type: ignore[method-assign]
        await library.close()
    assert report.updated == n
    return steps, lines


async def test_updating_every_file_costs_work_in_proportion(tmp_path: Path) -> None:
    small = await _update_all_work(tmp_path, 120)
    large = await _update_all_work(tmp_path, 360)
    # Three times the files may cost three times the work (and a little for deeper
    # B-trees), not nine times: that was a scan of every file per updated file.
    assert large[0] <= 4.5 * small[0], f"SQLite work grew {large[0] / small[0]:.1f}x"
    assert large[1] <= 4.5 * small[1], f"reload bookkeeping grew {large[1] / small[1]:.1f}x"


# -- folders that cannot be read, removals that look like accidents, symlinks -----------


async def test_an_unreadable_folder_keeps_its_articles(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = lib.content_dir
    write(root, "top.md", article("Top", "top"))
    write(root, "sub/a.md", article("Alpha", "alpha"))
    write(root, "sub/deeper/b.md", article("Beta", "beta"))
    assert (await lib.reload()).added == 3

    # What the OS does for a folder with mode 000 (root ignores modes, so it is simulated;
    # tests/test_cli.py checks the real thing).
    real_open = os.open

    def open_folder(path, flags, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if isinstance(path, str) and Path(path) == root / "sub":
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_folder)
    report = await lib.reload()
    assert report.removed == 0
    assert [(f.path, f.error.split(";")[0]) for f in report.failed] == [
        ("sub/", "cannot read folder: Permission denied")
    ]
    assert await lib.store.count() == 3
    stats = await lib.store.stats()
    assert stats.stale == 2 and {f.path for f in stats.failing} == {"sub/a.md", "sub/deeper/b.md"}

    monkeypatch.setattr(os, "open", real_open)  # readable again: nothing failing
    report = await lib.reload()
    assert report.failed == [] and report.removed == 0
    stats = await lib.store.stats()
    assert stats.stale == 0 and stats.failing == [] and stats.articles == 3


async def test_an_unreadable_file_recovers_once_readable(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = lib.content_dir
    path = write(root, "a.md", article("Alpha", "alpha"))
    await lib.reload()
    write(root, "a.md", article("Alpha two", "alpha"))
    original = workers._read

    def refuse(file: str) -> bytes:  # as reading a file without read permission does
        if Path(file).name == "a.md":
            raise PermissionError(13, "Permission denied", file)
        return original(file)

    with monkeypatch.context() as patch:
        patch.setattr(workers, "_read", refuse)
        report = await lib.reload()
    assert [(f.path, f.error) for f in report.failed] == [
        (
            "a.md",
            "cannot read: Permission denied"
            " (the bot's user may not read it: check the file's owner and mode)",
        )
    ]
    # A chmod back does not change the file's mtime: the next reload still reads it.
    assert path.exists()
    report = await lib.reload()
    assert report.failed == [] and report.updated == 1
    assert (await lib.store.article("alpha")).title == "Alpha two"


async def test_a_reload_that_would_empty_the_library_is_refused(lib: Library) -> None:
    root = lib.content_dir
    for name in "abcd":
        write(root, f"{name}.md", article(name.upper(), name))
    await lib.reload()
    for path in root.glob("*.md"):  # an unmounted volume looks like an empty folder
        path.unlink()
    with pytest.raises(LibraryError, match=r"remove 4 of the 4 articles"):
        await lib.reload()
    assert await lib.store.count() == 4
    assert lib.refused is not None and "4 of the 4" in lib.refused

    report = await lib.reload(allow_removals=True)  # a person confirmed it
    assert report.removed == 4 and await lib.store.count() == 0
    assert lib.refused is None


async def test_removing_more_than_the_set_share_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "content"
    for name in "abcd":
        write(root, f"{name}.md", article(name.upper(), name))
    lib = Library(root, tmp_path / "a.db", max_removal_share=0.5)
    await lib.open()
    try:
        await lib.reload()
        (root / "a.md").unlink()
        (root / "b.md").unlink()
        assert (await lib.reload()).removed == 2  # half is not more than half
        write(root, "a.md", article("A", "a"))
        write(root, "b.md", article("B", "b"))
        await lib.reload()
        for name in "abc":
            (root / f"{name}.md").unlink()
        with pytest.raises(LibraryError, match=r"remove 3 of the 4 articles .*50%"):
            await lib.reload()
        assert await lib.store.count() == 4
    finally:
        await lib.close()


async def test_symlinked_folders_are_followed_once(lib: Library, tmp_path: Path) -> None:
    root = lib.content_dir
    write(root, "own/a.md", article("Alpha", "alpha"))
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere, "b.md", article("Beta", "beta"))
    (root / "linked").symlink_to(elsewhere, target_is_directory=True)
    (root / "own" / "loop").symlink_to(root, target_is_directory=True)  # back to the top
    (root / "again").symlink_to(root / "own", target_is_directory=True)  # a second way in
    report = await lib.reload()
    assert report.added == 2
    assert (await lib.store.article("beta")).path == "linked/b.md"
    assert (await lib.store.article("alpha")).path == "own/a.md"
    skipped = {f.path: f.error for f in report.failed}
    assert set(skipped) == {"own/loop/", "again/"}
    assert all("already read" in e for e in skipped.values())


# -- a cache made by another version of the parser --------------------------------------


async def _set_cache(lib: Library, version: str, text: str | None = None) -> None:
    """Record `version` as the parser that made the cache and, if given, `text` as what it
    made of every article: an upgrade finds the cache so."""
    from bot.store.articles import ArticleWriter

    writer = await ArticleWriter.open(lib.db_path)
    try:
        async with writer.transaction():
            await writer.set_meta("parser_version", version)
            if text is not None:
                await writer.db.execute("UPDATE articles SET text = ?", (text,))
    finally:
        await writer.close()


@pytest.mark.parametrize("whole_table", [False, True], ids=["rows-by-path", "whole-table"])
async def test_a_new_parser_version_parses_every_file_again(
    lib: Library, monkeypatch: pytest.MonkeyPatch, whole_table: bool
) -> None:
    from bot.library.workers import version as parser_version

    if whole_table:  # how a library of many files reads its file rows for a re-parse
        monkeypatch.setattr("bot.store.articles.FILE_ROWS_BY_PATH", 0)

    root = lib.content_dir
    write(root, "a.md", article("Alpha", "alpha", "<p>The current parse of alpha.</p>"))
    write(root, "b.md", article("Beta", "beta", "<p>The current parse of beta.</p>"))
    write(root, "broken.md", "no frontmatter")
    await lib.reload()

    # The same version: unchanged files keep what is cached, whatever it says.
    await _set_cache(lib, parser_version(), "Stale text.")
    report = await lib.reload()
    # broken.md fails as before: failed, not unchanged (lib24).
    assert (report.updated, report.unchanged, len(report.failed)) == (0, 2, 1)
    assert (await lib.store.article("alpha")).text == "Stale text."

    # Another version: every file is parsed again, and counts as updated.
    await _set_cache(lib, "an-older-parser")
    report = await lib.reload()
    assert (report.added, report.updated, report.unchanged) == (0, 2, 0)
    assert [f.path for f in report.failed] == ["broken.md"]
    assert (await lib.store.article("alpha")).text == "The current parse of alpha."
    assert (await lib.store.article("beta")).text == "The current parse of beta."
    # Once: the new version is recorded with the new parse.
    report = await lib.reload()
    assert (report.updated, report.unchanged, len(report.failed)) == (0, 2, 1)


async def test_a_file_the_new_parser_rejects_keeps_its_cached_article(lib: Library) -> None:
    root = lib.content_dir
    good = article("Alpha", "alpha", "<p>Text the old parser read.</p>")
    path = write(root, "a.md", good)
    await lib.reload()
    # Bytes the current parser rejects, with the size and mtime the cache knows: as if
    # the old parser had accepted them and the new one does not.
    st = path.stat()
    path.write_text("x" * len(good.encode()), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    await _set_cache(lib, "an-older-parser")

    report = await lib.reload()
    assert [f.path for f in report.failed] == ["a.md"] and report.removed == 0
    assert (await lib.store.article("alpha")).text == "Text the old parser read."
    stats = await lib.store.stats()
    assert stats.stale == 1 and [f.path for f in stats.failing] == ["a.md"]
    # Still reported on the next reload, and still served.
    report = await lib.reload()
    assert [f.path for f in report.failed] == ["a.md"]
    assert (await lib.store.article("alpha")).text == "Text the old parser read."


def _write_harbour_stories(root: Path) -> Path:
    """40 articles sharing words, as full-text rows fill segments."""
    for n in range(40):
        body = f"<p>Article {n} tells of harbour {n % 7} and its ferry crossings.</p>" * 5
        write(root, f"a{n}.md", article(f"Harbour story {n}", f"story-{n}", body))
    return root


def _fulltext_bytes(db: Path) -> int:
    import sqlite3

    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT sum(length(block)) FROM articles_fts_data").fetchone()[0]


async def test_a_reload_that_replaced_every_article_leaves_a_compact_full_text_index(
    lib: Library, tmp_path: Path
) -> None:
    # Every full-text read (start-up's word counts and vocabulary, each query) walks what
    # FTS5 holds: a reload that replaced every article must not leave the old entries and
    # their tombstones beside the new ones.
    root = _write_harbour_stories(lib.content_dir)
    await lib.reload()
    await _set_cache(lib, "an-older-parser")
    report = await lib.reload()
    assert report.updated == 40
    fresh = Library(root, tmp_path / "fresh" / "articles.db")
    await fresh.open()
    try:
        await fresh.reload()
    finally:
        await fresh.close()
    # As large as a fresh build's, give or take its larger ids' bytes (twice it before).
    assert _fulltext_bytes(lib.db_path) < 1.1 * _fulltext_bytes(fresh.db_path)
    # The reloaded cache still finds its articles by their words.
    found = await lib.store.db.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'ferry'"
    )
    assert (await found.fetchone())[0] == 40


async def test_a_full_text_index_left_bloated_is_compacted_at_the_next_change(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A cache whose articles were all replaced by code that never optimized (the cache
    # records no optimize) is compacted by the next reload that changes an article.
    from bot.store import articles

    root = _write_harbour_stories(lib.content_dir)
    await lib.reload()
    with monkeypatch.context() as patched:
        patched.setattr(articles, "FTS_OPTIMIZE_SHARE", float("inf"))
        await _set_cache(lib, "an-older-parser")
        await lib.reload()
    bloated = _fulltext_bytes(lib.db_path)
    write(root, "a0.md", article("Harbour story 0", "story-0", "<p>A ferry, renamed.</p>"))
    assert (await lib.reload()).updated == 1
    assert _fulltext_bytes(lib.db_path) < 0.6 * bloated
