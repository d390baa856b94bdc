"""Automatic reload: watch the content folder and reload the cache once changes settle.

Runs beside the bot (WATCH_CONTENT=1). It only decides *when* to reload; the incremental
reload itself (`Library.reload`) does the work and serialises with admin `/reload`.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Protocol

from watchfiles import Change, awatch

from bot.library.report import ReloadReport, counts_text, warned_count
from bot.library.scan import article_name
from bot.library.sync import LibraryError
from bot.store.articles import StoreError

log = logging.getLogger("articlebot.watch")

OnReport = Callable[[ReloadReport], Awaitable[None] | None]


class Reloadable(Protocol):
    """What the watcher needs from a Library."""

    content_dir: Path

    async def reload(self) -> ReloadReport: ...


class MarkdownFilter:
    """Pass changes that can alter the library: visible article files (the scan's
    `article_name`: .md, .markdown, any case) and whole folders.

    Hidden files and folders are skipped because the reload's scan skips them too (editor
    files such as `.#draft.md` would otherwise trigger reloads).
    """

    def __init__(self, root: str | Path) -> None:
        root = Path(root)
        self.roots = {str(root.absolute()), str(root.resolve())}

    def __call__(self, change: Change, path: str) -> bool:
        name = os.path.basename(path)
        if name.startswith("."):
            return False
        if article_name(name):
            pass
        elif change == Change.deleted:
            # A folder moved out yields one event for the folder, none for its files.
            if "." in name:
                return False
        elif not (os.path.isdir(path) and _holds_articles(path)):
            return False
        return not self._hidden(path)

    def _hidden(self, path: str) -> bool:
        for root in self.roots:
            if path.startswith(root + os.sep):
                return any(part.startswith(".") for part in path[len(root) + 1 :].split(os.sep))
        return False


def _holds_articles(folder: str) -> bool:
    """Whether a folder holds an article file at any depth (rglob's pattern is
    case-sensitive here, and articles are `.MD` or `.markdown` too)."""
    return any(article_name(p.name) for p in Path(folder).rglob("*"))


def summarize(report: ReloadReport) -> str:
    """One line for the log: what a reload changed."""
    warned = warned_count(report.as_json())
    line = f"{counts_text(report.counts())}{warned} in {report.seconds:.2f}s"
    if report.failed:
        first = report.failed[0]
        more = f" (+{len(report.failed) - 1} more)" if len(report.failed) > 1 else ""
        line += f"; {first.path}: {first.error}{more}"
    if report.warned:
        first_warned = report.warned[0]
        more = f" (+{len(report.warned) - 1} more)" if len(report.warned) > 1 else ""
        line += f"; {first_warned.path}: {first_warned.warning}{more}"
    return line


async def watch_content(
    library: Reloadable,
    *,
    debounce_ms: int = 1500,
    step_ms: int = 300,
    stop_event: asyncio.Event | None = None,
    on_report: OnReport | None = None,
    force_polling: bool | None = None,
    poll_delay_ms: int = 500,
    retry_seconds: float = 5.0,
) -> None:
    """Reload `library` whenever its article files change, until `stop_event` is set.

    A burst of changes is reloaded once nothing new arrived for `step_ms`, and at the
    latest `debounce_ms` after it started. Errors are logged; the watcher keeps going.
    """
    stop = stop_event if stop_event is not None else asyncio.Event()
    root = Path(library.content_dir)
    polling = force_polling
    while not stop.is_set():
        batches = 0
        replaced = False
        try:
            watched = root.stat().st_ino  # FileNotFoundError when the folder is missing
            log.info("watching %s for article changes%s", root, " (polling)" if polling else "")
            changes_stream = awatch(
                root,
                watch_filter=MarkdownFilter(root),
                debounce=debounce_ms,
                step=step_ms,
                stop_event=stop,
                force_polling=polling,
                poll_delay_ms=poll_delay_ms,
                ignore_permission_denied=True,
            )
            async with contextlib.aclosing(changes_stream):
                async for changes in changes_stream:
                    batches += 1
                    await _reload(library, len(changes), on_report)
                    if stop.is_set():
                        break
                    if not _same_folder(root, watched):
                        replaced = True  # moved away or swapped: the old watch sees nothing new
                        break
        except FileNotFoundError as exc:
            log.warning("cannot watch content: %s; retrying in %.0fs", exc, retry_seconds)
        except (OSError, RuntimeError) as exc:
            if not polling and batches == 0:
                # inotify can be missing or out of watches (containers, network mounts).
                log.warning("file notifications unavailable (%s); polling %s instead", exc, root)
                polling = True
                continue
            log.error("content watcher failed: %s; retrying in %.0fs", exc, retry_seconds)
        if stop.is_set():
            break
        if replaced and root.is_dir():
            continue
        await _sleep_unless_stopped(stop, retry_seconds)
    log.info("stopped watching %s", root)


def _same_folder(root: Path, inode: int) -> bool:
    try:
        return root.stat().st_ino == inode
    except OSError:
        return False


async def _reload(library: Reloadable, changed: int, on_report: OnReport | None) -> None:
    try:
        report = await library.reload()
    except (LibraryError, StoreError) as exc:  # the folder is gone, a locked cache: one line
        log.warning("automatic reload after %d change(s): %s", changed, exc)
        return
    except Exception as exc:  # a bug: keep its trace
        log.error("automatic reload after %d change(s) failed: %s", changed, exc, exc_info=exc)
        return
    log.info("automatic reload after %d change(s): %s", changed, summarize(report))
    if on_report is None:
        return
    try:
        result = on_report(report)
        if inspect.isawaitable(result):
            await result
    except Exception:
        log.exception("on_report callback failed")


async def _sleep_unless_stopped(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=max(seconds, 0.0))
