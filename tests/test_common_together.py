"""One distinctive word of the question held together, one the library writes in many of
its articles and that the article's title and opening do not name, is no sign the article
is about the question (Policy.common_together_terms): the closest match at most. "why
doesnt go have exceptions" was answered with confidence by a post on comparable types
through "the exception doesn't apply"."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.parse import parse
from bot.search.policy import DEFAULT
from bot.search.rerank import Asked
from bot.search.results import HIGH, LOW
from tests.conftest import small_engine, tool_post

# Five posts of twelve write "exception" in passing, each about something else.
_ASIDES = [
    (
        "ledger-backups",
        "Ledger backups run nightly",
        "Backups of the ledger run every night "
        "and are kept for a month, with one exception: the year-end copy is kept forever.",
    ),
    (
        "kiln-schedule",
        "Kiln firing schedule for spring",
        "The kiln fires on Mondays and "
        "Thursdays. The one exception is the week of the open studio.",
    ),
    (
        "harbour-permits",
        "Harbour parking permits renewed",
        "Permits are renewed each March. "
        "Residents are the exception and keep theirs for two years.",
    ),
    (
        "choir-rota",
        "The choir rota for the summer",
        "Everyone sings every other week; the exception is the soloists, who sing each week.",
    ),
]
_POSTS = {
    f"{slug}.md": tool_post(slug, title, body)
    for slug, title, body in [
        *_ASIDES,
        (
            "comparable-types",
            "All your comparable types",
            "Comparable types can be compared "
            "with the equality operator. Interfaces are comparable but may panic at run time. "
            "We go through each case here. Therefore the exception doesn't apply. Strict "
            "comparability is enforced most of the time.",
        ),
        (
            "garden-tools",
            "Sharpening garden tools",
            "A whetstone keeps shears sharp. Oil the blades after each use.",
        ),
        (
            "bread-starter",
            "Keeping a bread starter alive",
            "Feed the starter flour and water daily. A cold fridge slows it down.",
        ),
        (
            "bike-chain",
            "Cleaning a bike chain",
            "Degrease the chain, rinse it and oil each link sparingly.",
        ),
        (
            "tide-tables",
            "Reading tide tables",
            "High water comes about twelve hours and twenty-five minutes apart.",
        ),
        (
            "seed-library",
            "The seed library opens",
            "Members borrow seeds in spring and return seeds from their harvest in autumn.",
        ),
        (
            "night-sky",
            "A guide to the night sky",
            "Orion is easy to find in winter by its belt of three stars.",
        ),
        (
            "loom-repair",
            "Repairing an old loom",
            "The heddles were rusted and the warp beam cracked; both were replaced.",
        ),
    ]
}


async def test_a_common_word_held_alone_in_passing_is_the_closest_match(tmp_path: Path) -> None:
    question = "why doesnt go have exceptions"
    rule_off = DEFAULT.with_(common_together_terms=0)
    async with small_engine(tmp_path, _POSTS) as engine:
        answer = await engine.ask(question)
        off = await SearchEngine(engine.library, policy=rule_off).ask(question)
        # A word few of the articles hold, held the same way, still decides.
        rare = await engine.ask("why doesnt go have interfaces")
    assert off.article is not None and off.article.slug == "comparable-types"
    assert off.confidence == HIGH, off.passage
    assert answer.article is not None and answer.article.slug == "comparable-types"
    assert answer.confidence == LOW, answer.passage
    assert rare.article is not None and rare.article.slug == "comparable-types"
    assert rare.confidence == HIGH, rare.passage


def test_a_word_is_common_by_its_share_of_a_library_counted_at_least_prior_library() -> None:
    q = parse("what is the coating made from")
    weights = {w: 1.0 for w in q.content}
    # 150 of 1,000 articles: common; 2 of the 14 bundled ones are not (a small library
    # counts as Policy.prior_library articles), nor any word when the size is not known.
    assert "coat" in Asked.of(q, weights, {"coating": 150}, n=1000).common
    assert "coat" not in Asked.of(q, weights, {"coating": 2}, n=14).common
    assert not Asked.of(q, weights, {"coating": 150}).common


# A post whose opening is about moving house and which says, past its opening, the whole
# of a three-word question with the common word ("exception") among it.
_SAID_WHOLE = {
    **_POSTS,
    "moving-day.md": tool_post(
        "moving-day",
        "Our moving day",
        "We packed the van on Friday. The boxes went first. The sofa would not fit through "
        "the door. Every room was emptied by noon. The one exception was the attic, which "
        "stayed full until Sunday.",
    ),
}


async def test_a_common_word_said_with_every_word_of_the_question_is_not_alone(
    tmp_path: Path,
) -> None:
    # "what room was the one exception": every word of it in one passage of
    # a post whose title and opening never write "exception" (refuse26: "where did the go
    # blog move to", fresh15, held at the closest match at 0.965).
    question = "what room was the one exception"
    rule_off = DEFAULT.with_(common_whole_terms=0)
    async with small_engine(tmp_path, _SAID_WHOLE) as engine:
        answer = await engine.ask(question)
        off = await SearchEngine(engine.library, policy=rule_off).ask(question)
        # A question the passage does not hold whole stays the closest match.
        part = await engine.ask("which room was an exception every time")
    assert off.article is not None and off.article.slug == "moving-day"
    assert off.confidence == LOW, off.passage
    assert answer.article is not None and answer.article.slug == "moving-day"
    assert answer.confidence == HIGH, answer.passage
    assert part.confidence != HIGH, part.passage
