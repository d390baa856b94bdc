"""A symlink in a loop (hard27): a served file replaced by a link that loops (ELOOP on every
look), or a folder of served files, was passed over in silence by the scan and its articles
removed. Said instead, with what it served kept, as for a symlink whose target is gone."""

from __future__ import annotations

import os

from bot.library.sync import Library
from tests.test_sync import article, write


async def test_a_file_become_a_looping_symlink_is_said_and_its_article_kept(
    lib: Library,
) -> None:
    root = lib.content_dir
    write(root, "a.md", article("Alpha", "alpha"))
    write(root, "other.md", article("Other", "other"))
    await lib.reload()
    (root / "a.md").unlink()
    os.symlink("b.md", root / "a.md")
    os.symlink("a.md", root / "b.md")
    report = await lib.reload()
    assert report.removed == 0
    failed = {f.path: (f.kept, f.error) for f in report.failed}
    kept, error = failed["a.md"]
    assert kept and "symlink to b.md, which cannot be read" in error
    assert "b.md" in failed  # the other half of the loop is said too
    assert (await lib.store.article("alpha")).title == "Alpha"


async def test_a_folder_become_a_looping_symlink_keeps_its_articles(lib: Library) -> None:
    root = lib.content_dir
    write(root, "2010/a.md", article("Alpha", "alpha"))
    for i in range(3):
        write(root, f"f{i}.md", article(f"F {i}"))
    await lib.reload()
    for name in ("a.md",):
        (root / "2010" / name).unlink()
    (root / "2010").rmdir()
    os.symlink("2010", root / "2010")
    report = await lib.reload()
    assert report.removed == 0
    assert any(f.path == "2010/" and f.kept for f in report.failed)
    assert (await lib.store.article("alpha")).title == "Alpha"
