"""The article cache: every SQL statement that touches data/articles.db lives here.

Writers use `ArticleWriter` inside one transaction per reload; readers use
`ArticleStore`, each on its own connection, so in WAL mode a reader keeps seeing the
previous library until the reload commits.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import sqlite3
import uuid
from collections import OrderedDict
from collections.abc import (
    AsyncIterator,
    Collection,
    Iterable,
    Iterator,
    KeysView,
    Mapping,
    Sequence,
)
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

import aiosqlite

from bot.library.model import (
    Article,
    ArticleMeta,
    CardText,
    Quote,
    Sentence,
)
from bot.library.report import FileFailure, FileWarning, LibraryStats
from bot.store.schema import MIGRATIONS
from bot.store.sqlite import advice, connect, hold, is_corrupt, prefetch, release, use_wal


class StoreError(Exception):
    """The cache cannot be opened or read; the message is one line for users."""


class CacheCorrupt(StoreError):
    """SQLite says the cache file is damaged. It is derived data: move it aside, rebuild."""


def _store_error(doing: str, path: Path, exc: BaseException) -> StoreError:
    """The one-line StoreError for a sqlite3 or OS error while `doing` something to `path`."""
    kind = CacheCorrupt if is_corrupt(exc) else StoreError
    hint = advice(exc)
    return kind(f"{doing} {path}: {exc}" + (f": {hint}" if hint else ""))


class FileRow(NamedTuple):
    """What the cache remembers about one content file."""

    size: int
    mtime_ns: int
    hash: str
    article_id: int | None
    error: str | None
    warning: str | None  # what its served article was warned of (see ReloadReport.warned)


_FILE_ROW = "SELECT path, size, mtime_ns, hash, article_id, error, warning FROM files"
# Above this many paths, `file_rows` reads the whole table rather than looking each one up.
FILE_ROWS_BY_PATH = 5000


def _in_chunks(items: Sequence, size: int = 500) -> Iterator[tuple[list, str]]:
    """`items` in chunks of at most `size`, each with its "?,?,…" marks: a statement binds
    at most SQLITE_MAX_VARIABLE_NUMBER parameters (32766 today, 999 in older SQLite)."""
    for start in range(0, len(items), size):
        chunk = list(items[start : start + size])
        yield chunk, ",".join("?" * len(chunk))


class FileIndex:
    """Every file the cache remembers, as a reload first needs it: path → size and mtime,
    and the errors of the files that failed when last read.

    A no-change reload of 100k files only compares sizes and mtimes, so the rows stay the
    tuples SQLite returned and carry nothing else: reading every file's hash and article
    id too made the query ~1.6x as long. The whole FileRow of the files a reload acts on
    (new, changed, removed) is read apart, with `ArticleWriter.file_rows`.
    """

    def __init__(self, rows: Iterable[Sequence]) -> None:
        self._rows = {r[0]: r for r in rows}  # (path, size, mtime_ns, error)

    def paths(self) -> KeysView[str]:
        """The paths, as a set-like view (set operations run at C speed)."""
        return self._rows.keys()

    def changed(self, stats: Mapping[str, tuple[int, int]]) -> list[str]:
        """The paths of `stats` (path → (size, mtime_ns)) that the cache does not know
        with that size and mtime."""
        rows = self._rows
        out = []
        for path, (size, mtime_ns) in stats.items():
            row = rows.get(path)
            if row is None or row[1] != size or row[2] != mtime_ns:
                out.append(path)
        return out

    def errors(self) -> dict[str, str]:
        """path → error of the files that failed when last read."""
        return {path: row[3] for path, row in self._rows.items() if row[3]}


class ArticleRow(NamedTuple):
    """A parsed article as the cache stores it: plain values, which a parse worker sends
    back cheaply (pickling `Article` dataclasses was ~18% of a worker's time)."""

    slug: str
    path: str
    title: str
    author: str | None
    date: str | None  # ISO 8601
    link: str | None
    cover_image: str | None
    description: str | None
    tags: tuple[str, ...]
    text: str
    word_count: int
    reading_minutes: int
    sentences: tuple[tuple[str, int, str | None], ...]  # (text, paragraph, kind; None: text)
    quotes: tuple[tuple[str, str | None], ...]  # (text, speaker)
    stems: str | None = None  # each sentence's stems (see bot.search.sentence_stems)
    # its card's (summary, quote, the quote's speaker, the quote's kind); see bot.search.cards
    card: tuple[str, str | None, str | None, str | None] | None = None


def _stored_kind(kind: str) -> str | None:
    """A sentence's block kind as the cache stores it: NULL for body text (most of them)."""
    return None if kind == "text" else kind


def article_row(a: Article, stems: str | None = None, card: CardText | None = None) -> ArticleRow:
    """The row the cache stores for an article, with its sentences' `stems` and its `card`."""
    quote = card.quote if card is not None else None
    return ArticleRow(
        a.slug,
        a.path,
        a.title,
        a.author,
        a.date.isoformat() if a.date else None,
        a.link,
        a.cover_image,
        a.description,
        a.tags,
        a.text,
        a.word_count,
        a.reading_minutes,
        tuple((s.text, s.paragraph, _stored_kind(s.kind)) for s in a.sentences),
        tuple((q.text, q.speaker) for q in a.quotes),
        stems,
        None
        if card is None
        else (card.summary, *((quote.text, quote.speaker, quote.kind) if quote else (None,) * 3)),
    )


_META_COLUMNS = "id, slug, title, author, date, link, tags, cover_image, description"
# Tags are stored joined by newlines: a tag may contain spaces, never a line break.
TAG_SEPARATOR = "\n"
META_CHUNK = 10_000
# The meta key of the cache's content version: a new random token whenever a reload
# changes articles, so what is derived from the cache (the search index file) can tell
# whether it still matches.
CONTENT_VERSION = "content_version"
# The meta key of the cache's identity: a random token given when it is first asked for
# and kept for the file's life, so what is derived from one cache file is never taken for
# another's (a cache deleted and rebuilt gives ids again from 1).
CACHE_ID = "cache_id"
# The highest article id ever given: ids are never given twice, so an article id always
# means the same article (the search index updates itself by comparing ids).
LAST_ID = "last_article_id"
# External-content FTS5 deletes by writing tombstones beside the old entries: a reload that
# replaced every article (a new parser version) left the full-text index twice its size,
# and every full-text read walked both, start-up's (the common words' counts, the
# vocabulary for typo corrections) and each query's: start -> index ready 1.1 -> 4.9 s at
# 100k articles, a batch of asks 1.9x the time (bench/README.md, 2026-12-05). So once the
# articles deleted since the index was last optimized pass FTS_OPTIMIZE_SHARE of the
# library, the reload rewrites it without them ('optimize': 3.2 s at 100k articles, against
# the ~55 s of the reload that deleted that many). Ids are never given twice, so the
# deletions ever made are the last id given less the articles held; the meta key
# FTS_OPTIMIZED keeps that number as it was at the last optimize (none: never optimized).
FTS_OPTIMIZED = "fts_optimized_at"
FTS_OPTIMIZE_SHARE = 0.25
_FULL_COLUMNS = f"{_META_COLUMNS}, path, text, word_count, reading_minutes"
# How many whole articles a store keeps after reading them (see articles_by_id): over
# bench/ask_cpu.py's blog questions 256 kept answer 38 % of the reads (perf30), at ~50 KB
# an article (its text twice: body and sentences).
RECENT_ARTICLES = 256


def _meta(row: Sequence) -> ArticleMeta:
    return ArticleMeta(
        id=row[0],
        slug=row[1],
        title=row[2],
        author=row[3],
        date=datetime.fromisoformat(row[4]) if row[4] else None,
        link=row[5],
        tags=tuple(row[6].split(TAG_SEPARATOR)) if row[6] else (),
        cover_image=row[7],
        description=row[8],
    )


def _metas_from_json(text: str | None) -> list[ArticleMeta]:
    rows = json.loads(text) if text else []
    # The order the query asked for, whatever order the aggregate kept: newest first
    # (ISO dates sort as text), undated last, then by id. (Chunks follow the query's
    # order, which is total, so sorting within each is enough.)
    rows.sort(key=lambda r: r[0])
    rows.sort(key=lambda r: (r[4] is not None, r[4] or ""), reverse=True)
    return [_meta(r) for r in rows]


def _rows_from_json(text: str | None) -> list[list]:
    rows = json.loads(text) if text else []
    rows.sort(key=lambda r: r[0])  # in the query's order, as _metas_from_json
    rows.sort(key=lambda r: (r[4] is not None, r[4] or ""), reverse=True)
    for r in rows:
        r[9].sort()
    return rows


def _card(
    summary: str | None, quote: str | None, speaker: str | None, kind: str | None
) -> CardText | None:
    """The stored card of an article (None: none was stored)."""
    if summary is None:
        return None
    return CardText(summary, Quote(quote, speaker, kind or "quote") if quote is not None else None)


def _article(
    row: Sequence,
    sentences: list[Sentence],
    quotes: list[Quote],
    stems: str | None,
    card: CardText | None = None,
) -> Article:
    meta = _meta(row)
    return Article(
        slug=meta.slug,
        title=meta.title,
        path=row[9],
        author=meta.author,
        date=meta.date,
        link=meta.link,
        tags=meta.tags,
        cover_image=meta.cover_image,
        description=meta.description,
        text=row[10],
        sentences=tuple(sentences),
        quotes=tuple(quotes),
        word_count=row[11],
        reading_minutes=row[12],
        stems=stems,
        card=card,
    )


async def _connect(path: Path, *, readonly: bool) -> aiosqlite.Connection:
    if readonly and not path.exists():
        raise StoreError(f"no article cache at {path}: run `reload` first")
    try:
        if not readonly:
            path.parent.mkdir(parents=True, exist_ok=True)
        db = await connect(path)
    except (sqlite3.DatabaseError, OSError) as exc:
        raise _store_error("cannot open the article cache", path, exc) from None
    try:
        await db.execute("PRAGMA foreign_keys = ON")
        mode = await use_wal(db)
        if mode != "wal" and not readonly:
            raise StoreError(f"cannot use WAL mode on {path}")
        await db.execute("PRAGMA synchronous = NORMAL")
        hold(path)
        return db
    except BaseException as exc:
        # An open aiosqlite thread would keep the process alive after the error.
        await db.close()
        if isinstance(exc, sqlite3.DatabaseError | OSError):
            raise _store_error("cannot open the article cache", path, exc) from None
        raise


def move_aside(path: Path) -> Path:
    """Rename a damaged cache (and its WAL files) to `<name>.corrupt`, replacing an older
    one; the next open starts a fresh cache. Returns the new name."""
    aside = path.with_name(path.name + ".corrupt")
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.replace(f"{path}{suffix}", f"{aside}{suffix}")
    return aside


async def _disconnect(db: aiosqlite.Connection, path: Path) -> None:
    """Close a connection made by `_connect`."""
    await db.close()
    release(path)


async def _migrate(db: aiosqlite.Connection, path: Path) -> None:
    try:
        version = (await (await db.execute("PRAGMA user_version")).fetchone())[0]
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{path} was written by a newer ArticleBot (schema {version}); delete it to rebuild"
            )
        for number in range(version, len(MIGRATIONS)):
            # executescript commits on its own, so the transaction is part of the script.
            await db.executescript(
                f"BEGIN IMMEDIATE; {MIGRATIONS[number]}; PRAGMA user_version = {number + 1}; COMMIT;"
            )
    except sqlite3.DatabaseError as exc:
        raise _store_error("cannot read the article cache", path, exc) from None


