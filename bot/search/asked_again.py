"""A question that only names another year or release than the question before it ("and
2017?" after "what did the 2016 survey find", "what about 1.22?" after "when was go 1.21
released"): the question before, asked again with that year or release in place of its own.
English ellipsis: the rest of the question is the one just asked (journey26: "and 2017?"
stayed on the 2016 survey post, read as a follow-up of its article).
"""

from __future__ import annotations

import re

# What may come before the year or release: a conjunction, "what/how about", "in", "for".
_LEAD = (
    r"(?:(?:and|but|so|ok|okay)\s+)?(?:(?:what|how)\s+about\s+)?(?:(?:in|for|of)\s+)?(?:the\s+)?"
)
_YEAR = r"(?:19|20)\d\d"
_RELEASE = r"v?\d+\.\d+(?:\.\d+)?"
_ALONE = re.compile(rf"^\s*{_LEAD}({_YEAR}|{_RELEASE})(?:\s+(?:one|then|too))?\s*[?!.]*\s*$", re.I)
_SHAPES = (re.compile(rf"^{_YEAR}$"), re.compile(rf"^{_RELEASE}$", re.I))


def swapped(question: str, before: str) -> str | None:
    """`before` with its one year (or release number) replaced by the one `question` names
    alone; None when the question says more, or `before` has none or several of that shape."""
    alone = _ALONE.match(question)
    if alone is None:
        return None
    new = alone.group(1)
    shape = next(s for s in _SHAPES if s.match(new))
    tokens = re.split(r"(\s+)", before)
    places = [i for i, t in enumerate(tokens) if shape.match(t.strip("?!.,;:()\"'"))]
    if len(places) != 1:
        return None
    i = places[0]
    old = tokens[i].strip("?!.,;:()\"'")
    if old.lower() == new.lower():
        return None
    tokens[i] = tokens[i].replace(old, new)
    return "".join(tokens)
