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
)
from bot.service import open_service
from bot.settings import Settings

MAX_LIST = 100


def add_parsers(sub: Any) -> None:
    """The reading commands' arguments, each with --json."""
    commands = [
        sub.add_parser("show", help="one article by slug"),
    ]
    (show,) = commands
    show.add_argument("slug")
    for p in commands:
        p.add_argument("--json", action="store_true", help="print one JSON object")


def _out(args: argparse.Namespace, data: Any, text: str) -> int:
    if args.json:
        emit(data)
    else:
        print(text)
    return 0


async def cmd_show(settings: Settings, args: argparse.Namespace) -> int:
    async with open_service(settings) as service:
        article = await service.article(args.slug)
        if article is None:
            raise UsageError(f"no article with slug {args.slug!r}")
        card = service.card(article)
    return _out(args, article_json(card), article_text(card))


COMMANDS: dict[str, Callable[[Settings, argparse.Namespace], Awaitable[int]]] = {
    "show": cmd_show,
}
