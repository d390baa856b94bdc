"""A good article's file turned bad (binary junk, a 20 MB body), or removed between the
folder's scan and its read: the reload goes on, names the file with a one-line reason, and
the good version stays served. (Broken YAML on a good file: test_sync's lifecycle; the
same kinds of bad file when new: test_sync's every-kind test.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.library import sync
from bot.library.sync import Library
from tests.test_sync import article, write


async def test_a_good_file_turned_to_junk_or_huge_keeps_its_article(lib: Library) -> None:
    root = lib.content_dir
    write(root, "junk.md", article("Kept despite junk", "junk"))
    write(root, "huge.md", article("Kept despite size", "huge"))
    write(root, "other.md", article("Other", "other"))
    assert (await lib.reload()).added == 3
    write(root, "junk.md", b"\x00\xff\xfe\x89PNG\x00" * 1000)
    write(root, "huge.md", article("Huge now", "huge", body="<p>" + "word " * 4_200_000 + "</p>"))
    report = await lib.reload()
    reasons = {f.path: f.error for f in report.failed}
    assert set(reasons) == {"junk.md", "huge.md"}
    assert "binary" in reasons["junk.md"] and "limit" in reasons["huge.md"]
    assert all("\n" not in reason for reason in reasons.values())
    assert (await lib.store.article("junk")).title == "Kept despite junk"
    assert (await lib.store.article("huge")).title == "Kept despite size"
    assert await lib.store.count() == 3


async def test_a_file_removed_mid_reload_is_reported_then_removed(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = lib.content_dir
    write(root, "a.md", article("Alpha", "alpha"))
    write(root, "b.md", article("Beta", "beta"))
    await lib.reload()
    write(root, "a.md", article("Alpha, changed", "alpha"))

    def scan_then_remove(folder: Path) -> sync.Scan:
        found = scan(folder)
        (folder / "a.md").unlink()  # gone after the scan listed it, before it is read
        return found

    scan = sync.scan
    monkeypatch.setattr(sync, "scan", scan_then_remove)
    report = await lib.reload()
    assert [(f.path, f.error) for f in report.failed] == [
        ("a.md", "deleted or moved while the reload ran: reload again")
    ]
    assert (await lib.store.article("alpha")).title == "Alpha"  # served until gone for sure
    monkeypatch.setattr(sync, "scan", scan)
    report = await lib.reload()
    assert report.removed == 1 and report.failed == []
    assert await lib.store.article("alpha") is None
    assert (await lib.store.article("beta")).title == "Beta"
