"""Pick candidates from the article cache: what the service's `candidates` callable returns."""

from __future__ import annotations

from bot.library.model import ArticleMeta
from bot.picks.select import PickCandidate, filter_by_tags
from bot.search.summary import is_real_summary
from bot.store.articles import ArticleStore


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


def store_candidates(store: ArticleStore):
    """A `candidates(tags)` callable over the article cache for PicksService."""

    async def candidates(tags: list[str] | None) -> list[PickCandidate]:
        metas = await store.all_meta()
        return filter_by_tags((candidate_from_meta(m) for m in metas), tags)

    return candidates
