"""Core results → Discord embeds. Pure functions: no network, no state.

Every embed leaves here within Discord's limits (cut at a word boundary with an
ellipsis) and with article text escaped so it cannot break the formatting or ping anyone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import discord
from discord import app_commands

from bot.library.model import Article, Quote
from bot.library.report import WARNED_NAMED, ReloadReport, counts_of, counts_text, warned_count
from bot.search.bylines import source_line
from bot.search.results import TENTATIVE, Answer, SearchResponse, TitleChoice, unsaved_text
from bot.search.shown_quote import beside_summary

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
TITLE = 256
DESCRIPTION = 4096
FIELD_NAME = 256
FIELD_VALUE = 1024
FIELDS = 25
FOOTER = 2048
AUTHOR = 256
EMBED_TOTAL = 6000
CONTENT = 2000
CHOICES = 25
CHOICE_NAME = 100
CHOICE_VALUE = 100
BUTTON_LABEL = 80
CUSTOM_ID = 100
ACTION_ROWS = 5
SELECT_OPTIONS = 25
OPTION_LABEL = 100
OPTION_DESCRIPTION = 100
SELECT_PLACEHOLDER = 150

ELLIPSIS = "…"
ACCENT = discord.Colour(0x3B82F6)
WARN = discord.Colour(0xF59E0B)
PAGE_SIZE = 5
LIST_PAGE_SIZE = 10

_MENTION = re.compile(r"<(@[!&]?|#)(\d+)>")
_PING = re.compile(r"<(@[!&]?)(\d+)>")  # the mentions that notify: users and roles
# Bare URLs stay as they are (Discord would keep a backslash in the link); elsewhere every
# markdown character is escaped. discord.utils.escape_markdown is not used because its
# masked-link pattern swallows a whole line between a "[" and the last ")" unescaped.
_URL = re.compile(r"https?://[^\s<>]+")
_MARKDOWN = re.compile(rf"(?P<url>{_URL.pattern})|(?P<md>[\\*_~|`\[\]])")
_LINE_START = re.compile(r"^(\s*)([#>\-*+]|\d+(?=\.))", re.MULTILINE)
# The characters _MARKDOWN escapes: a text with none of them is left as it is (its URLs
# are kept whole either way).
_MARKDOWN_CHARS = ("\\", "*", "_", "~", "|", "`", "[", "]")


# -- text helpers -----------------------------------------------------------------------


def cut(text: str, limit: int) -> str:
    """`text` within `limit` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[:limit]
    head = text[: limit - len(ELLIPSIS)]
    space = max(head.rfind(" "), head.rfind("\n"))
    # A word boundary far back would waste most of the room: cut mid-word instead.
    if space >= len(head) * 0.6:
        head = head[:space]
    # A dangling backslash would escape the ellipsis (or half of an escape pair).
    head = head.rstrip().rstrip("\\")
    return head + ELLIPSIS


def plain(text: str | None, *, channels: bool = False) -> str:
    """Text for places Discord shows without markdown (embed author, footer, labels):
    only mentions and everyone/here are defused; `channels`: a channel's link (<#id>, which
    notifies nobody) is kept, for the bot's own sentences that name one."""
    if not text:
        return ""
    # Both need their sign, and most text (every tag, most titles) has neither: the
    # checks skip two regex substitutions per label, thousands a second under load.
    if "@" in text:
        text = discord.utils.escape_mentions(text)
    if "<" not in text:
        return text
    pattern = _PING if channels else _MENTION
    return pattern.sub(lambda m: f"<\u200b{m.group(1)}{m.group(2)}>", text)


def clean(text: str | None) -> str:
    """Article or user text made inert: markdown escaped, mentions and everyone/here defused."""
    if not text:
        return ""
    # Titles, descriptions and passages, several a reply: most have no markdown character,
    # which a look for each finds in ~0.4 us where the substitution took 9-17 (perf22).
    if any([c in text for c in _MARKDOWN_CHARS]):
        text = _MARKDOWN.sub(lambda m: m["url"] or "\\" + m["md"], text)
    text = plain(text)
    # Headings, quotes and lists only take effect at the start of a line.
    if not _may_start_markup(text):
        return text
    return _LINE_START.sub(_escape_line_start, text)


