"""Automatic reload: the watcher keeps the cache in line with the content folder."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from watchfiles import Change

from bot.library import watch
from bot.library.report import ReloadReport
from bot.library.sync import Library
from bot.library.watch import MarkdownFilter, watch_content

# Small windows keep the test fast; a real deployment uses the defaults.
FAST = {"debounce_ms": 400, "step_ms": 100, "force_polling": False}
TIMEOUT = 10.0


def article(title: str, slug: str) -> str:
    return f"---\ntitle: {title!r}\nslug: {slug}\ntags:\n  - testing\n---\n<p>{title} text.</p>\n"


async def until(check: Callable, what: str) -> None:
    """Poll an (async) check until it is true, failing after TIMEOUT seconds."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        result = check()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        await asyncio.sleep(0.05)
    pytest.fail(f"timed out after {TIMEOUT:.0f}s waiting for {what}")


@pytest.fixture
async def lib(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "first.md").write_text(article("First", "first"), encoding="utf-8")
    library = Library(content, tmp_path / "data" / "articles.db")
    await library.open()
    await library.reload()
    yield library
    await library.close()


async def start(library: Library, **options) -> tuple[asyncio.Task, asyncio.Event, list]:
    stop = asyncio.Event()
    reports: list[ReloadReport] = []
    task = asyncio.create_task(
        watch_content(library, stop_event=stop, on_report=reports.append, **{**FAST, **options})
    )
    # The watch is set up synchronously on the task's first step; give it that step.
    await asyncio.sleep(0.3)
    assert not task.done(), task.exception() if task.done() else None
    return task, stop, reports


async def stop_watcher(task: asyncio.Task, stop: asyncio.Event) -> None:
    stop.set()
    await asyncio.wait_for(task, timeout=5)  # returns cleanly: no exception, no hang


async def test_add_modify_delete_are_picked_up(lib: Library) -> None:
    task, stop, reports = await start(lib)
    root = lib.content_dir

    # Wait for each reload's report, not for the cache: the cache is written inside the
    # reload, and the report is handed over only after it returns, so a check of the
    # cache alone can run in between (it did, once, on a loaded machine).
    (root / "news" / "second.md").parent.mkdir()
    (root / "news" / "second.md").write_text(article("Second", "second"), encoding="utf-8")
    await until(lambda: reports and reports[-1].added == 1, "the reload adding the article")
    assert await lib.store.article("second") is not None

    (root / "news" / "second.md").write_text(article("Second, revised", "second"), "utf-8")
    await until(lambda: reports[-1].updated == 1, "the reload updating the article")
    found = await lib.store.article("second")
    assert found is not None and found.title == "Second, revised"

    (root / "news" / "second.md").unlink()
    await until(lambda: reports[-1].removed == 1, "the reload removing the article")
    assert await lib.store.article("second") is None
    assert lib.last_report is reports[-1]  # what /status shows
    assert await lib.store.article("first") is not None

    await stop_watcher(task, stop)


async def test_other_files_do_not_trigger_a_reload(lib: Library) -> None:
    task, stop, reports = await start(lib)
    generation = lib.generation
    root = lib.content_dir
    (root / "notes.txt").write_text("not an article", encoding="utf-8")
    (root / "cover.png").write_bytes(b"\x89PNG")
    (root / ".draft.md.swp").write_bytes(b"swap")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "secret.md").write_text(article("Secret", "secret"), "utf-8")
    await asyncio.sleep(1.2)  # well past debounce + step
    assert reports == [] and lib.generation == generation

    # The watcher is still alive: a real article change goes through.
    (root / "third.md").write_text(article("Third", "third"), encoding="utf-8")
    await until(lambda: lib.store.article("third"), "the article written after the noise")
    assert len(reports) == 1
    await stop_watcher(task, stop)


async def test_a_burst_of_changes_is_one_reload(lib: Library) -> None:
    task, stop, reports = await start(lib, debounce_ms=3000, step_ms=300)
    for n in range(10):
        (lib.content_dir / f"burst-{n}.md").write_text(article(f"Burst {n}", f"burst-{n}"), "utf-8")
    await until(lambda: lib.store.article("burst-9"), "the burst in the cache")
    await asyncio.sleep(0.5)
    assert sum(r.added for r in reports) == 10
    assert len(reports) <= 2  # debounced: not one reload per file
    await stop_watcher(task, stop)


