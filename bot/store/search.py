"""The SQL the search core needs: FTS5 queries over the article cache, and tag rows.

Every MATCH expression passed here is built from quoted terms (see bot.search.query), so
user input never reaches FTS5 as syntax; errors still become empty results, not crashes.
"""

from __future__ import annotations

import asyncio
import json
import math
import sqlite3
from collections.abc import Sequence

from bot.store.articles import Readers

# bm25 column weights, in schema order: title, tags, description, text.
WEIGHTS = (10.0, 5.0, 3.0, 1.0)
# Questions are answered by the body: the title is scored on its own (fuzzy), so here it
# only leans a little, and a short description cannot outweigh the text.
QUESTION_WEIGHTS = (2.0, 1.5, 1.5, 1.0)


def _bm25(weights: Sequence[float]) -> str:
    return "bm25(articles_fts, {})".format(", ".join(str(float(w)) for w in weights))


_BM25 = _bm25(WEIGHTS)
# FTS5's own k1: a term's bm25 part tends to idf * (k1 + 1) as its frequency grows.
K1 = 1.2


def _pairs_from_json(text: str | None) -> list[tuple[int, str]]:
    return sorted((a, t) for a, t in json.loads(text)) if text else []


def fts5_idf(n_docs: int, df: int) -> float:
    """The idf FTS5's bm25 uses, so a single-term score can be turned back into a frequency."""
    idf = math.log((n_docs - df + 0.5) / (df + 0.5))
    return idf if idf > 1e-6 else 1e-6


class SearchStore:
    """FTS5 reads for the search engine, on the ArticleStore's reader connections."""

    def __init__(self, db: Readers) -> None:
        self.db = db

    async def _rows(self, sql: str, params: Sequence = ()) -> list[sqlite3.Row]:
        try:
            # One round trip to aiosqlite's thread (execute + fetch + close would be three):
            # under load each trip waits for a turn of a busy event loop.
            return list(await self.db.execute_fetchall(sql, tuple(params)))
        except sqlite3.OperationalError:
            # A MATCH that FTS5 still refuses (should not happen with quoted terms): no hits.
            return []

    async def doc_freq(self, term: str) -> int:
        """How many articles contain a term (or phrase); FTS5 stems it as it indexed."""
        return (await self.doc_freqs([term]))[0]

    async def doc_freqs(self, terms: Sequence[str]) -> list[int]:
        """doc_freq of several terms in one query (one round trip), in order."""
        if not terms:
            return []
        count = "(SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?)"
        rows = await self._rows("SELECT " + ", ".join([count] * len(terms)), terms)
        if rows:
            return [int(n) for n in rows[0]]
        if len(terms) == 1:
            return [0]
        # One refused term would zero them all: count each on its own instead.
        return [(await self.doc_freqs([t]))[0] for t in terms]

    async def ranked(
        self,
        match: str,
        limit: int,
        ids: Sequence[int] | None = None,
        weights: Sequence[float] = WEIGHTS,
    ) -> list[tuple[int, float]]:
        """(article id, -bm25) best first for a MATCH expression, optionally within ids."""
        bm25 = _BM25 if tuple(weights) == WEIGHTS else _bm25(weights)
        if ids is not None:
            if not ids:
                return []
            marks = ",".join("?" * len(ids))
            return [
                (r[0], -r[1])
                for r in await self._rows(
                    f"SELECT rowid, {bm25} FROM articles_fts WHERE articles_fts MATCH ?"
                    f" AND rowid IN ({marks}) ORDER BY 2 LIMIT ?",
                    (match, *ids, limit),
                )
            ]
        return [
            (r[0], -r[1])
            for r in await self._rows(
                f"SELECT rowid, {bm25} FROM articles_fts WHERE articles_fts MATCH ?"
                " ORDER BY 2 LIMIT ?",
                (match, limit),
            )
        ]

    async def matching(self, match: str, ids: Sequence[int]) -> set[int]:
        """Which of ids match a MATCH expression (e.g. an exact phrase)."""
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        rows = await self._rows(
            f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN ({marks})",
            (match, *ids),
        )
        return {r[0] for r in rows}

    async def all_matching(self, match: str, limit: int = 5000) -> list[int]:
        """Ids of articles matching a MATCH expression, up to limit."""
        rows = await self._rows(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?", (match, limit)
        )
        return [r[0] for r in rows]

    async def article_tags(self) -> list[tuple[int, str]]:
        """(article id, tag) for every tag row, by article then tag; tags may contain spaces."""
        # One row of JSON, not one per tag row: see ArticleStore.all_meta.
        rows = await self._rows(
            "SELECT json_group_array(json_array(article_id, tag))"
            " FROM (SELECT article_id, tag FROM article_tags ORDER BY article_id, tag)"
        )
        return await asyncio.to_thread(_pairs_from_json, rows[0][0] if rows else None)

    async def first_sentences(self, ids: Sequence[int]) -> dict[int, str]:
        """The first sentence of each article, for summaries of lists."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = await self._rows(
            f"SELECT article_id, text FROM sentences WHERE position = 0 AND article_id IN ({marks})",
            ids,
        )
        return {r[0]: r[1] for r in rows}