def _may_start_markup(text: str) -> bool:
    """Whether a line of `text` opens, after its spaces, with a character _LINE_START
    escapes (a mark or a digit): where none does, its substitution changes nothing, and
    a look at each line's start costs a tenth of the regex trying every position."""
    for line in text.split("\n") if "\n" in text else (text,):
        head = line.lstrip()[:1]
        if head and (head in "#>-*+" or head.isdigit()):
            return True
    return False


def _escape_line_start(m: re.Match[str]) -> str:
    lead, mark = m.group(1), m.group(2)
    # A backslash only escapes punctuation: "1." becomes "1\." rather than "\1.".
    return f"{lead}{mark}\\" if mark.isdigit() else f"{lead}\\{mark}"


def link_text(text: str) -> str:
    """Text safe inside [text](url): clean() already escapes the brackets."""
    return clean(text)


def is_http(url: str | None) -> bool:
    return bool(url) and url.lower().startswith(("http://", "https://")) and " " not in url  # type: ignore[union-attr]


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s) and fits an embed; parentheses encoded for markdown links."""
    if not is_http(url) or len(url) > 2000:  # type: ignore[arg-type]
        return None
    return url.replace("(", "%28").replace(")", "%29")  # type: ignore[union-attr]


def quote_block(text: str, limit: int, bold: Sequence[tuple[int, int]] = ()) -> str:
    """`text` as a Discord quote block ("> " on every line), within `limit`, with the
    `bold` spans of it (start, end) in bold."""
    # Cut before the markup goes in, so no cut can leave a "**" open; escaping rarely
    # adds more than a tenth, and the final cut drops the bold in the case it did.
    room = limit * 9 // 10
    if len(text) > room:
        text = cut(text, room)
        bold = [(a, b) for a, b in bold if b <= len(text) - len(ELLIPSIS)]
    marked = "\n".join(f"> {ln}" for ln in _lines(emphasise(text, bold)))
    if len(marked) <= limit:
        return marked
    return cut("\n".join(f"> {ln}" for ln in _lines(clean(text))), limit)


def _lines(markdown: str) -> list[str]:
    return [ln for ln in markdown.splitlines() if ln.strip()] or [""]


def emphasise(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` made inert (see clean) with the given (start, end) spans of it in bold."""
    out, at = [], 0
    # A link is kept whole and plain: bold inside it, or a piece of it escaped on its own
    # ("\\-lang/"), becomes part of the address Discord links to.
    links = [m.span() for m in _URL.finditer(text)] if "://" in text else []
    for start, end in sorted(spans):
        if start < at or end <= start:
            continue  # overlapping or empty: the spans come from words, so never in practice
        if any(a < end and start < b for a, b in links):
            continue
        out += [clean(text[at:start]), "**", clean(text[start:end]), "**"]
        at = end
    out.append(clean(text[at:]))
    return "".join(out)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(date: datetime | None) -> str:
    """ "5 Dec 2026". Built by hand: strftime ("%-d %b %Y", the same text in the C locale
    Python runs in) took 1.6 us a date against 0.2, and menus and lists show many."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}" if date else ""


def plural(count: int, noun: str) -> str:
    """ "1 result", "5 results"."""
    return f"{count:,} {noun}{'s' * (count != 1)}"


def format_quote(quote: Quote) -> str:
    speaker = f" — {clean(quote.speaker)}" if quote.speaker else ""
    if quote.excerpt:
        speaker = " — excerpt from the article"
    return f"“{clean(quote.text)}”{speaker}"


def format_tags(tags: Sequence[str]) -> str:
    return " ".join(f"`{plain(t).replace('`', '')}`" for t in tags)


def shorten_path(path: str, limit: int = 60) -> str:
    """A file path within `limit`, keeping its start and its file name."""
    if len(path) <= limit:
        return path
    keep = limit - len(ELLIPSIS)
    tail = path[-(keep * 2 // 3) :]
    return path[: keep - len(tail)] + ELLIPSIS + tail


def path_code(path: str) -> str:
    """A file's path shortened, as a code span; a file name may hold a mention too."""
    return f"`{plain(shorten_path(path).replace('`', ''))}`"


