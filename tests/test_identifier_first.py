"""A question writing a code identifier (rerank.identifier_first, identifiers.py)."""

from __future__ import annotations

from pathlib import Path

from bot.search.identifiers import writes_identifier, written_identifiers
from bot.search.policy import DEFAULT
from tests.conftest import assert_rule_decides, dated_post

# Two release notes: the later one speaks of offsets and what they give you in prose, over
# and over; the earlier one stabilized `span_of!`, whose name the word pattern splits into
# "span" and a stopword, and says what it gives once.
NOTES = {
    "a.md": dated_post(
        "quill-1-9",
        "Announcing Quillkit 1.9",
        "2024-05-02",
        "Quillkit 1.9 changes how the span of a selection is kept.",
        "The span of a selection now gives you the offset where it starts.",
        "A span gives you its length too, and the span of an empty selection is zero.",
    ),
    "b.md": dated_post(
        "quill-1-8",
        "Announcing Quillkit 1.8",
        "2024-03-21",
        "Quillkit 1.8 stabilizes several macros and settles the plugin format.",
        "The plugin format now lists each hook once, with its arguments.",
        "Users can now call span_of!(Node, field): it gives you the span of a field.",
        "Older plugins keep working without a rebuild.",
    ),
}


async def test_the_post_writing_the_identifier_asked_goes_first(tmp_path: Path) -> None:
    await assert_rule_decides(
        tmp_path,
        NOTES,
        "what does span_of give you",
        ("quill-1-8", "span_of!"),
        DEFAULT.with_(identifier_margin=0.0),
        "quill-1-9",
    )


def test_an_identifier_is_written_whole() -> None:
    assert written_identifiers("What does Span_Of give you?") == {"span_of"}
    assert written_identifiers("what does span of give you") == frozenset()
    assert writes_identifier(["call mem::span_of!(Node, f)"], {"span_of"})
    assert not writes_identifier(["call span_of_field(Node)"], {"span_of"})
    assert not writes_identifier(["the span of a node"], {"span_of"})
    assert not writes_identifier(["call span_of!(Node, f)"], frozenset())
