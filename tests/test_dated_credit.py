"""A year or a month the question names as a time credits the posts published then
(Retriever._by_date): the date is the article's, not its text's."""

from __future__ import annotations

from pathlib import Path

from bot.search.policy import DEFAULT
from tests.conftest import assert_rule_decides, dated_post

# The post on the change, published in March 2022, never writes the month or the year; a
# later post on the team writes "March" (of another year) with the question's other words.
TEAM = {
    "a.md": dated_post(
        "team-changes",
        "Changes at the Quillkit team",
        "2022-03-15",
        "Ana Ruiz has joined the Quillkit team as a maintainer of the formatter.",
        "She has reviewed pull requests for two years.",
    ),
    "b.md": dated_post(
        "team-plans",
        "What the Quillkit team plans next",
        "2023-06-01",
        "Since March the Quillkit team has joined forces with the packaging group.",
        "Together the team plans a faster build for everyone who joined the beta.",
    ),
}


async def test_a_named_month_credits_the_posts_published_in_it(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        TEAM,
        "who joined the quillkit team in march 2022",
        ("team-changes", "Ana Ruiz"),
        DEFAULT.with_(dated_credit=0.0),
        "team-plans",
    )
