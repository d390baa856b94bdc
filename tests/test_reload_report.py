"""What a reload reports: each file once (added, changed, failed or unchanged), the files
whose articles it removed by name, and for each failing file whether its last good
version is still served — in the core's report, on the command line and in /reload."""

from __future__ import annotations

import os

from bot.discord import render
from bot.library.report import REMOVED_NAMED, FileFailure, ReloadReport
from bot.library.sync import Library
from bot.terminal import report_lines, stats_lines
from tests.test_sync import article, write

BROKEN = "---\ntitle: [unclosed\n---\nbody"


def _files(report: ReloadReport) -> int:
    return report.added + report.updated + len(report.failed) + report.unchanged


async def test_a_broken_file_is_failed_never_unchanged_and_says_its_article_stays(
    lib: Library,
) -> None:
    root = lib.content_dir
    for name in ("a", "b", "c"):
        write(root, f"{name}.md", article(name.upper(), name))
    await lib.reload()
    write(root, "a.md", BROKEN)
    write(root, "new.md", BROKEN)  # never good: nothing of it is served
    first = await lib.reload()
    # The same broken files again: no change, then a touch (same bytes, new mtime).
    second = await lib.reload()
    path = root / "a.md"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    third = await lib.reload()
    for report in (first, second, third):
        assert [(f.path, f.kept) for f in report.failed] == [("a.md", True), ("new.md", False)]
        assert report.unchanged == 2 and _files(report) == 4, report
        assert report.kept == 1
    assert (await lib.store.article("a")).title == "A"  # the good version, still served
    # `stats` (the command line, the console's /stats) says it of each failing file too.
    failing = [line for line in stats_lines(await lib.store.stats()) if "failing" in line]
    assert failing == [
        f"failing: a.md: {first.failed[0].error}; its last good version is still served",
        f"failing: new.md: {first.failed[1].error}",
    ]


async def test_removed_files_are_named_the_first_few(lib: Library) -> None:
    root = lib.content_dir
    total = REMOVED_NAMED * 3
    for i in range(total):
        write(root, f"f{i:02}.md", article(f"Article {i}", f"s{i}"))
    write(root, "broken.md", BROKEN)
    await lib.reload()
    for i in (3, 1, 2):
        (root / f"f{i:02}.md").unlink()
    (root / "broken.md").unlink()  # it served nothing: no article removed
    report = await lib.reload()
    assert report.removed == 3 and report.removed_paths == ["f01.md", "f02.md", "f03.md"]
    assert report.failed == [] and report.unchanged == total - 3
    for i in range(4, REMOVED_NAMED + 5):
        (root / f"f{i:02}.md").unlink()
    report = await lib.reload()
    assert report.removed == REMOVED_NAMED + 1
    assert report.removed_paths == [f"f{i:02}.md" for i in range(4, REMOVED_NAMED + 4)]


def test_the_command_line_and_discord_say_the_same_counts_and_names() -> None:
    report = ReloadReport(
        added=1,
        updated=2,
        removed=12,
        unchanged=30,
        removed_paths=[f"old/{i}.md" for i in range(REMOVED_NAMED)],
        failed=[FileFailure("a.md", "bad YAML", kept=True), FileFailure("b.md", "no title")],
    )
    counts = "1 added, 2 changed, 12 removed, 2 failed, 30 unchanged"
    lines = report_lines(report)
    assert lines[0].startswith(f"reload: {counts} in ")
    assert lines[1] == "  removed " + ", ".join(report.removed_paths) + " and 2 more"
    assert lines[2] == "  failed  a.md: bad YAML; its last good version is still served"
    assert lines[3] == "  failed  b.md: no title"
    embed = render.reload_embed(report, served=40, stale=1)
    assert (embed.description or "").startswith(
        "**1** added · **2** changed · **12** removed · **2** failed · **30** unchanged"
    )
    fields = {f.name: f.value for f in embed.fields}
    assert fields["Removed"].splitlines()[0] == "`old/0.md`"
    assert fields["Removed"].splitlines()[-1] == "…and 7 more"
    assert fields["Failed"].splitlines() == [
        "`a.md`: bad YAML (last good version still served)",
        "`b.md`: no title",
    ]