async def test_errors_never_stop_the_watcher(
    lib: Library, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real_reload = lib.reload
    calls = 0

    async def flaky_reload() -> ReloadReport:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("disk on fire")
        return await real_reload()

    monkeypatch.setattr(lib, "reload", flaky_reload)

    def broken_callback(report: ReloadReport) -> None:
        raise ValueError("callback bug")

    stop = asyncio.Event()
    caplog.set_level(logging.INFO, logger="articlebot.watch")
    task = asyncio.create_task(
        watch_content(lib, stop_event=stop, on_report=broken_callback, **FAST)
    )
    await asyncio.sleep(0.3)
    (lib.content_dir / "a.md").write_text(article("A", "a"), encoding="utf-8")
    await until(lambda: calls >= 1, "the failing reload")
    await asyncio.sleep(0.6)
    (lib.content_dir / "b.md").write_text(article("B", "b"), encoding="utf-8")
    await until(lambda: lib.store.article("b"), "a reload after the failure")
    assert await lib.store.article("a") is not None  # the incremental reload caught up
    await asyncio.sleep(0.1)
    assert "disk on fire" in caplog.text and "callback bug" in caplog.text
    assert "automatic reload after" in caplog.text  # the one-line summary
    assert not task.done()
    await stop_watcher(task, stop)


async def test_async_callback_and_cancellation(lib: Library) -> None:
    seen: list[int] = []

    async def on_report(report: ReloadReport) -> None:
        await asyncio.sleep(0)
        seen.append(report.added)

    task = asyncio.create_task(watch_content(lib, on_report=on_report, **FAST))
    await asyncio.sleep(0.3)
    (lib.content_dir / "c.md").write_text(article("C", "c"), encoding="utf-8")
    await until(lambda: seen == [1], "the async callback")
    task.cancel()  # without a stop event, cancelling is the way out
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, timeout=5)


async def test_falls_back_to_polling_without_inotify(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_awatch = watch.awatch
    modes: list[bool | None] = []

    def no_inotify(*paths, force_polling=None, **kwargs):
        modes.append(force_polling)
        if not force_polling:
            raise OSError(28, "inotify watch limit reached")
        return real_awatch(*paths, force_polling=force_polling, **kwargs)

    monkeypatch.setattr(watch, "awatch", no_inotify)
    task, stop, reports = await start(lib, poll_delay_ms=50)
    assert modes == [False, True]
    (lib.content_dir / "polled.md").write_text(article("Polled", "polled"), encoding="utf-8")
    await until(lambda: lib.store.article("polled"), "the article seen by polling")
    await stop_watcher(task, stop)


async def test_waits_for_a_missing_content_folder(tmp_path: Path) -> None:
    content = tmp_path / "later"
    library = Library(content, tmp_path / "articles.db")
    await library.open()
    try:
        task, stop, reports = await start(library, retry_seconds=0.2)
        content.mkdir()
        await asyncio.sleep(0.6)  # the retry notices the folder and starts watching
        (content / "late.md").write_text(article("Late", "late"), encoding="utf-8")
        await until(lambda: library.store.article("late"), "an article in the late folder")
        await stop_watcher(task, stop)
    finally:
        await library.close()


def test_filter_matches_what_the_reload_reads(tmp_path: Path) -> None:
    keep = MarkdownFilter(tmp_path)
    (tmp_path / "moved-in").mkdir()
    (tmp_path / "moved-in" / "x.md").write_text("x")
    (tmp_path / "empty").mkdir()
    assert keep(Change.added, str(tmp_path / "a.md"))
    assert keep(Change.deleted, str(tmp_path / "sub" / "b.md"))
    assert keep(Change.added, str(tmp_path / "moved-in"))  # a folder of articles moved in
    assert keep(Change.deleted, str(tmp_path / "moved-out"))  # a folder moved out
    assert not keep(Change.added, str(tmp_path / "empty"))
    assert not keep(Change.modified, str(tmp_path / "a.txt"))
    assert not keep(Change.deleted, str(tmp_path / "a.txt"))
    assert not keep(Change.added, str(tmp_path / ".#a.md"))
    assert not keep(Change.added, str(tmp_path / ".git" / "a.md"))
