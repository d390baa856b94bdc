"""Command line: `python -m bot [--content DIR] [--db FILE] COMMAND`.

The names and JSON shapes here are a contract other tools rely on. Errors a user can
cause print one line and exit 2; anything else is a bug and gets a trace id.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TextIO

from bot import __version__
from bot.library.model import ReloadReport
from bot.library.sync import Library, LibraryError
from bot.picks.settings import PicksError
from bot.settings import Settings, SettingsError
from bot.store.articles import ArticleStore, StoreError
from bot.store.state import StateError

log = logging.getLogger("articlebot")


class UsageError(Exception):
    """Something the user asked for cannot be done; exit code 2."""


USER_ERRORS = (UsageError, LibraryError, StoreError, SettingsError, StateError, PicksError)
DISCORD_COMMANDS = {"run", "sync", "start"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="articlebot", description="ArticleBot: answers questions about a library of articles."
    )
    parser.add_argument("--content", metavar="DIR", help="content folder (CONTENT_DIR)")
    parser.add_argument("--db", metavar="FILE", help="article cache file (ARTICLES_DB)")
    parser.add_argument("--version", action="version", version=f"articlebot {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("reload", help="bring the cache in line with the content folder")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p = sub.add_parser("show", help="one article by slug")
    p.add_argument("slug")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("stats", help="counts, tags, the last reload, failing files")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("search", help="search the library ('-' reads queries from stdin)")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("ask", help="answer a question ('-' reads questions from stdin)")
    p.add_argument("question")
    p.add_argument("--json", action="store_true")
    sub.add_parser("chat", help="a console conversation over the library")
    sub.add_parser("start", help="Discord when DISCORD_TOKEN is set, else the console chat")
    sub.add_parser("run", help="connect to Discord")
    sub.add_parser("sync", help="sync slash commands with Discord")
    sub.add_parser("health", help="exit 0 when the cache opens and holds articles")
    picks = sub.add_parser("picks", help="daily picks").add_subparsers(
        dest="picks_command", required=True, metavar="PICKS_COMMAND"
    )
    p = picks.add_parser("preview", help="the next picks for a server, without posting")
    p.add_argument("--guild", type=int, required=True)
    p.add_argument("--days", type=int, default=7)
    p.add_argument("--json", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.load({"content_dir": args.content, "articles_db": args.db})
        if args.command not in DISCORD_COMMANDS:  # those set logging up the discord.py way
            logging.basicConfig(
                level=settings.log_level.upper(),
                format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                stream=sys.stderr,
            )
        handler = COMMANDS.get(args.command)
        assert handler is not None
        return asyncio.run(handler(settings, args)) or 0
    except USER_ERRORS as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception:
        trace = uuid.uuid4().hex[:8]
        log.exception("unexpected error (trace id %s)", trace)
        print(f"error: something went wrong (id {trace})", file=sys.stderr)
        return 1


# -- helpers ---------------------------------------------------------------------------


def _emit(data: Any, out: TextIO = sys.stdout) -> None:
    out.write(json.dumps(data, ensure_ascii=False) + "\n")
    out.flush()


def _progress_bar() -> tuple[Callable[[int, int], None] | None, Callable[[], None]]:
    """A rich progress bar on a terminal; nothing when piped."""
    if not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import Progress

    bar = Progress(transient=True, console=None)
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if total < 200:
            return
        if task is None:
            bar.start()
            task = bar.add_task("parsing", total=total)
        bar.update(task, completed=done)

    return update, bar.stop


def format_report(report: ReloadReport) -> str:
    lines = [
        f"reload: {report.added} added, {report.updated} updated, {report.removed} removed,"
        f" {report.unchanged} unchanged, {len(report.failed)} failed in {report.seconds:.2f}s"
    ]
    lines += [f"  failed  {f.path}: {f.error}" for f in report.failed]
    lines += [f"  renamed {r}" for r in report.renamed]
    return "\n".join(lines)


async def _open_library(settings: Settings, *, build: bool = True) -> Library:
    """Open the cache; build it first if it has never been loaded."""
    library = Library(
        settings.content_dir, settings.articles_db, max_bytes=settings.max_article_bytes
    )
    try:
        store = await library.open()
        if build and await store.get_meta("last_reload") is None:
            print(f"building the article cache from {settings.content_dir} …", file=sys.stderr)
            await library.reload()
    except BaseException:
        await library.close()
        raise
    return library


async def _with_engine(settings: Settings, work: Callable[[Any, Library], Awaitable[int]]) -> int:
    from bot.search.engine import SearchEngine

    library = await _open_library(settings)
    try:
        engine = SearchEngine(library, cache_size=settings.result_cache_size)
        return await work(engine, library)
    finally:
        await library.close()


def _lines(arg: str) -> list[str]:
    """A single query, or one per line of stdin when the argument is '-'."""
    if arg != "-":
        return [arg]
    return [line.rstrip("\r\n") for line in sys.stdin]


# -- commands --------------------------------------------------------------------------


async def cmd_reload(settings: Settings, args: argparse.Namespace) -> int:
    library = Library(
        settings.content_dir, settings.articles_db, max_bytes=settings.max_article_bytes
    )
    progress, done = _progress_bar()
    try:
        report = await library.reload(progress)
    finally:
        done()
        await library.close()
    if args.json:
        _emit({**report.as_json(), "renamed": report.renamed})
    else:
        print(format_report(report))
    return 0


async def cmd_show(settings: Settings, args: argparse.Namespace) -> int:
    async def work(engine: Any, library: Library) -> int:
        # Slugs are stored lower-cased; accept any case from the user.
        article = await library.store.article(args.slug.strip().lower())
        if article is None:
            raise UsageError(f"no article with slug {args.slug!r}")
        summary = engine.summary(article)
        data = {
            "slug": article.slug,
            "title": article.title,
            "author": article.author,
            "date": article.date.isoformat() if article.date else None,
            "link": article.link,
            "tags": list(article.tags),
            "description": article.description,
            "summary": summary,
            "quotes": [{"text": q.text, "speaker": q.speaker} for q in article.quotes],
            "reading_minutes": article.reading_minutes,
        }
        if args.json:
            _emit(data)
            return 0
        print(article.title)
        byline = " · ".join(
            x for x in (article.author, article.date and article.date.date().isoformat()) if x
        )
        if byline:
            print(byline)
        if article.link:
            print(article.link)
        if article.tags:
            print("tags: " + ", ".join(article.tags))
        print(f"{article.reading_minutes} min read\n")
        print(summary)
        for q in article.quotes[:3]:
            print(f"\n“{q.text}”" + (f" — {q.speaker}" if q.speaker else ""))
        return 0

    return await _with_engine(settings, work)


async def cmd_stats(settings: Settings, args: argparse.Namespace) -> int:
    library = await _open_library(settings, build=False)
    try:
        stats = await library.store.stats()
    finally:
        await library.close()
    data = {
        "articles": stats.articles,
        "files": stats.files,
        "tags": [{"tag": t, "count": n} for t, n in stats.tags],
        "last_reload": stats.last_reload,
        "failing": [{"path": f.path, "error": f.error} for f in stats.failing],
        "stale": stats.stale,
        "cache_bytes": stats.db_bytes,
    }
    if args.json:
        _emit(data)
        return 0
    print(f"{stats.articles} articles from {stats.files} files, {len(stats.tags)} tags")
    if stats.last_reload:
        lr = stats.last_reload
        print(
            f"last reload {lr.get('at')}: {lr.get('added')} added, {lr.get('updated')} updated,"
            f" {lr.get('removed')} removed, {len(lr.get('failed', []))} failed"
        )
    else:
        print("never reloaded: run `reload`")
    print(f"cache {stats.db_bytes / 1e6:.1f} MB")
    if stats.tags:
        print("tags: " + ", ".join(f"{t} ({n})" for t, n in stats.tags[:30]))
    for f in stats.failing:
        print(f"failing: {f.path}: {f.error}")
    return 0


async def cmd_search(settings: Settings, args: argparse.Namespace) -> int:
    limit = max(1, min(args.limit, 100))

    async def work(engine: Any, library: Library) -> int:
        for query in _lines(args.query):
            response = await engine.search(query, limit=limit)
            if args.json:
                _emit(response.as_json())
                continue
            data = response.as_json()
            if not data["results"]:
                hint = (
                    f" — did you mean: {', '.join(data['suggestions'])}?"
                    if data["suggestions"]
                    else ""
                )
                print(f"nothing found for {query!r}{hint}")
            for hit in data["results"]:
                date = (hit["date"] or "")[:10]
                print(f"{hit['score']:3d}  {hit['title']}  ({date})  {hit['link'] or hit['slug']}")
        return 0

    return await _with_engine(settings, work)


async def cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    async def work(engine: Any, library: Library) -> int:
        for question in _lines(args.question):
            answer = await engine.ask(question)
            data = answer.as_json()
            if args.json:
                _emit(data)
                continue
            if data["article"] is None:
                print(f"I found nothing in the library that answers {question!r}.")
                continue
            print(data["article"]["title"])
            if data["answer"]:
                print(f"\n> {data['answer']}\n")
            if data["summary"]:
                print(data["summary"])
            if data["quote"]:
                q = data["quote"]
                print(f"\n“{q['text']}”" + (f" — {q['speaker']}" if q["speaker"] else ""))
            if data["article"]["link"]:
                print(f"\n{data['article']['link']}")
            for alt in data["alternatives"]:
                print(f"  see also: {alt['title']}")
        return 0

    return await _with_engine(settings, work)


async def cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    from bot.console import run_chat

    async def work(engine: Any, library: Library) -> int:
        await library.reload()  # the console always serves the current content
        return await run_chat(engine, library)

    return await _with_engine(settings, work)


async def cmd_start(settings: Settings, args: argparse.Namespace) -> int:
    if settings.discord_token:
        return await cmd_run(settings, args)
    print(
        f"No DISCORD_TOKEN set: starting the console chat over {settings.content_dir}/"
        " (set DISCORD_TOKEN to connect to Discord).",
        file=sys.stderr,
    )
    return await cmd_chat(settings, args)


async def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    settings.require_discord()
    from bot.discord.app import run_bot

    return await run_bot(settings)


async def cmd_sync(settings: Settings, args: argparse.Namespace) -> int:
    settings.require_discord()
    from bot.discord.app import sync_commands

    return await sync_commands(settings)


async def cmd_health(settings: Settings, args: argparse.Namespace) -> int:
    store = await ArticleStore.open(settings.articles_db, create=False)
    try:
        count = await store.count()
    finally:
        await store.close()
    if count == 0:
        raise UsageError(f"the article cache {settings.articles_db} holds no articles")
    print(f"ok: {count} articles")
    return 0


async def cmd_picks(settings: Settings, args: argparse.Namespace) -> int:
    from bot.picks.cli import preview

    return await preview(settings, args)


COMMANDS: dict[str, Callable[[Settings, argparse.Namespace], Awaitable[int]]] = {
    "reload": cmd_reload,
    "show": cmd_show,
    "stats": cmd_stats,
    "search": cmd_search,
    "ask": cmd_ask,
    "chat": cmd_chat,
    "start": cmd_start,
    "run": cmd_run,
    "sync": cmd_sync,
    "health": cmd_health,
    "picks": cmd_picks,
}


if __name__ == "__main__":
    sys.exit(main())
