"""Whether an article mentions a question's words only in passing.

An article about what a question asks names its distinctive words in its title or
opening, or comes back to them; one that writes them once or twice deep in its body,
every one an ordinary English word ("pizza … oven" in a story about disaster relief,
"wall clock" in a release's notes), shares the question's words, not its topic. A name
or a technical word mentioned once ("operation shamrock", "ballmer", "goinstall") is
different: a question using it asks about that very thing, and the one sentence holding
it is the answer.
"""

from __future__ import annotations

from collections.abc import Sequence, Set


def in_passing(
    held: Set[str],
    plain: Set[str],
    opening: Set[str],
    sets: Sequence[Set[str]],
    most: int,
) -> bool:
    """`held`: the question's distinctive words the article holds (title, author or
    text); `plain`: those of the question's words that are ordinary English; `opening`:
    the words its title and first sentences hold; `sets`: each sentence's question words.
    True when there is such a word, every one is ordinary English, none is in the
    opening, and none is written in more than `most` sentences (0: never)."""
    if most <= 0 or not held or not held <= plain or held & opening:
        return False
    seen = dict.fromkeys(held, 0)
    for terms in filter(None, sets):  # (most sentences hold none: skipped in C)
        for t in terms & held:
            seen[t] += 1
            if seen[t] > most:
                return False
    return True
