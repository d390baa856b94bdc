"""The SQL the search core needs: FTS5 queries over the article cache, and tag rows.

Every MATCH expression passed here is built from quoted terms (see bot.search.words), so
user input never reaches FTS5 as syntax; errors still become empty results, not crashes.
The store ranks by nothing of its own: bm25 column weights and limits are passed in.
"""

from __future__ import annotations

import asyncio
import functools
import json
import sqlite3
from collections.abc import Sequence

from bot.store.articles import Readers


@functools.lru_cache(maxsize=16)
def _bm25(weights: tuple[float, ...]) -> str:
    """FTS5's bm25() with column weights in schema order: title, tags, description, text."""
    return "bm25(articles_fts, {})".format(", ".join(str(float(w)) for w in weights))


def _guarded_counts(
    terms: Sequence[str], guarded: Sequence[tuple[int, str]]
) -> tuple[str, list[str]]:
    """SQL and parameters for SearchStore.doc_freqs with guarded terms: the terms are
    counted once, in a common table the guards read (SQLite 3.40's plan runs it once, as
    a co-routine; a guard repeating its count would double the dearest part), and a CASE
    counts a guarded term only when its guard's count is above 0 (SQLite evaluates a
    CASE's branches only as reached)."""
    n = len(terms)

    def count(k: int) -> str:  # numbered parameters: the guarded terms' come after
        return f"(SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?{k})"

    counted = ", ".join(f"{count(k + 1)} AS c{k}" for k in range(n))
    guards = ", ".join(
        f"CASE WHEN c{k} > 0 THEN {count(n + j + 1)} ELSE 0 END" for j, (k, _) in enumerate(guarded)
    )
    sql = f"WITH counted AS (SELECT {counted}) SELECT *, {guards} FROM counted"
    return sql, [*terms, *(t for _, t in guarded)]


