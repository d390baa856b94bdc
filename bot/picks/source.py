"""Pick candidates from the article cache: what the service's `candidates` callable returns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.library.model import ArticleMeta
from bot.picks.select import PickCandidate, filter_by_tags
from bot.search.summary import is_real_summary

if TYPE_CHECKING:
    from bot.library.sync import Library
    from bot.picks.service import CandidateSource, RenamedSlugs


def candidate_from_meta(meta: ArticleMeta) -> PickCandidate:
    """A pick candidate from an article's light columns."""
    return PickCandidate(
        slug=meta.slug,
        title=meta.title,
        date=meta.date,
        tags=tuple(meta.tags),
        has_good_summary=is_real_summary(meta.description, meta.title),
        has_cover=bool(meta.cover_image),
    )


def library_candidates(library: Library) -> CandidateSource:
    """A `candidates(tags)` callable over the library's cache for PicksService; it reads the
    cache as it is at each call, so picks follow reloads."""

    async def candidates(tags: list[str] | None) -> list[PickCandidate]:
        store = library.store or await library.open()
        metas = await store.all_meta()
        return filter_by_tags((candidate_from_meta(m) for m in metas), tags)

    return candidates


def library_renamed(library: Library) -> RenamedSlugs:
    """A `renamed()` callable for PicksService: old slug -> the slug a reload renamed its
    article to, read from the cache at each call."""

    async def renamed() -> dict[str, str]:
        store = library.store or await library.open()
        return await store.slug_aliases()

    return renamed
