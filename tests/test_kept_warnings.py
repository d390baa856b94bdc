"""A file served with a frontmatter value dropped is warned of by every reload while it
holds it, and by `stats` and /status, not only by the reload that read it (lib25: a
no-change reload, or a touch, hid "date 'next tuesday' not understood" for good)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from bot.discord import render
from bot.library.sync import Library
from bot.store.schema import MIGRATIONS
from bot.terminal import report_lines, stats_lines
from tests.test_sync import article, write

WHEN = "date 'next tuesday' not understood: served undated"


def _when(title: str = "When") -> str:
    return f"---\ntitle: {title}\ndate: next tuesday\n---\n<p>Some text here.</p>\n"


async def test_a_warning_is_said_again_while_the_file_holds_it(lib: Library) -> None:
    root = lib.content_dir
    write(root, "ok.md", article("Fine", "fine"))
    path = write(root, "when.md", _when())
    assert [(w.path, w.warning) for w in (await lib.reload()).warned] == [("when.md", WHEN)]
    # Nothing changed: still said, as unchanged (each file counts once).
    report = await lib.reload()
    assert (report.unchanged, report.updated) == (2, 0)
    assert [(w.path, w.warning) for w in report.warned] == [("when.md", WHEN)]
    assert f"  warning when.md: {WHEN}" in report_lines(report)
    # Touched, the same bytes: the same.
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert [w.path for w in (await lib.reload()).warned] == ["when.md"]
    # stats and /status name it, not only count it.
    stats = await lib.store.stats()
    assert [(w.path, w.warning) for w in stats.warned] == [("when.md", WHEN)]
    assert f"warning: when.md: {WHEN}" in stats_lines(stats)
    assert any(line.endswith("; 1 served with warnings") for line in stats_lines(stats))
    status = render.StatusInfo(
        articles=2, tags=0, files=2, failing=[], stale=0, last_reload=stats.last_reload,
        watcher=None, cache_bytes=0, uptime_seconds=1, latency_seconds=0.1, version="x",
        shards="-", state="sqlite", warned=[(w.path, w.warning) for w in stats.warned],
    )  # fmt: skip
    fields = {f.name: f.value for f in render.status_embed(status).fields}
    assert fields["Served with warnings: 1"] == f"`when.md`: {WHEN}"
    # Fixed: no longer said, anywhere.
    write(root, "when.md", article("When", "when", date="2024-05-01"))
    report = await lib.reload()
    assert report.updated == 1 and report.warned == []
    assert (await lib.store.stats()).warned == []


async def test_a_warned_file_that_breaks_is_failed_not_warned(lib: Library) -> None:
    write(lib.content_dir, "when.md", _when())
    await lib.reload()
    write(lib.content_dir, "when.md", "---\ntitle: 'x\n---\n")
    for _ in range(2):
        report = await lib.reload()
        assert [(f.path, f.kept) for f in report.failed] == [("when.md", True)]
        assert report.warned == []
    # Gone: nothing left to warn of.
    (lib.content_dir / "when.md").unlink()
    await lib.reload(allow_removals=True)
    assert (await lib.store.stats()).warned == []


async def test_a_cache_from_before_the_warnings_were_kept_gains_the_column(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    write(content, "when.md", _when())
    db = tmp_path / "cache.db"
    lib = Library(content, db)
    await lib.reload()
    await lib.close()
    with sqlite3.connect(db) as con:
        con.execute("DROP INDEX files_warned")
        con.execute("ALTER TABLE files DROP COLUMN warning")
        con.execute("DROP TABLE slug_aliases")  # and the migrations after it (10, hard27)
        con.execute("DROP TABLE stock_counts")  # (11: the stock lines' counts)
        warned = next(i for i, m in enumerate(MIGRATIONS) if "files ADD COLUMN warning" in m)
        con.execute(f"PRAGMA user_version = {warned}")
    again = Library(content, db)
    try:
        # Unchanged, and read before the column: no warning known until the file is read.
        assert (await again.reload()).warned == []
        write(content, "when.md", _when("When, edited"))
        assert [w.path for w in (await again.reload()).warned] == ["when.md"]
        assert [w.path for w in (await again.reload()).warned] == ["when.md"]
    finally:
        await again.close()
