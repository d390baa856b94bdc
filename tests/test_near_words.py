"""A question's words written near each other bring their post to the rerank
(retrieve._near, Policy.near_articles)."""

from __future__ import annotations

from pathlib import Path

from bot.search.policy import DEFAULT
from tests.conftest import CONTENT, answered_by, dated_post, small_engine

# The birthday post writes the three words once, side by side; the release notes write each
# of them apart, in fewer words, and lead the first stage.
POSTS = {
    "a.md": dated_post(
        "quill-three",
        "Quill turns three",
        "2012-11-10",
        "The Quill editor is three years old and keeps growing.",
        "Every project meeting this year asked for new features.",
        "The launch of version two brought many users.",
    ),
    # Releases writing the words apart: none of them is a rare word read whatever its score.
    **{
        f"r{k}.md": dated_post(
            f"quill-1-{k}",
            f"Quill 1.{k} released",
            f"2011-0{k}-01",
            f"Quill 1.{k} fixes bugs. Thanks to everyone on the project who helped."
            " See you all at the next launch.",
        )
        for k in range(1, 5)
    },
    "b.md": dated_post(
        "quill-one",
        "One year ago today",
        "2010-11-10",
        "On the 10th of November 2009 we launched the Quill project, an editor for writers.",
        "The year since has seen many changes in the editor and its community.",
    ),
}


async def test_a_post_writing_the_question_words_together_is_read(tmp_path: Path) -> None:
    # A pool of one stands for a pool the first stage fills with posts that hold each word
    # more often: the near post is read only through the near leg.
    cut = DEFAULT.with_(rerank_pool=1)
    question = "when did the quill project launch"
    async with small_engine(tmp_path, POSTS, CONTENT) as engine:
        assert (await answered_by(engine.library, question, cut))[0] == "quill-one"
        off = cut.with_(near_articles=0)
        assert (await answered_by(engine.library, question, off))[0] == "quill-1-4"
