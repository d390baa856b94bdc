"""Command line: `python -m bot [--content DIR] [--db FILE] COMMAND`.

The names and JSON shapes here are a contract other tools rely on. Errors a user can
cause print one line and exit 2; anything else is a bug and gets a trace id.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable

from bot import __version__, cli_read
from bot.cli_output import UsageError, answer_text, emit, preview_json, preview_text
from bot.health import beat_problem
from bot.library.sync import RemovalRefused
from bot.search.results import TENTATIVE
from bot.service import USER_ERRORS as CORE_ERRORS
from bot.service import Refresh, cached_count, open_service, recover_cache
from bot.settings import Settings, SettingsError
from bot.store.articles import CacheCorrupt, StoreError
from bot.terminal import report_lines, stats_lines

log = logging.getLogger("articlebot")

USER_ERRORS = (UsageError, SettingsError, *CORE_ERRORS)
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
    p.add_argument(
        "--allow-removals",
        action="store_true",
        help="confirm a reload that removes all or many articles (see MAX_REMOVAL_SHARE)",
    )
    p = sub.add_parser("stats", help="counts, tags, the last reload, failing files")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("search", help="search the library ('-' reads queries from stdin)")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("ask", help="answer a question ('-' reads questions from stdin)")
    p.add_argument("question")
    p.add_argument("--json", action="store_true")
    cli_read.add_parsers(sub)
    sub.add_parser("chat", help="a console conversation over the library")
    sub.add_parser("start", help="Discord when DISCORD_TOKEN is set, else the console chat")
    sub.add_parser("run", help="connect to Discord")
    sub.add_parser("sync", help="sync slash commands with Discord")
    sub.add_parser(
        "health", help="exit 0 when the cache holds articles and the running bot is alive"
    )
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
        handler = COMMANDS.get(args.command) or cli_read.COMMANDS.get(args.command)
        assert handler is not None
        if args.command == "health":  # a probe: it never moves a cache aside
            return asyncio.run(handler(settings, args)) or 0
        try:
            return asyncio.run(handler(settings, args)) or 0
        except CacheCorrupt as exc:  # derived data: set it aside, and the command rebuilds it
            asyncio.run(recover_cache(settings, exc))
            return asyncio.run(handler(settings, args)) or 0
    except USER_ERRORS as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1 if args.command == "health" else 2  # Docker reserves 2 for itself
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


async def _lines(arg: str) -> AsyncIterator[str]:
    """A single query, or one per line of stdin, each as soon as it arrives, when the
    argument is '-': a program may send one line and wait for its answer. Lines are
    decoded one by one with replacement, so one bad byte costs one odd query, not all."""
    if arg != "-":
        yield arg
        return
    stdin = sys.stdin.buffer
    while True:
        sys.stdout.flush()  # the previous answer is out before waiting for the next line
        line = await asyncio.to_thread(stdin.readline)
        if not line:
            return
        yield line.decode("utf-8", "replace").rstrip("\r\n")


# -- commands --------------------------------------------------------------------------


async def cmd_reload(settings: Settings, args: argparse.Namespace) -> int:
    progress, done = _progress_bar()
    try:
        async with open_service(settings, refresh=Refresh.NEVER) as service:
            report = await service.reload(progress, allow_removals=args.allow_removals)
    except RemovalRefused as exc:
        raise UsageError(f"{exc}; run `reload --allow-removals` to confirm") from None
    finally:
        done()
    if args.json:
        emit({**report.as_json(), "renamed": report.renamed})
    else:
        print("\n".join(report_lines(report)))
    return 0


async def cmd_stats(settings: Settings, args: argparse.Namespace) -> int:
    async with open_service(settings, refresh=Refresh.NEVER) as service:
        stats = await service.stats()
    data = {
        "articles": stats.articles,
        "files": stats.files,
        "tags": [{"tag": t, "count": n} for t, n in stats.tags],
        "last_reload": stats.last_reload,
        "failing": [{"path": f.path, "error": f.error, "kept": f.kept} for f in stats.failing],
        "warnings": [{"path": w.path, "warning": w.warning} for w in stats.warned],
        "stale": stats.stale,
        "cache_bytes": stats.db_bytes,
    }
    if args.json:
        emit(data)
        return 0
    print("\n".join(stats_lines(stats)))
    return 0


async def cmd_search(settings: Settings, args: argparse.Namespace) -> int:
    limit = max(1, min(args.limit, 100))

    async with open_service(settings) as service:
        async for query in _lines(args.query):
            response = await service.search(query, limit=limit)
            if args.json:
                emit(response.as_json())
                continue
            data = response.as_json()
            if not data["results"]:
                hint = (
                    f" — did you mean: {', '.join(data['suggestions'])}?"
                    if data["suggestions"]
                    else ""
                )
                print(f"nothing found for {query!r}{hint}")
            elif data["corrected"]:
                print(f"showing results for {data['corrected']!r}")
            for hit in data["results"]:
                date = (hit["date"] or "")[:10]
                print(f"{hit['score']:3d}  {hit['title']}  ({date})  {hit['link'] or hit['slug']}")
    return 0


async def cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    async with open_service(settings) as service:
        async for question in _lines(args.question):
            answer = await service.ask(question)
            data = answer.as_json()
            if args.json:
                emit(data)
                continue
            if data["reply"] is not None:  # small talk
                print(data["reply"])
                continue
            if data["article"] is None:
                print(f"I found nothing in the library that answers {question!r}.")
                continue
            if "results" in data:  # "what's new?"
                for hit in data["results"]:
                    print(
                        f"{(hit['date'] or '')[:10]}  {hit['title']}  {hit['link'] or hit['slug']}"
                    )
                continue
            print(answer_text(data, TENTATIVE if answer.tentative else None))
    return 0


async def cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    from bot.console import run_chat

    # The console always serves the current content.
    async with open_service(settings, refresh=Refresh.WAIT) as service:
        return await run_chat(service)


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
    """Exit 0 when the cache holds articles and the running bot (if any) is alive; else 1
    with one line (Docker reserves exit code 2, so health never uses it)."""
    try:
        count = await cached_count(settings)
    except StoreError as exc:
        return _unhealthy(str(exc))
    if count == 0:
        return _unhealthy(f"the article cache {settings.articles_db} holds no articles")
    bot = ""
    if settings.heartbeat_seconds:
        problem = beat_problem(settings.heartbeat_file, settings.heartbeat_seconds)
        if problem is not None:
            return _unhealthy(problem)
        if settings.heartbeat_file.exists():
            bot = "; the running bot is alive"
    print(f"ok: {count} articles{bot}")
    return 0


def _unhealthy(reason: str) -> int:
    print(f"unhealthy: {reason}", file=sys.stderr)
    return 1


async def cmd_picks(settings: Settings, args: argparse.Namespace) -> int:
    """`picks preview`: the next picks of a server, without posting or writing anything."""
    async with open_service(settings, state=True) as service:
        assert service.picks is not None
        picks = await service.picks.preview(args.guild, args.days)
        guild = await service.picks.settings(args.guild)
    if args.json:
        emit(preview_json(args.guild, guild, picks))
    else:
        print(preview_text(args.guild, guild, picks))
    return 0


COMMANDS: dict[str, Callable[[Settings, argparse.Namespace], Awaitable[int]]] = {
    "reload": cmd_reload,
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