def content(text: str) -> str:
    """Message content within Discord's 2000 characters."""
    return cut(text, CONTENT)


def reply_content(text: str) -> str:
    """A core reply (small talk, "no other article is much like …", the library's shape)
    as message content: the titles, tags and words it quotes from articles or the question
    with mentions defused, so none shows as a live @everyone or role/user mention (each
    request's allowed_mentions already keeps them from pinging; the admin replies that
    show a channel or role on purpose send through `content`), within the limit."""
    return content(plain(text))


# Where the bot may post but not embed, Discord drops a message's embeds and a reply shows
# only its buttons; the card goes as text instead, after this line.
NO_EMBEDS = (
    "*(I need the Embed Links permission in this channel to show cards; an admin can grant it.)*"
)


def embed_as_text(embed: discord.Embed) -> str:
    """An embed as message content, for a channel where the bot lacks Embed Links: the
    first line says why, then its author, title and link (in <>: no preview either), its
    description, fields ("**name**: value") and footer, within Discord's 2000 characters."""
    lines = [NO_EMBEDS]
    if embed.author.name:
        lines.append(f"-# {embed.author.name}")
    if embed.title:
        lines.append(f"**{embed.title}**" + (f" <{embed.url}>" if embed.url else ""))
    if embed.description:
        lines.append(embed.description)
    lines += [f"**{f.name}**: {f.value}" for f in embed.fields]
    dated = format_date(embed.timestamp) if embed.timestamp else ""
    if footer := " · ".join(filter(None, [embed.footer.text, dated])):
        lines.append(f"-# {footer}")
    return content("\n".join(lines))


# -- limits enforcement -----------------------------------------------------------------


def _embed_total(embed: discord.Embed) -> int:
    """The characters Discord counts against EMBED_TOTAL: title, description, footer,
    author and fields (read in place: see fit)."""
    total = len(embed.title or "") + len(embed.description or "")
    total += len(embed.footer.text or "") + len(embed.author.name or "")
    for f in embed.fields:
        total += len(f.name or "") + len(f.value or "")
    return total


def fit(embed: discord.Embed) -> discord.Embed:
    """Enforce every embed limit: per part, 25 fields, then 6000 in total."""
    # Every reply's embeds pass here (~1 an interaction under load), and nearly all fit
    # already: a part is set again only when cutting changed it, and the total is counted
    # in place rather than from to_dict() (17 -> ~6 us an embed, bench/README.md perf22).
    # The embed sent is the same: set_footer/set_author/add_field would rebuild the very
    # dicts they hold.
    if embed.title:
        embed.title = cut(embed.title, TITLE)
    if embed.description:
        embed.description = cut(embed.description, DESCRIPTION)
    footer = embed.footer
    if footer.text and len(footer.text) > FOOTER:
        embed.set_footer(text=cut(footer.text, FOOTER), icon_url=footer.icon_url)
    author = embed.author
    if author.name and len(author.name) > AUTHOR:
        embed.set_author(name=cut(author.name, AUTHOR), url=author.url, icon_url=author.icon_url)
    kept = embed.fields
    fields = [
        (cut(f.name or "\u200b", FIELD_NAME), cut(f.value or "\u200b", FIELD_VALUE), f.inline)
        for f in kept
    ][:FIELDS]
    if len(kept) != len(fields) or any(
        (k.name, k.value, k.inline) != field or not isinstance(k.inline, bool)
        for k, field in zip(kept, fields, strict=False)
    ):
        embed.clear_fields()
        for name, value, inline in fields:
            embed.add_field(name=name, value=value, inline=bool(inline))
    elif not kept:
        embed.clear_fields()  # as before: an embed without fields sends "fields": []
    over = _embed_total(embed) - EMBED_TOTAL
    if over > 0 and embed.description:
        room = max(len(embed.description) - over, 100)
        embed.description = cut(embed.description, room)
        over = _embed_total(embed) - EMBED_TOTAL
    while over > 0 and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
        over = _embed_total(embed) - EMBED_TOTAL
    if over > 0 and embed.description:
        embed.description = cut(embed.description, max(len(embed.description) - over, 1))
    return embed


