"""The library service: everything a front end can ask of the library, wired once at start.

Discord cogs, the console chat and the command line all hold one `LibraryService`: the
library (content folder and cache), the search engine over it and, for the front ends that
keep per-server state, the daily-picks service. `open_service()` builds it outside the
front end and hands it in, the way discord.py's `examples/advanced_startup.py` builds a
bot's dependencies before the bot; how each front end wants the cache refreshed is an
option (`Refresh`), not a copy of the wiring. Every call returns plain data, and no front
end opens the store or builds an engine itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import random
import re
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.library.model import Article, ArticleMeta, Quote
from bot.library.report import LibraryStats, ReloadReport
from bot.library.sync import Library, LibraryError, Progress, RemovalRefused
from bot.library.watch import summarize, watch_content
from bot.picks.service import PicksService
from bot.picks.settings import PicksError
from bot.picks.source import library_candidates
from bot.search import english
from bot.search.engine import SearchEngine, utc_now
from bot.search.followup import Topic
from bot.search.fuzzy import closest_names
from bot.search.highlight import balance_quotes, key_spans
from bot.search.query import AUTHORED, LINK, RELATED
from bot.search.results import Answer, Lookup, SearchHit, SearchResponse, TitleChoice
from bot.search.words import fold
from bot.settings import Settings
from bot.store.articles import ArticleStore, CacheCorrupt, StoreError
from bot.store.state import StateError, StateStore, open_state

log = logging.getLogger("articlebot")

# Errors a user can cause (a missing content folder, an unreadable cache or state database,
# a bad picks setting): front ends show their one-line message, never a trace.
USER_ERRORS: tuple[type[Exception], ...] = (LibraryError, StoreError, StateError, PicksError)
# A random quote: articles drawn until one has a quote (many have none).
RANDOM_QUOTE_TRIES = 8
# Help's examples come from this many newest articles; a title example at most this long
# reads well on one line; this many articles are tried for an example question.
EXAMPLE_POOL = 30
EXAMPLE_TITLE_CHARS = 70
# ... and a member can type it as they read it: words, digits and everyday punctuation.
# journey22: "/ask what's “@everyone should know: …” about?" (a mention, shown with the
# zero-width space that keeps it inert), a title of **markdown** or `code`, or of emoji,
# reads as noise in /help and cannot be typed back as shown.
TYPABLE_TITLE = re.compile(r"(?:[^\W_]|[\s,.:;!?'’‘\"“”()&%+/#$€£°…–—-])+")
EXAMPLE_QUESTION_TRIES = 4
# "Nothing found" offers this many articles and tags to go on with.
NEXT_STEP_ARTICLES = 5
NEXT_STEP_TAGS = 3

Clock = Callable[[], datetime]


class Refresh(enum.Enum):
    """How a front end wants the cache brought in line with the content folder at start."""

    NEVER = "never"  # serve the cache as it is (stats, `reload` itself, command sync)
    IF_NEW = "if-new"  # build the cache only when it has never been loaded (command line)
    WAIT = "wait"  # reload before serving: the console always shows the current content
    # Serve a cache that holds articles at once and reload behind it, so a restart over a
    # large library answers at once; an empty cache is filled first. A failed reload is
    # logged and the cache served as it is (the Discord bot).
    BACKGROUND = "background"


@dataclass(frozen=True, slots=True)
class ArticleCard:
    """An article with what every card of it shows: the summary and a notable quote."""

    article: Article
    summary: str
    quote: Quote | None


@dataclass(frozen=True, slots=True)
class TagArticles:
    """The tag a typed name resolved to (None: no tag like it) and its articles, newest first."""

    tag: str | None
    articles: Sequence[ArticleMeta]


@dataclass(frozen=True, slots=True)
class Examples:
    """What help suggests trying, all from the loaded library: an article's title, a tag,
    and a question the library answers (each None when the library has none)."""

    title: str | None
    tag: str | None
    question: str | None


@dataclass(frozen=True, slots=True)
class NextSteps:
    """What to offer when nothing was found for `text`: "did you mean" suggestions, the
    tags closest to its words, and articles to go on with: what a search for the words
    finds (`searched`), else the newest."""

    text: str
    suggestions: list[str]
    tags: list[str]
    articles: list[SearchHit] | list[ArticleMeta]
    searched: bool


# What an answer's passage is when it is asked of the article itself in the bot's own words
# (bot/search/asked.py): no key words to show in it.
OWN_WORDS = frozenset({LINK, RELATED, AUTHORED})


def example_question(title: str) -> str:
    """A question an article's title answers, as a member might type it: the title quoted
    whole, as a headline is asked about ("what about repair café fixes a record number of
    toasters?" read as a broken sentence in /help)."""
    title = re.sub(r"[\s.!?:;]+$", "", " ".join(title.split()))
    return f"what's “{title}” about?"


class LibraryService:
    """One library, its search engine and (with state) the daily picks, for every front end."""

    def __init__(
        self,
        library: Library,
        engine: SearchEngine,
        *,
        state: StateStore | None = None,
        picks: PicksService | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.library = library
        self.engine = engine
        self.state = state  # per-server settings, picks history, command-sync hash
        self.picks = picks  # None unless opened with state
        self.clock = clock
        self.last_watch: tuple[datetime, ReloadReport] | None = None  # the watcher's last reload
        self._reload_task: asyncio.Task[None] | None = None
        self._watch_task: asyncio.Task[None] | None = None
        self._watch_stop = asyncio.Event()

    # -- life cycle ------------------------------------------------------------------------

    async def _refresh(self, refresh: Refresh, progress: Progress | None) -> None:
        if refresh is Refresh.NEVER:
            return  # the cache is opened when first read, and never created for nothing
        store = await self.library.open()
        if refresh is Refresh.WAIT:
            try:
                await self.library.reload(progress)
            except RemovalRefused as exc:  # an unmounted folder: serve what was cached
                log.warning("%s; serving the cache as it is", exc)
        elif refresh is Refresh.IF_NEW:
            if await store.get_meta("last_reload") is None:
                log.info("building the article cache from %s …", self.library.content_dir)
                await self.library.reload(progress)
        elif await store.count():
            self._reload_task = asyncio.create_task(
                self._reload_logged(), name="articlebot-startup-reload"
            )
        else:
            await self._reload_logged()

    async def _reload_logged(self) -> None:
        try:
            report = await self.library.reload()
        except LibraryError as exc:  # e.g. an unmounted folder: one line, keep serving
            log.warning("library at start-up: %s; serving the cache as it is", exc)
            return
        except Exception:
            log.exception("reloading the library at start-up failed; serving the cache as is")
            return
        log.info("library at start-up: %s", summarize(report))

    def _start_watcher(self) -> None:
        def remember(report: ReloadReport) -> None:
            self.last_watch = (self.clock(), report)

        watching = watch_content(self.library, stop_event=self._watch_stop, on_report=remember)
        self._watch_task = asyncio.create_task(watching, name="articlebot-watch")

    async def close(self) -> None:
        """Stop the watcher and any start-up reload, then close the cache and the state."""
        self._watch_stop.set()
        reload, self._reload_task = self._reload_task, None
        if reload is not None:
            reload.cancel()  # the reload rolls back; the next start redoes it
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await reload
        watcher, self._watch_task = self._watch_task, None
        if watcher is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(watcher, 5)
        try:
            await self.library.close()
        finally:
            if self.state is not None:
                await self.state.close()

    # -- questions and searches ------------------------------------------------------------

    async def ask(self, question: str, about: Topic | None = None) -> Answer:
        """The article that answers `question`, its passage, summary, quote, alternatives;
        `about`: the article the conversation is about, for follow-ups ("who wrote it?")."""
        return await self.engine.ask(question, about)

    async def search(self, query: str, limit: int = 10) -> SearchResponse:
        """Confident results, best first, with "did you mean" suggestions when none are."""
        return await self.engine.search(query, limit=limit)

    async def lookup(self, title: str, limit: int = 5, whole: bool = True) -> Lookup:
        """The article a title or slug names, else the closest titles to offer instead.
        `whole` False: for a card, quote or summary reply alone, the article without its
        sentences, quotes and stems when its card was stored (ArticleStore.card_article)."""
        return await self.engine.find_or_suggest(title, limit, whole)

    async def autocomplete(self, text: str, limit: int = 25) -> list[TitleChoice]:
        """Title choices for a partly typed title (the newest articles for no text)."""
        return await self.engine.autocomplete(text, limit=limit)

    async def related(self, article: Article, limit: int = 4) -> list[SearchHit]:
        """The articles most like `article`."""
        return await self.engine.related(article.slug, limit=limit)

    def shown_passage(self, answer: Answer) -> tuple[str, list[tuple[int, int]]]:
        """An answer's passage as front ends show it (its quotation marks paired), and where
        the question's key words are in it, to show them in bold: none in a sentence the
        bot wrote rather than the article (its link, "an article like …", "2 articles by
        …"), where a bold word only echoes the request ("more **like** this")."""
        text = balance_quotes(answer.passage or "")
        if answer.wants in OWN_WORDS:
            return text, []
        return text, key_spans(text, answer.question)

    async def next_steps(self, text: str, searched: SearchResponse | None = None) -> NextSteps:
        """What to offer for `text` that found nothing: its "did you mean", the closest
        tags, and what a search for it finds, else the newest articles. `searched`: the
        search for `text` when it was made already."""
        found = searched or await self.search(text, limit=NEXT_STEP_ARTICLES)
        tags = await self.closest_tags(text, NEXT_STEP_TAGS, found.hits)
        if found.hits:
            return NextSteps(text, found.suggestions, tags, found.hits[:NEXT_STEP_ARTICLES], True)
        newest = await self.latest(NEXT_STEP_ARTICLES)
        return NextSteps(text, found.suggestions, tags, newest, False)

    async def examples(self) -> Examples:
        """A title, a tag and a question to suggest, drawn from the library at random; the
        question is one the library answers with its article."""
        metas = await self.latest(EXAMPLE_POOL)
        tags = await self.tags()
        typable = [m for m in metas if TYPABLE_TITLE.fullmatch(m.title)] or metas
        short = [m for m in typable if len(m.title) <= EXAMPLE_TITLE_CHARS] or typable
        picked = random.sample(short, len(short))
        title = picked[0].title if picked else None
        tag = random.choice(tags[:10])[0] if tags else None
        question = None
        # Another article than the title's when there is one, so the examples differ.
        for meta in (picked[1:] or picked)[:EXAMPLE_QUESTION_TRIES]:
            candidate = example_question(meta.title)
            answer = await self.ask(candidate)
            if answer.article is not None and answer.article.slug == meta.slug:
                question = candidate
                break
        return Examples(title, tag, question)

    # -- articles ----------------------------------------------------------------------------

    async def article(self, slug: str) -> Article | None:
        """The article with exactly this slug (any case), or None."""
        return await (await self._store()).article(slug.strip().lower())

    async def article_by_digest(self, digest: str) -> Article | None:
        """The article whose slug has this `slug_digest` (how a long slug is referred to
        where it does not fit), or None."""
        slug = await self.engine.slug_of_digest(digest)
        return await self.article(slug) if slug is not None else None

    def card(self, article: Article) -> ArticleCard:
        """The article with its summary and a notable quote."""
        return ArticleCard(article, self.summary(article), self.quote(article))

    def summary(self, article: Article) -> str:
        """The description when it is a real summary, else 1-2 sentences of the text."""
        return self.engine.summary(article)

    def quote(self, article: Article) -> Quote | None:
        """A notable quote of the article (one with a speaker first), if it has any."""
        return self.engine.quote(article)

    async def random_article(self, tag: str | None = None, whole: bool = True) -> Article | None:
        """A random article, optionally of a (fuzzy) tag; None when there is none.
        `whole` False: as for `lookup`."""
        return await self.engine.random(tag, whole)

    async def random_card(self, tag: str | None = None) -> ArticleCard | None:
        """A random article's card, optionally of a (fuzzy) tag; None when there is none."""
        article = await self.random_article(tag)
        return self.card(article) if article is not None else None

    async def random_quote(self) -> ArticleCard | None:
        """A random article that has a quote. None: the library is empty; a card without a
        quote: none of the articles drawn had one."""
        article = quote = None
        for _ in range(RANDOM_QUOTE_TRIES):
            article = await self.engine.random()
            if article is None:
                return None
            quote = self.quote(article)
            if quote is not None:
                break
        assert article is not None
        return ArticleCard(article, self.summary(article), quote)

    # -- browsing ----------------------------------------------------------------------------

    async def tags(self) -> list[tuple[str, int]]:
        """Every tag with its article count, most used first."""
        return await self.engine.tags()

    async def tag(self, name: str) -> TagArticles:
        """The tag `name` means (typos forgiven) and its articles, newest first."""
        tag, articles = await self.engine.tag(name)
        return TagArticles(tag, articles)

    async def tag_choices(self, typed: str, limit: int = 25) -> list[str]:
        """Tags for a partly typed name: those starting with it, then those containing it
        (all tags, most used first, for no text). Typos are the resolver's job (`tag`)."""
        tags = [t for t, _ in await self.engine.tags()]
        typed = fold(typed).strip()
        if typed:
            # Both sides folded: "even" and "éven" offer "événements" (journey22: "éven",
            # folded, matched no accented tag, which was left as it is).
            folded = {t: fold(t) for t in tags}
            starts = [t for t in tags if folded[t].startswith(typed)]
            inside = [t for t in tags if typed in folded[t] and not folded[t].startswith(typed)]
            tags = starts + inside
        return tags[:limit]

    async def closest_tags(
        self, text: str, limit: int = 3, hits: Sequence[SearchHit] = ()
    ) -> list[str]:
        """Tags the text or one of its words could mean (a plural, a typo), most used first
        among equally close ones; then the tags of `hits` (what a search for the text
        found), those on more and better hits first, then the more specific."""
        counts = dict(await self.engine.tags())
        spelt = closest_names(text, counts, limit)
        weight: dict[str, int] = defaultdict(int)
        for hit in hits:
            for tag in hit.tags:
                weight[tag] += hit.score
        shared = sorted(weight, key=lambda t: (-weight[t], counts.get(t, 0), t))
        return list(dict.fromkeys(spelt + shared))[:limit]

    async def latest(self, count: int = 5) -> list[ArticleMeta]:
        """The `count` newest articles."""
        return await self.engine.latest(count)

    # -- the library itself ------------------------------------------------------------------

    async def count(self) -> int:
        """How many articles the cache serves."""
        return await (await self._store()).count()

    async def same_links(self, limit: int = 10) -> list[list[str]]:
        """The files whose articles share a link (copies, most often), a list per link."""
        return await (await self._store()).same_links(limit)

    async def stats(self) -> LibraryStats:
        """Counts, tags, the last reload and the failing files."""
        return await (await self._store()).stats()

    @property
    def reloading(self) -> bool:
        return self.library.reloading

    async def reload(
        self, progress: Progress | None = None, *, allow_removals: bool = False
    ) -> ReloadReport:
        """Bring the cache in line with the content folder; returns once searches see the
        new library (the index is rebuilt behind the queries). Raises RemovalRefused when
        it would remove every article or more than MAX_REMOVAL_SHARE of them, unless
        `allow_removals` confirms it."""
        report = await self.library.reload(progress, allow_removals=allow_removals)
        await self.engine.refreshed()
        return report

    async def _store(self) -> ArticleStore:
        return self.library.store or await self.library.open()


def _library(settings: Settings) -> Library:
    return Library(
        settings.content_dir,
        settings.articles_db,
        max_bytes=settings.max_article_bytes,
        max_removal_share=settings.max_removal_share,
    )


@contextlib.asynccontextmanager
async def open_service(
    settings: Settings,
    *,
    refresh: Refresh = Refresh.IF_NEW,
    state: bool = False,
    warm: bool = False,
    watch: bool = False,
    clock: Clock = utc_now,
    progress: Progress | None = None,
) -> AsyncIterator[LibraryService]:
    """The library (refreshed as asked) and its engine and, with `state`, the state
    database and the picks; all closed when the block ends.

    `warm` builds the search index now rather than at the first query (and reads the cache
    file into memory); `watch` reloads whenever articles change.
    """
    library = _library(settings)
    # The English word list is read from beside the cache, not remade at every start.
    english.keep_beside(settings.articles_db)
    engine = SearchEngine(
        library, cache_size=settings.result_cache_size, policy=settings.policy(), clock=clock
    )
    service = LibraryService(library, engine, clock=clock)
    try:
        await service._refresh(refresh, progress)
        if warm:
            started = time.perf_counter()
            await engine.warm()
            log.info("search index ready in %.1fs", time.perf_counter() - started)
        # Reloads (admin, watcher, the one at start) rebuild the index behind the queries,
        # which keep the previous index until the new one is swapped in.
        engine.follow_reloads()
        if state:
            service.state = await open_state(settings.state_database_url)
            service.picks = PicksService(
                service.state,
                library_candidates(library),
                clock,
                defaults=settings.picks_defaults(),
            )
        if watch:
            service._start_watcher()
        yield service
    finally:
        await service.close()


async def cached_count(settings: Settings) -> int:
    """How many articles the cache holds, without creating or refreshing it (health check)."""
    store = await ArticleStore.open(settings.articles_db, create=False)
    try:
        return await store.count()
    finally:
        await store.close()


async def recover_cache(settings: Settings, problem: CacheCorrupt) -> None:
    """Move a damaged cache aside (one log line); the next open starts a fresh one."""
    await _library(settings).recover(problem)
