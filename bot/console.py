"""The console chat: a conversation over the library service, rich on a terminal, plain piped."""

from __future__ import annotations

import asyncio
import logging
import math
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from bot.conversation import Conversations
from bot.library.model import Article, ArticleMeta, Quote
from bot.search.filters import missing_name
from bot.search.results import TENTATIVE, Answer, SearchHit, unsaved_text
from bot.search.shown_quote import beside_summary
from bot.service import ArticleCard, Examples, LibraryService, NextSteps
from bot.terminal import (
    byline,
    did_you_mean,
    numbered_lines,
    quote_text,
    stats_lines,
    title_and_date,
)

log = logging.getLogger(__name__)

HELP = """Type a question, or a command:
  /search QUERY     articles matching QUERY (tag:NAME, author:NAME, date:2021, "exact phrase")
  /article TITLE    one article: title, author, date, summary, quote, tags, link
  /quote [TITLE]    a notable quote (from a random article without TITLE)
  /summary TITLE    the summary of an article
  /tags             every tag with its article count
  /tag NAME         the articles of a tag, newest first
  /random [TAG]     a random article
  /latest [N]       the N newest articles (default 5)
  /related TITLE    the articles most like one
  /open N           article N of the last numbered list (other matches, results, …)
  /stats            articles, tags, the last reload, failing files
  /help             this help
  /quit             leave (Ctrl-D works too)"""

MAX_LIST = 25
SESSION = "console"  # the one conversation of a console session


