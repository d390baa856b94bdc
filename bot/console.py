"""The console chat: a conversation over the search engine, rich on a terminal, plain piped."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from bot.library.model import Article, ArticleMeta, Quote
from bot.search.engine import SearchEngine
from bot.search.results import Answer, SearchHit

if TYPE_CHECKING:
    from bot.library.sync import Library

log = logging.getLogger(__name__)

HELP = """Type a question, or a command:
  /search QUERY     articles matching QUERY (tag:NAME, author:NAME, "exact phrase" work too)
  /article TITLE    one article: title, author, date, summary, tags, link
  /quote [TITLE]    a notable quote (from a random article without TITLE)
  /summary TITLE    the summary of an article
  /tags             every tag with its article count
  /tag NAME         the articles of a tag, newest first
  /random [TAG]     a random article
  /latest [N]       the N newest articles (default 5)
  /help             this help
  /quit             leave (Ctrl-D works too)"""

MAX_LIST = 25


class _Out:
    """Writes plain text, or rich markup when the stream is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.console = None
        if getattr(stream, "isatty", lambda: False)():
            from rich.console import Console

            self.console = Console(file=stream, highlight=False, soft_wrap=False)

    def line(self, text: str = "", style: str | None = None) -> None:
        if self.console is not None:
            from rich.text import Text

            self.console.print(Text(text, style=style or ""))
        else:
            self.stream.write(text + "\n")

    def rule(self, title: str) -> None:
        if self.console is not None:
            self.console.rule(f"[bold]{_escape(title)}")
        else:
            self.stream.write(f"== {title} ==\n")

    def flush(self) -> None:
        self.stream.flush()


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _date(meta: ArticleMeta | Article | SearchHit) -> str:
    return f"{meta.date:%Y-%m-%d}" if meta.date else "undated"