# -- cards ------------------------------------------------------------------------------


def card_embed(article: Article) -> discord.Embed:
    """What every article card shares (answer, article, quote, summary, pick): the linked
    title; the source (person and site) as the author line; the article's date as the
    timestamp, which Discord shows in the reader's own time; the cover as thumbnail; the
    accent colour; the reading time as footer, or a note when the text was not saved."""
    embed = discord.Embed(
        title=cut(clean(article.title), TITLE) or "Untitled",
        url=safe_url(article.link),
        colour=ACCENT,
        timestamp=article.date,
    )
    line = source_line(article.author, article.link)
    if line:
        embed.set_author(name=cut(plain(line), AUTHOR))
    cover = article.cover_image
    if is_http(cover) and len(cover or "") <= 2000:
        embed.set_thumbnail(url=cover)
    if article.reading_minutes:
        embed.set_footer(text=f"{article.reading_minutes} min read")
    elif note := unsaved_text(article):
        embed.set_footer(text=note)
    return embed


def answer_embed(answer: Answer, bold: Sequence[tuple[int, int]] = ()) -> discord.Embed:
    """The /ask card: the passage as a quote block with the `bold` spans of it (the
    question's key words) in bold, then the summary, the quote and the tags."""
    article = answer.article
    if article is None:
        raise ValueError("an answer card needs an article; say what to do next instead")
    embed = card_embed(article)
    parts = []
    # Issue 15: an answer that may not answer says so in its first line, before the line
    # saying which article a follow-up is about.
    if answer.tentative:
        parts.append(f"*{TENTATIVE}*")
    if answer.followup:  # the card's title says which article; the line says why this one
        parts.append("*Following up on this article:*")
    if answer.passage:
        parts.append(quote_block(answer.passage, 1800, bold))
    if answer.series:  # which post of a series (series_note.py)
        parts.append(f"*{answer.series}*")
    if answer.summary and answer.summary != answer.passage:
        parts.append(cut(clean(answer.summary), 1800))
    note = unsaved_text(article)
    if note and not (answer.passage or answer.summary):
        # A card of a title and tags only says nothing where a member reads first: the
        # note moves from the small footer to the description.
        parts.append(f"*{note}*")
        embed.remove_footer()
    embed.description = "\n\n".join(parts) or None
    if answer.quote and answer.quote.text not in (answer.passage or ""):
        embed.add_field(
            name="Quote", value=cut(format_quote(answer.quote), FIELD_VALUE), inline=False
        )
    _tags_field(embed, article.tags)
    return fit(embed)


def compared_embed(answer: Answer) -> discord.Embed:
    """ "Compare A with B": the two articles as a numbered list, each linked, dated and
    followed by its gist (the passage's line for it), under the passage's first line;
    "closest match" first when a side was unsure. Not the answer card: its title, link,
    cover and tags would be the first side's alone, and the gists one run of text."""
    heading, *sides = (answer.passage or "").splitlines() or [""]
    pairs = list(zip(answer.alternatives, sides, strict=False))
    room = (DESCRIPTION - 100) // max(1, len(pairs))  # each side its share: both are seen
    items = []
    for n, (hit, side) in enumerate(pairs, start=1):
        line = _hit_line(n, hit.title, hit.link, hit.date)
        gist = side.removeprefix(f"“{hit.title}”:").strip()
        items.append(f"{line}\n{cut(clean(gist), max(100, min(1500, room - len(line) - 3)))}")
    parts = [f"*{TENTATIVE}*"] if answer.tentative else []
    embed = discord.Embed(
        title=cut(clean(heading), TITLE) or None,
        description="\n\n".join(parts + items) or None,
        colour=ACCENT,
    )
    return fit(embed)


def _tags_field(embed: discord.Embed, tags: Sequence[str]) -> None:
    if tags:
        embed.add_field(name="Tags", value=cut(format_tags(tags), FIELD_VALUE), inline=False)


def article_embed(article: Article, summary: str, quote: Quote | None = None) -> discord.Embed:
    """The full /article card: summary, quote (unless it says the summary again), tags."""
    embed = card_embed(article)
    embed.description = cut(clean(summary), 3000) or None
    quote = beside_summary(summary, quote)
    if quote is not None:
        embed.add_field(name="Quote", value=cut(format_quote(quote), FIELD_VALUE), inline=False)
    _tags_field(embed, article.tags)
    return fit(embed)


