"""The command line's reading commands: one article, its quote, summary and related
articles, a random one, the tags and the newest articles.

Each is one library-service call, the same one the Discord cogs and the console make;
`--json` prints the shapes in `cli_output` (documented in the README).
"""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from typing import Any

from bot.cli_output import (
    UsageError,
    article_json,
    article_text,
    emit,
    listed_json,
    not_found,
    quote_json,
    ref_json,
)
from bot.library.model import Article
from bot.service import LibraryService, open_service
from bot.settings import Settings
from bot.terminal import list_lines, quote_text, title_and_date

MAX_LIST = 100


def add_parsers(sub: Any) -> None:
    """The reading commands' arguments, each with --json."""
    commands = [
        sub.add_parser("show", help="one article by slug"),
        sub.add_parser("quote", help="a notable quote (of a random article without TITLE)"),
        sub.add_parser("summary", help="an article's summary"),
        sub.add_parser("related", help="the articles most like one"),
        sub.add_parser("random", help="a random article, optionally of one tag"),
        sub.add_parser("tags", help="every tag with its article count, most used first"),
        sub.add_parser("tag", help="the articles of one tag, newest first"),
        sub.add_parser("latest", help="the newest articles"),
    ]
    show, quote, summary, related, random, _, tag, latest = commands
    show.add_argument("slug")
    # A title may be typed unquoted: its words are joined again.
    title = {"metavar": "TITLE", "help": "a title or slug (typos are forgiven)"}
    quote.add_argument("title", nargs="*", **title)
    summary.add_argument("title", nargs="+", **title)
    related.add_argument("title", nargs="+", **title)
    related.add_argument("--limit", type=int, default=4)
    random.add_argument("tag", nargs="?")
    tag.add_argument("name")
    latest.add_argument("count", nargs="?", type=int, default=5)
    for p in commands:
        p.add_argument("--json", action="store_true", help="print one JSON object")


def _out(args: argparse.Namespace, data: Any, text: str) -> int:
    if args.json:
        emit(data)
    else:
        print(text)
    return 0


async def _find(service: LibraryService, words: list[str]) -> Article:
    title = " ".join(words)
    lookup = await service.lookup(title)
    if lookup.article is None:
        raise not_found(title, lookup)
    return lookup.article


async def cmd_show(settings: Settings, args: argparse.Namespace) -> int:
    async with open_service(settings) as service:
        article = await service.article(args.slug)
        if article is None:
            raise UsageError(f"no article with slug {args.slug!r}")
        card = service.card(article)
    return _out(args, article_json(card), article_text(card))


async def cmd_quote(settings: Settings, args: argparse.Namespace) -> int:
    async with open_service(settings) as service:
        if " ".join(args.title).strip():
            card = service.card(await _find(service, args.title))
        elif (card := await service.random_quote()) is None:
            raise UsageError("the library is empty")
    title = card.article.title
    text = f"{quote_text(card.quote)}\n  from {title}" if card.quote else f"no quote in {title!r}"
    return _out(args, {"article": ref_json(card.article), "quote": quote_json(card.quote)}, text)


async def cmd_summary(settings: Settings, args: argparse.Namespace) -> int:
    async with open_service(settings) as service:
        article = await _find(service, args.title)
        summary = service.summary(article)
    data = {"article": ref_json(article), "summary": summary}
    return _out(args, data, f"{article.title}\n\n{summary}")


async def cmd_related(settings: Settings, args: argparse.Namespace) -> int:
    async with open_service(settings) as service:
        article = await _find(service, args.title)
        hits = await service.related(article, limit=max(1, min(args.limit, MAX_LIST)))
    lines = [f"related to {article.title}:"]
    for h in hits:
        name, date = title_and_date(h)
        lines.append(
            f"{h.score:3d}  {name}  " + (f"({date})  " if date else "") + (h.link or h.slug)
        )
    if not hits:
        lines.append("  (nothing like it)")
    data = {"article": ref_json(article), "related": [h.as_json() for h in hits]}
    return _out(args, data, "\n".join(lines))


async def cmd_random(settings: Settings, args: argparse.Namespace) -> int:
    async with open_service(settings) as service:
        card = await service.random_card(args.tag or None)
    if card is None:
        raise UsageError(
            f"no tag like {args.tag!r}: `tags` lists them" if args.tag else "the library is empty"
        )
    return _out(args, article_json(card), article_text(card))


async def cmd_tags(settings: Settings, args: argparse.Namespace) -> int:
    async with open_service(settings) as service:
        tags = await service.tags()
    text = "\n".join(f"{n:5d}  {t}" for t, n in tags) or "no tags yet"
    return _out(args, {"tags": [{"tag": t, "count": n} for t, n in tags]}, text)


async def cmd_tag(settings: Settings, args: argparse.Namespace) -> int:
    async with open_service(settings) as service:
        found = await service.tag(args.name)
    if found.tag is None:
        raise UsageError(f"no tag like {args.name!r}: `tags` lists them")
    n = len(found.articles)
    text = "\n".join(
        [f"tag {found.tag}: {n} article{'s' * (n != 1)}", *list_lines(found.articles, n)]
    )
    data = {"tag": found.tag, "articles": [listed_json(m) for m in found.articles]}
    return _out(args, data, text)


async def cmd_latest(settings: Settings, args: argparse.Namespace) -> int:
    async with open_service(settings) as service:
        metas = await service.latest(max(1, min(args.count, MAX_LIST)))
    text = "\n".join(list_lines(metas, len(metas))) or "the library is empty"
    return _out(args, {"articles": [listed_json(m) for m in metas]}, text)


COMMANDS: dict[str, Callable[[Settings, argparse.Namespace], Awaitable[int]]] = {
    "show": cmd_show,
    "quote": cmd_quote,
    "summary": cmd_summary,
    "related": cmd_related,
    "random": cmd_random,
    "tags": cmd_tags,
    "tag": cmd_tag,
    "latest": cmd_latest,
}