class Chat:
    """One console conversation; `handle(line)` answers one line, False means quit."""

    def __init__(self, engine: SearchEngine, library: Library, out: _Out) -> None:
        self.engine = engine
        self.library = library
        self.out = out
        self.commands: dict[str, Callable[[str], object]] = {
            "search": self.search,
            "s": self.search,
            "article": self.article,
            "a": self.article,
            "quote": self.quote,
            "summary": self.summary,
            "tags": self.tags,
            "tag": self.tag,
            "random": self.random,
            "latest": self.latest,
            "help": self.help,
            "ask": self.ask,
        }

    async def handle(self, line: str) -> bool:
        line = line.strip()
        if not line:
            return True
        if line.startswith("/"):
            name, _, arg = line[1:].partition(" ")
            name = name.lower()
            if name in ("quit", "exit", "q"):
                return False
            command = self.commands.get(name)
            if command is None:
                self.out.line(f"Unknown command /{name}. Type /help for the list.", "yellow")
                return True
            await command(arg.strip())  # type: ignore[misc]
            return True
        await self.ask(line)
        return True

    # -- commands ------------------------------------------------------------------------

    async def help(self, _: str) -> None:
        for row in HELP.splitlines():
            self.out.line(row)

    async def ask(self, question: str) -> None:
        if not question:
            self.out.line("Ask a question, e.g. how did Go make its maps faster?")
            return
        answer = await self.engine.ask(question)
        self._answer(answer)

    def _answer(self, answer: Answer) -> None:
        a = answer.article
        if a is None:
            self.out.line("I could not find an article that answers that.", "yellow")
            return
        self.out.rule(a.title)
        self.out.line(_byline(a), "dim")
        if answer.passage:
            self.out.line("")
            self.out.line(f"> {answer.passage}", "italic")
        if answer.summary:
            self.out.line("")
            self.out.line(f"Summary: {answer.summary}")
        if answer.quote:
            self._quote(answer.quote)
        if a.link:
            self.out.line(f"Read: {a.link}", "cyan")
        if answer.alternatives:
            self.out.line("See also:")
            for h in answer.alternatives:
                self.out.line(f"  - {h.label or h.title} ({_date(h)})")

    def _quote(self, quote: Quote) -> None:
        who = f" — {quote.speaker}" if quote.speaker else ""
        self.out.line(f"“{quote.text}”{who}", "green")

    async def search(self, query: str) -> None:
        if not query:
            self.out.line("Usage: /search QUERY")
            return
        resp = await self.engine.search(query, limit=10)
        if not resp.hits:
            self.out.line("No matching articles.", "yellow")
            if resp.suggestions:
                self.out.line("Did you mean: " + "; ".join(resp.suggestions) + "?")
            return
        self.out.rule(f"Results for {resp.query}")
        for n, h in enumerate(resp.hits, 1):
            self.out.line(f"{n:2}. {h.label or h.title}  [{h.score}]  {_date(h)}")
            if h.link:
                self.out.line(f"    {h.link}", "dim")

    async def _find(self, title: str) -> Article | None:
        article = await self.engine.find(title)
        if article is None:
            resp = await self.engine.search(title, limit=3)
            hint = resp.hits[0].label if resp.hits else None
            msg = f"No article titled {title!r}."
            self.out.line(msg + (f" Did you mean {hint!r}?" if hint else ""), "yellow")
        return article

    async def article(self, title: str) -> None:
        if not title:
            self.out.line("Usage: /article TITLE")
            return
        a = await self._find(title)
        if a is None:
            return
        self.out.rule(a.title)
        self.out.line(_byline(a), "dim")
        self.out.line(self.engine.summary(a))
        if a.tags:
            self.out.line("Tags: " + ", ".join(a.tags))
        if a.reading_minutes:
            self.out.line(f"{a.reading_minutes} min read")
        if a.link:
            self.out.line(f"Read: {a.link}", "cyan")

    async def quote(self, title: str) -> None:
        a = await self._find(title) if title else await self.engine.random()
        if a is None:
            if not title:
                self.out.line("The library is empty.", "yellow")
            return
        q = self.engine.quote(a)
        if q is None:
            self.out.line(f"No quote in {a.title!r}.", "yellow")
            return
        self._quote(q)
        self.out.line(f"  from {a.title}", "dim")

    async def summary(self, title: str) -> None:
        if not title:
            self.out.line("Usage: /summary TITLE")
            return
        a = await self._find(title)
        if a is not None:
            self.out.rule(a.title)
            self.out.line(self.engine.summary(a))

    async def tags(self, _: str) -> None:
        tags = await self.engine.tags()
        if not tags:
            self.out.line("No tags yet.")
            return
        self.out.line(", ".join(f"{t} ({n})" for t, n in tags))

    async def tag(self, name: str) -> None:
        if not name:
            self.out.line("Usage: /tag NAME")
            return
        tag, metas = await self.engine.tag(name)
        if tag is None:
            self.out.line(f"No tag like {name!r}. Try /tags.", "yellow")
            return
        self._list(f"Tag {tag} ({len(metas)})", metas)

    async def random(self, tag: str) -> None:
        a = await self.engine.random(tag or None)
        if a is None:
            self.out.line("No article found." if not tag else f"No article tagged {tag!r}.")
            return
        await self.article(a.slug)

    async def latest(self, arg: str) -> None:
        try:
            count = int(arg) if arg else 5
        except ValueError:
            self.out.line("Usage: /latest [N]")
            return
        count = max(1, min(count, MAX_LIST))
        self._list("Latest", await self.engine.latest(count))

    def _list(self, heading: str, metas: list[ArticleMeta]) -> None:
        self.out.rule(heading)
        for m in metas[:MAX_LIST]:
            self.out.line(f"- {m.title} ({_date(m)})")
        if len(metas) > MAX_LIST:
            self.out.line(f"… and {len(metas) - MAX_LIST} more")


def _byline(a: Article) -> str:
    parts = [p for p in (a.author, _date(a) if a.date else None) if p]
    return " · ".join(parts) or "—"


async def _read_line(stdin: TextIO) -> str | None:
    if stdin is sys.stdin:
        line = await asyncio.to_thread(stdin.readline)
    else:
        line = stdin.readline()
    return line if line else None


async def run_chat(
    engine: SearchEngine,
    library: Library,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
) -> int:
    """Run the conversation until /quit or end of input; returns the exit code."""
    out = _Out(stdout)
    interactive = getattr(stdin, "isatty", lambda: False)()
    store = library.store or await library.open()
    count = await store.count()
    out.line(f"ArticleBot console — {count} articles. Type a question or /help.")
    chat = Chat(engine, library, out)
    while True:
        if interactive:
            stdout.write("> ")
            stdout.flush()
        line = await _read_line(stdin)
        if line is None:
            break
        try:
            if not await chat.handle(line):
                break
        except Exception:  # a bug must not end the conversation
            log.exception("console command failed: %r", line[:200])
            out.line("Something went wrong with that; try something else.", "red")
        out.flush()
    return 0
