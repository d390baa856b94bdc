"""Related articles (an article card's menu, the CLI's `related`): the articles sharing an
article's rare title and description words and its tags come first; never the article
itself or another of the same title."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.search import tables
from tests.conftest import small_engine


def _article(slug: str, title: str, tags: list[str], description: str = "") -> str:
    return (
        f"---\ntitle: {title}\nslug: {slug}\ndate: '2025-03-01T10:00:00Z'\n"
        f"description: {description!r}\ntags: [{', '.join(tags)}]\n---\n"
        f"<p>{title}. {description}</p>\n"
    )


LIBRARY = {
    "basics.md": _article(
        "starter-basics",
        "Sourdough starter basics",
        ["baking"],
        "How to feed a starter and keep it alive.",
    ),
    "same.md": _article("starter-basics-again", "Sourdough starter basics", ["baking"]),
    "revive.md": _article("reviving", "Reviving a neglected sourdough starter", ["baking"]),
    "bread.md": _article(
        "bread",
        "Ten bread recipes for beginners",
        ["baking"],
        "From sourdough loaves to flatbreads.",
    ),
    "garden.md": _article("garden", "Vegetable garden basics", ["garden"]),
    "tea.md": _article(
        "tea", "Fermented drinks for summer", ["drinks"], "Kombucha, kefir and ginger beer."
    ),
    "kombucha.md": _article("kombucha", "Kombucha at home", ["fermenting"]),
    "council.md": _article("council", "Town council approves cycling lanes", ["town"]),
    "market.md": _article("market", "Farmers market moves to the square", ["town"]),
    "lone.md": _article("lone", "Quantum widgets", ["physics"]),
}


async def test_related_articles_share_rare_words_and_tags(tmp_path: Path) -> None:
    async with small_engine(tmp_path, LIBRARY) as engine:
        found = [h.slug for h in await engine.related("starter-basics")]
        # Two rare title words and the tag first, then the tag and a description word, then
        # one title word; neither the article itself nor its namesake, nor unrelated ones.
        assert found == ["reviving", "bread", "garden"]
        hits = await engine.related("starter-basics", limit=1)
        assert [h.slug for h in hits] == ["reviving"] and 0 < hits[0].score <= 100
        # A word of a description finds the article whose title has it.
        assert "kombucha" in [h.slug for h in await engine.related("tea")]
        # Sharing nothing with the library: nothing related, rather than anything.
        assert await engine.related("lone") == []
        assert await engine.related("no-such-article") == []


async def test_related_articles_decode_no_record_but_the_article_and_those_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every card lists them: the candidates are scored on their title keys, descriptions
    # and tags alone, and only the articles shown become results (whole records decoded,
    # an ArticleMeta and a date each, were a sixth of a card's related articles at 100k).
    async with small_engine(tmp_path, LIBRARY) as engine:
        idx = await engine.index()
        decoded: list[int] = []
        whole = tables.decode_record

        def counted(aid: int, text: str):  # type: ignore[no-untyped-def]
            decoded.append(aid)
            return whole(aid, text)

        monkeypatch.setattr(tables, "decode_record", counted)
        idx.entries._kept.clear()
        hits = await engine.related("starter-basics", limit=1)
        assert [h.slug for h in hits] == ["reviving"]
        assert sorted(decoded) == sorted({idx.by_slug["starter-basics"], idx.by_slug["reviving"]})