class Readers:
    """Several connections to one cache file, each query on the least busy one.

    In WAL mode they read in parallel (sqlite releases the GIL while it works), so one
    slow full-text query no longer holds up every other command queued behind it.
    """

    def __init__(self, connections: list[aiosqlite.Connection]) -> None:
        self.connections = connections
        self._busy = [0] * len(connections)

    async def execute_fetchall(self, sql: str, params: Sequence = ()) -> Iterable[sqlite3.Row]:
        i = min(range(len(self.connections)), key=self._busy.__getitem__)
        self._busy[i] += 1
        try:
            return await self.connections[i].execute_fetchall(sql, params)
        finally:
            self._busy[i] -= 1


class ArticleStore:
    """Read access to the cache. Open with `await ArticleStore.open(path)`."""

    def __init__(
        self, db: aiosqlite.Connection, path: Path, readers: Readers | None = None
    ) -> None:
        self.db = db  # the first connection: migrations, and the writer's transaction
        self.path = path
        self.readers = readers or Readers([db])
        self._closed = False
        # Whole articles read lately, by id (see articles_by_id), and the content version
        # they were read at (forgotten when the search index, reading content_version to
        # know whether it is current, finds another).
        self._recent: OrderedDict[int, Article] = OrderedDict()
        self._recent_of: tuple[str, str] | None = None

    @classmethod
    async def open(cls, path: str | Path, *, create: bool = True, readers: int = 1) -> ArticleStore:
        """Open (and migrate) the cache; `readers` > 1 adds connections for parallel reads."""
        path = Path(path)
        db = await _connect(path, readonly=not create)
        connections = [db]
        try:
            await _migrate(db, path)
            for _ in range(readers - 1):
                connections.append(await _connect(path, readonly=True))
        except BaseException:
            for c in connections:
                await _disconnect(c, path)
            raise
        return cls(db, path, Readers(connections))

    async def prefetch(self) -> int:
        """Have the OS read the cache file into memory in the background (see
        bot.store.sqlite.prefetch); bytes asked for, 0 where it was skipped."""
        return await asyncio.to_thread(prefetch, self.path)

    async def close(self) -> None:
        """Close every connection (once: each one counts in the file's shared descriptor)."""
        if self._closed:
            return
        self._closed = True
        for connection in self.readers.connections:
            await _disconnect(connection, self.path)

    async def _all(self, sql: str, params: Iterable = ()) -> list[sqlite3.Row]:
        try:
            # One round trip to aiosqlite's thread: under load each trip waits for a turn
            # of a busy event loop, so execute + fetchall + close would triple the wait.
            return list(await self.readers.execute_fetchall(sql, tuple(params)))
        except sqlite3.DatabaseError as exc:
            raise _store_error("cannot read the article cache", self.path, exc) from None

    async def _one(self, sql: str, params: Iterable = ()):
        rows = await self._all(sql, params)
        return rows[0] if rows else None

    # -- meta --------------------------------------------------------------------------

    async def get_meta(self, key: str) -> str | None:
        row = await self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else None

    async def content_version(self) -> tuple[str, str]:
        """The cache's identity and content version (see CACHE_ID, CONTENT_VERSION), each
        given when the cache has none yet (one made before they were kept)."""
        found = await self._token(CACHE_ID), await self._token(CONTENT_VERSION)
        if found != self._recent_of:  # (a reload changed articles: forget those kept)
            self._recent.clear()
            self._recent_of = found
        return found

    async def _token(self, key: str) -> str:
        found = await self.get_meta(key)
        if found is not None:
            return found
        try:
            await self.db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (key, uuid.uuid4().hex)
            )
        except sqlite3.DatabaseError as exc:
            raise _store_error("cannot write the article cache", self.path, exc) from None
        return await self.get_meta(key) or ""

    # -- articles ----------------------------------------------------------------------

    async def count(self) -> int:
        return (await self._one("SELECT count(*) FROM articles"))[0]

    async def article(self, slug: str) -> Article | None:
        """The whole article with this slug, or None."""
        found = await self._load("= (SELECT id FROM articles WHERE slug = ?)", (slug,))
        return next(iter(found.values()), None)

    async def article_by_link(self, links: Sequence[str]) -> Article | None:
        """The newest whole article whose link is one of `links` (the ways one address
        may be written), or None."""
        if not links:
            return None
        rows = await self._all(
            f"SELECT id FROM articles WHERE link IN ({','.join('?' * len(links))})"
            " ORDER BY date DESC LIMIT 1",
            list(links),
        )
        return await self.article_by_id(rows[0][0]) if rows else None

    async def same_links(self, limit: int = 10) -> list[list[str]]:
        """The files of the articles sharing one link, a list per link (at most `limit`,
        paths sorted): most often one article copied in twice under two names, which
        every list and search then shows twice (journey27)."""
        rows = await self._all(
            "SELECT group_concat(path, char(10)) FROM articles WHERE link IS NOT NULL"
            " AND link != '' GROUP BY link HAVING count(*) > 1 ORDER BY min(path) LIMIT ?",
            [limit],
        )
        return [sorted(r[0].split("\n")) for r in rows]

    async def article_by_id(self, article_id: int) -> Article | None:
        return (await self.articles_by_id([article_id])).get(article_id)

    async def card_article(self, article_id: int) -> Article | None:
        """The article as its card, quote or summary reply shows it: its columns, text and
        stored card, without its sentences, quotes and stems (none of those replies reads
        them when the card is stored); the whole article when no card was stored, since
        its card is then made from the sentences (bot/search/cards.py). Decoding the
        sentences' JSON was most of a card's read: 0.21 against 0.09 ms at 100k
        (bench/README.md, "twenty-third pass")."""
        row = await self._one(
            f"SELECT {_FULL_COLUMNS}, c.summary, c.quote, c.quote_speaker, c.quote_kind"
            " FROM articles JOIN article_cards AS c ON c.article_id = articles.id"
            " WHERE articles.id = ?",
            (article_id,),
        )
        card = _card(*row[13:17]) if row is not None else None
        if card is None:  # no stored card (or no such article): the whole article
            return await self.article_by_id(article_id)
        return _article(row, [], [], None, card)

    async def articles_by_id(self, ids: Sequence[int]) -> dict[int, Article]:
        """Several whole articles in one query (one round trip), whatever their number.

        The last RECENT_ARTICLES read are kept by id and not read again: a question's
        candidates are decoded whole (65-300 sentences each, 13 % of a blog question's CPU)
        and the next question about the same post, or a follow-up, reads them again. An id
        always means the same article (ids are never given twice, LAST_ID), so a kept one
        is never out of date; one a reload removed is forgotten when the search index
        next reads the content version (content_version), as it does to replace itself."""
        if not ids:
            return {}
        recent = self._recent
        kept = {i: recent[i] for i in ids if i in recent}
        for i in kept:
            recent.move_to_end(i)
        missing = [i for i in ids if i not in kept] if kept else ids
        read = await self._load(f"IN ({','.join('?' * len(missing))})", missing) if missing else {}
        recent.update(read)
        while len(recent) > RECENT_ARTICLES:
            recent.popitem(last=False)
        if not kept:
            return read
        # (in the order the query gives, by id, as callers have always seen them)
        kept.update(read)
        return {i: kept[i] for i in sorted(kept)}

    async def _load(self, which: str, params: Sequence) -> dict[int, Article]:
        """Whole articles whose id matches `which` (an SQL condition on the id)."""
        # One row per article, its sentences and quotes as JSON: one round trip, and few
        # rows, since fetching each row costs aiosqlite's thread a wait for the GIL.
        rows = await self._all(
            f"SELECT {_FULL_COLUMNS},"
            " (SELECT json_group_array(json_array(position, text, paragraph, kind))"
            "  FROM sentences WHERE article_id = articles.id),"
            " (SELECT json_group_array(json_array(position, text, speaker))"
            "  FROM quotes WHERE article_id = articles.id),"
            " (SELECT stems FROM article_stems WHERE article_id = articles.id),"
            " c.summary, c.quote, c.quote_speaker, c.quote_kind"
            " FROM articles LEFT JOIN article_cards AS c ON c.article_id = articles.id"
            f" WHERE articles.id {which}",
            params,
        )
        out: dict[int, Article] = {}
        for r in rows:
            sentences = [Sentence(t, p, k or "text") for _, t, p, k in sorted(json.loads(r[13]))]
            quotes = [Quote(t, who) for _, t, who in sorted(json.loads(r[14]))]
            out[r[0]] = _article(r, sentences, quotes, r[15], _card(*r[16:20]))
        return out

    async def all_meta(self) -> list[ArticleMeta]:
        """Every article's light columns, newest first (for in-memory title indexes)."""
        # One row of JSON per chunk rather than a row per article: aiosqlite's thread
        # needs the GIL back for every row, which behind a busy event loop made 100k rows
        # take minutes. Chunks keep the JSON text small.
        out: list[ArticleMeta] = []
        while True:
            row = await self._one(
                f"SELECT json_group_array(json_array({_META_COLUMNS})) FROM"
                f" (SELECT {_META_COLUMNS} FROM articles ORDER BY date DESC NULLS LAST, id"
                " LIMIT ? OFFSET ?)",
                (META_CHUNK, len(out)),
            )
            chunk = await asyncio.to_thread(_metas_from_json, row[0] if row else None)
            out += chunk
            if len(chunk) < META_CHUNK:
                return out

    async def index_rows(self, after: int = 0) -> list[list]:
        """The light columns of the articles with an id above `after`, newest first, each
        with its tag rows (sorted) last: [id, slug, title, author, date, link, tags,
        cover_image, description, [tag, ...]]. For building the search index."""
        out: list[list] = []
        while True:
            row = await self._one(
                f"SELECT json_group_array(json_array({_META_COLUMNS}, json((SELECT"
                " json_group_array(tag) FROM article_tags WHERE article_id = a.id)))) FROM"
                f" (SELECT {_META_COLUMNS} FROM articles WHERE id > ?"
                " ORDER BY date DESC NULLS LAST, id LIMIT ? OFFSET ?) AS a",
                (after, META_CHUNK, len(out)),
            )
            chunk = await asyncio.to_thread(_rows_from_json, row[0] if row else None)
            out += chunk
            if len(chunk) < META_CHUNK:
                return out

    async def article_ids(self) -> list[int]:
        """The ids of every article, in no particular order."""
        # Read from an index (not the table, whose rows hold the text) in one string: 20 ms
        # at 100k articles where a row per id took ten times that.
        row = await self._one("SELECT group_concat(id) FROM articles")
        return json.loads(f"[{row[0]}]") if row and row[0] else []

    async def metas(self, ids: Sequence[int]) -> dict[int, ArticleMeta]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = await self._all(f"SELECT {_META_COLUMNS} FROM articles WHERE id IN ({marks})", ids)
        return {r[0]: _meta(r) for r in rows}

    async def latest(self, count: int, tag: str | None = None) -> list[ArticleMeta]:
        if tag:
            rows = await self._all(
                f"SELECT {_META_COLUMNS} FROM articles WHERE id IN"
                " (SELECT article_id FROM article_tags WHERE tag = ?)"
                " ORDER BY date DESC NULLS LAST, id LIMIT ?",
                (tag, count),
            )
        else:
            rows = await self._all(
                f"SELECT {_META_COLUMNS} FROM articles ORDER BY date DESC NULLS LAST, id LIMIT ?",
                (count,),
            )
        return [_meta(r) for r in rows]

    async def random(self, tag: str | None = None) -> ArticleMeta | None:
        """A random article (of a tag), without sorting or counting the whole table."""
        if tag:
            ids = [
                r[0]
                for r in await self._all(
                    "SELECT article_id FROM article_tags WHERE tag = ?", (tag,)
                )
            ]
            if not ids:
                return None
            pick = random.choice(ids)
            return (await self.metas([pick]))[pick]
        # A random point in the id range, then the next id: ids have gaps, so this is
        # only nearly uniform, which is fine for "show me something".
        top = (await self._one("SELECT max(id) FROM articles"))[0]
        if top is None:
            return None
        row = await self._one(
            f"SELECT {_META_COLUMNS} FROM articles WHERE id >= ? ORDER BY id LIMIT 1",
            (random.randint(1, top),),
        )
        return _meta(row) if row else None

    async def tag_counts(self) -> list[tuple[str, int]]:
        """Tags with how many articles carry them, most used first."""
        rows = await self._all(
            "SELECT tag, count(*) AS n FROM article_tags GROUP BY tag ORDER BY n DESC, tag"
        )
        return [(r[0], r[1]) for r in rows]

    async def sentences(self, article_id: int) -> list[Sentence]:
        rows = await self._all(
            "SELECT text, paragraph, kind FROM sentences WHERE article_id = ? ORDER BY position",
            (article_id,),
        )
        return [Sentence(r[0], r[1], r[2] or "text") for r in rows]

    async def quotes(self, article_id: int) -> list[Quote]:
        rows = await self._all(
            "SELECT text, speaker FROM quotes WHERE article_id = ? ORDER BY position",
            (article_id,),
        )
        return [Quote(r[0], r[1]) for r in rows]

    # -- files and stats ---------------------------------------------------------------

    async def file_index(self) -> FileIndex:
        return FileIndex(await self._all("SELECT path, size, mtime_ns, error FROM files"))

    async def file_rows(self, paths: Collection[str]) -> dict[str, FileRow]:
        """path → FileRow of those of `paths` the cache knows."""
        if not paths:
            return {}
        if len(paths) > FILE_ROWS_BY_PATH:
            # A full re-parse asks for every file: one pass beats 100k index lookups.
            wanted = paths if isinstance(paths, set | frozenset) else set(paths)
            rows = await self._all(_FILE_ROW)
            return {r[0]: FileRow._make(r[1:]) for r in rows if r[0] in wanted}
        found: dict[str, FileRow] = {}
        for chunk, marks in _in_chunks(list(paths)):
            for r in await self._all(f"{_FILE_ROW} WHERE path IN ({marks})", chunk):
                found[r[0]] = FileRow._make(r[1:])
        return found

    async def files_with_articles(self) -> int:
        """How many files have a cached article."""
        return (await self._one("SELECT count(*) FROM files WHERE article_id IS NOT NULL"))[0]

    async def failing(self) -> list[FileFailure]:
        """The files that failed when last read, each with whether its last good article
        is still served."""
        rows = await self._all(
            "SELECT path, error, article_id IS NOT NULL FROM files"
            " WHERE error IS NOT NULL ORDER BY path"
        )
        return [FileFailure(r[0], r[1], kept=bool(r[2])) for r in rows]

    async def warned(self) -> dict[str, str]:
        """path → warning of the files served with a frontmatter value dropped (a partial
        index holds only these: a no-change reload asks without reading every row)."""
        rows = await self._all("SELECT path, warning FROM files WHERE warning IS NOT NULL")
        return {r[0]: r[1] for r in rows}

    async def stats(self) -> LibraryStats:
        files = (await self._one("SELECT count(*) FROM files"))[0]
        stale = (
            await self._one(
                "SELECT count(*) FROM files WHERE error IS NOT NULL AND article_id IS NOT NULL"
            )
        )[0]
        last = await self.get_meta("last_reload")
        size = sum(
            p.stat().st_size
            for p in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm"))
            if p.exists()
        )
        return LibraryStats(
            articles=await self.count(),
            tags=await self.tag_counts(),
            files=files,
            failing=await self.failing(),
            stale=stale,
            last_reload=json.loads(last) if last else None,
            db_bytes=size,
            warned=[FileWarning(p, w) for p, w in sorted((await self.warned()).items())],
        )


