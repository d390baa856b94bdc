"""Plain-text renderings the console chat and the command line share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Protocol

from bot.library.model import Article, Quote
from bot.library.report import (
    REMOVED_NAMED,
    WARNED_NAMED,
    FileFailure,
    LibraryStats,
    ReloadReport,
    counts_of,
    counts_text,
    warned_count,
)
from bot.search.bylines import source_line
from bot.search.results import Lookup


class Dated(Protocol):
    @property
    def date(self) -> datetime | None: ...


def date_text(item: Dated) -> str:
    """An article's date as YYYY-MM-DD, or "undated"."""
    return f"{item.date:%Y-%m-%d}" if item.date else "undated"


def title_and_date(item: Any) -> tuple[str, str]:
    """The name a list shows (the label, else the title) and its date as date_text writes
    it, or "" when the name already ends with that date: a label dates repeated titles
    ("Update (2019-12-10)"), and so may a title itself."""
    name = getattr(item, "label", "") or item.title
    date = date_text(item)
    return name, "" if name.endswith(f"({date})") else date


def byline(article: Article) -> str:
    """ "Author · site · YYYY-MM-DD", each part left out when unknown ("" for none); an
    author that is a domain is the site, never a person."""
    source = source_line(article.author, article.link)
    return " · ".join(p for p in (source, article.date and date_text(article)) if p)


def quote_text(quote: Quote) -> str:
    if quote.excerpt:
        return f"“{quote.text}” — excerpt from the article"
    return f"“{quote.text}”" + (f" — {quote.speaker}" if quote.speaker else "")


def did_you_mean(lookup: Lookup) -> str:
    """ " Did you mean “A” or “B”?" from a lookup's suggestions ("" without any)."""
    if not lookup.suggestions:
        return ""
    return " Did you mean " + " or ".join(f"“{c.label}”" for c in lookup.suggestions) + "?"


def stats_lines(stats: LibraryStats, *, max_tags: int = 30) -> list[str]:
    """Counts, the last reload, the cache size, the commonest tags, the failing files and
    the first files served with warnings."""
    lines = [f"{stats.articles} articles from {stats.files} files, {len(stats.tags)} tags"]
    if stats.last_reload:
        lr = stats.last_reload
        lines.append(f"last reload {lr.get('at')}: {counts_text(counts_of(lr))}{warned_count(lr)}")
    else:
        lines.append("never reloaded: run `reload`")
    lines.append(f"cache {stats.db_bytes / 1e6:.1f} MB")
    if stats.tags:
        lines.append("tags: " + ", ".join(f"{t} ({n})" for t, n in stats.tags[:max_tags]))
    lines += [f"failing: {f.path}: {f.error}{_still_served(f)}" for f in stats.failing]
    lines += [f"warning: {w.path}: {w.warning}" for w in stats.warned[:WARNED_NAMED]]
    if len(stats.warned) > WARNED_NAMED:
        lines.append(f"… and {len(stats.warned) - WARNED_NAMED} more served with warnings")
    return lines


def report_lines(report: ReloadReport) -> list[str]:
    """What a reload changed, then the files whose articles it removed (the first few),
    each file renamed (old -> new), each failed file (and whether its last good version is still served) and each
    renamed slug, then the first files served with warnings (a frontmatter value dropped)."""
    json = report.as_json()
    lines = [f"reload: {counts_text(report.counts())}{warned_count(json)} in {report.seconds:.2f}s"]
    if report.removed_paths:
        more = report.removed - len(report.removed_paths)
        lines.append(
            "  removed " + ", ".join(report.removed_paths) + (f" and {more} more" if more else "")
        )
    # The first few, as removed files: an export re-run renaming every file of a library
    # printed one line a file (18,817 of them, hard26).
    lines += [f"  renamed {old} -> {new}" for old, new in report.moved[:REMOVED_NAMED]]
    if len(report.moved) > REMOVED_NAMED:
        lines.append(f"  … and {len(report.moved) - REMOVED_NAMED} more renamed")
    lines += [f"  failed  {f.path}: {f.error}{_still_served(f)}" for f in report.failed]
    lines += [f"  renamed {r}" for r in report.renamed]
    lines += [f"  warning {w.path}: {w.warning}" for w in report.warned[:WARNED_NAMED]]
    if len(report.warned) > WARNED_NAMED:
        lines.append(f"  … and {len(report.warned) - WARNED_NAMED} more served with warnings")
    return lines


def _still_served(failure: FileFailure) -> str:
    return "; its last good version is still served" if failure.kept else ""


def list_lines(items: Sequence[Any], limit: int) -> list[str]:
    """ "- Title (YYYY-MM-DD)" for each listed article, at most `limit` of them."""
    return _lines(items, limit, lambda n: "-")


def numbered_lines(items: Sequence[Any], limit: int) -> list[str]:
    """ " 1. Title (YYYY-MM-DD)" for each listed article, at most `limit` of them."""
    return _lines(items, limit, lambda n: f"{n:2}.")


def _lines(items: Sequence[Any], limit: int, mark: Callable[[int], str]) -> list[str]:
    lines = []
    for n, m in enumerate(items[:limit], 1):
        name, date = title_and_date(m)
        lines.append(f"{mark(n)} {name}" + (f" ({date})" if date else ""))
    if len(items) > limit:
        lines.append(f"… and {len(items) - limit} more")
    return lines
