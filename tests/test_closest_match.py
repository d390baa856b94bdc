"""How sure `ask` is when the library holds only part of a question (issue 15, refuse15):
a word typed that no article holds, a brand the article names by its kind."""

from __future__ import annotations

from pathlib import Path

from bot.search.engine import SearchEngine
from bot.search.policy import DEFAULT
from bot.search.results import LOW
from tests.conftest import assert_rule_makes_closest, small_engine
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
        await assert_rule_makes_closest(
            engine.library, "when should i prune roses", "modules", sure, off
        )
        typed = await SearchEngine(engine.library, policy=sure).ask("when should i prune roles")
        slip = await SearchEngine(engine.library, policy=sure).ask("when should i prune rolles")
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


# A release's notes holding "cells" in one part and "strings" in another; other articles
# hold "cells" too, so that "cello", in no article, is read as "cells".
CELLS = {
    "n.md": _article(
        "notes",
        "Release notes for version nine",
        "<p>Interior mutability now has two new cells for shared state.</p>"
        "<p>Concatenating owned strings with a plus sign gives a clearer error.</p>",
    ),
    **{
        f"b{k}.md": _article(
            f"biology-{k}", f"Lab diary {k}", f"<p>We counted cells under the lens on day {k}.</p>"
        )
        for k in range(4)
    },
}


async def test_a_passage_holding_only_the_guess_for_an_english_word_is_the_closest_match(
    tmp_path: Path,
) -> None:
    # "how many strings does a cello have" (fresh16): "cello", an English word in no
    # article, is read as "cells", and the best passage holds only that word: the post
    # speaks of cells, not of a cello, so it is the closest match (Policy.misread_shown),
    # however high its score (the confident floor lowered so the score alone would do).
    sure = DEFAULT.with_(answer_threshold=0.5)
    off = sure.with_(misread_shown=0)
    question = "how many strings does a cello have"
    async with small_engine(tmp_path, CELLS) as engine:
        await assert_rule_makes_closest(engine.library, question, "notes", sure, off)
        slip = await SearchEngine(engine.library, policy=sure).ask("how many new cellls are there")
    # A slip ("cellls", no English word) read as "cells" is the word meant: its passage
    # still answers.
    assert slip.article is not None and slip.confidence == "high"


async def test_a_plural_typed_is_english_when_its_singular_is(tmp_path: Path) -> None:
    # "crosswords" is in no word list (Zipf 0; the list keeps words from 3) though
    # "crossword" is: typed as a plural, "cellos" is an English word in no article, read as
    # "cells", and the passage holding only that word is the closest match
    # (Policy.misread_plural); counted as a slip, its correction would be the word meant.
    sure = DEFAULT.with_(answer_threshold=0.5)
    off = sure.with_(misread_plural=0)
    question = "how many strings do cellos have"
    async with small_engine(tmp_path, CELLS) as engine:
        await assert_rule_makes_closest(engine.library, question, "notes", sure, off)
