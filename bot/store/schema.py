"""Numbered forward migrations of the article cache (data/articles.db).

The cache is derived from the content folder: when a migration cannot be applied the
cache can simply be deleted and rebuilt, but migrations keep upgrades cheap.
"""

from __future__ import annotations

# Each entry is applied once, in order; user_version records how many have run.
MIGRATIONS: list[str] = [
    # 1: articles, their tags, sentences and quotes, the files they came from, and FTS5.
    """
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE articles (
        id              INTEGER PRIMARY KEY,
        slug            TEXT NOT NULL UNIQUE,
        path            TEXT NOT NULL UNIQUE,
        title           TEXT NOT NULL,
        author          TEXT,
        date            TEXT,            -- ISO 8601, UTC, sortable
        link            TEXT,
        cover_image     TEXT,
        description     TEXT,
        tags            TEXT NOT NULL,   -- copy for FTS5 (see migration 2)
        text            TEXT NOT NULL,
        word_count      INTEGER NOT NULL,
        reading_minutes INTEGER NOT NULL
    );
    CREATE INDEX articles_date ON articles(date DESC);
    CREATE TABLE article_tags (
        tag        TEXT NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (tag, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_tags_article ON article_tags(article_id);
    CREATE TABLE sentences (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        paragraph  INTEGER NOT NULL,
        text       TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE quotes (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        text       TEXT NOT NULL,
        speaker    TEXT,
        PRIMARY KEY (article_id, position)
    ) WITHOUT ROWID;
    -- One row per content file seen, good or broken. `error` is set while the file
    -- cannot be used; `article_id` then still points at the last good version if any.
    CREATE TABLE files (
        path       TEXT PRIMARY KEY,
        size       INTEGER NOT NULL,
        mtime_ns   INTEGER NOT NULL,
        hash       TEXT NOT NULL,
        article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        error      TEXT
    );
    -- External-content FTS5: the text is stored once, in `articles`.
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, tags, description, text,
        content='articles', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    );
    """,
    # 2: tags were joined with spaces, which split multi-word tags ("compiler team") when
    # read back. Newline-separated tokenizes the same, so the FTS index stays valid.
    """
    UPDATE articles SET tags = coalesce(
        (SELECT group_concat(tag, char(10)) FROM article_tags WHERE article_id = articles.id), ''
    );
    """,
    # 3: deleting an article sets files.article_id to NULL (ON DELETE SET NULL): without an
    # index every delete scanned the whole files table, so updating every file was quadratic.
    """
    CREATE INDEX files_article ON files(article_id);
    """,
    # 4: the full text's vocabulary (FTS5's own terms, as its porter tokenizer stems them,
    # with how many articles hold each): question words are corrected against every word
    # of the library, not only its titles. A view of the FTS index: it stores nothing.
    """
    CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, 'row');
    """,
    # 5: each article's sentence stems, computed once by the reload rather than for every
    # question (one encoded string per article, see bot/search/sentence_stems.py). A cache
    # migrated here has none until its next reload parses every file again: the meta key
    # of the stems' version is missing.
    """
    CREATE TABLE article_stems (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        stems      TEXT NOT NULL
    );
    """,
    # 6: each article card's summary and quote (bot/search/cards.py), made once by the
    # reload rather than for every card shown. `quote` is NULL for an article with nothing
    # to quote. A cache migrated here has none until its next reload parses every file
    # again (the cards' version is part of the parser version the cache records).
    """
    CREATE TABLE article_cards (
        article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        summary       TEXT NOT NULL,
        quote         TEXT,
        quote_speaker TEXT,
        quote_kind    TEXT
    );
    """,
    # 7: articles by their link, for a member who pastes one ("do we have this?"): without
    # it, finding one link reads every row (0.25 s at 100k articles).
    """
    CREATE INDEX articles_link ON articles(link);
    """,
    # 8: the kind of block each sentence came from (bot.library.model.Sentence.kind), so
    # that a heading is read as the label of the sentences under it and never shown as an
    # answer on its own. NULL for body text, the most sentences by far (no bytes stored).
    # A cache migrated here reads every sentence as body text until its next reload parses
    # every file again (the parser version it records changed with the parser).
    """
    ALTER TABLE sentences ADD COLUMN kind TEXT;
    """,
    # 9: what a file served with a frontmatter value dropped was warned of (a date not
    # understood, tags that are not a list: bot.library.report.FileWarning), kept with the
    # file, so that every reload and /status say it while the file holds it, not only the
    # reload that read it. NULL for a file served whole (nearly every one) and for a file
    # that fails. The partial index finds the few warned files without reading every row
    # (a no-change reload of 100k files asks for them). A cache migrated here knows no
    # warning until each file is next read.
    """
    ALTER TABLE files ADD COLUMN warning TEXT;
    CREATE INDEX files_warned ON files(path) WHERE warning IS NOT NULL;
    """,
    # 10: the slugs an article had before a reload gave it another (a file renamed without
    # a frontmatter `slug:` takes its new name's): old slug -> the slug it is now, so a
    # button, `/article <old slug>`, a conversation or a picks history naming the old one
    # still finds the article (hard27). Kept flat (a chain of renames points at the last
    # slug); an old slug an article takes again is dropped.
    """
    CREATE TABLE slug_aliases (
        old TEXT PRIMARY KEY,
        new TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX slug_aliases_new ON slug_aliases(new);
    """,
    # 11: how many articles hold each of a site's sentences (bot/store/stock_keys.py): an
    # answer never quotes or summarises a line its site repeats in many posts, and asks
    # the cache only which keys are common (an index on the count), never reads other
    # articles. Counted by the reload for each article it stores or deletes; a cache
    # migrated here is counted from its stored sentences in the same transaction
    # (_migrate: no re-parse; ~1.6M sentences at 100k articles).
    """
    CREATE TABLE stock_counts (
        key INTEGER PRIMARY KEY,
        n   INTEGER NOT NULL
    );
    CREATE INDEX stock_counts_n ON stock_counts(n);
    """,
]
# The migration that adds stock_counts: a cache migrated to it is counted from its stored
# sentences (bot/store/articles.py _migrate).
STOCK_COUNTS = 11
