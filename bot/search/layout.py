"""The search index as one buffer of named sections: typed arrays and string tables.

Written once per library version beside the cache and memory-mapped at start, so a process
holds the index as pages of one file rather than as millions of Python objects: a section
is read through a `memoryview` cast to its type, and a string only becomes a `str` when it
is read. The header (JSON) names each section's type, offset and length, and the stamp of
the cache version and policy the index was built for.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import mmap
import os
import struct
from array import array
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

MAGIC = b"ArticleBot search index\n"
# Raised whenever the sections or what they mean change: an index of another format is
# rebuilt, never misread.
FORMAT = 1
_LENGTH = struct.Struct("<Q")
_ALIGN = 8

Section = array | bytes | bytearray | memoryview


class IndexFileError(Exception):
    """The buffer is not an index of this format (truncated, damaged or older)."""


def find(strings: Sequence[str], key: str) -> int:
    """The position of key in a sorted sequence of strings, or -1."""
    i = bisect.bisect_left(strings, key)
    return i if i < len(strings) and strings[i] == key else -1


def string_table(strings: Sequence[str]) -> tuple[bytes, array]:
    """A blob of the strings, each followed by a newline, and the offsets of their starts
    (one more than strings: the end)."""
    parts = [s.encode() for s in strings]
    offsets = array("q", [0])
    total = 0
    for p in parts:
        total += len(p) + 1
        offsets.append(total)
    return b"".join(p + b"\n" for p in parts), offsets


def _plan(header: dict[str, Any], sections: Mapping[str, Section]) -> tuple[bytes, int, dict]:
    """The file's head (magic, header length, header JSON, padding), and each section's
    type, offset after the head and size."""
    table: dict[str, list[Any]] = {}
    offset = 0
    for name, data in sections.items():
        view = memoryview(data)
        table[name] = [view.format, offset, view.nbytes]
        size = view.nbytes
        offset += size + (-size % _ALIGN)
    head = json.dumps({**header, "format": FORMAT, "sections": table}).encode()
    start = MAGIC + _LENGTH.pack(len(head)) + head
    return start + bytes(-len(start) % _ALIGN), offset, table


def _parts(header: dict[str, Any], sections: Mapping[str, Section]) -> Iterator[Section]:
    """The file's bytes, piece by piece."""
    head, _, table = _plan(header, sections)
    yield head
    for name, data in sections.items():
        size = table[name][2]
        yield memoryview(data).cast("B")
        if size % _ALIGN:
            yield bytes(-size % _ALIGN)


def encode(header: dict[str, Any], sections: Mapping[str, Section]) -> bytes:
    """The index file's bytes: magic, header length, header JSON, then each section
    aligned to 8 bytes."""
    return b"".join(_parts(header, sections))


class IndexFile:
    """The sections of an index buffer (bytes, or a mapped file), read in place."""

    @classmethod
    def of(cls, header: dict[str, Any], sections: Mapping[str, Section]) -> IndexFile:
        """An index of sections made in memory (as the file written of them will read)."""
        file = cls.__new__(cls)
        file._buffer = sections
        file.header = {**header, "format": FORMAT}
        file._sections = {name: memoryview(data) for name, data in sections.items()}
        return file

    def __init__(self, buffer: bytes | bytearray | mmap.mmap) -> None:
        self._buffer = buffer
        view = memoryview(buffer)
        try:
            if bytes(view[: len(MAGIC)]) != MAGIC:
                raise IndexFileError("not a search index")
            (length,) = _LENGTH.unpack_from(view, len(MAGIC))
            at = len(MAGIC) + _LENGTH.size
            self.header: dict[str, Any] = json.loads(bytes(view[at : at + length]))
        except (struct.error, ValueError, UnicodeDecodeError) as exc:
            raise IndexFileError(f"unreadable header: {exc}") from None
        if self.header.get("format") != FORMAT:
            raise IndexFileError(f"format {self.header.get('format')}, not {FORMAT}")
        start = at + length
        start += -start % _ALIGN
        self._sections: dict[str, memoryview] = {}
        for name, (code, offset, size) in self.header["sections"].items():
            if start + offset + size > len(view):
                raise IndexFileError(f"truncated at section {name}")
            part = view[start + offset : start + offset + size]
            self._sections[name] = part if code == "B" else part.cast(code)

    @property
    def stamp(self) -> dict[str, Any]:
        return self.header.get("stamp", {})

    def __contains__(self, name: str) -> bool:
        return name in self._sections

    def array(self, name: str) -> memoryview:
        """A section as a typed, read-only view."""
        return self._sections[name]

    def strings(self, name: str) -> Strings:
        """A string table written by string_table (blob `name`, offsets `name.off`)."""
        return Strings(self._sections[name], self._sections[f"{name}.off"])

    def json(self, name: str) -> Any:
        return json.loads(bytes(self._sections[name]))


class Strings(Sequence[str]):
    """A read-only list of strings decoded on access (bisect works on it: sorted tables
    are searched without decoding them all)."""

    def __init__(self, blob: memoryview, offsets: memoryview) -> None:
        self.blob = blob
        self.offsets = offsets

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        o = self.offsets
        return str(self.blob[o[i] : o[i + 1] - 1], "utf-8")

    def __iter__(self) -> Iterator[str]:
        return iter(self.all())

    def equals(self, i: int, text: bytes) -> bool:
        """Whether string i is `text` (UTF-8), without decoding it."""
        at = self.offsets[i]
        return self.offsets[i + 1] - 1 - at == len(text) and self.blob[at : at + len(text)] == text

    def raw(self, i: int) -> memoryview:
        """String i as its UTF-8 bytes, newline included (for copying into a new table)."""
        o = self.offsets
        return self.blob[o[i] : o[i + 1]]

    def all(self) -> list[str]:
        """Every string, decoded at once."""
        if len(self.blob) == 0:
            return []
        found = str(self.blob, "utf-8").split("\n")[:-1]
        if len(found) != len(self):  # a string holds a newline: one by one, then
            return [self[i] for i in range(len(self))]
        return found


def write(path: Path, header: dict[str, Any], sections: Mapping[str, Section]) -> None:
    """Replace the index file at `path` in one step: a reader sees the old file or the new
    one, never a half-written one (and a process that mapped the old one keeps it)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.writelines(_parts(header, sections))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def read(path: Path) -> IndexFile:
    """The index file at `path`, mapped into memory read-only. Raises OSError when it
    cannot be read, IndexFileError when it is not a readable index."""
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size == 0:
            raise IndexFileError("empty file")
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    return IndexFile(mapped)
