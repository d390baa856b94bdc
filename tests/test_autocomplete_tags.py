"""A title typed in part that no title matches offers the articles of the tags it starts
(Policy.autocomplete_by_tag; journey27: "polon" offered nothing for the Polonius post, whose
title never says Polonius but whose tag does)."""

from __future__ import annotations

from bot.library.sync import Library
from bot.search.engine import SearchEngine
from bot.search.policy import DEFAULT

BIRDS = "Citizen scientists count a record number of garden birds"
SALMON = "River restoration brings salmon back to the Wendle"


async def test_a_tags_start_offers_its_articles_newest_first(bundled_library: Library) -> None:
    choices = await SearchEngine(bundled_library).autocomplete("wildl")
    assert [c.title for c in choices] == [BIRDS, SALMON]  # 2026-01-26, then 2025-11-03
    off = SearchEngine(bundled_library, policy=DEFAULT.with_(autocomplete_by_tag=0))
    assert await off.autocomplete("wildl") == []


async def test_a_title_match_is_offered_alone(bundled_library: Library) -> None:
    # "Sleep" is a tag and in a title ("Teenagers sleep…"): the title's choices stand.
    choices = await SearchEngine(bundled_library).autocomplete("sleep")
    assert choices and all("sleep" in c.title.lower() for c in choices)
    assert await SearchEngine(bundled_library).autocomplete("zzqx") == []
