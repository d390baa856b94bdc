"""How sure `ask` is when the library holds only part of a question (issue 15, refuse15):
a word typed that no article holds, a brand the article names by its kind."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.policy import DEFAULT
from bot.search.results import LOW
from tests.conftest import small_engine
from tests.test_ask import _article

# A post holding "pruned" and, apart from it, "roles"; others holding "roles" too, so that
# "roses", in no article, is read as "roles".
MODULES = {
    "m.md": _article(
        "modules",
        "Twelve years of the module system",
        "<p>In August 2021, the release introduced pruned module graphs, so builds read "
        "fewer files.</p><p>Several maintainers took on new roles in the project this "
        "year.</p>",
    ),
    **{
        f"r{k}.md": _article(
            f"roles-{k}", f"Staff news {k}", f"<p>Editors swapped roles in week {k}.</p>"
        )
        for k in range(4)
    },
}


async def test_one_word_held_beside_a_typo_guess_is_the_closest_match(tmp_path: Path) -> None:
    # "when should i prune roses": "roses" is in no article, the search reads "roles", and
    # the best passage holds only "pruned": that one word is all the post says of the
    # question, so it is the closest match, however high its score (here the confident
    # floor is lowered so the score alone would be confident: Policy.guess_apart_terms).
    sure = DEFAULT.with_(answer_threshold=0.5)
    off = sure.with_(guess_apart_terms=0)
    async with small_engine(tmp_path, MODULES) as engine:
        guessed = await SearchEngine(engine.library, policy=sure).ask("when should i prune roses")
        unruled = await SearchEngine(engine.library, policy=off).ask("when should i prune roses")
        typed = await SearchEngine(engine.library, policy=sure).ask("when should i prune roles")
        slip = await SearchEngine(engine.library, policy=sure).ask("when should i prune rolles")
    assert guessed.article is not None and guessed.article.slug == "modules"
    assert guessed.confidence == LOW
    assert unruled.article is not None and unruled.article.slug == "modules"
    assert unruled.confidence == "high"
    # The words typed as the library writes them are no guess: the rule leaves them be.
    assert typed.article is not None and typed.confidence == "high"
    # A slip ("rolles", no English word) corrected to "roles" is the word meant, not a word
    # the library lacks (Policy.misread_zipf).
    assert slip.article is not None and slip.confidence == "high"


# A contribution policy writing "generated output" where the question says "ChatGPT", two
# articles that do name ChatGPT, and others holding the question's other words one each,
# so that none of its words is one few articles hold (Policy.rare_english_zipf).
POLICY = {
    "p.md": _article(
        "llm-policy",
        "Contribution rules for the compiler",
        "<p>Reviewers may reject generated output posted in a rust pull request.</p>"
        "<p>Say where the text came from when you post it.</p>",
    ),
    "c.md": _article(
        "chatbots",
        "Chatbots answer customer questions",
        "<p>Shops now use ChatGPT to answer questions from customers at night.</p>",
    ),
    "e.md": _article(
        "essays",
        "Schools and the essay machine",
        "<p>Teachers worry that pupils hand in essays written by ChatGPT.</p>",
    ),
    **{
        f"{kind}{k}.md": _article(f"{kind}-{k}", f"{title} {k}", f"<p>{body} {k}.</p>")
        for k in range(4)
        for kind, title, body in (
            ("bikes", "Bike care", "Rust eats a chain left out in the rain, part"),
            ("mills", "Mill report", "The mill's output fell in quarter"),
            ("agency", "Agency diary", "A PR agency pitched its plan in round"),
        )
    },
}


async def test_three_distinctive_words_together_make_the_closest_match(tmp_path: Path) -> None:
    # The policy post holds "post", "output" and "rust" in one sentence, but not "chatgpt",
    # which two other articles hold: the question's weight it leaves out keeps the score
    # under tentative_threshold, yet three of its words in one place are about it
    # (Policy.together_floor_distinct).
    question = "can i post chatgpt output in a rust pr"
    async with small_engine(tmp_path, POLICY) as engine:
        answer = await engine.ask(question)
        off = DEFAULT.with_(together_floor_distinct=0)
        unruled = await SearchEngine(engine.library, policy=off).ask(question)
        ranked, found = await engine.reranked(question)
    assert answer.article is not None and answer.article.slug == "llm-policy"
    assert answer.confidence == LOW
    assert found[0].score < DEFAULT.tentative_threshold
    assert unruled.article is None
