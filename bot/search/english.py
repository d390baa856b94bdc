"""How common a word is in everyday English, apart from how common it is in the library.

The library's own counts say how distinctive a word is among its articles, and for most
words that is what matters. An everyday word the library's writers happen not to use
("till" where they wrote "until", "buy" in a library of politics) is counted as rare there,
yet says nothing of what a question is about; a question made only of everyday words
("is it bad to go running every single day") finds them side by side somewhere by chance.
English frequencies tell those apart from the words that are distinctive in any text:
names, brands, a plant's or a tool's name, a typo.

The frequencies are pyspellchecker's English list (word counts from film subtitles and
other everyday text), read once when first needed. Their Zipf value (log10 of a word's
frequency per billion words) is what Policy.everyday_zipf compares: 7 for "the", 5 about
once in 100,000 words.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import logging
import math
import os
import sys
from array import array
from functools import cache
from pathlib import Path

log = logging.getLogger("articlebot.search")

# Words rarer than this Zipf value are not kept in memory: none is everyday, and the
# whole list (160,000 words) would hold ~15 MB where these ~15,000 hold ~1 MB.
KEPT_ZIPF = 3.0
# The kept words are saved beside the cache (`keep_beside`) and read from there at the next
# start: ~5 ms against ~0.3 s for pyspellchecker's whole list, which a process's first
# question waits for (issue 19's start -> first answer). The file names the list it was made
# from (the hash of pyspellchecker's English resource) and its own layout's version.
SAVED_FORMAT = 1
_RESOURCE = ("spellchecker", "resources/en.json.gz")
_saved_at: Path | None = None


def keep_beside(db_path: Path) -> None:
    """Save the kept words beside the cache at `db_path` (`articles.db.english`) once made,
    and read them from there when they are of the same list."""
    global _saved_at
    _saved_at = db_path.with_name(f"{db_path.name}.english")


@cache
def _zipf_values() -> dict[str, float]:
    """word -> its Zipf value, for the English words from KEPT_ZIPF up.

    The kept words are made anew once the whole list is gone: the list's own word
    objects, kept, were spread over the memory its 160,000 words had taken and held it
    (~10 MB in a bare process; the bot at rest over 100k articles, which reads the list
    in its warm-up, 124 MB against 100 MB: bench/README.md, load test, "Twenty-first
    pass")."""
    words, values = _saved_or_made(_saved_at)
    kept = words.split("\n")
    if len(kept) != len(values):  # a word held a newline: the list's own words, then
        return dict(_kept_pairs())
    return dict(zip(kept, values, strict=True))


def _kept_pairs() -> list[tuple[str, float]]:
    """(word, Zipf value) of the English words from KEPT_ZIPF up, from pyspellchecker."""
    from spellchecker import SpellChecker  # ~1 s to read: only when first asked

    counts = SpellChecker(language="en", distance=1).word_frequency
    total = counts.total_words or 1
    pairs = ((word, math.log10(n / total) + 9.0) for word, n in counts.items())
    return [(word, value) for word, value in pairs if value >= KEPT_ZIPF]


def _kept() -> tuple[str, array]:
    """The kept words joined by newlines and their values, in two blocks of memory."""
    pairs = _kept_pairs()
    return "\n".join(w for w, _ in pairs), array("d", (v for _, v in pairs))


def _source_key() -> str | None:
    """The hash of pyspellchecker's English resource (read without importing the package),
    with this module's cut and layout: what a saved list must have been made from."""
    spec = importlib.util.find_spec(_RESOURCE[0])
    if spec is None or spec.origin is None:
        return None
    try:
        digest = hashlib.sha1((Path(spec.origin).parent / _RESOURCE[1]).read_bytes())
    except OSError:
        return None
    return f"{digest.hexdigest()} {KEPT_ZIPF!r} {SAVED_FORMAT} {sys.byteorder}"


def _saved_or_made(path: Path | None) -> tuple[str, array]:
    """The kept words and values from the file at `path` when it was made from the same
    list, else made from pyspellchecker's list (and saved there for the next start; a file
    that cannot be read or written costs one log line, never the answer)."""
    key = _source_key() if path is not None else None
    if path is None or key is None:
        return _kept()
    try:
        with path.open("rb") as f:
            header = json.loads(f.readline())
            if header.get("key") == key:
                words = f.read(header["words"]).decode("utf-8")
                values = array("d")
                values.frombytes(f.read(header["values"] * values.itemsize))
                if len(values) == header["values"] == words.count("\n") + 1:
                    return words, values
            log.info("english: %s is of another word list or layout; making it again", path)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("english: cannot read %s (%s); making it again", path, exc)
    words, values = _kept()
    blob = words.encode("utf-8")
    header = json.dumps({"key": key, "words": len(blob), "values": len(values)})
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:  # written aside, then renamed: a reader never sees half a file
        part.write_bytes(header.encode() + b"\n" + blob + values.tobytes())
        os.replace(part, path)
    except OSError as exc:
        log.warning("english: cannot save %s (%s); reading the list at each start", path, exc)
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
    return words, values


def zipf(word: str) -> float:
    """The word's Zipf value in everyday English; 0.0 for a word rarer than KEPT_ZIPF or
    not English at all (a name, a number, a typo)."""
    return _zipf_values().get(word, 0.0)


def everyday(word: str, threshold: float) -> bool:
    """Whether the (folded) word is everyday English: a Zipf value from `threshold` up."""
    return zipf(word) >= threshold


def article_share(word: str, article_words: int) -> float:
    """The share of articles of `article_words` words expected to hold the (folded) word
    in general English: each word of the article is this one with probability
    10^(zipf - 9), so at least one is with 1 - exp(-words * that). 0.0 for a word the list
    does not keep (a name, a typo): English says nothing of it."""
    z = zipf(word)
    return 1.0 - math.exp(-article_words * 10.0 ** (z - 9.0)) if z else 0.0


def warm() -> None:
    """Read the list now (a reload does, so the first question does not wait for it)."""
    _zipf_values()