def _pairs_from_json(text: str | None) -> list[tuple[int, str]]:
    return sorted((a, t) for a, t in json.loads(text)) if text else []


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

    async def stock_keys(self, least: int) -> frozenset[int]:
        """The keys (bot/store/stock_keys.py) held by `least` or more articles of one site:
        the library's stock lines, read once per search index through the count's index
        (a few hundred rows on a 1k library)."""
        # One row of text, not a row per key: 41k rows at 100k articles took 0.3-0.5 s.
        rows = await self._rows(
            "SELECT group_concat(key, ' ') FROM stock_counts WHERE n >= ?", [least]
        )
        text = rows[0][0] if rows else None
        return frozenset(map(int, text.split())) if text else frozenset()

    async def doc_freq(self, term: str) -> int:
        """How many articles contain a term (or phrase); FTS5 stems it as it indexed."""
        return (await self.doc_freqs([term]))[0]

    async def doc_freqs(
        self, terms: Sequence[str], guarded: Sequence[tuple[int, str]] = ()
    ) -> list[int]:
        """doc_freq of several terms in one query (one round trip), in order; then, for
        each (k, term) of `guarded`, the term's doc_freq where some article holds
        terms[k], else 0 without counting it (a phrase's count reads the position lists
        of its words: dear at 100k articles, and useless where a word it needs is held by
        none). Both in the same query: a second round trip for the guarded terms would
        wait its turn of a busy event loop again."""
        if not terms:
            return []
        if guarded:
            rows = await self._rows(*_guarded_counts(terms, guarded))
        else:
            count = "(SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?)"
            rows = await self._rows("SELECT " + ", ".join([count] * len(terms)), terms)
        if rows:
            return [int(n) for n in rows[0]]
        if len(terms) == 1 and not guarded:
            return [0]
        # One refused term would zero them all: count each on its own instead.
        dfs = [(await self.doc_freqs([t]))[0] for t in terms]
        return dfs + [dfs[k] and (await self.doc_freqs([t]))[0] for k, t in guarded]

    async def ranked(
        self,
        match: str,
        limit: int,
        weights: Sequence[float],
        ids: Sequence[int] | None = None,
    ) -> list[tuple[int, float]]:
        """(article id, -bm25) best first for a MATCH expression, optionally within ids;
        `weights` are bm25's column weights (title, tags, description, text)."""
        bm25 = _bm25(tuple(weights))
        within = ""
        if ids is not None:
            if not ids:
                return []
            within = f" AND rowid IN ({','.join('?' * len(ids))})"
        rows = await self._rows(
            f"SELECT rowid, {bm25} FROM articles_fts WHERE articles_fts MATCH ?{within}"
            " ORDER BY 2 LIMIT ?",
            (match, *(ids or ()), limit),
        )
        return [(r[0], -r[1]) for r in rows]

    async def vocabulary(self) -> list[tuple[str, int]]:
        """(term, how many articles hold it) for every alphabetic term of the full text, as
        FTS5's porter tokenizer stemmed it (see the articles_vocab table)."""
        # GLOB in SQL: the rows with digits ("10001", "07m") are most of a large library's
        # terms, and never typo targets.
        rows = await self._rows(
            "SELECT term, doc FROM articles_vocab WHERE term NOT GLOB '*[0-9]*'"
        )
        return [(r[0], r[1]) for r in rows]

    async def held_words(self, match: str, limit: int) -> list[str]:
        """The words, as written, by which up to `limit` articles match a one-word MATCH
        expression (FTS5's one-token snippets: "Tennessee" for "tennessee")."""
        rows = await self._rows(
            "SELECT snippet(articles_fts, -1, '', '', '', 1) FROM articles_fts"
            " WHERE articles_fts MATCH ? LIMIT ?",
            (match, limit),
        )
        return [r[0] for r in rows if r[0]]

    async def writes(
        self, match: str, word: str, limit: int, ranked: bool = False, anywhere: bool = False
    ) -> bool:
        """Whether one of `limit` articles matching a one-word MATCH expression writes
        `word` (alphabetic) where it first writes a word starting so, case aside (with
        `anywhere`, as a whole word wherever it is: "fluoridate" after "fluoridated"): FTS5 knows
        only the stem it indexed, so "addressing" and "address" are one term to it, and
        "sincer" (a stem) is no word though "sincere" starts with it. `ranked`: read the
        articles using the stem most (bm25) rather than the first ones, which is dearer.
        (instr, not a GLOB for whole words: a GLOB opening with "*" took 5-8 ms over 20
        blog posts, instr 0.4-2.4 ms.)"""
        order = " ORDER BY rank" if ranked else ""
        start = " " + word.lower()
        # `anywhere`: where the first word starting so is a longer one ("fluoridated"
        # before the "fluoridate" asked about), the rest of the text is read for the word
        # itself: a GLOB, only for those few articles (it is the dearer read).
        later = "t GLOB ?5 OR t GLOB ?6" if anywhere else "0"
        rows = await self._rows(
            "SELECT substr(t, instr(t, ?1) + ?2, 1),"
            " CASE WHEN substr(t, instr(t, ?1) + ?2, 1) GLOB '[a-z]'"
            f" THEN {later} END"
            " FROM (SELECT lower(text) AS t FROM articles"
            " WHERE id IN (SELECT rowid FROM articles_fts"
            f" WHERE articles_fts MATCH ?3{order} LIMIT ?4)) WHERE instr(t, ?1) > 0",
            (
                start,
                len(start),
                match,
                limit,
                *((f"*{start}[^a-z]*", f"*{start}") if anywhere else ()),
            ),
        )
        return any(not r[0].isalpha() or r[1] for r in rows)

    async def texts_writing(self, asked: Sequence[tuple[str, str]], limit: int) -> list[list[str]]:
        """For each (MATCH expression, text) pair, the title, description and text (one
        string, a line apart) of those of the first `limit` articles matching the
        expression that write the text as given (case and all: "HR"); all in one round
        trip, most of them empty."""
        if not asked:
            return []
        whole = "title || char(10) || coalesce(description, '') || char(10) || text"
        one = (
            f"SELECT {{k}}, {whole} FROM articles WHERE id IN"
            " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)"
            f" AND instr({whole}, ?) > 0"
        )
        sql = " UNION ALL ".join(one.format(k=k) for k in range(len(asked)))
        rows = await self._rows(sql, [p for m, t in asked for p in (m, limit, t)])
        out: list[list[str]] = [[] for _ in asked]
        for k, text in rows:
            out[k].append(text)
        return out

    async def all_matching(self, match: str, limit: int) -> list[int]:
        """Ids of articles matching a MATCH expression (ascending), up to limit."""
        # One row of JSON, not a row per id: the thousands of one-id row tuples were the
        # commonest object the bot's young collections found under load (bench/README.md,
        # load test, "Nineteenth pass").
        rows = await self._rows(
            "SELECT json_group_array(rowid) FROM"
            " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)",
            (match, limit),
        )
        found: list[int] = json.loads(rows[0][0]) if rows and rows[0][0] else []
        return found

    async def article_tags(self) -> list[tuple[int, str]]:
        """(article id, tag) for every tag row, by article then tag; tags may contain spaces."""
        # One row of JSON, not one per tag row: see ArticleStore.all_meta.
        rows = await self._rows(
            "SELECT json_group_array(json_array(article_id, tag))"
            " FROM (SELECT article_id, tag FROM article_tags ORDER BY article_id, tag)"
        )
        return await asyncio.to_thread(_pairs_from_json, rows[0][0] if rows else None)