def quote_embed(article: Article, quote: Quote | None) -> discord.Embed:
    """A quote from an article (an excerpt when it quotes no one), or a note that it has no
    text to quote."""
    embed = card_embed(article)
    if quote is None:
        embed.description = "This article has no text to quote."
    else:
        speaker = f"\n— {clean(quote.speaker)}" if quote.speaker else ""
        if quote.excerpt:
            speaker = "\n— excerpt from the article"
        embed.description = cut(quote_block(quote.text, 3500) + speaker, DESCRIPTION)
    return fit(embed)


def summary_embed(article: Article, summary: str) -> discord.Embed:
    embed = card_embed(article)
    embed.description = cut(clean(summary), DESCRIPTION) or "No summary available."
    return fit(embed)


# -- lists and pages --------------------------------------------------------------------


def _hit_line(n: int, title: str, link: str | None, date: datetime | None, extra: str = "") -> str:
    name = cut(link_text(title), 200)
    url = safe_url(link)
    head = f"**{n}. [{name}]({url})**" if url else f"**{n}. {name}**"
    tail = " · ".join(x for x in (format_date(date), extra) if x)
    return f"{head}\n{tail}" if tail else head


def page_count(total: int, size: int) -> int:
    return max(1, math.ceil(total / size))


class Pages(Sequence[discord.Embed]):
    """Pages built the first time they are shown, then kept.

    A /tag list runs to 50 pages and most are never turned to; building them all before
    the first reply cost more than the search behind it.
    """

    def __init__(self, count: int, build: Callable[[int], discord.Embed]) -> None:
        self._count = count
        self._build = build
        self._built: dict[int, discord.Embed] = {}

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._count))]
        if i < 0:
            i += self._count
        if not 0 <= i < self._count:
            raise IndexError(i)
        page = self._built.get(i)
        if page is None:
            page = self._built[i] = self._build(i)
        return page


def search_pages(response: SearchResponse, size: int = PAGE_SIZE) -> Sequence[discord.Embed]:
    """The /search results, `size` per page, saying so when typos were corrected to find
    them (nothing found is guidance.next_steps_embed's)."""
    hits = response.hits
    count = page_count(len(hits), size)
    lead = f"Showing results for **{cut(clean(response.corrected), 200)}**\n\n"
    lead = lead if response.corrected else ""

    def page(p: int) -> discord.Embed:
        lines = []
        for i, hit in enumerate(hits[p * size : (p + 1) * size], start=p * size + 1):
            extra = format_tags(hit.tags[:5])
            line = _hit_line(i, hit.label or hit.title, hit.link, hit.date, extra)
            if hit.description:
                line += "\n" + cut(clean(hit.description), 300)
            lines.append(line)
        embed = discord.Embed(
            title=cut(f"Search: {clean(response.query)}", TITLE),
            description=lead + "\n\n".join(lines),
            colour=ACCENT,
        )
        embed.set_footer(text=f"Page {p + 1}/{count} · {plural(len(hits), 'result')}")
        return fit(embed)

    return Pages(count, page)


def error_embed(text: str) -> discord.Embed:
    """What every error and refusal looks like (always sent ephemerally). Markdown in
    `text` shows (user text in it is cleaned by whoever quotes it); mentions never ping;
    a channel the bot names shows as its link (journey22: "I cannot post in <​#…>")."""
    text = plain(text, channels=True)
    return fit(discord.Embed(description=cut(text, DESCRIPTION), colour=WARN))


@dataclass(frozen=True, slots=True)
class ListItem:
    """One line of an article list (/latest, /tag, related)."""

    title: str
    link: str | None
    date: datetime | None
    tags: tuple[str, ...] = ()


def item_of(obj: Any) -> ListItem:
    """A list line from anything with a title and date, and maybe a link and tags
    (ArticleMeta, SearchHit, Article, TitleChoice)."""
    title = getattr(obj, "label", "") or obj.title
    tags = tuple(getattr(obj, "tags", ()) or ())
    return ListItem(title, getattr(obj, "link", None), obj.date, tags)