class ArticleWriter(ArticleStore):
    """The reload's write side: its own connection, one transaction for the whole reload."""

    _next_id = 0
    _changed = False

    @property
    def changed(self) -> bool:
        """Whether this transaction inserted, deleted or moved an article."""
        return self._changed

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        """One write transaction: committed at the end, rolled back on any error. One that
        changed articles gets a new content version (see CONTENT_VERSION).

        SQLite errors become one-line StoreErrors (CacheCorrupt for a damaged file): a
        read-only file or a full disk is the user's to fix, not a bug.
        """
        try:
            await self.db.execute("BEGIN IMMEDIATE")
            row = await (
                await self.db.execute(
                    "SELECT max(coalesce((SELECT max(id) FROM articles), 0),"
                    " coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?), 0))",
                    (LAST_ID,),
                )
            ).fetchone()
            self._next_id = row[0] + 1
            self._changed = False
            yield
            if self._changed:
                await self.set_meta(CONTENT_VERSION, uuid.uuid4().hex)
                await self.set_meta(LAST_ID, str(self._next_id - 1))
                await self._tidy_fulltext()
            await self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    await self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):
                raise _store_error("cannot write the article cache", self.path, exc) from None
            raise

    async def _tidy_fulltext(self) -> None:
        """Optimize the full-text index once the articles deleted since it last was pass
        FTS_OPTIMIZE_SHARE of the library (see FTS_OPTIMIZED)."""
        held = await self.count()
        deleted = self._next_id - 1 - held
        since = deleted - int(await self.get_meta(FTS_OPTIMIZED) or 0)
        if since > FTS_OPTIMIZE_SHARE * held:
            await self.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
            await self.set_meta(FTS_OPTIMIZED, str(deleted))

    async def slug_owners(self) -> dict[str, str]:
        """slug → path of every cached article."""
        return {r[0]: r[1] for r in await self._all("SELECT slug, path FROM articles")}

    async def delete_articles(self, ids: Sequence[int]) -> None:
        """Remove articles (and their FTS rows, tags, sentences, quotes)."""
        self._changed = self._changed or bool(ids)
        for chunk, marks in _in_chunks(ids):
            # External-content FTS5 needs the old values to delete its index entries.
            await self.db.execute(
                "INSERT INTO articles_fts(articles_fts, rowid, title, tags, description, text)"
                f" SELECT 'delete', id, title, tags, coalesce(description, ''), text"
                f" FROM articles WHERE id IN ({marks})",
                chunk,
            )
            await self.db.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk)

    async def insert_articles(self, articles: Sequence[ArticleRow]) -> list[int]:
        """Insert a batch of articles; returns their new ids in order."""
        self._changed = self._changed or bool(articles)
        ids = list(range(self._next_id, self._next_id + len(articles)))
        self._next_id += len(articles)
        pairs = list(zip(ids, articles, strict=True))
        rows = [
            (i, a.slug, a.path, a.title, a.author, a.date, a.link, a.cover_image, a.description)
            + (TAG_SEPARATOR.join(a.tags), a.text, a.word_count, a.reading_minutes)
            for i, a in pairs
        ]
        await self.db.executemany(
            "INSERT INTO articles (id, slug, path, title, author, date, link, cover_image,"
            " description, tags, text, word_count, reading_minutes)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        await self.db.executemany(
            "INSERT INTO articles_fts (rowid, title, tags, description, text) VALUES (?,?,?,?,?)",
            [(r[0], r[3], r[9], r[8] or "", r[10]) for r in rows],
        )
        await self.db.executemany(
            "INSERT OR IGNORE INTO article_tags (tag, article_id) VALUES (?, ?)",
            [(t, i) for i, a in pairs for t in a.tags],
        )
        await self.db.executemany(
            "INSERT INTO sentences (article_id, position, paragraph, text, kind)"
            " VALUES (?,?,?,?,?)",
            [(i, n, p, t, k) for i, a in pairs for n, (t, p, k) in enumerate(a.sentences)],
        )
        await self.db.executemany(
            "INSERT INTO quotes (article_id, position, text, speaker) VALUES (?,?,?,?)",
            [(i, n, t, who) for i, a in pairs for n, (t, who) in enumerate(a.quotes)],
        )
        await self.db.executemany(
            "INSERT INTO article_stems (article_id, stems) VALUES (?,?)",
            [(i, a.stems) for i, a in pairs if a.stems is not None],
        )
        await self.db.executemany(
            "INSERT INTO article_cards (article_id, summary, quote, quote_speaker, quote_kind)"
            " VALUES (?,?,?,?,?)",
            [(i, *a.card) for i, a in pairs if a.card is not None],
        )
        return ids

    async def forget_cards(self) -> None:
        """Drop every stored card (bot.search.cards): made by other code, they would no
        longer be what a card shows. Articles read without one have it made when shown."""
        await self.db.execute("DELETE FROM article_cards")

    async def put_files(
        self, rows: Sequence[tuple[str, int, int, str, int | None, str | None, str | None]]
    ) -> None:
        """Upsert (path, size, mtime_ns, hash, article_id, error, warning) rows."""
        await self.db.executemany(
            "INSERT INTO files (path, size, mtime_ns, hash, article_id, error, warning)"
            " VALUES (?,?,?,?,?,?,?) ON CONFLICT(path) DO UPDATE SET size = excluded.size,"
            " mtime_ns = excluded.mtime_ns, hash = excluded.hash,"
            " article_id = excluded.article_id, error = excluded.error,"
            " warning = excluded.warning",
            rows,
        )

    async def names(self, ids: Sequence[int]) -> dict[int, tuple[str, str, str | None]]:
        """id -> (slug, title, link) of these articles."""
        out: dict[int, tuple[str, str, str | None]] = {}
        for chunk, marks in _in_chunks(ids):
            sql = f"SELECT id, slug, title, link FROM articles WHERE id IN ({marks})"
            out.update({r[0]: (r[1], r[2], r[3]) for r in await self._all(sql, chunk)})
        return out

    async def move_article(self, article_id: int, path: str) -> None:
        """Say an article is now served for the file at `path` (a file renamed, see
        bot/library/sync.Vanished): its slug's owner moves with it."""
        self._changed = True
        await self.db.execute("UPDATE articles SET path = ? WHERE id = ?", (path, article_id))

    async def delete_files(self, paths: Sequence[str]) -> None:
        await self.db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in paths])

    async def set_meta(self, key: str, value: str) -> None:
        await self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
