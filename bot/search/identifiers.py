"""Question words a passage holds only as parts of code identifiers.

The word pattern (words.py) splits `meaning_of_life` into "meaning", "of" and "life", so
a code sample's `fn meaning_of_life()` holds "what is the meaning of life" as well as any
sentence could. A name a programmer joined with underscores says what a function or a
variable is called, not what the text says about the words in it: a question word held
only that way is weaker evidence than one written in prose (Policy.identifier_words).
A question that writes the identifier itself ("what type do array_windows items have")
asks about it, so its own identifiers' words count as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set

from bot.search.sentence_spans import CODE_LINE
from bot.search.stem import stem
from bot.search.words import fold, words

# Two or more runs of letters and digits joined by underscores: `meaning_of_life`,
# `default_target`. One word with underscores around it (`__init__`, `x_`, a blank `_`)
# joins no words: it is that word, named.
_IDENTIFIER = re.compile(r"\w*[^\W_]_+[^\W_]\w*")


def identifier_stems(text: str) -> set[str]:
    """The stems of the words written inside underscore-joined identifiers in `text`."""
    out: set[str] = set()
    for name in _IDENTIFIER.findall(fold(text)):
        out.update(stem(w) for w in words(name.replace("_", " ")))
    return out


def written_identifiers(text: str) -> frozenset[str]:
    """The underscore-joined identifiers `text` writes, case-folded (`offset_of`)."""
    return frozenset(_IDENTIFIER.findall(fold(text)))


def writes_identifier(texts: Iterable[str], names: Set[str]) -> bool:
    """Whether one of `texts` writes one of the identifiers `names` (folded) whole: not as
    part of a longer one (`offset_of` is not in `offset_of_field`)."""
    if not names:
        return False
    alternatives = "|".join(map(re.escape, sorted(names)))
    found = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return any("_" in t and found.search(fold(t)) for t in texts)


def prose_stems(text: str) -> set[str]:
    """The stems of the words `text` writes outside underscore-joined identifiers."""
    return {stem(w) for w in words(_IDENTIFIER.sub(" ", fold(text)))}


def only_in_identifiers(
    sentences: Iterable[tuple[str, Set[str]]], asked: Set[str] = frozenset()
) -> set[str]:
    """Of the question stems a passage's sentences hold (each sentence's text with the
    stems it holds), those written there only inside underscore-joined identifiers, never
    in prose; `asked`: the stems the question itself writes in identifiers (never
    discounted). A stem the sentence stems found by another form (an irregular plural, a
    compound) that no identifier holds stays as held."""
    inside: set[str] = set()
    prose: set[str] = set()
    for text, held in sentences:
        if not held:
            continue
        if "_" not in text:
            prose |= held
            continue
        mine = held & identifier_stems(text)
        if not mine:  # (no held stem in an identifier: the prose's words are not read)
            prose |= held
            continue
        inside |= mine
        prose |= (held - mine) | (mine & prose_stems(text))
    return inside - prose - set(asked)


# A question written in code form: a dotted or slashed name (`go.mod`, `net/http`), a path
# segment, a flag (`-u`, `--release`), a call (`len()`), a path (`std::io`) or backticks.
# (Two letters before the dot or slash: "e.g." and "U.S." are no code.)
_CODE_FORM = re.compile(r"`|[^\W\d_]{2,}[./][^\W\d_]|(?:^|\s)--?\w|\w\(\)|::")


def written_as_code(text: str) -> bool:
    """Whether the question `text` writes something in code form (see _CODE_FORM)."""
    return bool(_CODE_FORM.search(text))


def only_in_code(sentences: Iterable[tuple[str, str, Set[str]]], terms: Set[str]) -> set[str]:
    """Of `terms`, those the passage's sentences (each its text, its block's kind and the
    question stems it holds) hold only in code, never in prose: a line of code (CODE_LINE:
    a shell prompt, braces, a semicolon) in a code block (kind "pre"): `$ cat go.mod` holds
    "cat" as a shell command, not the animal. Either alone is not enough: a mail archive
    wraps whole letters in <pre> ("At its core, ATP offers..."), and a quoted letter's
    "> " lines are prose."""
    inside: set[str] = set()
    prose: set[str] = set()
    for text, kind, held in sentences:
        mine = held & terms
        if not mine:
            continue
        if kind == "pre" and CODE_LINE.search(text):
            inside |= mine
        else:
            prose |= mine
    return inside - prose