def list_pages(
    heading: str,
    items: Sequence[Any],
    size: int = LIST_PAGE_SIZE,
    empty: str = "Nothing here.",
    tag: str | None = None,
) -> Sequence[discord.Embed]:
    """A titled, numbered article list, `size` per page; items as item_of takes them.
    `tag`: the tag every item has (a /tag list), left out of their lines."""
    heading = clean(heading)
    if not items:
        return [fit(discord.Embed(title=cut(heading, TITLE), description=empty, colour=WARN))]
    count = page_count(len(items), size)

    def page(p: int) -> discord.Embed:
        lines = []
        for i, obj in enumerate(items[p * size : (p + 1) * size], start=p * size + 1):
            it = item_of(obj)
            tags = [t for t in it.tags if t != tag][:5]
            lines.append(_hit_line(i, it.title, it.link, it.date, format_tags(tags)))
        embed = discord.Embed(
            title=cut(heading, TITLE), description="\n".join(lines), colour=ACCENT
        )
        if count > 1:
            embed.set_footer(text=f"Page {p + 1}/{count} · {plural(len(items), 'article')}")
        return fit(embed)

    return Pages(count, page)


def more_in_tag(embed: discord.Embed, tag: str, shown: int) -> discord.Embed:
    """A list of a tag's newest `shown` articles says where to page through all of them
    (/tag pages them; a reply to a question lists a few)."""
    name = cut(tag.replace("`", ""), 100)
    embed.set_footer(text=f"The newest {shown} · /tag {name} pages through every one")
    return fit(embed)


def tags_pages(tags: Sequence[tuple[str, int]], size: int = 20) -> Sequence[discord.Embed]:
    """Every tag with its article count, most used first."""
    if not tags:
        return [fit(discord.Embed(title="Tags", description="The library has no tags yet."))]
    count = page_count(len(tags), size)

    def page(p: int) -> discord.Embed:
        lines = [
            f"`{cut(t.replace('`', ''), 100)}` — {plural(n, 'article')}"
            for t, n in tags[p * size : (p + 1) * size]
        ]
        embed = discord.Embed(title="Tags", description="\n".join(lines), colour=ACCENT)
        embed.set_footer(
            text=f"Page {p + 1}/{count} · {plural(len(tags), 'tag')} · /tag NAME lists one"
        )
        return fit(embed)

    return Pages(count, page)


# -- admin ------------------------------------------------------------------------------


