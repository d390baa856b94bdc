"""A release number names its point releases: "rust 1.22" is about "1.22.0" and "1.22.1" too.

The rerank compares a question's stems with an article's exactly, and a dotted number is one
stem ("1.22.0"), so "Announcing Rustup 1.22.0" held nothing of "which rustup target came
with 1.22" while "Announcing Rust 1.22" held the number. FTS5 already matches them ("1 22" is
a phrase prefix of "1 22 0"); here the article's stems that extend a question's number by
more dotted parts are read as that number. Only whole dotted parts count: "1.2" is not
"1.21", and "1.21rc2" is a release candidate, not a point release.

A number written x.y names the x.y.0 release itself ("1.80" is "Rust 1.80.0"); 1.80.1 is a
later fix of it, so a title naming only that is about the release in part
(release_of, Policy.point_release_share).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_VERSION = re.compile(r"\d+(?:\.\d+)+")
# A release number written in running text or a title, "v" before it allowed ("v1.2.0").
_WRITTEN = re.compile(rf"(?<![\w.])v?({_VERSION.pattern})(?![\w.])")


def release_numbers(terms: Iterable[str]) -> list[str]:
    """The dotted numbers among a question's stems ("1.22", "3.4.1")."""
    return [t for t in terms if t[:1].isdigit() and _VERSION.fullmatch(t)]


def point_releases(stems: str, terms: Iterable[str]) -> dict[str, str]:
    """Each stem of `stems` (space-separated, as sentence_stems encodes them) extending one
    of `terms`' dotted numbers by more dotted parts -> that number ("1.22.0" -> "1.22")."""
    found: dict[str, str] = {}
    for term in release_numbers(terms):
        if f" {term}." not in stems:  # a plain find first: most texts hold no point release
            continue
        for longer in re.findall(rf"(?<= ){re.escape(term)}(?:\.\d+)+(?= )", stems):
            found.setdefault(longer, term)
    return found


def release_of(longer: str, term: str) -> bool:
    """Whether `longer` (a stem point_releases read as `term`) is the release `term` names
    itself: `term` with only zero parts added ("1.80.0" for "1.80"), not a later point
    release ("1.80.1") that fixes it."""
    return longer == term or set(longer[len(term) :].split(".")[1:]) <= {"0"}


def version_named(title: str) -> str | None:
    """The one dotted release number a title names ("Announcing Rust 1.98.0" -> "1.98.0"),
    None for none or several."""
    found = _WRITTEN.findall(title)
    return found[0] if len(found) == 1 else None
