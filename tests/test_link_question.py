"""The words beside an article's pasted address are asked of that article
(Policy.link_question_asked; journey27: "<link> what did it stabilise" got the card alone)."""

from __future__ import annotations

from bot.library.sync import Library
from bot.search.engine import SearchEngine
from bot.search.policy import DEFAULT

REPAIR = "https://articlebot.example/community/repair-cafe-fixes-record-number-of-toasters/"


async def test_a_question_beside_a_link_is_answered_from_its_article(
    bundled_library: Library,
) -> None:
    engine = SearchEngine(bundled_library)
    answer = await engine.ask(f"{REPAIR} how many toasters did they fix")
    assert answer.article is not None and REPAIR.rstrip("/") in (answer.article.link or "")
    assert answer.passage and "212" in answer.passage
    assert answer.question == f"{REPAIR} how many toasters did they fix"
    # Words asking nothing of it: its card, as before.
    card = await engine.ask(f"can you find this one {REPAIR}")
    assert card.article is not None and card.passage is None and card.summary
    off = SearchEngine(bundled_library, policy=DEFAULT.with_(link_question_asked=0))
    old = await off.ask(f"{REPAIR} how many toasters did they fix")
    assert old.article is not None and old.passage is None