class _Out:
    """Writes plain text, or rich markup when the stream is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.console = None
        if getattr(stream, "isatty", lambda: False)():
            from rich.console import Console

            self.console = Console(file=stream, highlight=False, soft_wrap=False)

    def line(
        self, text: str = "", style: str | None = None, bold: Sequence[tuple[int, int]] = ()
    ) -> None:
        """One line; on a terminal, in `style` with the `bold` spans (start, end) in bold."""
        if self.console is not None:
            from rich.text import Text

            rich = Text(text, style=style or "")
            for start, end in bold:
                rich.stylize("bold", start, end)
            self.console.print(rich)
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


class Chat:
    """One console conversation; `handle(line)` answers one line, False means quit."""

    def __init__(self, service: LibraryService, out: _Out) -> None:
        self.service = service
        self.out = out
        self.numbered: list[str] = []  # slugs of the last numbered list, for /open N
        # The article last answered about: the session is one conversation, for follow-ups.
        self.conversation = Conversations(ttl=math.inf, size=1)
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
            "related": self.related,
            "open": self.open,
            "stats": self.stats,
            "help": self.help,
            "ask": self.ask,
        }

    async def handle(self, line: str) -> bool:
        line = line.strip()
        if not line:
            return True
        name, _, arg = line[1:].partition(" ")
        # A command's name is a word: "//go:embed" or "/usr/bin/go is missing" is a
        # message a member pasted, asked as any question is, not an unknown command.
        if line.startswith("/") and name.isalpha():
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
        for row in example_lines(await self.service.examples()):
            self.out.line(row)

    async def ask(self, question: str) -> None:
        if not question:
            examples = await self.service.examples()
            example = f", e.g. {examples.question}" if examples.question else ""
            self.out.line(f"Ask a question{example}")
            return
        answer = await self.service.ask(question, self.conversation.about(SESSION))
        self.conversation.answered(answer, SESSION)
        if answer.reply is not None:  # small talk
            self.out.line(answer.reply)
            return
        if answer.article is None:
            self.out.line("I could not find an article that answers that.", "yellow")
            steps = await self.service.next_steps(question)
            self._next_steps(steps, searching=False)
            self.conversation.offered([a.slug for a in steps.articles], SESSION)
            return
        if listed := answer.listed:  # "what's new?", "articles from 2021", "articles by NAME"
            self.out.line(f"{(answer.passage or 'Newest articles').rstrip('.')} (/open N):")
            self._numbered(listed)
            return
        self._answer(answer)

    def _answer(self, answer: Answer) -> None:
        a = answer.article
        assert a is not None
        # Issue 15: an answer that may not answer says so first, before which article a
        # follow-up is about.
        if answer.tentative:
            self.out.line(TENTATIVE, "yellow")
        if answer.followup:
            self.out.line(f"Following up on “{a.title}”:", "dim")
        self._heading(a)
        if answer.passage:
            self.out.line("")
            text, bold = self.service.shown_passage(answer)
            self.out.line(f"> {text}", "italic", [(x + 2, y + 2) for x, y in bold])
        if answer.series:  # which post of a series (series_note.py)
            self.out.line(answer.series, "dim")
        if answer.summary:
            self.out.line("")
            self.out.line(f"Summary: {answer.summary}")
        if answer.quote:
            self._quote(answer.quote)
        if a.link:
            self.out.line(f"Read: {a.link}", "cyan")
        if answer.alternatives:
            self.out.line("Other matches (/open N):")
            self._numbered(answer.alternatives)

    def _numbered(
        self, items: Sequence[ArticleMeta | Article | SearchHit], limit: int = MAX_LIST
    ) -> None:
        """A numbered list of articles that /open N opens."""
        self.numbered = [m.slug for m in items[:limit]]
        for row in numbered_lines(items, limit):
            self.out.line(row)

    def _next_steps(self, steps: NextSteps, *, searching: bool) -> None:
        """What to try when nothing was found: did you mean, close tags, what a search
        finds (else the newest articles), numbered for /open."""
        if steps.suggestions:
            self.out.line("Did you mean: " + "; ".join(steps.suggestions) + "?")
        if steps.tags:
            self.out.line("Tags like it: " + ", ".join(steps.tags) + " (/tag NAME)")
        if steps.articles:
            if steps.searched:
                heading = f"/search {steps.text} finds (/open N):"
            else:
                heading = "Try other words, or one of the newest (/open N):"
                if not searching:
                    heading = f"Try /search {steps.text}, or one of the newest (/open N):"
            self.out.line(heading)
            self._numbered(steps.articles)

    def _quote(self, quote: Quote) -> None:
        self.out.line(quote_text(quote), "green")

    async def search(self, query: str) -> None:
        if not query:
            self.out.line("Usage: /search QUERY")
            return
        if hint := missing_name(query):
            self.out.line(hint, "yellow")
            return
        resp = await self.service.search(query, limit=10)
        if not resp.hits:
            self.out.line("No matching articles.", "yellow")
            self._next_steps(await self.service.next_steps(query, resp), searching=True)
            return
        self.out.rule(f"Results for {resp.query}")
        if resp.corrected:
            self.out.line(f"Showing results for {resp.corrected}", "yellow")
        self.numbered = [h.slug for h in resp.hits]
        for n, h in enumerate(resp.hits, 1):
            name, date = title_and_date(h)
            self.out.line(f"{n:2}. {name}  [{h.score}]" + (f"  {date}" if date else ""))
            if h.link:
                self.out.line(f"    {h.link}", "dim")

    async def _find(self, title: str) -> Article | None:
        lookup = await self.service.lookup(title)
        if lookup.article is None:
            self.out.line(f"No article titled {title!r}.{did_you_mean(lookup)}", "yellow")
        return lookup.article

    async def article(self, title: str) -> None:
        if not title:
            self.out.line("Usage: /article TITLE")
            return
        a = await self._find(title)
        if a is not None:
            self._card(self.service.card(a))

    def _heading(self, a: Article) -> None:
        """A card's title and byline, and a note when the article's text was not saved."""
        self.out.rule(a.title)
        self.out.line(byline(a) or "—", "dim")
        if note := unsaved_text(a):
            self.out.line(note, "yellow")

    def _card(self, card: ArticleCard) -> None:
        """An article's card (/article, /open N, /random): the article the member now
        reads, so the conversation is about it ("who wrote it?")."""
        a = card.article
        self.conversation.opened(a.slug, SESSION)
        self._heading(a)
        if card.summary:
            self.out.line(card.summary)
        # The quote the Discord card shows, unless it says the summary again (journey24's
        # killer whales card; the console showed no quote on a card before: journey25).
        if (quote := beside_summary(card.summary, card.quote)) is not None:
            self._quote(quote)
        if a.tags:
            self.out.line("Tags: " + ", ".join(a.tags))
        if a.reading_minutes:
            self.out.line(f"{a.reading_minutes} min read")
        if a.link:
            self.out.line(f"Read: {a.link}", "cyan")

    async def quote(self, title: str) -> None:
        if title:
            a = await self._find(title)
            if a is None:
                return
            card = self.service.card(a)
        elif (card := await self.service.random_quote()) is None:
            self.out.line("The library is empty.", "yellow")
            return
        if card.quote is None:
            self.out.line(f"{card.article.title!r} has no text to quote.", "yellow")
            return
        self._quote(card.quote)
        self.out.line(f"  from {card.article.title}", "dim")

    async def summary(self, title: str) -> None:
        if not title:
            self.out.line("Usage: /summary TITLE")
            return
        a = await self._find(title)
        if a is not None:
            self.out.rule(a.title)
            summary = self.service.summary(a)
            self.out.line(summary or unsaved_text(a) or "No summary available.")

    async def related(self, title: str) -> None:
        if not title:
            self.out.line("Usage: /related TITLE")
            return
        a = await self._find(title)
        if a is None:
            return
        hits = await self.service.related(a)
        if not hits:
            self.out.line(f"Nothing in the library is much like {a.title!r}.", "yellow")
            return
        self._list(f"Related to {a.title}", hits)

    async def open(self, arg: str) -> None:
        if not self.numbered:
            self.out.line("Nothing to open yet: /open N opens from the last numbered list.")
            return
        try:
            n = int(arg)
        except ValueError:
            n = 0
        if not 1 <= n <= len(self.numbered):
            self.out.line(f"Usage: /open N, with N from 1 to {len(self.numbered)}")
            return
        article = await self.service.article(self.numbered[n - 1])
        if article is None:
            self.out.line("That article is no longer in the library.", "yellow")
            return
        self._card(self.service.card(article))

    async def tags(self, _: str) -> None:
        tags = await self.service.tags()
        if not tags:
            self.out.line("No tags yet.")
            return
        self.out.line(", ".join(f"{t} ({n})" for t, n in tags))

    async def tag(self, name: str) -> None:
        if not name:
            self.out.line("Usage: /tag NAME")
            return
        found = await self.service.tag(name)
        if found.tag is None:
            self.out.line(f"No tag like {name!r}. Try /tags.", "yellow")
            self._next_steps(await self.service.next_steps(name), searching=False)
            return
        self._list(f"Tag {found.tag} ({len(found.articles)})", found.articles)

    async def random(self, tag: str) -> None:
        card = await self.service.random_card(tag or None)
        if card is None:
            self.out.line("No article found." if not tag else f"No article tagged {tag!r}.")
            return
        self._card(card)

    async def latest(self, arg: str) -> None:
        try:
            count = int(arg) if arg else 5
        except ValueError:
            count = 0
        if count < 1:  # "/latest -5" listed one article, as if it had meant something
            self.out.line(f"Usage: /latest [N], with N from 1 to {MAX_LIST}")
            return
        count = min(count, MAX_LIST)
        self._list("Latest", await self.service.latest(count))

    async def stats(self, _: str) -> None:
        for row in stats_lines(await self.service.stats()):
            self.out.line(row)

    def _list(self, heading: str, items: Sequence[ArticleMeta | SearchHit]) -> None:
        self.out.rule(heading)
        self._numbered(items)


def example_lines(examples: Examples) -> list[str]:
    """Help's examples, all from the loaded library."""
    lines = [
        f"  {text}"
        for text in (
            examples.question,
            examples.title and f"/article {examples.title}",
            examples.tag and f"/tag {examples.tag}",
        )
        if text
    ]
    return ["Try, from this library:", *lines] if lines else []


async def _read_line(stdin: TextIO) -> str | None:
    if stdin is sys.stdin:
        # Bytes decoded line by line: one invalid byte must not end the conversation.
        raw = await asyncio.to_thread(stdin.buffer.readline)
        line = raw.decode("utf-8", "replace")
    else:
        line = stdin.readline()
    return line if line else None


async def run_chat(
    service: LibraryService,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
) -> int:
    """Run the conversation until /quit or end of input; returns the exit code."""
    out = _Out(stdout)
    interactive = getattr(stdin, "isatty", lambda: False)()
    count = await service.count()
    out.line(f"ArticleBot console — {count} articles. Type a question or /help.")
    chat = Chat(service, out)
    while True:
        if interactive:
            stdout.write("> ")
            stdout.flush()
        line = await _read_line(stdin)
        if line is None:
            break
        if not interactive and line.strip():
            out.line(f"> {line.strip()}")  # piped: the transcript shows what was asked
        try:
            if not await chat.handle(line):
                break
        except Exception:  # a bug must not end the conversation
            log.exception("console command failed: %r", line[:200])
            out.line("Something went wrong with that; try something else.", "red")
        out.flush()
    return 0
