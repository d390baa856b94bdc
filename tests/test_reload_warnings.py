"""What a reload says of articles it serves with a frontmatter value dropped (a date not
understood, tags that are not a list), of article files named `.markdown` or `.MD`, and
of each failing file on /status."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from watchfiles import Change

from bot.discord import render
from bot.library.report import WARNED_NAMED, FileFailure, FileWarning, ReloadReport
from bot.library.scan import scan
from bot.library.sync import Library
from bot.library.watch import MarkdownFilter, summarize
from bot.terminal import report_lines, stats_lines
from tests.test_sync import article, write


def _odd(title: str, front: str) -> str:
    return f"---\ntitle: {title}\n{front}\n---\n<p>Some text here.</p>\n"


async def test_a_date_or_tags_dropped_is_served_with_a_warning(lib: Library) -> None:
    root = lib.content_dir
    write(root, "ok.md", article("Fine", "fine", date="2024-05-01"))
    write(root, "when.md", _odd("When", "date: next tuesday"))
    write(root, "tagged.md", _odd("Tagged", "tags:\n  news: true\n  tech: true"))
    write(root, "both.md", _odd("Both", "date: 2024-13-45\ntags:\n  - a\n  - {b: 1}"))
    report = await lib.reload()
    # Served (added), not failed; one entry a file, with what was dropped and how it is served.
    assert report.added == 4 and not report.failed
    assert [(w.path, w.warning) for w in report.warned] == [
        (
            "both.md",
            "date '2024-13-45' not understood: served undated;"
            " 1 of the tags not text (a list or a mapping): dropped",
        ),
        ("tagged.md", "tags is a mapping, not a list: served untagged"),
        ("when.md", "date 'next tuesday' not understood: served undated"),
    ]
    assert (await lib.store.article("when")) is not None
    assert report.as_json()["warnings"][2] == {
        "path": "when.md",
        "warning": "date 'next tuesday' not understood: served undated",
    }
    # Every reply says it: the command line, the log line, Discord, and `stats` after.
    lines = report_lines(report)
    assert lines[0].startswith(
        "reload: 4 added, 0 changed, 0 removed, 0 failed, 0 unchanged; 3 served with warnings in "
    )
    assert "  warning when.md: date 'next tuesday' not understood: served undated" in lines
    assert "; 3 served with warnings in " in summarize(report)
    embed = render.reload_embed(report, served=4)
    assert "of them **3** served with warnings" in (embed.description or "")
    fields = {f.name: f.value for f in embed.fields}
    assert (
        "`tagged.md`: tags is a mapping, not a list: served untagged"
        in fields["Served with warnings"].splitlines()
    )
    stats = stats_lines(await lib.store.stats())
    assert any(line.endswith("; 3 served with warnings") for line in stats), stats


def test_the_files_served_with_warnings_are_named_the_first_few() -> None:
    warned = [FileWarning(f"w{i}.md", "date 'x' not understood: served undated") for i in range(8)]
    report = ReloadReport(added=8, warned=warned)
    lines = report_lines(report)
    assert [line for line in lines if line.startswith("  warning ")] == [
        f"  warning w{i}.md: date 'x' not understood: served undated" for i in range(WARNED_NAMED)
    ]
    assert lines[-1] == f"  … and {8 - WARNED_NAMED} more served with warnings"
    value = {f.name: f.value for f in render.reload_embed(report, served=8).fields}[
        "Served with warnings"
    ]
    assert value.splitlines()[-1] == f"…and {8 - WARNED_NAMED} more"
    # A value from the frontmatter never pings: it goes through the same cleaning.
    hostile = ReloadReport(added=1, warned=[FileWarning("a.md", "date '@everyone' not understood")])
    value = {f.name: f.value for f in render.reload_embed(hostile, served=1).fields}[
        "Served with warnings"
    ]
    assert "@everyone" not in value


async def test_markdown_and_upper_case_md_files_are_articles_with_stable_slugs(
    lib: Library,
) -> None:
    root = lib.content_dir
    write(root, "Notes.MD", _odd("Notes", "tags: [a]"))
    write(root, "sub/saved.markdown", _odd("Saved", "tags: [a]"))
    write(root, "sub/Other.Markdown", _odd("Other", "tags: [a]"))
    write(root, "sub/image.png", "not an article")
    assert sorted(scan(root).files) == ["Notes.MD", "sub/Other.Markdown", "sub/saved.markdown"]
    first = await lib.reload()
    assert first.added == 3 and not first.failed
    for slug in ("notes", "saved", "other"):
        assert (await lib.store.article(slug)) is not None, slug
    again = await lib.reload()
    assert again.unchanged == 3 and again.added == again.updated == 0
    # The watcher passes the same names (and a folder moved in holding only such files).
    keep = MarkdownFilter(root)
    assert keep(Change.modified, str(root / "Notes.MD"))
    assert keep(Change.added, str(root / "sub" / "saved.markdown"))
    assert keep(Change.added, str(root / "sub"))
    assert not keep(Change.modified, str(root / "sub" / "image.png"))


def test_status_says_of_each_failing_file_whether_it_is_still_served() -> None:
    failures = [FileFailure("a.md", "bad YAML", kept=True), FileFailure("b.md", "no title")]
    status = render.StatusInfo(
        articles=3,
        tags=1,
        files=5,
        failing=[(f.path, f.error, f.kept) for f in failures],
        stale=1,
        last_reload={"at": "2025-01-01T00:00:00+00:00", "added": 3, "warnings": [{}] * 2},
        watcher=None,
        cache_bytes=10_000,
        uptime_seconds=10,
        latency_seconds=0.05,
        version="0.1.0",
        shards="0",
        state="sqlite",
    )
    fields = {f.name: f.value for f in render.status_embed(status).fields}
    failing = next(v for k, v in fields.items() if k.startswith("Failing files"))
    assert failing.splitlines() == ["`a.md`: bad YAML (still served)", "`b.md`: no title"]
    assert "; 2 served with warnings;" in fields["Last reload"]


async def test_an_article_dated_ahead_is_served_with_a_warning(tmp_path: Path) -> None:
    """hard26: a date after tomorrow (a mistyped year) was served without a word, and the
    article listed as the newest for years; now served with a warning, said while it holds."""
    content = tmp_path / "content"
    ahead = (datetime.now(UTC).date() + timedelta(days=3)).isoformat()
    write(content, "typo.md", article("Typo", "typo", date="2062-03-01"))
    write(content, "soon.md", article("Soon", "soon", date=ahead))
    write(content, "today.md", article("Today", "today", date=datetime.now(UTC).date().isoformat()))
    lib = Library(content, tmp_path / "a.db")
    await lib.open()
    try:
        report = await lib.reload()
        said = {w.path: w.warning for w in report.warned}
        assert sorted(said) == ["soon.md", "typo.md"]
        assert said["typo.md"].startswith("date 2062-03-01 is after the day it was read")
        assert report.added == 3 and (await lib.store.article("typo")).date is not None
        again = await lib.reload()  # unchanged: said again, as every kept warning
        assert [w.path for w in again.warned] == ["soon.md", "typo.md"]
    finally:
        await lib.close()
