"""Incremental reload: content folder → article cache, in one transaction.

Files whose size and mtime (then content hash) are unchanged are skipped; new and changed
files are parsed, in worker processes when there are many; removed files are deleted. A
file that cannot be used is reported and, if a good version was cached, that version keeps
being served (stale) until the file is fixed. A cache made by another version of the parser
(or of the sentence stems and cards the workers make with it) is parsed again whole (its
unchanged files count as updated).
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import logging
import os
import re
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bot.library.report import REMOVED_NAMED, FileFailure, FileWarning, ReloadReport
from bot.library.scan import Scan, scan
from bot.store.articles import (
    ArticleRow,
    ArticleStore,
    ArticleWriter,
    CacheCorrupt,
    FileRow,
    StoreError,
    move_aside,
)

if TYPE_CHECKING:
    from bot.library.workers import Parsed, Todo

log = logging.getLogger("articlebot.library")

DEFAULT_MAX_BYTES = 2_000_000
# A reload removing more than this share of the library (or all of it) waits for a person
# to confirm: an unmounted volume or an emptied folder looks just like deleted articles.
DEFAULT_MAX_REMOVAL_SHARE = 0.5
# The meta key of the version of the parser (and stems) that made the cached articles (see
# workers.version).
PARSER_VERSION_KEY = "parser_version"
# Reader connections of the served cache: enough that a slow query does not queue the rest.
READERS = 3

Progress = Callable[[int, int], None]


class LibraryError(Exception):
    """A reload cannot start (e.g. the content folder is missing); one line for users."""


class RemovalRefused(LibraryError):
    """A reload would remove all, or too large a share, of the library; nothing changed."""


class SlugOwners:
    """Which file owns which slug, kept both ways: an updated file gives up its old slug
    in one step (scanning every slug per updated file made a full update quadratic)."""

    def __init__(self, by_slug: dict[str, str]) -> None:
        self.by_slug = by_slug
        self.by_path = {path: slug for slug, path in by_slug.items()}

    def release(self, path: str) -> None:
        slug = self.by_path.pop(path, None)
        if slug is not None:
            del self.by_slug[slug]

    def claim(self, slug: str, path: str) -> None:
        self.by_slug[slug] = path
        self.by_path[path] = slug

    def unique(self, slug: str) -> str:
        """`slug` with the first free `-2`, `-3` … suffix."""
        n = 2
        while f"{slug}-{n}" in self.by_slug:
            n += 1
        return f"{slug}-{n}"


class Vanished:
    """The articles of files gone from the folder, held until the reload has read its new
    files: a new file of the same bytes is the gone one renamed (said "renamed a.md ->
    b.md", not an article removed and another added), and a renamed file that fails keeps
    serving the gone file's article as its last good version (a broken file never removes
    the good version served; lib25 lost it). The same bytes (the content hash the cache
    already keys unchanged files on) decide, or a new file read well taking the gone
    article's frontmatter slug (renamed and edited). A failing new file has no article to
    compare: it is paired by bytes, or else by a `slug:` or `title:` line of its
    frontmatter naming one gone article alone (read as plain lines: its YAML may be what
    fails). A new file read well whose title, or `link:`, one gone article alone has and
    no other new file has is that article renamed and edited (its slug follows its path
    when the frontmatter gives none, as for a rename of the same bytes). A gone file and an
    unrelated broken one are never paired: the gone article is removed, as before."""

    def __init__(
        self, root: Path, removed: list[str], rows: dict[str, FileRow], owners: SlugOwners
    ) -> None:
        self.root = root
        self.ids = {p: i for p in removed if (i := rows[p].article_id)}
        self.by_hash: dict[str, str] = {}
        for p in self.ids:
            # Only a hash of the bytes: a file over the size limit or gone mid-read has a
            # stand-in ("size:…", "") that says nothing of its content.
            if (digest := rows[p].hash) and ":" not in digest:
                self.by_hash.setdefault(digest, p)
        # Gone files read well when last read: their bytes, found again, are their article.
        self.good = {p for p in self.ids if rows[p].error is None}
        self.by_slug: dict[str, str] = {}
        for p in self.ids:
            if (slug := owners.by_path.get(p)) is not None:
                self.by_slug[slug] = p
                owners.release(p)
        self.slug_was = {p: slug for slug, p in self.by_slug.items()}
        self.owners = owners
        # (old slug, new slug) of articles whose slug a rename or an edit changed, for the
        # cache's alias table (ArticleWriter.alias_slugs).
        self.reslugged: list[tuple[str, str]] = []
        self.new: list[tuple[str, str, tuple | None]] = []  # (hash, path, failing file's row)
        self.same_slug: dict[str, str] = {}  # new path -> the gone path whose slug it took
        self.names: dict[str, tuple[str, str | None]] = {}  # new path read well -> title, link

    def arrived(
        self, digest: str, row: tuple | None, path: str = "", article: ArticleRow | None = None
    ) -> None:
        """A file the cache did not know was read: `row`, its files row when it failed,
        else its `article`."""
        if self.ids:
            self.new.append((digest, row[0] if row else path, row))
            if article is not None:
                self.names[path] = (article.title, article.link)

    def taken(self, slug: str, claimant: str, new: bool) -> list[int]:
        """The gone article holding `slug`, to delete now (a file read now claims it); a
        file the cache did not know that claims it is the gone one renamed and edited (a
        frontmatter slug is the article's identity)."""
        path = self.by_slug.pop(slug, None)
        article_id = self.ids.pop(path, None) if path else None
        if article_id is None:
            return []
        self.ids[path] = 0  # gone, but still its file's to pair by bytes
        if new:
            self.same_slug[claimant] = path
        return [article_id]

    async def settle(self, writer: ArticleWriter, report: ReloadReport) -> None:
        """Pair renamed files, keep what a failing renamed file served, delete the rest."""
        if not self.ids:
            return
        pairs: list[tuple[str, str, tuple | None]] = []
        failing: list[tuple[str, tuple]] = []
        for digest, path, row in sorted(self.new, key=lambda n: n[1]):
            old = self.by_hash.get(digest)
            if old is not None and old in self.ids:
                del self.by_hash[digest]
                pairs.append((old, path, row))
            elif row is not None:
                failing.append((path, row))
        paired = {p for p, _, _ in pairs}
        pairs += [
            (old, new, None)
            for new, old in sorted(self.same_slug.items())
            if old not in paired and new not in {n for _, n, _ in pairs}
        ]
        paired = {p for p, _, _ in pairs}
        left = {i: p for p, i in self.ids.items() if i and p not in paired}
        names = await writer.names(list(left)) if left and (failing or self.names) else {}
        if names and self.names:
            arrived = {n for _, n, _ in pairs}
            pairs += _same_names(
                {p: n for p, n in self.names.items() if p not in arrived},
                {left[i]: (title, link) for i, (_, title, link) in names.items()},
            )
            paired = {p for p, _, _ in pairs}
        if names and failing:
            for path, row in failing:
                said = _said_names(self.root / path)
                match = {
                    left[i]
                    for i, (slug, title, _) in names.items()
                    if {slug, title} & said and left[i] not in paired
                }
                if len(match) == 1 and (old := match.pop()) not in paired:
                    paired.add(old)
                    pairs.append((old, path, row))
        kept: dict[str, FileFailure] = {}
        for old, new, row in sorted(pairs):
            report.moved.append((old, new))
            if row is None:  # read well under its new name: its article is the new one
                report.added -= 1
                report.moved_served += 1
                # Its slug follows its name when the frontmatter gives none: the old one
                # stays an alias, or links and buttons naming it find nothing.
                was, now = self.slug_was.get(old), self.owners.by_path.get(new)
                if was is not None and now is not None and was != now:
                    self.reslugged.append((was, now))
                continue
            article_id = self.ids.pop(old)
            if not article_id:  # its slug went to a file read well: nothing to keep
                continue
            error = f"renamed from {old}; {row[5]}"
            await writer.put_files([(*row[:4], article_id, error, None)])
            await writer.move_article(article_id, new)
            kept[new] = FileFailure(new, error, kept=True)
        report.failed[:] = [kept.get(f.path, f) for f in report.failed]
        await writer.delete_articles([i for i in self.ids.values() if i])
        moved = {old for old, _ in report.moved}
        gone = sorted(p for p in self.ids if p not in moved)
        report.removed = len(gone)
        report.removed_paths = gone[:REMOVED_NAMED]


class Library:
    """The content folder and its cache. `store` is a reader; `reload()` is the writer."""

    def __init__(
        self,
        content_dir: str | Path,
        db_path: str | Path,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        workers: int | None = None,
        max_removal_share: float = DEFAULT_MAX_REMOVAL_SHARE,
    ) -> None:
        self.content_dir = Path(content_dir)
        self.db_path = Path(db_path)
        self.max_bytes = max_bytes
        self.max_removal_share = max_removal_share
        # Why the last reload was refused or stopped (see reload), until one succeeds.
        self.refused: str | None = None
        self.workers = workers or min(os.cpu_count() or 1, 4)
        self.store: ArticleStore | None = None
        self.generation = 0  # bumped after every committed reload; caches compare it
        self.last_report: ReloadReport | None = None
        self._lock = asyncio.Lock()
        self._listeners: list[Callable[[ReloadReport], None]] = []

    async def open(self) -> ArticleStore:
        """Open (creating if needed) the cache for reading."""
        if self.store is None:
            self.store = await ArticleStore.open(self.db_path, readers=READERS)
        return self.store

    async def close(self) -> None:
        if self.store is not None:
            await self.store.close()
            self.store = None

    @property
    def reloading(self) -> bool:
        return self._lock.locked()

    def on_reload(self, listener: Callable[[ReloadReport], None]) -> None:
        """Call listener(report) after each committed reload (e.g. to refresh indexes)."""
        self._listeners.append(listener)

    async def reload(
        self, progress: Progress | None = None, *, allow_removals: bool = False
    ) -> ReloadReport:
        """Bring the cache in line with the content folder; one reload at a time.

        Raises RemovalRefused, changing nothing, when it would remove every article or
        more than `max_removal_share` of them, unless `allow_removals` confirms it.
        """
        async with self._lock:
            try:
                if not self.content_dir.is_dir():
                    raise LibraryError(
                        f"content folder {self.content_dir} does not exist (moved, or a"
                        " volume not mounted?); the articles already loaded stay served"
                    )
                async with _exclusive(Path(f"{self.db_path}.lock")):
                    try:
                        report = await self._reload(progress, allow_removals)
                    except CacheCorrupt as exc:
                        await self._move_aside(exc)
                        report = await self._reload(progress, allow_removals)
            except (LibraryError, StoreError) as exc:
                # Kept for /status until a reload succeeds: an automatic reload (the
                # watcher's) that stopped was said only in the log, and /status showed
                # the last good reload as if all were well.
                self.refused = str(exc)
                raise
            self.refused = None
            self.generation += 1
            self.last_report = report
            for listener in self._listeners:
                listener(report)
            return report

    async def recover(self, problem: CacheCorrupt) -> None:
        """Move a damaged cache aside (see `reload`, which also does it), for a fresh one."""
        async with self._lock, _exclusive(Path(f"{self.db_path}.lock")):
            await self._move_aside(problem)

    async def _move_aside(self, problem: CacheCorrupt) -> None:
        # The cache is derived data: a fresh one is a reload away, whereas a damaged one
        # would fail every command until someone deleted it by hand.
        reopen = self.store is not None
        await self.close()
        aside = await asyncio.to_thread(move_aside, self.db_path)
        log.warning("%s: moved it to %s and rebuilding it", problem, aside.name)
        if reopen:
            await self.open()

    async def _reload(self, progress: Progress | None, allow_removals: bool) -> ReloadReport:
        started = time.perf_counter()
        # The parser (BeautifulSoup, markdown-it, YAML: ~45 % of the bot's imports) is
        # imported by the first reload, not at start: a process asking of a built cache
        # answers without it (issue 19's start -> first answer).
        from bot.library import workers

        report = ReloadReport()
        # Walked before the file index is read, not beside it: both threads need the GIL
        # 100k times, and together they took longer.
        found = await asyncio.to_thread(scan, self.content_dir)
        writer = await ArticleWriter.open(self.db_path)
        try:
            async with writer.transaction():
                known = await writer.file_index()
                version = workers.version()
                # A cache parsed by another version of the parser is parsed again whole:
                # otherwise unchanged files would keep serving the old parser's text (and
                # questions would meet stems another version of the stemming wrote).
                made_by = await writer.get_meta(PARSER_VERSION_KEY)
                reparse = made_by != version
                if reparse and made_by is not None:
                    log.info("the cache was made by other parsing code: reading every file again")
                    # A file that fails now keeps its article (stale) but not a card
                    # the other code made; it is made when shown, by this code.
                    await writer.forget_cards()
                changed = list(found.files) if reparse else known.changed(found.files)
                missing = sorted(known.paths() - found.files.keys())
                # Files that failed when last read and are still there: reported again,
                # with whether their last good article is still served.
                failing = [p for p in known.errors() if p in found.files]
                # All the cache holds of the files this reload acts on (none, when nothing
                # changed and nothing fails): their hashes, articles and errors.
                rows = await writer.file_rows([*changed, *missing, *failing])
                # Files served with a warning when last read: said again while they hold it.
                warned = {} if reparse else await writer.warned()
                todo = self._plan(found, rows, changed, failing, warned, reparse, report)
                # Removals are checked once the new files are read: a file renamed removes
                # nothing, and an export re-run renaming every file was refused as a mass
                # removal. Counted before the gone files are forgotten.
                held = await writer.files_with_articles() if missing and not allow_removals else 0
                removed = await self._remove(writer, found, rows, missing, report)
                if held:
                    # Each new file is at most one gone file renamed: with fewer new files
                    # than would save the reload, it is refused before they are parsed (an
                    # emptied or unmounted folder at once, as before).
                    gone = sum(1 for p in removed if rows[p].article_id)
                    new = sum(1 for p in changed if p not in rows)
                    self._check_removals(gone - min(gone, new), held, at_least=new > 0)
                owners = SlugOwners(await writer.slug_owners() if todo else {})
                vanished = Vanished(self.content_dir, removed, rows, owners)
                if not reparse and vanished.good:
                    todo = await self._move_unparsed(writer, todo, rows, vanished, report)
                done = 0
                async for batch in workers.parse_all(
                    str(self.content_dir), todo, self.max_bytes, self.workers
                ):
                    await self._apply(writer, batch, rows, owners, report, vanished)
                    done += len(batch)
                    if progress:
                        progress(done, len(todo))
                await vanished.settle(writer, report)
                await writer.alias_slugs(vanished.reslugged)
                if writer.changed:
                    await writer.tidy_aliases()
                if held:  # raising rolls the reload back: nothing changed
                    self._check_removals(report.removed, held)
                report.failed.sort(key=lambda f: f.path)
                report.warned.sort(key=lambda w: w.path)
                report.moved.sort()  # moved unparsed first, then those the parse paired
                report.seconds = time.perf_counter() - started
                report.articles_changed = writer.changed
                await writer.set_meta(PARSER_VERSION_KEY, version)
                await writer.set_meta(
                    "last_reload",
                    json.dumps(
                        {"at": datetime.now(UTC).isoformat(timespec="seconds"), **report.as_json()}
                    ),
                )
        finally:
            await writer.close()
        report.seconds = time.perf_counter() - started
        return report

    @staticmethod
    def _plan(
        found: Scan,
        rows: dict[str, FileRow],
        changed: list[str],
        failing: list[str],
        warned: dict[str, str],
        reparse: bool,
        report: ReloadReport,
    ) -> list[Todo]:
        """The files to read, by path: new and changed ones (size or mtime), or all of them
        when `reparse`. Of the others, those that failed when last read (`failing`) are
        reported again as failed, the rest counted as unchanged, and those of them served
        with a warning (`warned`, path → warning) warned of again."""
        scanned = found.files
        if reparse:
            # No cached hash either: "same content" must not spare a file the new parser.
            todo = [(rel, *scanned[rel], None) for rel in changed]
        else:
            todo = [
                (rel, *scanned[rel], row.hash if (row := rows.get(rel)) else None)
                for rel in changed
            ]
        todo.sort()  # parsed (and slug clashes settled) in path order
        pending = {item[0] for item in todo}
        still = [
            FileFailure(path, row.error or "", kept=row.article_id is not None)
            for path in failing
            if path not in pending and (row := rows.get(path)) is not None
        ]
        report.failed.extend(still)
        report.unchanged = len(scanned) - len(todo) - len(still)
        report.warned.extend(
            FileWarning(path, warning)
            for path, warning in warned.items()
            if path in scanned and path not in pending
        )
        return todo

    async def _remove(
        self,
        writer: ArticleWriter,
        found: Scan,
        rows: dict[str, FileRow],
        missing: list[str],
        report: ReloadReport,
    ) -> list[str]:
        """Forget the files gone from the folder (`missing`, sorted) and return them: their
        articles are deleted once the new files are read (Vanished), as one may be the same
        file renamed. Keep (stale) what sits in unreadable folders, and what a symlink whose
        target cannot be read served."""
        kept = {p: folder for p in missing if (folder := found.unreadable_folder(p)) is not None}
        linked = {p: found.dangling[p] for p in missing if p in found.dangling}
        removed = [p for p in missing if p not in kept and p not in linked]
        await writer.delete_files(removed)
        for folder, reason in found.unreadable.items():
            cached = sum(1 for p, f in kept.items() if f == folder and rows[p].article_id)
            report.failed.append(
                FileFailure(
                    f"{folder or '.'}/",
                    f"cannot read folder: {reason}; {cached} cached article(s) kept",
                    kept=cached > 0,
                )
            )
        # Served as they were, shown as failing, and read again (mtime -1) once readable.
        stale = []
        for path, folder in kept.items():
            error = f"folder {folder or '.'}/ cannot be read: {found.unreadable[folder]}"
            stale.append((path, rows[path].size, -1, "", rows[path].article_id, error, None))
        stale += [(p, rows[p].size, -1, "", rows[p].article_id, e, None) for p, e in linked.items()]
        await writer.put_files(stale)
        report.failed.extend(FileFailure(p, reason) for p, reason in found.skipped.items())
        report.failed.extend(
            FileFailure(p, reason, kept=bool((row := rows.get(p)) and row.article_id))
            for p, reason in found.dangling.items()
        )
        return removed

    async def _move_unparsed(
        self,
        writer: ArticleWriter,
        todo: list[Todo],
        rows: dict[str, FileRow],
        vanished: Vanished,
        report: ReloadReport,
    ) -> list[Todo]:
        """Move the articles of gone files whose bytes arrived under a new path, without
        parsing them again (a folder renamed, an export moved under a subfolder: hard26
        parsed all 18,817 again, 156 s). Their path and a slug taken from the path follow
        (moved.slug_of); a file whose slug cannot be told so is left to the parse, as are
        all files that are not such a move. Returns what is left to parse."""
        # Imported here, as workers is: it reads frontmatter with the parser's YAML handler
        # (a process asking of a built cache imports no parser).
        from bot.library import moved

        root = str(self.content_dir)
        new = [item for item in todo if item[0] not in rows and item[1] <= self.max_bytes]
        read = await asyncio.to_thread(lambda: [(item, moved.read(root, item[0])) for item in new])
        owners = vanished.owners
        taken: list[int] = []  # gone articles whose slug a moved file takes
        renew: list[tuple[int, str, str]] = []
        files: list[tuple] = []
        for (path, size, mtime_ns, _), got in read:
            if got is None or (old := vanished.by_hash.get(got[0])) is None:
                continue
            article_id = vanished.ids.get(old)
            if not article_id or old not in vanished.good:
                continue
            slug = moved.slug_of(got[1], path, self.max_bytes)
            if slug is None:
                continue
            owner = owners.by_slug.get(slug)
            if owner is not None and owner != path:
                given = owners.unique(slug)
                report.renamed.append(f"{path}: slug '{slug}' is taken by {owner}; using '{given}'")
                slug = given
            if vanished.by_slug.get(slug) == old:  # its own slug, kept (a frontmatter one)
                del vanished.by_slug[slug]
            else:  # another gone article's slug goes to this file (as in _apply)
                taken += vanished.taken(slug, path, new=False)
            del vanished.by_hash[got[0]]
            del vanished.ids[old]
            owners.claim(slug, path)
            was = vanished.slug_was.get(old)
            if was is not None and was != slug:
                vanished.reslugged.append((was, slug))
            renew.append((article_id, slug, path))
            warning = rows[old].warning
            files.append((path, size, mtime_ns, got[0], warning))
            if warning:
                report.warned.append(FileWarning(path, warning))
            report.moved.append((old, path))
            report.moved_served += 1
        # Batched (one statement a kind, not a round trip a file): the slugs taken first,
        # then the moves in the order their slugs were settled.
        await writer.delete_articles(taken)
        ids = await writer.renew_articles(renew)
        await writer.put_files(
            [
                (p, size, ns, h, i, None, w)
                for (p, size, ns, h, w), i in zip(files, ids, strict=True)
            ]
        )
        done = {f[0] for f in files}
        return [item for item in todo if item[0] not in done]

    def _check_removals(self, gone: int, total: int, *, at_least: bool = False) -> None:
        """Raise RemovalRefused when removing `gone` of `total` articles looks like an
        accident (`at_least`: `gone` is what no rename can save, before the new files are read)."""
        share = self.max_removal_share
        if gone == 0 or (gone < total and gone <= share * total):
            return
        raise RemovalRefused(
            f"reload refused: it would remove {'at least ' if at_least else ''}{gone} of the"
            f" {total} articles"
            + (" (all of them)" if gone == total else f" (more than {share:.0%})")
            + "; is the content folder empty or unmounted? The library is unchanged"
        )

    async def _apply(
        self,
        writer: ArticleWriter,
        batch: list[Parsed],
        cached: dict[str, FileRow],
        owners: SlugOwners,
        report: ReloadReport,
        vanished: Vanished,
    ) -> None:
        stale_ids: list[int] = []
        fresh: list[ArticleRow] = []
        fresh_files: list[Parsed] = []
        today = datetime.now(UTC).date()
        rows: list[tuple] = []
        for item in batch:
            old = cached.get(item.path)
            old_id = old.article_id if old else None
            if item.same_content:
                assert old is not None  # only a cached file has a hash to compare with
                rows.append(
                    (item.path, item.size, item.mtime_ns, item.hash, old_id, old.error, old.warning)
                )
                if old.error:  # the same broken file as last time: still failing
                    report.failed.append(FileFailure(item.path, old.error, kept=bool(old_id)))
                else:
                    report.unchanged += 1
                    if old.warning:  # touched, same bytes: served as it was, warning and all
                        report.warned.append(FileWarning(item.path, old.warning))
                continue
            if item.error is not None:
                # Failing: what it is served as (its last good version, if any) is said by
                # the failure; its old warning is read again once the file is fixed.
                report.failed.append(FileFailure(item.path, item.error, kept=bool(old_id)))
                row = (item.path, item.size, item.mtime_ns, item.hash, old_id, item.error, None)
                rows.append(row)
                if old is None:
                    vanished.arrived(item.hash, row)
                continue
            article = item.article
            assert article is not None
            was = None
            if old_id:
                stale_ids.append(old_id)
                report.updated += 1
                was = owners.by_path.get(item.path)
                owners.release(item.path)
            else:
                report.added += 1
                if old is None:
                    vanished.arrived(item.hash, None, item.path, article)
            owner = owners.by_slug.get(article.slug)
            if owner is not None and owner != item.path:
                new_slug = owners.unique(article.slug)
                report.renamed.append(
                    f"{item.path}: slug '{article.slug}' is taken by {owner}; using '{new_slug}'"
                )
                article = article._replace(slug=new_slug)
            # A gone file's article gives up the slug this file is given (slugs are unique
            # in the cache; Vanished released them to SlugOwners): its own slug, the same
            # file renamed most often, or the one given instead of a taken one (a copy
            # removed while another copy arrives: both are "alpha-2").
            stale_ids += vanished.taken(article.slug, item.path, old is None)
            owners.claim(article.slug, item.path)
            if was is not None and was != article.slug:  # an edited `slug:`, a clash gone
                vanished.reslugged.append((was, article.slug))
            warnings = item.warnings + _ahead(article.date, today)
            if warnings:  # one entry a file: the count is of files served so
                report.warned.append(FileWarning(item.path, _joined(warnings)))
            fresh.append(article)
            fresh_files.append(item._replace(warnings=warnings))
        await writer.delete_articles(stale_ids)
        ids = await writer.insert_articles(fresh)
        rows.extend(
            (f.path, f.size, f.mtime_ns, f.hash, i, None, _joined(f.warnings) or None)
            for f, i in zip(fresh_files, ids, strict=True)
        )
        await writer.put_files(rows)


# A frontmatter line naming the article, read without YAML (the file failing may be
# failing in its YAML): `slug: x`, `title: "X"`.
_NAME_LINE = re.compile(r"^(?:slug|title)[ \t]*:[ \t]*(.+?)[ \t]*$", re.MULTILINE)


def _same_names(
    new: dict[str, tuple[str, str | None]], gone: dict[str, tuple[str, str | None]]
) -> list[tuple[str, str, None]]:
    """(gone path, new path, None) for each new file read well that one gone article alone
    names by its title, else by its link, and no other new file names so (path -> (title,
    link) on each side): a title two gone files share says nothing of which one moved."""
    pairs: list[tuple[str, str, None]] = []
    for key in (0, 1):  # the title, then the link
        olds: dict[str, list[str]] = {}
        news: dict[str, list[str]] = {}
        for path, said in gone.items():
            if said[key]:
                olds.setdefault(said[key], []).append(path)
        for path, said in new.items():
            if said[key]:
                news.setdefault(said[key], []).append(path)
        for name, paths in sorted(news.items()):
            old = olds.get(name, [])
            if len(paths) == 1 and len(old) == 1 and old[0] in gone and paths[0] in new:
                pairs.append((old[0], paths[0], None))
                del gone[old[0]]
                del new[paths[0]]
    return pairs


def _said_names(path: Path) -> set[str]:
    """The slug and title a failing file's frontmatter lines say (quotes dropped)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8192).decode("utf-8", "replace")
    except OSError:
        return set()
    front = head.lstrip("\ufeff").split("\n---", 1)[0]
    return {m.group(1).strip("'\"") for m in _NAME_LINE.finditer(front)}


def _ahead(dated: str | None, today: date) -> tuple[str, ...]:
    """A warning for an article dated after tomorrow (a day of slack for time zones): it is
    listed as the newest (latest, picks, "what's new?") until then, and a mistyped year
    (2062 for 2026) said nothing. Checked here, not by the parse: it depends on the day."""
    if dated is None or dated[:10] <= (today + timedelta(days=1)).isoformat():
        return ()
    return (
        f"date {dated[:10]} is after the day it was read ({today.isoformat()}):"
        " listed as the newest until then",
    )


def _joined(warnings: tuple[str, ...]) -> str:
    """A file's warnings as its one line (report and cache alike)."""
    return "; ".join(warnings)


@contextlib.asynccontextmanager
async def _exclusive(lock_path: Path) -> AsyncIterator[None]:
    """Hold a lock file, so processes sharing one cache file reload one at a time."""
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "w")  # noqa: ASYNC230, SIM115 - creating a lock file is instant
    except OSError as exc:
        raise StoreError(
            f"cannot write the article cache's lock {lock_path}: {exc.strerror}"
        ) from None
    with handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                await asyncio.sleep(0.1)  # polling keeps the event loop free
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