def reload_embed(
    report: ReloadReport,
    max_listed: int = 10,
    *,
    served: int | None = None,
    stale: int = 0,
    same_links: Sequence[Sequence[str]] = (),
) -> discord.Embed:
    """What a reload changed, with failing files (paths and reasons shortened); `served`,
    the articles the library serves after it (none: its folder holds no article, said so
    rather than a row of zeros), `stale` how many of them a failing file's last good
    version serves (journey23: an admin who broke a served file saw only "1 failed");
    `same_links`, the files whose articles share a link (journey27: a copy added by
    mistake was "2 added", then every list and search showed the article twice)."""
    colour = (
        WARN
        if report.failed or report.warned or served == 0 or same_links
        else discord.Colour.green()
    )
    embed = discord.Embed(title="Library reloaded", colour=colour)
    embed.description = (
        " · ".join(f"**{n}** {label}" for n, label in report.counts())
        + (f" · of them **{len(report.warned)}** served with warnings" if report.warned else "")
        + f"\nTook {report.seconds:.2f} s"
    )
    if served == 0:
        embed.description += (
            "\nNo article is served: the content folder holds no article that could be read."
            " Put Markdown files (`.md`, `.markdown`) with a title in their frontmatter there,"
            " then /reload."
        )
    if stale:
        embed.description += (
            f"\nStill served as last read well: {plural(stale, 'article')} whose file fails"
            " now, until it is fixed."
        )
    if report.removed_paths:
        names = [path_code(p) for p in report.removed_paths[:5]]
        if report.removed > len(names):
            names.append(f"…and {report.removed - len(names)} more")
        embed.add_field(name="Removed", value=cut("\n".join(names), FIELD_VALUE), inline=False)
    if report.moved:
        # Said apart from Removed: a renamed file's article is still served (journey25:
        # "1 removed" naming the old path read as lost content).
        lines = [f"{path_code(old)} → {path_code(new)}" for old, new in report.moved[:max_listed]]
        if len(report.moved) > max_listed:
            lines.append(f"…and {len(report.moved) - max_listed} more")
        embed.add_field(name="Renamed", value=cut("\n".join(lines), FIELD_VALUE), inline=False)
    if report.failed:
        lines = [
            f"{path_code(f.path)}: {cut(clean(f.error), 120)}"
            + (" (last good version still served)" if f.kept else "")
            for f in report.failed[:max_listed]
        ]
        if len(report.failed) > max_listed:
            lines.append(f"…and {len(report.failed) - max_listed} more")
        embed.add_field(name="Failed", value=cut("\n".join(lines), FIELD_VALUE), inline=False)
    if report.renamed:
        lines = [cut(clean(r), 150) for r in report.renamed[:5]]
        if len(report.renamed) > 5:
            lines.append(f"…and {len(report.renamed) - 5} more")
        embed.add_field(
            name="Renamed slugs", value=cut("\n".join(lines), FIELD_VALUE), inline=False
        )
    if report.warned:
        # Served, but undated or untagged: without this the admin never hears of it.
        lines = [
            f"{path_code(w.path)}: {cut(clean(w.warning), 120)}"
            for w in report.warned[:WARNED_NAMED]
        ]
        if len(report.warned) > WARNED_NAMED:
            lines.append(f"…and {len(report.warned) - WARNED_NAMED} more")
        embed.add_field(
            name="Served with warnings", value=cut("\n".join(lines), FIELD_VALUE), inline=False
        )
    if same_links:
        lines = [" = ".join(path_code(p) for p in paths[:3]) for paths in same_links[:5]]
        lines.append("Copies? Each is listed and searched apart: remove one, then /reload.")
        embed.add_field(name="Same link", value=cut("\n".join(lines), FIELD_VALUE), inline=False)
    return fit(embed)


@dataclass(frozen=True, slots=True)
class StatusInfo:
    """Everything /status shows, gathered by the cog."""

    articles: int
    tags: int
    files: int
    failing: Sequence[tuple[str, str, bool]]  # path, reason, its last good version served
    stale: int
    last_reload: dict | None
    watcher: str | None  # "on"/"off" plus the watcher's last result
    cache_bytes: int
    uptime_seconds: float
    latency_seconds: float | None
    version: str
    shards: str
    state: str
    warning: str | None = None  # e.g. why the last reload was refused
    warned: Sequence[tuple[str, str]] = ()  # path, what its article was served without


