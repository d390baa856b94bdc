"""Reading, hashing and parsing content files for a reload, in worker processes when
there are many, and what each file's outcome looks like on its way back.

Workers send plain tuples (`Parsed`, `ArticleRow`): pickling `Article` dataclasses cost
a worker ~18% of its time, and the reload's own process as much again to unpickle them.
They also compute each article's sentence stems, which search reads for every question
(bot/search/sentence_stems.py), and its card's summary and quote (bot/search/cards.py):
once here rather than on every question asked or card shown.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import gc
import hashlib
import multiprocessing
import os
import threading
from collections.abc import AsyncIterator, Iterable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import NamedTuple

from bot.library.parse import ArticleError, parse_article, parser_version
from bot.search.cards import card_of, cards_version
from bot.search.sentence_stems import encode_stems, stems_version
from bot.store.articles import ArticleRow, article_row

# Below this many files to parse, worker start-up costs more than it saves.
PROCESS_THRESHOLD = 150
CHUNK = 64

# (path relative to the content folder, size, mtime_ns, the cached content hash or None)
Todo = tuple[str, int, int, str | None]


class Parsed(NamedTuple):
    """The outcome of reading one file: an article, an error, or 'same content as cached'."""

    path: str
    size: int
    mtime_ns: int
    hash: str
    article: ArticleRow | None = None
    error: str | None = None
    same_content: bool = False
    # Frontmatter values the parse dropped while serving the article (parse_article).
    warnings: tuple[str, ...] = ()


@functools.cache
def version() -> str:
    """The version of what a worker makes of a file: the parser's and that of the stems
    and card computed with it (see parser_version, stems_version, cards_version). The
    cache records it, and a reload by workers of another version parses every file again."""
    return f"{parser_version()}-{stems_version()}-{cards_version()}"


def read_and_parse(root: str, items: list[Todo], max_bytes: int) -> list[Parsed]:
    """Read, hash and parse files; runs in worker processes, so it must stay picklable."""
    out: list[Parsed] = []
    for rel, size, mtime_ns, old_hash in items:
        if size > max_bytes:
            error = (
                f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit"
                " (raise MAX_ARTICLE_BYTES to read it)"
            )
            out.append(Parsed(rel, size, mtime_ns, f"size:{size}:{mtime_ns}", error=error))
            continue
        try:
            raw = _read(os.path.join(root, rel))
        except FileNotFoundError:
            # Scanned, then deleted or moved before it was read ("No such file or
            # directory" read as if the reload had lost it): its article, if any, is kept
            # until a reload finds it gone.
            error = "deleted or moved while the reload ran: reload again"
            out.append(Parsed(rel, size, -1, "", error=error))
            continue
        except OSError as exc:
            # mtime -1: a chmod back leaves the mtime alone, and the file must be read again.
            error = f"cannot read: {exc.strerror}"
            if isinstance(exc, PermissionError):  # said what to do, not only the errno
                error += " (the bot's user may not read it: check the file's owner and mode)"
            out.append(Parsed(rel, size, -1, "", error=error))
            continue
        digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
        if digest == old_hash:
            out.append(Parsed(rel, size, mtime_ns, digest, same_content=True))
            continue
        if not raw.strip():
            # Said as such, not as the parse's "missing title (no YAML frontmatter…)": a
            # save caught half-way, a placeholder, a copy that failed. Here, not in the
            # parse: the parse's code is the cache's stamp.
            error = "the file is empty" if not raw else "the file holds only blank lines"
            out.append(Parsed(rel, size, mtime_ns, digest, error=error))
            continue
        try:
            warnings: list[str] = []
            parsed = parse_article(raw, rel, max_bytes=max_bytes, warnings=warnings)
            stems = encode_stems(s.text for s in parsed.sentences)
            row = article_row(parsed, stems, card_of(dataclasses.replace(parsed, stems=stems)))
            out.append(Parsed(rel, size, mtime_ns, digest, article=row, warnings=tuple(warnings)))
        except ArticleError as exc:
            out.append(Parsed(rel, size, mtime_ns, digest, error=str(exc)))
        except RecursionError:  # the HTML reader walks elements recursively
            error = "HTML nested too deeply to read (hundreds of elements one inside another)"
            out.append(Parsed(rel, size, mtime_ns, digest, error=error))
        except Exception as exc:  # a parser bug must not stop the reload either
            error = f"parser failed: {type(exc).__name__}"
            out.append(Parsed(rel, size, mtime_ns, digest, error=error))
    return out


def _read(path: str) -> bytes:
    """A file's bytes: unbuffered, without pathlib (half of Path.read_bytes' ~15 us)."""
    with open(path, "rb", buffering=0) as f:
        return f.read()


async def parse_all(
    root: str, todo: list[Todo], max_bytes: int, workers: int
) -> AsyncIterator[list[Parsed]]:
    """Yield parsed batches in order, bounded in memory."""
    chunks = [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
    if len(todo) < PROCESS_THRESHOLD or workers < 2:
        for chunk in chunks:
            yield await asyncio.to_thread(read_and_parse, root, chunk, max_bytes)
        return
    loop = asyncio.get_running_loop()
    # spawn: forking a process that runs aiosqlite's threads is not safe.
    with ProcessPoolExecutor(
        workers, mp_context=get_context("spawn"), initializer=_start_worker
    ) as pool:
        pending: list[asyncio.Future] = []
        it = iter(chunks)
        for chunk in _take(it, workers * 3):
            pending.append(loop.run_in_executor(pool, read_and_parse, root, chunk, max_bytes))
        while pending:
            batch = await pending.pop(0)
            for chunk in _take(it, 1):
                pending.append(loop.run_in_executor(pool, read_and_parse, root, chunk, max_bytes))
            yield batch


def _start_worker() -> None:
    """Parse-worker start-up: leave the modules out of garbage collection, and end with
    the process that started the worker."""
    # What the imports made lives as long as the worker: frozen, the collections that a
    # parse's cyclic trees set off no longer walk it (they took 6-7% of a worker's time
    # on blog posts, 3-4% after this).
    gc.freeze()
    _exit_with_parent()


def _exit_with_parent() -> None:
    """End this worker as soon as the process that started it ends.

    A reload killed with SIGKILL cannot stop its pool, and the workers would wait for
    work forever (~85 MB each). The parent's sentinel becomes ready when it dies.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def wait_for_parent() -> None:
        parent.join()
        os._exit(1)

    threading.Thread(target=wait_for_parent, name="exit-with-parent", daemon=True).start()


def _take(it: Iterable, n: int) -> list:
    out = []
    for item in it:
        out.append(item)
        if len(out) == n:
            break
    return out
