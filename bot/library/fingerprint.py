"""Fingerprints of the code that decides what the cache stores (parsed text, sentence
stems, cards): a reload whose code's fingerprint differs from the cache's reads every
file again. Derived, not bumped by hand: a hand-kept number is forgotten, and the cache
then serves what the old code made for every file that did not change."""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
from collections.abc import Iterable
from pathlib import Path


def code_fingerprint(
    modules: Iterable[str], libraries: Iterable[str] = (), extra: bytes = b""
) -> str:
    """A digest of the modules' source, the installed libraries' versions and `extra`
    (what else decides the output: libxml2's version, a library named differently)."""
    digest = hashlib.blake2b(digest_size=12)
    for name in modules:
        digest.update(Path(importlib.import_module(name).__file__ or "").read_bytes())
    for dist in libraries:
        digest.update(f"{dist}={importlib.metadata.version(dist)};".encode())
    digest.update(extra)
    return digest.hexdigest()
