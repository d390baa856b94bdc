"""What the command line prints: its JSON shapes (a contract other tools rely on, listed in
the README), the text of an article, and the one-line error for a user's mistake."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from bot.library.model import Article, ArticleMeta, Quote
from bot.picks.model import PicksSettings
from bot.picks.service import PreviewPick
from bot.search.results import Lookup
from bot.service import ArticleCard
from bot.terminal import byline, quote_text


class UsageError(Exception):
    """Something the user asked for cannot be done; exit code 2."""


def emit(data: Any, out: TextIO | None = None) -> None:
    """One JSON object on one line, flushed (batch callers read the answers as they come)."""
    out = out or sys.stdout  # looked up now: a caller (or a test) may have replaced it
    out.write(json.dumps(data, ensure_ascii=False) + "\n")
    out.flush()


def not_found(title: str, lookup: Lookup) -> UsageError:
    """The error for a title that names no article, with the closest titles."""
    hint = "; ".join(c.label for c in lookup.suggestions)
    return UsageError(
        f"no article titled {title!r}" + (f" — did you mean: {hint}?" if hint else "")
    )


# -- JSON shapes -----------------------------------------------------------------------


def ref_json(article: Article | ArticleMeta) -> dict[str, Any]:
    """An article named in another answer: as `ask`'s "article"."""
    return {"slug": article.slug, "title": article.title, "link": article.link}


def listed_json(meta: ArticleMeta) -> dict[str, Any]:
    """An article in a list: as a `search` result without its score."""
    return {
        **ref_json(meta),
        "date": meta.date.isoformat() if meta.date else None,
        "tags": list(meta.tags),
    }


def quote_json(quote: Quote | None) -> dict[str, Any] | None:
    if quote is None:
        return None
    return {"text": quote.text, "speaker": quote.speaker, "kind": quote.kind}


def article_json(card: ArticleCard) -> dict[str, Any]:
    """One whole article (`show`, `random`)."""
    a = card.article
    return {
        "slug": a.slug,
        "title": a.title,
        "author": a.author,
        "date": a.date.isoformat() if a.date else None,
        "link": a.link,
        "tags": list(a.tags),
        "description": a.description,
        "summary": card.summary,
        "quotes": [quote_json(q) for q in a.quotes],
        "reading_minutes": a.reading_minutes,
    }


def preview_json(guild_id: int, settings: PicksSettings, picks: list[PreviewPick]) -> dict:
    """`picks preview`: the server's schedule and its next picks."""
    return {
        "guild": guild_id,
        "time": settings.time,
        "timezone": settings.timezone,
        "enabled": settings.enabled,
        "channel_id": settings.channel_id,
        "picks": [
            {
                "day": p.day.isoformat(),
                "run_at": p.run_at.isoformat(),
                "slug": p.candidate.slug if p.candidate else None,
                "title": p.candidate.title if p.candidate else None,
                "skipped": p.skipped,
            }
            for p in picks
        ],
    }


# -- text ------------------------------------------------------------------------------


def article_text(card: ArticleCard) -> str:
    """An article for a terminal: title, byline, link, tags, length, summary, 3 quotes."""
    a = card.article
    lines = [a.title]
    lines += [x for x in (byline(a), a.link) if x]
    if a.tags:
        lines.append("tags: " + ", ".join(a.tags))
    lines += [f"{a.reading_minutes} min read", "", card.summary]
    for q in a.quotes[:3]:
        lines += ["", quote_text(q)]
    return "\n".join(lines)


def answer_text(data: dict[str, Any], tentative: str | None = None) -> str:
    """An answer for a terminal (`ask` without --json), from its JSON (`data`, with an
    article): `tentative` first when given, the title, the passage shown, the series note
    and summary, the quote, the link and the other matches. One blank line between parts:
    an empty summary (stock27's Rust release posts) left two between passage and quote."""
    lines = [tentative] if tentative else []
    lines.append(data["article"]["title"])
    told = [t for t in (data.get("series"), data["summary"]) if t]
    if data["answer"]:
        lines += ["", f"> {data['answer']}"] + ([""] if told else [])
    lines += told
    if q := data["quote"]:
        lines += ["", f"“{q['text']}”" + (f" — {q['speaker']}" if q["speaker"] else "")]
    if data["article"]["link"]:
        lines += ["", data["article"]["link"]]
    lines += [f"  see also: {alt['title']}" for alt in data["alternatives"]]
    return "\n".join(lines)


def preview_text(guild_id: int, settings: PicksSettings, picks: list[PreviewPick]) -> str:
    """`picks preview` for a terminal, one line a day."""
    state = "on" if settings.enabled and settings.channel_id else "off or no channel set"
    lines = [
        f"next {len(picks)} picks for guild {guild_id} "
        f"(daily at {settings.time} {settings.timezone}; picks {state}):"
    ]
    for p in picks:
        when = p.run_at.strftime("%a %Y-%m-%d %H:%M %Z")
        if p.skipped:
            what = "(skipped, as a moderator asked)"
        elif p.candidate is None:
            what = "(nothing to pick)"
        else:
            what = f"{p.candidate.title}  [{p.candidate.slug}]"
        lines.append(f"  {when}  {what}")
    return "\n".join(lines)
