"""The no-comment line of news writing: "Amazon spokesperson Kelly Nantel declined to
comment.", "The company did not respond to a request for comment." Such a sentence says
only that someone said nothing; the person it names answers no "who" question but one
about the declining itself ("who refused to comment?", "did anyone respond?").
"""

from __future__ import annotations

import re

from bot.search.words import stems

# English's ways of saying someone gave no comment: a verb of declining before "to
# comment/say/discuss/answer", "no comment", "(a request) for comment", "did not respond",
# "could not be reached". Matched on the sentence lower-cased.
_NO_COMMENT = re.compile(
    r"\b(?:declin\w*|refus\w*) to (?:comment|say|discuss|answer|respond|elaborate)\b"
    r"|\bno comment\b|\bfor comment\b"
    r"|\b(?:did not|didn['’]t|has not|hasn['’]t|have not|haven['’]t)(?: immediately)?"
    r" (?:respond|reply|return)\b"
    r"|\bcould(?: not|n['’]t) be reached\b"
)


# A question asking who spoke ("who spoke for amazon", "who is their spokesperson",
# "who said anything") is answered by the one who declined to: the verbs and nouns of
# saying, as stems (the line's own words are added per sentence, see answers_no_who).
_SPEAKING = frozenset(
    stems(
        "say said says speak spoke spoken speaks spokesperson spokesman spokeswoman"
        " tell told comment commented respond responded reply replied answer answered"
        " statement"
    )
)


def declined(sentence: str, subject_words: int) -> frozenset[str] | None:
    """The stems of the words saying the sentence's person gave no comment ("declin",
    "comment"), or None when it says no such thing or says more: the line opens with its
    subject alone (at most `subject_words` words, no comma before the declining), as
    "Amazon spokesperson Kelly Nantel declined to comment." does. "Smith, who was named
    chief executive in 2020, did not respond…" tells who holds the post first: not a
    no-comment line only."""
    found = _NO_COMMENT.search(sentence.lower())
    if found is None:
        return None
    before = sentence[: found.start()]
    if any(mark in before for mark in ",;:—(") or len(before.split()) > subject_words:
        return None
    return frozenset(stems(found.group(0)))


def answers_no_who(sentence: str, asked: frozenset[str], subject_words: int) -> bool:
    """Whether a sentence is a no-comment line the question (its stems `asked`) does not
    ask about: its person declined to say anything, so is no answer to "who runs amazon
    now"; a question sharing the line's words ("who declined to comment") or asking who
    spoke ("who spoke for amazon") asks of it."""
    said = declined(sentence, subject_words)
    return said is not None and (said | _SPEAKING).isdisjoint(asked)
