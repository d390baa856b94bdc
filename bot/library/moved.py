"""Files moved with their bytes unchanged: what a reload can know of them without parsing.

A folder renamed, or an export moved under a subfolder, makes every file new by its path
while its bytes are those of a gone file the cache holds an article for (hard26 measured
156 s to parse 18,817 such files again). The article is the same but for what the parse
derives from the path: the path itself, and the slug when the frontmatter gives none.
"""

from __future__ import annotations

import hashlib
import os
import re

import frontmatter

from bot.library.clean import strip_controls
from bot.library.parse import _HANDLER, _OPENING, _scalar, _slug_from_path, decode, slugify

# The frontmatter's closing line, from the start of the file (a BOM before the opening).
_FRONT = re.compile(rb"\A(?:\xef\xbb\xbf)?-{3,}[ \t]*\r?\n(.*?)^-{3,}[ \t]*$", re.S | re.M)


def read(root: str, rel: str) -> tuple[str, bytes] | None:
    """A file's content hash (the one a reload keys files on, as workers.read_and_parse
    makes it) and bytes; None when it cannot be read now (the parse then says why)."""
    try:
        with open(os.path.join(root, rel), "rb", buffering=0) as f:
            raw = f.read()
    except OSError:
        return None
    return hashlib.blake2b(raw, digest_size=16).hexdigest(), raw


def slug_of(raw: bytes, rel_path: str, max_bytes: int) -> str | None:
    """The slug the parse gives these bytes at `rel_path` (before a clash is settled), or
    None when it cannot be told without the parse. Bytes whose frontmatter holds no
    "slug" (nor a backslash escape that could spell it) take their file name's, as
    parse_article does, without reading the YAML; others have their frontmatter read by
    the parse's own YAML handler."""
    front = _FRONT.match(raw)
    if front is None:
        return None
    head = front.group(1)
    if b"slug" not in head.lower() and b"\\" not in head:
        return _slug_from_path(rel_path)
    try:
        text = strip_controls(decode(raw, max_bytes))
        if not _OPENING.match(text):
            return None
        meta, _ = frontmatter.parse(text, handler=_HANDLER)
    except Exception:  # noqa: BLE001 - what the handler cannot read, the parse says
        return None
    # parse_article's own expression (slugify of the frontmatter's, else the file name's).
    return slugify(_scalar(meta.get("slug")) or "") or _slug_from_path(rel_path)