def format_duration(seconds: float) -> str:
    seconds = int(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    parts = (
        [f"{days}d"] * bool(days) + [f"{hours}h"] * bool(hours) + [f"{minutes}m"] * bool(minutes)
    )
    return " ".join(parts + [f"{secs}s"]) if not days else " ".join(parts)


def discord_time(stamp: object) -> str:
    """An ISO 8601 time as Discord's timestamp markup (the reader's own time zone, then
    how long ago: "7 December 2026 03:49 (2 hours ago)"); what is not one, as it is."""
    if not stamp:
        return "?"
    try:
        at = datetime.fromisoformat(str(stamp))
    except ValueError:
        return clean(str(stamp)) or "?"
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    unix = int(at.timestamp())
    return f"<t:{unix}:f> (<t:{unix}:R>)"


def status_embed(info: StatusInfo) -> discord.Embed:
    warn = info.failing or info.warning
    embed = discord.Embed(title="ArticleBot status", colour=WARN if warn else ACCENT)
    if info.warning:
        embed.add_field(name="Warning", value=cut(clean(info.warning), FIELD_VALUE), inline=False)
    embed.add_field(name="Articles", value=f"{info.articles:,} from {info.files:,} files")
    embed.add_field(name="Tags", value=f"{info.tags:,}")
    embed.add_field(name="Cache size", value=f"{info.cache_bytes / 1e6:.1f} MB")
    lr = info.last_reload
    if lr:
        # In words, as /reload says it ("+14 ~0 -0" was a diff's shorthand an admin had
        # to decode), at a time Discord shows in the reader's own zone and as "2 hours ago".
        text = (
            f"{discord_time(lr.get('at'))}: {counts_text(counts_of(lr))}{warned_count(lr)};"
            f" took {float(lr.get('seconds') or 0):.2f} s"
        )
    else:
        text = "never"
    embed.add_field(name="Last reload", value=text, inline=False)
    if info.watcher:
        embed.add_field(
            name="Content watcher", value=cut(clean(info.watcher), FIELD_VALUE), inline=False
        )
    if info.failing:
        lines = [
            f"{path_code(p)}: {cut(clean(e), 100)}" + (" (still served)" if kept else "")
            for p, e, kept in info.failing[:8]
        ]
        if len(info.failing) > 8:
            lines.append(f"…and {len(info.failing) - 8} more")
        stale = f" ({info.stale} still served from an older version)" if info.stale else ""
        embed.add_field(
            name=f"Failing files: {len(info.failing)}{stale}",
            value=cut("\n".join(lines), FIELD_VALUE),
            inline=False,
        )
    else:
        embed.add_field(name="Failing files", value="none")
    if info.warned:
        # Served undated or untagged: said while the file holds it, not by one reload only.
        lines = [f"{path_code(p)}: {cut(clean(w), 100)}" for p, w in info.warned[:WARNED_NAMED]]
        if len(info.warned) > WARNED_NAMED:
            lines.append(f"…and {len(info.warned) - WARNED_NAMED} more")
        embed.add_field(
            name=f"Served with warnings: {len(info.warned)}",
            value=cut("\n".join(lines), FIELD_VALUE),
            inline=False,
        )
    embed.add_field(name="Uptime", value=format_duration(info.uptime_seconds))
    latency = info.latency_seconds
    ok = latency is not None and math.isfinite(latency)
    embed.add_field(name="Gateway latency", value=f"{latency * 1000:.0f} ms" if ok else "n/a")
    embed.add_field(name="Version", value=info.version)
    embed.add_field(name="Shards", value=info.shards)
    embed.add_field(name="State", value=cut(info.state, FIELD_VALUE))
    return fit(embed)


# -- components -------------------------------------------------------------------------


def button_label(text: str) -> str:
    return cut(plain(text), BUTTON_LABEL) or "…"


def choice_name(choice: TitleChoice) -> str:
    return cut(choice.label, CHOICE_NAME) or choice.slug[:CHOICE_NAME]


def choice_value(choice: TitleChoice) -> str:
    """The slug when it fits (exact lookup), else the label (find() resolves titles)."""
    if len(choice.slug) <= CHOICE_VALUE:
        return choice.slug
    return choice.label[:CHOICE_VALUE]


def title_choices(choices: Sequence[TitleChoice]) -> list[app_commands.Choice[str]]:
    """Autocomplete choices for article titles, within Discord's limits."""
    return [
        app_commands.Choice(name=choice_name(c), value=choice_value(c)) for c in choices[:CHOICES]
    ]


def menu_entries(
    items: Sequence[Any], limit: int = SELECT_OPTIONS, tag: str | None = None
) -> list[tuple[str, str, str | None]]:
    """(slug, label, description) for a select menu of articles, each article once and at
    most `limit`: the title as label, the date and first tags (but `tag`) as description."""
    out: list[tuple[str, str, str | None]] = []
    seen: set[str] = set()
    # item_of's fields read in place: ~0.7 menus an interaction under load, and the
    # ListItem and generator joins made per entry were a third of building a menu.
    for obj in items:
        slug = obj.slug
        if slug in seen:
            continue
        seen.add(slug)
        title = getattr(obj, "label", "") or obj.title
        tags = getattr(obj, "tags", ()) or ()
        listed = ", ".join(tags if tag is None else [t for t in tags if t != tag])
        date = format_date(obj.date)
        about = f"{date} · {listed}" if date and listed else date or listed
        label = cut(plain(title), OPTION_LABEL) or slug[:OPTION_LABEL]
        out.append((slug, label, cut(plain(about), OPTION_DESCRIPTION) or None))
        if len(out) == limit:
            break
    return out
